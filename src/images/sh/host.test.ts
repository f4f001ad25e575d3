import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../../core/clock.js';
import type { Signal } from './effects.js';
import { type ShellHost, ShellRunner } from './host.js';
import { argvToScript, containerArgv } from './invocation.js';
import { LineSplitter } from './io.js';
import { ShellProcess } from './process.js';
import { createContainerFs } from './rootfs.js';
import { runToCompletion } from './run.js';

/** How the kubelet wires a busybox container: the cluster clock drives the shell; probes exec in its fs. */
function container(command: string[], pid = 1) {
  const clock = new SimClock();
  const fs = createContainerFs({ hostname: 'liveness-exec', now: () => clock.now });
  const logs: string[] = [];
  const exits: Array<{ at: number; code: number; signal?: Signal }> = [];
  const out = new LineSplitter((line) => logs.push(`${clock.now} ${line}`));
  const proc = new ShellProcess(argvToScript(containerArgv(command, undefined)), {
    fs,
    pid,
    now: () => clock.now,
    output: (_fd, text) => out.write(text),
  });
  const host: ShellHost = {
    get now() {
      return clock.now;
    },
    schedule: (fn, ms) => {
      clock.schedule(fn, ms, 'shell');
    },
    exit: (code, signal) => exits.push(signal ? { at: clock.now, code, signal } : { at: clock.now, code }),
    http: () => ({ type: 'response', status: 200, body: 'ok' }),
  };
  const runner = new ShellRunner(proc, host);
  const runUntil = (t: number): void => {
    while (clock.fireNext(t)) {}
    clock.advanceTo(t);
  };
  const probe = () => runToCompletion(['cat', '/tmp/healthy'], { fs, startMs: clock.now, timeoutMs: 1000 });
  return { clock, fs, logs, exits, runner, runUntil, probe };
}

describe('ShellRunner on the simulated clock', () => {
  it('the docs exec-liveness pod: cat /tmp/healthy passes until 30 s, then fails', () => {
    const c = container(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']);
    c.runner.start();
    expect(c.probe().exitCode).to.equal(0);
    c.runUntil(29_999);
    expect(c.probe().exitCode).to.equal(0);
    c.runUntil(30_000);
    const failed = c.probe();
    expect(failed.exitCode).to.equal(1);
    expect(failed.stderr).to.equal("cat: can't open '/tmp/healthy': No such file or directory\n");
    c.runUntil(630_000);
    expect(c.exits).to.deep.equal([{ at: 630_000, code: 0 }]);
  });

  it('a PID 1 shell ignores SIGTERM and dies at SIGKILL (137)', () => {
    const c = container(['sh', '-c', 'while true; do sleep 10; done']);
    c.runner.start();
    c.runUntil(5000);
    expect(c.runner.signal('SIGTERM').outcome).to.equal('ignored');
    c.runUntil(35_000);
    expect(c.exits).to.deep.equal([]);
    c.runner.signal('SIGKILL');
    expect(c.exits).to.deep.equal([{ at: 35_000, code: 137, signal: 'SIGKILL' }]);
    c.runUntil(100_000);
    expect(c.exits).to.have.length(1);
  });

  it('a trap with `sleep & wait` exits at SIGTERM; stale timers do nothing', () => {
    const c = container([
      'sh',
      '-c',
      "trap 'echo stopping; exit 0' TERM; echo up; while true; do sleep 5 & wait; done",
    ]);
    c.runner.start();
    c.runUntil(12_000);
    c.runner.signal('SIGTERM');
    c.runUntil(60_000);
    expect(c.logs).to.deep.equal(['0 up', '12000 stopping']);
    expect(c.exits).to.deep.equal([{ at: 12_000, code: 0 }]);
  });

  it('logs a line when it completes, stamped with that moment', () => {
    const c = container([
      'sh',
      '-c',
      'echo -n "a"; sleep 2; echo b; i=0; while [ $i -lt 2 ]; do i=$((i+1)); echo "tick $i"; sleep 1; done',
    ]);
    c.runner.start();
    c.runUntil(10_000);
    expect(c.logs).to.deep.equal(['2000 ab', '2000 tick 1', '3000 tick 2']);
    expect(c.exits).to.deep.equal([{ at: 4000, code: 0 }]);
  });
});
