import { evaluateArithmetic } from './arith.js';
import { kill as killApplet, pwd as pwdApplet, signalName, signalNumber } from './commands/sys.js';
import { test } from './commands/test.js';
import { echo, printf } from './commands/text.js';
import type { Applet } from './commands/types.js';
import { BuiltinError, ExecException, ReturnException } from './control.js';
import type { Gen } from './effects.js';
import { FatalShellError } from './expand.js';
import type { Builtin, Shell } from './interpreter.js';
import { isName } from './variables.js';

/**
 * ash's builtins (shell/ash.c `builtintab`): commands that run inside the shell process and may
 * change it (cd, export, trap, exit, …). Errors come out as `sh: cd: line 0: can't cd to …`.
 */

/** Special builtins: their errors end a non-interactive shell, their assignments persist. */
export const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([
  '.',
  ':',
  'break',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'local',
  'readonly',
  'return',
  'set',
  'shift',
  'source',
  'times',
  'trap',
  'unset',
]);

const KEYWORDS = new Set([
  '!',
  'case',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'function',
  'if',
  'in',
  'then',
  'until',
  'while',
  '{',
  '}',
]);

/** ash `number()`: a non-negative decimal, else `Illegal number: X` (status 2). */
function number(s: string): number {
  if (!/^\d+$/.test(s)) throw new BuiltinError(`Illegal number: ${s}`);
  return Number(s);
}

/** Runs one of busybox's applets that ash also has as a builtin (echo, printf, test, kill). */
function viaApplet(applet: Applet): Builtin {
  return (shell, argv) => shell.runBuiltinApplet(applet, argv);
}

function singleQuote(v: string): string {
  return `'${v.replace(/'/g, `'"'"'`)}'`;
}

/** `trap` signal names: EXIT/0, numbers, names with or without SIG, any case. */
function trapSignal(name: string): number | undefined {
  if (name === 'EXIT' || name === '0') return 0;
  return signalNumber(name);
}

function cd(shell: Shell, argv: readonly string[]): number {
  let args = argv.slice(1);
  while (args[0] === '-L' || args[0] === '-P') args = args.slice(1);
  let dest = args[0];
  let print = false;
  if (dest === undefined) {
    dest = shell.vars.get('HOME') ?? '';
    if (dest === '') return 0;
  } else if (dest === '-') {
    dest = shell.vars.get('OLDPWD') ?? shell.cwd;
    print = true;
  }
  const path = shell.resolve(dest);
  const node = shell.host.fs.lookup(path);
  if (node?.kind !== 'dir') {
    const why = node ? 'Not a directory' : 'No such file or directory';
    throw new BuiltinError(`can't cd to ${dest}: ${why}`);
  }
  shell.vars.set('OLDPWD', shell.cwd, { export: true });
  shell.cwd = path;
  shell.vars.set('PWD', path, { export: true });
  if (print) shell.fds.stdout.write(`${path}\n`);
  return 0;
}

function exit(shell: Shell, argv: readonly string[]): number {
  const arg = argv[1];
  shell.exit(arg === undefined ? undefined : number(arg) & 0xff);
}

function exportCmd(shell: Shell, argv: readonly string[]): number {
  const readonly = argv[0] === 'readonly';
  let args = argv.slice(1);
  let unexport = false;
  while (args[0]?.startsWith('-')) {
    if (args[0] === '-n') unexport = true;
    else if (args[0] !== '-p') break;
    args = args.slice(1);
  }
  if (args.length === 0) {
    const list = shell.vars.sorted((_, exported, ro) => (readonly ? ro : exported));
    shell.fds.stdout.write(
      list.map(([k, v]) => `${argv[0]} ${k}${v === undefined ? '' : `=${singleQuote(v)}`}\n`).join(''),
    );
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!isName(name)) throw new BuiltinError(`${name}: bad variable name`);
    if (readonly) {
      shell.vars.setReadonly(name, eq < 0 ? undefined : a.slice(eq + 1));
    } else if (unexport) {
      shell.vars.unexport(name);
    } else if (eq < 0) {
      shell.vars.export(name);
    } else {
      shell.vars.set(name, a.slice(eq + 1), { export: true });
    }
  }
  return 0;
}

function unset(shell: Shell, argv: readonly string[]): number {
  let functions = false;
  for (const a of argv.slice(1)) {
    if (a === '-f') functions = true;
    else if (a === '-v') functions = false;
    else if (functions) shell.functions.delete(a);
    else shell.vars.unset(a);
  }
  return 0;
}

function local(shell: Shell, argv: readonly string[]): number {
  if (!shell.vars.inFunction) throw new BuiltinError('not in a function');
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    shell.vars.makeLocal(eq < 0 ? a : a.slice(0, eq), eq < 0 ? undefined : a.slice(eq + 1));
  }
  return 0;
}

const SET_LETTERS: Record<string, 'errexit' | 'xtrace' | 'nounset' | 'noglob' | 'allexport'> = {
  e: 'errexit',
  x: 'xtrace',
  u: 'nounset',
  f: 'noglob',
  a: 'allexport',
};
const SET_NAMES = new Set(['errexit', 'xtrace', 'nounset', 'noglob', 'allexport']);

function set(shell: Shell, argv: readonly string[]): number {
  const args = argv.slice(1);
  if (args.length === 0) {
    shell.fds.stdout.write(
      shell.vars
        .sorted()
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${singleQuote(v!)}\n`)
        .join(''),
    );
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      shell.params = args.slice(i);
      return 0;
    }
    if (a === '-' || a === '+') {
      i++;
      break;
    }
    if (a[0] !== '-' && a[0] !== '+') break;
    const on = a[0] === '-';
    for (const ch of a.slice(1)) {
      if (ch === 'o') {
        const name = args[++i];
        if (name === undefined) {
          for (const n of [...SET_NAMES].sort()) {
            const value = shell.options[n as keyof typeof shell.options];
            shell.fds.stdout.write(
              on ? `${n.padEnd(16)}${value ? 'on' : 'off'}\n` : `set ${value ? '-' : '+'}o ${n}\n`,
            );
          }
          continue;
        }
        if (SET_NAMES.has(name)) shell.options[name as 'errexit'] = on;
        else if (name !== 'pipefail' && name !== 'vi' && name !== 'emacs') {
          shell.msg(`illegal option ${on ? '-' : '+'}o ${name}`, 'set');
          return 1;
        }
        continue;
      }
      const key = SET_LETTERS[ch];
      if (!key) {
        if ('mnvCbhEi'.includes(ch)) continue;
        throw new BuiltinError(`illegal option ${on ? '-' : '+'}${ch}`);
      }
      shell.options[key] = on;
    }
  }
  if (i < args.length) shell.params = args.slice(i);
  return 0;
}

function shift(shell: Shell, argv: readonly string[]): number {
  const n = argv[1] === undefined ? 1 : number(argv[1]);
  if (n > shell.params.length) return 1;
  shell.params = shell.params.slice(n);
  return 0;
}

function trap(shell: Shell, argv: readonly string[]): number {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    let out = '';
    const traps = shell.traps.size === 0 && shell.isSubshell ? shell.inheritedTraps : shell.traps;
    for (const sig of [...traps.keys()].sort((a, b) => a - b)) {
      out += `trap -- ${singleQuote(traps.get(sig)!)} ${sig === 0 ? 'EXIT' : signalName(sig)}\n`;
    }
    shell.fds.stdout.write(out);
    return 0;
  }
  let action: string | undefined;
  let rest = args;
  if (args.length > 1 && !/^\d+$/.test(args[0]!)) {
    action = args[0];
    rest = args.slice(1);
  }
  let status = 0;
  for (const name of rest) {
    const sig = trapSignal(name);
    if (sig === undefined) {
      shell.msg(`${name}: invalid signal specification`, 'trap');
      status = 1;
      continue;
    }
    if (action === undefined || action === '-') shell.traps.delete(sig);
    else shell.traps.set(sig, action);
  }
  return status;
}

function* wait(shell: Shell, argv: readonly string[]): Gen<number> {
  const targets = argv.slice(1);
  const host = shell.host;
  if (targets.length === 0) {
    const running = host
      .jobs()
      .filter((j) => j.status === undefined)
      .map((j) => j.pid);
    if (running.length === 0) return 0;
    const r = yield { type: 'wait-jobs', pids: running };
    if (r?.type === 'interrupted') return 128 + r.signo;
    return 0;
  }
  let status = 0;
  for (const t of targets) {
    let pid: number | undefined;
    if (t.startsWith('%')) pid = host.jobs().find((j) => String(j.id) === t.slice(1))?.pid;
    else if (/^\d+$/.test(t)) pid = Number(t);
    else throw new BuiltinError(`Illegal number: ${t}`);
    if (pid === undefined || !host.isJob(pid)) {
      status = 127;
      continue;
    }
    if (host.jobStatus(pid) === undefined) {
      const r = yield { type: 'wait-jobs', pids: [pid] };
      if (r?.type === 'interrupted') return 128 + r.signo;
    }
    status = host.jobStatus(pid) ?? 0;
  }
  return status;
}

function* evalCmd(shell: Shell, argv: readonly string[]): Gen<number> {
  const text = argv.slice(1).join(' ');
  if (text.trim() === '') return 0;
  return yield* shell.evalString(text);
}

function* dot(shell: Shell, argv: readonly string[]): Gen<number> {
  const name = argv[1];
  if (name === undefined) return 2;
  let path: string | undefined;
  if (name.includes('/')) {
    path = shell.resolve(name);
    if (!shell.host.fs.isFile(path))
      throw new FatalShellError(
        `${argv[0]}: line ${shell.line + shell.lineBase}: can't open '${name}': No such file or directory`,
      );
  } else {
    for (const dir of (shell.vars.get('PATH') ?? '').split(':')) {
      const candidate = shell.resolve(`${dir || '.'}/${name}`);
      if (shell.host.fs.isFile(candidate)) {
        path = candidate;
        break;
      }
    }
    if (!path)
      throw new FatalShellError(`${argv[0]}: line ${shell.line + shell.lineBase}: ${name}: not found`);
  }
  const saved = shell.params;
  if (argv.length > 2) shell.params = argv.slice(2);
  try {
    return yield* shell.evalString(shell.host.fs.readFile(path));
  } finally {
    if (argv.length > 2) shell.params = saved;
  }
}

function* exec(shell: Shell, argv: readonly string[]): Gen<number> {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    shell.keepRedirections();
    return 0;
  }
  // The shell becomes the program: its traps are gone (a PID 1 `exec sleep` ignores SIGTERM).
  shell.traps.clear();
  const status = yield* shell.runExternal(args, shell.fds);
  throw new ExecException(status);
}

function breakCmd(shell: Shell, argv: readonly string[]): number {
  const n = argv[1] === undefined ? 1 : number(argv[1]);
  if (n <= 0) throw new BuiltinError(`Illegal number: ${argv[1]}`);
  shell.break(n, argv[0] === 'continue' ? 'continue' : 'break');
  return 0;
}

function returnCmd(shell: Shell, argv: readonly string[]): number {
  throw new ReturnException(argv[1] === undefined ? shell.status : number(argv[1]) & 0xff);
}

/** `read [-r] [-p PROMPT] [-t SEC] VAR…`: one line of input split on IFS. */
function* read(shell: Shell, argv: readonly string[]): Gen<number> {
  let raw = false;
  let timeoutMs: number | undefined;
  const names: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-r') raw = true;
    else if (a === '-p' || a === '-u' || a === '-n' || a === '-d') i++;
    else if (a === '-t') timeoutMs = Number(args[++i]) * 1000;
    else if (a === '-s') continue;
    else names.push(a);
  }
  if (names.length === 0) names.push('REPLY');
  const input = shell.fds.stdin;
  let line = input.readLine();
  if (line === undefined) {
    if (input.blocksAtEnd) {
      const r = yield { type: 'pause', ms: timeoutMs ?? Number.POSITIVE_INFINITY };
      if (r?.type === 'interrupted') return 128 + r.signo;
    }
    for (const n of names) shell.setVar(n, '');
    return 1;
  }
  if (!raw) {
    while (line.endsWith('\\')) {
      const next = input.readLine();
      line = line.slice(0, -1) + (next ?? '');
      if (next === undefined) break;
    }
    line = line.replace(/\\(.)/g, '$1');
  }
  const ifs = shell.vars.get('IFS') ?? ' \t\n';
  const ws = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  const trimRe = ws ? new RegExp(`^[${escapeClass(ws)}]+|[${escapeClass(ws)}]+$`, 'g') : undefined;
  let rest = trimRe ? line.replace(trimRe, '') : line;
  for (let i = 0; i < names.length; i++) {
    if (i === names.length - 1) {
      shell.setVar(names[i]!, rest);
      break;
    }
    const m = ifs ? new RegExp(`[${escapeClass(ifs)}]`).exec(rest) : null;
    if (!m) {
      shell.setVar(names[i]!, rest);
      rest = '';
      continue;
    }
    shell.setVar(names[i]!, rest.slice(0, m.index));
    rest = rest.slice(m.index + 1);
    if (trimRe) rest = rest.replace(new RegExp(`^[${escapeClass(ws)}]+`), '');
  }
  return 0;
}

function escapeClass(s: string): string {
  return s
    .replace(/[\\\]^-]/g, '\\$&')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n');
}

function describe(shell: Shell, name: string, verbose: boolean): number {
  const out = shell.fds.stdout;
  if (KEYWORDS.has(name)) {
    out.write(verbose ? `${name} is a shell keyword\n` : `${name}\n`);
    return 0;
  }
  if (shell.functions.has(name)) {
    out.write(verbose ? `${name} is a function\n` : `${name}\n`);
    return 0;
  }
  if (BUILTINS.has(name)) {
    out.write(
      verbose ? `${name} is a ${SPECIAL_BUILTINS.has(name) ? 'special ' : ''}shell builtin\n` : `${name}\n`,
    );
    return 0;
  }
  const found = shell.findProgram(name);
  if (found.kind === 'applet' || found.kind === 'unsupported') {
    const path = name.includes('/') ? name : `/bin/${name}`;
    out.write(verbose ? `${name} is ${path}\n` : `${path}\n`);
    return 0;
  }
  if (found.kind === 'script') {
    out.write(verbose ? `${name} is ${found.path}\n` : `${found.path}\n`);
    return 0;
  }
  if (verbose) out.write(`${name}: not found\n`);
  return 127;
}

function type(shell: Shell, argv: readonly string[]): number {
  let status = 0;
  for (const n of argv.slice(1)) status |= describe(shell, n, true);
  return status;
}

function* command(shell: Shell, argv: readonly string[]): Gen<number> {
  const args = argv.slice(1);
  if (args[0] === '-v' || args[0] === '-V') {
    let status = 0;
    for (const n of args.slice(1)) status |= describe(shell, n, args[0] === '-V');
    return status;
  }
  if (args[0] === '-p') args.shift();
  if (args.length === 0) return 0;
  const builtin = BUILTINS.get(args[0]!);
  if (builtin) {
    const r = builtin(shell, args);
    return typeof r === 'number' ? r : yield* r;
  }
  return yield* shell.runExternal(args, shell.fds);
}

function jobs(shell: Shell): number {
  let out = '';
  for (const j of shell.host.jobs()) {
    const state = j.status === undefined ? 'Running' : j.status === 0 ? 'Done' : `Done(${j.status})`;
    out += `[${j.id}]  ${state.padEnd(24)}${j.command}\n`;
  }
  shell.fds.stdout.write(out);
  return 0;
}

function let_(shell: Shell, argv: readonly string[]): number {
  if (argv.length < 2) throw new BuiltinError('expression expected');
  let v = 0;
  for (const e of argv.slice(1)) {
    try {
      v = evaluateArithmetic(e, { get: (n) => shell.lookup(n), set: (n, val) => shell.setVar(n, val) });
    } catch (err) {
      throw new FatalShellError((err as Error).message);
    }
  }
  return v === 0 ? 1 : 0;
}

/** getopts' position inside a cluster of options (`-abc`), per shell. */
const optionPositions = new WeakMap<Shell, number>();

function getopts(shell: Shell, argv: readonly string[]): number {
  const [, optstring, name, ...given] = argv;
  if (optstring === undefined || name === undefined)
    throw new BuiltinError('usage: getopts optstring var [arg]');
  const args = given.length > 0 ? given : shell.params;
  let optind = Number(shell.vars.get('OPTIND') ?? '1') || 1;
  const offset = optionPositions.get(shell) ?? 1;
  const arg = args[optind - 1];
  if (arg === undefined || arg === '-' || !arg.startsWith('-') || arg === '--') {
    if (arg === '--') shell.setVar('OPTIND', String(optind + 1));
    shell.setVar(name, '?');
    return 1;
  }
  const ch = arg[offset]!;
  let nextPos = offset + 1;
  const at = optstring.indexOf(ch);
  const silent = optstring.startsWith(':');
  if (at < 0 || ch === ':') {
    if (!silent) shell.fds.stderr.write(`Illegal option -${ch}\n`);
    shell.setVar(name, '?');
    if (silent) shell.setVar('OPTARG', ch);
  } else if (optstring[at + 1] === ':') {
    let value = arg.slice(nextPos);
    if (value === '') {
      value = args[optind] ?? '';
      optind++;
      if (args[optind - 1] === undefined) {
        if (!silent) shell.fds.stderr.write(`No arg for -${ch} option\n`);
        shell.setVar(name, silent ? ':' : '?');
      }
    }
    shell.setVar('OPTARG', value);
    shell.setVar(name, ch);
    nextPos = arg.length;
  } else {
    shell.setVar(name, ch);
  }
  if (nextPos >= arg.length) {
    optind++;
    nextPos = 1;
  }
  shell.setVar('OPTIND', String(optind));
  optionPositions.set(shell, nextPos);
  return 0;
}

/** kill: job specs (`%1`) become pids, then busybox's kill applet does the rest. */
function* killBuiltin(shell: Shell, argv: readonly string[]): Gen<number> {
  const args = argv.map((a, i) => {
    if (i === 0 || !a.startsWith('%')) return a;
    const jobs = shell.host.jobs();
    const job =
      a === '%%' || a === '%+' ? jobs[jobs.length - 1] : jobs.find((j) => String(j.id) === a.slice(1));
    return job ? String(job.pid) : a;
  });
  return yield* shell.runBuiltinApplet(killApplet, args);
}

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['.', dot],
  [':', () => 0],
  ['[', viaApplet(test)],
  ['[[', viaApplet(test)],
  ['break', breakCmd],
  ['cd', cd],
  ['chdir', cd],
  ['command', command],
  ['continue', breakCmd],
  ['echo', viaApplet(echo)],
  ['eval', evalCmd],
  ['exec', exec],
  ['exit', exit],
  ['export', exportCmd],
  ['false', () => 1],
  ['getopts', getopts],
  ['hash', () => 0],
  ['jobs', jobs],
  ['kill', killBuiltin],
  ['let', let_],
  ['local', local],
  ['printf', viaApplet(printf)],
  ['pwd', viaApplet(pwdApplet)],
  ['read', read],
  ['readonly', exportCmd],
  ['return', returnCmd],
  ['set', set],
  ['shift', shift],
  ['source', dot],
  ['test', viaApplet(test)],
  [
    'times',
    (shell) => {
      shell.fds.stdout.write('0m0.00s 0m0.00s\n0m0.00s 0m0.00s\n');
      return 0;
    },
  ],
  ['trap', trap],
  ['true', () => 0],
  ['type', type],
  [
    'ulimit',
    (shell) => {
      shell.fds.stdout.write('unlimited\n');
      return 0;
    },
  ],
  [
    'umask',
    (shell, argv) => {
      if (argv.length < 2) shell.fds.stdout.write('0022\n');
      return 0;
    },
  ],
  ['unset', unset],
  ['wait', wait],
]);
