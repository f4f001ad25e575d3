/**
 * NodeDescriber (describe.go describeNode and describeNodeResource): roles, taints, the lease,
 * conditions, addresses, capacity, system info, the non-terminated pods with their requests and
 * limits as a share of allocatable, the totals, and events (searched by the node's uid and, as
 * the kubelet records them, by its name).
 */
import type { KubeObject, Node, Pod } from '../../api/types.js';
import type { Quantity } from '../../core/quantity.js';
import { simTimeOf, timestampOf } from '../../store/time.js';
import type { DescribeContext } from './context.js';
import { describeEvents, searchEvents, targetOf } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './format.js';
import {
  addList,
  listOf,
  percent,
  podRequestsAndLimits,
  type QuantityList,
  quantityIn,
} from './resources.js';
import { rfc1123z, since } from './time.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './writer.js';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';
/** The kubelet renews its lease every quarter of the 40 s lease duration. */
const LEASE_RENEW_MS = 10_000;

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/**
 * The node's kube-node-lease Lease. kubesim keeps no Lease objects; it shows what the kubelet's
 * lease holds: the node as holder, no acquire time, renewed every 10 s since the node was created.
 */
function describeNodeLease(node: Node, w: PrefixWriter, nowMs: number): void {
  const created = simTimeOf(node.metadata.creationTimestamp) ?? 0;
  const renewed = created + Math.floor(Math.max(0, nowMs - created) / LEASE_RENEW_MS) * LEASE_RENEW_MS;
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
  w.write(LEVEL_1, `RenewTime:\t${rfc1123z(timestampOf(renewed))}\n`);
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isHugePages = (name: string) => name.startsWith('hugepages-');
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);

function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, nowMs: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const status = node.status ?? {};
  const allocatable = listOf(
    Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable : status.capacity,
  );
  const allocCPU = quantityIn(allocatable, 'cpu').milli;
  const allocMemory = quantityIn(allocatable, 'memory').value;
  const totalRequests: QuantityList = new Map();
  const totalLimits: QuantityList = new Map();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    addList(totalRequests, requests);
    addList(totalLimits, limits);
    const cpuReq = quantityIn(requests, 'cpu');
    const cpuLim = quantityIn(limits, 'cpu');
    const memReq = quantityIn(requests, 'memory');
    const memLim = quantityIn(limits, 'memory');
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t` +
        `${cpuReq} (${percent(cpuReq.milli, allocCPU)}%)\t${cpuLim} (${percent(cpuLim.milli, allocCPU)}%)\t` +
        `${memReq} (${percent(memReq.value, allocMemory)}%)\t${memLim} (${percent(memLim.value, allocMemory)}%)\t` +
        `${since(pod.metadata.creationTimestamp, nowMs)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  // Totals guard against a zero allocatable (0%); the per-pod rows above do not, as in kubectl.
  const share = (q: Quantity, whole: number, milli: boolean): string =>
    whole === 0 ? '0' : percent(milli ? q.milli : q.value, whole);
  const row = (name: string, whole: number, milli: boolean) => {
    const req = quantityIn(totalRequests, name);
    const lim = quantityIn(totalLimits, name);
    w.write(
      LEVEL_1,
      `${name}\t${req} (${share(req, whole, milli)}%)\t${lim} (${share(lim, whole, milli)}%)\n`,
    );
  };
  row('cpu', allocCPU, true);
  row('memory', allocMemory, false);
  row('ephemeral-storage', quantityIn(allocatable, 'ephemeral-storage').value, false);
  const names = [...allocatable.keys()];
  for (const name of names.filter(isHugePages).sort(byString))
    row(name, quantityIn(allocatable, name).value, false);
  for (const name of names
    .filter((n) => !isHugePages(n) && !STANDARD.has(n) && n !== 'pods')
    .sort(byString)) {
    w.write(LEVEL_1, `${name}\t${quantityIn(totalRequests, name)}\t${quantityIn(totalLimits, name)}\n`);
  }
}

export function describeNode(obj: KubeObject, ctx: DescribeContext): string {
  const node = obj as Node;
  const pods = ctx.store
    .list('Pod')
    .filter(
      (p) =>
        p.spec?.nodeName === node.metadata.name &&
        p.status?.phase !== 'Succeeded' &&
        p.status?.phase !== 'Failed',
    );
  let events: ReturnType<typeof searchEvents> | undefined;
  if (ctx.showEvents) {
    // The node controller records events with the node's uid, the kubelet with its name.
    const target = targetOf(node);
    events = [
      ...searchEvents(ctx.events ?? ctx.store, target),
      ...searchEvents(ctx.events ?? ctx.store, { ...target, uid: node.metadata.name }),
    ];
  }
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    describeNodeLease(node, w, ctx.now);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(
        LEVEL_0,
        'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
      );
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, unknown>) => {
      for (const [name, q] of [...listOf(list)].sort(([a], [b]) => byString(a, b))) {
        w.write(LEVEL_0, `  ${name}:\t${q}\n`);
      }
    };
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(status.capacity!);
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(status.allocatable!);
    }
    const info = status.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs && spec.podCIDRs.length > 0)
      w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(pods, node, w, ctx.now);
    describeEvents(events, w, ctx.now);
  });
}
