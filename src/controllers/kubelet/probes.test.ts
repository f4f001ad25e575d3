import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container } from '../../api/types.js';
import { podManifest, testbed } from './testbed.js';

const pod = (name: string, container: Container, extra: Record<string, unknown> = {}) =>
  podManifest(name, { nodeName: 'node-1', containers: [container], ...extra });

const starts = (bed: ReturnType<typeof testbed>, name: string) =>
  bed
    .eventsOf(name)
    .filter((e) => e.reason === 'Started')
    .map((e) => e.at / 1000);

describe('Probes', () => {
  it('runs the docs’ exec liveness example: passes at 30 s, fails at 35, 40, 45 s, then restarts', () => {
    const bed = testbed();
    bed.create(
      pod('liveness-exec', {
        name: 'liveness',
        image: 'registry.k8s.io/busybox:1.27.2',
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        livenessProbe: {
          exec: { command: ['cat', '/tmp/healthy'] },
          initialDelaySeconds: 5,
          periodSeconds: 5,
        },
      }),
    );
    bed.advance(80_000);
    const events = bed.eventsOf('liveness-exec').map((e) => [e.at / 1000, e.reason, e.message]);
    const unhealthy = events.filter((e) => e[1] === 'Unhealthy');
    expect(unhealthy.map((e) => e[0])).to.deep.equal([35, 40, 45]);
    expect(unhealthy[0]![2]).to.equal(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
    );
    expect(events.find((e) => e[1] === 'Killing')).to.deep.equal([
      45,
      'Killing',
      'Container liveness failed liveness probe, will be restarted',
    ]);
    // The shell ignores SIGTERM: it dies at the end of the 30 s grace period and starts again at once.
    expect(starts(bed, 'liveness-exec')).to.deep.equal([0, 75]);
    const status = bed.pod('liveness-exec')!.status!.containerStatuses![0]!;
    expect(status.restartCount).to.equal(1);
    expect(status.lastState?.terminated).to.include({ exitCode: 137, reason: 'Error' });
  });

  it('runs the docs’ HTTP liveness example: starts at 0, 18, 36, 54 and 92 s', () => {
    const bed = testbed();
    bed.create(
      pod('liveness-http', {
        name: 'liveness',
        image: 'registry.k8s.io/e2e-test-images/agnhost:2.40',
        args: ['liveness'],
        livenessProbe: {
          httpGet: {
            path: '/healthz',
            port: 8080,
            httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }],
          },
          initialDelaySeconds: 3,
          periodSeconds: 3,
        },
      }),
    );
    bed.advance(100_000);
    expect(starts(bed, 'liveness-http')).to.deep.equal([0, 18, 36, 54, 92]);
    expect(bed.eventsOf('liveness-http').find((e) => e.reason === 'Unhealthy')).to.include({
      at: 12_000,
      message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
    });
    const backoff = bed.eventsOf('liveness-http').find((e) => e.reason === 'BackOff');
    expect(backoff?.at).to.equal(72_000);
  });

  it('marks a container ready only after its readiness probe succeeds, probing at once when it starts', () => {
    const bed = testbed();
    bed.create(
      pod('ready', {
        name: 'nginx',
        image: 'nginx:1.25',
        readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 },
      }),
    );
    expect(bed.pod('ready')!.status?.conditions?.find((c) => c.type === 'Ready')?.status).to.equal('True');
    bed.create(
      pod('never', {
        name: 'nginx',
        image: 'nginx:1.25',
        readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 },
      }),
    );
    bed.advance(10_000);
    const never = bed.pod('never')!;
    expect(never.status?.phase).to.equal('Running');
    expect(never.status?.containerStatuses?.[0]).to.include({ ready: false, started: true });
    expect(never.status?.conditions?.find((c) => c.type === 'Ready')).to.include({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [nginx]',
    });
    const unhealthy = bed.eventsOf('never').filter((e) => e.reason === 'Unhealthy');
    // The tick at admission finds no container yet; the probe when it starts fails, then every 5 s.
    expect(unhealthy.map((e) => e.at)).to.deep.equal([0, 5000, 10_000]);
    expect(unhealthy[0]!.message).to.equal(
      'Readiness probe failed: Get "http://10.244.0.3:8080/": dial tcp 10.244.0.3:8080: connect: connection refused',
    );
  });

  it('turns a ready container unready after failureThreshold failures without restarting it', () => {
    const bed = testbed();
    bed.create(
      pod('flaky', {
        name: 'liveness',
        image: 'registry.k8s.io/liveness',
        readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5, failureThreshold: 2 },
      }),
    );
    expect(bed.pod('flaky')!.status?.containerStatuses?.[0]?.ready).to.equal(true);
    bed.advance(15_000);
    expect(bed.pod('flaky')!.status?.containerStatuses?.[0]?.ready).to.equal(true);
    bed.advance(5_000);
    expect(bed.pod('flaky')!.status?.containerStatuses?.[0]).to.include({ ready: false, restartCount: 0 });
  });

  it('gates liveness and readiness on the startup probe, and tcpSocket probes the listening port', () => {
    const bed = testbed();
    bed.create(
      pod('slow', {
        name: 'redis',
        image: 'redis:7',
        startupProbe: { tcpSocket: { port: 6379 }, periodSeconds: 10 },
        readinessProbe: { tcpSocket: { port: 6379 }, periodSeconds: 10 },
      }),
    );
    // The startup probe's first tick (at admission) came before the container existed.
    expect(bed.pod('slow')!.status!.containerStatuses![0]!).to.include({ started: false, ready: false });
    bed.advance(9_999);
    expect(bed.pod('slow')!.status!.containerStatuses![0]!).to.include({ started: false, ready: false });
    bed.advance(1);
    // Readiness is probed at once when the startup probe succeeds.
    expect(bed.pod('slow')!.status!.containerStatuses![0]!).to.include({ started: true, ready: true });
  });
});
