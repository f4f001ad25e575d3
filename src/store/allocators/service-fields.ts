import type { Service, ServicePort } from '../../api/types.js';

/**
 * Small readers and the update-time fix-ups of a Service's allocated fields, ported from
 * pkg/registry/core/service/storage/storage.go (patchAllocatedValues, normalizeClusterIPs,
 * needs*) and pkg/registry/core/service/strategy.go (dropTypeDependentFields).
 *
 * Defaulting belongs to the Service strategy; these readers fall back to the defaults
 * (type ClusterIP, allocateLoadBalancerNodePorts true) so allocation is right either way.
 */

export type ServiceSpec = NonNullable<Service['spec']>;

export const CLUSTER_IP_NONE = 'None';

export function serviceType(svc: Service): string {
  return svc.spec?.type ?? 'ClusterIP';
}

export function needsClusterIP(svc: Service): boolean {
  return serviceType(svc) !== 'ExternalName';
}

export function needsNodePort(svc: Service): boolean {
  const type = serviceType(svc);
  return type === 'NodePort' || type === 'LoadBalancer';
}

/** apiservice.NeedsHealthCheck: a LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(svc: Service): boolean {
  return serviceType(svc) === 'LoadBalancer' && svc.spec?.externalTrafficPolicy === 'Local';
}

/** storage.go shouldAllocateNodePorts: NodePort always; LoadBalancer unless allocateLoadBalancerNodePorts is false. */
export function shouldAllocateNodePorts(svc: Service): boolean {
  const type = serviceType(svc);
  if (type === 'NodePort') return true;
  if (type === 'LoadBalancer') return svc.spec?.allocateLoadBalancerNodePorts !== false;
  return false;
}

export function isHeadless(svc: Service): boolean {
  const ips = svc.spec?.clusterIPs ?? [];
  return ips.length === 1 && ips[0] === CLUSTER_IP_NONE;
}

export function ports(svc: Service): ServicePort[] {
  return (svc.spec?.ports ?? []) as ServicePort[];
}

/** collectServiceNodePorts: every non-zero nodePort of the ports, in order (duplicates kept). */
export function collectNodePorts(svc: Service): number[] {
  return ports(svc)
    .map((p) => p.nodePort ?? 0)
    .filter((n) => n !== 0);
}

export function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function spec(svc: Service): ServiceSpec {
  if (!svc.spec) svc.spec = {};
  return svc.spec;
}

/**
 * normalizeClusterIPs: keeps clusterIP and clusterIPs in step before anyone reads them. On
 * create, a client that set only clusterIP gets clusterIPs = [clusterIP]; on update, a client
 * that dropped clusterIPs but kept clusterIP keeps the old list, and one that changed only
 * clusterIP gets the list rebuilt from it.
 */
export function normalizeClusterIPs(svc: Service, old: Service | undefined): void {
  const s = spec(svc);
  if (!old) {
    if (s.clusterIP && (s.clusterIPs ?? []).length === 0) s.clusterIPs = [s.clusterIP];
    return;
  }
  const o = old.spec ?? {};
  if ((o.clusterIPs ?? []).length > 0 && (s.clusterIPs ?? []).length === 0) {
    if ((o.clusterIP ?? '') === (s.clusterIP ?? '')) s.clusterIPs = [...(o.clusterIPs ?? [])];
  }
  if ((o.clusterIP ?? '') !== (s.clusterIP ?? '')) {
    if (o.clusterIP && !s.clusterIP) {
      if (sameStrings(o.clusterIPs, s.clusterIPs)) delete s.clusterIPs;
    } else if (sameStrings(o.clusterIPs, s.clusterIPs)) {
      s.clusterIPs = [s.clusterIP ?? ''];
    }
  }
}

/**
 * patchAllocatedValues: lets a client resubmit the YAML it created the Service from. An update
 * that leaves out clusterIP/clusterIPs keeps the allocated ones; a port without a nodePort gets
 * the old port's value of the same name, unless another new port already uses that value.
 */
export function patchAllocatedValues(svc: Service, old: Service): void {
  const s = spec(svc);
  const o = old.spec ?? {};
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!s.clusterIP && o.clusterIP) s.clusterIP = o.clusterIP;
    if ((s.clusterIPs ?? []).length === 0 && (o.clusterIPs ?? []).length > 0)
      s.clusterIPs = [...o.clusterIPs!];
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const newUsed = new Set(collectNodePorts(svc));
    const used = new Set(collectNodePorts(old).filter((n) => newUsed.has(n)));
    const byName = new Map<string, number>();
    for (const p of ports(old)) byName.set(p.name ?? '', p.nodePort ?? 0);
    for (const p of ports(svc)) {
      if (p.nodePort) continue;
      const oldValue = byName.get(p.name ?? '') ?? 0;
      if (oldValue && !used.has(oldValue)) p.nodePort = oldValue;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(svc) && !s.healthCheckNodePort && o.healthCheckNodePort) {
    s.healthCheckNodePort = o.healthCheckNodePort;
  }
}

/**
 * dropTypeDependentFields (strategy PrepareForUpdate, which runs after the allocators): a
 * Service switched to a type that no longer uses a field loses the value it was given, as long
 * as the client did not change it. NodePort → ClusterIP clears the nodePorts; anything →
 * ExternalName clears clusterIP, clusterIPs, ipFamilies and ipFamilyPolicy.
 */
export function dropTypeDependentFields(svc: Service, old: Service): void {
  const s = spec(svc);
  const o = old.spec ?? {};
  if (needsClusterIP(old) && !needsClusterIP(svc)) {
    if (sameStrings(o.clusterIPs, s.clusterIPs)) {
      delete s.clusterIP;
      delete s.clusterIPs;
    }
    if (sameStrings(o.ipFamilies, s.ipFamilies)) delete s.ipFamilies;
    if (o.ipFamilyPolicy === s.ipFamilyPolicy) delete s.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(svc)) {
    // sameNodePorts: the client may drop or keep old values, but added no new one.
    const oldPorts = new Set(collectNodePorts(old));
    if (collectNodePorts(svc).every((n) => oldPorts.has(n))) {
      for (const p of ports(svc)) delete p.nodePort;
    }
  }
  if (needsHealthCheck(old) && !needsHealthCheck(svc) && o.healthCheckNodePort === s.healthCheckNodePort) {
    delete s.healthCheckNodePort;
  }
  if (serviceType(old) === 'LoadBalancer' && serviceType(svc) !== 'LoadBalancer') {
    const before = o.allocateLoadBalancerNodePorts;
    if (before !== undefined && before === s.allocateLoadBalancerNodePorts)
      delete s.allocateLoadBalancerNodePorts;
  }
}
