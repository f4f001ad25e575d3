/**
 * manageReplicas (replica_set.go) and the pod half of RealPodControl (controller_utils.go):
 * create missing pods from the template in slow-start batches, or delete the surplus in deletion
 * order; at most BurstReplicas either way per sync.
 */
import { selectorFromLabelSelector } from '../../api/labels.js';
import type { Pod, ReplicaSet } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { StatusError } from '../../core/errors.js';
import { newControllerRef } from '../controller-ref-manager.js';
import { controllerKind } from './claim.js';
import type { ReplicaSetEnv } from './env.js';
import { getPodsToDelete } from './ranking.js';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './slow-start.js';

/** Returns the first error of the sync's creates or deletes, if any (it becomes ReplicaFailure). */
export function manageReplicas(env: ReplicaSetEnv, filteredPods: Pod[], rs: ReplicaSet): Error | undefined {
  let diff = filteredPods.length - (rs.spec?.replicas ?? 1);
  if (diff < 0) {
    diff = Math.min(-diff, env.burstReplicas);
    const [, err] = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => createPod(env, rs));
    return err;
  }
  if (diff > 0) {
    diff = Math.min(diff, env.burstReplicas);
    const related = indirectlyRelatedPods(env, rs);
    const podsToDelete = getPodsToDelete(filteredPods, related, diff, env.ctx.clock.now);
    let first: Error | undefined;
    for (const pod of podsToDelete) {
      const err = deletePod(env, rs, pod);
      first ??= err;
    }
    return first;
  }
  return undefined;
}

/** The generateName of a ReplicaSet's pods: `<rs>-` (the store adds five random characters). */
export function podPrefix(rs: ReplicaSet): string {
  return `${rs.metadata.name}-`;
}

/** GetPodFromTemplate: labels, annotations, finalizers and spec from the template; the controllerRef. */
export function podFromTemplate(rs: ReplicaSet): Pod {
  const template = rs.spec?.template ?? {};
  const metadata: Pod['metadata'] = {
    name: '',
    generateName: podPrefix(rs),
    namespace: rs.metadata.namespace,
    ownerReferences: [newControllerRef(rs, controllerKind)],
  };
  const labels = template.metadata?.labels ?? {};
  const annotations = template.metadata?.annotations ?? {};
  if (Object.keys(labels).length > 0) metadata.labels = { ...labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = { ...annotations };
  if ((template.metadata?.finalizers ?? []).length > 0)
    metadata.finalizers = [...template.metadata!.finalizers!];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(template.spec ?? { containers: [] }) };
}

/** RealPodControl.CreatePods: records SuccessfulCreate, or FailedCreate unless the namespace is going away. */
function createPod(env: ReplicaSetEnv, rs: ReplicaSet): Error | undefined {
  const pod = podFromTemplate(rs);
  if (!pod.metadata.labels) return new Error('unable to create pods, no labels');
  try {
    const created = env.ctx.store.create(pod);
    record(env, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    return undefined;
  } catch (err) {
    // Every create fails in a terminating namespace; that is not the ReplicaSet's failure.
    if (isNamespaceTerminating(err)) return undefined;
    record(env, rs, 'Warning', 'FailedCreate', `Error creating: ${(err as Error).message}`);
    return err as Error;
  }
}

/** RealPodControl.DeletePod: a pod already gone is not an error. */
function deletePod(env: ReplicaSetEnv, rs: ReplicaSet, pod: Pod): Error | undefined {
  const name = pod.metadata.name;
  try {
    env.ctx.store.delete('Pod', pod.metadata.namespace, name);
  } catch (err) {
    if (err instanceof StatusError && err.reason === 'NotFound') return undefined;
    record(env, rs, 'Warning', 'FailedDelete', `Error deleting: ${(err as Error).message}`);
    return new Error(`unable to delete pods: ${(err as Error).message}`);
  }
  record(env, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
  return undefined;
}

function record(
  env: ReplicaSetEnv,
  rs: ReplicaSet,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  env.ctx.events.record(rs, type, reason, message, { component: env.component });
}

function isNamespaceTerminating(err: unknown): boolean {
  return err instanceof StatusError && err.reason === 'Forbidden' && /is being terminated/.test(err.message);
}

/**
 * getIndirectlyRelatedPods: the pods of every ReplicaSet with the same owner (all revisions of a
 * Deployment), for the same-node rank. Read from the index: each related ReplicaSet's own pods
 * plus the orphans its selector matches (upstream lists by selector; pods of another owner
 * carrying the same labels, which the pod-template-hash label rules out, are not counted).
 */
function indirectlyRelatedPods(env: ReplicaSetEnv, rs: ReplicaSet): Pod[] {
  const ref = rs.metadata.ownerReferences?.find((o) => o.controller === true);
  if (!ref) return [];
  // A pod has one controller, so only orphans can be matched by two ReplicaSets' selectors:
  // only they need the check for repeats (10,000 pods each went through a set otherwise).
  const seenOrphans = new Set<string>();
  const related: Pod[] = [];
  for (const other of env.ctx.store.list('ReplicaSet', rs.metadata.namespace)) {
    if (other.metadata.ownerReferences?.find((o) => o.controller === true)?.uid !== ref.uid) continue;
    const selector = selectorFromLabelSelector(other.spec?.selector);
    for (const pod of env.index.controlledBy(other.metadata.uid!)) {
      if (selector.matches(pod.metadata.labels)) related.push(pod);
    }
    for (const pod of env.index.orphansIn(rs.metadata.namespace!)) {
      if (!selector.matches(pod.metadata.labels) || seenOrphans.has(pod.metadata.uid!)) continue;
      seenOrphans.add(pod.metadata.uid!);
      related.push(pod);
    }
  }
  return related;
}
