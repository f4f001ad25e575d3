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
import { getDeletionCost, getPodReadyCondition, isPodActive, maxContainerRestarts } from './pod-util.js';

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseOrdinal(pod: Pod): number {
  return PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
}

/** afterOrZero: t1 is after t2, where a zero (unset) time counts as after any other. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** logarithmicRankDiff's rank of one time: floor(log2(now - t)), the age in nanoseconds. */
function logRank(t: number | undefined, nowMs: number | undefined): number {
  if (t === undefined || nowMs === undefined) return 0;
  const d = (nowMs - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/**
 * What the deletion order looks at in one pod, worked out once per pod: sorting 10,000 pods
 * compares each one some 14 times, and re-reading conditions and parsing timestamps on every
 * comparison was most of a large scale-down's cost.
 */
interface DeletionKey {
  readonly pod: Pod;
  readonly rank: number;
  readonly node: string;
  readonly phase: number;
  readonly ready: boolean;
  readonly cost: number;
  readonly uid: string;
  readonly readyTime: number | undefined;
  readonly readyRank: number;
  readonly restarts: number;
  readonly created: number | undefined;
  readonly createdRank: number;
}

function deletionKey(pod: Pod, rank: number, nowMs: number | undefined): DeletionKey {
  // isPodReady and podReadyTime from one look at the conditions: when the first Ready condition
  // is True it is also the first True one that podReadyTime would find.
  const readyCondition = getPodReadyCondition(pod);
  const ready = readyCondition?.status === 'True';
  const readyTime = ready ? simTimeOf(readyCondition.lastTransitionTime) : undefined;
  const created = simTimeOf(pod.metadata.creationTimestamp);
  return {
    pod,
    rank,
    node: pod.spec?.nodeName ?? '',
    phase: phaseOrdinal(pod),
    ready,
    cost: getDeletionCost(pod.metadata.annotations),
    uid: pod.metadata.uid ?? '',
    readyTime,
    readyRank: logRank(readyTime, nowMs),
    restarts: maxContainerRestarts(pod),
    created,
    createdRank: logRank(created, nowMs),
  };
}

/** compareTimes: by logarithmic age bucket (the lower UID first inside one), or plainly without `now`. */
function compareTimes(
  t1: number | undefined,
  rank1: number,
  t2: number | undefined,
  rank2: number,
  nowMs: number | undefined,
  uid1: string,
  uid2: string,
): boolean {
  if (nowMs === undefined || t1 === undefined || t2 === undefined) return afterOrZero(t1, t2);
  const diff = rank1 - rank2;
  if (diff === 0) return uid1 < uid2;
  return diff < 0;
}

/** ActivePodsWithRanks.Less on worked-out keys. */
function lessByKey(i: DeletionKey, j: DeletionKey, nowMs: number | undefined): boolean {
  if (i.node !== j.node && (i.node === '' || j.node === '')) return i.node === '';
  if (i.phase !== j.phase) return i.phase < j.phase;
  if (i.ready !== j.ready) return !i.ready;
  if (i.cost !== j.cost) return i.cost < j.cost;
  if (i.rank !== j.rank) return i.rank > j.rank;
  if (i.ready && j.ready && i.readyTime !== j.readyTime) {
    return compareTimes(i.readyTime, i.readyRank, j.readyTime, j.readyRank, nowMs, i.uid, j.uid);
  }
  if (i.restarts !== j.restarts) return i.restarts > j.restarts;
  if (i.created !== j.created) {
    return compareTimes(i.created, i.createdRank, j.created, j.createdRank, nowMs, i.uid, j.uid);
  }
  return false;
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
  return lessByKey(deletionKey(pi, ri, nowMs), deletionKey(pj, rj, nowMs), nowMs);
}

/** Sorts pods (with their ranks) into deletion order; equal pods keep their given order. */
export function sortForDeletion(
  pods: readonly Pod[],
  ranks: readonly number[],
  nowMs: number | undefined,
): Pod[] {
  const keys = pods.map((pod, i) => deletionKey(pod, ranks[i] ?? 0, nowMs));
  keys.sort((a, b) => {
    if (lessByKey(a, b, nowMs)) return -1;
    if (lessByKey(b, a, nowMs)) return 1;
    return 0;
  });
  return keys.map((k) => k.pod);
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
