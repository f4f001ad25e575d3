import type { EndpointSlice, Pod, Service } from '../../api/types.js';
import { StatusError } from '../../core/errors.js';
import type { WorkQueue } from '../../sim/loop.js';
import type { ReconcileResult, Reconciler } from '../../sim/reconciler.js';
import { keyFor, splitKey } from '../../sim/reconciler.js';
import type { WatchEvent } from '../../store/store.js';
import type { Controller, ControllerContext } from '../context.js';
import { ENDPOINTSLICE_CONTROLLER, LABEL_SERVICE_NAME, LABEL_SLICE_MANAGED_BY } from './constants.js';
import { EndpointSliceMirroring } from './endpointslice-mirroring.js';
import { reconcileSlices, type SliceChanges } from './endpointslice-reconciler.js';
import { servicesToSync } from './pod-events.js';
import { RetryBackoff } from './retry-backoff.js';
import { ServiceSelectorIndex, selectorOf } from './service-index.js';
import { TriggerTimeTracker } from './trigger-time.js';

/** endpointSliceChangeMinSyncDelay: a slice changed by someone else is looked at 1 s later. */
const SLICE_CHANGE_SYNC_DELAY_MS = 1000;
/** The event source of upstream's EndpointSlice controller. */
const EVENT_COMPONENT = 'endpoint-slice-controller';

/**
 * The EndpointSlice controller (pkg/controller/endpointslice): keeps the slices of every
 * Service with a selector, named `<service>-<5 random characters>`, labelled
 * kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by=
 * endpointslice-controller.k8s.io, owned by the Service (so the garbage collector removes them
 * with it), at most 100 endpoints each, address type IPv4. Terminating pods stay in, marked
 * `terminating: true, ready: false`. Slices are updated in place where possible.
 *
 * Services without a selector are left alone: their slices are the user's, or the mirrors of
 * their Endpoints, which the EndpointSliceMirroring controller started beside this one keeps.
 */
export class EndpointSliceController implements Controller, Reconciler {
  readonly name = 'endpointslice-controller';
  private queue!: WorkQueue;
  private readonly index = new ServiceSelectorIndex();
  private readonly triggers = new TriggerTimeTracker();
  private readonly retries = new RetryBackoff(1000, 100_000);
  /** `ns/service` → names of the slices this controller manages for it. */
  private readonly slicesByService = new Map<string, Set<string>>();
  /** Non-zero while this controller writes, so its own slice events are not taken as outside changes. */
  private writing = 0;

  constructor(readonly ctx: ControllerContext) {}

  start(): void {
    const { store } = this.ctx;
    this.queue = this.ctx.loop.queue(this);
    store.watch('Service', (e) => {
      if (e.type === 'DELETED')
        this.index.removeService(e.object.metadata.namespace ?? 'default', e.object.metadata.name);
      else this.index.setService(e.object);
      this.queue.add(keyFor(e.object));
    });
    store.watch('Pod', (e) => {
      const services = servicesToSync(this.index, e);
      // Most pod events (status writes of pods no Service selects) concern no Service.
      if (services.size === 0) return;
      const ns = e.object.metadata.namespace ?? 'default';
      for (const svc of services) this.queue.add(`${ns}/${svc}`);
    });
    store.watch('EndpointSlice', (e) => this.onSlice(e));
    new EndpointSliceMirroring(this.ctx).start();
    for (const slice of store.list('EndpointSlice')) this.indexSlice(undefined, slice);
    for (const pod of store.list('Pod')) this.index.setPod(pod);
    for (const svc of store.list('Service')) {
      this.index.setService(svc);
      this.queue.add(keyFor(svc));
    }
  }

  reconcile(key: string): ReconcileResult | undefined {
    let failure: string | undefined;
    try {
      failure = this.syncService(key);
    } catch (err) {
      if (!(err instanceof StatusError)) throw err;
      failure = err.message;
    }
    if (failure === undefined) {
      this.retries.forget(key);
      return undefined;
    }
    const delay = this.retries.next(key);
    return delay === undefined ? undefined : { requeueAfter: delay };
  }

  /** Returns an error text when the sync must be retried. */
  private syncService(key: string): string | undefined {
    const { store } = this.ctx;
    const [namespace = 'default', name] = splitKey(key);
    const svc = store.get('Service', namespace, name);
    if (!svc) {
      // Its slices are owned by the Service: the garbage collector has removed them.
      this.triggers.deleteService(namespace, name);
      return undefined;
    }
    if (!selectorOf(svc)) return undefined;

    const pods = this.index
      .podsOf(namespace, name)
      .map((pod) => store.get('Pod', namespace, pod))
      .filter((pod): pod is Pod => pod !== undefined);
    const existing = [...(this.slicesByService.get(key) ?? [])]
      .sort()
      .map((slice) => store.get('EndpointSlice', namespace, slice))
      .filter((slice): slice is EndpointSlice => slice !== undefined && !slice.metadata.deletionTimestamp);
    const triggerTime = this.triggers.compute(namespace, svc, pods);
    const changes = reconcileSlices({
      service: svc,
      pods,
      existing,
      node: (nodeName) => (nodeName ? store.get('Node', undefined, nodeName) : undefined),
      triggerTime,
    });
    if (!this.apply(svc, changes)) return undefined;
    if (changes.errors.length === 0) return undefined;
    const message = changes.errors.length === 1 ? changes.errors[0]! : `[${changes.errors.join(', ')}]`;
    this.ctx.events.record(
      svc,
      'Warning',
      'FailedToUpdateEndpointSlices',
      `Error updating Endpoint Slices for Service ${namespace}/${name}: ${message}`,
      { component: EVENT_COMPONENT },
    );
    return message;
  }

  /** finalize: creates, then updates, then deletes. False when the namespace refuses new objects. */
  private apply(svc: Service, changes: SliceChanges): boolean {
    const { store } = this.ctx;
    const namespace = svc.metadata.namespace ?? 'default';
    this.writing++;
    try {
      for (const slice of changes.create) {
        try {
          store.create(slice);
        } catch (err) {
          if (err instanceof StatusError && err.reason === 'Forbidden') return false;
          throw err;
        }
      }
      for (const slice of changes.update) store.update(slice);
      for (const slice of changes.delete) {
        if (store.get('EndpointSlice', namespace, slice.metadata.name)) {
          store.delete('EndpointSlice', namespace, slice.metadata.name);
        }
      }
      return true;
    } finally {
      this.writing--;
    }
  }

  /** Slice events: keep the per-Service index, and resync a Service whose slices someone else changed. */
  private onSlice(e: WatchEvent<'EndpointSlice'>): void {
    const slice = e.object;
    const old = e.type === 'MODIFIED' ? (e.old as EndpointSlice) : undefined;
    if (e.type === 'DELETED') this.indexSlice(slice, undefined);
    else this.indexSlice(old, slice);
    if (this.writing > 0) return;
    const before = old ? serviceKeyOf(old) : undefined;
    const after = serviceKeyOf(slice);
    if (old && before !== after) {
      for (const key of [before, after]) if (key) this.queue.addAfter(key, SLICE_CHANGE_SYNC_DELAY_MS);
      return;
    }
    if ((managed(slice) || (old && managed(old))) && after)
      this.queue.addAfter(after, SLICE_CHANGE_SYNC_DELAY_MS);
  }

  private indexSlice(before: EndpointSlice | undefined, after: EndpointSlice | undefined): void {
    if (before) {
      const key = serviceKeyOf(before);
      if (key && managed(before)) this.slicesByService.get(key)?.delete(before.metadata.name);
    }
    if (after) {
      const key = serviceKeyOf(after);
      if (key && managed(after)) {
        let names = this.slicesByService.get(key);
        if (!names) this.slicesByService.set(key, (names = new Set()));
        names.add(after.metadata.name);
      }
    }
  }
}

function managed(slice: EndpointSlice): boolean {
  return slice.metadata.labels?.[LABEL_SLICE_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER;
}

/** ServiceControllerKey: `namespace/<kubernetes.io/service-name>`. */
function serviceKeyOf(slice: EndpointSlice): string | undefined {
  const name = slice.metadata.labels?.[LABEL_SERVICE_NAME];
  return name ? `${slice.metadata.namespace ?? 'default'}/${name}` : undefined;
}
