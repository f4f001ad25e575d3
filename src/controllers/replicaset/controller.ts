/**
 * The ReplicaSet controller's plumbing (replica_set.go): which store events wake which
 * ReplicaSet, the work queue, the minReadySeconds rechecks and retries. The work itself is
 * syncReplicaSet.
 */
import { selectorFromLabelSelector } from '../../api/labels.js';
import type { Pod, ReplicaSet } from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import { KubesimError } from '../../core/errors.js';
import type { WorkQueue } from '../../sim/loop.js';
import type { ReconcileResult, Reconciler } from '../../sim/reconciler.js';
import { keyFor, splitKey } from '../../sim/reconciler.js';
import type { WatchEvent } from '../../store/store.js';
import type { Controller, ControllerContext } from '../context.js';
import { BURST_REPLICAS, type ReplicaSetEnv } from './env.js';
import { PodIndex } from './pod-index.js';
import { isPodReady } from './pod-util.js';
import { syncReplicaSet } from './sync.js';

/** client-go's DefaultControllerRateLimiter: 5 ms doubling per failure, capped at 1000 s. */
const BACKOFF_BASE_MS = 5;
const MAX_BACKOFF_MS = 1_000_000;

type OwnerRef = NonNullable<Pod['metadata']['ownerReferences']>[number];

function controllerRefOf(obj: { metadata: { ownerReferences?: OwnerRef[] } }): OwnerRef | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

export class ReplicaSetController implements Controller, Reconciler {
  readonly name = 'replicaset-controller';
  private queue!: WorkQueue;
  private readonly index = new PodIndex();
  private readonly failures = new Map<string, number>();
  private env!: ReplicaSetEnv;

  constructor(readonly ctx: ControllerContext) {}

  start(): void {
    const { store, loop } = this.ctx;
    this.queue = loop.queue(this);
    this.env = { ctx: this.ctx, index: this.index, component: this.name, burstReplicas: BURST_REPLICAS };
    store.watch('ReplicaSet', (e) => this.queue.add(keyFor(e.object)));
    store.watch('Pod', (e) => this.onPod(e));
    // An informer's first list: what already exists is seen as added.
    for (const pod of store.list('Pod')) this.index.update(undefined, pod);
    for (const rs of store.list('ReplicaSet')) this.queue.add(keyFor(rs));
  }

  reconcile(key: string): ReconcileResult | undefined {
    const [namespace, name] = splitKey(key);
    let result: ReturnType<typeof syncReplicaSet>;
    try {
      result = syncReplicaSet(this.env, namespace ?? 'default', name);
    } catch (err) {
      if (!(err instanceof KubesimError)) throw err;
      result = { error: err };
    }
    if (result.requeueAfterMs !== undefined) this.queue.addAfterEach(key, result.requeueAfterMs);
    if (result.error) {
      const n = this.failures.get(key) ?? 0;
      this.failures.set(key, n + 1);
      this.queue.addAfterEach(key, Math.min(BACKOFF_BASE_MS * 2 ** n, MAX_BACKOFF_MS));
    } else {
      this.failures.delete(key);
    }
    return undefined;
  }

  // ---- Pod events ----

  private onPod(e: WatchEvent<'Pod'>): void {
    const pod = e.object;
    switch (e.type) {
      case 'ADDED':
        this.index.update(undefined, pod);
        this.addPod(pod);
        return;
      case 'MODIFIED':
        this.index.update(e.old, pod);
        this.updatePod(e.old!, pod);
        return;
      case 'DELETED':
        this.index.update(pod, undefined);
        this.deletePod(pod);
        return;
    }
  }

  /** addPod: wake its ReplicaSet, or every ReplicaSet that might adopt an orphan. */
  private addPod(pod: Pod): void {
    if (pod.metadata.deletionTimestamp) {
      this.deletePod(pod);
      return;
    }
    const ref = controllerRefOf(pod);
    if (ref) {
      const rs = this.resolveControllerRef(pod.metadata.namespace!, ref);
      if (rs) this.queue.add(keyFor(rs));
      return;
    }
    for (const rs of this.podReplicaSets(pod)) this.queue.add(keyFor(rs));
  }

  /**
   * updatePod: a pod being deleted wakes its ReplicaSet at once (so the replacement is made
   * without waiting for the kubelet); a pod turning Ready rechecks availability after
   * minReadySeconds + 1 s; a changed controllerRef or labels wakes old and new owners.
   */
  private updatePod(old: Pod, cur: Pod): void {
    if (cur.metadata.resourceVersion === old.metadata.resourceVersion) return;
    const labelChanged = !deepEqual(cur.metadata.labels ?? {}, old.metadata.labels ?? {});
    if (cur.metadata.deletionTimestamp) {
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = controllerRefOf(cur);
    const oldRef = controllerRefOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const rs = this.resolveControllerRef(old.metadata.namespace!, oldRef);
      if (rs) this.queue.add(keyFor(rs));
    }
    if (curRef) {
      const rs = this.resolveControllerRef(cur.metadata.namespace!, curRef);
      if (!rs) return;
      this.queue.add(keyFor(rs));
      const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReadySeconds > 0) {
        // A second more, against millisecond skew (upstream issue 39785).
        this.queue.addAfterEach(keyFor(rs), (minReadySeconds + 1) * 1000);
      }
      return;
    }
    if (labelChanged || refChanged) {
      for (const rs of this.podReplicaSets(cur)) this.queue.add(keyFor(rs));
    }
  }

  private deletePod(pod: Pod): void {
    const ref = controllerRefOf(pod);
    if (!ref) return;
    const rs = this.resolveControllerRef(pod.metadata.namespace!, ref);
    if (rs) this.queue.add(keyFor(rs));
  }

  /** resolveControllerRef: the ReplicaSet a controllerRef names, if it is still that one (uid). */
  private resolveControllerRef(namespace: string, ref: OwnerRef): ReplicaSet | undefined {
    if (ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.ctx.store.get('ReplicaSet', namespace, ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /** GetPodReplicaSets: the ReplicaSets of the pod's namespace whose (non-empty) selector matches it. */
  private podReplicaSets(pod: Pod): ReplicaSet[] {
    if (Object.keys(pod.metadata.labels ?? {}).length === 0) return [];
    return this.ctx.store.list('ReplicaSet', pod.metadata.namespace).filter((rs) => {
      const selector = selectorFromLabelSelector(rs.spec?.selector);
      return !selector.empty && selector.matches(pod.metadata.labels);
    });
  }
}
