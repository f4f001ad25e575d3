import type { FilterStatus } from './filters.js';

/**
 * framework.FitError.Error (v1.30+): `0/N nodes are available: ` followed by `<count>
 * <reason>` entries sorted as strings and joined with `, `, a full stop, then the PostFilter
 * (preemption) message, also through SeparatorFormat (` %v.`): that message is itself a FitError
 * ending in a full stop, so the real string ends in two (`… for incoming pod..`).
 */
export function fitErrorMessage(
  numAllNodes: number,
  statuses: Iterable<FilterStatus>,
  postFilterMsg = '',
): string {
  const counts = new Map<string, number>();
  for (const status of statuses) {
    for (const reason of status.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  let msg = `0/${numAllNodes} nodes are available:`;
  const histogram = [...counts].map(([reason, n]) => `${n} ${reason}`).sort(goStringLess);
  if (histogram.length > 0) msg += ` ${histogram.join(', ')}.`;
  if (postFilterMsg) msg += ` ${postFilterMsg}.`;
  return msg;
}

/** sort.Strings: byte-wise order. */
function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * DefaultPreemption's PostFilter message when no node holds a pod of lower priority (the only
 * case without PriorityClasses; preemption.ts handles the others): nodes rejected as
 * unresolvable are "Preemption is not helpful for scheduling"; the others have no victim.
 */
export function preemptionMessage(
  preemptionPolicy: string | undefined,
  numAllNodes: number,
  statuses: Iterable<FilterStatus>,
): string {
  if (preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const verdicts: FilterStatus[] = [];
  for (const s of statuses) {
    verdicts.push(
      s.code === 'UnschedulableAndUnresolvable'
        ? { code: s.code, reasons: ['Preemption is not helpful for scheduling'] }
        : { code: 'UnschedulableAndUnresolvable', reasons: ['No preemption victims found for incoming pod'] },
    );
  }
  return `preemption: ${fitErrorMessage(numAllNodes, verdicts)}`;
}
