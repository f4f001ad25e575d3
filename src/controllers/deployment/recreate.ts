/**
 * recreate.go: the Recreate strategy. Old ReplicaSets go to 0; only once none of their pods is
 * left running is the new ReplicaSet created (or scaled) at full size.
 */
import type { Deployment, Pod, ReplicaSet } from '../../api/types.js';
import type { DeploymentClient } from './client.js';
import { syncRolloutStatus } from './progress.js';
import {
  cleanupDeployment,
  getAllReplicaSetsAndSyncRevision,
  scaleReplicaSetAndRecordEvent,
} from './sync.js';
import {
  deploymentComplete,
  filterActiveReplicaSets,
  getActualReplicaCountForReplicaSets,
  replicasOf,
} from './util.js';

/** Pods grouped by the uid of the ReplicaSet that controls them (getPodMapForDeployment). */
export type PodMap = Map<string, Pod[]>;

export function rolloutRecreate(
  c: DeploymentClient,
  d: Deployment,
  rsList: ReplicaSet[],
  podMap: PodMap,
): void {
  // Do not create the new ReplicaSet yet: scaling up must wait until scaling down is done.
  let [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(c, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  const activeOldRSs = filterActiveReplicaSets(oldRSs);

  if (scaleDownOldReplicaSetsForRecreate(c, activeOldRSs, d)) {
    syncRolloutStatus(c, allRSs, newRS, d);
    return;
  }
  if (oldPodsRunning(newRS, oldRSs, podMap)) {
    syncRolloutStatus(c, allRSs, newRS, d);
    return;
  }
  if (!newRS) {
    [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(c, d, rsList, true);
    allRSs = [...oldRSs, newRS];
  }
  scaleReplicaSetAndRecordEvent(c, newRS!, replicasOf(d), d);
  if (deploymentComplete(d, d.status)) cleanupDeployment(c, oldRSs, d);
  syncRolloutStatus(c, allRSs, newRS, d);
}

/** scaleDownOldReplicaSetsForRecreate: every active old ReplicaSet to 0. */
export function scaleDownOldReplicaSetsForRecreate(
  c: DeploymentClient,
  oldRSs: ReplicaSet[],
  d: Deployment,
): boolean {
  let scaled = false;
  for (let i = 0; i < oldRSs.length; i++) {
    const rs = oldRSs[i]!;
    if (replicasOf(rs) === 0) continue;
    const [scaledRS, updated] = scaleReplicaSetAndRecordEvent(c, rs, 0, d);
    if (scaledRS) {
      oldRSs[i] = updated;
      scaled = true;
    }
  }
  return scaled;
}

/**
 * oldPodsRunning: an old ReplicaSet still reports replicas, or a pod of a ReplicaSet other than
 * the new one is not Succeeded/Failed (Unknown counts as running; so does a terminating pod).
 */
export function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podMap: PodMap): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [rsUid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === rsUid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
