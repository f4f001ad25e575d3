/**
 * The Deployment and ReplicaSet controllers together on a real Store and SimLoop. A tiny fake
 * kubelet (below) binds each new pod at once, marks it Running and Ready after a delay (never,
 * for the image `broken`), and finishes a graceful deletion after a delay.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, Event, Pod, ReplicaSet } from '../../api/types.js';
import { defaultSettings } from '../../cluster/settings.js';
import { SimClock } from '../../core/clock.js';
import { Random } from '../../core/random.js';
import { EventRecorder } from '../../sim/events.js';
import { SimLoop } from '../../sim/loop.js';
import { Store } from '../../store/store.js';
import { timestampOf } from '../../store/time.js';
import type { ControllerContext } from '../context.js';
import { ReplicaSetController } from '../replicaset/controller.js';
import { DeploymentController } from './controller.js';

const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';

/**
 * Stands in for scheduler and kubelet. Pods come bound already (the template names a node, so
 * the store deletes them gracefully); this marks each Running and Ready `readyAfterMs` after it
 * is created (never for the image `broken`) and finishes a deletion `terminateAfterMs` after it
 * began.
 */
class FakeKubelet {
  readyAfterMs = 2000;
  terminateAfterMs = 1000;

  constructor(
    private readonly store: Store,
    private readonly clock: SimClock,
  ) {
    store.watch('Pod', (e) => {
      const pod = e.object;
      if (e.type === 'ADDED' && pod.spec?.containers?.[0]?.image !== 'broken') {
        this.later(this.readyAfterMs, pod, (current) => {
          if (current.metadata.deletionTimestamp) return;
          this.store.mutateStatus('Pod', pod.metadata.namespace, pod.metadata.name, (p) => {
            p.status = {
              ...p.status,
              phase: 'Running',
              conditions: [
                { type: 'Ready', status: 'True', lastTransitionTime: timestampOf(this.clock.now) },
              ],
            };
          });
        });
      }
      if (e.type === 'MODIFIED' && pod.metadata.deletionTimestamp && !e.old!.metadata.deletionTimestamp) {
        this.later(this.terminateAfterMs, pod, () =>
          store.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 }),
        );
      }
    });
  }

  private later(ms: number, pod: Pod, fn: (current: Pod) => void): void {
    this.clock.schedule(
      () => {
        const current = this.store.get('Pod', pod.metadata.namespace, pod.metadata.name);
        if (current && current.metadata.uid === pod.metadata.uid) fn(current);
      },
      ms,
      'fake-kubelet',
    );
  }
}

function newWorld() {
  const clock = new SimClock();
  const random = new Random(7);
  const store = new Store(clock, random.fork('store'));
  const loop = new SimLoop(clock);
  const events = new EventRecorder(store, clock);
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const ctx = (name: string): ControllerContext => ({
    store,
    clock,
    loop,
    random: random.fork(name),
    events,
    settings: defaultSettings(),
  });
  const rsc = new ReplicaSetController(ctx('replicaset-controller'));
  const dc = new DeploymentController(ctx('deployment-controller'));
  const counts = { rs: 0, d: 0 };
  const rsReconcile = rsc.reconcile.bind(rsc);
  rsc.reconcile = (key) => {
    counts.rs++;
    return rsReconcile(key);
  };
  const dReconcile = dc.reconcile.bind(dc);
  dc.reconcile = (key) => {
    counts.d++;
    return dReconcile(key);
  };
  rsc.start();
  dc.start();
  const kubelet = new FakeKubelet(store, clock);
  return {
    clock,
    store,
    loop,
    kubelet,
    counts,
    get: () => store.get('Deployment', 'default', 'web')!,
    rss: () => store.list('ReplicaSet', 'default'),
    pods: () => store.list('Pod', 'default'),
    /** Events in the order they were recorded: `Kind reason: message`. */
    events: () =>
      store.history
        .all()
        .filter((c) => c.kind === 'Event' && c.type === 'ADDED')
        .map((c) => c.object as Event)
        .map((e) => `${e.involvedObject.kind} ${e.reason}: ${e.message}`),
    advance: (ms: number) => loop.advance(ms),
  };
}

function deployment(
  replicas: number,
  image = 'nginx:1.25',
  extra: Partial<NonNullable<Deployment['spec']>> = {},
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { nodeName: 'node-1', containers: [{ name: 'nginx', image }] },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...extra,
    },
  };
}

const setImage = (w: ReturnType<typeof newWorld>, image: string) =>
  w.store.mutate('Deployment', 'default', 'web', (d) => {
    d.spec!.template.spec!.containers[0]!.image = image;
  });

const setReplicas = (w: ReturnType<typeof newWorld>, replicas: number) =>
  w.store.mutate('Deployment', 'default', 'web', (d) => {
    d.spec!.replicas = replicas;
  });

const rsOfImage = (w: ReturnType<typeof newWorld>, image: string): ReplicaSet =>
  w.rss().find((r) => r.spec!.template!.spec!.containers[0]!.image === image)!;

const active = (pods: Pod[]) => pods.filter((p) => !p.metadata.deletionTimestamp);

describe('Deployment and ReplicaSet controllers together', () => {
  it('brings up a 3-replica Deployment: ReplicaSet web-<hash>, 3 pods, status, conditions and events', () => {
    const w = newWorld();
    w.store.create(deployment(3));
    w.advance(5000);

    const [rs, ...others] = w.rss();
    expect(others).to.have.length(0);
    const hash = rs!.metadata.labels!['pod-template-hash']!;
    expect(rs!.metadata.name)
      .to.equal(`web-${hash}`)
      .and.match(new RegExp(`^web-${SAFE}+$`));
    expect(rs!.spec!.replicas).to.equal(3);
    expect(rs!.spec!.selector.matchLabels).to.deep.equal({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.annotations).to.deep.equal({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(rs!.metadata.ownerReferences![0]).to.include({
      kind: 'Deployment',
      name: 'web',
      controller: true,
    });
    expect(rs!.status).to.deep.equal({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });

    const pods = w.pods();
    expect(pods).to.have.length(3);
    for (const pod of pods) {
      expect(pod.metadata.name).to.match(new RegExp(`^${rs!.metadata.name}-${SAFE}{5}$`));
      expect(pod.metadata.labels).to.deep.equal({ app: 'web', 'pod-template-hash': hash });
      expect(pod.metadata.ownerReferences).to.deep.equal([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs!.metadata.name,
          uid: rs!.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }

    const d = w.get();
    expect(d.metadata.annotations).to.deep.equal({ 'deployment.kubernetes.io/revision': '1' });
    const { conditions, ...counts } = d.status!;
    expect(counts).to.deep.equal({
      observedGeneration: d.metadata.generation,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(conditions).to.deep.equal([
      {
        type: 'Available',
        status: 'True',
        lastUpdateTime: '2025-01-01T00:00:02Z',
        lastTransitionTime: '2025-01-01T00:00:02Z',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      },
      {
        type: 'Progressing',
        status: 'True',
        lastUpdateTime: '2025-01-01T00:00:02Z',
        lastTransitionTime: '2025-01-01T00:00:00Z',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${rs!.metadata.name}" has successfully progressed.`,
      },
    ]);

    const [first, ...rest] = w.events();
    expect(first).to.equal(
      `Deployment ScalingReplicaSet: Scaled up replica set ${rs!.metadata.name} from 0 to 3`,
    );
    expect(rest.sort()).to.deep.equal(
      pods.map((p) => `ReplicaSet SuccessfulCreate: Created pod: ${p.metadata.name}`).sort(),
    );
    const sources = new Set(
      w.store.list('Event').map((e) => `${e.involvedObject.kind}:${e.source?.component}`),
    );
    expect([...sources].sort()).to.deep.equal([
      'Deployment:deployment-controller',
      'ReplicaSet:replicaset-controller',
    ]);
  });

  it('scales 3 → 5 → 2 on the same ReplicaSet, without a new revision', () => {
    const w = newWorld();
    w.store.create(deployment(3));
    w.advance(5000);
    const rsName = w.rss()[0]!.metadata.name;

    setReplicas(w, 5);
    w.advance(5000);
    expect(w.rss()).to.have.length(1);
    expect(w.rss()[0]!.spec!.replicas).to.equal(5);
    expect(w.rss()[0]!.metadata.annotations).to.include({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '5',
      'deployment.kubernetes.io/max-replicas': '7',
    });
    expect(w.pods()).to.have.length(5);
    expect(w.get().status).to.include({ replicas: 5, updatedReplicas: 5, availableReplicas: 5 });

    setReplicas(w, 2);
    w.advance(0);
    expect(active(w.pods())).to.have.length(2);
    w.advance(5000);
    expect(w.pods()).to.have.length(2);
    expect(w.get().metadata.annotations!['deployment.kubernetes.io/revision']).to.equal('1');
    expect(w.get().status).to.include({
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    });
    expect(w.events().filter((e) => e.startsWith('Deployment'))).to.deep.equal([
      `Deployment ScalingReplicaSet: Scaled up replica set ${rsName} from 0 to 3`,
      `Deployment ScalingReplicaSet: Scaled up replica set ${rsName} from 3 to 5`,
      `Deployment ScalingReplicaSet: Scaled down replica set ${rsName} from 5 to 2`,
    ]);
    expect(w.events().filter((e) => e.includes('SuccessfulDelete'))).to.have.length(3);
  });

  it('rolls out an image change within 25%/25% (10 replicas: at most 13 pods, at least 8 ready)', () => {
    const w = newWorld();
    w.store.create(deployment(10));
    w.advance(5000);
    const oldRS = w.rss()[0]!;

    let maxPods = 0;
    let minReady = Number.POSITIVE_INFINITY;
    let maxSpec = 0;
    const check = () => {
      const pods = active(w.pods());
      maxPods = Math.max(maxPods, pods.length);
      minReady = Math.min(
        minReady,
        pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready')).length,
      );
      maxSpec = Math.max(
        maxSpec,
        w.rss().reduce((s, r) => s + (r.spec!.replicas ?? 0), 0),
      );
    };
    const stop = w.store.history.subscribe((c) => {
      if (c.kind === 'Pod' || c.kind === 'ReplicaSet') check();
    });
    const eventsBefore = w.events().length;
    setImage(w, 'nginx:1.27');
    w.advance(60_000);
    stop();

    expect(maxSpec).to.equal(13);
    expect(maxPods).to.be.at.most(13);
    expect(minReady).to.be.at.least(8);

    const newRS = rsOfImage(w, 'nginx:1.27');
    expect(w.rss().map((r) => [r.metadata.name, r.spec!.replicas])).to.have.deep.members([
      [oldRS.metadata.name, 0],
      [newRS.metadata.name, 10],
    ]);
    expect(newRS.metadata.annotations!['deployment.kubernetes.io/revision']).to.equal('2');
    expect(rsOfImage(w, 'nginx:1.25').metadata.annotations!['deployment.kubernetes.io/revision']).to.equal(
      '1',
    );
    expect(w.get().metadata.annotations!['deployment.kubernetes.io/revision']).to.equal('2');
    expect(active(w.pods())).to.have.length(10);
    expect(w.get().status!.conditions!.find((c) => c.type === 'Progressing')).to.include({
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`,
    });

    const rollout = w
      .events()
      .slice(eventsBefore)
      .filter((e) => e.startsWith('Deployment'));
    expect(rollout[0]).to.equal(
      `Deployment ScalingReplicaSet: Scaled up replica set ${newRS.metadata.name} from 0 to 3`,
    );
    expect(rollout[1]).to.equal(
      `Deployment ScalingReplicaSet: Scaled down replica set ${oldRS.metadata.name} from 10 to 8`,
    );
    expect(rollout.at(-1)).to.match(
      new RegExp(`Scaled down replica set ${oldRS.metadata.name} from \\d+ to 0$`),
    );
    for (const e of rollout)
      expect(e).to.match(/^Deployment ScalingReplicaSet: Scaled (up|down) replica set \S+ from \d+ to \d+$/);
  });

  it('Recreate: every old pod is gone before the first new pod is created', () => {
    const w = newWorld();
    w.store.create(deployment(3, 'nginx:1.25', { strategy: { type: 'Recreate' } }));
    w.advance(5000);
    const oldRS = w.rss()[0]!;
    const start = w.store.history.length;
    setImage(w, 'nginx:1.27');
    w.advance(30_000);
    const newRS = rsOfImage(w, 'nginx:1.27');

    const changes = w.store.history.since(start);
    const lastOldPodGone = Math.max(
      ...changes
        .filter((c) => c.kind === 'Pod' && c.type === 'DELETED' && c.name.startsWith(oldRS.metadata.name))
        .map((c) => c.seq),
    );
    const firstNewPod = Math.min(
      ...changes
        .filter((c) => c.kind === 'Pod' && c.type === 'ADDED' && c.name.startsWith(newRS.metadata.name))
        .map((c) => c.seq),
    );
    expect(firstNewPod).to.be.greaterThan(lastOldPodGone);
    // Pods are gone 1 s after their deletion began; the new ReplicaSet comes then.
    expect(changes.find((c) => c.kind === 'ReplicaSet' && c.type === 'ADDED')!.at).to.equal(5000 + 1000);
    expect(
      w
        .events()
        .filter((e) => e.startsWith('Deployment'))
        .slice(1),
    ).to.deep.equal([
      `Deployment ScalingReplicaSet: Scaled down replica set ${oldRS.metadata.name} from 3 to 0`,
      `Deployment ScalingReplicaSet: Scaled up replica set ${newRS.metadata.name} from 0 to 3`,
    ]);
    expect(w.get().status).to.include({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
  });

  it('cascading deletion: deleting the Deployment removes its ReplicaSet and pods', () => {
    const w = newWorld();
    w.store.create(deployment(3));
    w.advance(5000);
    w.store.delete('Deployment', 'default', 'web');
    w.advance(0);
    expect(w.rss()).to.have.length(0);
    expect(w.pods().every((p) => p.metadata.deletionTimestamp)).to.equal(true);
    w.advance(5000);
    expect(w.pods()).to.have.length(0);
  });

  it('times out a stuck rollout at lastUpdateTime + progressDeadlineSeconds (+1 s requeue)', () => {
    const w = newWorld();
    w.store.create(deployment(2, 'broken', { progressDeadlineSeconds: 10 }));
    w.advance(60_000);
    const flip = w.store.history
      .all()
      .find(
        (c) =>
          c.kind === 'Deployment' &&
          (c.object as Deployment).status?.conditions?.some((x) => x.reason === 'ProgressDeadlineExceeded'),
      );
    expect(flip?.at).to.equal(11_000);
    const rs = w.rss()[0]!;
    expect(w.get().status!.conditions).to.deep.include({
      type: 'Progressing',
      status: 'False',
      lastUpdateTime: '2025-01-01T00:00:11Z',
      lastTransitionTime: '2025-01-01T00:00:11Z',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.`,
    });
    expect(w.get().status!.conditions!.find((c) => c.type === 'Available')).to.include({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
    });
  });

  it('scales proportionally mid-rollout: 10 replicas (surge 3, unavailable 2) scaled to 15 → 11 old, 7 new', () => {
    const w = newWorld();
    w.store.create(
      deployment(10, 'nginx:1.25', {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } },
      }),
    );
    w.advance(5000);
    setImage(w, 'broken');
    w.advance(5000);
    const oldRS = rsOfImage(w, 'nginx:1.25');
    const newRS = rsOfImage(w, 'broken');
    expect([oldRS.spec!.replicas, newRS.spec!.replicas]).to.deep.equal([8, 5]);

    setReplicas(w, 15);
    w.advance(0);
    expect([rsOfImage(w, 'nginx:1.25').spec!.replicas, rsOfImage(w, 'broken').spec!.replicas]).to.deep.equal([
      11, 7,
    ]);
    expect(
      w
        .events()
        .filter((e) => e.startsWith('Deployment'))
        .slice(-2),
    ).to.deep.equal([
      `Deployment ScalingReplicaSet: Scaled up replica set ${oldRS.metadata.name} from 8 to 11`,
      `Deployment ScalingReplicaSet: Scaled up replica set ${newRS.metadata.name} from 5 to 7`,
    ]);
  });

  it('paused: no rollout, scaling still applies, resume rolls out', () => {
    const w = newWorld();
    w.store.create(deployment(3));
    w.advance(5000);
    w.store.mutate('Deployment', 'default', 'web', (d) => {
      d.spec!.paused = true;
    });
    w.advance(0);
    expect(w.get().status!.conditions!.find((c) => c.type === 'Progressing')).to.include({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    setImage(w, 'nginx:1.27');
    setReplicas(w, 4);
    w.advance(5000);
    expect(w.rss()).to.have.length(1);
    expect(w.rss()[0]!.spec!.replicas).to.equal(4);
    expect(w.get().status).to.include({ replicas: 4, availableReplicas: 4 });
    expect(w.get().status!.updatedReplicas).to.equal(undefined);

    w.store.mutate('Deployment', 'default', 'web', (d) => {
      d.spec!.paused = false;
    });
    w.advance(0);
    expect(
      w.store.history
        .all()
        .some(
          (c) =>
            c.kind === 'Deployment' &&
            (c.object as Deployment).status?.conditions?.some((x) => x.reason === 'DeploymentResumed'),
        ),
    ).to.equal(true);
    w.advance(60_000);
    expect(rsOfImage(w, 'nginx:1.27').spec!.replicas).to.equal(4);
    expect(w.get().status!.conditions!.find((c) => c.type === 'Progressing')!.reason).to.equal(
      'NewReplicaSetAvailable',
    );
  });

  it('reverting the template reuses the old ReplicaSet as revision 3 with revision-history 1', () => {
    const w = newWorld();
    w.store.create(deployment(2));
    w.advance(5000);
    w.store.mutate('Deployment', 'default', 'web', (d) => {
      d.metadata.annotations = { 'kubernetes.io/change-cause': 'bump to 1.27' };
      d.spec!.template.spec!.containers[0]!.image = 'nginx:1.27';
    });
    w.advance(30_000);
    expect(rsOfImage(w, 'nginx:1.27').metadata.annotations!['kubernetes.io/change-cause']).to.equal(
      'bump to 1.27',
    );
    setImage(w, 'nginx:1.25');
    w.advance(30_000);
    expect(w.rss()).to.have.length(2);
    expect(rsOfImage(w, 'nginx:1.25').metadata.annotations).to.include({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
    expect(rsOfImage(w, 'nginx:1.27').metadata.annotations!['deployment.kubernetes.io/revision']).to.equal(
      '2',
    );
    expect(w.get().metadata.annotations!['deployment.kubernetes.io/revision']).to.equal('3');
    expect(rsOfImage(w, 'nginx:1.25').spec!.replicas).to.equal(2);
  });

  it('keeps revisionHistoryLimit old ReplicaSets once a rollout completes', () => {
    const w = newWorld();
    w.store.create(deployment(2, 'nginx:1.25', { revisionHistoryLimit: 1 }));
    w.advance(5000);
    for (const image of ['nginx:1.26', 'nginx:1.27']) {
      setImage(w, image);
      w.advance(30_000);
    }
    expect(
      w
        .rss()
        .map((r) => r.spec!.template!.spec!.containers[0]!.image)
        .sort(),
    ).to.deep.equal(['nginx:1.26', 'nginx:1.27']);
  });

  it('adopts an orphan ReplicaSet whose template matches instead of creating one', () => {
    const w = newWorld();
    const template = deployment(2).spec!.template;
    w.store.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-manual',
        namespace: 'default',
        labels: { app: 'web', 'pod-template-hash': 'manual' },
      },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': 'manual' } },
        template: { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': 'manual' } } },
      },
    });
    w.advance(5000);
    w.store.create(deployment(2));
    w.advance(5000);
    expect(w.rss().map((r) => r.metadata.name)).to.deep.equal(['web-manual']);
    expect(w.rss()[0]!.metadata.ownerReferences![0]).to.include({
      kind: 'Deployment',
      name: 'web',
      controller: true,
    });
    expect(w.get().status).to.include({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
  });

  it('brings up 1,000 replicas with a handful of syncs, not one per pod', () => {
    const w = newWorld();
    w.store.create(deployment(1000));
    w.advance(5000);
    expect(active(w.pods())).to.have.length(1000);
    expect(w.get().status).to.include({ replicas: 1000, readyReplicas: 1000, availableReplicas: 1000 });
    // Two create passes of BurstReplicas (500) each, then status as pods bind and get ready.
    expect(w.counts.rs).to.be.at.most(20);
    expect(w.counts.d).to.be.at.most(20);
  });
});
