/**
 * SetDefaults_Service (pkg/apis/core/v1/defaults.go) plus what the service registry fills on
 * create (clusterIPs mirrors clusterIP; ipFamilies/ipFamilyPolicy from initIPFamilyFields for
 * kubesim's single-stack IPv4 cluster). Allocation of the IPs and node ports is the services
 * allocator's (store/allocators/services.ts).
 */
import type { Service, ServiceSpec } from '../types.js';

type Obj = Record<string, unknown>;

/** apiservice.ExternallyAccessible */
export function externallyAccessible(spec: ServiceSpec): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0)
  );
}

export function defaultService(svc: Service): void {
  svc.spec ??= {};
  const s = svc.spec as Obj & ServiceSpec;
  s.sessionAffinity ||= 'None';
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  if (s.sessionAffinity === 'ClientIP') {
    const cfg = s.sessionAffinityConfig as { clientIP?: { timeoutSeconds?: number } } | undefined;
    if (cfg?.clientIP?.timeoutSeconds === undefined)
      s.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  s.type ||= 'ClusterIP';
  for (const port of s.ports ?? []) {
    const p = port as unknown as Obj;
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(s) && !s.externalTrafficPolicy) s.externalTrafficPolicy = 'Cluster';
  if (s.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(s.type!)) {
    s.internalTrafficPolicy = 'Cluster';
  }
  if (s.type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true;
  if (s.type === 'ExternalName') return;
  if (s.clusterIP && !s.clusterIPs) s.clusterIPs = [s.clusterIP];
  const headlessSelectorless = s.clusterIP === 'None' && Object.keys(s.selector ?? {}).length === 0;
  s.ipFamilyPolicy ??= headlessSelectorless ? 'RequireDualStack' : 'SingleStack';
  if (!s.ipFamilies || s.ipFamilies.length === 0) s.ipFamilies = ['IPv4'];
}
