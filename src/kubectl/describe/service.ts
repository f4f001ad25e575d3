/**
 * ServiceDescriber (describe.go describeService). v1.33 reads the Endpoints line from the
 * Service's EndpointSlices (label kubernetes.io/service-name), not from v1 Endpoints: ready (or
 * unknown) endpoints of the slice ports named like the Service port, three at most, then
 * `+ N more...` (formatEndpointSlices).
 */
import { selectorFromMap } from '../../api/labels.js';
import type { EndpointSlice, KubeObject, Service } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { describeEvents, searchEvents, targetOf } from './events.js';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { LEVEL_0, tabbedString } from './writer.js';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** net.JoinHostPort. */
const hostPort = (host: string, port: number) =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

/** formatEndpointSlices, for the endpoints behind the service port called `portName`. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    if (!slice.ports || slice.ports.length === 0) {
      // Headless services may have no ports: bare addresses.
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(ep.addresses[0]!);
        count++;
      }
      continue;
    }
    for (const port of slice.ports) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue;
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(hostPort(ep.addresses[0]!, port.port ?? 0));
        count++;
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - max} more...` : joined;
}

export function describeService(obj: KubeObject, ctx: DescribeContext): string {
  const svc = obj as Service;
  const spec = svc.spec ?? {};
  const slices = ctx.store.list(
    'EndpointSlice',
    svc.metadata.namespace,
    selectorFromMap({ [SERVICE_NAME_LABEL]: svc.metadata.name }),
  );
  const events = ctx.showEvents ? searchEvents(ctx.events ?? ctx.store, targetOf(svc)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    const families = spec.ipFamilies ?? [];
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    const ips = spec.clusterIPs ?? [];
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
    if (spec.externalIPs && spec.externalIPs.length > 0) {
      w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    }
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const list = ingress
        .map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? '')))
        .join(', ');
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>';
      const protocol = sp.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${protocol}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy)
      w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy)
      w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges && spec.loadBalancerSourceRanges.length > 0) {
      w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    }
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    describeEvents(events, w, ctx.now);
  });
}
