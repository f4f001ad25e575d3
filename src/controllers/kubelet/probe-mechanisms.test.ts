import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container } from '../../api/types.js';
import { declareImage } from '../../images/declared.js';
import { podManifest, type Testbed, testbed } from './testbed.js';

const pod = (name: string, container: Container) =>
  podManifest(name, { nodeName: 'node-1', containers: [container] });

const probeEvents = (bed: Testbed, name: string) =>
  bed
    .eventsOf(name)
    .filter((e) => e.reason === 'Unhealthy' || e.reason === 'ProbeWarning' || e.reason === 'Killing')
    .map((e) => [e.at / 1000, e.type, e.reason, e.message]);

describe('probe mechanisms in a running pod', () => {
  it('runs the docs’ gRPC liveness example (etcd on 2379) without a failed probe', () => {
    const bed = testbed();
    bed.create(
      pod('etcd-with-grpc', {
        name: 'etcd',
        image: 'registry.k8s.io/etcd:3.5.1-0',
        command: [
          '/usr/local/bin/etcd',
          '--data-dir',
          '/var/lib/etcd',
          '--listen-client-urls',
          'http://0.0.0.0:2379',
          '--advertise-client-urls',
          'http://127.0.0.1:2379',
          '--log-level',
          'debug',
        ],
        ports: [{ containerPort: 2379 }],
        livenessProbe: { grpc: { port: 2379, service: '' }, initialDelaySeconds: 10 },
      }),
    );
    bed.advance(120_000);
    expect(probeEvents(bed, 'etcd-with-grpc')).to.deep.equal([]);
    expect(bed.pod('etcd-with-grpc')!.status!.containerStatuses![0]!.restartCount).to.equal(0);
  });

  it('fails a gRPC probe of a port nothing listens on, restarting the container after three', () => {
    const bed = testbed();
    bed.create(
      pod('etcd', {
        name: 'etcd',
        image: 'registry.k8s.io/etcd:3.5.1-0',
        livenessProbe: { grpc: { port: 2390, service: '' }, initialDelaySeconds: 10 },
      }),
    );
    bed.advance(32_000);
    const failed =
      'Liveness probe failed: timeout: failed to connect service "10.244.0.2:2390" within 1s: context deadline exceeded';
    // The blocking dial waits out timeoutSeconds (1 s) after each tick.
    expect(probeEvents(bed, 'etcd')).to.deep.equal([
      [11, 'Warning', 'Unhealthy', failed],
      [21, 'Warning', 'Unhealthy', failed],
      [31, 'Warning', 'Unhealthy', failed],
      [31, 'Normal', 'Killing', 'Container etcd failed liveness probe, will be restarted'],
    ]);
  });

  it('counts a redirect to another host as ready, with a ProbeWarning event each time', () => {
    const bed = testbed();
    declareImage(
      bed.store,
      'example.com/shop:1.0',
      'listen: [8080]\nhttp:\n  /: {status: 302, location: "https://login.example.com/", body: see login}\n',
    );
    bed.create(
      pod('shop', {
        name: 'shop',
        image: 'example.com/shop:1.0',
        readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 10 },
      }),
    );
    bed.advance(15_000);
    const warning = 'Readiness probe warning: Probe terminated redirects, Response body: see login';
    expect(probeEvents(bed, 'shop')).to.deep.equal([
      [0, 'Warning', 'ProbeWarning', warning],
      [10, 'Warning', 'ProbeWarning', warning],
    ]);
    const ready = bed.pod('shop')!.status!.conditions!.find((c) => c.type === 'Ready');
    expect(ready?.status).to.equal('True');
  });

  it('fails a redirect loop and a slow /healthz with Go’s client errors', () => {
    const bed = testbed();
    declareImage(
      bed.store,
      'example.com/loop:1.0',
      'listen: [8080]\nhttp:\n  /healthz: {status: 302, location: /healthz}\n',
    );
    declareImage(
      bed.store,
      'example.com/slow:1.0',
      'listen: [8080]\nhttp:\n  /healthz: {status: 200, delay: 2s}\n',
    );
    for (const name of ['loop', 'slow']) {
      bed.create(
        pod(name, {
          name,
          image: `example.com/${name}:1.0`,
          readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, timeoutSeconds: 1, periodSeconds: 10 },
        }),
      );
    }
    bed.advance(1_000);
    expect(probeEvents(bed, 'loop')).to.deep.equal([
      [0, 'Warning', 'Unhealthy', 'Readiness probe failed: Get "/healthz": stopped after 10 redirects'],
    ]);
    // The client gives up after timeoutSeconds (1 s), before the 2 s answer.
    expect(probeEvents(bed, 'slow')).to.deep.equal([
      [
        1,
        'Warning',
        'Unhealthy',
        'Readiness probe failed: Get "http://10.244.0.3:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      ],
    ]);
  });
});
