/**
 * CategorizeEndpoints (pkg/proxy/topology.go, v1.33) without topology hints: which endpoints of a
 * Service port kube-proxy on one node sends Cluster-policy and Local-policy traffic to.
 * "Usable" means ready, falling back (independently for Cluster and Local) to
 * serving-and-terminating endpoints when there are no ready ones (ProxyTerminatingEndpoints is
 * GA). kubesim does not simulate topology hints (trafficDistribution, hints.forZones), so the
 * Cluster list is every usable endpoint.
 */
import type { Service } from '../api/types.js';

/** What CategorizeEndpoints reads of an endpoint. */
export interface CategorizedEndpoint {
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly nodeName: string | undefined;
}

/** What CategorizeEndpoints reads of a Service port (proxy.ServicePort). */
export interface TrafficPolicies {
  readonly internalPolicyLocal: boolean;
  readonly externalPolicyLocal: boolean;
  /** A node port, a load-balancer VIP or an external IP. */
  readonly externallyAccessible: boolean;
}

export interface Categorized<E> {
  /** Undefined when the Service port never uses Cluster traffic policy. */
  readonly cluster: readonly E[] | undefined;
  /** Undefined when the Service port never uses Local traffic policy. */
  readonly local: readonly E[] | undefined;
  /** Every endpoint reachable from this node (the union of the two). */
  readonly allReachable: readonly E[];
  /** Whether any endpoint anywhere in the cluster is usable (REJECT when not, DROP when only remote). */
  readonly hasAnyEndpoints: boolean;
}

/** proxy.ServicePort's policy bits for a Service (newBaseServiceInfo; apiservice.ExternalPolicyLocal). */
export function trafficPolicies(service: Service): TrafficPolicies {
  const spec = service.spec ?? {};
  // Every port of a NodePort/LoadBalancer Service has a node port here (kubesim allocates them
  // all), and a LoadBalancer without node ports would still have its VIP.
  const externallyAccessible =
    spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.externalIPs ?? []).length > 0;
  return {
    internalPolicyLocal: spec.internalTrafficPolicy === 'Local',
    externalPolicyLocal: externallyAccessible && spec.externalTrafficPolicy === 'Local',
    externallyAccessible,
  };
}

/** UsesClusterEndpoints: internal Cluster policy, or any external destination (pods reach those with Cluster semantics). */
export function usesClusterEndpoints(p: TrafficPolicies): boolean {
  return !p.internalPolicyLocal || p.externallyAccessible;
}

/** UsesLocalEndpoints */
export function usesLocalEndpoints(p: TrafficPolicies): boolean {
  return p.internalPolicyLocal || (p.externalPolicyLocal && p.externallyAccessible);
}

/** The Cluster-policy endpoints: the ready ones, else the serving-and-terminating ones. */
export function clusterEndpoints<E extends CategorizedEndpoint>(endpoints: readonly E[]): E[] {
  const ready = endpoints.filter((ep) => ep.ready);
  return ready.length > 0 ? ready : endpoints.filter((ep) => ep.serving && ep.terminating);
}

/**
 * The Local-policy endpoints on `node`: its ready ones, else its serving-and-terminating ones
 * (even when other nodes have ready endpoints). A client on no node has none.
 */
export function localEndpoints<E extends CategorizedEndpoint>(
  endpoints: readonly E[],
  node: string | undefined,
): E[] {
  if (node === undefined) return [];
  const here = endpoints.filter((ep) => ep.nodeName === node);
  const ready = here.filter((ep) => ep.ready);
  return ready.length > 0 ? ready : here.filter((ep) => ep.serving && ep.terminating);
}

export function categorizeEndpoints<E extends CategorizedEndpoint>(
  endpoints: readonly E[],
  policies: TrafficPolicies,
  node: string | undefined,
): Categorized<E> {
  const usesCluster = usesClusterEndpoints(policies);
  const usesLocal = usesLocalEndpoints(policies);
  if (endpoints.length === 0) {
    return { cluster: undefined, local: undefined, allReachable: [], hasAnyEndpoints: false };
  }
  const cluster = usesCluster ? clusterEndpoints(endpoints) : undefined;
  const hasAnyEndpoints = endpoints.some((ep) => ep.ready || (ep.serving && ep.terminating));
  if (!usesLocal) return { cluster, local: undefined, allReachable: cluster ?? [], hasAnyEndpoints };
  const local = localEndpoints(endpoints, node);
  if (!cluster) return { cluster, local, allReachable: local, hasAnyEndpoints };
  const allReachable = [...cluster];
  for (const ep of local) if (!allReachable.includes(ep)) allReachable.push(ep);
  return { cluster, local, allReachable, hasAnyEndpoints };
}
