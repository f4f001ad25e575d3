import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../core/clock.js';
import { logLines, runUntil, startContainer } from './test-support.js';

const PRESTOP = ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done'];

describe('nginx signals', () => {
  it('`nginx -s quit` makes the master shut down gracefully: exit 0, with its notices', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'nginx:1.25');
    runUntil(clock, 5000);
    const r = p.exec(['nginx', '-s', 'quit']);
    expect(r.exitCode).to.equal(0);
    expect(r.stderr).to.equal('2025/01/01 00:00:05 [notice] 8#8: signal process started\n');
    expect(p.running, 'a moment after, not inside the exec').to.equal(true);
    runUntil(clock, 5000);
    expect(p.exited).to.deep.include({ code: 0, at: 5000 });
    const lines = logLines(p);
    expect(lines.slice(-3)).to.deep.equal([
      'stderr 2025/01/01 00:00:05 [notice] 1#1: signal 17 (SIGCHLD) received from 32',
      'stderr 2025/01/01 00:00:05 [notice] 1#1: worker process 32 exited with code 0',
      'stderr 2025/01/01 00:00:05 [notice] 1#1: exit',
    ]);
    expect(lines).to.include(
      'stderr 2025/01/01 00:00:05 [notice] 1#1: signal 3 (SIGQUIT) received from 8, shutting down',
    );
    expect(lines).to.include('stderr 2025/01/01 00:00:05 [notice] 29#29: gracefully shutting down');
  });

  it('`nginx -s stop` is the fast shutdown (SIGTERM); old images print nothing', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'nginx:1.14.2');
    expect(p.exec(['nginx', '-s', 'stop'])).to.deep.include({ exitCode: 0, stderr: '' });
    runUntil(clock, 0);
    expect(p.exited?.code).to.equal(0);
    expect(logLines(p)).to.deep.equal([]);
  });

  it('reload and reopen leave the master running; a bad or missing signal name is refused', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'nginx:1.27');
    expect(p.exec(['nginx', '-s', 'reload']).exitCode).to.equal(0);
    expect(p.exec(['nginx', '-s', 'reopen']).exitCode).to.equal(0);
    expect(p.exec(['nginx', '-s', 'restart'])).to.deep.include({
      exitCode: 1,
      stderr: 'nginx: invalid option: "-s restart"\n',
    });
    expect(p.exec(['nginx', '-s'])).to.deep.include({
      exitCode: 1,
      stderr: 'nginx: option "-s" requires parameter\n',
    });
    runUntil(clock, 60_000);
    expect(p.running).to.equal(true);
  });

  it('fails to signal a master that is gone, in the error log and on stderr', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'nginx:1.25', {}, {});
    p.exec(['nginx', '-s', 'quit']);
    // The same exec, a second later in its own time: the master has exited.
    const r = p.exec(['sh', '-c', 'sleep 1; nginx -s quit']);
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.equal(
      '2025/01/01 00:00:01 [notice] 10#10: signal process started\n' +
        '2025/01/01 00:00:01 [alert] 10#10: kill(1, 3) failed (3: No such process)\n' +
        'nginx: [alert] kill(1, 3) failed (3: No such process)\n',
    );
  });

  it('runs lifecycle-events.yaml’s preStop: on alpine killall sees nginx until it has quit', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'nginx:alpine');
    const r = p.exec(PRESTOP);
    expect(r).to.deep.include({ exitCode: 0, elapsedMs: 1000 });
    expect(r.stderr).to.match(/signal process started\nkillall: nginx: no process killed\n$/);
  });

  it('runs it on the Debian image, which has no killall: the loop ends at once', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'nginx:1.25');
    const r = p.exec(PRESTOP);
    // `while` with a failing condition has status 0.
    expect(r).to.deep.include({ exitCode: 0, elapsedMs: 0 });
    expect(r.stderr).to.match(/signal process started\n\/bin\/sh: 1: killall: not found\n$/);
    runUntil(clock, 0);
    expect(p.exited?.code).to.equal(0);
  });

  it('drops SIGKILL and unhandled signals sent to PID 1 from inside the container', () => {
    const clock = new SimClock();
    const nginx = startContainer(clock, 'nginx:1.25');
    const shell = startContainer(clock, 'busybox', { command: ['sh', '-c', 'sleep 3600'] });
    for (const p of [nginx, shell])
      expect(p.exec(['sh', '-c', 'kill -9 1; kill -USR2 1']).exitCode).to.equal(0);
    expect(shell.exec(['sh', '-c', 'kill 1']).exitCode).to.equal(0);
    runUntil(clock, 10_000);
    expect(nginx.running).to.equal(true);
    expect(shell.running, 'a shell as PID 1 without a trap ignores SIGTERM').to.equal(true);
  });

  it('lets a trapping shell handle a signal from an exec', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'busybox', {
      command: ['sh', '-c', "trap 'echo bye; exit 3' TERM; sleep 3600 & wait"],
    });
    expect(p.exec(['kill', '1']).exitCode).to.equal(0);
    runUntil(clock, 0);
    expect(p.exited?.code).to.equal(3);
    expect(logLines(p)).to.deep.equal(['stdout bye']);
  });

  it('shows the main process and its jobs to `ps` and `killall` in an exec', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'busybox', {
      command: ['sh', '-c', 'sleep 3600 & wait; echo job ended'],
    });
    expect(p.exec(['ps']).stdout).to.equal(
      'PID   USER     TIME  COMMAND\n' +
        '    1 root      0:00 sh -c sleep 3600 & wait; echo job ended\n' +
        '    2 root      0:00 sleep 3600\n' +
        '    8 root      0:00 ps\n',
    );
    expect(p.exec(['killall', 'sleep']).exitCode).to.equal(0);
    runUntil(clock, 0);
    expect(logLines(p)).to.deep.equal(['stdout job ended']);
    expect(p.exited?.code).to.equal(0);
  });
});
