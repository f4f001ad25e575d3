import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod, Service } from '../../api/types.js';
import { TriggerTimeTracker } from './trigger-time.js';

// Ported from k8s.io/endpointslice/util/trigger_time_tracker_test.go.
const t = (s: number) => `2019-01-01T00:00:0${s}Z`;
const [t0, t1, t2, t3, t4, t5] = [0, 1, 2, 3, 4, 5].map(t) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const ns = 'ttNamespace1';

const service = (created: string): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'my-service', namespace: ns, creationTimestamp: created },
});
const pod = (name: string, readyTime: string): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns },
  status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: readyTime }] },
});

describe('TriggerTimeTracker', () => {
  it('TestNewServiceNoPods: a new Service triggers at its creation', () => {
    expect(new TriggerTimeTracker().compute(ns, service(t2), [])).to.equal(t2);
  });

  it('TestNewServiceExistingPods: pods older or newer, a new Service still reports its creation', () => {
    const tracker = new TriggerTimeTracker();
    expect(tracker.compute(ns, service(t3), [pod('pod1', t0), pod('pod2', t1), pod('pod3', t5)])).to.equal(
      t3,
    );
  });

  it('TestPodsAdded: the earliest new pod readiness', () => {
    const tracker = new TriggerTimeTracker();
    const svc = service(t0);
    expect(tracker.compute(ns, svc, [])).to.equal(t0);
    expect(tracker.compute(ns, svc, [pod('pod1', t2), pod('pod2', t1)])).to.equal(t1);
  });

  it('TestPodsUpdated: the earliest changed readiness', () => {
    const tracker = new TriggerTimeTracker();
    const svc = service(t0);
    const pod3 = pod('pod3', t3);
    expect(tracker.compute(ns, svc, [pod('pod1', t1), pod('pod2', t2), pod3])).to.equal(t0);
    expect(tracker.compute(ns, svc, [pod('pod1', t5), pod('pod2', t4), pod3])).to.equal(t4);
  });

  it('TestPodsUpdatedNoOp: nothing changed, no trigger time', () => {
    const tracker = new TriggerTimeTracker();
    const svc = service(t0);
    const pods = [pod('pod1', t1), pod('pod2', t2), pod('pod3', t3)];
    expect(tracker.compute(ns, svc, pods)).to.equal(t0);
    expect(tracker.compute(ns, svc, pods)).to.equal(undefined);
  });

  it('TestPodDeletedThenAdded: a removed pod clears it, its return counts again', () => {
    const tracker = new TriggerTimeTracker();
    const svc = service(t0);
    const pod1 = pod('pod1', t1);
    expect(tracker.compute(ns, svc, [pod1, pod('pod2', t2)])).to.equal(t0);
    expect(tracker.compute(ns, svc, [pod1])).to.equal(undefined);
    expect(tracker.compute(ns, svc, [pod1, pod('pod2', t4)])).to.equal(t4);
  });

  it('TestServiceDeletedThenAdded: a recreated Service is new again', () => {
    const tracker = new TriggerTimeTracker();
    const pods = [pod('pod1', t1), pod('pod2', t2)];
    expect(tracker.compute(ns, service(t0), pods)).to.equal(t0);
    tracker.deleteService(ns, 'my-service');
    expect(tracker.compute(ns, service(t3), pods)).to.equal(t3);
  });

  it('TestServiceUpdatedNoPodChange: a Service spec change has no trigger time', () => {
    const tracker = new TriggerTimeTracker();
    const svc = service(t0);
    const pods = [pod('pod1', t1), pod('pod2', t2)];
    expect(tracker.compute(ns, svc, pods)).to.equal(t0);
    const changed = { ...svc, spec: { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } };
    expect(tracker.compute(ns, changed, pods)).to.equal(undefined);
  });
});
