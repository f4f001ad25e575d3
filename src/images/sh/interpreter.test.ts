// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell scripts, where ${x} is shell syntax
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createContainerFs } from './rootfs.js';
import { type ExecResult, runToCompletion } from './run.js';

/**
 * Scripts → stdout, stderr, exit status, as busybox 1.36 ash prints them. Rows marked "ash_test"
 * are ported from busybox's shell/ash_test (the .right files; where those predate ash counting
 * `sh -c` lines from 0, the line numbers are the current ones).
 */

function sh(script: string | readonly string[], env: Record<string, string> = {}): ExecResult {
  const fs = createContainerFs({ hostname: 'web-0', podIPs: ['10.244.0.5'] });
  return runToCompletion(script, { fs, env: { HOSTNAME: 'web-0', ...env } });
}

interface Row {
  readonly name: string;
  readonly script: string | readonly string[];
  readonly stdout?: string;
  readonly stderr?: string;
  readonly code?: number;
}

const rows: Row[] = [
  // ---- basics ----
  { name: 'echo', script: 'echo hello world', stdout: 'hello world\n', code: 0 },
  { name: 'echo -n', script: 'echo -n a; echo b', stdout: 'ab\n' },
  { name: 'echo -e escapes', script: 'echo -e "a\\tb\\nc\\0101"', stdout: 'a\tb\ncA\n' },
  { name: 'echo without -e keeps backslashes', script: 'echo "a\\nb"', stdout: 'a\\nb\n' },
  { name: 'echo -e \\c stops output', script: 'echo -e "ab\\cde"; echo x', stdout: 'abx\n' },
  { name: 'echo -en combined', script: "echo -en 'x\\n'", stdout: 'x\n' },
  { name: 'true, false, :', script: 'true; echo $?; false; echo $?; :; echo $?', stdout: '0\n1\n0\n' },
  { name: 'exit N', script: 'exit 3', code: 3 },
  { name: 'exit status wraps at 256', script: 'exit 257', code: 1 },
  { name: 'exit without N keeps the last status', script: 'false; exit', code: 1 },
  {
    name: 'exit with a bad number',
    script: 'exit abc',
    stderr: 'sh: exit: line 0: Illegal number: abc\n',
    code: 2,
  },
  { name: 'script status is the last command', script: 'true; false', code: 1 },
  { name: 'comments', script: 'echo a # not this\n# whole line\necho b', stdout: 'a\nb\n' },
  { name: 'line continuation', script: 'echo a \\\n  b', stdout: 'a b\n' },

  // ---- command not found ----
  { name: 'unknown command', script: 'foo', stderr: 'sh: foo: not found\n', code: 127 },
  {
    name: 'unknown command, status',
    script: 'foo; echo $?',
    stdout: '127\n',
    stderr: 'sh: foo: not found\n',
  },
  {
    name: 'unknown command as /bin/sh',
    script: ['/bin/sh', '-c', 'nope'],
    stderr: '/bin/sh: nope: not found\n',
    code: 127,
  },
  {
    name: 'named -c script prefixes messages (ash_test exitcode_ENOENT)',
    script: ['sh', '-c', './does_not_exist_for_sure; echo $?', 'myscript'],
    stdout: '127\n',
    stderr: 'myscript: line 0: ./does_not_exist_for_sure: not found\n',
  },
  {
    name: 'a directory is not executable (ash_test exitcode_EACCES)',
    script: './; echo $?',
    stdout: '126\n',
    stderr: 'sh: ./: Permission denied\n',
  },
  {
    name: 'unsimulated busybox applet',
    script: 'awk 1',
    stderr: 'sh: awk: applet not simulated by kubesim\n',
    code: 127,
  },
  { name: 'bash is not in busybox', script: 'bash -c true', stderr: 'sh: bash: not found\n', code: 127 },

  // ---- syntax errors (ash wording; nothing on the bad line runs) ----
  {
    name: 'then fi with an empty body',
    script: 'if true; then fi',
    stderr: 'sh: syntax error: unexpected "fi"\n',
    code: 2,
  },
  { name: 'lone fi', script: 'echo a; fi', stderr: 'sh: syntax error: unexpected "fi"\n', code: 2 },
  {
    name: 'lines before the error run',
    script: 'echo first\nfi',
    stdout: 'first\n',
    stderr: 'sh: syntax error: unexpected "fi"\n',
    code: 2,
  },
  {
    name: 'missing fi',
    script: 'if true; then echo x',
    stderr: 'sh: syntax error: unexpected end of file (expecting "fi")\n',
    code: 2,
  },
  {
    name: 'missing do',
    script: 'while true; echo x; done',
    stderr: 'sh: syntax error: unexpected "done" (expecting "do")\n',
    code: 2,
  },
  {
    name: 'missing done',
    script: 'while true; do echo x',
    stderr: 'sh: syntax error: unexpected end of file (expecting "done")\n',
    code: 2,
  },
  { name: 'double semicolon', script: 'echo a; ;', stderr: 'sh: syntax error: unexpected ";"\n', code: 2 },
  {
    name: 'unterminated quote',
    script: 'echo "abc',
    stderr: 'sh: syntax error: unterminated quoted string\n',
    code: 2,
  },
  {
    name: 'word after fi',
    script: 'if true; then :; fi echo',
    stderr: 'sh: syntax error: unexpected word\n',
    code: 2,
  },
  {
    name: 'bad for variable',
    script: 'for 1 in a; do :; done',
    stderr: 'sh: syntax error: bad for loop variable\n',
    code: 2,
  },
  {
    name: 'bad substitution (ash_test param_expand_alt)',
    script: ['sh', '-c', 'echo ${+}  ; echo moo', 'SHELL'],
    stderr: 'SHELL: line 0: syntax error: bad substitution\n',
    code: 2,
  },
  {
    name: 'unclosed $(',
    script: 'echo $(echo',
    stderr: 'sh: syntax error: unexpected end of file (expecting ")")\n',
    code: 2,
  },

  // ---- lists and conditionals ----
  {
    name: '&& and ||',
    script: 'true && echo a; false && echo b; false || echo c; true || echo d',
    stdout: 'a\nc\n',
  },
  { name: 'chains are left-associative', script: 'false && echo x || echo y', stdout: 'y\n' },
  {
    name: 'if/elif/else',
    script: 'x=2; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo many; fi',
    stdout: 'two\n',
  },
  { name: 'if with no branch taken is 0', script: 'false; if false; then :; fi; echo $?', stdout: '0\n' },
  { name: 'negation', script: '! false; echo $?; ! true; echo $?', stdout: '0\n1\n' },
  { name: 'while', script: 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', stdout: '0\n1\n2\n' },
  { name: 'until', script: 'i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i', stdout: '2\n' },
  { name: 'for in', script: 'for x in a "b c" d; do echo "<$x>"; done', stdout: '<a>\n<b c>\n<d>\n' },
  {
    name: 'for over $@',
    script: ['sh', '-c', 'for a; do echo $a; done', 'name', 'p', 'q'],
    stdout: 'p\nq\n',
  },
  {
    name: 'break and continue',
    script: 'for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done',
    stdout: '1\n3\n',
  },
  {
    name: 'break 2',
    script: 'for a in 1 2; do for b in x y; do echo $a$b; break 2; done; done',
    stdout: '1x\n',
  },
  {
    name: 'case',
    script:
      'for w in apple kiwi x.log; do case $w in a*) echo A;; *.log|k*) echo LK;; *) echo other;; esac; done',
    stdout: 'A\nLK\nLK\n',
  },
  { name: 'case with quoted pattern', script: 'case "*" in "*") echo star;; esac', stdout: 'star\n' },
  { name: 'groups', script: '{ echo a; echo b; } > /tmp/g; cat /tmp/g', stdout: 'a\nb\n' },
  { name: 'subshell keeps variables apart', script: 'x=1; (x=2; echo $x); echo $x', stdout: '2\n1\n' },
  { name: 'subshell exit', script: '(exit 4); echo $?', stdout: '4\n' },
  {
    name: 'functions',
    script: 'f() { echo "$# $1 $2"; return 5; }; f a "b c"; echo $?',
    stdout: '2 a b c\n5\n',
  },
  { name: 'function local', script: 'x=1; f() { local x=2; echo $x; }; f; echo $x', stdout: '2\n1\n' },
  { name: 'function keyword', script: 'function g { echo g; }; g', stdout: 'g\n' },
  { name: 'defining a function succeeds', script: 'false; f() { qwerty; }; echo $?', stdout: '0\n' },
  { name: 'set -e stops at a failure', script: 'set -e; echo a; false; echo b', stdout: 'a\n', code: 1 },
  {
    name: 'set -e ignores tested commands',
    script: 'set -e; if false; then :; fi; false || true; echo ok',
    stdout: 'ok\n',
  },
  { name: 'sh -ec', script: ['sh', '-ec', 'echo a; false; echo b'], stdout: 'a\n', code: 1 },
  {
    name: 'set -x traces to stderr',
    script: 'set -x; echo hi "a b"',
    stdout: 'hi a b\n',
    stderr: "+ echo hi 'a b'\n",
  },
  { name: 'set -u', script: 'set -u; echo $nope', stderr: 'sh: nope: parameter not set\n', code: 2 },

  // ---- variables and expansions ----
  { name: 'variables', script: 'A=1; B="two words"; echo $A ${B} "${B}"', stdout: '1 two words two words\n' },
  {
    name: 'default values',
    script: 'echo ${U:-d} ${U-d2} ${E:-d3}; E=; echo "[${E-d4}]" ${E:-d5}',
    stdout: 'd d2 d3\n[] d5\n',
  },
  { name: 'assign default', script: 'echo ${X:=set}; echo $X', stdout: 'set\nset\n' },
  {
    name: '${x:?}',
    script: 'echo ${NOPE:?is required}; echo after',
    stderr: 'sh: NOPE: is required\n',
    code: 2,
  },
  {
    name: '${x?} without a message',
    script: 'echo ${NOPE?}',
    stderr: 'sh: NOPE: parameter not set\n',
    code: 2,
  },
  { name: 'length', script: 'v=hello; echo ${#v}', stdout: '5\n' },
  {
    name: 'trims (ash_test var_posix1)',
    script:
      'var=ababcdcd\necho ${var#ab}\necho ${var#a*b}\necho ${var##ab}\necho ${var##a*b}\necho ${var#?}\necho ${var%cd}\necho ${var%c*d}\necho ${var%%cd}\necho ${var%%c*d}\necho ${var%?}',
    stdout: 'abcdcd\nabcdcd\nabcdcd\ncdcd\nbabcdcd\nababcd\nababcd\nababcd\nabab\nababcdc\n',
  },
  {
    name: 'alternative values (ash_test param_expand_alt)',
    script:
      'echo _${#+z}_ _${#:+z}_\nset --\necho _$1 _${1+} _${1:+} _${1+word} _${1:+word}\nset -- aaaa\necho _$1 _${1+} _${1:+} _${1+word} _${1:+word}\nunset f\necho _$f _${f+} _${f:+} _${f+word} _${f:+word}\nf=\necho _$f _${f+} _${f:+} _${f+word} _${f:+word}\nf=fff\necho _$f _${f+} _${f:+} _${f+word} _${f:+word}',
    stdout: '_z_ _z_\n_ _ _ _ _\n_aaaa _ _ _word _word\n_ _ _ _ _\n_ _ _ _word _\n_fff _ _ _word _word\n',
  },
  { name: 'replace', script: 'p=/a/b/c; echo ${p/\\//:} ${p//\\//:}', stdout: ':a/b/c :a:b:c\n' },
  { name: 'substring', script: 's=kubernetes; echo ${s:0:4} ${s:4}', stdout: 'kube rnetes\n' },
  {
    name: 'special parameters',
    script: ['sh', '-c', 'echo $0 $# $1 $2 "$@" $$', 'me', 'x', 'y'],
    stdout: 'me 2 x y x y 8\n',
  },
  {
    name: '"$@" keeps words',
    script: ['sh', '-c', 'for a in "$@"; do echo "[$a]"; done', 'sh', 'a b', 'c'],
    stdout: '[a b]\n[c]\n',
  },
  { name: 'empty "$@" is no word', script: 'for a in "$@"; do echo x; done; echo done', stdout: 'done\n' },
  {
    name: 'field splitting of unquoted expansions',
    script: 'v="a  b"; for w in $v; do echo "<$w>"; done; echo "<$v>"',
    stdout: '<a>\n<b>\n<a  b>\n',
  },
  {
    name: 'empty unquoted expansion vanishes',
    script: 'e=; set -- $e; echo $#; set -- "$e"; echo $#',
    stdout: '0\n1\n',
  },
  { name: 'IFS', script: 'IFS=:; v=a:b:c; for w in $v; do echo $w; done', stdout: 'a\nb\nc\n' },
  { name: 'single quotes are literal', script: "echo '$HOME \\n \"'", stdout: '$HOME \\n "\n' },
  { name: 'double quotes expand', script: 'x=1; echo "x=$x \\$x \\"q\\""', stdout: 'x=1 $x "q"\n' },
  { name: 'backslash escapes', script: 'echo \\$HOME a\\ b', stdout: '$HOME a b\n' },
  { name: 'tilde', script: 'echo ~ ~/x', stdout: '/root /root/x\n' },
  {
    name: 'command substitution',
    script: 'echo "[$(echo hi; echo there)]" `echo old`',
    stdout: '[hi\nthere] old\n',
  },
  { name: 'nested command substitution', script: 'echo $(echo $(echo deep))', stdout: 'deep\n' },
  { name: '$? of a command substitution', script: 'x=$(false); echo $?', stdout: '1\n' },
  {
    name: 'arithmetic',
    script: 'a=7; echo $((a*2+1)) $((a/2)) $((a%3)) $((2**10)) $((a>5 ? 1 : 0)) $((-a))',
    stdout: '15 3 1 1024 1 -7\n',
  },
  {
    name: 'arithmetic assignment',
    script: 'i=1; : $((i+=4)); echo $i; echo $((i++)) $i',
    stdout: '5\n5 6\n',
  },
  { name: 'division by zero', script: 'echo $((1/0))', stderr: 'sh: divide by zero\n', code: 2 },
  { name: 'let', script: 'let x=3*4; echo $x', stdout: '12\n' },
  { name: 'export to children', script: 'A=1; export B=2; sh -c \'echo "[$A][$B]"\'', stdout: '[][2]\n' },
  {
    name: 'assignment before a command is for that command',
    script: 'X=1 sh -c \'echo $X\'; echo "[$X]"',
    stdout: '1\n[]\n',
  },
  { name: 'readonly', script: 'readonly R=1; R=2', stderr: 'sh: R: is read only\n', code: 2 },
  { name: 'unset', script: 'x=1; unset x; echo "[${x-unset}]"', stdout: '[unset]\n' },
  {
    name: 'set -- positional',
    script: 'set -- a b c; echo $#; shift; echo $1; shift 5; echo $?',
    stdout: '3\nb\n1\n',
  },
  {
    name: 'here-document',
    script: 'cat <<EOF\nhost $HOSTNAME\n  $((1+1))\nEOF\necho after',
    stdout: 'host web-0\n  2\nafter\n',
  },
  { name: 'quoted here-document stays literal', script: "cat <<'EOF'\n$HOME\nEOF", stdout: '$HOME\n' },
  { name: 'here-document <<- strips tabs', script: 'cat <<-END\n\tindented\n\tEND', stdout: 'indented\n' },
  { name: 'eval', script: 'cmd="echo evaluated"; eval $cmd', stdout: 'evaluated\n' },
  {
    name: 'globbing',
    script:
      'mkdir /tmp/d; touch /tmp/d/a.txt /tmp/d/b.txt /tmp/d/c.log; echo /tmp/d/*.txt; echo /tmp/d/*.none',
    stdout: '/tmp/d/a.txt /tmp/d/b.txt\n/tmp/d/*.none\n',
  },
  { name: 'quoted glob is literal', script: 'echo "/etc/*"', stdout: '/etc/*\n' },
  {
    name: 'PWD and cd',
    script: 'echo $PWD; cd /tmp; pwd; echo $PWD $OLDPWD; cd -; cd',
    stdout: '/\n/tmp\n/tmp /\n/\n',
  },
  {
    name: 'cd to a missing directory',
    script: 'cd /nope; echo $?',
    stdout: '2\n',
    stderr: "sh: cd: line 0: can't cd to /nope: No such file or directory\n",
  },
  {
    name: 'cd error reports its line',
    script: 'echo a\ncd /nope',
    stdout: 'a\n',
    stderr: "sh: cd: line 1: can't cd to /nope: No such file or directory\n",
    code: 2,
  },
  {
    name: 'type',
    script: 'type echo cd ls if nope',
    stdout:
      'echo is a shell builtin\ncd is a shell builtin\nls is /bin/ls\nif is a shell keyword\nnope: not found\n',
    code: 127,
  },
  {
    name: 'command -v',
    script: 'command -v sleep; command -v nothing; echo $?',
    stdout: '/bin/sleep\n127\n',
  },

  // ---- redirections ----
  { name: '> and >>', script: 'echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f', stdout: 'one\ntwo\n' },
  { name: '> truncates', script: 'echo long > /tmp/f; echo s > /tmp/f; cat /tmp/f', stdout: 's\n' },
  {
    name: '2> to a file',
    script: 'cat /nope 2> /tmp/err; echo $?; cat /tmp/err',
    stdout: "1\ncat: can't open '/nope': No such file or directory\n",
  },
  {
    name: '2>&1',
    script: 'cat /nope 2>&1',
    stdout: "cat: can't open '/nope': No such file or directory\n",
    code: 1,
  },
  { name: '>/dev/null', script: 'echo hidden >/dev/null; cat /nope 2>/dev/null; echo $?', stdout: '1\n' },
  { name: '>&2', script: 'echo to-err >&2', stderr: 'to-err\n' },
  {
    name: 'order of 2>&1 matters',
    script: 'cat /nope 2>&1 >/dev/null',
    stdout: "cat: can't open '/nope': No such file or directory\n",
    code: 1,
  },
  {
    name: '&> (bash form ash accepts)',
    script: 'cat /nope &> /tmp/both; cat /tmp/both',
    stdout: "cat: can't open '/nope': No such file or directory\n",
  },
  { name: '< input', script: 'echo data > /tmp/in; cat < /tmp/in', stdout: 'data\n' },
  {
    name: 'redirect into a missing directory',
    script: 'echo x > /no/such/f; echo $?',
    stdout: '2\n',
    stderr: "sh: can't create /no/such/f: nonexistent directory\n",
  },
  {
    name: 'redirect from a missing file',
    script: 'cat < /nope',
    stderr: "sh: can't open /nope: no such file\n",
    code: 2,
  },
  {
    name: 'redirect onto a directory',
    script: 'echo x > /tmp',
    stderr: "sh: can't create /tmp: Is a directory\n",
    code: 2,
  },
  {
    name: 'loop output redirected',
    script: 'for i in 1 2; do echo $i; done > /tmp/l; cat /tmp/l',
    stdout: '1\n2\n',
  },
  {
    name: 'exec redirects the shell',
    script: 'exec > /tmp/all; echo inside; exec 1>&2; cat /tmp/all',
    stderr: 'inside\n',
  },
  {
    name: 'echo into /dev/termination-log',
    script: 'echo Sleep expired > /dev/termination-log; cat /dev/termination-log',
    stdout: 'Sleep expired\n',
  },

  // ---- pipelines ----
  { name: 'pipe', script: 'printf "b\\na\\nc\\n" | sort', stdout: 'a\nb\nc\n' },
  {
    name: 'pipe status is the last command',
    script: 'false | true; echo $?; true | false; echo $?',
    stdout: '0\n1\n',
  },
  {
    name: 'pipe into while read',
    script: 'printf "x 1\\ny 2\\n" | while read k v; do echo "$v=$k"; done',
    stdout: '1=x\n2=y\n',
  },
  { name: 'grep and wc in a pipe', script: 'grep root /etc/passwd | wc -l', stdout: '1\n' },

  // ---- traps and EXIT ----
  { name: 'EXIT trap', script: 'trap "echo bye" EXIT; echo main', stdout: 'main\nbye\n' },
  { name: 'EXIT trap keeps the status', script: 'trap "echo bye" EXIT; exit 3', stdout: 'bye\n', code: 3 },
  { name: 'EXIT trap exit N wins', script: 'trap "exit 7" EXIT; exit 3', code: 7 },
  {
    name: 'EXIT trap with set -e (ash_test exitcode_trap7)',
    script: 'cleanup() { set +e; false; }\nset -eu\ntrap cleanup EXIT\necho Start',
    stdout: 'Start\n',
    code: 0,
  },
  {
    name: 'trap listing',
    script: "trap 'echo T' TERM; trap 'echo E' EXIT; trap",
    stdout: "trap -- 'echo E' EXIT\ntrap -- 'echo T' TERM\nE\n",
  },
  {
    name: 'trap listing in a command substitution (ash_test savetrap)',
    script: "trap 'echo WINCH!' SIGWINCH\nv=` trap   `\necho $v\necho Done",
    stdout: "trap -- 'echo WINCH!' WINCH\nDone\n",
  },
  { name: 'trap - resets', script: "trap 'echo T' TERM; trap - TERM; trap", stdout: '' },
  { name: 'trap with a number', script: "trap 'echo x' 15; trap 15; trap", stdout: '' },
  {
    name: 'invalid signal',
    script: 'trap "echo" FOO; echo $?',
    stdout: '1\n',
    stderr: 'sh: trap: line 0: FOO: invalid signal specification\n',
  },
  {
    name: 'kill $$ runs the TERM trap',
    script: "trap 'echo caught' TERM; kill $$; echo after",
    stdout: 'caught\nafter\n',
  },

  // ---- test / [ ] ----
  {
    name: 'test strings',
    script: '[ a = a ] && [ a != b ] && [ -n x ] && [ -z "" ] && echo ok',
    stdout: 'ok\n',
  },
  {
    name: 'test integers',
    script: '[ 2 -gt 1 -a 1 -le 1 ] && [ 3 -ne 4 -o 1 -eq 2 ] && test 5 -ge 5 && echo ok',
    stdout: 'ok\n',
  },
  {
    name: 'test files',
    script:
      'touch /tmp/t; [ -f /tmp/t ] && [ -e /tmp ] && [ -d /tmp ] && [ ! -f /tmp ] && [ ! -e /nope ] && echo ok',
    stdout: 'ok\n',
  },
  {
    name: 'test -s',
    script: 'touch /tmp/e; echo x > /tmp/n; [ -s /tmp/e ]; echo $?; [ -s /tmp/n ]; echo $?',
    stdout: '1\n0\n',
  },
  { name: 'missing ]', script: '[ 1 -eq 1', stderr: 'sh: missing ]\n', code: 2 },
  { name: 'bad number', script: '[ x -eq 1 ]', stderr: 'sh: x: bad number\n', code: 2 },
  { name: 'parentheses and !', script: '[ ! \\( a = b \\) ] && echo ok', stdout: 'ok\n' },
  {
    name: '[[ with && and globs',
    script: 'x=nginx-1; [[ $x == ngi* && -n $x ]] && echo glob',
    stdout: 'glob\n',
  },
  { name: '[[ =~', script: '[[ abc123 =~ [0-9]+$ ]] && echo re', stdout: 're\n' },
];

describe('interpreter: scripts as busybox ash runs them', () => {
  for (const row of rows) {
    it(row.name, () => {
      const r = sh(row.script);
      if (row.stdout !== undefined) expect(r.stdout, 'stdout').to.equal(row.stdout);
      expect(r.stderr, 'stderr').to.equal(row.stderr ?? '');
      if (row.code !== undefined) expect(r.exitCode, 'exit code').to.equal(row.code);
    });
  }
});

describe('interpreter: time', () => {
  it('sleep advances the exec clock; date and $SECONDS see it', () => {
    const r = sh('date; sleep 1.5; sleep 1m; date +%T; echo $SECONDS');
    expect(r.stdout).to.equal('Wed Jan  1 00:00:00 UTC 2025\n00:01:01\n61\n');
    expect(r.elapsedMs).to.equal(61_500);
  });

  it('a loop that never sleeps is charged CPU time instead of hanging', () => {
    const fs = createContainerFs({ hostname: 'x' });
    const r = runToCompletion('while :; do :; done', { fs, timeoutMs: 50 });
    expect(r.timedOut).to.equal(true);
    expect(r.elapsedMs).to.equal(50);
  });

  it('sleep infinity never ends', () => {
    const fs = createContainerFs({ hostname: 'x' });
    const r = runToCompletion('echo before; sleep infinity', { fs, timeoutMs: 10_000 });
    expect(r.timedOut).to.equal(true);
    expect(r.exitCode).to.equal(undefined);
    expect(r.stdout).to.equal('before\n');
  });
});
