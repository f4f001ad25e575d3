import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../core/clock.js';
import { logLines, runUntil, startContainer } from './test-support.js';

describe('base images (debian, ubuntu, bash, centos, fedora)', () => {
  it('runs commands.yaml: debian `printenv HOSTNAME KUBERNETES_PORT` prints both and exits 0', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'debian', {
      command: ['printenv'],
      args: ['HOSTNAME', 'KUBERNETES_PORT'],
    });
    runUntil(clock, 1000);
    expect(logLines(p)).to.deep.equal(['stdout pod-0', 'stdout tcp://10.96.0.1:443']);
    expect(p.exited?.code).to.equal(0);
  });

  it('runs the image’s CMD without a command: bash with no terminal reads nothing and exits 0', () => {
    for (const image of ['debian', 'ubuntu:24.04', 'centos:7', 'fedora', 'bash']) {
      const clock = new SimClock();
      const p = startContainer(clock, image);
      runUntil(clock, 1000);
      expect(p.exited?.code, image).to.equal(0);
      expect(logLines(p), image).to.deep.equal([]);
    }
  });

  it('keeps bash waiting for input when the pod has `stdin: true`', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'ubuntu', {}, { stdinOpen: true });
    runUntil(clock, 60_000);
    expect(p.running).to.equal(true);
  });

  it('runs print-greeting: the bash image echoes the kubelet-expanded message', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'bash', {
      command: ['echo'],
      args: ['Warm greetings to The Most Honorable Kubernetes'],
    });
    runUntil(clock, 1000);
    expect(logLines(p)).to.deep.equal(['stdout Warm greetings to The Most Honorable Kubernetes']);
    expect(p.exited?.code).to.equal(0);
  });

  it('passes args alone through the bash image’s docker-entrypoint.sh to bash', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'bash:5.2', { args: ['-c', 'echo "hi from $0"; nope'] });
    runUntil(clock, 1000);
    expect(logLines(p)).to.deep.equal([
      'stdout hi from bash',
      'stderr bash: line 1: nope: command not found',
    ]);
    expect(p.exited?.code).to.equal(127);
  });

  it('words a missing command as each distribution’s sh does', () => {
    const table: ReadonlyArray<[string, string]> = [
      ['debian', 'sh: 1: nope: not found'],
      ['ubuntu', 'sh: 1: nope: not found'],
      ['fedora', 'sh: line 1: nope: command not found'],
      ['centos:7', 'sh: nope: command not found'],
      ['bash', 'sh: nope: not found'],
      ['busybox', 'sh: nope: not found'],
    ];
    for (const [image, message] of table) {
      const clock = new SimClock();
      const p = startContainer(clock, image, { command: ['sh', '-c', 'nope'] });
      runUntil(clock, 1000);
      expect(logLines(p), image).to.deep.equal([`stderr ${message}`]);
      expect(p.exited?.code, image).to.equal(127);
    }
  });

  it('has the distribution’s commands only: no wget, ps or killall in Debian; bash in /bin', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'debian:bookworm', { command: ['sleep', 'infinity'] });
    const exec = (argv: string[]) => p.exec(argv);
    expect(exec(['wget', '-qO-', 'http://x']).startError).to.equal(
      'exec: "wget": executable file not found in $PATH',
    );
    expect(exec(['sh', '-c', 'ps; killall -0 sleep']).stderr).to.equal(
      'sh: 1: ps: not found\nsh: 1: killall: not found\n',
    );
    expect(exec(['sh', '-c', 'ls /bin/bash /bin/sh; head -1 /etc/os-release']).stdout).to.equal(
      '/bin/bash\n/bin/sh\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
    );
    expect(exec(['bash', '-c', 'echo $0 "$1"', 'me', 'you']).stdout).to.equal('me you\n');
  });

  it('writes each distribution’s os-release', () => {
    const table: ReadonlyArray<[string, string]> = [
      ['debian:11', 'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"'],
      ['debian:trixie-slim', 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"'],
      ['debian', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"'],
      ['ubuntu', 'PRETTY_NAME="Ubuntu 24.04.2 LTS"'],
      ['centos:7', 'NAME="CentOS Linux"'],
      ['bash', 'NAME="Alpine Linux"'],
    ];
    for (const [image, first] of table) {
      const clock = new SimClock();
      const p = startContainer(clock, image, { command: ['sleep', 'infinity'] });
      expect(p.exec(['head', '-1', '/etc/os-release']).stdout, image).to.equal(`${first}\n`);
    }
  });
});
