import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Probe } from '../../api/types.js';
import { podManifest, testbed } from './testbed.js';

const busybox = (livenessProbe: Probe) =>
  podManifest('busybox', {
    nodeName: 'node-1',
    containers: [
      {
        name: 'busybox',
        image: 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1',
        command: ['/bin/sh', '-c', 'sleep 600'],
        livenessProbe,
      },
    ],
  });

const probeEvents = (bed: ReturnType<typeof testbed>) =>
  bed
    .eventsOf('busybox')
    .filter((e) => e.reason === 'Unhealthy' || e.reason === 'Killing')
    .map((e) => [e.at / 1000, e.reason, e.message]);

// pkg/kubelet/prober/prober.go runProbe → pkg/probe/exec: ExecSync blocks until timeoutSeconds.
describe('A timed-out exec probe (ExecSync blocks for timeoutSeconds)', () => {
  it('fails, and the liveness kill comes, timeoutSeconds after the tick', () => {
    const bed = testbed();
    bed.create(
      busybox({
        exec: { command: ['/bin/sh', '-c', 'sleep 10'] },
        initialDelaySeconds: 15,
        timeoutSeconds: 1,
        failureThreshold: 1,
      }),
    );
    bed.advance(22_000);
    expect(probeEvents(bed)).to.deep.equal([
      [21, 'Unhealthy', 'Liveness probe failed: command "/bin/sh -c sleep 10" timed out'],
      [21, 'Killing', 'Container busybox failed liveness probe, will be restarted'],
    ]);
  });

  it('keeps the ticker on its schedule: failures land at tick + timeout', () => {
    const bed = testbed();
    bed.create(
      busybox({
        exec: { command: ['/bin/sh', '-c', 'sleep 10'] },
        initialDelaySeconds: 15,
        periodSeconds: 10,
        timeoutSeconds: 2,
        failureThreshold: 3,
      }),
    );
    bed.advance(45_000);
    const failed = 'Liveness probe failed: command "/bin/sh -c sleep 10" timed out';
    expect(probeEvents(bed)).to.deep.equal([
      [22, 'Unhealthy', failed],
      [32, 'Unhealthy', failed],
      [42, 'Unhealthy', failed],
      [42, 'Killing', 'Container busybox failed liveness probe, will be restarted'],
    ]);
  });

  it('probes once more as soon as a probe longer than the period returns (the ticker keeps one tick)', () => {
    const bed = testbed();
    bed.create(
      busybox({
        exec: { command: ['/bin/sh', '-c', 'sleep 10'] },
        initialDelaySeconds: 2,
        periodSeconds: 1,
        timeoutSeconds: 3,
        failureThreshold: 3,
      }),
    );
    bed.advance(12_000);
    const failures = probeEvents(bed)
      .filter((e) => e[1] === 'Unhealthy')
      .map((e) => e[0]);
    // Ticks at 2 s (probe until 5 s), the tick kept from 3 s runs at 5 s (until 8 s), then 8 s.
    expect(failures.slice(0, 3)).to.deep.equal([5, 8, 11]);
  });
});
