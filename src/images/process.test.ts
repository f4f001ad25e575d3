import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../core/clock.js';
import type { ContainerInvocation, ImageBehaviour } from './behaviour.js';
import type { ContainerContext } from './container-context.js';
import { PortSpace } from './netns.js';
import { SimProcess } from './process.js';
import { createContainerFs } from './sh/rootfs.js';
import { Volume } from './sh/vfs.js';
import { runUntil, startContainer } from './test-support.js';

/** A process of `image` on `clock`, with a context like the kubelet's and one variable of its own. */
function start(
  clock: SimClock,
  image: string,
  invocation: Partial<ContainerInvocation> = {},
  context: Partial<ContainerContext> = {},
  memoryLimitBytes?: number,
): SimProcess {
  return startContainer(
    clock,
    image,
    invocation,
    { env: [['GREETING', 'hello']], ...context },
    memoryLimitBytes,
  );
}

const texts = (p: SimProcess) => p.log.lines().map((l) => `${l.at / 1000}s ${l.stream} ${l.text}`);

describe('SimProcess with the shell program', () => {
  it('runs the container’s command in the interpreter and logs its output with the time', () => {
    const clock = new SimClock();
    const p = start(clock, 'busybox', {
      command: ['sh', '-c', 'echo "$GREETING from $(hostname)"; sleep 2; echo done >&2; exit 3'],
    });
    runUntil(clock, 10_000);
    expect(texts(p)).to.deep.equal(['0s stdout hello from pod-0', '2s stderr done']);
    expect(p.exited).to.include({ code: 3, at: 2000 });
  });

  it('runs the image’s CMD when the container gives no command (busybox: sh, which exits at once)', () => {
    const clock = new SimClock();
    const p = start(clock, 'busybox');
    runUntil(clock, 1000);
    expect(p.exited).to.include({ code: 0, at: 0 });
  });

  it('fails to start a command the image does not have (StartError, 128)', () => {
    const clock = new SimClock();
    const p = start(clock, 'busybox', { command: ['nginx', '-g', 'daemon off;'] });
    expect(p.exited).to.deep.include({
      code: 128,
      startError: 'exec: "nginx": executable file not found in $PATH',
    });
  });

  it('ignores SIGTERM as PID 1 without a trap, and runs a trap', () => {
    const clock = new SimClock();
    const plain = start(clock, 'busybox', { command: ['sh', '-c', 'sleep 3600'] });
    const trapped = start(clock, 'busybox', {
      command: ['sh', '-c', 'trap "echo bye; exit 0" TERM; sleep 3600 & wait'],
    });
    runUntil(clock, 1000);
    plain.signal('SIGTERM');
    trapped.signal('SIGTERM');
    runUntil(clock, 2000);
    expect(plain.running).to.equal(true);
    expect(trapped.exited).to.include({ code: 0, at: 1000 });
    expect(texts(trapped)).to.deep.equal(['1s stdout bye']);
  });

  it('acts just after anything else due at the same instant (a probe tick sees the state before)', () => {
    const clock = new SimClock();
    const p = start(clock, 'busybox', {
      command: ['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
    });
    const seen: Array<[number, number | undefined]> = [];
    const tick = () => {
      seen.push([clock.now / 1000, p.exec(['cat', '/tmp/healthy']).exitCode]);
      if (clock.now < 40_000) clock.schedule(tick, 5000);
    };
    clock.schedule(tick, 5000);
    runUntil(clock, 45_000);
    expect(seen).to.deep.equal([
      [5, 0],
      [10, 0],
      [15, 0],
      [20, 0],
      [25, 0],
      [30, 0],
      [35, 1],
      [40, 1],
    ]);
  });
});

describe('SimProcess.exec', () => {
  it('runs in the container’s file system and environment, with busybox’s messages', () => {
    const clock = new SimClock();
    const p = start(clock, 'busybox', { command: ['sh', '-c', 'echo hi > /tmp/note; sleep 3600'] });
    expect(p.exec(['cat', '/tmp/note'])).to.include({ exitCode: 0, stdout: 'hi\n' });
    expect(p.exec(['cat', '/tmp/healthy'])).to.include({
      exitCode: 1,
      stderr: "cat: can't open '/tmp/healthy': No such file or directory\n",
    });
    expect(p.exec(['printenv', 'GREETING'])).to.include({ exitCode: 0, stdout: 'hello\n' });
  });

  it('times out a command that sleeps past its timeout, without moving the clock', () => {
    const clock = new SimClock();
    const p = start(clock, 'busybox', { command: ['sleep', '3600'] });
    expect(p.exec(['sleep', '5'], { timeoutMs: 1000 })).to.include({ timedOut: true, exitCode: undefined });
    expect(p.exec(['sh', '-c', 'sleep 0.5; echo ok'], { timeoutMs: 1000 })).to.include({
      exitCode: 0,
      elapsedMs: 500,
    });
    expect(clock.now).to.equal(0);
  });

  it('answers runc’s error for an image that has no such program', () => {
    const clock = new SimClock();
    const p = start(clock, 'registry.k8s.io/goproxy:0.1');
    expect(p.exec(['sh']).startError).to.equal('exec: "sh": executable file not found in $PATH');
    expect(p.exec(['/bin/sh']).startError).to.equal(
      'exec: "/bin/sh": stat /bin/sh: no such file or directory',
    );
    const nginx = start(clock, 'nginx:1.25');
    expect(nginx.exec(['nginx', '-v'])).to.include({ exitCode: 0, stderr: 'nginx version: nginx/1.25.5\n' });
    expect(nginx.exec(['cat', '/usr/share/nginx/html/index.html']).stdout).to.include('Welcome to nginx!');
  });
});

describe('SimProcess as data', () => {
  it('prints an image’s startup lines (stress) and its timed lines', () => {
    const clock = new SimClock();
    const p = start(clock, 'polinux/stress', {
      args: ['--vm', '1', '--vm-bytes', '150M', '--timeout', '10s'],
    });
    runUntil(clock, 20_000);
    expect(texts(p)).to.deep.equal([
      '0s stdout stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd',
      '10s stdout stress: info: [1] successful run completed in 10s',
    ]);
    expect(p.exited).to.include({ code: 0, at: 10_000 });
  });

  it('lets two containers of a pod share ports: the second nginx cannot bind port 80 and exits 1', () => {
    const clock = new SimClock();
    const ports = new PortSpace();
    const first = start(clock, 'nginx:1.25', {}, { ports });
    const second = start(clock, 'nginx:1.25', {}, { ports });
    expect(first.listens(80)).to.equal(true);
    expect(second.listens(80)).to.equal(false);
    runUntil(clock, 5000);
    expect(second.exited).to.include({ code: 1, at: 2500 });
    expect(texts(second).at(-1)).to.equal('0s stderr nginx: [emerg] still could not bind()');
    first.signal('SIGKILL');
    runUntil(clock, 6000);
    const third = start(clock, 'nginx:1.25', {}, { ports });
    expect(third.listens(80)).to.equal(true);
  });

  it('grows its memory until the OOM killer ends it at the limit', () => {
    const clock = new SimClock();
    const behaviour: ImageBehaviour = {
      name: 'leak',
      listen: [],
      sigterm: { action: 'exit', code: 0 },
      memoryBytes: 10,
      memoryGrowth: { bytes: 10, everyMs: 1000 },
    };
    const p = new SimProcess({
      clock,
      behaviour,
      invocation: { name: 'c' },
      label: 't',
      memoryLimitBytes: 35,
    }).start();
    runUntil(clock, 10_000);
    expect(p.exited).to.include({ code: 137, oomKilled: true, at: 3000 });
  });

  it('shares an emptyDir volume between the containers of a pod', () => {
    const clock = new SimClock();
    const shared = new Volume('data');
    const fs = () => {
      const f = createContainerFs({ hostname: 'p', now: () => clock.now });
      f.mount('/data', shared);
      return f;
    };
    const writer = start(
      clock,
      'busybox',
      { command: ['sh', '-c', 'echo 42 > /data/answer; sleep 3600'] },
      { fs },
    );
    const reader = start(clock, 'busybox', { command: ['sleep', '3600'] }, { fs });
    expect(writer.running).to.equal(true);
    expect(reader.exec(['cat', '/data/answer']).stdout).to.equal('42\n');
  });
});
