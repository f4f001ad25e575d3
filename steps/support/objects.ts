/**
 * Reading the cluster the way the state steps look at it: objects by reference, the ReplicaSets
 * and pods a Deployment owns, endpoint counts. Read-only: nothing here changes the cluster.
 */
import type {
  Cluster,
  Deployment,
  EndpointSlice,
  Endpoints,
  Pod,
  ReplicaSet,
  Service,
} from '../../src/index.js';
import { isPodReady } from './pod-status.js';
import { type ObjectRef, showRef } from './syntax.js';

type Kind = 'Pod' | 'Deployment' | 'Service' | 'ReplicaSet' | 'Endpoints';

const LOWER: Record<Kind, string> = {
  Pod: 'pod',
  Deployment: 'deployment',
  Service: 'service',
  ReplicaSet: 'replica set',
  Endpoints: 'endpoints',
};

/** The object, or an error that names what does exist in that namespace. */
function mustGet<K extends Kind>(cluster: Cluster, kind: K, ref: ObjectRef) {
  const obj = cluster.store.get(kind, ref.namespace, ref.name);
  if (obj) return obj;
  const names = cluster.store.list(kind, ref.namespace).map((o) => o.metadata.name);
  const there = names.length > 0 ? names.join(', ') : 'none';
  throw new Error(
    `${LOWER[kind]} "${showRef(ref)}" not found (${LOWER[kind]}s in ${ref.namespace}: ${there})`,
  );
}

export const getPod = (c: Cluster, ref: ObjectRef): Pod => mustGet(c, 'Pod', ref);
export const getDeployment = (c: Cluster, ref: ObjectRef): Deployment => mustGet(c, 'Deployment', ref);
export const getService = (c: Cluster, ref: ObjectRef): Service => mustGet(c, 'Service', ref);

export const REVISION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function controllerUid(obj: {
  metadata: { ownerReferences?: ReadonlyArray<{ uid: string; controller?: boolean }> };
}) {
  return obj.metadata.ownerReferences?.find((o) => o.controller)?.uid;
}

/** The ReplicaSets a Deployment controls, by revision (then name). */
export function replicaSetsOf(cluster: Cluster, d: Deployment): ReplicaSet[] {
  const uid = d.metadata.uid;
  if (!uid) return [];
  return cluster.store
    .dependentsOf(uid)
    .filter((o): o is ReplicaSet => o.kind === 'ReplicaSet' && controllerUid(o) === uid)
    .sort((a, b) => {
      const ra = revisionOf(a);
      const rb = revisionOf(b);
      return ra !== rb ? (ra < rb ? -1 : 1) : a.metadata.name.localeCompare(b.metadata.name);
    });
}

/** The revision annotation (int64 upstream, so a bigint); 0 when absent or not a number. */
export function revisionOf(obj: { metadata: { annotations?: Readonly<Record<string, string>> } }): bigint {
  const text = obj.metadata.annotations?.[REVISION] ?? '0';
  return /^[+-]?\d+$/.test(text) ? BigInt(text) : 0n;
}

/** Pods that are finished or on their way out, which no controller counts any more. */
export function isGoing(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return Boolean(pod.metadata.deletionTimestamp) || phase === 'Succeeded' || phase === 'Failed';
}

/** The live pods of all of a Deployment's ReplicaSets (not terminating, not finished). */
export function podsOf(cluster: Cluster, d: Deployment): Pod[] {
  const pods: Pod[] = [];
  for (const rs of replicaSetsOf(cluster, d)) {
    const uid = rs.metadata.uid!;
    for (const o of cluster.store.dependentsOf(uid)) {
      if (o.kind === 'Pod' && controllerUid(o) === uid && !isGoing(o as Pod)) pods.push(o as Pod);
    }
  }
  return pods.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

export function readyPodsOf(cluster: Cluster, d: Deployment): Pod[] {
  return podsOf(cluster, d).filter(isPodReady);
}

/**
 * What `kubectl rollout status` calls "successfully rolled out" (kubectl
 * polymorphichelpers/rollout_status.go): the controller saw the latest spec, every replica is
 * updated and available, no old ones are left, and the progress deadline was not exceeded.
 */
export function isRolledOut(d: Deployment): boolean {
  const s = d.status ?? {};
  const want = d.spec?.replicas ?? 1;
  const timedOut = (s.conditions ?? []).some(
    (c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded',
  );
  return (
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
    !timedOut &&
    (s.updatedReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want
  );
}

/** A Deployment's spec.replicas, status and conditions, for failure messages. */
export function describeDeployment(d: Deployment | undefined): string {
  if (!d) return '  (the deployment does not exist)';
  const s = d.status ?? {};
  const lines = [
    `  spec.replicas: ${d.spec?.replicas ?? 1}, generation: ${d.metadata.generation ?? 0}`,
    `  status: observedGeneration ${s.observedGeneration ?? 0}, replicas ${s.replicas ?? 0}, ` +
      `updatedReplicas ${s.updatedReplicas ?? 0}, readyReplicas ${s.readyReplicas ?? 0}, ` +
      `availableReplicas ${s.availableReplicas ?? 0}, unavailableReplicas ${s.unavailableReplicas ?? 0}`,
  ];
  for (const c of s.conditions ?? [])
    lines.push(`  condition ${c.type}=${c.status} ${c.reason ?? ''}: ${c.message ?? ''}`);
  return lines.join('\n');
}

/** An address of an Endpoints object, as messages show it: `10.244.1.5 (web-7c5dd-x2k4p)`. */
export interface EndpointAddress {
  readonly ip: string;
  readonly pod?: string;
}

/** The distinct ready and not-ready addresses of an Endpoints object, across its subsets. */
export function endpointAddresses(ep: Endpoints | undefined): {
  ready: EndpointAddress[];
  notReady: EndpointAddress[];
} {
  const collect = (pick: 'addresses' | 'notReadyAddresses') => {
    const byIp = new Map<string, EndpointAddress>();
    for (const subset of ep?.subsets ?? []) {
      for (const a of subset[pick] ?? []) byIp.set(a.ip, { ip: a.ip, pod: a.targetRef?.name });
    }
    return [...byIp.values()].sort((a, b) => a.ip.localeCompare(b.ip, 'en', { numeric: true }));
  };
  return { ready: collect('addresses'), notReady: collect('notReadyAddresses') };
}

/**
 * The same count read from the service's EndpointSlices: ready endpoints, and not-ready ones that
 * are not terminating (the Endpoints object leaves terminating pods out; slices keep them).
 */
export function sliceCounts(
  cluster: Cluster,
  svc: Service,
): { ready: number; notReady: number; slices: number } {
  const slices = cluster.store
    .list('EndpointSlice', svc.metadata.namespace)
    .filter((s: EndpointSlice) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  const ready = new Set<string>();
  const notReady = new Set<string>();
  for (const slice of slices) {
    // A named targetPort that no pod resolves leaves the pods in a slice whose port is unset,
    // while the Endpoints object leaves them out (kubernetes/kubernetes#109627): such a slice
    // serves nothing, so it does not count.
    const ports = slice.ports ?? [];
    if (ports.length > 0 && ports.every((p) => p.port === undefined || p.port === null)) continue;
    for (const e of slice.endpoints ?? []) {
      const key = e.addresses.join(',');
      // A nil ready condition means ready (discovery/v1 EndpointConditions).
      if (e.conditions?.ready !== false) ready.add(key);
      else if (e.conditions?.terminating !== true) notReady.add(key);
    }
  }
  return { ready: ready.size, notReady: notReady.size, slices: slices.length };
}

export function formatAddresses(list: readonly EndpointAddress[]): string {
  if (list.length === 0) return 'none';
  return list.map((a) => (a.pod ? `${a.ip} (${a.pod})` : a.ip)).join(', ');
}
