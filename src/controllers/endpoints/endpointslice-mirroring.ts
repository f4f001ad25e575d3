import type { Endpoint, EndpointSlice, Endpoints } from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import { StatusError } from '../../core/errors.js';
import type { WorkQueue } from '../../sim/loop.js';
import type { ReconcileResult, Reconciler } from '../../sim/reconciler.js';
import { keyFor, splitKey } from '../../sim/reconciler.js';
import { parseIPv4 } from '../../store/allocators/ipv4.js';
import type { ControllerContext } from '../context.js';
import { ANNOTATION_TRIGGER_TIME, LABEL_SERVICE_NAME, LABEL_SLICE_MANAGED_BY } from './constants.js';
import { endpointKey, endpointsEqualBeyondHash, portMapKey, sortPorts } from './endpointslice-util.js';
import type { SlicePort } from './go-hash.js';

/** pkg/controller/endpointslicemirroring ControllerName. */
export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
const LABEL_SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** --mirroring-max-endpoints-per-subset default. */
const MAX_ENDPOINTS_PER_SUBSET = 1000;

/**
 * The EndpointSliceMirroring controller (pkg/controller/endpointslicemirroring), simplified:
 * the Endpoints of a Service without a selector are copied into EndpointSlices named
 * `<name>-<5 characters>`, managed by endpointslicemirroring-controller.k8s.io and owned by the
 * Endpoints. One slice per set of ports (up to 1000 endpoints), ready addresses as ready:true
 * and not-ready ones as ready:false, the Endpoints' labels and annotations copied. Endpoints
 * labelled endpointslice.kubernetes.io/skip-mirror=true (like default/kubernetes) are skipped.
 *
 * Upstream it is a separate controller; kubesim runs it beside the EndpointSlice controller.
 * Only IPv4 addresses are mirrored; invalid ones are skipped without the InvalidIPAddress event.
 */
export class EndpointSliceMirroring implements Reconciler {
  readonly name = 'endpointslicemirroring-controller';
  private queue!: WorkQueue;
  /** `ns/endpoints` → names of the slices mirrored from it. */
  private readonly slicesOf = new Map<string, Set<string>>();
  private writing = 0;

  constructor(readonly ctx: ControllerContext) {}

  start(): void {
    const { store } = this.ctx;
    this.queue = this.ctx.loop.queue(this);
    store.watch('Endpoints', (e) => this.queue.add(keyFor(e.object)));
    store.watch('Service', (e) => this.queue.add(keyFor(e.object)));
    store.watch('EndpointSlice', (e) => {
      const slice = e.object;
      const key = mirroredKey(slice);
      if (!key) return;
      const names = this.slicesOf.get(key) ?? new Set<string>();
      if (e.type === 'DELETED') names.delete(slice.metadata.name);
      else names.add(slice.metadata.name);
      this.slicesOf.set(key, names);
      if (this.writing === 0) this.queue.add(key);
    });
    for (const slice of store.list('EndpointSlice')) {
      const key = mirroredKey(slice);
      if (key) this.slicesOf.set(key, (this.slicesOf.get(key) ?? new Set()).add(slice.metadata.name));
    }
    for (const ep of store.list('Endpoints')) this.queue.add(keyFor(ep));
  }

  reconcile(key: string): ReconcileResult | undefined {
    const { store } = this.ctx;
    const [namespace = 'default', name] = splitKey(key);
    const existing = [...(this.slicesOf.get(key) ?? [])]
      .sort()
      .map((n) => store.get('EndpointSlice', namespace, n))
      .filter((s): s is EndpointSlice => s !== undefined);
    const endpoints = store.get('Endpoints', namespace, name);
    const svc = store.get('Service', namespace, name);
    const mirror =
      endpoints &&
      svc &&
      Object.keys(svc.spec?.selector ?? {}).length === 0 &&
      endpoints.metadata.labels?.[LABEL_SKIP_MIRROR] !== 'true' &&
      !Object.hasOwn(endpoints.metadata.annotations ?? {}, LEADER_ANNOTATION);
    const desired = mirror ? desiredSlices(endpoints) : new Map<string, DesiredSlice>();
    this.writing++;
    try {
      this.apply(namespace, endpoints, existing, desired);
    } catch (err) {
      if (!(err instanceof StatusError)) throw err;
      return { requeueAfter: 1000 };
    } finally {
      this.writing--;
    }
    return undefined;
  }

  private apply(
    namespace: string,
    endpoints: Endpoints | undefined,
    existing: EndpointSlice[],
    desired: Map<string, DesiredSlice>,
  ): void {
    const { store } = this.ctx;
    const byKey = new Map<string, EndpointSlice[]>();
    for (const slice of existing) {
      const key = portMapKey(slice.ports as SlicePort[]);
      byKey.set(key, [...(byKey.get(key) ?? []), slice]);
    }
    const create: EndpointSlice[] = [];
    const update: EndpointSlice[] = [];
    const remove: EndpointSlice[] = [];
    for (const [key, want] of desired) {
      const have = byKey.get(key) ?? [];
      byKey.delete(key);
      remove.push(...have.slice(1));
      const next = newMirroredSlice(endpoints!, want, have[0]?.metadata.name);
      if (have[0] && sameSlice(have[0], next)) continue;
      if (have[0]) update.push(next);
      else create.push(next);
    }
    for (const slices of byKey.values()) remove.push(...slices);
    // recycleSlices: a slice to delete takes the place of a slice to create.
    while (create.length > 0 && remove.length > 0) {
      const slice = create.shift()!;
      slice.metadata.name = remove.shift()!.metadata.name;
      update.push(slice);
    }
    if (endpoints && !endpoints.metadata.deletionTimestamp) {
      for (const slice of create) {
        try {
          store.create(slice);
        } catch (err) {
          if (err instanceof StatusError && err.reason === 'Forbidden') return;
          throw err;
        }
      }
    }
    for (const slice of update) store.update(slice);
    for (const slice of remove) {
      if (store.get('EndpointSlice', namespace, slice.metadata.name)) {
        store.delete('EndpointSlice', namespace, slice.metadata.name);
      }
    }
  }
}

interface DesiredSlice {
  ports: SlicePort[];
  endpoints: Map<string, Endpoint>;
}

/** The desired endpoints per set of ports (desiredCalc), at most 1000 addresses per subset. */
function desiredSlices(endpoints: Endpoints): Map<string, DesiredSlice> {
  const out = new Map<string, DesiredSlice>();
  for (const subset of endpoints.subsets ?? []) {
    const ports = sortPorts(
      (subset.ports ?? []).map((p) => {
        const sp: SlicePort = { name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' };
        if (p.appProtocol) sp.appProtocol = p.appProtocol;
        return sp;
      }),
    );
    const key = portMapKey(ports);
    let want = out.get(key);
    if (!want) out.set(key, (want = { ports, endpoints: new Map() }));
    let added = 0;
    const addresses: Array<[NonNullable<typeof subset.addresses>[number], boolean]> = [
      ...(subset.addresses ?? []).map((a) => [a, true] as [typeof a, boolean]),
      ...(subset.notReadyAddresses ?? []).map((a) => [a, false] as [typeof a, boolean]),
    ];
    for (const [address, ready] of addresses) {
      if (added >= MAX_ENDPOINTS_PER_SUBSET) break;
      if (parseIPv4(address.ip) === undefined) continue;
      const ep: Endpoint = { addresses: [address.ip], conditions: { ready } };
      if (address.targetRef) ep.targetRef = { ...address.targetRef };
      if (address.nodeName !== undefined) ep.nodeName = address.nodeName;
      if (address.hostname) ep.hostname = address.hostname;
      want.endpoints.set(endpointKey(ep), ep);
      added++;
    }
  }
  for (const [key, want] of out) if (want.endpoints.size === 0) out.delete(key);
  return out;
}

/** newEndpointSlice of the mirroring controller. */
function newMirroredSlice(endpoints: Endpoints, want: DesiredSlice, name: string | undefined): EndpointSlice {
  const labels: Record<string, string> = { ...(endpoints.metadata.labels ?? {}) };
  labels[LABEL_SERVICE_NAME] = endpoints.metadata.name;
  labels[LABEL_SLICE_MANAGED_BY] = MIRRORING_CONTROLLER;
  const annotations: Record<string, string> = { ...(endpoints.metadata.annotations ?? {}) };
  delete annotations[ANNOTATION_TRIGGER_TIME];
  delete annotations[LAST_APPLIED];
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: name ?? '',
      namespace: endpoints.metadata.namespace ?? 'default',
      labels,
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Endpoints',
          name: endpoints.metadata.name,
          uid: endpoints.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType: 'IPv4',
    endpoints: [...want.endpoints.values()],
    ports: want.ports,
  };
  if (!name) slice.metadata.generateName = `${endpoints.metadata.name}-`;
  if (Object.keys(annotations).length > 0) slice.metadata.annotations = annotations;
  return slice;
}

/** No write needed: same endpoints (beyond their hash too), ports, labels and annotations. */
function sameSlice(have: EndpointSlice, want: EndpointSlice): boolean {
  if (have.endpoints.length !== want.endpoints.length) return false;
  const wanted = new Map(want.endpoints.map((e) => [endpointKey(e), e]));
  for (const ep of have.endpoints) {
    const w = wanted.get(endpointKey(ep));
    if (!w || !endpointsEqualBeyondHash(w, ep)) return false;
  }
  return (
    deepEqual(have.ports ?? [], want.ports ?? []) &&
    deepEqual(have.metadata.labels ?? {}, want.metadata.labels ?? {}) &&
    deepEqual(have.metadata.annotations ?? {}, want.metadata.annotations ?? {})
  );
}

/** The Endpoints key of a mirrored slice. */
function mirroredKey(slice: EndpointSlice): string | undefined {
  if (slice.metadata.labels?.[LABEL_SLICE_MANAGED_BY] !== MIRRORING_CONTROLLER) return undefined;
  const name = slice.metadata.labels?.[LABEL_SERVICE_NAME];
  return name ? `${slice.metadata.namespace ?? 'default'}/${name}` : undefined;
}
