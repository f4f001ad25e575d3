/**
 * syncReplicaSet (replica_set.go): claim the active pods, create or delete to reach
 * spec.replicas (unless the ReplicaSet is being deleted), and write the status.
 *
 * Simplification: upstream waits for the informer to observe its own creates and deletes
 * ("expectations") before acting again; the store here is read synchronously, so every sync
 * already sees the previous one's actions.
 */
import { selectorFromLabelSelector } from '../../api/labels.js';
import type { Pod, ReplicaSet } from '../../api/types.js';
import { claimPods } from './claim.js';
import type { ReplicaSetEnv } from './env.js';
import { manageReplicas } from './manage.js';
import { isPodActive } from './pod-util.js';
import { calculateStatus, statusUnchanged } from './status.js';

export interface SyncResult {
  /** Look again after this many ms (the minReadySeconds availability recheck). */
  requeueAfterMs?: number;
  /** A create or delete failed: retried with backoff. */
  error?: Error;
}

export function syncReplicaSet(env: ReplicaSetEnv, namespace: string, name: string): SyncResult {
  const rs = env.ctx.store.get('ReplicaSet', namespace, name);
  if (!rs) return {};
  const selector = selectorFromLabelSelector(rs.spec?.selector);

  // Upstream lists every pod of the namespace; only pods this ReplicaSet controls and orphans
  // can ever be claimed, and the index holds exactly those.
  const candidates: Pod[] = [];
  for (const pod of env.index.controlledBy(rs.metadata.uid!)) if (isPodActive(pod)) candidates.push(pod);
  for (const pod of env.index.orphansIn(namespace)) if (isPodActive(pod)) candidates.push(pod);
  const filteredPods = claimPods(env, rs, selector, candidates);

  let manageReplicasErr: Error | undefined;
  if (!rs.metadata.deletionTimestamp) manageReplicasErr = manageReplicas(env, filteredPods, rs);

  const now = env.ctx.clock.now;
  const newStatus = calculateStatus(rs, filteredPods, manageReplicasErr, now);
  const updated = updateReplicaSetStatus(env, rs, newStatus);

  // A last line of defence for availability: look again once minReadySeconds have passed.
  const minReadySeconds = updated.spec?.minReadySeconds ?? 0;
  const replicas = updated.spec?.replicas ?? 1;
  const result: SyncResult = {};
  if (
    !manageReplicasErr &&
    minReadySeconds > 0 &&
    (updated.status?.readyReplicas ?? 0) === replicas &&
    (updated.status?.availableReplicas ?? 0) !== replicas
  ) {
    result.requeueAfterMs = minReadySeconds * 1000;
  }
  if (manageReplicasErr) result.error = manageReplicasErr;
  return result;
}

/** updateReplicaSetStatus: writes only a changed status, with the generation it acted on. */
function updateReplicaSetStatus(
  env: ReplicaSetEnv,
  rs: ReplicaSet,
  newStatus: ReplicaSet['status'],
): ReplicaSet {
  const status = { ...newStatus! };
  if (statusUnchanged(rs, status)) return rs;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  else delete status.observedGeneration;
  return env.ctx.store.updateStatus({
    ...rs,
    metadata: { ...rs.metadata, resourceVersion: undefined },
    status,
  });
}
