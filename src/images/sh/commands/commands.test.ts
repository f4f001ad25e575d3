import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { HttpAnswer, HttpRequest } from '../effects.js';
import { argvToScript } from '../invocation.js';
import { LineSplitter } from '../io.js';
import { ShellProcess } from '../process.js';
import { createContainerFs } from '../rootfs.js';
import { type ExecDriver, type ExecResult, runToCompletion } from '../run.js';

/** Exec runs at 1 day, 1 h, 1 min, 1 s of simulated time (so dates are not all the epoch). */
const START_MS = 90_061_000;

function sh(script: string, driver: ExecDriver = {}): ExecResult {
  const fs = createContainerFs({
    hostname: 'web-0',
    podIPs: ['10.244.0.5'],
    subdomain: 'sub',
    namespace: 'shop',
    now: () => START_MS,
  });
  return runToCompletion(script, { fs, env: { HOSTNAME: 'web-0' }, startMs: START_MS }, driver);
}

interface Row {
  readonly name: string;
  readonly script: string;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly code?: number;
}

function table(title: string, rows: readonly Row[], driver: ExecDriver = {}): void {
  describe(title, () => {
    for (const row of rows) {
      it(row.name, () => {
        const r = sh(row.script, driver);
        if (row.stdout !== undefined) expect(r.stdout, 'stdout').to.equal(row.stdout);
        expect(r.stderr, 'stderr').to.equal(row.stderr ?? '');
        if (row.code !== undefined) expect(r.exitCode, 'exit code').to.equal(row.code);
      });
    }
  });
}

table('file applets (busybox wording)', [
  {
    name: 'cat of a missing file',
    script: 'cat /tmp/healthy',
    stderr: "cat: can't open '/tmp/healthy': No such file or directory\n",
    code: 1,
  },
  {
    name: 'cat goes on after a missing file',
    script: 'echo a > /tmp/a; cat /nope /tmp/a',
    stdout: 'a\n',
    stderr: "cat: can't open '/nope': No such file or directory\n",
    code: 1,
  },
  { name: 'cat of a directory', script: 'cat /tmp', stderr: 'cat: read error: Is a directory\n', code: 1 },
  { name: 'cat -n', script: 'printf "a\\nb\\n" | cat -n', stdout: '     1\ta\n     2\tb\n' },
  {
    name: 'touch in a missing directory',
    script: 'touch /no/f',
    stderr: 'touch: /no/f: No such file or directory\n',
    code: 1,
  },
  {
    name: 'rm of a missing file',
    script: 'rm /tmp/x',
    stderr: "rm: can't remove '/tmp/x': No such file or directory\n",
    code: 1,
  },
  { name: 'rm -f of a missing file', script: 'rm -f /tmp/x; echo $?', stdout: '0\n' },
  {
    name: 'rm of a directory',
    script: 'mkdir /tmp/d; rm /tmp/d',
    stderr: "rm: '/tmp/d' is a directory\n",
    code: 1,
  },
  {
    name: 'rm -rf',
    script: 'mkdir -p /tmp/d/e; touch /tmp/d/e/f; rm -rf /tmp/d; ls /tmp',
    stdout: '',
    code: 0,
  },
  {
    name: 'rm with no operand',
    script: 'rm',
    stderr: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: rm [-irf] FILE...\n',
    code: 1,
  },
  {
    name: 'rm with a bad option',
    script: 'rm -z x; echo $?',
    stdout: '1\n',
    stderr:
      "rm: invalid option -- 'z'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: rm [-irf] FILE...\n",
  },
  {
    name: 'mkdir of an existing directory',
    script: 'mkdir /tmp',
    stderr: "mkdir: can't create directory '/tmp': File exists\n",
    code: 1,
  },
  {
    name: 'mkdir without parents',
    script: 'mkdir /a/b',
    stderr: "mkdir: can't create directory '/a/b': No such file or directory\n",
    code: 1,
  },
  { name: 'mkdir -p', script: 'mkdir -p /a/b/c && ls /a/b', stdout: 'c\n' },
  {
    name: 'rmdir of a non-empty directory',
    script: 'mkdir -p /a/b; rmdir /a',
    stderr: "rmdir: '/a': Directory not empty\n",
    code: 1,
  },
  {
    name: 'ls of a missing path',
    script: 'ls /nope',
    stderr: 'ls: /nope: No such file or directory\n',
    code: 1,
  },
  { name: 'ls -a', script: 'mkdir /w; touch /w/.hidden /w/b; ls -a /w', stdout: '.\n..\n.hidden\nb\n' },
  {
    name: 'ls of several',
    script: 'mkdir /w; touch /w/f /tmp/g; ls /w /tmp',
    stdout: '/tmp:\ng\n\n/w:\nf\n',
  },
  {
    name: 'ls -l',
    script: 'echo hello > /tmp/f; mkdir /tmp/sub; ls -l /tmp',
    stdout:
      'total 8\n-rw-r--r--    1 root     root             6 Jan  2 01:01 f\ndrwxr-xr-x    2 root     root          4096 Jan  2 01:01 sub\n',
  },
  {
    name: 'cp and mv',
    script: 'echo x > /tmp/a; cp /tmp/a /tmp/b; mv /tmp/b /tmp/c; ls /tmp; cat /tmp/c',
    stdout: 'a\nc\nx\n',
  },
  {
    name: 'cp of a directory needs -r',
    script: 'mkdir /d; cp /d /e',
    stderr: "cp: omitting directory '/d'\n",
    code: 1,
  },
  {
    name: 'chmod +x makes a script runnable',
    script: 'printf "echo ran\\n" > /tmp/s.sh; /tmp/s.sh; chmod +x /tmp/s.sh; /tmp/s.sh',
    stdout: 'ran\n',
    stderr: 'sh: /tmp/s.sh: Permission denied\n',
  },
]);

table('text applets', [
  { name: 'head -n', script: 'seq 10 | head -n 3', stdout: '1\n2\n3\n' },
  { name: 'head -3', script: 'seq 10 | head -3', stdout: '1\n2\n3\n' },
  { name: 'tail -n', script: 'seq 10 | tail -n 2', stdout: '9\n10\n' },
  { name: 'tail -n +N', script: 'seq 5 | tail -n +4', stdout: '4\n5\n' },
  { name: 'wc', script: 'printf "a b\\nc\\n" | wc', stdout: '      2       3       6\n' },
  { name: 'wc -l with a file', script: 'printf "a\\nb\\n" > /tmp/f; wc -l /tmp/f', stdout: '2 /tmp/f\n' },
  {
    name: 'grep options',
    script:
      'printf "Alpha\\nbeta\\ngamma\\n" > /tmp/f; grep -i alpha /tmp/f; grep -c a /tmp/f; grep -v a /tmp/f; grep -n ^b /tmp/f',
    stdout: 'Alpha\n3\n2:beta\n',
  },
  { name: 'grep with no match', script: 'grep zzz /etc/passwd', stdout: '', code: 1 },
  {
    name: 'grep -E and basic regex',
    script: 'printf "ab\\naab\\n" | grep -E "^a+b$" | wc -l; echo "a+b" | grep "a+b"',
    stdout: '2\na+b\n',
  },
  {
    name: 'grep of a missing file',
    script: 'grep x /nope',
    stderr: "grep: can't open '/nope': No such file or directory\n",
    code: 2,
  },
  {
    name: 'sort -n -r, uniq -c',
    script: 'printf "3\\n10\\n3\\n1\\n" | sort -n | uniq -c; printf "b\\na\\n" | sort -r',
    stdout: '      1 1\n      2 3\n      1 10\nb\na\n',
  },
  {
    name: 'seq forms',
    script: 'seq 3; seq 2 4; seq 1 2 7; seq -s , 3',
    stdout: '1\n2\n3\n2\n3\n4\n1\n3\n5\n7\n1,2,3\n',
  },
  {
    name: 'cut and tr',
    script:
      'echo "a:b:c" | cut -d: -f2,3; echo hello | tr a-z A-Z; echo "a  b" | tr -s " "; echo abc | tr -d b',
    stdout: 'b:c\nHELLO\na b\nac\n',
  },
  {
    name: 'basename and dirname',
    script: 'basename /a/b/c.txt .txt; dirname /a/b/c.txt; dirname c; basename /',
    stdout: 'c\n/a/b\n.\n/\n',
  },
  { name: 'tee', script: 'echo x | tee /tmp/t; cat /tmp/t', stdout: 'x\nx\n' },
  {
    name: 'expr',
    script: 'expr 3 + 4; expr 10 / 3; expr length hello; expr 2 \\> 1; expr 0; echo $?',
    stdout: '7\n3\n5\n1\n0\n1\n',
  },
  {
    name: 'printf formats',
    script: 'printf "%5s|%-5s|%d|%x|%o|%c|%%|%.2f\\n" ab cd 42 255 8 xyz 3.14159',
    stdout: '   ab|cd   |42|ff|10|x|%|3.14\n',
  },
  { name: 'printf reuses the format', script: 'printf "%s=%s\\n" a 1 b 2', stdout: 'a=1\nb=2\n' },
  {
    name: 'printf invalid number',
    script: 'printf "%d\\n" abc',
    stdout: '0\n',
    stderr: "sh: invalid number 'abc'\n",
    code: 1,
  },
]);

table('system applets', [
  { name: 'date default format', script: 'date', stdout: 'Thu Jan  2 01:01:01 UTC 2025\n' },
  {
    name: 'date +FORMAT',
    script: 'date +%Y-%m-%dT%H:%M:%S; date +%s; date -I',
    stdout: '2025-01-02T01:01:01\n1735779661\n2025-01-02\n',
  },
  { name: 'date -R', script: 'date -R', stdout: 'Thu, 02 Jan 2025 01:01:01 +0000\n' },
  {
    name: 'hostname and its forms',
    script: 'hostname; hostname -i; hostname -f; hostname -d',
    stdout: 'web-0\n10.244.0.5\nweb-0.sub.shop.svc.cluster.local\nsub.shop.svc.cluster.local\n',
  },
  {
    name: 'id and whoami',
    script: 'id; id -u; whoami',
    stdout: 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n0\nroot\n',
  },
  { name: 'uname', script: 'uname; uname -n; uname -m', stdout: 'Linux\nweb-0\nx86_64\n' },
  { name: 'printenv', script: 'printenv HOSTNAME HOME; printenv NOPE; echo $?', stdout: 'web-0\n/root\n1\n' },
  { name: 'sleep with a bad number', script: 'sleep abc', stderr: "sleep: invalid number 'abc'\n", code: 1 },
  {
    name: 'kill a pid that does not exist',
    script: 'kill 999',
    stderr: "sh: can't kill pid 999: No such process\n",
    code: 1,
  },
  { name: 'kill -l', script: 'kill -l 15; kill -l TERM', stdout: 'TERM\n15\n' },
  {
    name: 'ps',
    script: 'sleep 100 & ps',
    stdout:
      'PID   USER     TIME  COMMAND\n    8 root      0:00 sh -c sleep 100 & ps\n    9 root      0:00 sleep 100\n',
  },
  { name: 'env runs a command with extra variables', script: 'env -i A=1 printenv', stdout: 'A=1\n' },
  { name: 'which', script: 'which sleep; which nope; echo $?', stdout: '/bin/sleep\n1\n' },
  { name: 'busybox multi-call', script: 'busybox echo via busybox', stdout: 'via busybox\n' },
  {
    name: 'nested sh -c',
    script: 'sh -c \'echo "in $0 $1"; exit 4\' name arg; echo $?',
    stdout: 'in name arg\n4\n',
  },
]);

const web: ExecDriver = {
  http(req: HttpRequest): HttpAnswer {
    const routes: Record<string, HttpAnswer> = {
      '/': { type: 'response', status: 200, body: '<h1>hi</h1>\n', address: '10.96.0.20' },
      '/old': { type: 'response', status: 301, headers: { Location: '/' }, address: '10.96.0.20' },
      '/boom': { type: 'response', status: 500, body: 'x', address: '10.96.0.20' },
    };
    if (req.host === 'down') return { type: 'error', error: 'refused', address: '10.96.0.21' };
    if (req.host === 'slow')
      return { type: 'error', error: 'timeout', address: '10.96.0.22', afterMs: req.timeoutMs };
    if (req.host !== 'web') return { type: 'error', error: 'unresolvable' };
    return routes[req.path] ?? { type: 'response', status: 404, address: '10.96.0.20' };
  },
  tcp(req) {
    if (req.host === 'db' && req.port === 5432) return { type: 'connected', address: '10.96.0.30' };
    if (req.host === 'nowhere') return { type: 'error', error: 'unresolvable' };
    return { type: 'error', error: 'refused', address: '10.96.0.31' };
  },
  dns(req) {
    // wget asks for the name as typed (the driver applies the search list); nslookup asks for
    // absolute names (`web.shop.svc.cluster.local.`).
    if (req.name === 'web' || req.name.replace(/\.$/, '') === 'web.shop.svc.cluster.local') {
      return { type: 'resolved', name: 'web.shop.svc.cluster.local', addresses: ['10.96.0.20'] };
    }
    return { type: 'error', error: 'nxdomain' };
  },
};

table(
  'network applets',
  [
    { name: 'wget -qO-', script: 'wget -qO- http://web/', stdout: '<h1>hi</h1>\n' },
    {
      name: 'wget -q -O FILE',
      script: 'wget -q -O /tmp/page http://web/ && cat /tmp/page',
      stdout: '<h1>hi</h1>\n',
    },
    {
      name: 'wget saves index.html and reports progress',
      script: 'cd /tmp; wget http://web/; cat index.html',
      stdout: '<h1>hi</h1>\n',
      stderr:
        "Connecting to web (10.96.0.20:80)\nsaving to 'index.html'\nindex.html           100% |********************************|    12  0:00:00 ETA\n'index.html' saved\n",
    },
    {
      name: 'wget will not overwrite without -O',
      script: 'cd /tmp; touch index.html; wget -q http://web/',
      stderr: "wget: can't open 'index.html': File exists\n",
      code: 1,
    },
    { name: 'wget follows redirects', script: 'wget -qO- http://web/old', stdout: '<h1>hi</h1>\n' },
    {
      name: 'wget 404',
      script: 'wget -q http://web/missing',
      stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n',
      code: 1,
    },
    {
      name: 'wget 500',
      script: 'wget -qO- http://web/boom',
      stderr: 'wget: server returned error: HTTP/1.1 500 Internal Server Error\n',
      code: 1,
    },
    {
      name: 'wget refused',
      script: 'wget -q http://down/',
      stderr: "wget: can't connect to remote host (10.96.0.21): Connection refused\n",
      code: 1,
    },
    {
      name: 'wget bad address',
      script: 'wget -q http://nosuch/',
      stderr: "wget: bad address 'nosuch'\n",
      code: 1,
    },
    {
      name: 'wget -T timeout',
      script: 'wget -q -T 2 http://slow/',
      stderr: 'wget: download timed out\n',
      code: 1,
    },
    {
      name: 'wget --spider',
      script: 'wget --spider http://web/',
      stderr: 'Connecting to web (10.96.0.20:80)\nremote file exists\n',
      code: 0,
    },
    {
      name: 'wget --spider -q on a 404',
      script: 'wget --spider -q http://web/x; echo $?',
      stdout: '1\n',
      stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n',
    },
    { name: 'nc -z', script: 'nc -z db 5432; echo $?; nc -z db 1; echo $?', stdout: '0\n1\n' },
    {
      name: 'nc -zv',
      script: 'nc -zv db 5432; nc -zv db 1',
      stderr: 'db (10.96.0.30:5432) open\nnc: db (10.96.0.31:1): Connection refused\n',
      code: 1,
    },
    { name: 'nc bad address', script: 'nc -z nowhere 80', stderr: "nc: bad address 'nowhere'\n", code: 1 },
    {
      // busybox 1.36: the search list for a dotless name, A and AAAA for each, every reply printed;
      // the NXDOMAIN replies make the status 1 although the first domain answered.
      name: 'nslookup of a short name',
      script: 'nslookup web',
      stdout:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tweb.shop.svc.cluster.local\nAddress: 10.96.0.20\n\n' +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find web.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find web.cluster.local: NXDOMAIN\n\n",
      code: 1,
    },
    {
      name: 'nslookup of a full name: the A answer, then the empty AAAA reply',
      script: 'nslookup web.shop.svc.cluster.local',
      stdout:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tweb.shop.svc.cluster.local\nAddress: 10.96.0.20\n\n\n',
      code: 0,
    },
    {
      name: 'nslookup of a name with a dot skips the search list',
      script: 'nslookup web.shop',
      stdout:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        "** server can't find web.shop: NXDOMAIN\n\n** server can't find web.shop: NXDOMAIN\n\n",
      code: 1,
    },
    {
      name: 'nslookup NXDOMAIN',
      script: 'nslookup -type=a nope',
      stdout:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        "** server can't find nope.shop.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find nope.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find nope.cluster.local: NXDOMAIN\n\n",
      code: 1,
    },
    {
      name: 'init-container wait loop (the full name, as in the Kubernetes docs)',
      script:
        'n=0; until nslookup web.shop.svc.cluster.local >/dev/null; do n=$((n+1)); sleep 2; done; echo ready',
      stdout: 'ready\n',
    },
  ],
  web,
);

describe('tail -f', () => {
  it('follows a file another container appends to, polling once a second like busybox', () => {
    const fs = createContainerFs({ hostname: 'counter' });
    fs.writeFile('/tmp/1.log', '0: start\n');
    let now = 0;
    const lines: string[] = [];
    const out = new LineSplitter((l) => lines.push(`${now} ${l}`));
    const proc = new ShellProcess(argvToScript(['tail', '-n+1', '-f', '/tmp/1.log']), {
      fs,
      now: () => now,
      output: (_fd, t) => out.write(t),
    });
    let step = proc.start();
    fs.writeFile('/tmp/1.log', '1: more\n', { append: true });
    for (let i = 0; i < 2; i++) {
      if (step.type !== 'sleep') throw new Error('expected a sleep');
      now = step.until;
      step = proc.resume();
    }
    expect(lines).to.deep.equal(['0 0: start', '1000 1: more']);
  });
});
