import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../core/clock.js';
import { busyboxBehaviour, busyboxRelease } from './busybox.js';
import { parseImageReference } from './reference.js';
import { nslookupLegacy } from './sh/commands/nslookup-legacy.js';
import { startContainer } from './test-support.js';

describe('the busybox images', () => {
  it('run the release their tag names; other tags run the current one', () => {
    const table: ReadonlyArray<[string, readonly [number, number]]> = [
      ['busybox:1.28', [1, 28]],
      ['busybox:1.28.4', [1, 28]],
      ['busybox:1.28.4-uclibc', [1, 28]],
      ['busybox:1.36-musl', [1, 36]],
      ['busybox:1.37', [1, 37]],
      ['busybox', [1, 36]],
      ['busybox:stable-glibc', [1, 36]],
      ['registry.k8s.io/busybox', [1, 24]],
      ['registry.k8s.io/busybox:1.27.2', [1, 27]],
      ['k8s.gcr.io/busybox:latest', [1, 24]],
      ['registry.k8s.io/e2e-test-images/busybox:1.29-4', [1, 29]],
      ['registry.k8s.io/e2e-test-images/busybox:1.36.1-1', [1, 36]],
    ];
    for (const [image, release] of table) {
      expect(busyboxRelease(parseImageReference(image)), image).to.deep.equal(release);
    }
  });

  it('have the libc nslookup up to 1.28 and busybox’s own from 1.29', () => {
    const commands = (image: string) => busyboxBehaviour(parseImageReference(image)).commands;
    expect(commands('busybox:1.28')).to.deep.equal({ nslookup: nslookupLegacy });
    expect(commands('busybox:1.27.2')?.nslookup).to.equal(nslookupLegacy);
    expect(commands('busybox:1.29')).to.equal(undefined);
    expect(commands('busybox')).to.equal(undefined);
    // One behaviour per release family: a Deployment's pods share it.
    expect(busyboxBehaviour(parseImageReference('busybox:1.28'))).to.equal(
      busyboxBehaviour(parseImageReference('busybox:1.24')),
    );
  });

  it('run the old nslookup in an exec of a 1.28 container', () => {
    const clock = new SimClock();
    const p = startContainer(clock, 'busybox:1.28', { command: ['sleep', '3600'] });
    const r = p.exec(['nslookup', 'nowhere']);
    expect(r.stdout).to.equal('Server:    10.96.0.10\nAddress 1: 10.96.0.10\n\n');
    expect(r.stderr).to.equal("nslookup: can't resolve 'nowhere'\n");
    expect(r.exitCode).to.equal(1);
  });
});
