/**
 * PodControllerRefManager.ClaimPods (controller_ref_manager.go): a ReplicaSet keeps the pods it
 * controls that its selector still matches, releases those that stopped matching, and adopts
 * matching orphans. Pods controlled by another owner are left alone.
 */
import type { Selector } from '../../api/labels.js';
import type { Pod, ReplicaSet } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { StatusError } from '../../core/errors.js';
import type { ReplicaSetEnv } from './env.js';

export function claimPods(
  env: ReplicaSetEnv,
  rs: ReplicaSet,
  selector: Selector,
  pods: Iterable<Pod>,
): Pod[] {
  const deleting = Boolean(rs.metadata.deletionTimestamp);
  const claimed: Pod[] = [];
  for (const pod of pods) {
    const match = selector.matches(pod.metadata.labels);
    const ref = pod.metadata.ownerReferences?.find((o) => o.controller === true);
    if (ref) {
      if (ref.uid !== rs.metadata.uid) continue;
      if (match) {
        claimed.push(pod);
        continue;
      }
      if (deleting) continue;
      ignoreNotFound(() => release(env, rs, pod));
      continue;
    }
    if (deleting || !match || pod.metadata.deletionTimestamp) continue;
    if (pod.metadata.namespace !== rs.metadata.namespace) continue;
    const adopted = ignoreNotFound(() => adopt(env, rs, pod));
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

/** The controllerRef a ReplicaSet sets on its pods (metav1.NewControllerRef). */
export function replicaSetControllerRef(rs: ReplicaSet) {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name: rs.metadata.name,
    uid: rs.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function adopt(env: ReplicaSetEnv, rs: ReplicaSet, pod: Pod): Pod {
  const draft = clone(pod);
  draft.metadata.ownerReferences = [...(draft.metadata.ownerReferences ?? []), replicaSetControllerRef(rs)];
  return env.ctx.store.update(draft);
}

function release(env: ReplicaSetEnv, rs: ReplicaSet, pod: Pod): Pod {
  const draft = clone(pod);
  const refs = (draft.metadata.ownerReferences ?? []).filter((o) => o.uid !== rs.metadata.uid);
  if (refs.length > 0) draft.metadata.ownerReferences = refs;
  else delete draft.metadata.ownerReferences;
  return env.ctx.store.update(draft);
}

function ignoreNotFound<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (err instanceof StatusError && err.reason === 'NotFound') return undefined;
    throw err;
  }
}
