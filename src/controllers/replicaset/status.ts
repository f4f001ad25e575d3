/**
 * replica_set_utils.go: the ReplicaSet's status from its active pods, and its ReplicaFailure
 * condition.
 */
import { selectorFromMap } from '../../api/labels.js';
import type { Pod, ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import { timestampOf } from '../../store/time.js';
import { isPodAvailable, isPodReady } from './pod-util.js';

export const ReplicaSetReplicaFailure = 'ReplicaFailure';

/** ReplicaSetStatus as stored: `replicas` always, the other counts `omitempty`. */
export function normalizeReplicaSetStatus(status: ReplicaSetStatus | undefined): ReplicaSetStatus {
  const s = status ?? { replicas: 0 };
  const out: ReplicaSetStatus = { replicas: s.replicas ?? 0 };
  if (s.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.conditions && s.conditions.length > 0) out.conditions = s.conditions.map((c) => ({ ...c }));
  return out;
}

export function newReplicaSetCondition(
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
  nowMs: number,
): ReplicaSetCondition {
  return { type, status, lastTransitionTime: timestampOf(nowMs), reason, message };
}

export function getCondition(
  status: ReplicaSetStatus | undefined,
  type: string,
): ReplicaSetCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** SetCondition: same status and reason → unchanged; otherwise replaced, at the end. */
export function setCondition(status: ReplicaSetStatus, condition: ReplicaSetCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}

export function removeCondition(status: ReplicaSetStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  if (rest.length > 0) status.conditions = rest;
  else delete status.conditions;
}

/**
 * calculateStatus: replicas = active pods; fullyLabeled = those carrying every template label;
 * ready; available (ready for minReadySeconds). A manageReplicas error adds ReplicaFailure
 * (FailedCreate when short of pods, FailedDelete when over); a clean sync removes it.
 */
export function calculateStatus(
  rs: ReplicaSet,
  filteredPods: readonly Pod[],
  manageReplicasErr: Error | undefined,
  nowMs: number,
): ReplicaSetStatus {
  const newStatus: ReplicaSetStatus = normalizeReplicaSetStatus(rs.status);
  const templateLabels = selectorFromMap(rs.spec?.template?.metadata?.labels);
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of filteredPods) {
    if (templateLabels.matches(pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      // A ready pod is available at once without minReadySeconds (isPodAvailable's first case).
      if (minReadySeconds === 0 || isPodAvailable(pod, minReadySeconds, nowMs)) available++;
    }
  }

  const failureCond = getCondition(rs.status, ReplicaSetReplicaFailure);
  if (manageReplicasErr && !failureCond) {
    const diff = filteredPods.length - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    setCondition(
      newStatus,
      newReplicaSetCondition(ReplicaSetReplicaFailure, 'True', reason, manageReplicasErr.message, nowMs),
    );
  } else if (!manageReplicasErr && failureCond) {
    removeCondition(newStatus, ReplicaSetReplicaFailure);
  }

  newStatus.replicas = filteredPods.length;
  newStatus.fullyLabeledReplicas = fullyLabeled;
  newStatus.readyReplicas = ready;
  newStatus.availableReplicas = available;
  return normalizeReplicaSetStatus(newStatus);
}

/** The steady state of updateReplicaSetStatus: nothing to write. */
export function statusUnchanged(rs: ReplicaSet, newStatus: ReplicaSetStatus): boolean {
  const s = rs.status;
  const eq = (a: number | undefined, b: number | undefined) => (a ?? 0) === (b ?? 0);
  return (
    eq(s?.replicas, newStatus.replicas) &&
    eq(s?.fullyLabeledReplicas, newStatus.fullyLabeledReplicas) &&
    eq(s?.readyReplicas, newStatus.readyReplicas) &&
    eq(s?.availableReplicas, newStatus.availableReplicas) &&
    eq(rs.metadata.generation, s?.observedGeneration) &&
    deepEqual(s?.conditions ?? [], newStatus.conditions ?? [])
  );
}
