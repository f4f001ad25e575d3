/** `kubectl get services`: printService from kubernetes pkg/printers/internalversion/printers.go. */
import type { Service, ServicePort } from '../../../api/types.js';
import { age, formatLabels, type KindTable } from '../table.js';

const LOAD_BALANCER_WIDTH = 16;

/** loadBalancerStatusStringer: ingress IPs (or hostnames), sorted, cut to 16 bytes unless wide. */
function loadBalancerStatus(svc: Service, wide: boolean): string {
  const result = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) result.add(ing.ip);
    else if (ing.hostname) result.add(ing.hostname);
  }
  let r = [...result].sort().join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return r;
}

/** getServiceExternalIP */
export function serviceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatus(svc, wide);
      if (externalIPs.length > 0) {
        const results = lbIps ? lbIps.split(',') : [];
        return [...results, ...externalIPs].join(',');
      }
      return lbIps || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
  }
  return '<unknown>';
}

/** makePortString: `80/TCP`, `80:30080/TCP`, comma-separated. */
export function servicePorts(ports: readonly ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) =>
      p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`,
    )
    .join(',');
}

export function serviceTable(wide: boolean): KindTable<Service> {
  return {
    columns: [
      { name: 'Name', isName: true },
      { name: 'Type' },
      { name: 'Cluster-IP' },
      { name: 'External-IP' },
      { name: 'Port(s)' },
      { name: 'Age' },
      { name: 'Selector', wide: true },
    ],
    row(svc, now) {
      const spec = svc.spec ?? {};
      // The API server defaults type to ClusterIP and fills clusterIPs from clusterIP.
      const clusterIP = spec.clusterIPs?.[0] ?? spec.clusterIP ?? '<none>';
      return [
        svc.metadata.name,
        spec.type ?? 'ClusterIP',
        clusterIP || '<none>',
        serviceExternalIP(svc, wide),
        servicePorts(spec.ports) || '<none>',
        age(svc.metadata.creationTimestamp, now),
        formatLabels(spec.selector),
      ];
    },
  };
}
