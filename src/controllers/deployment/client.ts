/**
 * What the Deployment controller's sync functions may do, as one small interface: read from the
 * store (upstream reads informer caches), write through the API, record events and requeue. The
 * controller passes a store-backed client; the unit tests pass a fake that records actions, as
 * upstream's tests use a fake clientset.
 */
import type { Deployment, Pod, ReplicaSet } from '../../api/types.js';
import type { EventType } from '../../sim/events.js';

export interface DeploymentClient {
  /** Simulated ms now. */
  readonly now: number;

  // reads (the "listers")
  getDeployment(namespace: string, name: string): Deployment | undefined;
  listDeployments(namespace: string): Deployment[];
  getReplicaSet(namespace: string, name: string): ReplicaSet | undefined;
  listReplicaSets(namespace: string): ReplicaSet[];
  /** Pods whose controller is the ReplicaSet with this uid (any phase, terminating included). */
  podsControlledBy(rsUid: string): Pod[];

  // writes; each throws a StatusError on failure and returns the stored object
  createReplicaSet(rs: ReplicaSet): ReplicaSet;
  updateReplicaSet(rs: ReplicaSet): ReplicaSet;
  deleteReplicaSet(namespace: string, name: string): void;
  updateDeployment(d: Deployment): Deployment;
  /** UpdateStatus: status, and (as the apps status strategy allows) metadata.annotations. */
  updateDeploymentStatus(d: Deployment): Deployment;

  event(d: Deployment, type: EventType, reason: string, message: string): void;
  /** workqueue.AddAfter: the key is synced again after `ms` (an earlier pending one wins). */
  enqueueAfter(d: Deployment, ms: number): void;
  /** workqueue.AddRateLimited after a successful sync: the base delay of the rate limiter. */
  enqueueRateLimited(d: Deployment): void;
}

/** The base delay of client-go's DefaultControllerRateLimiter (exponential from 5 ms). */
export const RATE_LIMIT_BASE_MS = 5;
