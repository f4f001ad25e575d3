/**
 * The ReplicaSet controller on a real Store and SimLoop: creates, adopts, releases and deletes
 * pods, writes status, and rechecks availability after minReadySeconds. Pods are made Ready by
 * hand (`makeReady`), standing in for the kubelet.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod, ReplicaSet } from '../../api/types.js';
import { defaultSettings } from '../../cluster/settings.js';
import { SimClock } from '../../core/clock.js';
import { Random } from '../../core/random.js';
import { EventRecorder } from '../../sim/events.js';
import { SimLoop } from '../../sim/loop.js';
import { Store } from '../../store/store.js';
import { timestampOf } from '../../store/time.js';
import { ReplicaSetController } from './controller.js';

function newWorld() {
  const clock = new SimClock();
  const random = new Random(3);
  const store = new Store(clock, random.fork('store'));
  const loop = new SimLoop(clock);
  const events = new EventRecorder(store, clock);
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  new ReplicaSetController({
    store,
    clock,
    loop,
    random: random.fork('rs'),
    events,
    settings: defaultSettings(),
  }).start();
  return {
    clock,
    store,
    loop,
    rs: (name = 'frontend') => store.get('ReplicaSet', 'default', name)!,
    pods: () => store.list('Pod', 'default'),
    active: () => store.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp),
    makeReady: (pod: Pod) =>
      store.mutateStatus('Pod', 'default', pod.metadata.name, (p) => {
        p.status = {
          ...p.status,
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: timestampOf(clock.now) }],
        };
      }),
    events: () =>
      store
        .list('Event', 'default')
        .map((e) => `${e.type} ${e.reason}: ${e.message}`)
        .sort(),
  };
}

function replicaSet(replicas: number, extra: Partial<NonNullable<ReplicaSet['spec']>> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'frontend', namespace: 'default', labels: { tier: 'frontend' } },
    spec: {
      replicas,
      selector: { matchLabels: { tier: 'frontend' } },
      template: {
        metadata: { labels: { tier: 'frontend' }, annotations: { note: 'from-template' } },
        spec: { containers: [{ name: 'php-redis', image: 'gcr.io/google_samples/gb-frontend:v3' }] },
      },
      ...extra,
    },
  };
}

describe('ReplicaSet controller', () => {
  it('creates pods from the template with generateName, the controllerRef and SuccessfulCreate events', () => {
    const w = newWorld();
    w.store.create(replicaSet(3));
    w.loop.settle();
    const rs = w.rs();
    const pods = w.pods();
    expect(pods).to.have.length(3);
    for (const pod of pods) {
      expect(pod.metadata.name).to.match(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.labels).to.deep.equal({ tier: 'frontend' });
      expect(pod.metadata.annotations).to.deep.equal({ note: 'from-template' });
      expect(pod.metadata.ownerReferences).to.deep.equal([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'frontend',
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    expect(w.events()).to.deep.equal(
      pods.map((p) => `Normal SuccessfulCreate: Created pod: ${p.metadata.name}`).sort(),
    );
    expect(w.store.list('Event')[0]!.source).to.deep.equal({ component: 'replicaset-controller' });
    expect(rs.status).to.deep.equal({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });

    for (const pod of pods) w.makeReady(pod);
    w.loop.settle();
    expect(w.rs().status).to.deep.equal({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
  });

  it('creates at most BurstReplicas (500) pods per sync, in slow-start batches', () => {
    const w = newWorld();
    w.store.create(replicaSet(1200));
    w.loop.settle();
    expect(w.pods()).to.have.length(1200);
    const statusReplicas = w.store.history
      .all()
      .filter((c) => c.kind === 'ReplicaSet' && c.type === 'MODIFIED')
      .map((c) => (c.object as ReplicaSet).status?.replicas);
    expect(statusReplicas).to.deep.equal([0, 500, 1000, 1200]);
  });

  it('replaces a pod as soon as its deletion begins (terminating pods do not count)', () => {
    const w = newWorld();
    w.store.create(
      replicaSet(2, {
        template: {
          ...replicaSet(2).spec!.template,
          spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }] },
        },
      }),
    );
    w.loop.settle();
    const [victim] = w.pods();
    w.store.delete('Pod', 'default', victim!.metadata.name);
    w.loop.settle();
    expect(w.store.get('Pod', 'default', victim!.metadata.name)!.metadata.deletionTimestamp).to.be.a(
      'string',
    );
    expect(w.active()).to.have.length(2);
    expect(w.pods()).to.have.length(3);
    expect(w.rs().status!.replicas).to.equal(2);
  });

  it('scales down the least valuable pods first: not ready before ready', () => {
    const w = newWorld();
    w.store.create(replicaSet(3));
    w.loop.settle();
    const [a, b, c] = w.pods();
    w.makeReady(a!);
    w.makeReady(c!);
    w.loop.settle();
    w.store.mutate('ReplicaSet', 'default', 'frontend', (rs) => {
      rs.spec!.replicas = 2;
    });
    w.loop.settle();
    expect(
      w
        .pods()
        .map((p) => p.metadata.name)
        .sort(),
    ).to.deep.equal([a!.metadata.name, c!.metadata.name].sort());
    expect(w.events()).to.include(`Normal SuccessfulDelete: Deleted pod: ${b!.metadata.name}`);
    expect(w.rs().status).to.include({ replicas: 2, readyReplicas: 2, observedGeneration: 2 });
  });

  it('honours pod-deletion-cost over readiness age', () => {
    const w = newWorld();
    w.store.create(replicaSet(2));
    w.loop.settle();
    const [cheap, dear] = w.pods();
    for (const pod of [cheap!, dear!]) w.makeReady(pod);
    w.store.mutate('Pod', 'default', cheap!.metadata.name, (p) => {
      p.metadata.annotations = {
        ...p.metadata.annotations,
        'controller.kubernetes.io/pod-deletion-cost': '-10',
      };
    });
    w.store.mutate('Pod', 'default', dear!.metadata.name, (p) => {
      p.metadata.annotations = {
        ...p.metadata.annotations,
        'controller.kubernetes.io/pod-deletion-cost': '100',
      };
    });
    w.store.mutate('ReplicaSet', 'default', 'frontend', (rs) => {
      rs.spec!.replicas = 1;
    });
    w.loop.settle();
    expect(w.pods().map((p) => p.metadata.name)).to.deep.equal([dear!.metadata.name]);
  });

  it('adopts a matching orphan and releases a pod whose labels no longer match', () => {
    const w = newWorld();
    w.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'stray', namespace: 'default', labels: { tier: 'frontend' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    w.store.create(replicaSet(2));
    w.loop.settle();
    const rs = w.rs();
    expect(w.pods()).to.have.length(2);
    expect(w.store.get('Pod', 'default', 'stray')!.metadata.ownerReferences).to.deep.equal([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'frontend',
        uid: rs.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);

    w.store.mutate('Pod', 'default', 'stray', (p) => {
      p.metadata.labels = { tier: 'debug' };
    });
    w.loop.settle();
    expect(w.store.get('Pod', 'default', 'stray')!.metadata.ownerReferences).to.equal(undefined);
    expect(w.pods()).to.have.length(3);
    expect(w.rs().status!.replicas).to.equal(2);
  });

  it('counts a pod available minReadySeconds after it turned Ready, rechecking at +1 s', () => {
    const w = newWorld();
    w.store.create(replicaSet(1, { minReadySeconds: 10 }));
    w.loop.settle();
    w.loop.advance(1000);
    w.makeReady(w.pods()[0]!);
    w.loop.settle();
    expect(w.rs().status).to.include({ readyReplicas: 1 });
    expect(w.rs().status!.availableReplicas).to.equal(undefined);
    const becameAvailable = () =>
      w.store.history
        .all()
        .find((c) => c.kind === 'ReplicaSet' && (c.object as ReplicaSet).status?.availableReplicas === 1)?.at;
    w.loop.advance(10_999);
    expect(becameAvailable()).to.equal(undefined);
    w.loop.advance(1);
    // Ready at 1 s, so available once 1 s + 10 s is strictly past: the recheck at 1 + 10 + 1 s.
    expect(becameAvailable()).to.equal(12_000);
  });

  it('reports ReplicaFailure when pods cannot be created, and retries with backoff', () => {
    const w = newWorld();
    // An admission plugin that refuses pods stands in for a quota.
    let refuse = true;
    let attempts = 0;
    w.store.addAdmission({
      kind: 'Pod',
      admit: () => {
        attempts++;
        return refuse
          ? [
              {
                type: 'Forbidden',
                field: 'spec',
                value: undefined,
                detail: 'exceeded quota: compute-resources',
              },
            ]
          : [];
      },
    });
    w.store.create(replicaSet(3));
    w.loop.settle();
    expect(w.pods()).to.have.length(0);
    const condition = w.rs().status!.conditions![0]!;
    expect(condition).to.include({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' });
    expect(condition.message).to.match(/^Pod "frontend-\w{5}" is invalid: spec: Forbidden: exceeded quota/);
    // Slow start: each sync makes one failing create, not three (the status write causes a
    // second sync at the same instant, as upstream).
    const failures = w
      .events()
      .filter((e) => e.startsWith('Warning FailedCreate: Error creating: Pod "frontend-'));
    expect(failures).to.have.length(2);
    expect(attempts).to.equal(2);

    refuse = false;
    w.loop.advance(100);
    expect(w.pods()).to.have.length(3);
    expect(w.rs().status!.conditions).to.equal(undefined);
  });

  it('stops managing pods once the ReplicaSet is deleted, and its pods go with it', () => {
    const w = newWorld();
    w.store.create(replicaSet(2));
    w.loop.settle();
    w.store.delete('ReplicaSet', 'default', 'frontend');
    w.loop.settle();
    expect(w.pods()).to.have.length(0);
  });
});
