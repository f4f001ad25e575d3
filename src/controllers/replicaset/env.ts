/** What a ReplicaSet sync works with: the controller's context and its pod index. */
import type { ControllerContext } from '../context.js';
import type { PodIndex } from './pod-index.js';

export interface ReplicaSetEnv {
  readonly ctx: ControllerContext;
  readonly index: PodIndex;
  /** The event source (`replicaset-controller`). */
  readonly component: string;
  /** BurstReplicas: at most this many creates or deletes per sync (500). */
  readonly burstReplicas: number;
}

/** replicaset.BurstReplicas: the cap on pods created or deleted in one sync. */
export const BURST_REPLICAS = 500;
