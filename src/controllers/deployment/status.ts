/**
 * calculateStatus (sync.go): the Deployment's status from its ReplicaSets, and the normal form
 * that status takes once stored (Go's `omitempty`: zero counts and empty lists are left out).
 */
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/types.js';
import {
  DeploymentAvailable,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  MinimumReplicasAvailable,
  MinimumReplicasUnavailable,
  maxUnavailable,
  newDeploymentCondition,
  replicasOf,
  setDeploymentCondition,
} from './util.js';

/** DeploymentStatus as the API server stores it: every count `omitempty`, collisionCount a pointer. */
export function normalizeDeploymentStatus(status: DeploymentStatus | undefined): DeploymentStatus {
  const s = status ?? {};
  const out: DeploymentStatus = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.replicas) out.replicas = s.replicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.unavailableReplicas) out.unavailableReplicas = s.unavailableReplicas;
  if (s.conditions && s.conditions.length > 0) out.conditions = s.conditions.map((c) => ({ ...c }));
  if (s.collisionCount !== undefined && s.collisionCount !== null) out.collisionCount = s.collisionCount;
  return out;
}

/**
 * calculateStatus: counts over all ReplicaSets (old and new); `updatedReplicas` is the new
 * ReplicaSet's; `unavailableReplicas` compares spec sizes with available pods (never below 0);
 * the Available condition is always recomputed: minimum availability is spec - maxUnavailable.
 */
export function calculateStatus(
  allRSs: ReadonlyArray<ReplicaSet | undefined>,
  newRS: ReplicaSet | undefined,
  d: Deployment,
  nowMs: number,
): DeploymentStatus {
  const availableReplicas = getAvailableReplicaCountForReplicaSets(allRSs);
  const totalReplicas = getReplicaCountForReplicaSets(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas,
    unavailableReplicas: Math.max(0, totalReplicas - availableReplicas),
    collisionCount: d.status?.collisionCount,
    conditions: (d.status?.conditions ?? []).map((c) => ({ ...c })),
  };
  if (availableReplicas >= replicasOf(d) - maxUnavailable(d)) {
    setDeploymentCondition(
      status,
      newDeploymentCondition(
        DeploymentAvailable,
        'True',
        MinimumReplicasAvailable,
        'Deployment has minimum availability.',
        nowMs,
      ),
    );
  } else {
    setDeploymentCondition(
      status,
      newDeploymentCondition(
        DeploymentAvailable,
        'False',
        MinimumReplicasUnavailable,
        'Deployment does not have minimum availability.',
        nowMs,
      ),
    );
  }
  return normalizeDeploymentStatus(status);
}
