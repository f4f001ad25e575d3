/**
 * The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go, v1.33
 * with the taint eviction controller split out): it watches kubelets' heartbeats and, when one
 * goes quiet for the grace period, marks the node's conditions Unknown, marks its pods not
 * Ready, and taints the node so that new pods avoid it (NoSchedule) and the taint eviction
 * controller deletes the old ones when their tolerations run out (NoExecute).
 *
 * Worked timeline, kubelet of node-2 stopped at t (grace 50 s, monitor period 5 s):
 *   t+50s  monitor pass: Ready, MemoryPressure, DiskPressure, PIDPressure → Unknown
 *          (NodeStatusUnknown); event NodeNotReady on the node; every pod on it Ready=False
 *          (event NodeNotReady "Node is not ready"); the node update adds
 *          node.kubernetes.io/unreachable:NoSchedule.
 *   t+55s  next monitor pass: it now observes Ready=Unknown and queues the node for the
 *          NoExecute taint, which the rate-limited tainter adds at once (one node per 10 s).
 *   t+355s the taint eviction controller deletes the pods that tolerate it for 300 s.
 * The kubelet posting Ready again: the NoSchedule taint goes at once (node update), the
 * NoExecute taint at the monitor pass that observes Ready=True.
 *
 * Simplified: monitor passes run when something can change (a heartbeat stops or resumes, the
 * kubelet posts a status, a grace period ends) instead of on a 5 s ticker, so the first pass
 * after a change is immediate and the ticker's phase plays no part; the one place the code
 * needs a second pass (the NoExecute taint) comes one monitor period later. No RegisteredNode
 * events at start (the cluster has been up for a while); node labels are not reconciled.
 */
import type { Node } from '../../api/types.js';
import type { EventRecorder } from '../../sim/events.js';
import type { WorkQueue } from '../../sim/loop.js';
import type { ReconcileResult } from '../../sim/reconciler.js';
import type { Store } from '../../store/store.js';
import { timestampOf } from '../../store/time.js';
import type { Controller, ControllerContext } from '../context.js';
import {
  LARGE_CLUSTER_SIZE_THRESHOLD,
  NODE_CONTROLLER,
  NODE_EVICTION_RATE,
  NODE_MONITOR_GRACE_PERIOD_MS,
  NODE_MONITOR_PERIOD_MS,
  TAINT_NOT_READY,
  TAINT_UNREACHABLE,
} from './constants.js';
import type { NodeHeartbeats } from './heartbeat.js';
import {
  computeZoneState,
  conditionsUnknown,
  LABEL_EXCLUDE_DISRUPTION,
  readyCondition,
  readyStatus,
  type ZoneState,
  zoneKey,
} from './node-health.js';
import { markPodsNotReady } from './pods-not-ready.js';
import { noScheduleTaintDiff, swapTaints, type Taint, taintExists } from './taints.js';

const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };
const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };

export interface NodeLifecycleOptions {
  /** --node-monitor-grace-period in ms (default 50 s). */
  readonly gracePeriodMs?: number;
  /** --node-monitor-period in ms (default 5 s). */
  readonly monitorPeriodMs?: number;
}

/** Per node: when the controller last reset its probe time (leaving full disruption). */
interface NodeHealth {
  probeResetAt: number;
}

/**
 * One zone's RateLimitedTimedQueue of nodes to taint NoExecute, with its token bucket
 * (burst 1): a token is free again 1/qps seconds after the last one was taken; qps 0 stops it.
 */
interface ZoneTainter {
  state: ZoneState;
  qps: number;
  nextTokenAt: number;
  /** Nodes waiting, in the order they were added. */
  readonly queue: string[];
  /** Nodes added and not explicitly removed (UniqueQueue's set): they are not added twice. */
  readonly seen: Set<string>;
}

export class NodeLifecycleController implements Controller {
  readonly name = NODE_CONTROLLER;
  private readonly store: Store;
  private readonly events: EventRecorder;
  private readonly gracePeriodMs: number;
  private readonly monitorPeriodMs: number;
  private readonly health = new Map<string, NodeHealth>();
  private readonly zones = new Map<string, ZoneTainter>();
  private monitorQueue: WorkQueue | undefined;
  private noExecuteQueue: WorkQueue | undefined;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly heartbeats: NodeHeartbeats,
    options: NodeLifecycleOptions = {},
  ) {
    this.store = ctx.store;
    this.events = ctx.events;
    this.gracePeriodMs = options.gracePeriodMs ?? NODE_MONITOR_GRACE_PERIOD_MS;
    this.monitorPeriodMs = options.monitorPeriodMs ?? NODE_MONITOR_PERIOD_MS;
  }

  start(): void {
    const { loop } = this.ctx;
    const monitor = loop.queue({ name: this.name, reconcile: (key) => this.monitorNodeHealth(key) });
    const taints = loop.queue({
      name: `${this.name} no-schedule`,
      reconcile: (key) => this.doNoScheduleTaintingPass(key),
    });
    this.noExecuteQueue = loop.queue({
      name: `${this.name} no-execute`,
      reconcile: (key) => this.doNoExecuteTaintingPass(key),
    });
    this.monitorQueue = monitor;
    this.store.watch('Node', (event) => {
      const name = event.object.metadata.name;
      if (event.type !== 'MODIFIED') {
        monitor.add(name);
        taints.add(name);
        return;
      }
      taints.add(name);
      // A kubelet's status post always moves its heartbeat; this controller's writes never do.
      const before = event.old ? readyCondition(event.old)?.lastHeartbeatTime : undefined;
      if (readyCondition(event.object)?.lastHeartbeatTime !== before) monitor.add(name);
    });
    this.heartbeats.subscribe((node) => monitor.add(node));
    for (const node of this.store.list('Node')) {
      monitor.add(node.metadata.name);
      taints.add(node.metadata.name);
    }
  }

  // ---- monitorNodeHealth, one node per pass ----

  private monitorNodeHealth(name: string): ReconcileResult | undefined {
    const now = this.ctx.clock.now;
    let node = this.store.get('Node', undefined, name);
    if (!node) {
      this.health.delete(name);
      this.handleDisruption();
      return undefined;
    }
    let health = this.health.get(name);
    if (!health) this.health.set(name, (health = { probeResetAt: Number.NEGATIVE_INFINITY }));
    this.zoneFor(node);
    const observed = readyStatus(node);
    let current = observed;
    let requeueAfter: number | undefined;
    const stoppedAt = this.heartbeats.stoppedAt(name);
    if (stoppedAt !== undefined) {
      const deadline = Math.max(stoppedAt, health.probeResetAt) + this.gracePeriodMs;
      if (now >= deadline) {
        const conditions = conditionsUnknown(node, timestampOf(now));
        if (conditions) {
          node = this.store.mutateStatus('Node', undefined, name, (draft) => {
            draft.status!.conditions = conditions;
          });
        }
        current = readyStatus(node);
      } else {
        requeueAfter = deadline - now;
      }
    }
    this.processTaintBaseEviction(node, observed);
    if (current !== 'True' && observed === 'True') {
      this.recordNode(node, 'NodeNotReady');
      const pods = this.store.list('Pod').filter((p) => p.spec?.nodeName === name);
      markPodsNotReady(this.store, this.events, pods, name, timestampOf(now));
      // The next pass observes the new status and queues the NoExecute taint.
      requeueAfter = Math.min(requeueAfter ?? Number.POSITIVE_INFINITY, this.monitorPeriodMs);
    }
    this.handleDisruption();
    return requeueAfter === undefined ? undefined : { requeueAfter };
  }

  /** processTaintBaseEviction: taint by the Ready status this pass observed, or untaint a Ready node. */
  private processTaintBaseEviction(node: Node, observed: string): void {
    const taints = node.spec?.taints;
    switch (observed) {
      case 'False':
        if (taintExists(taints, UNREACHABLE_NO_EXECUTE)) {
          this.swapNodeTaints(node.metadata.name, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
        } else this.markNodeForTainting(node, 'False');
        break;
      case 'Unknown':
        if (taintExists(taints, NOT_READY_NO_EXECUTE)) {
          this.swapNodeTaints(node.metadata.name, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
        } else this.markNodeForTainting(node, 'Unknown');
        break;
      case 'True':
        this.markNodeAsReachable(node);
        break;
    }
  }

  /** RecordNodeStatusChange: a Normal event on the node, "Node node-2 status is now: NodeNotReady". */
  private recordNode(node: Node, status: string): void {
    const ref = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: node.metadata.name, uid: node.metadata.uid },
    };
    this.events.record(ref, 'Normal', status, `Node ${node.metadata.name} status is now: ${status}`, {
      component: NODE_CONTROLLER,
    });
  }

  // ---- NoSchedule taints follow the conditions (doNoScheduleTaintingPass) ----

  private doNoScheduleTaintingPass(name: string): undefined {
    const node = this.store.get('Node', undefined, name);
    if (!node) return undefined;
    const { add, remove } = noScheduleTaintDiff(node);
    if (add.length > 0 || remove.length > 0) this.swapNodeTaints(name, add, remove);
    return undefined;
  }

  // ---- NoExecute taints, rate limited per zone (doNoExecuteTaintingPass) ----

  private markNodeForTainting(node: Node, status: 'False' | 'Unknown'): void {
    const zone = this.zoneFor(node);
    const name = node.metadata.name;
    const taint = status === 'False' ? NOT_READY_NO_EXECUTE : UNREACHABLE_NO_EXECUTE;
    if (!taintExists(node.spec?.taints, taint)) this.removeFromZone(zone, name);
    if (zone.seen.has(name)) return;
    zone.seen.add(name);
    zone.queue.push(name);
    this.noExecuteQueue?.add(zoneKey(node));
  }

  private markNodeAsReachable(node: Node): void {
    const taints = node.spec?.taints;
    if (taintExists(taints, UNREACHABLE_NO_EXECUTE) || taintExists(taints, NOT_READY_NO_EXECUTE)) {
      this.swapNodeTaints(node.metadata.name, [], [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE]);
    }
    this.removeFromZone(this.zoneFor(node), node.metadata.name);
  }

  private removeFromZone(zone: ZoneTainter, name: string): void {
    zone.seen.delete(name);
    const i = zone.queue.indexOf(name);
    if (i >= 0) zone.queue.splice(i, 1);
  }

  private doNoExecuteTaintingPass(key: string): ReconcileResult | undefined {
    const zone = this.zones.get(key);
    if (!zone) return undefined;
    const now = this.ctx.clock.now;
    while (zone.queue.length > 0) {
      if (zone.qps <= 0) return undefined;
      if (now < zone.nextTokenAt) return { requeueAfter: zone.nextTokenAt - now };
      zone.nextTokenAt = now + 1000 / zone.qps;
      const name = zone.queue.shift()!;
      const node = this.store.get('Node', undefined, name);
      if (!node) continue;
      // "unreachable" and "not ready" mirror Ready=Unknown and Ready=False, so they exclude each other.
      switch (readyStatus(node)) {
        case 'False':
          this.swapNodeTaints(name, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
          break;
        case 'Unknown':
          this.swapNodeTaints(name, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
          break;
      }
    }
    return undefined;
  }

  private swapNodeTaints(name: string, add: readonly Taint[], remove: readonly Taint[]): void {
    const node = this.store.get('Node', undefined, name);
    if (!node) return;
    const next = swapTaints(node.spec?.taints, add, remove, timestampOf(this.ctx.clock.now));
    if (!next) return;
    this.store.mutate('Node', undefined, name, (draft) => {
      draft.spec = { ...(draft.spec ?? {}), taints: next };
      if (next.length === 0) delete draft.spec.taints;
    });
  }

  // ---- zones (handleDisruption) ----

  private zoneFor(node: Node): ZoneTainter {
    const key = zoneKey(node);
    let zone = this.zones.get(key);
    if (!zone) {
      zone = { state: 'Initial', qps: NODE_EVICTION_RATE, nextTokenAt: 0, queue: [], seen: new Set() };
      this.zones.set(key, zone);
    }
    return zone;
  }

  /**
   * handleDisruption: a zone with no Ready node is fully disrupted; when every zone is, the
   * controller assumes the fault is its own (or the network's), removes the NoExecute taints
   * everywhere and stops tainting; when a node comes back it restarts every node's grace period.
   */
  private handleDisruption(): void {
    const now = this.ctx.clock.now;
    const nodes = this.store.list('Node');
    const byZone = new Map<string, string[]>();
    for (const node of nodes) {
      if (node.metadata.labels?.[LABEL_EXCLUDE_DISRUPTION] !== undefined) continue;
      this.zoneFor(node);
      const key = zoneKey(node);
      const list = byZone.get(key) ?? [];
      list.push(readyStatus(node));
      byZone.set(key, list);
    }
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [key, statuses] of byZone) {
      const { state } = computeZoneState(statuses);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(key, state);
    }
    let allWereFullyDisrupted = true;
    for (const [key, zone] of this.zones) {
      if (!byZone.has(key)) {
        this.zones.delete(key);
        continue;
      }
      if (zone.state !== 'FullDisruption') allWereFullyDisrupted = false;
    }
    if (allAreFullyDisrupted && allWereFullyDisrupted) return;
    if (allAreFullyDisrupted) {
      for (const node of nodes) this.markNodeAsReachable(node);
      for (const zone of this.zones.values()) {
        this.swapLimiter(zone, 0);
        zone.state = 'FullDisruption';
      }
      return;
    }
    if (allWereFullyDisrupted) {
      for (const node of nodes) {
        const health = this.health.get(node.metadata.name);
        if (health) health.probeResetAt = now;
        this.monitorQueue?.add(node.metadata.name);
      }
      for (const [key, zone] of this.zones) {
        const state = newStates.get(key)!;
        this.setLimiter(key, zone, byZone.get(key)!.length, state);
        zone.state = state;
      }
      return;
    }
    for (const [key, zone] of this.zones) {
      const state = newStates.get(key)!;
      if (zone.state === state) continue;
      this.setLimiter(key, zone, byZone.get(key)!.length, state);
      zone.state = state;
    }
  }

  /** setLimiterInZone: healthy and fully disrupted zones taint at the eviction rate; a partially disrupted small zone not at all. */
  private setLimiter(key: string, zone: ZoneTainter, size: number, state: ZoneState): void {
    const qps =
      state === 'PartialDisruption' ? (size > LARGE_CLUSTER_SIZE_THRESHOLD ? 0.01 : 0) : NODE_EVICTION_RATE;
    if (this.swapLimiter(zone, qps) && zone.queue.length > 0) this.noExecuteQueue?.add(key);
  }

  /** SwapLimiter: a new token bucket (full) unless the rate is the same. */
  private swapLimiter(zone: ZoneTainter, qps: number): boolean {
    if (zone.qps === qps) return false;
    zone.qps = qps;
    zone.nextTokenAt = 0;
    return true;
  }
}
