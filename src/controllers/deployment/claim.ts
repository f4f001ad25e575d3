/**
 * ControllerRefManager.ClaimReplicaSets (controller_ref_manager.go): the ReplicaSets a
 * Deployment manages. It adopts orphans its selector matches and releases those it owns that no
 * longer match; ReplicaSets controlled by someone else are ignored.
 */
import { selectorFromLabelSelector } from '../../api/labels.js';
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { StatusError } from '../../core/errors.js';
import type { DeploymentClient } from './client.js';
import { controllerRefOf } from './util.js';

export function claimReplicaSets(
  c: DeploymentClient,
  d: Deployment,
  candidates: readonly ReplicaSet[],
): ReplicaSet[] {
  const selector = selectorFromLabelSelector(d.spec?.selector);
  const deleting = Boolean(d.metadata.deletionTimestamp);
  const claimed: ReplicaSet[] = [];
  for (const rs of candidates) {
    const match = selector.matches(rs.metadata.labels);
    const ref = controllerRefOf(rs);
    if (ref) {
      if (ref.uid !== d.metadata.uid) continue;
      if (match) {
        claimed.push(rs);
        continue;
      }
      // Owned but no longer selected: let go of it, unless we are being deleted.
      if (deleting) continue;
      ignoreNotFound(() => release(c, d, rs));
      continue;
    }
    // An orphan: adopt it if it matches, we are not being deleted and it is not either.
    if (deleting || !match || rs.metadata.deletionTimestamp) continue;
    if (rs.metadata.namespace !== d.metadata.namespace) continue;
    const adopted = ignoreNotFound(() => adopt(c, d, rs));
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

function adopt(c: DeploymentClient, d: Deployment, rs: ReplicaSet): ReplicaSet {
  const draft = clone(rs);
  draft.metadata.ownerReferences = [
    ...(draft.metadata.ownerReferences ?? []),
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: d.metadata.name,
      uid: d.metadata.uid!,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
  return c.updateReplicaSet(draft);
}

function release(c: DeploymentClient, d: Deployment, rs: ReplicaSet): ReplicaSet {
  const draft = clone(rs);
  const refs = (draft.metadata.ownerReferences ?? []).filter((o) => o.uid !== d.metadata.uid);
  if (refs.length > 0) draft.metadata.ownerReferences = refs;
  else delete draft.metadata.ownerReferences;
  return c.updateReplicaSet(draft);
}

function ignoreNotFound<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (err instanceof StatusError && err.reason === 'NotFound') return undefined;
    throw err;
  }
}
