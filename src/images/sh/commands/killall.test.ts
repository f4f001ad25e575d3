import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ContainerProcesses } from '../process.js';
import { createContainerFs } from '../rootfs.js';
import { runToCompletion } from '../run.js';

/** A container whose main process is nginx (PID 1), as an exec sees it; records the signals. */
function nginxContainer(): ContainerProcesses & { signals: Array<[number, number, number]> } {
  const signals: Array<[number, number, number]> = [];
  let alive = true;
  return {
    signals,
    processes: () =>
      alive
        ? [{ pid: 1, command: 'nginx: master process nginx -g daemon off;', startedAt: 0, name: 'nginx' }]
        : [],
    kill(pid, signo, _now, sender) {
      if (!alive || pid !== 1) return false;
      signals.push([pid, signo, sender]);
      if (signo === 15) alive = false;
      return true;
    },
  };
}

function run(script: string, container = nginxContainer()) {
  const fs = createContainerFs({ hostname: 'web' });
  return { ...runToCompletion(script, { fs, env: {}, container }), container };
}

describe('busybox killall', () => {
  it('-0 tests that a process of that name exists (exit 0), else says no process killed (exit 1)', () => {
    const r = run('killall -0 nginx; echo $?; killall -0 redis; echo $?');
    expect(r.stdout).to.equal('0\n1\n');
    expect(r.stderr).to.equal('killall: redis: no process killed\n');
    expect(r.container.signals).to.deep.equal([[1, 0, 9]]);
  });

  it('sends SIGTERM by default, or -SIG by name or number; -q keeps quiet', () => {
    const r = run('killall -HUP nginx; killall -3 nginx; killall nginx; killall -q nginx; echo $?');
    expect(r.container.signals.map(([, signo]) => signo)).to.deep.equal([1, 3, 15]);
    expect(r.stdout).to.equal('1\n');
    expect(r.stderr).to.equal('');
  });

  it('matches by name or argv[0], never itself, and counts errors as its exit status', () => {
    const r = run('sleep 30 & killall -0 sleep killall; echo $?; killall -0 a b; echo $?');
    expect(r.stdout).to.equal('1\n2\n');
    expect(r.stderr).to.equal(
      'killall: killall: no process killed\nkillall: a: no process killed\nkillall: b: no process killed\n',
    );
  });

  it('rejects a bad signal and needs a name', () => {
    const r = run('killall -FOO nginx; echo $?; killall; echo $?');
    expect(r.stdout).to.equal('1\n1\n');
    expect(r.stderr).to.equal("killall: bad signal name 'FOO'\nkillall: you need to specify whom to kill\n");
  });

  it('lists signals with -l', () => {
    const r = run('killall -l | head -3; killall -l 15; killall -l TERM');
    expect(r.stdout).to.equal('HUP\nINT\nQUIT\nTERM\n15\n');
  });

  it('lets `kill` and `ps` of an exec reach the container’s main process', () => {
    const r = run('ps; kill -0 1; echo $?; kill 1; kill -0 1; echo $?');
    expect(r.stdout).to.equal(
      'PID   USER     TIME  COMMAND\n' +
        '    1 root      0:00 nginx: master process nginx -g daemon off;\n' +
        '    8 root      0:00 sh -c ps; kill -0 1; echo $?; kill 1; kill -0 1; echo $?\n' +
        '0\n1\n',
    );
    expect(r.stderr).to.equal("sh: can't kill pid 1: No such process\n");
  });
});
