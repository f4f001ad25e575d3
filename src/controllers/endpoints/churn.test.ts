import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Random } from '../../core/random.js';
import { runningPod, service, setReady, testCluster } from './test-cluster.js';

/**
 * Scale check for the selector index: 100 Services over 1,000 pods (10 each), then 1,000
 * readiness flips at separate instants, then 200 pods replaced. Each change must touch only
 * the one Service selecting the pod; the timings are printed for the record.
 */
describe('endpoint controllers under churn (100 Services × 1,000 pods)', () => {
  it('keeps every Service exact while pods flip, go and come back', () => {
    const c = testCluster();
    const random = new Random(99);
    const svcOf = (i: number) => `svc-${String(i % 100).padStart(3, '0')}`;
    const podName = (i: number) => `pod-${String(i).padStart(4, '0')}`;

    let t = performance.now();
    for (let s = 0; s < 100; s++) c.store.create(service(svcOf(s), { selector: { app: svcOf(s) } }));
    for (let i = 0; i < 1000; i++) runningPod(c, podName(i), { labels: { app: svcOf(i) } });
    c.loop.settle();
    const setupMs = performance.now() - t;

    const ready = new Map<string, boolean>();
    for (let i = 0; i < 1000; i++) ready.set(podName(i), true);
    const writesBefore = c.store.history.length;
    t = performance.now();
    for (let n = 0; n < 1000; n++) {
      c.clock.advanceTo(c.clock.now + 1000);
      const name = podName(random.int(1000));
      const next = !ready.get(name);
      ready.set(name, next);
      setReady(c, name, next);
      c.loop.settle();
    }
    const flipMs = performance.now() - t;
    // One pod status write, one Endpoints update and one slice update per flip.
    expect(c.store.history.length - writesBefore).to.equal(3000);

    t = performance.now();
    for (let n = 0; n < 200; n++) {
      const i = random.int(1000);
      const name = podName(i);
      if (!c.store.get('Pod', 'default', name)) continue;
      c.store.delete('Pod', 'default', name, { gracePeriodSeconds: 0 });
      c.loop.settle();
      runningPod(c, name, { labels: { app: svcOf(i) } });
      ready.set(name, true);
      c.loop.settle();
    }
    const replaceMs = performance.now() - t;

    for (let s = 0; s < 100; s++) {
      const name = svcOf(s);
      const members = [...ready.keys()].filter((_, i) => svcOf(i) === name);
      const ep = c.store.get('Endpoints', 'default', name)!;
      const readyCount = (ep.subsets ?? []).reduce((n, sub) => n + (sub.addresses?.length ?? 0), 0);
      const notReadyCount = (ep.subsets ?? []).reduce(
        (n, sub) => n + (sub.notReadyAddresses?.length ?? 0),
        0,
      );
      expect(readyCount, name).to.equal(members.filter((p) => ready.get(p)).length);
      expect(notReadyCount, name).to.equal(members.filter((p) => !ready.get(p)).length);
      const slices = c.store
        .list('EndpointSlice', 'default')
        .filter((sl) => sl.metadata.labels?.['kubernetes.io/service-name'] === name);
      expect(slices, name).to.have.length(1);
      expect(slices[0]!.endpoints.filter((e) => e.conditions?.ready).length).to.equal(readyCount);
    }
    console.log(
      `# churn: setup ${setupMs.toFixed(0)} ms, 1000 flips ${flipMs.toFixed(0)} ms, 200 replacements ${replaceMs.toFixed(0)} ms`,
    );
  });
});
