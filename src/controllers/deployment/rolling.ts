/**
 * rolling.go: the RollingUpdate strategy. Each sync does at most one step (scale the new
 * ReplicaSet up, or the old ones down) and writes the status.
 *
 * Worked trace, 3 replicas, 25%/25% (surge 1, unavailable 0), old A=3 available, new template:
 * B is created with 1 → once B's pod is available A goes 3→2 → B 1→2 → A 2→1 → … → B=3, A=0.
 */
import type { Deployment, ReplicaSet } from '../../api/types.js';
import type { DeploymentClient } from './client.js';
import { syncRolloutStatus } from './progress.js';
import {
  cleanupDeployment,
  getAllReplicaSetsAndSyncRevision,
  scaleReplicaSetAndRecordEvent,
} from './sync.js';
import {
  compareByCreationTimestamp,
  deploymentComplete,
  filterActiveReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
  newRSNewReplicas,
  replicasOf,
} from './util.js';

/** rolloutRolling: create the new ReplicaSet if needed, then one scaling step, then status. */
export function rolloutRolling(c: DeploymentClient, d: Deployment, rsList: ReplicaSet[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(c, d, rsList, true);
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(c, allRSs, newRS!, d)) {
    syncRolloutStatus(c, allRSs, newRS, d);
    return;
  }
  if (reconcileOldReplicaSets(c, allRSs, filterActiveReplicaSets(oldRSs), newRS!, d)) {
    syncRolloutStatus(c, allRSs, newRS, d);
    return;
  }
  // The status before this sync says the rollout is done: old revisions can go.
  if (deploymentComplete(d, d.status)) cleanupDeployment(c, oldRSs, d);
  syncRolloutStatus(c, allRSs, newRS, d);
}

/**
 * reconcileNewReplicaSet: nothing if the new ReplicaSet has spec.replicas; scale it down if it
 * has more; otherwise up by what the surge allows (NewRSNewReplicas).
 */
export function reconcileNewReplicaSet(
  c: DeploymentClient,
  allRSs: Array<ReplicaSet | undefined>,
  newRS: ReplicaSet,
  d: Deployment,
): boolean {
  const replicas = replicasOf(d);
  if (replicasOf(newRS) === replicas) return false;
  if (replicasOf(newRS) > replicas) return scaleReplicaSetAndRecordEvent(c, newRS, replicas, d)[0];
  const newReplicasCount = newRSNewReplicas(d, allRSs, newRS);
  return scaleReplicaSetAndRecordEvent(c, newRS, newReplicasCount, d)[0];
}

/**
 * reconcileOldReplicaSets: scale old ReplicaSets down as far as availability allows.
 *
 * maxScaledDown = allPods - minAvailable - newRSUnavailable counts not only maxUnavailable and
 * surge pods but also the new ReplicaSet's unavailable pods, so that a broken new revision does
 * not drain the old one. Example: 10 replicas, maxUnavailable 2, maxSurge 3; new pods crashloop
 * at old 8 / new 5: 13 - 8 - 5 = 0, nothing more is scaled down. Unhealthy old replicas are
 * removed first (they cost no availability), then healthy ones down to minAvailable.
 */
export function reconcileOldReplicaSets(
  c: DeploymentClient,
  allRSs: Array<ReplicaSet | undefined>,
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): boolean {
  const oldPodsCount = getReplicaCountForReplicaSets(oldRSs);
  if (oldPodsCount === 0) return false;
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newRSUnavailablePodCount = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return false;

  let cleaned: [ReplicaSet[], number];
  try {
    cleaned = cleanupUnhealthyReplicas(c, oldRSs, d, maxScaledDown);
  } catch {
    // Upstream gives up this step quietly; the next sync tries again.
    return false;
  }
  const [remainingOld, cleanupCount] = cleaned;
  let scaledDownCount: number;
  try {
    scaledDownCount = scaleDownOldReplicaSetsForRollingUpdate(c, [...remainingOld, newRS], remainingOld, d);
  } catch {
    return false;
  }
  return cleanupCount + scaledDownCount > 0;
}

/**
 * cleanupUnhealthyReplicas: oldest first, scale each old ReplicaSet down by its unavailable
 * replicas, within `maxCleanupCount`. The ReplicaSet controller deletes not-ready pods first,
 * so this removes exactly the unhealthy ones.
 */
export function cleanupUnhealthyReplicas(
  c: DeploymentClient,
  oldRSs: ReplicaSet[],
  d: Deployment,
  maxCleanupCount: number,
): [ReplicaSet[], number] {
  oldRSs.sort(compareByCreationTimestamp);
  let totalScaledDown = 0;
  for (let i = 0; i < oldRSs.length; i++) {
    if (totalScaledDown >= maxCleanupCount) break;
    const target = oldRSs[i]!;
    const replicas = replicasOf(target);
    if (replicas === 0) continue;
    const available = target.status?.availableReplicas ?? 0;
    if (replicas === available) continue;
    const scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, replicas - available);
    const newReplicasCount = replicas - scaledDownCount;
    if (newReplicasCount > replicas) {
      throw new Error(
        `when cleaning up unhealthy replicas, got invalid request to scale down ${target.metadata.namespace}/${target.metadata.name} ${replicas} -> ${newReplicasCount}`,
      );
    }
    const [, updated] = scaleReplicaSetAndRecordEvent(c, target, newReplicasCount, d);
    totalScaledDown += scaledDownCount;
    oldRSs[i] = updated;
  }
  return [oldRSs, totalScaledDown];
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: with more available pods (old and new) than
 * minAvailable, scale old ReplicaSets down, oldest first, by the excess.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(
  c: DeploymentClient,
  allRSs: Array<ReplicaSet | undefined>,
  oldRSs: ReplicaSet[],
  d: Deployment,
): number {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return 0;
  oldRSs.sort(compareByCreationTimestamp);
  let totalScaledDown = 0;
  const totalScaleDownCount = availablePodCount - minAvailable;
  for (const target of oldRSs) {
    if (totalScaledDown >= totalScaleDownCount) break;
    const replicas = replicasOf(target);
    if (replicas === 0) continue;
    const scaleDownCount = Math.min(replicas, totalScaleDownCount - totalScaledDown);
    const newReplicasCount = replicas - scaleDownCount;
    if (newReplicasCount > replicas) {
      throw new Error(
        `when scaling down old RS, got invalid request to scale down ${target.metadata.namespace}/${target.metadata.name} ${replicas} -> ${newReplicasCount}`,
      );
    }
    scaleReplicaSetAndRecordEvent(c, target, newReplicasCount, d);
    totalScaledDown += scaleDownCount;
  }
  return totalScaledDown;
}
