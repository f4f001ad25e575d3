import type { Pod, Service, ServicePort } from '../api/types.js';
import type { Kubelet } from '../controllers/kubelet/kubelet.js';
import { podRuntime } from '../controllers/kubelet/lookup.js';
import type { TimeSource } from '../core/clock.js';
import type { Random } from '../core/random.js';
import type { SimProcess } from '../images/process.js';
import { CONTROL_PLANE_IP, CONTROL_PLANE_PORT } from '../store/allocators/bootstrap-services.js';
import type { Store } from '../store/store.js';
import { trafficPolicies } from './categorize.js';
import type { DnsAnswer } from './dns.js';
import { isLoopback } from './ip.js';
import type { PortForwards } from './port-forward.js';
import type { RequestError } from './requests.js';
import { type Backend, keyOf, type Topology } from './topology.js';

/**
 * kube-proxy's routing (iptables mode) and the pod network, for one connection:
 * - a Service's ClusterIP (or external IP) and port: one of the Service port's usable endpoints
 *   (ready ones; serving-and-terminating ones when none is ready: CategorizeEndpoints), picked
 *   at random (the `statistic --mode random` rules) from the network's seeded generator, or
 *   the same one again within the ClientIP session-affinity timeout; no usable endpoint is a
 *   REJECT (connection refused); a port the Service does not have matches no rule (timeout);
 *   with internalTrafficPolicy Local, ClusterIP traffic goes to the usable endpoints on the
 *   client pod's node only, and is dropped (timeout) when it has none but other nodes do;
 * - a node IP and a node port: the same, from anywhere; with externalTrafficPolicy Local, traffic
 *   from outside goes to endpoints on that node only, and is dropped (timeout) when it has none
 *   (pods' traffic to a node port is short-circuited to the Cluster endpoints, as upstream's
 *   "pod traffic for external destinations" rule does);
 * - a node IP and a host port: that pod's container port (CNI portmap); else host-network pods;
 * - a pod IP: that pod, from inside the cluster (the pod network is not routed from outside);
 * - localhost: for a pod itself; for the machine running kubectl, its port-forwards;
 * - the control plane (the `kubernetes` Service's endpoint): the apiserver.
 * A pod answers through its kubelet's running processes: nothing listening is refused, a pod
 * whose sandbox is gone does not answer (timeout). Topology hints (trafficDistribution) are not
 * simulated (every usable endpoint is used).
 */

/** Who connects: the machine running kubectl, or a pod (a named one or an anonymous client). */
export type Client =
  | { readonly kind: 'outside' }
  | {
      readonly kind: 'pod';
      readonly namespace: string;
      /** `namespace/name`; absent for the anonymous client pod. */
      readonly pod?: string;
      readonly ip: string;
      /**
       * The node the client pod runs on (internalTrafficPolicy Local picks that node's
       * endpoints). The anonymous client pod runs on no node, so it has no local endpoints.
       */
      readonly node?: string;
    };

/** The IP the machine running kubectl has on the kind network (its gateway, as seen by nodes). */
export const OUTSIDE_IP = '172.18.0.1';
/** The anonymous client pod's IP: outside every node's pod range as long as there are < 256 nodes. */
export const ANONYMOUS_CLIENT_IP = '10.244.255.254';

/** Traffic a node itself sends on (after kube-proxy's DNAT): routed like a pod's. */
const NODE_CLIENT: Client = { kind: 'pod', namespace: 'default', ip: OUTSIDE_IP };

/** Where a connection ended up. */
export type Reach =
  | { readonly kind: 'process'; readonly process: SimProcess; readonly port: number }
  | { readonly kind: 'apiserver' }
  | { readonly kind: 'failed'; readonly error: RequestError; readonly detail: string };

/** What routing learned on the way: the fields of the request record, and where it ended. */
export interface Route {
  address?: string;
  service?: string;
  servicePort?: number;
  forward?: number;
  pod?: string;
  podIP?: string;
  targetPort?: number;
  podReady?: boolean;
  reach: Reach;
}

interface Affinity {
  backend: Backend;
  lastUsed: number;
}

export interface KubeProxyDeps {
  readonly store: Store;
  readonly clock: TimeSource;
  readonly random: Random;
  readonly topology: Topology;
  readonly kubelets: ReadonlyMap<string, Kubelet>;
  readonly forwards: PortForwards;
}

function failed(error: RequestError, detail: string): Reach {
  return { kind: 'failed', error, detail };
}

function podReady(pod: Pod): boolean {
  const conditions = pod.status?.conditions;
  if (!conditions) return false;
  for (const c of conditions) if (c.type === 'Ready') return c.status === 'True';
  return false;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

export class KubeProxy {
  private readonly affinity = new Map<string, Affinity>();

  constructor(private readonly deps: KubeProxyDeps) {}

  /**
   * Connects `client` to `host:port`, where `answer` is what the client's resolver made of the
   * host (see dns.ts). Returns the route, with the process that accepted the connection.
   */
  connect(client: Client, host: string, answer: DnsAnswer, port: number): Route {
    if (answer.kind === 'nxdomain') {
      return { reach: failed('unresolvable', `no DNS name "${host}" (NXDOMAIN)`) };
    }
    if (answer.kind === 'external') {
      return {
        reach: failed(
          'external',
          `${answer.target} is outside the simulated cluster; kubesim does not reach it`,
        ),
      };
    }
    const addresses = answer.addresses;
    if (addresses.length === 0) {
      return { reach: failed('unresolvable', `"${answer.name}" has no address (no ready endpoint)`) };
    }
    // Several A records (a headless Service): CoreDNS's loadbalance plugin shuffles them and the
    // client takes the first.
    const address =
      addresses.length === 1 ? addresses[0]! : addresses[this.deps.random.int(addresses.length)]!;
    const route: Route = { address, reach: failed('timeout', '') };
    route.reach = this.toAddress(route, client, host, address, port);
    return route;
  }

  private toAddress(route: Route, client: Client, host: string, address: string, port: number): Reach {
    const { topology } = this.deps;
    if (isLoopback(address)) return this.toLoopback(route, client, host, address, port);
    const service = topology.serviceAt(address);
    if (service) {
      const clusterIP = service.spec?.clusterIP === address;
      if (clusterIP && client.kind === 'outside') {
        return failed('timeout', `${address} is a ClusterIP: it is reachable only from inside the cluster`);
      }
      // Traffic to an external IP from outside is not tied to a node here (kubesim does not model
      // which node receives it), so it gets Cluster semantics, as pods' traffic to it does.
      return this.toService(route, client, service, port, clusterIP ? 'internal' : undefined);
    }
    const node = topology.nodeAt(address);
    if (node) return this.toNode(route, client, node.name, port);
    const pod = topology.podAt(address);
    if (pod) {
      if (client.kind === 'outside') {
        return failed(
          'timeout',
          `${address} is a pod IP: the pod network is not reachable from outside the cluster`,
        );
      }
      return this.toPod(route, pod, port);
    }
    if (topology.inPodNetwork(address)) return failed('timeout', `no pod has the IP ${address}`);
    if (address === CONTROL_PLANE_IP) {
      return port === CONTROL_PLANE_PORT
        ? { kind: 'apiserver' }
        : failed('refused', 'the apiserver listens on 6443');
    }
    return failed('external', `${address} is outside the simulated cluster; kubesim does not reach it`);
  }

  private toLoopback(route: Route, client: Client, host: string, address: string, port: number): Reach {
    if (client.kind === 'pod') {
      if (!client.pod) return failed('refused', 'nothing listens on the client pod itself');
      return this.toPod(route, client.pod, port);
    }
    const found = this.deps.forwards.listenerAt(host === 'localhost' ? host : address, port);
    if (!found) return failed('refused', `nothing listens on ${address}:${port} (no port-forward)`);
    const { forward, port: pair } = found;
    this.deps.forwards.handling(forward, pair);
    route.forward = pair.local;
    const key = keyOf(forward.target.namespace, forward.target.pod);
    const reach = this.toPod(route, key, pair.remote, forward.target.uid);
    if (reach.kind === 'failed') {
      const why =
        reach.error === 'refused'
          ? `failed to connect to localhost:${pair.remote} inside the pod: connection refused`
          : 'the pod has no running sandbox';
      this.deps.forwards.failed(forward, pair, why);
      return failed('reset', `the port-forward could not reach the pod (${why}) and ended`);
    }
    return reach;
  }

  private toNode(route: Route, client: Client, node: string, port: number): Reach {
    const { topology } = this.deps;
    const np = topology.nodePort(port);
    if (np) {
      return this.toService(route, client, np.service, np.port.port, { receivedOn: node });
    }
    const hostPort = topology.hostPort(node, port);
    if (hostPort) return this.toPod(route, hostPort.pod, hostPort.containerPort);
    for (const pod of topology.hostNetworkPods(node)) {
      const [ns, name] = splitKey(pod);
      const kubelet = this.deps.kubelets.get(node);
      if (kubelet && podRuntime(kubelet, ns, name)?.listener(port)) return this.toPod(route, pod, port);
    }
    return failed('refused', `nothing listens on port ${port} of ${node}`);
  }

  /**
   * kube-proxy's chains for one Service port: `internal` for ClusterIP traffic (KUBE-SVC or, with
   * internalTrafficPolicy Local, KUBE-SVL), `receivedOn` for a node port on that node (KUBE-EXT),
   * undefined for an external IP. The endpoints follow CategorizeEndpoints; with no usable
   * endpoint anywhere the filter table REJECTs (refused), with none for a Local policy on this
   * node it DROPs (timeout).
   */
  private toService(
    route: Route,
    client: Client,
    service: Service,
    port: number,
    traffic: 'internal' | { readonly receivedOn: string } | undefined,
  ): Reach {
    const key = keyOf(service.metadata.namespace, service.metadata.name);
    route.service = key;
    route.servicePort = port;
    const sp = findServicePort(service, port);
    if (!sp) return failed('timeout', `service ${key} has no port ${port}`);
    const { topology } = this.deps;
    const backends = topology.backends(service, sp);
    if (backends.usable.length === 0) return failed('refused', `service ${key} has no ready endpoint`);
    let usable = backends.usable;
    // The policy this traffic follows (proxy.ServicePort's internalPolicyLocal/externalPolicyLocal).
    const spec = service.spec!;
    let localNode: string | undefined;
    let policy: string | undefined;
    if (traffic === 'internal') {
      if (spec.internalTrafficPolicy === 'Local') {
        policy = 'internalTrafficPolicy';
        localNode = client.kind === 'pod' ? client.node : undefined;
      }
    } else if (
      traffic !== undefined &&
      client.kind === 'outside' &&
      trafficPolicies(service).externalPolicyLocal
    ) {
      policy = 'externalTrafficPolicy';
      localNode = traffic.receivedOn;
    }
    if (policy !== undefined) {
      usable = localNode === undefined ? [] : topology.localBackends(service, sp, localNode);
      if (usable.length === 0) {
        const where = localNode === undefined ? 'the client pod runs on no node' : `none on ${localNode}`;
        return failed('timeout', `service ${key} has no local endpoint (${policy} Local; ${where})`);
      }
    }
    const backend = this.choose(service, sp, client, usable);
    if (backend.pod) return this.toPod(route, backend.pod, backend.port, undefined, backend.ip);
    // An endpoint without a pod (a selector-less Service's own Endpoints): after the DNAT the
    // packet leaves the node, so it is routed as the node's own traffic.
    route.podIP = backend.ip;
    route.targetPort = backend.port;
    return this.toAddress(route, NODE_CLIENT, backend.ip, backend.ip, backend.port);
  }

  /** The statistic-mode-random pick, with ClientIP affinity (the `recent` module's window). */
  private choose(service: Service, sp: ServicePort, client: Client, usable: readonly Backend[]): Backend {
    const spec = service.spec!;
    if (spec.sessionAffinity !== 'ClientIP') return usable[this.deps.random.int(usable.length)]!;
    const timeoutMs = (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) * 1000;
    const clientIP = client.kind === 'outside' ? OUTSIDE_IP : client.ip;
    const key = `${keyOf(service.metadata.namespace, service.metadata.name)}|${sp.port}|${clientIP}`;
    const now = this.deps.clock.now;
    const held = this.affinity.get(key);
    if (held && now - held.lastUsed <= timeoutMs) {
      const again = usable.find((b) => b.ip === held.backend.ip && b.port === held.backend.port);
      if (again) {
        held.lastUsed = now;
        return again;
      }
    }
    const backend = usable[this.deps.random.int(usable.length)]!;
    this.affinity.set(key, { backend, lastUsed: now });
    return backend;
  }

  /** The pod answers through its kubelet: a listening process, nothing (refused), or no sandbox. */
  private toPod(route: Route, key: string, port: number, uid?: string, ip?: string): Reach {
    route.pod = key;
    route.targetPort = port;
    const [namespace, name] = splitKey(key);
    const pod = this.deps.store.get('Pod', namespace, name);
    if (ip !== undefined) route.podIP = ip;
    if (!pod || (uid !== undefined && pod.metadata.uid !== uid)) {
      return failed('timeout', `pod ${key} is gone`);
    }
    route.podIP = pod.status?.podIP ?? route.podIP;
    route.podReady = podReady(pod);
    const node = pod.spec?.nodeName;
    const kubelet = node === undefined ? undefined : this.deps.kubelets.get(node);
    const runtime = kubelet && podRuntime(kubelet, namespace, name);
    if (!runtime || runtime.uid !== pod.metadata.uid) {
      return failed('timeout', `pod ${key} has no running sandbox`);
    }
    const process = runtime.listener(port);
    if (!process) return failed('refused', `nothing listens on port ${port} in pod ${key}`);
    return { kind: 'process', process, port };
  }
}

/** The Service port a connection to `port` matches (TCP; kubesim's clients speak TCP). */
export function findServicePort(service: Service, port: number): ServicePort | undefined {
  for (const sp of service.spec?.ports ?? []) {
    if (sp.port === port && (sp.protocol ?? 'TCP') === 'TCP') return sp;
  }
  return undefined;
}
