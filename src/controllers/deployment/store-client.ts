/**
 * The DeploymentClient of a running cluster: reads and writes go to the store, events to the
 * recorder (source `deployment-controller`), requeues to the controller's queue.
 */
import type { Deployment, Pod, ReplicaSet } from '../../api/types.js';
import { clone, deepEqual } from '../../core/clone.js';
import type { EventType } from '../../sim/events.js';
import { keyFor } from '../../sim/reconciler.js';
import type { ControllerContext } from '../context.js';
import { type DeploymentClient, RATE_LIMIT_BASE_MS } from './client.js';

export interface DeploymentQueue {
  addAfterEach(key: string, delayMs: number): void;
}

/** Reads the pods a ReplicaSet controls from the controller's own index. */
export interface PodsByController {
  podsControlledBy(uid: string): Pod[];
}

export class StoreDeploymentClient implements DeploymentClient {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly component: string,
    private readonly queue: DeploymentQueue,
    private readonly pods: PodsByController,
  ) {}

  get now(): number {
    return this.ctx.clock.now;
  }

  getDeployment(namespace: string, name: string): Deployment | undefined {
    return this.ctx.store.get('Deployment', namespace, name);
  }

  listDeployments(namespace: string): Deployment[] {
    return this.ctx.store.list('Deployment', namespace);
  }

  getReplicaSet(namespace: string, name: string): ReplicaSet | undefined {
    return this.ctx.store.get('ReplicaSet', namespace, name);
  }

  listReplicaSets(namespace: string): ReplicaSet[] {
    return this.ctx.store.list('ReplicaSet', namespace);
  }

  podsControlledBy(rsUid: string): Pod[] {
    return this.pods.podsControlledBy(rsUid);
  }

  createReplicaSet(rs: ReplicaSet): ReplicaSet {
    return this.ctx.store.create(rs);
  }

  updateReplicaSet(rs: ReplicaSet): ReplicaSet {
    return this.ctx.store.update(rs);
  }

  deleteReplicaSet(namespace: string, name: string): void {
    this.ctx.store.delete('ReplicaSet', namespace, name);
  }

  updateDeployment(d: Deployment): Deployment {
    const stored = this.ctx.store.update(d);
    d.metadata.resourceVersion = stored.metadata.resourceVersion;
    return stored;
  }

  /**
   * UpdateStatus. The apps status strategy keeps spec and labels but takes the annotations, which
   * is how the revision annotation is written without bumping generation. The store's status
   * write keeps all metadata, so changed annotations fall back to a spec write (which does bump
   * generation) until the store carries annotations on status writes.
   */
  updateDeploymentStatus(d: Deployment): Deployment {
    let stored = this.ctx.store.updateStatus(d);
    const wanted = d.metadata.annotations ?? {};
    if (!deepEqual(stored.metadata.annotations ?? {}, wanted)) {
      const draft = clone(stored);
      draft.metadata.annotations = { ...wanted };
      stored = this.ctx.store.update(draft);
    }
    d.metadata.resourceVersion = stored.metadata.resourceVersion;
    return stored;
  }

  event(d: Deployment, type: EventType, reason: string, message: string): void {
    this.ctx.events.record(d, type, reason, message, { component: this.component });
  }

  enqueueAfter(d: Deployment, ms: number): void {
    this.queue.addAfterEach(keyFor(d), ms);
  }

  enqueueRateLimited(d: Deployment): void {
    this.queue.addAfterEach(keyFor(d), RATE_LIMIT_BASE_MS);
  }
}
