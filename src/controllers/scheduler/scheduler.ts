import type { Node, Pod, PodCondition } from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import type { WorkQueue } from '../../sim/loop.js';
import type { ReconcileResult, Reconciler } from '../../sim/reconciler.js';
import { splitKey } from '../../sim/reconciler.js';
import { timestampOf } from '../../store/time.js';
import type { Controller, ControllerContext } from '../context.js';
import { bindPod } from './binding.js';
import { type FilterStatus, nodeFilterFor } from './filters.js';
import { fitErrorMessage } from './fit-error.js';
import { hostPortsOf } from './host-ports.js';
import { type AccountedPod, accountedPod, controllerOf, NodeInfo } from './node-info.js';
import { type PreemptionResult, podPriority, preempt } from './preemption.js';
import { podRequests } from './resources.js';
import { selectNode, taintTolerationScores } from './score.js';

export const SCHEDULER_NAME = 'default-scheduler';
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is tried again at least this often. */
export const UNSCHEDULABLE_RETRY_MS = 5 * 60_000;

/** Pods the scheduler places: unbound, for this scheduler, not finished, not gated. */
function wantsScheduling(pod: Pod): boolean {
  const spec = pod.spec;
  if (!spec || spec.nodeName) return false;
  if ((spec.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME) return false;
  if (pod.metadata.deletionTimestamp) return false;
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

/** Bound pods that still hold their node's resources (the scheduler's informer skips finished ones). */
function holdsResources(pod: Pod): boolean {
  return !!pod.spec?.nodeName && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * default-scheduler: binds each unscheduled pod to the best node that passes the default
 * filters (NodeUnschedulable, TaintToleration, NodeAffinity/nodeSelector, NodePorts,
 * NodeResourcesFit), scoring TaintToleration (PreferNoSchedule), LeastAllocated,
 * BalancedAllocation and spreading of one owner's pods; a pod nominated by an earlier preemption
 * goes to its nominated node if it fits there. A pod that fits nowhere goes through preemption
 * (preemption.ts), gets PodScheduled=False/Unschedulable with the FitError text and a
 * FailedScheduling event, and is tried again when a node changes or a bound pod goes away (and
 * every 5 minutes). Node usage is kept incrementally from the pod watch: no pass over all pods
 * per decision.
 */
export class Scheduler implements Controller, Reconciler {
  readonly name = SCHEDULER_NAME;
  private queue: WorkQueue | undefined;
  private readonly nodes = new Map<string, NodeInfo>();
  private sortedNodes: NodeInfo[] | undefined;
  /** Whether any node has a PreferNoSchedule taint (worked out with sortedNodes). */
  private preferNoScheduleNodes = false;
  /** Bound pods as accounted on their node, by `namespace/name`. */
  private readonly accounted = new Map<string, AccountedPod>();
  /** Pods that did not fit, in the order they first failed. */
  private readonly unschedulable = new Set<string>();
  /** The feasible nodes of the pod being scheduled (reused from pod to pod). */
  private readonly feasible: NodeInfo[] = [];

  constructor(readonly ctx: ControllerContext) {}

  start(): void {
    const { store } = this.ctx;
    const queue = this.ctx.loop.queue(this);
    this.queue = queue;
    store.watch('Node', (event) => {
      if (event.type === 'DELETED') this.nodes.delete(event.object.metadata.name);
      else this.upsertNode(event.object);
      this.sortedNodes = undefined;
      this.retryUnschedulable();
    });
    store.watch('Pod', (event) => {
      const pod = event.object;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      const freed = this.account(key, event.type === 'DELETED' ? undefined : pod);
      if (event.type !== 'DELETED' && wantsScheduling(pod)) {
        if (event.type === 'ADDED' || !event.old || !deepEqual(event.old.spec, pod.spec)) queue.add(key);
      } else {
        this.unschedulable.delete(key);
      }
      if (freed) this.retryUnschedulable();
    });
    for (const node of store.list('Node')) this.upsertNode(node);
    for (const pod of store.list('Pod')) {
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      this.account(key, pod);
      if (wantsScheduling(pod)) queue.add(key);
    }
  }

  reconcile(key: string): ReconcileResult | undefined {
    const [namespace, name] = splitKey(key);
    const pod = this.ctx.store.get('Pod', namespace, name);
    if (!pod || !wantsScheduling(pod)) {
      this.unschedulable.delete(key);
      return undefined;
    }
    if ((pod.spec?.schedulingGates ?? []).length > 0) {
      this.setScheduledCondition(
        pod,
        'False',
        'SchedulingGated',
        'Scheduling is blocked due to non-empty scheduling gates',
      );
      return undefined;
    }
    const request = podRequests(pod);
    const nodes = this.nodeList();
    const filter = nodeFilterFor(pod, request);
    // The node an earlier preemption nominated is tried first, and taken if the pod fits there.
    const nominated = pod.status?.nominatedNodeName;
    const nominee = nominated ? this.nodes.get(nominated) : undefined;
    if (nominee && !filter(nominee)) {
      this.unschedulable.delete(key);
      this.bind(pod, nominee.name);
      return undefined;
    }
    // One array for every cycle: it is filled with up to every node for every pod.
    const feasible = this.feasible;
    feasible.length = 0;
    const rejected: FilterStatus[] = [];
    for (const info of nodes) {
      const status = filter(info);
      if (status) rejected.push(status);
      else feasible.push(info);
    }
    const taintScores = this.preferNoScheduleNodes ? taintTolerationScores(pod, feasible) : undefined;
    const chosen = selectNode(podRequests(pod, true), controllerOf(pod), feasible, taintScores);
    if (!chosen) {
      // Nothing feasible: `rejected` holds every node's verdict, in node order.
      this.fail(pod, key, nodes, rejected, request);
      return { requeueAfter: UNSCHEDULABLE_RETRY_MS };
    }
    this.unschedulable.delete(key);
    this.bind(pod, chosen.name);
    return undefined;
  }

  /** The binding subresource (spec.nodeName and PodScheduled=True), then the Scheduled event. */
  private bind(pod: Pod, nodeName: string): void {
    const { store, events } = this.ctx;
    const ns = pod.metadata.namespace!;
    bindPod(store, ns, pod.metadata.name, nodeName);
    events.record(
      pod,
      'Normal',
      'Scheduled',
      `Successfully assigned ${ns}/${pod.metadata.name} to ${nodeName}`,
      {
        component: SCHEDULER_NAME,
      },
    );
  }

  private fail(
    pod: Pod,
    key: string,
    nodes: readonly NodeInfo[],
    rejected: FilterStatus[],
    request: ReturnType<typeof podRequests>,
  ): void {
    let message = 'no nodes available to schedule pods';
    let nominate: string | undefined;
    if (nodes.length > 0) {
      const preemption = preempt({
        pod,
        request,
        wantPorts: hostPortsOf(pod),
        nodes,
        statuses: rejected,
        podOf: (k) => this.ctx.store.get('Pod', ...splitKey(k)),
      });
      if (preemption.candidate) nominate = this.evictVictims(pod, preemption.candidate);
      message = fitErrorMessage(nodes.length, rejected, preemption.message);
    }
    this.unschedulable.add(key);
    this.setScheduledCondition(pod, 'False', 'Unschedulable', message, nominate);
    try {
      this.ctx.events.record(pod, 'Warning', 'FailedScheduling', message, { component: SCHEDULER_NAME });
    } catch {
      // The namespace is terminating: no new events.
    }
  }

  /**
   * prepareCandidate: each victim gets DisruptionTarget=True (PreemptionByScheduler), is deleted
   * (gracefully: it keeps its node's room until it is gone) and gets a Preempted event; pods of
   * lower priority nominated to the node lose their nomination. Returns the node to nominate.
   */
  private evictVictims(pod: Pod, candidate: NonNullable<PreemptionResult['candidate']>): string {
    const { store, events, clock } = this.ctx;
    const node = candidate.node.name;
    const schedulerName = pod.spec?.schedulerName ?? SCHEDULER_NAME;
    for (const victim of candidate.victims) {
      const [ns, name] = splitKey(victim.key);
      const current = store.get('Pod', ns, name);
      if (!current) continue;
      const condition = {
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: timestampOf(clock.now),
        reason: 'PreemptionByScheduler',
        message: `${schedulerName}: preempting to accommodate a higher priority pod`,
      } as unknown as PodCondition;
      if (!current.metadata.deletionTimestamp) {
        // UpdatePodCondition: replaced in place, the transition time kept if the status is the same.
        store.mutateStatus('Pod', ns, name, (draft) => {
          const list = [...(draft.status?.conditions ?? [])];
          const i = list.findIndex((c) => c.type === 'DisruptionTarget');
          if (i < 0) list.push(condition);
          else if (list[i]!.status === 'True')
            list[i] = { ...condition, lastTransitionTime: list[i]!.lastTransitionTime };
          else list[i] = condition;
          draft.status = { ...(draft.status ?? {}), conditions: list };
        });
        store.delete('Pod', ns, name);
      }
      events.record(current, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata.uid} on node ${node}`, {
        component: SCHEDULER_NAME,
      });
    }
    const priority = podPriority(pod);
    for (const key of this.unschedulable) {
      const other = store.get('Pod', ...splitKey(key));
      if (other?.status?.nominatedNodeName !== node || podPriority(other) >= priority) continue;
      store.mutateStatus('Pod', other.metadata.namespace, other.metadata.name, (draft) => {
        const { nominatedNodeName: _cleared, ...rest } = draft.status ?? {};
        draft.status = rest;
      });
    }
    return node;
  }

  /**
   * updatePod: podutil.UpdatePodCondition (the transition time moves only when the status
   * changes) and, after a preemption, status.nominatedNodeName.
   */
  private setScheduledCondition(
    pod: Pod,
    status: string,
    reason?: string,
    message?: string,
    nominatedNodeName?: string,
  ): void {
    const current = this.ctx.store.get('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!current) return;
    const conditions = current.status?.conditions ?? [];
    const before = conditions.find((c) => c.type === 'PodScheduled');
    const next = {
      type: 'PodScheduled',
      status,
      lastProbeTime: null,
      lastTransitionTime:
        before && before.status === status && before.lastTransitionTime
          ? before.lastTransitionTime
          : timestampOf(this.ctx.clock.now),
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
    } as unknown as PodCondition;
    const nominate =
      nominatedNodeName !== undefined && current.status?.nominatedNodeName !== nominatedNodeName;
    if (before && deepEqual(before, next) && !nominate) return;
    this.ctx.store.mutateStatus('Pod', current.metadata.namespace, current.metadata.name, (draft) => {
      const list = [...(draft.status?.conditions ?? [])];
      const i = list.findIndex((c) => c.type === 'PodScheduled');
      if (i >= 0) list[i] = next;
      else list.push(next);
      draft.status = {
        phase: 'Pending',
        ...(draft.status ?? {}),
        conditions: list,
        ...(nominate ? { nominatedNodeName } : {}),
      };
    });
  }

  /** Keeps node usage in step with a pod's latest state; true when resources were freed. */
  private account(key: string, pod: Pod | undefined): boolean {
    const before = this.accounted.get(key);
    const holds = pod !== undefined && holdsResources(pod);
    if (before && holds && before.node === pod.spec!.nodeName) return false;
    let freed = false;
    if (before) {
      this.nodes.get(before.node)?.removePod(before);
      this.accounted.delete(key);
      freed = true;
    }
    if (holds) {
      const now = accountedPod(pod);
      this.accounted.set(key, now);
      this.nodes.get(now.node)?.addPod(now);
    }
    return freed;
  }

  private upsertNode(node: Node): void {
    const existing = this.nodes.get(node.metadata.name);
    if (existing) {
      existing.setNode(node);
      return;
    }
    const info = new NodeInfo(node);
    this.nodes.set(node.metadata.name, info);
    for (const pod of this.accounted.values()) if (pod.node === info.name) info.addPod(pod);
  }

  private nodeList(): NodeInfo[] {
    if (!this.sortedNodes) {
      this.sortedNodes = [...this.nodes.values()].sort((a, b) => naturalOrder(a.name, b.name));
      this.preferNoScheduleNodes = this.sortedNodes.some((n) => n.preferNoSchedule.length > 0);
    }
    return this.sortedNodes;
  }

  /** A cluster change that may let unschedulable pods fit: try them all again now. */
  private retryUnschedulable(): void {
    for (const key of this.unschedulable) this.queue?.add(key);
  }
}
