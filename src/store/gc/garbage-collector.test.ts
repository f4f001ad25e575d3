/**
 * The garbage collector's behaviour through the store, ported from upstream's integration tests
 * (test/integration/garbagecollector/garbage_collector_test.go) with ReplicaSets in place of
 * ReplicationControllers, and from garbagecollector_test.go. Pods without a node go at once
 * when deleted; "a kubelet" below removes the others when their grace period is over.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KindName, KubeObject, OwnerReference, Pod, ReplicaSet } from '../../api/types.js';
import { SimClock } from '../../core/clock.js';
import { Random } from '../../core/random.js';
import { Store } from '../store.js';
import { FINALIZER_DELETE_DEPENDENTS, FINALIZER_ORPHAN, type PropagationPolicy } from './finalizers.js';
import { GarbageCollector, type GcClient } from './garbage-collector.js';

function newStore(): { store: Store; clock: SimClock; advanceTo: (ms: number) => void } {
  const clock = new SimClock();
  const store = new Store(clock, new Random(1));
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  // Fires every timer due by then, in order (the store layer has no loop of its own).
  const advanceTo = (ms: number) => {
    while (clock.fireNext(ms));
    clock.advanceTo(ms);
  };
  return { store, clock, advanceTo };
}

/** A ReplicaSet manifest (its selector and template are all validation asks for). */
function rsManifest(metadata: ReplicaSet['metadata']): ReplicaSet {
  const app = metadata.name;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata,
    spec: {
      selector: { matchLabels: { app } },
      template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };
}

function replicaSet(store: Store, name: string, finalizers?: string[]): ReplicaSet {
  return store.create(rsManifest({ name, ...(finalizers ? { finalizers } : {}) }));
}

const ownedBy = (owner: KubeObject, extra: Partial<OwnerReference> = {}): OwnerReference => ({
  apiVersion: owner.apiVersion,
  kind: owner.kind,
  name: owner.metadata.name,
  uid: owner.metadata.uid!,
  ...extra,
});

function pod(
  store: Store,
  name: string,
  owners: OwnerReference[],
  opts: { finalizers?: string[]; nodeName?: string; grace?: number } = {},
): Pod {
  return store.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(owners.length ? { ownerReferences: owners } : {}),
      ...(opts.finalizers ? { finalizers: opts.finalizers } : {}),
    },
    spec: {
      containers: [{ name: 'c', image: 'nginx' }],
      ...(opts.nodeName ? { nodeName: opts.nodeName } : {}),
      ...(opts.grace !== undefined ? { terminationGracePeriodSeconds: opts.grace } : {}),
    },
  });
}

/** A stand-in kubelet: removes a deleted pod when its grace period is over. */
function kubelet(store: Store, clock: SimClock): void {
  store.watch('Pod', (e) => {
    const p = e.object;
    if (e.type !== 'MODIFIED' || !p.metadata.deletionTimestamp || e.old?.metadata.deletionTimestamp) return;
    clock.schedule(
      () => {
        const live = store.get('Pod', p.metadata.namespace, p.metadata.name);
        if (live?.metadata.uid === p.metadata.uid) {
          store.delete('Pod', p.metadata.namespace, p.metadata.name, { gracePeriodSeconds: 0 });
        }
      },
      (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000,
      'kubelet',
    );
  });
}

const names = (objs: readonly KubeObject[]) => objs.map((o) => o.metadata.name);
const ownerNames = (obj: KubeObject | undefined) => (obj?.metadata.ownerReferences ?? []).map((r) => r.name);

describe('GarbageCollector (integration tests)', () => {
  it('TestCascadingDeletion: a dependent goes with its only owner; one with another owner stays', () => {
    const { store } = newStore();
    const toBeDeleted = replicaSet(store, 'test.rc.1');
    const remaining = replicaSet(store, 'test.rc.2');
    pod(store, 'test.pod.1', [ownedBy(toBeDeleted)]);
    pod(store, 'test.pod.2', []);
    pod(store, 'test.pod.3', [ownedBy(toBeDeleted), ownedBy(remaining)]);

    store.delete('ReplicaSet', 'default', 'test.rc.1', { propagationPolicy: 'Background' });

    expect(names(store.list('Pod'))).to.deep.equal(['test.pod.2', 'test.pod.3']);
    // The dangling reference is dropped from the dependent that stays (attemptToDeleteItem).
    expect(ownerNames(store.get('Pod', 'default', 'test.pod.3'))).to.deep.equal(['test.rc.2']);
  });

  it('TestOrphaning: the owner goes and its dependents stay, with no ownerReferences', () => {
    const { store } = newStore();
    const rs = replicaSet(store, 'test.rc.1');
    for (let i = 0; i < 3; i++)
      pod(store, `test.pod.1${i}`, [ownedBy(rs, { controller: true, blockOwnerDeletion: true })]);

    store.delete('ReplicaSet', 'default', 'test.rc.1', { propagationPolicy: 'Orphan' });

    expect(store.list('ReplicaSet')).to.have.length(0);
    const pods = store.list('Pod');
    expect(pods).to.have.length(3);
    for (const p of pods) expect(p.metadata.ownerReferences).to.equal(undefined);
  });

  it('TestStressingCascadingDeletion: finalizers and options decide, for apps/v1 (default: delete)', () => {
    const { store } = newStore();
    // [collection, initial finalizers, propagation, pods remain]. Upstream's ReplicationControllers
    // orphaned by default; apps/v1 ReplicaSets default to deleting their dependents.
    const collections: Array<[string, string[], PropagationPolicy | undefined, boolean]> = [
      ['collection1', [], undefined, false],
      ['collection2', [FINALIZER_ORPHAN], undefined, true],
      ['collection3', [FINALIZER_ORPHAN], 'Background', false],
      ['collection4', [], 'Orphan', true],
    ];
    for (let i = 0; i < 3; i++) {
      for (const [collection, finalizers, policy] of collections) {
        const rs = replicaSet(
          store,
          `test.rc.${collection}-${i}`,
          finalizers.length ? finalizers : undefined,
        );
        for (let j = 0; j < 3; j++) pod(store, `test.pod.${collection}-${i}-${j}`, [ownedBy(rs)]);
        store.delete('ReplicaSet', 'default', rs.metadata.name, policy ? { propagationPolicy: policy } : {});
      }
    }
    expect(store.list('ReplicaSet')).to.have.length(0);
    const remaining = new Set(store.list('Pod').map((p) => p.metadata.name.split('-')[0]));
    expect([...remaining].sort()).to.deep.equal(['test.pod.collection2', 'test.pod.collection4']);
    expect(store.list('Pod')).to.have.length(3 * 3 * 2);
  });

  it('TestSolidOwnerDoesNotBlockWaitingOwner: the waiting owner’s reference is dropped instead', () => {
    const { store } = newStore();
    const toBeDeleted = replicaSet(store, 'test.rc.1');
    const remaining = replicaSet(store, 'test.rc.2');
    pod(store, 'pod', [ownedBy(toBeDeleted, { blockOwnerDeletion: true }), ownedBy(remaining)]);

    store.delete('ReplicaSet', 'default', 'test.rc.1', { propagationPolicy: 'Foreground' });

    expect(store.get('ReplicaSet', 'default', 'test.rc.1')).to.equal(undefined);
    expect(ownerNames(store.get('Pod', 'default', 'pod'))).to.deep.equal(['test.rc.2']);
  });

  it('TestNonBlockingOwnerRefDoesNotBlock: dependents that do not block leave the owner free to go', () => {
    const { store } = newStore();
    const rs = replicaSet(store, 'test.rc.1');
    // A finalizer no controller handles keeps each pod once deleted.
    pod(store, 'pod1', [ownedBy(rs)], { finalizers: ['x/y'] });
    pod(store, 'pod2', [ownedBy(rs, { blockOwnerDeletion: false })], { finalizers: ['x/y'] });

    store.delete('ReplicaSet', 'default', 'test.rc.1', { propagationPolicy: 'Foreground' });

    expect(store.get('ReplicaSet', 'default', 'test.rc.1')).to.equal(undefined);
    const pods = store.list('Pod');
    expect(names(pods)).to.deep.equal(['pod1', 'pod2']);
    for (const p of pods) expect(p.metadata.deletionTimestamp, p.metadata.name).to.be.a('string');
  });

  it('TestBlockingOwnerRefDoesBlock: a blocking dependent keeps the owner until it is gone', () => {
    const { store } = newStore();
    const rs = replicaSet(store, 'test.rc.1');
    pod(store, 'pod', [ownedBy(rs, { blockOwnerDeletion: true })], { finalizers: ['x/y'] });

    store.delete('ReplicaSet', 'default', 'test.rc.1', { propagationPolicy: 'Foreground' });

    const waiting = store.get('ReplicaSet', 'default', 'test.rc.1');
    expect(waiting?.metadata.finalizers).to.deep.equal([FINALIZER_DELETE_DEPENDENTS]);
    expect(waiting?.metadata.deletionTimestamp).to.be.a('string');
    expect(store.list('Pod')).to.have.length(1);
    // Beyond upstream's test: once the pod's own finalizer is removed, both go.
    store.mutate('Pod', 'default', 'pod', (p) => {
      delete p.metadata.finalizers;
    });
    expect(store.list('Pod')).to.have.length(0);
    expect(store.list('ReplicaSet')).to.have.length(0);
  });

  it('TestDoubleDeletionWithFinalizer: a second foreground deletion leaves only the custom finalizer', () => {
    const { store } = newStore();
    pod(store, 'lucy', [], { finalizers: ['x/y'] });
    store.delete('Pod', 'default', 'lucy', { propagationPolicy: 'Foreground' });
    expect(store.get('Pod', 'default', 'lucy')?.metadata.finalizers).to.deep.equal(['x/y']);
    store.delete('Pod', 'default', 'lucy', { propagationPolicy: 'Foreground' });
    expect(store.get('Pod', 'default', 'lucy')?.metadata.finalizers).to.deep.equal(['x/y']);
    store.mutate('Pod', 'default', 'lucy', (p) => {
      delete p.metadata.finalizers;
    });
    expect(store.get('Pod', 'default', 'lucy')).to.equal(undefined);
  });
});

describe('GarbageCollector (timing)', () => {
  it('holds a foreground-deleted owner, marked, until its pods’ grace period is over', () => {
    const { store, clock, advanceTo } = newStore();
    kubelet(store, clock);
    advanceTo(2_000);
    const rs = replicaSet(store, 'web');
    const ref = ownedBy(rs, { controller: true, blockOwnerDeletion: true });
    pod(store, 'web-a', [ref], { nodeName: 'node-1', grace: 10 });
    pod(store, 'web-b', [ref], { nodeName: 'node-1', grace: 20 });
    const seq = store.history.length;

    store.delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Foreground' });
    const marked = store.get('ReplicaSet', 'default', 'web');
    expect(marked?.metadata.deletionTimestamp).to.equal('2025-01-01T00:00:02Z');
    expect(marked?.metadata.finalizers).to.deep.equal(['foregroundDeletion']);
    expect(store.list('Pod').map((p) => p.metadata.deletionGracePeriodSeconds)).to.deep.equal([10, 20]);

    advanceTo(12_000);
    expect(names(store.list('Pod'))).to.deep.equal(['web-b']);
    expect(store.get('ReplicaSet', 'default', 'web')).to.not.equal(undefined);
    advanceTo(22_000);
    expect(store.list('ReplicaSet')).to.have.length(0);

    const deletions = store.history
      .since(seq)
      .filter((c) => c.type === 'DELETED')
      .map((c) => [c.object.metadata.name, c.at]);
    expect(deletions).to.deep.equal([
      ['web-a', 12_000],
      ['web-b', 22_000],
      ['web', 22_000],
    ]);
  });

  it('deletes in the background at the same instant, and the pods after their grace period', () => {
    const { store, clock, advanceTo } = newStore();
    kubelet(store, clock);
    const rs = replicaSet(store, 'web');
    pod(store, 'web-a', [ownedBy(rs, { controller: true, blockOwnerDeletion: true })], {
      nodeName: 'n',
      grace: 5,
    });
    store.delete('ReplicaSet', 'default', 'web');
    expect(store.list('ReplicaSet')).to.have.length(0);
    expect(store.get('Pod', 'default', 'web-a')?.metadata.deletionTimestamp).to.equal('2025-01-01T00:00:05Z');
    advanceTo(5_000);
    expect(store.list('Pod')).to.have.length(0);
  });

  it('deletes a Deployment in the foreground through its ReplicaSet, itself deleted in the foreground', () => {
    const { store, clock, advanceTo } = newStore();
    kubelet(store, clock);
    const deployment = store.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    });
    const rs = store.create(
      rsManifest({
        name: 'web-1',
        ownerReferences: [ownedBy(deployment, { controller: true, blockOwnerDeletion: true })],
      }),
    );
    pod(store, 'web-1-a', [ownedBy(rs, { controller: true, blockOwnerDeletion: true })], {
      nodeName: 'n',
      grace: 30,
    });

    store.delete('Deployment', 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(store.get('Deployment', 'default', 'web')?.metadata.finalizers).to.deep.equal([
      'foregroundDeletion',
    ]);
    expect(store.get('ReplicaSet', 'default', 'web-1')?.metadata.finalizers).to.deep.equal([
      'foregroundDeletion',
    ]);
    expect(store.get('Pod', 'default', 'web-1-a')?.metadata.deletionTimestamp).to.be.a('string');

    advanceTo(30_000);
    expect(store.count('Deployment') + store.count('ReplicaSet') + store.count('Pod')).to.equal(0);
  });

  it('orphans a Deployment’s ReplicaSets, whose pods keep their ReplicaSet', () => {
    const { store } = newStore();
    const deployment = store.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    });
    const rs = store.create(
      rsManifest({
        name: 'web-1',
        ownerReferences: [ownedBy(deployment, { controller: true, blockOwnerDeletion: true })],
      }),
    );
    pod(store, 'web-1-a', [ownedBy(rs, { controller: true, blockOwnerDeletion: true })]);
    const before = store.get('Deployment', 'default', 'web')!.metadata.generation;

    store.delete('Deployment', 'default', 'web', { propagationPolicy: 'Orphan' });

    expect(store.count('Deployment')).to.equal(0);
    expect(store.get('ReplicaSet', 'default', 'web-1')?.metadata.ownerReferences).to.equal(undefined);
    expect(ownerNames(store.get('Pod', 'default', 'web-1-a'))).to.deep.equal(['web-1']);
    // The deletion started with the orphan finalizer and a generation bump (markAsDeleting).
    const marked = store.history
      .all()
      .find(
        (c) => c.type === 'MODIFIED' && c.object.kind === 'Deployment' && c.object.metadata.deletionTimestamp,
      );
    expect(marked?.object.metadata.finalizers).to.deep.equal(['orphan']);
    expect(marked?.object.metadata.generation).to.equal((before ?? 0) + 1);
  });

  it('empties a deleted namespace whose owners and dependents go together', () => {
    const { store } = newStore();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    const rs = store.create(rsManifest({ name: 'web', namespace: 'demo', finalizers: ['orphan'] }));
    for (const name of ['web-a', 'web-b']) {
      store.create<Pod>({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'demo', ownerReferences: [ownedBy(rs, { blockOwnerDeletion: true })] },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      });
    }
    store.delete('Namespace', undefined, 'demo');
    // Background propagation overrides the orphan finalizer, and nothing is deleted twice.
    expect(store.list('Pod', 'demo')).to.deep.equal([]);
    expect(store.list('ReplicaSet', 'demo')).to.deep.equal([]);
    expect(store.get('Namespace', undefined, 'demo')).to.equal(undefined);
  });

  it('keeps the dependents index consistent through adds, owner changes and deletions (TestProcessEvent)', () => {
    const { store } = newStore();
    const p1 = pod(store, '1', []);
    const p2 = pod(store, '2', [ownedBy(p1)]);
    const p3 = pod(store, '3', [ownedBy(p1), ownedBy(p2)]);
    const p4 = pod(store, '4', [ownedBy(p3)]);
    const invariants = () => {
      for (const p of store.list('Pod')) {
        for (const ref of p.metadata.ownerReferences ?? []) {
          expect(names(store.dependentsOf(ref.uid)), `${p.metadata.name} → ${ref.name}`).to.include(
            p.metadata.name,
          );
        }
        for (const dep of store.dependentsOf(p.metadata.uid!)) {
          expect(ownerNames(dep)).to.include(p.metadata.name);
        }
      }
    };
    invariants();
    store.mutate('Pod', 'default', '2', (p) => {
      p.metadata.ownerReferences = [ownedBy(p4)];
    });
    invariants();
    expect(names(store.dependentsOf(p1.metadata.uid!))).to.deep.equal(['3']);
    store.delete('Pod', 'default', '3');
    invariants();
    // 3 owned 4, which owned 2: both go with it, in the background.
    expect(names(store.list('Pod'))).to.deep.equal(['1']);
    expect(store.dependentsOf(p2.metadata.uid!)).to.deep.equal([]);
  });
});

describe('GarbageCollector (attemptToDeleteItem)', () => {
  /** A fake API client over a fixed set of objects that records its requests. */
  function fakeClient(objects: KubeObject[]): { client: GcClient; actions: string[] } {
    const actions: string[] = [];
    const find = (kind: string, ns: string | undefined, name: string) =>
      objects.find((o) => o.kind === kind && o.metadata.namespace === ns && o.metadata.name === name);
    const client: GcClient = {
      get: (kind: KindName, ns, name) => {
        actions.push(`GET ${kind} ${ns ?? ''}/${name}`);
        return find(kind, ns, name);
      },
      dependentsOf: (uid) =>
        objects.filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === uid)),
      delete: (obj, policy) => void actions.push(`DELETE ${obj.kind} ${obj.metadata.name} ${policy}`),
      patchMetadata: (obj) => void actions.push(`PATCH ${obj.kind} ${obj.metadata.name}`),
    };
    return { client, actions };
  }

  const toBeDeletedPod = (owner: OwnerReference): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'ToBeDeletedPod', namespace: 'ns1', uid: '456', ownerReferences: [owner] },
  });

  it('TestAttemptToDeleteItem: looks up the item and its owner, and deletes the item whose owner is gone', () => {
    const pod = toBeDeletedPod({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'owner1', uid: '123' });
    const { client, actions } = fakeClient([pod]);
    const gc = new GarbageCollector(client);
    // The owner's deletion sends its dependents to attemptToDelete.
    gc.observe({ type: 'DELETED', object: ownerNamed('owner1', '123') });
    gc.drain();
    expect(actions).to.deep.equal([
      'GET Pod ns1/ToBeDeletedPod',
      'GET ReplicaSet ns1/owner1',
      'DELETE Pod ToBeDeletedPod Background',
    ]);
  });

  it('leaves an item alone whose owner kind kubesim cannot look up (upstream retries forever)', () => {
    const pod = toBeDeletedPod({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      name: 'owner1',
      uid: '123',
    });
    const { client, actions } = fakeClient([pod]);
    const gc = new GarbageCollector(client);
    gc.observe({ type: 'DELETED', object: ownerNamed('owner1', '123') });
    gc.drain();
    expect(actions).to.deep.equal(['GET Pod ns1/ToBeDeletedPod']);
  });

  function ownerNamed(name: string, uid: string): ReplicaSet {
    return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'ns1', uid } };
  }
});
