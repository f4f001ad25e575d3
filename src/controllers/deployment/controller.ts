/**
 * The Deployment controller's plumbing (deployment_controller.go): which store events wake which
 * Deployment, the work queue, retries. The work itself is syncDeployment.
 */
import type { Deployment, Pod, ReplicaSet } from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import { KubesimError } from '../../core/errors.js';
import type { WorkQueue } from '../../sim/loop.js';
import type { ReconcileResult, Reconciler } from '../../sim/reconciler.js';
import { keyFor, splitKey } from '../../sim/reconciler.js';
import type { WatchEvent } from '../../store/store.js';
import type { Controller, ControllerContext } from '../context.js';
import { RATE_LIMIT_BASE_MS } from './client.js';
import { StoreDeploymentClient } from './store-client.js';
import { isNamespaceTerminating } from './sync.js';
import { podMapFor, syncDeployment } from './sync-deployment.js';
import { controllerRefOf, getDeploymentsForReplicaSet, listReplicaSets, strategyTypeOf } from './util.js';

/** Upstream drops a key after this many failed syncs in a row (until its next event). */
const MAX_RETRIES = 15;
/** The cap of client-go's exponential per-item backoff (1000 s). */
const MAX_BACKOFF_MS = 1_000_000;

type OwnerRef = NonNullable<ReturnType<typeof controllerRefOf>>;

export class DeploymentController implements Controller, Reconciler {
  readonly name = 'deployment-controller';
  private queue!: WorkQueue;
  private client!: StoreDeploymentClient;
  private readonly failures = new Map<string, number>();
  /** Pods by the uid of their controller: the pod map of Recreate without listing every pod. */
  private readonly podsByController = new Map<string, Map<string, Pod>>();

  constructor(readonly ctx: ControllerContext) {}

  start(): void {
    const { store, loop } = this.ctx;
    this.queue = loop.queue(this);
    this.client = new StoreDeploymentClient(this.ctx, this.name, this.queue, {
      podsControlledBy: (uid) => [...(this.podsByController.get(uid)?.values() ?? [])],
    });
    store.watch('Deployment', (e) => this.enqueue(e.object));
    store.watch('ReplicaSet', (e) => this.onReplicaSet(e));
    store.watch('Pod', (e) => this.onPod(e));
    // An informer's first list: what already exists is seen as added.
    for (const pod of store.list('Pod')) this.indexPod(undefined, pod);
    for (const d of store.list('Deployment')) this.enqueue(d);
  }

  reconcile(key: string): ReconcileResult | undefined {
    const [namespace, name] = splitKey(key);
    try {
      syncDeployment(this.client, namespace ?? 'default', name);
      this.failures.delete(key);
    } catch (err) {
      if (!(err instanceof KubesimError) && !(err instanceof Error && err.constructor === Error)) throw err;
      this.retry(key, err);
    }
    return undefined;
  }

  /** handleErr: requeue with exponential backoff (5 ms doubling), dropped after 15 tries. */
  private retry(key: string, err: unknown): void {
    if (isNamespaceTerminating(err)) {
      this.failures.delete(key);
      return;
    }
    const n = this.failures.get(key) ?? 0;
    if (n >= MAX_RETRIES) {
      this.failures.delete(key);
      return;
    }
    this.failures.set(key, n + 1);
    this.queue.addAfterEach(key, Math.min(RATE_LIMIT_BASE_MS * 2 ** n, MAX_BACKOFF_MS));
  }

  private enqueue(d: Deployment): void {
    this.queue.add(keyFor(d));
  }

  // ---- ReplicaSet events ----

  private onReplicaSet(e: WatchEvent<'ReplicaSet'>): void {
    const rs = e.object;
    if (e.type === 'DELETED') {
      this.deleteReplicaSet(rs);
      return;
    }
    if (e.type === 'ADDED') {
      // A ReplicaSet that shows up already being deleted.
      if (rs.metadata.deletionTimestamp) {
        this.deleteReplicaSet(rs);
        return;
      }
      const ref = controllerRefOf(rs);
      if (ref) {
        const d = this.resolveControllerRef(rs.metadata.namespace!, ref);
        if (d) this.enqueue(d);
        return;
      }
      // An orphan: every matching Deployment may want to adopt it.
      for (const d of this.deploymentsForReplicaSet(rs)) this.enqueue(d);
      return;
    }
    const old = e.old!;
    if (rs.metadata.resourceVersion === old.metadata.resourceVersion) return;
    const curRef = controllerRefOf(rs);
    const oldRef = controllerRefOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const d = this.resolveControllerRef(old.metadata.namespace!, oldRef);
      if (d) this.enqueue(d);
    }
    if (curRef) {
      const d = this.resolveControllerRef(rs.metadata.namespace!, curRef);
      if (d) this.enqueue(d);
      return;
    }
    const labelChanged = !deepEqual(rs.metadata.labels ?? {}, old.metadata.labels ?? {});
    if (labelChanged || refChanged) {
      for (const d of this.deploymentsForReplicaSet(rs)) this.enqueue(d);
    }
  }

  private deleteReplicaSet(rs: ReplicaSet): void {
    const ref = controllerRefOf(rs);
    if (!ref) return;
    const d = this.resolveControllerRef(rs.metadata.namespace!, ref);
    if (d) this.enqueue(d);
  }

  private deploymentsForReplicaSet(rs: ReplicaSet): Deployment[] {
    return getDeploymentsForReplicaSet(this.ctx.store.list('Deployment', rs.metadata.namespace), rs);
  }

  /** resolveControllerRef: the Deployment a controllerRef names, if it is still that one (uid). */
  private resolveControllerRef(namespace: string, ref: OwnerRef): Deployment | undefined {
    if (ref.kind !== 'Deployment') return undefined;
    const d = this.ctx.store.get('Deployment', namespace, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  // ---- Pod events ----

  private onPod(e: WatchEvent<'Pod'>): void {
    if (e.type === 'DELETED') {
      this.indexPod(e.object, undefined);
      this.deletePod(e.object);
    } else {
      this.indexPod(e.old, e.object);
    }
  }

  private indexPod(before: Pod | undefined, after: Pod | undefined): void {
    const oldUid = before ? controllerRefOf(before)?.uid : undefined;
    const newUid = after ? controllerRefOf(after)?.uid : undefined;
    const key = keyFor((after ?? before)!);
    if (oldUid && oldUid !== newUid) {
      const set = this.podsByController.get(oldUid);
      set?.delete(key);
      if (set?.size === 0) this.podsByController.delete(oldUid);
    }
    if (newUid) {
      let set = this.podsByController.get(newUid);
      if (!set) this.podsByController.set(newUid, (set = new Map()));
      set.set(key, after!);
    }
  }

  /** deletePod: a Recreate Deployment is synced once its last pod is gone. */
  private deletePod(pod: Pod): void {
    const d = this.deploymentForPod(pod);
    if (!d || strategyTypeOf(d) !== 'Recreate') return;
    const rsList = listReplicaSets(d, this.ctx.store.list('ReplicaSet', d.metadata.namespace));
    let numPods = 0;
    for (const pods of podMapFor(this.client, d, rsList).values()) numPods += pods.length;
    if (numPods === 0) this.enqueue(d);
  }

  private deploymentForPod(pod: Pod): Deployment | undefined {
    const ref = controllerRefOf(pod);
    if (ref?.kind !== 'ReplicaSet') return undefined;
    const rs = this.ctx.store.get('ReplicaSet', pod.metadata.namespace, ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return undefined;
    const rsRef = controllerRefOf(rs);
    return rsRef ? this.resolveControllerRef(rs.metadata.namespace!, rsRef) : undefined;
  }
}
