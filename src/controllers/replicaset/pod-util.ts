/**
 * Pod predicates the ReplicaSet controller needs (pkg/api/v1/pod/util.go and
 * controller_utils.go): activity, readiness, availability after minReadySeconds, deletion cost.
 */
import type { Pod, PodCondition } from '../../api/types.js';
import { simTimeOf } from '../../store/time.js';

/** The annotation of the PodDeletionCost feature (on by default). */
export const PodDeletionCost = 'controller.kubernetes.io/pod-deletion-cost';

/** IsPodActive: not Succeeded, not Failed, not being deleted. Terminating pods do not count. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function getPodReadyCondition(pod: Pod): PodCondition | undefined {
  // A loop, not find(): every sync of a ReplicaSet asks this of each of its pods, several times.
  const conditions = pod.status?.conditions;
  if (!conditions) return undefined;
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === 'Ready') return conditions[i];
  return undefined;
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return getPodReadyCondition(pod)?.status === 'True';
}

/**
 * IsPodAvailable: ready, and either minReadySeconds is 0 or the Ready condition turned true more
 * than minReadySeconds ago (strictly). A Ready condition without a transition time never is.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = simTimeOf(getPodReadyCondition(pod)?.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/** podReadyTime: when a ready pod became ready, in simulated ms; undefined is Go's zero time. */
export function podReadyTime(pod: Pod): number | undefined {
  if (!isPodReady(pod)) return undefined;
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return simTimeOf(c?.lastTransitionTime);
}

export function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

/**
 * GetDeletionCostFromPodAnnotations: an int32; anything else (a leading '+' or zero, a number out
 * of range, text) counts as 0.
 */
export function getDeletionCost(annotations: Readonly<Record<string, string>> | undefined): number {
  const value = annotations?.[PodDeletionCost];
  if (value === undefined) return 0;
  const validFirst = value.startsWith('-') || value === '0' || /^[1-9]/.test(value);
  if (!validFirst || !/^-?\d+$/.test(value)) return 0;
  const n = Number(value);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}
