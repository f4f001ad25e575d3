import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Step } from './effects.js';
import { argvToScript } from './invocation.js';
import { LineSplitter } from './io.js';
import { ShellProcess, type ShellProcessOptions } from './process.js';
import { createContainerFs } from './rootfs.js';
import type { Vfs } from './vfs.js';

/** A hand-cranked driver: a clock, the output as `time fd line`, and the process. */
function launch(argv: readonly string[], options: Partial<ShellProcessOptions> = {}) {
  const fs =
    options.fs ?? createContainerFs({ hostname: 'p-0', namespace: 'default', podIPs: ['10.244.0.7'] });
  const clock = { now: 0 };
  const log: string[] = [];
  const out = new LineSplitter((line) => log.push(`${clock.now} ${line}`));
  const err = new LineSplitter((line) => log.push(`${clock.now} ERR ${line}`));
  const proc = new ShellProcess(argvToScript(argv), {
    fs,
    now: () => clock.now,
    output: (fd, text) => (fd === 1 ? out : err).write(text),
    ...options,
  });
  /** Resumes after a sleep: the clock moves to its end. */
  const wake = (step: Step): Step => {
    if (step.type !== 'sleep') throw new Error(`expected a sleep, got ${step.type}`);
    clock.now = step.until;
    return proc.resume();
  };
  return { fs: fs as Vfs, clock, log, proc, wake };
}

describe('ShellProcess: effects', () => {
  it('runs the docs liveness script: touch, sleep 30 s, rm, sleep 600 s', () => {
    const { fs, proc, wake } = launch([
      '/bin/sh',
      '-c',
      'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600',
    ]);
    const first = proc.start();
    expect(first).to.deep.equal({ type: 'sleep', ms: 30_000, until: 30_000 });
    expect(fs.isFile('/tmp/healthy')).to.equal(true);
    const second = wake(first);
    expect(second).to.deep.equal({ type: 'sleep', ms: 600_000, until: 630_000 });
    expect(fs.exists('/tmp/healthy')).to.equal(false);
    expect(wake(second)).to.deep.equal({ type: 'exit', code: 0 });
  });

  it('loops `while true; do echo hi; sleep 1; done` from the same tree every second', () => {
    const { proc, wake, log } = launch(['sh', '-c', 'while true; do echo hi; sleep 1; done']);
    let step = proc.start();
    for (let i = 0; i < 3; i++) step = wake(step);
    expect(step).to.deep.equal({ type: 'sleep', ms: 1000, until: 4000 });
    expect(log).to.deep.equal(['0 hi', '1000 hi', '2000 hi', '3000 hi']);
  });

  it('resuming a sleep too early hands back the rest of it', () => {
    const { proc, clock } = launch(['sh', '-c', 'sleep 10']);
    proc.start();
    clock.now = 4000;
    expect(proc.resume()).to.deep.equal({ type: 'sleep', ms: 6000, until: 10_000 });
  });

  it('asks the driver for HTTP and TCP and continues with the answers', () => {
    const { proc, log } = launch([
      'sh',
      '-c',
      'wget -q -O - http://web:8080/healthz; echo "wget=$?"; nc -z -w 2 db 5432; echo "nc=$?"',
    ]);
    const http = proc.start();
    expect(http.type).to.equal('http');
    if (http.type !== 'http') return;
    expect(http.request).to.include({
      host: 'web',
      port: 8080,
      path: '/healthz',
      method: 'GET',
      timeoutMs: 900_000,
    });
    const tcp = proc.resume({ type: 'response', status: 200, body: 'ok\n' });
    expect(tcp).to.deep.equal({ type: 'tcp', request: { host: 'db', port: 5432, timeoutMs: 2000 } });
    expect(proc.resume({ type: 'error', error: 'refused', address: '10.96.3.4' })).to.deep.equal({
      type: 'exit',
      code: 0,
    });
    expect(log).to.deep.equal(['0 ok', '0 wget=0', '0 nc=1']);
  });

  it('reports a server error the way busybox wget does', () => {
    const { proc, log } = launch(['sh', '-c', 'wget -O /tmp/x http://web/missing']);
    proc.start();
    const end = proc.resume({ type: 'response', status: 404, body: 'nope', address: '10.96.0.20' });
    expect(end).to.deep.equal({ type: 'exit', code: 1 });
    expect(log).to.deep.equal([
      '0 ERR Connecting to web (10.96.0.20:80)',
      '0 ERR wget: server returned error: HTTP/1.1 404 Not Found',
    ]);
  });

  it('a plain command runs without a shell: env prints the runtime order', () => {
    const { proc, log } = launch(['env'], {
      hostname: 'p-0',
      env: [
        ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
        ['KUBERNETES_SERVICE_PORT', '443'],
      ],
    });
    expect(proc.start()).to.deep.equal({ type: 'exit', code: 0 });
    expect(log).to.deep.equal([
      '0 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      '0 HOSTNAME=p-0',
      '0 KUBERNETES_SERVICE_HOST=10.96.0.1',
      '0 KUBERNETES_SERVICE_PORT=443',
      '0 HOME=/root',
    ]);
  });

  it('`sh -c env` prints ash’s hash-table order, with SHLVL and PWD', () => {
    // The order a real busybox pod prints (ash's VTABSIZE-39 buckets).
    const { proc, log } = launch(['sh', '-c', 'env'], {
      hostname: 'test',
      env: [
        ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
        ['KUBERNETES_SERVICE_PORT', '443'],
        ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
        ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
        ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
        ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
        ['KUBERNETES_PORT_443_TCP_PORT', '443'],
        ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
      ],
    });
    proc.start();
    expect(log.map((l) => l.slice(2))).to.deep.equal([
      'KUBERNETES_SERVICE_PORT=443',
      'KUBERNETES_PORT=tcp://10.96.0.1:443',
      'HOSTNAME=test',
      'SHLVL=1',
      'HOME=/root',
      'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'KUBERNETES_PORT_443_TCP_PORT=443',
      'KUBERNETES_PORT_443_TCP_PROTO=tcp',
      'KUBERNETES_SERVICE_PORT_HTTPS=443',
      'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
      'KUBERNETES_SERVICE_HOST=10.96.0.1',
      'PWD=/',
    ]);
  });

  it('says why a missing program cannot start (containerd wording), and sh with no script exits 0', () => {
    expect(launch(['nginx-debug']).proc.startError).to.equal(
      'exec: "nginx-debug": executable file not found in $PATH',
    );
    expect(launch(['/app/run.sh']).proc.startError).to.equal(
      'exec: "/app/run.sh": stat /app/run.sh: no such file or directory',
    );
    const sh = launch(['sh']);
    expect(sh.proc.startError).to.equal(undefined);
    expect(sh.proc.start()).to.deep.equal({ type: 'exit', code: 0 });
  });

  it('an interactive sh with stdin open (stdin: true) waits for ever', () => {
    const { proc } = launch(['sh'], { stdinOpen: true });
    expect(proc.start()).to.deep.equal({
      type: 'sleep',
      ms: Number.POSITIVE_INFINITY,
      until: Number.POSITIVE_INFINITY,
    });
  });

  it('runs a script file from a volume with its own line numbers', () => {
    const fs = createContainerFs({ hostname: 'x' });
    fs.mkdir('/scripts');
    fs.writeFile('/scripts/run.sh', '#!/bin/sh\necho "args: $*"\nnope\n', { mode: 0o755 });
    const direct = launch(['/scripts/run.sh', 'a', 'b'], { fs });
    expect(direct.proc.start()).to.deep.equal({ type: 'exit', code: 127 });
    expect(direct.log).to.deep.equal(['0 args: a b', '0 ERR /scripts/run.sh: line 3: nope: not found']);
    fs.chmod('/scripts/run.sh', 0o644);
    expect(launch(['/scripts/run.sh'], { fs }).proc.startError).to.equal(
      'exec: "/scripts/run.sh": permission denied',
    );
    const viaSh = launch(['sh', '/scripts/run.sh'], { fs });
    expect(viaSh.proc.start()).to.deep.equal({ type: 'exit', code: 127 });
  });
});

describe('ShellProcess: signals', () => {
  it('PID 1 without a trap ignores SIGTERM; SIGKILL ends it with 137', () => {
    const { proc } = launch(['sh', '-c', 'sleep 3600']);
    proc.start();
    expect(proc.deliver('SIGTERM')).to.deep.include({ changed: false, outcome: 'ignored' });
    expect(proc.deliver('SIGKILL')).to.deep.equal({
      step: { type: 'exit', code: 137, signal: 'SIGKILL' },
      changed: true,
      outcome: 'killed',
    });
  });

  it('a shell that is not PID 1 dies of SIGTERM (143)', () => {
    const { proc } = launch(['sh', '-c', 'sleep 3600'], { pid: 12 });
    proc.start();
    expect(proc.deliver('SIGTERM').step).to.deep.equal({ type: 'exit', code: 143, signal: 'SIGTERM' });
  });

  it('a TERM trap waits for the foreground sleep to end, as busybox does', () => {
    const { proc, clock, log, wake } = launch([
      'sh',
      '-c',
      "trap 'echo got TERM; exit 0' TERM; echo start; sleep 30; echo never",
    ]);
    const sleeping = proc.start();
    clock.now = 5000;
    const d = proc.deliver('SIGTERM');
    expect(d.outcome).to.equal('trap-pending');
    expect(d.changed).to.equal(false);
    expect(d.step).to.deep.equal({ type: 'sleep', ms: 25_000, until: 30_000 });
    expect(wake(sleeping)).to.deep.equal({ type: 'exit', code: 0 });
    expect(log).to.deep.equal(['0 start', '30000 got TERM']);
  });

  it('a TERM trap interrupts `wait` at once (sleep & wait)', () => {
    const { proc, clock, log } = launch(['sh', '-c', "trap 'echo bye; exit 0' TERM; sleep 3600 & wait"]);
    expect(proc.start()).to.deep.equal({ type: 'sleep', ms: 3_600_000, until: 3_600_000 });
    clock.now = 7000;
    expect(proc.deliver('SIGTERM')).to.deep.equal({
      step: { type: 'exit', code: 0 },
      changed: true,
      outcome: 'trap-ran',
    });
    expect(log).to.deep.equal(['7000 bye']);
  });

  it('after a trap that does not exit the script goes on; wait returns 128+15', () => {
    const { proc, clock, log } = launch([
      'sh',
      '-c',
      'trap \'echo got\' TERM; sleep 100 & wait; echo "wait=$?"; sleep 5',
    ]);
    proc.start();
    clock.now = 10;
    expect(proc.deliver('SIGTERM').step).to.deep.equal({ type: 'sleep', ms: 5000, until: 5010 });
    expect(log).to.deep.equal(['10 got', '10 wait=143']);
  });

  it('trap "" TERM ignores the signal even when not PID 1', () => {
    const { proc } = launch(['sh', '-c', "trap '' TERM; sleep 10"], { pid: 30 });
    proc.start();
    expect(proc.deliver('SIGTERM').outcome).to.equal('ignored');
  });

  it('`exec sleep` replaces the shell, so its trap is gone', () => {
    const { proc } = launch(['sh', '-c', "trap 'echo x' TERM; exec sleep 100"], { pid: 9 });
    proc.start();
    expect(proc.deliver('SIGTERM').step).to.deep.equal({ type: 'exit', code: 143, signal: 'SIGTERM' });
  });

  it('the EXIT trap runs when a TERM trap exits', () => {
    const { proc, log } = launch([
      'sh',
      '-c',
      "trap 'echo cleanup' EXIT; trap 'exit 3' TERM; sleep 1000 & wait",
    ]);
    proc.start();
    expect(proc.deliver('SIGTERM').step).to.deep.equal({ type: 'exit', code: 3 });
    expect(log).to.deep.equal(['0 cleanup']);
  });

  it('a busy loop is interrupted by a trapped signal at once', () => {
    const { proc } = launch(['sh', '-c', "trap 'exit 5' TERM; while :; do :; done"]);
    expect(proc.start()).to.deep.equal({ type: 'sleep', ms: 1, until: 1 });
    expect(proc.deliver('SIGTERM').step).to.deep.equal({ type: 'exit', code: 5 });
  });
});

describe('ShellProcess: background jobs', () => {
  it('interleaves a background loop with the main script on one clock', () => {
    const { proc, wake, log } = launch([
      'sh',
      '-c',
      '(while true; do echo tick; sleep 2; done) & sleep 5; echo main done; wait',
    ]);
    let step = proc.start();
    expect(step).to.deep.equal({ type: 'sleep', ms: 2000, until: 2000 });
    step = wake(step);
    step = wake(step);
    expect(step).to.deep.equal({ type: 'sleep', ms: 1000, until: 5000 });
    step = wake(step);
    expect(log).to.deep.equal(['0 tick', '2000 tick', '4000 tick', '5000 main done']);
    expect(step).to.deep.equal({ type: 'sleep', ms: 1000, until: 6000 });
  });

  it('wait PID returns the job’s status, $! is its pid, kill ends it', () => {
    const { proc, log } = launch([
      'sh',
      '-c',
      'sh -c "exit 3" & wait $!; echo "st=$?"; sleep 50 & p=$!; echo "pid=$p"; kill $p; wait $p; echo "killed=$?"',
    ]);
    expect(proc.start()).to.deep.equal({ type: 'exit', code: 0 });
    // Pids count up from the shell's: job 2, its `sh` child 3, the second job 4.
    expect(log).to.deep.equal(['0 st=3', '0 pid=4', '0 killed=143']);
  });

  it('the container ends when the main shell ends, jobs included', () => {
    const { proc } = launch(['sh', '-c', 'sleep 100 & echo started']);
    expect(proc.start()).to.deep.equal({ type: 'exit', code: 0 });
  });
});
