/**
 * Which pods a shrinking ReplicaSet deletes first: ActivePodsWithRanks (controller_utils.go) and
 * getPodsToDelete (replica_set.go). "Less" means "deleted first"; the first rule that differs
 * decides:
 *  1. not on a node < on a node;  2. Pending < Unknown < Running;  3. not ready < ready;
 *  4. lower pod-deletion-cost < higher;  5. higher rank (more pods of the same owner on its
 *  node) < lower;  6. both ready: ready more recently < longer;  7. more restarts < fewer;
 *  8. created more recently < older.
 * With LogarithmicScaleDown (default on), 6 and 8 compare floor(log2(age in ns)) buckets and,
 * inside one bucket, the lower UID goes first: a pseudo-random choice among equals.
 */
import type { Pod } from '../../api/types.js';
import { simTimeOf } from '../../store/time.js';
import { getDeletionCost, isPodActive, isPodReady, maxContainerRestarts, podReadyTime } from './pod-util.js';

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseOrdinal(pod: Pod): number {
  return PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
}

/** afterOrZero: t1 is after t2, where a zero (unset) time counts as after any other. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** logarithmicRankDiff: compares floor(log2(now - t)) of two times, ages in nanoseconds. */
function logarithmicRankDiff(t1: number, t2: number, nowMs: number): number {
  const rank = (t: number) => {
    const d = (nowMs - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

function compareTimes(
  t1: number | undefined,
  t2: number | undefined,
  nowMs: number | undefined,
  uid1: string,
  uid2: string,
): boolean {
  if (nowMs === undefined || t1 === undefined || t2 === undefined) return afterOrZero(t1, t2);
  const diff = logarithmicRankDiff(t1, t2, nowMs);
  if (diff === 0) return uid1 < uid2;
  return diff < 0;
}

/**
 * ActivePodsWithRanks.Less: should pod i (with rank ri) be deleted before pod j? `nowMs`
 * undefined compares times without the logarithmic scale, as a zero `Now` does upstream.
 */
export function lessForDeletion(
  pi: Pod,
  ri: number,
  pj: Pod,
  rj: number,
  nowMs: number | undefined,
): boolean {
  const ni = pi.spec?.nodeName ?? '';
  const nj = pj.spec?.nodeName ?? '';
  if (ni !== nj && (ni === '' || nj === '')) return ni === '';
  const oi = phaseOrdinal(pi);
  const oj = phaseOrdinal(pj);
  if (oi !== oj) return oi < oj;
  const readyI = isPodReady(pi);
  const readyJ = isPodReady(pj);
  if (readyI !== readyJ) return !readyI;
  const ci = getDeletionCost(pi.metadata.annotations);
  const cj = getDeletionCost(pj.metadata.annotations);
  if (ci !== cj) return ci < cj;
  if (ri !== rj) return ri > rj;
  const uidI = pi.metadata.uid ?? '';
  const uidJ = pj.metadata.uid ?? '';
  if (readyI && readyJ) {
    const t1 = podReadyTime(pi);
    const t2 = podReadyTime(pj);
    if (t1 !== t2) return compareTimes(t1, t2, nowMs, uidI, uidJ);
  }
  const restartsI = maxContainerRestarts(pi);
  const restartsJ = maxContainerRestarts(pj);
  if (restartsI !== restartsJ) return restartsI > restartsJ;
  const c1 = simTimeOf(pi.metadata.creationTimestamp);
  const c2 = simTimeOf(pj.metadata.creationTimestamp);
  if (c1 !== c2) return compareTimes(c1, c2, nowMs, uidI, uidJ);
  return false;
}

/** Sorts pods (with their ranks) into deletion order; equal pods keep their given order. */
export function sortForDeletion(
  pods: readonly Pod[],
  ranks: readonly number[],
  nowMs: number | undefined,
): Pod[] {
  const items = pods.map((pod, i) => ({ pod, rank: ranks[i] ?? 0 }));
  items.sort((a, b) => {
    if (lessForDeletion(a.pod, a.rank, b.pod, b.rank, nowMs)) return -1;
    if (lessForDeletion(b.pod, b.rank, a.pod, a.rank, nowMs)) return 1;
    return 0;
  });
  return items.map((x) => x.pod);
}

/**
 * getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active related pods
 * (the pods of every ReplicaSet with the same owner) on its node; doubled-up pods go first.
 */
export function rankByRelatedPodsOnSameNode(
  podsToRank: readonly Pod[],
  relatedPods: readonly Pod[],
): number[] {
  const podsOnNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec?.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  return podsToRank.map((pod) => podsOnNode.get(pod.spec?.nodeName ?? '') ?? 0);
}

/** getPodsToDelete: the first `diff` pods in deletion order (no sorting when all of them go). */
export function getPodsToDelete(
  filteredPods: readonly Pod[],
  relatedPods: readonly Pod[],
  diff: number,
  nowMs: number | undefined,
): Pod[] {
  if (diff < filteredPods.length) {
    const ranks = rankByRelatedPodsOnSameNode(filteredPods, relatedPods);
    return sortForDeletion(filteredPods, ranks, nowMs).slice(0, diff);
  }
  return filteredPods.slice(0, diff);
}
