import type { Pod, Service } from '../api/types.js';

/**
 * The environment variables a container gets for Services (pkg/kubelet/envvars/envvars.go
 * FromServices, and kubelet_pods.go getServiceEnvVarMap for which Services). The kubelet merges
 * them into the container's environment; this module only computes them.
 */

export interface EnvVar {
  readonly name: string;
  readonly value: string;
}

/**
 * makeEnvVariableName: upper case, `-` to `_`. (Upstream's TODO: leading digits and dots are left
 * as they are; Service and port names cannot contain dots.)
 */
export function envVariableName(name: string): string {
  return name.replaceAll('-', '_').toUpperCase();
}

/** IsServiceIPSet: a ClusterIP that is neither empty nor None. */
function hasClusterIP(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/**
 * FromServices, in the order given: `<NAME>_SERVICE_HOST`, `<NAME>_SERVICE_PORT` (the first
 * port), `<NAME>_SERVICE_PORT_<PORTNAME>` for each named port, then the Docker link variables:
 * `<NAME>_PORT=tcp://IP:PORT` for the first port and, per port, `<NAME>_PORT_<P>_<PROTO>` with
 * `_PROTO`, `_PORT` and `_ADDR`. Services without a ClusterIP (headless, ExternalName) give none.
 */
export function serviceEnv(services: readonly Service[]): EnvVar[] {
  const out: EnvVar[] = [];
  for (const svc of services) {
    if (!hasClusterIP(svc)) continue;
    const ports = svc.spec?.ports ?? [];
    if (ports.length === 0) continue;
    const ip = svc.spec!.clusterIP!;
    const prefix = envVariableName(svc.metadata.name);
    out.push({ name: `${prefix}_SERVICE_HOST`, value: ip });
    const portName = `${prefix}_SERVICE_PORT`;
    out.push({ name: portName, value: String(ports[0]!.port) });
    for (const sp of ports) {
      if (sp.name) out.push({ name: `${portName}_${envVariableName(sp.name)}`, value: String(sp.port) });
    }
    ports.forEach((sp, i) => {
      const protocol = sp.protocol || 'TCP';
      const url = `${protocol.toLowerCase()}://${ip}:${sp.port}`;
      // Docker special-cases the first port.
      if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
      const portPrefix = `${prefix}_PORT_${sp.port}_${protocol.toUpperCase()}`;
      out.push(
        { name: portPrefix, value: url },
        { name: `${portPrefix}_PROTO`, value: protocol.toLowerCase() },
        { name: `${portPrefix}_PORT`, value: String(sp.port) },
        { name: `${portPrefix}_ADDR`, value: ip },
      );
    });
  }
  return out;
}

/** The master services a pod always sees, from the master service namespace (`default`). */
const MASTER_SERVICES = new Set(['kubernetes']);
const MASTER_NAMESPACE = 'default';

/**
 * getServiceEnvVarMap: the Services a container of `pod` gets variables for, from `services`
 * (every Service the kubelet's informer holds when the container starts): `kubernetes` in
 * `default` always, and, with enableServiceLinks (default true), every Service in the pod's
 * namespace with a ClusterIP (one of the pod's namespace wins over a master service of the same
 * name). Sorted by name so the result is stable (the kubelet builds a map).
 */
export function servicesForPod(pod: Pod, services: readonly Service[]): Service[] {
  const namespace = pod.metadata.namespace ?? 'default';
  const links = pod.spec?.enableServiceLinks ?? true;
  const byName = new Map<string, Service>();
  for (const svc of services) {
    if (!hasClusterIP(svc)) continue;
    const name = svc.metadata.name;
    const ns = svc.metadata.namespace ?? 'default';
    if (ns === MASTER_NAMESPACE && MASTER_SERVICES.has(name)) {
      if (!byName.has(name)) byName.set(name, svc);
    } else if (ns === namespace && links) {
      byName.set(name, svc);
    }
  }
  return [...byName.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** The Service variables for a container of `pod`: servicesForPod, then serviceEnv. */
export function serviceEnvForPod(pod: Pod, services: readonly Service[]): EnvVar[] {
  return serviceEnv(servicesForPod(pod, services));
}
