import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../core/clock.js';
import type { ContainerInvocation } from './behaviour.js';
import { logLines, runUntil, startContainer } from './test-support.js';

type Inv = Partial<ContainerInvocation>;

describe('a server image with a command override', () => {
  // [image, invocation, serves on port (or undefined: nothing listens), exit code at 10 s (undefined: running)]
  const table: ReadonlyArray<[string, Inv, number | undefined, number | undefined]> = [
    ['nginx:1.27', {}, 80, undefined],
    ['nginx:1.27', { command: ['/bin/sh', '-c', 'sleep 5'] }, undefined, 0],
    ['nginx:1.27', { args: ['nginx', '-g', 'daemon off;'] }, 80, undefined],
    ['nginx:1.27', { command: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'] }, 80, undefined],
    ['nginx:1.27', { args: ['sh', '-c', 'exit 3'] }, undefined, 3],
    ['nginx:1.27', { command: ['nginx', '-t'] }, undefined, 0],
    ['nginx:1.14.2', { command: ['/bin/sh', '-c', "exec nginx -g 'daemon off;'"] }, 80, undefined],
    ['nginx:alpine', { command: ['/bin/sh', '-c', 'sleep 5'] }, undefined, 0],
    ['registry.k8s.io/e2e-test-images/nginx:1.14-4', { command: ['/bin/sh', '-c', 'sleep 5'] }, undefined, 0],
    ['httpd:2.4', {}, 80, undefined],
    ['httpd:2.4', { command: ['/bin/sh', '-c', 'sleep 5'] }, undefined, 0],
    ['httpd:2.4', { command: ['httpd', '-D', 'FOREGROUND'] }, 80, undefined],
    ['httpd:2.4', { command: ['sh', '-c', 'echo x; httpd-foreground'] }, 80, undefined],
    [
      'registry.k8s.io/e2e-test-images/httpd:2.4.38-4',
      { command: ['/bin/sh', '-c', 'sleep 5'] },
      undefined,
      0,
    ],
    ['registry.k8s.io/e2e-test-images/agnhost:2.53', { command: ['/bin/sh', '-c', 'sleep 5'] }, undefined, 0],
    [
      'registry.k8s.io/e2e-test-images/agnhost:2.53',
      { command: ['/bin/bash', '-c', 'exit 2'] },
      undefined,
      2,
    ],
    ['registry.k8s.io/e2e-test-images/agnhost:2.53', { args: ['liveness'] }, 8080, undefined],
    ['registry.k8s.io/e2e-test-images/agnhost:2.53', { command: ['/agnhost', 'liveness'] }, 8080, undefined],
    [
      'registry.k8s.io/e2e-test-images/agnhost:2.53',
      { command: ['agnhost', 'serve-hostname'] },
      9376,
      undefined,
    ],
  ];
  for (const [image, inv, port, code] of table) {
    it(`${image} ${JSON.stringify(inv)}`, () => {
      const clock = new SimClock();
      const p = startContainer(clock, image, inv);
      runUntil(clock, 10_000);
      if (port !== undefined) expect(p.listens(port), `listens on ${port}`).to.equal(true);
      for (const other of [80, 8080, 9376]) if (other !== port) expect(p.listens(other)).to.equal(false);
      expect(p.exited?.code).to.equal(code);
    });
  }

  it('runs a Debian image’s command with dash and without wget', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'nginx:1.27', { command: ['/bin/sh', '-c', 'wget -q http://x/'] });
    runUntil(clock, 1000);
    expect(logLines(p)).to.deep.equal(['stderr /bin/sh: 1: wget: not found']);
    expect(p.exited?.code).to.equal(127);
  });

  it('runs agnhost’s /bin/bash with bash’s words and its userland', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'registry.k8s.io/e2e-test-images/agnhost:2.53', {
      command: ['/bin/bash', '-c', 'echo hi; nosuch'],
    });
    runUntil(clock, 1000);
    expect(logLines(p)).to.deep.equal(['stdout hi', 'stderr /bin/bash: line 1: nosuch: command not found']);
  });

  it('a script that execs nginx runs, then serves until SIGTERM ends it with 0', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'nginx:1.27', {
      command: [
        '/bin/sh',
        '-c',
        "echo hello > /usr/share/nginx/html/index.html && exec nginx -g 'daemon off;'",
      ],
    });
    runUntil(clock, 5000);
    expect(p.listens(80)).to.equal(true);
    expect(p.exec(['cat', '/usr/share/nginx/html/index.html']).stdout).to.equal('hello\n');
    p.signal('SIGTERM');
    runUntil(clock, 6000);
    expect(p.exited?.code).to.equal(0);
  });
});
