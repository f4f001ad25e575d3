/**
 * progress.go: the Progressing condition during a rollout, the ReplicaFailure condition, and
 * the requeue that makes a stuck rollout time out at its progress deadline.
 */
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import type { DeploymentClient } from './client.js';
import { calculateStatus, normalizeDeploymentStatus } from './status.js';
import {
  conditionUpdateTime,
  DeploymentProgressing,
  DeploymentReplicaFailure,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getDeploymentCondition,
  hasProgressDeadline,
  NewRSAvailableReason,
  newDeploymentCondition,
  ReplicaSetUpdatedReason,
  removeDeploymentCondition,
  replicaSetToDeploymentCondition,
  setDeploymentCondition,
  TimedOutReason,
} from './util.js';

/**
 * syncRolloutStatus: status during a rollout. First match wins: complete → NewReplicaSetAvailable;
 * progress since the last status → ReplicaSetUpdated (lastUpdateTime refreshed); past the
 * deadline → ProgressDeadlineExceeded. A rollout that already completed is left alone.
 */
export function syncRolloutStatus(
  c: DeploymentClient,
  allRSs: Array<ReplicaSet | undefined>,
  newRS: ReplicaSet | undefined,
  d: Deployment,
): void {
  const newStatus = calculateStatus(allRSs, newRS, d, c.now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(newStatus, DeploymentProgressing);

  const currentCond = getDeploymentCondition(d.status, DeploymentProgressing);
  const isCompleteDeployment =
    (newStatus.replicas ?? 0) === (newStatus.updatedReplicas ?? 0) &&
    currentCond?.reason === NewRSAvailableReason;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, newStatus)) {
      const msg = newRS
        ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`
        : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setDeploymentCondition(
        newStatus,
        newDeploymentCondition(DeploymentProgressing, 'True', NewRSAvailableReason, msg, c.now),
      );
    } else if (deploymentProgressing(d, newStatus)) {
      const msg = newRS
        ? `ReplicaSet "${newRS.metadata.name}" is progressing.`
        : `Deployment "${d.metadata.name}" is progressing.`;
      const condition = newDeploymentCondition(
        DeploymentProgressing,
        'True',
        ReplicaSetUpdatedReason,
        msg,
        c.now,
      );
      // Unlike SetDeploymentCondition, progress refreshes lastUpdateTime even with the same
      // reason; lastTransitionTime stays if it was already True.
      if (currentCond) {
        if (currentCond.status === 'True') condition.lastTransitionTime = currentCond.lastTransitionTime;
        removeDeploymentCondition(newStatus, DeploymentProgressing);
      }
      setDeploymentCondition(newStatus, condition);
    } else if (deploymentTimedOut(d, newStatus, c.now)) {
      const msg = newRS
        ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`
        : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setDeploymentCondition(
        newStatus,
        newDeploymentCondition(DeploymentProgressing, 'False', TimedOutReason, msg, c.now),
      );
    }
  }

  const failures = getReplicaFailures(allRSs, newRS);
  if (failures.length > 0) setDeploymentCondition(newStatus, failures[0]!);
  else removeDeploymentCondition(newStatus, DeploymentReplicaFailure);

  const normalized = normalizeDeploymentStatus(newStatus);
  if (deepEqual(normalizeDeploymentStatus(d.status), normalized)) {
    requeueStuckDeployment(c, d, normalized);
    return;
  }
  d.status = normalized;
  c.updateDeploymentStatus(d);
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure conditions, else any ReplicaSet's. */
export function getReplicaFailures(
  allRSs: Array<ReplicaSet | undefined>,
  newRS: ReplicaSet | undefined,
): DeploymentCondition[] {
  const fromRS = (rs: ReplicaSet | undefined) =>
    (rs?.status?.conditions ?? [])
      .filter((c) => c.type === DeploymentReplicaFailure)
      .map(replicaSetToDeploymentCondition);
  const fromNew = fromRS(newRS);
  if (fromNew.length > 0) return fromNew;
  return allRSs.flatMap(fromRS);
}

/**
 * requeueStuckDeployment: a rollout with no sign of progress is looked at again when its
 * deadline passes: after `lastUpdateTime + progressDeadlineSeconds - now` plus a second (the
 * upstream margin against clock skew), or at once (rate-limited) when under a second is left.
 * Returns that delay in ms, 0 for "now", or -1 when no requeue is needed (no deadline, no
 * condition, complete, or already timed out).
 */
export function requeueStuckDeployment(
  c: DeploymentClient,
  d: Deployment,
  newStatus: DeploymentStatus,
): number {
  const currentCond = getDeploymentCondition(d.status, DeploymentProgressing);
  if (!hasProgressDeadline(d) || !currentCond) return -1;
  if (deploymentComplete(d, newStatus) || currentCond.reason === TimedOutReason) return -1;
  const from = conditionUpdateTime(currentCond) ?? Number.NEGATIVE_INFINITY;
  const after = from + d.spec!.progressDeadlineSeconds! * 1000 - c.now;
  if (after < 1000) {
    c.enqueueRateLimited(d);
    return 0;
  }
  c.enqueueAfter(d, after + 1000);
  return after;
}
