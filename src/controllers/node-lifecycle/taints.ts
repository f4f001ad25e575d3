/**
 * Taint and toleration helpers (pkg/util/taints, v1 Toleration.ToleratesTaint,
 * v1helper.GetMatchingTolerations) and the controller's condition → taint mapping.
 */
import type { Node, NodeCondition, Toleration } from '../../api/types.js';
import {
  TAINT_DISK_PRESSURE,
  TAINT_MEMORY_PRESSURE,
  TAINT_NETWORK_UNAVAILABLE,
  TAINT_NOT_READY,
  TAINT_PID_PRESSURE,
  TAINT_UNREACHABLE,
  TAINT_UNSCHEDULABLE,
} from './constants.js';

export type Taint = NonNullable<NonNullable<Node['spec']>['taints']>[number];

/** Two taints are the same taint when key and effect match (Taint.MatchTaint); value and time do not count. */
export function matchTaint(a: Pick<Taint, 'key' | 'effect'>, b: Pick<Taint, 'key' | 'effect'>): boolean {
  return a.key === b.key && a.effect === b.effect;
}

export function taintExists(
  taints: readonly Taint[] | undefined,
  taint: Pick<Taint, 'key' | 'effect'>,
): boolean {
  return (taints ?? []).some((t) => matchTaint(t, taint));
}

/** v1 Toleration.ToleratesTaint: empty effect or key match all; operator Equal (or empty) compares values. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/**
 * GetMatchingTolerations: whether every taint is tolerated, and for each taint the first
 * toleration that tolerates it.
 */
export function getMatchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): { allTolerated: boolean; used: Toleration[] } {
  if (taints.length === 0) return { allTolerated: true, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((tol) => toleratesTaint(tol, taint));
    if (!t) return { allTolerated: false, used: [] };
    used.push(t);
  }
  return { allTolerated: true, used };
}

export function noExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/** nodeConditionToTaintKeyStatusMap: which condition status gives which taint key. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
};

/** taintKeyToNodeConditionMap's keys: the NoSchedule taints this controller owns. */
const CONDITION_TAINT_KEYS = new Set([
  TAINT_NOT_READY,
  TAINT_UNREACHABLE,
  TAINT_NETWORK_UNAVAILABLE,
  TAINT_MEMORY_PRESSURE,
  TAINT_DISK_PRESSURE,
  TAINT_PID_PRESSURE,
]);

/**
 * doNoScheduleTaintingPass: the NoSchedule taints the node's conditions (and spec.unschedulable)
 * call for, and the diff against the condition taints it has (TaintSetDiff by key and effect).
 * Example: Ready Unknown and MemoryPressure Unknown → add `node.kubernetes.io/unreachable:NoSchedule`.
 */
export function noScheduleTaintDiff(node: Node): { add: Taint[]; remove: Taint[] } {
  const wanted: Taint[] = [];
  for (const c of (node.status?.conditions ?? []) as NodeCondition[]) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) wanted.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) wanted.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  const owned = (node.spec?.taints ?? []).filter(
    (t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)),
  );
  return {
    add: wanted.filter((w) => !owned.some((o) => matchTaint(o, w))),
    remove: owned.filter((o) => !wanted.some((w) => matchTaint(o, w))),
  };
}

/**
 * SwapNodeControllerTaint on a copy of the taints: each added taint gets timeAdded (now) and goes
 * to the end (AddOrUpdateTaint); a taint with the same key and effect is replaced in place only
 * if it differs; removed taints go by key and effect. Returns undefined when nothing changes.
 */
export function swapTaints(
  taints: readonly Taint[] | undefined,
  add: readonly Taint[],
  remove: readonly Pick<Taint, 'key' | 'effect'>[],
  timeAdded: string,
): Taint[] | undefined {
  let changed = false;
  let out = [...(taints ?? [])];
  for (const a of add) {
    const stamped: Taint = { ...a, timeAdded };
    const i = out.findIndex((t) => matchTaint(t, a));
    if (i < 0) {
      out.push(stamped);
      changed = true;
    } else if ((out[i]!.value ?? '') !== (a.value ?? '')) {
      out[i] = stamped;
      changed = true;
    }
  }
  const before = out.length;
  out = out.filter((t) => !remove.some((r) => matchTaint(t, r)));
  if (out.length !== before) changed = true;
  return changed ? out : undefined;
}
