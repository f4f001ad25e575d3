import type { Kubelet } from '../controllers/kubelet/kubelet.js';
import type { TimeSource } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { reasonPhrase } from '../images/sh/commands/net.js';
import type { Store } from '../store/store.js';
import { ClusterDns, type DnsAnswer } from './dns.js';
import { isLoopback } from './ip.js';
import { PortForwards } from './port-forward.js';
import { ANONYMOUS_CLIENT_IP, type Client, KubeProxy, type Route } from './proxy.js';
import { type RequestError, type RequestListener, RequestLog, type RequestRecord } from './requests.js';
import { keyOf, Topology } from './topology.js';
import { parseTarget, type Target } from './url.js';

/**
 * The simulated cluster network: cluster DNS, kube-proxy's routing, the pods' listeners and
 * kubectl's port-forwards, with every request recorded. One per Cluster (`cluster.network`).
 *
 *   cluster.network.send('http://web/')                      // from an anonymous pod in default
 *   cluster.network.send('http://node-1:30080/', { count: 10 })
 *   cluster.network.send('http://localhost:8080/')           // through a port-forward
 *   cluster.network.send('http://web.shop/', { from: { pod: 'client', namespace: 'shop' } })
 *   cluster.network.requests; cluster.network.subscribe((r) => …)
 *
 * Requests take no simulated time; a request that would time out is recorded at once with
 * `error: 'timeout'`.
 */

/**
 * Where a request comes from: `outside` is the machine running kubectl (it reaches node IPs and
 * its port-forwards), `cluster` an anonymous client pod (busybox-like, in `namespace`), or a pod.
 */
export type RequestSource = 'outside' | 'cluster' | { readonly pod: string; readonly namespace?: string };

export interface SendOptions {
  /**
   * Default: `outside` for localhost and 127.0.0.1 (port-forwards) and for a node's name or IP
   * (node ports, as a user reaches them), `cluster` otherwise.
   */
  readonly from?: RequestSource;
  /** The anonymous client pod's namespace, for its DNS search path (default `default`). */
  readonly namespace?: string;
  /** How many requests, one after another at the same instant (default 1). */
  readonly count?: number;
}

export interface NetworkDeps {
  readonly store: Store;
  readonly clock: TimeSource;
  /** The network's own stream (forked from the cluster seed): endpoint choice, local ports. */
  readonly random: Random;
  readonly kubelets: ReadonlyMap<string, Kubelet>;
}

/** A connection's outcome at the HTTP level. */
type Exchange =
  | { readonly status: number; readonly body: string }
  | { readonly error: RequestError; readonly detail: string };

export class Network {
  readonly topology: Topology;
  readonly dns: ClusterDns;
  readonly forwards: PortForwards;
  private readonly proxy: KubeProxy;
  private readonly log = new RequestLog();

  constructor(private readonly deps: NetworkDeps) {
    this.topology = new Topology(deps.store);
    this.dns = new ClusterDns(this.topology);
    this.forwards = new PortForwards(deps.store, deps.clock, deps.random.fork('port-forward'));
    this.proxy = new KubeProxy({
      store: deps.store,
      clock: deps.clock,
      random: deps.random.fork('kube-proxy'),
      topology: this.topology,
      kubelets: deps.kubelets,
      forwards: this.forwards,
    });
  }

  /** Every request so far, in order. */
  get requests(): readonly RequestRecord[] {
    return this.log.all;
  }

  /** Calls `listener` with each request from now on; returns a function that stops it. */
  subscribe(listener: RequestListener): () => void {
    return this.log.subscribe(listener);
  }

  /**
   * Sends `count` HTTP GET requests to `url` and returns their records. Throws a KubesimError for
   * a URL that cannot be parsed and a NotFound error for a `from` pod that does not exist.
   */
  send(url: string, options: SendOptions = {}): RequestRecord[] {
    const target = parseTarget(url);
    const source = options.from ?? this.defaultSource(target.host);
    const client = this.client(source, options.namespace);
    // Nothing changes between requests sent at the same instant: resolve the name once.
    const answer = this.resolve(client, target.host);
    const count = options.count ?? 1;
    const out: RequestRecord[] = [];
    for (let i = 0; i < count; i++) out.push(this.request(client, url, target, answer));
    return out;
  }

  /** What the source's resolver makes of `name` (a pod's search path, or the outside's). */
  lookup(name: string, options: { from?: RequestSource; namespace?: string } = {}): DnsAnswer {
    return this.resolve(this.client(options.from ?? 'cluster', options.namespace), name);
  }

  /** The cluster DNS name of an address (a PTR lookup), or undefined when it has none. */
  reverseLookup(ip: string): string | undefined {
    return this.dns.reverse(ip);
  }

  /** One HTTP GET from `client`, recorded. (The shell's wget comes in here too.) */
  request(client: Client, url: string, target: Target, answer?: DnsAnswer): RequestRecord {
    const route = this.proxy.connect(
      client,
      target.host,
      answer ?? this.resolve(client, target.host),
      target.port,
    );
    const exchange = this.exchange(route, target.path);
    return this.record(client, url, target, route, exchange);
  }

  /** A TCP connection only (`nc -z`): whether something accepted it. Not recorded as a request. */
  connect(client: Client, host: string, port: number): Route {
    return this.proxy.connect(client, host, this.resolve(client, host), port);
  }

  /** Who sends a request nobody placed: the outside for loopback and the nodes, else a pod. */
  private defaultSource(host: string): RequestSource {
    const name = host.toLowerCase();
    if (isLoopback(name) || this.topology.node(name) || this.topology.nodeAt(name)) return 'outside';
    return 'cluster';
  }

  /** The client a source stands for. */
  client(source: RequestSource, namespace = 'default'): Client {
    if (source === 'outside') return { kind: 'outside' };
    if (source === 'cluster') return { kind: 'pod', namespace, ip: ANONYMOUS_CLIENT_IP };
    const ns = source.namespace ?? 'default';
    const pod = this.deps.store.get('Pod', ns, source.pod);
    if (!pod) throw notFound('pods', source.pod);
    return {
      kind: 'pod',
      namespace: ns,
      pod: keyOf(ns, source.pod),
      ip: pod.status?.podIP ?? ANONYMOUS_CLIENT_IP,
      ...(pod.spec?.nodeName ? { node: pod.spec.nodeName } : {}),
    };
  }

  resolve(client: Client, host: string): DnsAnswer {
    return client.kind === 'outside' ? this.dns.lookupOutside(host) : this.dns.lookup(host, client.namespace);
  }

  private exchange(route: Route, path: string): Exchange {
    const reach = route.reach;
    switch (reach.kind) {
      case 'failed':
        return { error: reach.error, detail: reach.detail };
      case 'apiserver':
        return apiserverAnswer(path);
      case 'process': {
        const result = reach.process.httpGet(reach.port, path);
        if (result.kind === 'response') return { status: result.status, body: result.body };
        if (result.kind === 'refused')
          return { error: 'refused', detail: `nothing listens on port ${reach.port}` };
        return { error: 'reset', detail: `the process on port ${reach.port} does not speak HTTP` };
      }
    }
  }

  private record(
    client: Client,
    url: string,
    target: Target,
    route: Route,
    exchange: Exchange,
  ): RequestRecord {
    const r: Record<string, unknown> = {
      at: this.deps.clock.now,
      source: client.kind === 'outside' ? 'outside' : (client.pod ?? 'cluster'),
      url,
    };
    if (route.address !== undefined) r.address = route.address;
    r.port = target.port;
    if (route.service !== undefined) {
      r.service = route.service;
      r.servicePort = route.servicePort;
    }
    if (route.forward !== undefined) r.forward = route.forward;
    if (route.pod !== undefined) r.pod = route.pod;
    if (route.podIP !== undefined) r.podIP = route.podIP;
    if (route.targetPort !== undefined) r.targetPort = route.targetPort;
    if (route.podReady !== undefined) r.podReady = route.podReady;
    if ('status' in exchange) {
      r.status = exchange.status;
      r.body = exchange.body;
      r.ok = exchange.status < 400;
      if (exchange.status >= 400) {
        r.message =
          `wget: server returned error: HTTP/1.1 ${exchange.status} ${reasonPhrase(exchange.status)}`.trimEnd();
      }
    } else {
      r.error = exchange.error;
      r.message = clientMessage(exchange.error, target.host, route.address, exchange.detail);
      r.detail = exchange.detail;
      r.ok = false;
    }
    return this.log.add(r as Omit<RequestRecord, 'seq'>);
  }
}

/** What busybox wget prints for a failed request. */
function clientMessage(
  error: RequestError,
  host: string,
  address: string | undefined,
  detail: string,
): string {
  switch (error) {
    case 'unresolvable':
      return `wget: bad address '${host}'`;
    case 'refused':
      return `wget: can't connect to remote host (${address ?? host}): Connection refused`;
    case 'timeout':
      return 'wget: download timed out';
    case 'reset':
      return 'wget: error getting response: Connection reset by peer';
    case 'external':
      return `kubesim: ${detail}`;
  }
}

/**
 * The apiserver (the `kubernetes` Service's endpoint) as an anonymous client sees it: the health
 * endpoints answer `ok` (system:public-info-viewer), everything else is 403 Forbidden.
 */
function apiserverAnswer(path: string): Exchange {
  const bare = path.split('?')[0]!;
  if (bare === '/healthz' || bare === '/livez' || bare === '/readyz') return { status: 200, body: 'ok' };
  const body = JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `forbidden: User "system:anonymous" cannot get path "${bare}"`,
    reason: 'Forbidden',
    details: {},
    code: 403,
  });
  return { status: 403, body };
}
