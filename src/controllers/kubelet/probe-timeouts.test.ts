import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container } from '../../api/types.js';
import { declareImage } from '../../images/declared.js';
import { podManifest, type Testbed, testbed } from './testbed.js';

// pkg/kubelet/prober/worker.go doProbe blocks in prober.go runProbe until the probe returns: the
// HTTP client and the gRPC call wait for the answer or their timeout (timeoutSeconds), so the
// result, its Unhealthy event and a liveness kill come that long after the tick.

const pod = (name: string, container: Container) =>
  podManifest(name, { nodeName: 'node-1', containers: [container] });

const probeEvents = (bed: Testbed, name: string) =>
  bed
    .eventsOf(name)
    .filter((e) => e.reason === 'Unhealthy' || e.reason === 'Killing')
    .map((e) => [e.at / 1000, e.reason, e.message]);

const ready = (bed: Testbed, name: string) =>
  bed.pod(name)!.status!.conditions!.find((c) => c.type === 'Ready')!.status;

const deadline = (url: string) =>
  `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;

describe('A slow HTTP probe (the client waits up to timeoutSeconds)', () => {
  it('fails a liveness probe timeoutSeconds after each tick, and kills the container then', () => {
    const bed = testbed();
    declareImage(
      bed.store,
      'example.com/slow:1.0',
      'listen: [8080]\nhttp:\n  /healthz: {status: 200, delay: 5s}\n',
    );
    bed.create(
      pod('slow', {
        name: 'app',
        image: 'example.com/slow:1.0',
        livenessProbe: {
          httpGet: { path: '/healthz', port: 8080 },
          initialDelaySeconds: 10,
          periodSeconds: 10,
          timeoutSeconds: 2,
          failureThreshold: 2,
        },
      }),
    );
    bed.advance(25_000);
    const failed = `Liveness probe failed: ${deadline('http://10.244.0.2:8080/healthz')}`;
    expect(probeEvents(bed, 'slow')).to.deep.equal([
      [12, 'Unhealthy', failed],
      [22, 'Unhealthy', failed],
      [22, 'Killing', 'Container app failed liveness probe, will be restarted'],
    ]);
  });

  it('passes a readiness probe whose answer comes in time, when the answer comes', () => {
    const bed = testbed();
    declareImage(
      bed.store,
      'example.com/sluggish:1.0',
      'listen: [8080]\nhttp:\n  /ready: {status: 200, delay: 1500ms}\n',
    );
    bed.create(
      pod('sluggish', {
        name: 'app',
        image: 'example.com/sluggish:1.0',
        readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10, timeoutSeconds: 2 },
      }),
    );
    bed.advance(1_000);
    expect(ready(bed, 'sluggish')).to.equal('False');
    bed.advance(1_000);
    expect(ready(bed, 'sluggish')).to.equal('True');
    expect(probeEvents(bed, 'sluggish')).to.deep.equal([]);
  });

  it('does not probe again while a slow probe runs: the next tick waits for it', () => {
    const bed = testbed();
    declareImage(
      bed.store,
      'example.com/slow:1.0',
      'listen: [8080]\nhttp:\n  /healthz: {status: 200, delay: 9s}\n',
    );
    bed.create(
      pod('slow', {
        name: 'app',
        image: 'example.com/slow:1.0',
        readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 1, timeoutSeconds: 3 },
      }),
    );
    bed.advance(10_000);
    // Probes at 0 (until 3 s), at 3 s with the tick kept from 1 s (until 6 s), at 6 s (until 9 s).
    const failures = probeEvents(bed, 'slow').map((e) => e[0]);
    expect(failures).to.deep.equal([3, 6, 9]);
  });
});

describe('A gRPC probe that cannot connect (the blocking dial waits out timeoutSeconds)', () => {
  it('fails timeoutSeconds after the tick', () => {
    const bed = testbed();
    bed.create(
      pod('etcd', {
        name: 'etcd',
        image: 'registry.k8s.io/etcd:3.5.1-0',
        readinessProbe: { grpc: { port: 2390 }, periodSeconds: 10, timeoutSeconds: 3 },
      }),
    );
    bed.advance(15_000);
    const failed =
      'Readiness probe failed: timeout: failed to connect service "10.244.0.2:2390" within 3s: context deadline exceeded';
    expect(probeEvents(bed, 'etcd')).to.deep.equal([
      [3, 'Unhealthy', failed],
      [13, 'Unhealthy', failed],
    ]);
  });
});
