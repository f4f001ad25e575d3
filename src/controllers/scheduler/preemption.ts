import type { ContainerPort, Pod } from '../../api/types.js';
import { simTimeOf } from '../../store/time.js';
import { type FilterStatus, filterNode } from './filters.js';
import { fitErrorMessage } from './fit-error.js';
import type { AccountedPod, NodeInfo } from './node-info.js';
import type { Resource } from './resources.js';

/**
 * DefaultPreemption's PostFilter (pkg/scheduler/framework/plugins/defaultpreemption and
 * framework/preemption): when no node passes the filters, look for nodes where evicting pods of
 * lower priority would make room.
 *
 * kubesim has no PriorityClass objects, so every pod gets priority 0 from the Priority admission
 * plugin and no node ever holds a victim: the message is "No preemption victims found for incoming
 * pod" for a node a filter turned away as Unschedulable (too little cpu, a host port taken) and
 * "Preemption is not helpful for scheduling" for one turned away as UnschedulableAndUnresolvable
 * (taints, selectors, cordons, a request above allocatable). Pods that state spec.priority
 * themselves do get the whole algorithm: the dry run (all lower-priority pods removed, then
 * reprieved from the most important down while the pod still fits), the choice of node, the
 * eviction and the nomination. Simplified: no PodDisruptionBudgets (none exist), every node is
 * a candidate (upstream samples at least 100 or 10% from a random offset), and nominated pods do
 * not hold room on their node for the pods scheduled after them.
 */

export interface PreemptionInput {
  readonly pod: Pod;
  readonly request: Resource;
  readonly wantPorts: readonly ContainerPort[];
  /** Every node, in the scheduler's order, and each one's filter verdict (none passed). */
  readonly nodes: readonly NodeInfo[];
  readonly statuses: readonly FilterStatus[];
  /** The stored pod behind an accounted one (for start times and terminating victims). */
  readonly podOf: (key: string) => Pod | undefined;
}

export interface PreemptionResult {
  /** The PostFilter message for the FitError: empty when a node was nominated. */
  readonly message: string;
  /** The node to nominate and the pods to evict there. */
  readonly candidate?: { readonly node: NodeInfo; readonly victims: readonly AccountedPod[] };
}

const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** corev1helpers.PodPriority. */
export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

export function preempt(input: PreemptionInput): PreemptionResult {
  const { nodes, statuses } = input;
  const ineligible = notEligible(input);
  if (ineligible) return { message: `preemption: ${ineligible}` };
  const verdicts: FilterStatus[] = [];
  const candidates: Array<{ node: NodeInfo; victims: AccountedPod[] }> = [];
  for (let i = 0; i < nodes.length; i++) {
    if (statuses[i]!.code !== 'Unschedulable') {
      verdicts.push(unresolvable(NOT_HELPFUL));
      continue;
    }
    const result = selectVictimsOnNode(input, nodes[i]!);
    if (Array.isArray(result)) candidates.push({ node: nodes[i]!, victims: result });
    else verdicts.push(result);
  }
  if (candidates.length === 0) return { message: `preemption: ${fitErrorMessage(nodes.length, verdicts)}` };
  return { message: '', candidate: pickOneNodeForPreemption(candidates, input.podOf) };
}

function unresolvable(reason: string): FilterStatus {
  return { code: 'UnschedulableAndUnresolvable', reasons: [reason] };
}

/**
 * PodEligibleToPreemptOthers: not with preemptionPolicy Never; not while a pod it already
 * preempted on its nominated node is still terminating (unless that node is now out of reach).
 */
function notEligible(input: PreemptionInput): string | undefined {
  const { pod, nodes, statuses } = input;
  if (pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nominated = pod.status?.nominatedNodeName;
  if (!nominated) return undefined;
  const i = nodes.findIndex((n) => n.name === nominated);
  if (i < 0 || statuses[i]?.code === 'UnschedulableAndUnresolvable') return undefined;
  const priority = podPriority(pod);
  for (const p of nodes[i]!.pods) {
    if (p.priority < priority && terminatingByPreemption(input.podOf(p.key))) {
      return 'not eligible due to a terminating pod on the nominated node.';
    }
  }
  return undefined;
}

/** podTerminatingByPreemption: deleted, with DisruptionTarget=True/PreemptionByScheduler. */
function terminatingByPreemption(pod: Pod | undefined): boolean {
  if (!pod?.metadata.deletionTimestamp) return false;
  const c = pod.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
  return c?.status === 'True' && c.reason === 'PreemptionByScheduler';
}

/**
 * SelectVictimsOnNode: remove every pod of lower priority; if the pod still does not fit, the
 * node's verdict is what the filters say then. Otherwise add them back one by one, the most
 * important first (MoreImportantPod), keeping each that leaves room; the others are the victims.
 * The node's accounting is restored before returning.
 */
export function selectVictimsOnNode(input: PreemptionInput, node: NodeInfo): AccountedPod[] | FilterStatus {
  const priority = podPriority(input.pod);
  if (!node.hasPodBelow(priority)) return unresolvable(NO_VICTIMS);
  const potential = [...node.pods].filter((p) => p.priority < priority);
  for (const p of potential) node.removePod(p);
  const fits = () => filterNode(input.pod, input.request, node, input.wantPorts);
  const victims: AccountedPod[] = [];
  try {
    const status = fits();
    if (status) return status;
    potential.sort((a, b) => moreImportantFirst(a, b, input.podOf));
    for (const p of potential) {
      node.addPod(p);
      if (fits()) {
        node.removePod(p);
        victims.push(p);
      }
    }
    return victims;
  } finally {
    for (const p of potential) if (!node.pods.has(p)) node.addPod(p);
  }
}

/** util.MoreImportantPod: higher priority first, then the one that started earlier. */
function moreImportantFirst(
  a: AccountedPod,
  b: AccountedPod,
  podOf: (key: string) => Pod | undefined,
): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const sa = startTime(a, podOf);
  const sb = startTime(b, podOf);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** MaxInt32 + 1: keeps every victim's contribution to the priority sum positive. */
const PRIORITY_OFFSET = 2 ** 31;

/**
 * pickOneNodeForPreemption: the fewest PDB violations (always none here), then the lowest
 * highest victim priority, the lowest sum of (priority + MaxInt32 + 1), the fewest victims, the
 * latest start among each node's highest-priority victims, then the first node.
 */
export function pickOneNodeForPreemption<C extends { victims: readonly AccountedPod[] }>(
  candidates: readonly C[],
  podOf: (key: string) => Pod | undefined,
): C {
  const scores: Array<(c: C) => number> = [
    (c) => -Math.max(...c.victims.map((v) => v.priority)),
    (c) => -c.victims.reduce((sum, v) => sum + v.priority + PRIORITY_OFFSET, 0),
    (c) => -c.victims.length,
    (c) => earliestStartOfHighest(c.victims, podOf),
  ];
  let best = [...candidates];
  for (const score of scores) {
    if (best.length === 1) break;
    const values = best.map(score);
    const top = Math.max(...values);
    best = best.filter((_, i) => values[i] === top);
  }
  return best[0]!;
}

/** GetEarliestPodStartTime of the highest-priority victims. */
function earliestStartOfHighest(
  victims: readonly AccountedPod[],
  podOf: (key: string) => Pod | undefined,
): number {
  const highest = Math.max(...victims.map((v) => v.priority));
  let earliest = Number.POSITIVE_INFINITY;
  for (const v of victims) if (v.priority === highest) earliest = Math.min(earliest, startTime(v, podOf));
  return earliest;
}

/** GetPodStartTime in simulated ms: status.startTime, or now (after every start) when not started. */
function startTime(pod: AccountedPod, podOf: (key: string) => Pod | undefined): number {
  return simTimeOf(podOf(pod.key)?.status?.startTime ?? undefined) ?? Number.POSITIVE_INFINITY;
}
