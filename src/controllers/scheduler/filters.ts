import type { ContainerPort, Pod } from '../../api/types.js';
import { hostPortsOf } from './host-ports.js';
import type { NodeInfo } from './node-info.js';
import type { Resource } from './resources.js';

/** A filter's verdict on one node: nothing (fits), or a code and its reasons. */
export interface FilterStatus {
  readonly code: 'Unschedulable' | 'UnschedulableAndUnresolvable';
  readonly reasons: readonly string[];
}

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
/** nodeports.ErrReason. */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}
interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** v1 Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case 'Exists':
      return true;
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

/** NodeUnschedulable: a cordoned node takes only pods that tolerate its unschedulable taint. */
export function nodeUnschedulable(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  if (!info.node.spec?.unschedulable) return undefined;
  const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
  if ((pod.spec?.tolerations ?? []).some((t) => toleratesTaint(t, taint))) return undefined;
  return { code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_UNSCHEDULABLE] };
}

/** TaintToleration: the first NoSchedule/NoExecute taint the pod does not tolerate. */
export function taintToleration(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  const tolerations = pod.spec?.tolerations ?? [];
  for (const taint of (info.node.spec?.taints ?? []) as Taint[]) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (tolerations.some((t) => toleratesTaint(t, taint))) continue;
    return {
      code: 'UnschedulableAndUnresolvable',
      reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`],
    };
  }
  return undefined;
}

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

function matchRequirement(r: Requirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false;
      const [a, b] = [Number.parseInt(value, 10), Number.parseInt(values[0]!, 10)];
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** NodeAffinity's verdict on a node that does not match; shared (frozen), as it never varies. */
const NODE_AFFINITY_MISMATCH: FilterStatus = Object.freeze({
  code: 'UnschedulableAndUnresolvable',
  reasons: Object.freeze([ERR_REASON_NODE_AFFINITY]),
});

/**
 * NodeAffinity: spec.nodeSelector and requiredDuringSchedulingIgnoredDuringExecution. Every pod
 * is checked against every node, so a pod with neither allocates nothing here.
 */
export function nodeAffinity(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  const selector = pod.spec?.nodeSelector;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!selector && !required) return undefined;
  const labels = info.node.metadata.labels ?? {};
  const fail = NODE_AFFINITY_MISMATCH;
  for (const [k, v] of Object.entries(selector ?? {})) if (labels[k] !== v) return fail;
  if (required) {
    // Terms are ORed; the requirements of one term are ANDed; an empty term matches nothing.
    const matches = (required.nodeSelectorTerms ?? []).some((term) => {
      const exprs = (term.matchExpressions ?? []) as Requirement[];
      const fields = (term.matchFields ?? []) as Requirement[];
      if (exprs.length === 0 && fields.length === 0) return false;
      return (
        exprs.every((r) => matchRequirement(r, labels[r.key])) &&
        fields.every((r) => r.key === 'metadata.name' && matchRequirement(r, info.name))
      );
    });
    if (!matches) return fail;
  }
  return undefined;
}

/** NodePorts' verdict on a node where a wanted host port is taken; shared (frozen), as it never varies. */
const NODE_PORTS_TAKEN: FilterStatus = Object.freeze({
  code: 'Unschedulable',
  reasons: Object.freeze([ERR_REASON_NODE_PORTS]),
});

/**
 * NodePorts (pkg/scheduler/framework/plugins/nodeports): Unschedulable when any wanted
 * (hostIP, protocol, hostPort) conflicts with one the node's pods use (HostPortInfo.CheckConflict).
 * A pod without host ports is skipped (PreFilter's Skip). Unschedulable, not Unresolvable: evicting
 * the pod that holds the port would free it, so preemption looks at such nodes.
 */
export function nodePorts(wantPorts: readonly ContainerPort[], info: NodeInfo): FilterStatus | undefined {
  for (const p of wantPorts) {
    if (info.usedPorts.checkConflict(p.hostIP, p.protocol, p.hostPort ?? 0)) return NODE_PORTS_TAKEN;
  }
  return undefined;
}

/** One resource the node lacks (noderesources.InsufficientResource). */
export interface InsufficientResource {
  readonly resourceName: string;
  readonly reason: string;
  readonly requested: number;
  readonly used: number;
  readonly capacity: number;
  /** The request exceeds the node's allocatable: preemption cannot help. */
  readonly unresolvable: boolean;
}

/**
 * NodeResourcesFit's fitsRequest: the pod count, then every requested resource (request > 0)
 * against allocatable minus what the node's pods request. Every failing resource is reported.
 */
export function fitsRequest(request: Resource, info: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  if (info.podCount + 1 > info.allowedPodNumber) {
    out.push({
      resourceName: 'pods',
      reason: 'Too many pods',
      requested: 1,
      used: info.podCount,
      capacity: info.allowedPodNumber,
      unresolvable: false,
    });
  }
  if (requestsNothing(request)) return out;
  check(out, 'cpu', request.milliCPU, info.allocatable.milliCPU, info.requested.milliCPU);
  check(out, 'memory', request.memory, info.allocatable.memory, info.requested.memory);
  check(
    out,
    'ephemeral-storage',
    request.ephemeralStorage,
    info.allocatable.ephemeralStorage,
    info.requested.ephemeralStorage,
  );
  for (const [name, want] of request.scalars) {
    check(out, name, want, info.allocatable.scalars.get(name) ?? 0, info.requested.scalars.get(name) ?? 0);
  }
  return out;
}

function requestsNothing(request: Resource): boolean {
  return (
    request.milliCPU === 0 &&
    request.memory === 0 &&
    request.ephemeralStorage === 0 &&
    request.scalars.size === 0
  );
}

function check(out: InsufficientResource[], name: string, want: number, alloc: number, used: number): void {
  if (want > 0 && want > alloc - used) {
    out.push({
      resourceName: name,
      reason: `Insufficient ${name}`,
      requested: want,
      used,
      capacity: alloc,
      unresolvable: want > alloc,
    });
  }
}

/** NodeResourcesFit's Filter: Unresolvable when any resource alone exceeds the node's allocatable. */
export function nodeResourcesFit(request: Resource, info: NodeInfo): FilterStatus | undefined {
  // The common case without fitsRequest's list: room for one more pod and nothing requested.
  if (info.podCount + 1 <= info.allowedPodNumber && requestsNothing(request)) return undefined;
  const insufficient = fitsRequest(request, info);
  if (insufficient.length === 0) return undefined;
  return {
    code: insufficient.some((r) => r.unresolvable) ? 'UnschedulableAndUnresolvable' : 'Unschedulable',
    reasons: insufficient.map((r) => r.reason),
  };
}

/**
 * The default filters in the order of the v1.33 default plugin set (apis/config/v1
 * default_plugins.go: NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts,
 * NodeResourcesFit, then volume and inter-pod plugins kubesim has nothing for); a node's verdict
 * is the first plugin that rejects it (runAllFilters is off). spec.nodeName pods never reach the
 * scheduler, so NodeName never rejects.
 */
export function filterNode(
  pod: Pod,
  request: Resource,
  info: NodeInfo,
  wantPorts: readonly ContainerPort[] = hostPortsOf(pod),
): FilterStatus | undefined {
  return (
    nodeUnschedulable(pod, info) ??
    taintToleration(pod, info) ??
    nodeAffinity(pod, info) ??
    nodePorts(wantPorts, info) ??
    nodeResourcesFit(request, info)
  );
}

/**
 * filterNode for one pod over many nodes, with what depends on the pod alone worked out once: a
 * pod without node selector, affinity or host ports on a schedulable node without taints passes
 * the first four filters, so only the resource fit is left to check. Every pod is filtered
 * against every node (10,000 pods over 1,000 nodes: ten million checks).
 */
export function nodeFilterFor(pod: Pod, request: Resource): (info: NodeInfo) => FilterStatus | undefined {
  const spec = pod.spec;
  const wantPorts = hostPortsOf(pod);
  const placementFree =
    !spec?.nodeSelector &&
    !spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution &&
    wantPorts.length === 0;
  const nothing = requestsNothing(request);
  return (info) => {
    if (!placementFree || !info.plain) return filterNode(pod, request, info, wantPorts);
    if (nothing && info.podCount + 1 <= info.allowedPodNumber) return undefined;
    return nodeResourcesFit(request, info);
  };
}
