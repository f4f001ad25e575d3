import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, Service } from '../api/types.js';
import { Cluster } from './cluster.js';

const deployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 5,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
    },
  },
};

const service: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] },
};

/** A small scenario touching every generated identity: names, uids, IPs, ports. */
function scenario(seed: number): string {
  const cluster = new Cluster({ seed });
  cluster.store.create(deployment);
  cluster.store.create(service);
  cluster.settle();
  cluster.advance(30_000);
  cluster.store.mutate('Deployment', 'default', 'web', (d) => {
    d.spec!.template.spec!.containers[0]!.image = 'nginx:1.27';
  });
  cluster.advance(120_000);
  return cluster.store.history.serialize();
}

describe('determinism', () => {
  it('gives the same history byte for byte for the same seed', () => {
    const first = scenario(42);
    const second = scenario(42);
    expect(first.length).to.be.greaterThan(1000);
    expect(second).to.equal(first);
  });

  it('gives different generated identities for a different seed', () => {
    expect(scenario(43)).to.not.equal(scenario(42));
  });

  it('leaves the global timers and Date untouched', () => {
    const before = { setTimeout, clearTimeout, setInterval, Date, now: Date.now };
    const startedAt = Date.now();
    const cluster = new Cluster();
    cluster.advance(3_600_000);
    expect(globalThis.setTimeout).to.equal(before.setTimeout);
    expect(globalThis.clearTimeout).to.equal(before.clearTimeout);
    expect(globalThis.setInterval).to.equal(before.setInterval);
    expect(globalThis.Date).to.equal(before.Date);
    expect(Date.now).to.equal(before.now);
    // An hour of simulated time is not an hour of host time.
    expect(Date.now() - startedAt).to.be.lessThan(60_000);
    expect(cluster.now).to.equal(3_600_000);
  });
});
