/**
 * A small read-only API server on 127.0.0.1 that serves a kubesim cluster's store to a real
 * kubectl: legacy discovery, GET of one object, LIST with labelSelector and fieldSelector, Tables
 * when kubectl asks for `as=Table`, watches that stay open and silent (rollout status lists, then
 * watches), the v1.33 Endpoints deprecation warning, and synthetic objects a real cluster has and
 * kubesim does not store (node Leases, empty ResourceQuota and LimitRange lists). Everything it
 * answers is logged, so a command that needed something missing shows up as a 404.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseSelector } from '../../src/api/labels.js';
import { qualifiedResource, RESOURCE_TYPES, type ResourceType } from '../../src/api/resources.js';
import type { KubeObject } from '../../src/api/types.js';
import { notFound } from '../../src/core/errors.js';
import { fieldSelector } from '../../src/kubectl/field-selector.js';
import type { ClusterView } from '../../src/kubectl/index.js';
import { microTimestampOf, simTimeOf } from '../../src/store/time.js';
import { discoveryRoutes } from './discovery.js';
import { type IncludeObject, shiftTimestamps, statusOf, table, typedList } from './wire.js';

const ENDPOINTS_WARNING =
  '299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"';

/** The kubelet renews its node Lease every 10 s (kubesim's describe node shows the same rule). */
const LEASE_RENEW_MS = 10_000;

interface Route {
  readonly type: ResourceType;
  readonly namespace?: string;
  readonly name?: string;
}

export class FakeApiServer {
  /** Added to every timestamp served (ms, whole seconds); see compare.ts for why. */
  shiftMs = 0;
  /** `GET /api/v1/... 200` lines of the current command. */
  readonly log: string[] = [];
  private server?: Server;
  private routes = new Map<string, unknown>();

  constructor(private readonly cluster: ClusterView) {}

  async start(): Promise<number> {
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    this.routes = discoveryRoutes(`127.0.0.1:${port}`);
    return port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let status: number;
    try {
      status = this.answer(req, url, res);
    } catch (err) {
      // A query the store cannot parse (a bad selector): a BadRequest with kubesim's message,
      // which is not necessarily the API server's wording.
      status = send(res, 400, { ...genericStatus('BadRequest', 400), message: (err as Error).message });
    }
    this.log.push(`${req.method} ${url.pathname}${url.search} ${status}`);
  }

  private answer(req: IncomingMessage, url: URL, res: ServerResponse): number {
    const fixed = this.routes.get(url.pathname);
    if (fixed) return send(res, 200, fixed);
    if (req.method !== 'GET') return send(res, 405, genericStatus('MethodNotAllowed', 405));
    const synthetic = this.synthetic(url.pathname);
    if (synthetic !== undefined) return synthetic ? send(res, 200, synthetic) : send404(res);
    const route = parseRoute(url.pathname);
    if (!route) return send404(res);
    if (route.type.kind === 'Endpoints') res.setHeader('Warning', ENDPOINTS_WARNING);
    const q = url.searchParams;
    if (q.get('watch') === 'true' || q.get('watch') === '1') return this.watch(res);
    const wantsTable = (req.headers.accept ?? '').includes('as=Table');
    const include = (q.get('includeObject') as IncludeObject | null) ?? 'Metadata';
    const rv = String(this.cluster.store.history.length);
    const store = this.cluster.store;
    if (route.name !== undefined) {
      const obj = store.get(route.type.kind, route.namespace, route.name);
      if (!obj) {
        const err = notFound(qualifiedResource(route.type), route.name);
        return send(res, 404, statusOf(err, route.type.plural));
      }
      const body = wantsTable ? table(route.type, [obj], this.cluster.now, include, rv) : obj;
      return send(res, 200, shiftTimestamps(body, this.shiftMs));
    }
    let objects: KubeObject[] = store.list(route.type.kind, route.namespace);
    const labels = q.get('labelSelector');
    if (labels) {
      const selector = parseSelector(labels);
      objects = objects.filter((o) => selector.matches(o.metadata.labels));
    }
    const fields = fieldSelector(q.get('fieldSelector') ?? '');
    if (fields) objects = objects.filter(fields);
    const body = wantsTable
      ? table(route.type, objects, this.cluster.now, include, rv)
      : typedList(route.type, objects, rv);
    return send(res, 200, shiftTimestamps(body, this.shiftMs));
  }

  /** A watch that sends nothing and stays open until kubectl goes away or the server stops. */
  private watch(res: ServerResponse): number {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    res.flushHeaders();
    return 200;
  }

  /**
   * Objects a real cluster has that kubesim does not store: each node's Lease (the kubelet's, as
   * kubesim's describe node assumes it) and the empty quota lists describe namespace reads.
   * `undefined`: not a synthetic path; `null`: a synthetic path with nothing there.
   */
  private synthetic(path: string): unknown {
    const lease = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/.exec(
      path,
    );
    if (lease) {
      const node = this.cluster.store.get('Node', undefined, lease[1]!);
      if (!node) return null;
      const created = simTimeOf(node.metadata.creationTimestamp) ?? 0;
      const renewed =
        created + Math.floor(Math.max(0, this.cluster.now - created) / LEASE_RENEW_MS) * LEASE_RENEW_MS;
      return shiftTimestamps(
        {
          kind: 'Lease',
          apiVersion: 'coordination.k8s.io/v1',
          metadata: { name: node.metadata.name, namespace: 'kube-node-lease' },
          spec: {
            holderIdentity: node.metadata.name,
            leaseDurationSeconds: 40,
            renewTime: microTimestampOf(renewed),
          },
        },
        this.shiftMs,
      );
    }
    const quota = /^\/api\/v1\/namespaces\/[^/]+\/(resourcequotas|limitranges)$/.exec(path);
    if (quota) {
      const kind = quota[1] === 'resourcequotas' ? 'ResourceQuotaList' : 'LimitRangeList';
      return { kind, apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] };
    }
    return undefined;
  }
}

/** `/api/v1/namespaces/NS/pods/NAME`, `/apis/apps/v1/deployments`, `/api/v1/nodes/NAME`, … */
function parseRoute(path: string): Route | undefined {
  const parts = path.split('/').filter(Boolean);
  let group: string;
  let rest: string[];
  if (parts[0] === 'api' && parts[1] === 'v1') {
    group = '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3 && parts[2] === 'v1') {
    group = parts[1]!;
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  const typeOf = (plural: string | undefined) =>
    RESOURCE_TYPES.find((r) => r.group === group && r.plural === plural);
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const type = typeOf(rest[2]);
    if (!type?.namespaced || rest.length > 4) return undefined;
    return { type, namespace: rest[1], name: rest[3] };
  }
  const type = typeOf(rest[0]);
  if (!type || rest.length > 2) return undefined;
  if (type.namespaced && rest.length === 2) return undefined;
  return { type, name: rest[1] };
}

function genericStatus(reason: string, code: number) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: reason, reason, code };
}

function send404(res: ServerResponse): number {
  return send(res, 404, {
    ...genericStatus('NotFound', 404),
    message: 'the server could not find the requested resource',
  });
}

function send(res: ServerResponse, code: number, body: unknown): number {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return code;
}
