import type { EndpointSlice, Node, Pod, Service, ServicePort } from '../api/types.js';
import type { Store } from '../store/store.js';
import { clusterEndpoints, localEndpoints } from './categorize.js';
import { inCIDR } from './ip.js';

/**
 * What kube-proxy and CoreDNS know about the cluster, indexed so that one request costs a few
 * map lookups: Services by name, ClusterIP, external IP and node port; nodes by name and IP;
 * pods by IP, host port and host network; each Service's endpoints from its EndpointSlices.
 * Kept current from the store's watch events (as kube-proxy's informers are), never by scanning.
 */

/** One endpoint of one Service port, as kube-proxy's endpoint map holds it. */
export interface Backend {
  readonly ip: string;
  /** The port on the endpoint (the targetPort, named ones already resolved per pod). */
  readonly port: number;
  /** The pod behind the endpoint (`namespace/name`), from the slice's targetRef. */
  readonly pod: string | undefined;
  readonly nodeName: string | undefined;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
}

/** The endpoints of one Service port and the ones kube-proxy would send traffic to. */
export interface PortBackends {
  readonly all: readonly Backend[];
  /**
   * CategorizeEndpoints (pkg/proxy/topology.go) for Cluster traffic policy: the ready endpoints,
   * or, when there are none, the serving-and-terminating ones. Empty exactly when the port has
   * no usable endpoint anywhere (CategorizeEndpoints' hasAnyEndpoints is false).
   */
  readonly usable: readonly Backend[];
  /** Local traffic policy's endpoints per node (see localBackends), filled on first use. */
  readonly localByNode: Map<string, readonly Backend[]>;
}

export interface NodeEntry {
  readonly name: string;
  readonly ip: string;
  readonly podCIDR: string | undefined;
}

export interface HostPortEntry {
  readonly pod: string;
  readonly containerPort: number;
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? 'default'}/${name}`;
}

/** The slice port that carries a Service port: same name ("" for an unnamed one) and protocol. */
function slicePortFor(slice: EndpointSlice, sp: ServicePort): number | undefined {
  const name = sp.name ?? '';
  const protocol = sp.protocol ?? 'TCP';
  for (const p of slice.ports ?? []) {
    if ((p.name ?? '') === name && (p.protocol ?? 'TCP') === protocol) return p.port;
  }
  return undefined;
}

export class Topology {
  private readonly services = new Map<string, Service>();
  private readonly servicesByIP = new Map<string, string>();
  private readonly nodePorts = new Map<number, { service: string; port: ServicePort }>();
  private readonly nodesByName = new Map<string, NodeEntry>();
  private readonly nodesByIP = new Map<string, NodeEntry>();
  private readonly podsByIP = new Map<string, string>();
  private readonly podIPs = new Map<string, string>();
  private readonly hostPorts = new Map<string, HostPortEntry>();
  private readonly hostPortKeys = new Map<string, string[]>();
  private readonly hostNetwork = new Map<string, Set<string>>();
  private readonly hostNetworkNode = new Map<string, string>();
  private readonly slices = new Map<string, Map<string, EndpointSlice>>();
  private readonly backendCache = new Map<string, Map<string, PortBackends>>();

  constructor(store: Store) {
    for (const node of store.list('Node')) this.setNode(node);
    for (const svc of store.list('Service')) this.setService(svc);
    for (const slice of store.list('EndpointSlice')) this.setSlice(slice, undefined);
    for (const pod of store.list('Pod')) this.setPod(pod);
    store.watch('Node', (e) => (e.type === 'DELETED' ? this.removeNode(e.object) : this.setNode(e.object)));
    store.watch('Service', (e) => {
      this.removeService(e.old ?? e.object);
      if (e.type !== 'DELETED') this.setService(e.object);
    });
    store.watch('EndpointSlice', (e) => {
      if (e.type === 'DELETED') this.removeSlice(e.object);
      else this.setSlice(e.object, e.old);
    });
    store.watch('Pod', (e) => {
      // Most pod writes are the kubelet's status updates, which move nothing indexed here.
      if (e.type === 'MODIFIED' && e.old && sameNetworkIdentity(e.old, e.object)) return;
      if (e.old) this.removePod(e.old);
      if (e.type === 'DELETED') this.removePod(e.object);
      else this.setPod(e.object);
    });
  }

  // ---- queries ----

  service(namespace: string, name: string): Service | undefined {
    return this.services.get(keyOf(namespace, name));
  }

  serviceByKey(key: string): Service | undefined {
    return this.services.get(key);
  }

  /** The Service whose ClusterIP or one of whose externalIPs is `ip`. */
  serviceAt(ip: string): Service | undefined {
    const key = this.servicesByIP.get(ip);
    return key === undefined ? undefined : this.services.get(key);
  }

  nodePort(port: number): { service: Service; port: ServicePort } | undefined {
    const entry = this.nodePorts.get(port);
    const service = entry && this.services.get(entry.service);
    return service && entry ? { service, port: entry.port } : undefined;
  }

  node(name: string): NodeEntry | undefined {
    return this.nodesByName.get(name);
  }

  nodeAt(ip: string): NodeEntry | undefined {
    return this.nodesByIP.get(ip);
  }

  /** The pod (`namespace/name`, not on the host network) that has `ip`. */
  podAt(ip: string): string | undefined {
    return this.podsByIP.get(ip);
  }

  /** Whether `ip` lies in a node's pod CIDR (a pod address, whether or not a pod has it now). */
  inPodNetwork(ip: string): boolean {
    for (const node of this.nodesByName.values()) {
      if (node.podCIDR && inCIDR(ip, node.podCIDR)) return true;
    }
    return false;
  }

  /** The pod whose container maps `hostPort` on `node` (CNI portmap). */
  hostPort(node: string, port: number): HostPortEntry | undefined {
    return this.hostPorts.get(`${node}:${port}`);
  }

  /** Pods on `node` that use the node's network namespace. */
  hostNetworkPods(node: string): ReadonlySet<string> {
    return this.hostNetwork.get(node) ?? EMPTY;
  }

  /** The endpoints of one port of a Service, from its EndpointSlices (cached until they change). */
  backends(service: Service, sp: ServicePort): PortBackends {
    const key = keyOf(service.metadata.namespace, service.metadata.name);
    let perService = this.backendCache.get(key);
    if (!perService) this.backendCache.set(key, (perService = new Map()));
    const portKey = `${sp.name ?? ''}/${sp.protocol ?? 'TCP'}`;
    let cached = perService.get(portKey);
    if (!cached) {
      cached = this.computeBackends(key, sp);
      perService.set(portKey, cached);
    }
    return cached;
  }

  /**
   * CategorizeEndpoints' Local endpoints of one Service port on `node`: its ready ones, else its
   * serving-and-terminating ones (cached with the port's endpoints).
   */
  localBackends(service: Service, sp: ServicePort, node: string): readonly Backend[] {
    const backends = this.backends(service, sp);
    let local = backends.localByNode.get(node);
    if (!local) {
      local = localEndpoints(backends.all, node);
      backends.localByNode.set(node, local);
    }
    return local;
  }

  /** The ready endpoints' addresses of a Service (what CoreDNS answers for a headless one). */
  readyAddresses(service: Service): string[] {
    const key = keyOf(service.metadata.namespace, service.metadata.name);
    const out: string[] = [];
    for (const slice of this.slices.get(key)?.values() ?? []) {
      if (slice.addressType !== 'IPv4') continue;
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses[0];
        if (ip && ep.conditions?.ready !== false && !out.includes(ip)) out.push(ip);
      }
    }
    return out;
  }

  /** The address of the endpoint with `hostname` in a Service's slices (`web-0.nginx.ns.svc`). */
  hostnameAddress(service: Service, hostname: string): string | undefined {
    const key = keyOf(service.metadata.namespace, service.metadata.name);
    for (const slice of this.slices.get(key)?.values() ?? []) {
      for (const ep of slice.endpoints ?? []) {
        if (ep.hostname === hostname && ep.conditions?.ready !== false) return ep.addresses[0];
      }
    }
    return undefined;
  }

  /**
   * The Services with a ready endpoint at `ip`, each with that endpoint's hostname (if any), by
   * Service key: what CoreDNS's reverse lookup walks (EpIndexReverse). A rare question (old
   * nslookup asks it), so it scans the slices rather than keeping an index.
   */
  endpointsAt(ip: string): Array<{ service: Service; hostname: string | undefined }> {
    const out: Array<{ service: Service; hostname: string | undefined }> = [];
    for (const key of [...this.slices.keys()].sort()) {
      const service = this.services.get(key);
      if (!service) continue;
      const found = [...(this.slices.get(key)?.values() ?? [])]
        .flatMap((slice) => slice.endpoints ?? [])
        .find((ep) => ep.addresses.includes(ip) && ep.conditions?.ready !== false);
      if (found) out.push({ service, hostname: found.hostname });
    }
    return out;
  }

  // ---- index maintenance ----

  private computeBackends(serviceKey: string, sp: ServicePort): PortBackends {
    const all: Backend[] = [];
    const seen = new Set<string>();
    for (const slice of this.slices.get(serviceKey)?.values() ?? []) {
      if (slice.addressType !== 'IPv4') continue;
      const port = slicePortFor(slice, sp);
      if (port === undefined) continue;
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses[0];
        if (!ip || seen.has(`${ip}:${port}`)) continue;
        seen.add(`${ip}:${port}`);
        // discovery/v1: a nil ready means "unknown" and is read as ready; nil serving as ready.
        const ready = ep.conditions?.ready !== false;
        const ref = ep.targetRef;
        all.push({
          ip,
          port,
          pod:
            ref?.kind === 'Pod' && ref.name
              ? keyOf(ref.namespace ?? slice.metadata.namespace, ref.name)
              : undefined,
          nodeName: ep.nodeName,
          ready,
          serving: ep.conditions?.serving ?? ready,
          terminating: ep.conditions?.terminating ?? false,
        });
      }
    }
    return { all, usable: clusterEndpoints(all), localByNode: new Map() };
  }

  private setNode(node: Node): void {
    const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    const entry: NodeEntry = { name: node.metadata.name, ip: ip ?? '', podCIDR: node.spec?.podCIDR };
    this.removeNode(node);
    this.nodesByName.set(entry.name, entry);
    if (ip) this.nodesByIP.set(ip, entry);
  }

  private removeNode(node: Node): void {
    const old = this.nodesByName.get(node.metadata.name);
    if (!old) return;
    this.nodesByName.delete(old.name);
    if (this.nodesByIP.get(old.ip) === old) this.nodesByIP.delete(old.ip);
  }

  private setService(svc: Service): void {
    const key = keyOf(svc.metadata.namespace, svc.metadata.name);
    this.services.set(key, svc);
    const spec = svc.spec ?? {};
    if (spec.clusterIP && spec.clusterIP !== 'None') this.servicesByIP.set(spec.clusterIP, key);
    for (const ip of spec.externalIPs ?? []) this.servicesByIP.set(ip, key);
    for (const port of spec.ports ?? []) {
      if (port.nodePort) this.nodePorts.set(port.nodePort, { service: key, port });
    }
    this.backendCache.delete(key);
  }

  private removeService(svc: Service): void {
    const key = keyOf(svc.metadata.namespace, svc.metadata.name);
    const old = this.services.get(key);
    if (!old) return;
    this.services.delete(key);
    for (const [ip, k] of this.servicesByIP) if (k === key) this.servicesByIP.delete(ip);
    for (const port of old.spec?.ports ?? []) {
      if (port.nodePort && this.nodePorts.get(port.nodePort)?.service === key)
        this.nodePorts.delete(port.nodePort);
    }
    this.backendCache.delete(key);
  }

  private sliceService(slice: EndpointSlice): string | undefined {
    const name = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    return name ? keyOf(slice.metadata.namespace, name) : undefined;
  }

  private setSlice(slice: EndpointSlice, old: EndpointSlice | undefined): void {
    if (old) this.removeSlice(old);
    const key = this.sliceService(slice);
    if (!key) return;
    let map = this.slices.get(key);
    if (!map) this.slices.set(key, (map = new Map()));
    map.set(slice.metadata.name, slice);
    this.backendCache.delete(key);
  }

  private removeSlice(slice: EndpointSlice): void {
    const key = this.sliceService(slice);
    if (!key) return;
    const map = this.slices.get(key);
    map?.delete(slice.metadata.name);
    if (map?.size === 0) this.slices.delete(key);
    this.backendCache.delete(key);
  }

  private setPod(pod: Pod): void {
    const key = keyOf(pod.metadata.namespace, pod.metadata.name);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    const node = pod.spec?.nodeName;
    if (pod.spec?.hostNetwork) {
      if (node) {
        let set = this.hostNetwork.get(node);
        if (!set) this.hostNetwork.set(node, (set = new Set()));
        set.add(key);
        this.hostNetworkNode.set(key, node);
      }
    } else if (pod.status?.podIP) {
      this.podsByIP.set(pod.status.podIP, key);
      this.podIPs.set(key, pod.status.podIP);
    }
    if (node) {
      const keys: string[] = [];
      for (const c of pod.spec?.containers ?? []) {
        for (const p of c.ports ?? []) {
          if (!p.hostPort || (p.protocol ?? 'TCP') !== 'TCP') continue;
          const hk = `${node}:${p.hostPort}`;
          this.hostPorts.set(hk, { pod: key, containerPort: p.containerPort });
          keys.push(hk);
        }
      }
      if (keys.length > 0) this.hostPortKeys.set(key, keys);
    }
  }

  private removePod(pod: Pod): void {
    const key = keyOf(pod.metadata.namespace, pod.metadata.name);
    const ip = this.podIPs.get(key);
    if (ip !== undefined) {
      this.podIPs.delete(key);
      if (this.podsByIP.get(ip) === key) this.podsByIP.delete(ip);
    }
    const node = this.hostNetworkNode.get(key);
    if (node !== undefined) {
      this.hostNetworkNode.delete(key);
      this.hostNetwork.get(node)?.delete(key);
    }
    for (const hk of this.hostPortKeys.get(key) ?? []) {
      if (this.hostPorts.get(hk)?.pod === key) this.hostPorts.delete(hk);
    }
    this.hostPortKeys.delete(key);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Whether a pod change leaves its entries here as they are: the same spec (so node, host
 * network and host ports), the same pod IP and the same finished-or-not. Host-network pods are
 * always re-indexed, as their per-node sets keep an order.
 */
function sameNetworkIdentity(before: Pod, after: Pod): boolean {
  return (
    before.spec === after.spec &&
    !after.spec?.hostNetwork &&
    before.status?.podIP === after.status?.podIP &&
    isFinished(before) === isFinished(after)
  );
}

function isFinished(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
