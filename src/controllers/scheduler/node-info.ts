import type { ContainerPort, Node, Pod } from '../../api/types.js';
import { Quantity } from '../../core/quantity.js';
import { HostPortInfo, hostPortsOf } from './host-ports.js';
import { addResource, emptyResource, podRequests, type Resource, resourceOf } from './resources.js';

/**
 * What the scheduler knows about one node (framework.NodeInfo), kept up to date incrementally
 * as pods are bound and go away: its pods, the requests of its pods (plain and non-zero), their
 * number, the host ports they use, and how many pods of each owner it runs (for spreading).
 */
export class NodeInfo {
  node: Node;
  allocatable: Resource;
  allowedPodNumber: number;
  readonly requested: Resource = emptyResource();
  readonly nonZeroRequested: Resource = emptyResource();
  podCount = 0;
  /** The pods accounted here, for preemption's search for victims (a rare path). */
  readonly pods = new Set<AccountedPod>();
  /** framework.NodeInfo.UsedPorts: the host ports of its pods. */
  readonly usedPorts = new HostPortInfo();
  /** How many of its pods have each priority: preemption looks for victims only where one is lower. */
  private readonly priorities = new Map<number, number>();
  /** Its PreferNoSchedule taints, for TaintToleration's score. */
  preferNoSchedule: readonly Taint[] = [];
  /** Bumped whenever the node or its pods change, so that cached scores know they are stale. */
  version = 0;
  /** score.ts's resource scores for the last request size asked about (see resourceScore). */
  scoreCache: { milliCPU: number; memory: number; version: number; score: number } | undefined;
  private readonly owners = new Map<string, number>();
  /** The owner last asked about and its count: the scheduler asks for one owner across all nodes. */
  private lastOwner: string | undefined;
  private lastOwnerCount = 0;

  /** No taints and not cordoned: only the resource fit (and host ports) can turn a pod away (filters.ts). */
  plain = false;

  constructor(node: Node) {
    this.node = node;
    this.plain = isPlain(node);
    this.preferNoSchedule = preferNoScheduleTaints(node);
    this.allocatable = resourceOf(node.status?.allocatable as Record<string, unknown> | undefined);
    this.allowedPodNumber = allowedPods(node);
  }

  get name(): string {
    return this.node.metadata.name;
  }

  setNode(node: Node): void {
    this.version++;
    this.node = node;
    this.plain = isPlain(node);
    this.preferNoSchedule = preferNoScheduleTaints(node);
    this.allocatable = resourceOf(node.status?.allocatable as Record<string, unknown> | undefined);
    this.allowedPodNumber = allowedPods(node);
  }

  addPod(pod: AccountedPod, sign = 1): void {
    this.version++;
    addResource(this.requested, pod.requests, sign);
    addResource(this.nonZeroRequested, pod.nonZeroRequests, sign);
    this.podCount += sign;
    if (sign > 0) this.pods.add(pod);
    else this.pods.delete(pod);
    for (const p of pod.hostPorts) this.usedPorts.add(p.hostIP, p.protocol, p.hostPort ?? 0, sign);
    const atPriority = (this.priorities.get(pod.priority) ?? 0) + sign;
    if (atPriority > 0) this.priorities.set(pod.priority, atPriority);
    else this.priorities.delete(pod.priority);
    if (pod.owner) {
      const n = (this.owners.get(pod.owner) ?? 0) + sign;
      if (n === 0) this.owners.delete(pod.owner);
      else this.owners.set(pod.owner, n);
      if (pod.owner === this.lastOwner) this.lastOwnerCount = n;
    }
  }

  removePod(pod: AccountedPod): void {
    this.addPod(pod, -1);
  }

  /** Whether a pod of lower priority than `priority` runs here (preemption's potential victims). */
  hasPodBelow(priority: number): boolean {
    for (const p of this.priorities.keys()) if (p < priority) return true;
    return false;
  }

  /** Pods on this node with the same controller owner. */
  ownerCount(owner: string | undefined): number {
    if (!owner) return 0;
    if (owner !== this.lastOwner) {
      this.lastOwner = owner;
      this.lastOwnerCount = this.owners.get(owner) ?? 0;
    }
    return this.lastOwnerCount;
  }
}

function isPlain(node: Node): boolean {
  return !node.spec?.unschedulable && (node.spec?.taints?.length ?? 0) === 0;
}

type Taint = NonNullable<NonNullable<Node['spec']>['taints']>[number];

function preferNoScheduleTaints(node: Node): readonly Taint[] {
  const taints = node.spec?.taints;
  if (!taints || taints.length === 0) return [];
  return taints.filter((t) => t.effect === 'PreferNoSchedule');
}

function allowedPods(node: Node): number {
  const pods = node.status?.allocatable?.pods;
  return pods === undefined ? 0 : Quantity.parse(String(pods)).value;
}

/** A pod as the scheduler accounts for it on a node. */
export interface AccountedPod {
  /** `namespace/name`. */
  readonly key: string;
  readonly node: string;
  readonly requests: Resource;
  readonly nonZeroRequests: Resource;
  /** The uid of its controller (ReplicaSet, …), for spreading pods of one owner. */
  readonly owner: string | undefined;
  /** The ports it takes on its node's host (hostPortsOf). */
  readonly hostPorts: readonly ContainerPort[];
  /** corev1helpers.PodPriority: spec.priority, 0 when unset. */
  readonly priority: number;
}

export function accountedPod(pod: Pod): AccountedPod {
  return {
    key: `${pod.metadata.namespace}/${pod.metadata.name}`,
    node: pod.spec!.nodeName!,
    requests: podRequests(pod),
    nonZeroRequests: podRequests(pod, true),
    owner: controllerOf(pod),
    hostPorts: hostPortsOf(pod),
    priority: pod.spec?.priority ?? 0,
  };
}

export function controllerOf(pod: Pod): string | undefined {
  return pod.metadata.ownerReferences?.find((o) => o.controller)?.uid;
}
