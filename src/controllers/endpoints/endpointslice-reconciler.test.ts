import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { EndpointSlice, Node, Pod, Service } from '../../api/types.js';
import { reconcileSlices, type SliceChanges } from './endpointslice-reconciler.js';

// Scenarios after k8s.io/endpointslice/reconciler_test.go, on the pure reconciler.
const ns = 'default';
const service: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'foo', namespace: ns, uid: 'svc-uid' },
  spec: {
    clusterIP: '10.96.5.5',
    ipFamilies: ['IPv4'],
    selector: { foo: 'bar' },
    ports: [{ name: 'foo', port: 80, protocol: 'TCP', targetPort: 8080 }],
  },
};
const node: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } };

function pod(i: number, ready = true): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `pod${String(i).padStart(3, '0')}`,
      namespace: ns,
      uid: `uid-${i}`,
      labels: { foo: 'bar' },
    },
    spec: { nodeName: 'node-1', containers: [{ name: 'c' }] },
    status: {
      podIP: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      podIPs: [{ ip: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}` }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

/** Applies changes as the store would: names for creates, replacements for updates. */
function apply(existing: EndpointSlice[], changes: SliceChanges, counter: { n: number }): EndpointSlice[] {
  const byName = new Map(existing.map((s) => [s.metadata.name, s]));
  for (const s of changes.delete) byName.delete(s.metadata.name);
  for (const s of changes.update) byName.set(s.metadata.name, s);
  for (const s of changes.create) {
    const name = `foo-${counter.n++}`;
    byName.set(name, { ...s, metadata: { ...s.metadata, name } });
  }
  return [...byName.values()];
}

function run(pods: Pod[], existing: EndpointSlice[] = []) {
  return reconcileSlices({
    service,
    pods,
    existing,
    node: (name) => (name === 'node-1' ? node : undefined),
    triggerTime: undefined,
  });
}

describe('reconcileSlices', () => {
  it('TestReconcile1Pod: one pod, one new slice', () => {
    const changes = run([pod(1)]);
    expect(changes.create).to.have.length(1);
    expect(changes.update).to.deep.equal([]);
    expect(changes.create[0]!.endpoints.map((e) => e.targetRef?.name)).to.deep.equal(['pod001']);
    expect(changes.create[0]!.ports).to.deep.equal([{ name: 'foo', port: 8080, protocol: 'TCP' }]);
  });

  it('TestReconcileManyPods: 250 pods make slices of 100, 100 and 50', () => {
    const pods = Array.from({ length: 250 }, (_, i) => pod(i));
    const changes = run(pods);
    expect(changes.create.map((s) => s.endpoints.length)).to.deep.equal([100, 100, 50]);
  });

  it('creates one placeholder slice without ports for a Service without pods, and keeps it', () => {
    const first = run([]);
    expect(first.create).to.have.length(1);
    expect(first.create[0]!.ports).to.deep.equal([]);
    expect(first.create[0]!.endpoints).to.deep.equal([]);
    const counter = { n: 0 };
    const slices = apply([], first, counter);
    const again = run([], slices);
    expect([again.create, again.update, again.delete]).to.deep.equal([[], [], []]);
  });

  it('reuses the placeholder for the first pods instead of deleting and creating', () => {
    const counter = { n: 0 };
    const slices = apply([], run([]), counter);
    const placeholder = slices[0]!.metadata.name;
    const changes = run([pod(1)], slices);
    expect(changes.create).to.deep.equal([]);
    expect(changes.delete).to.deep.equal([]);
    expect(changes.update.map((s) => s.metadata.name)).to.deep.equal([placeholder]);
    expect(changes.update[0]!.endpoints).to.have.length(1);
  });

  it('writes nothing when nothing changed, and updates only the slice holding a changed pod', () => {
    const counter = { n: 0 };
    const pods = Array.from({ length: 150 }, (_, i) => pod(i));
    const slices = apply([], run(pods), counter);
    const same = run(pods, slices);
    expect([same.create, same.update, same.delete]).to.deep.equal([[], [], []]);
    const flipped = pods.map((p, i) => (i === 120 ? pod(120, false) : p));
    const changes = run(flipped, slices);
    expect(changes.create).to.deep.equal([]);
    expect(changes.delete).to.deep.equal([]);
    expect(changes.update).to.have.length(1);
    expect(
      changes.update[0]!.endpoints.find((e) => e.targetRef?.name === 'pod120')!.conditions,
    ).to.deep.equal({
      ready: false,
      serving: false,
      terminating: false,
    });
  });

  it('removes gone pods in place and fills the freed room before making new slices', () => {
    const counter = { n: 0 };
    const pods = Array.from({ length: 100 }, (_, i) => pod(i));
    let slices = apply([], run(pods), counter);
    const changes = run([...pods.slice(5), pod(200), pod(201)], slices);
    expect(changes.create).to.deep.equal([]);
    expect(changes.update).to.have.length(1);
    expect(changes.update[0]!.endpoints).to.have.length(97);
    slices = apply(slices, changes, counter);
    expect(slices).to.have.length(1);
  });

  it('deletes slices not owned by the Service', () => {
    const foreign: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'foo-old',
        namespace: ns,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'foo', uid: 'other' }],
      },
      addressType: 'IPv4',
      endpoints: [],
    };
    const changes = run([pod(1)], [foreign]);
    // The new slice takes the foreign slice's place only if owned; here it is deleted and a new one made.
    expect(changes.delete.map((s) => s.metadata.name)).to.deep.equal(['foo-old']);
    expect(changes.create).to.have.length(1);
  });

  it('skips a pod on a missing node and reports it for a retry', () => {
    const lost = pod(7);
    lost.spec!.nodeName = 'node-9';
    const changes = run([pod(1), lost]);
    expect(changes.create[0]!.endpoints.map((e) => e.targetRef?.name)).to.deep.equal(['pod001']);
    expect(changes.errors).to.deep.equal([
      'skipping Pod pod007 for Service default/foo: Node node-9 Not Found',
    ]);
  });
});
