import type { Endpoints, Pod, Service } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { StatusError } from '../../core/errors.js';
import type { WorkQueue } from '../../sim/loop.js';
import type { ReconcileResult, Reconciler } from '../../sim/reconciler.js';
import { keyFor, splitKey } from '../../sim/reconciler.js';
import type { Controller, ControllerContext } from '../context.js';
import { ANNOTATION_OVER_CAPACITY, ANNOTATION_TRIGGER_TIME, ENDPOINTS_CONTROLLER } from './constants.js';
import {
  desiredSubsets,
  endpointsLabels,
  endpointsUpToDate,
  truncateEndpoints,
} from './endpoints-desired.js';
import { servicesToSync } from './pod-events.js';
import { RetryBackoff } from './retry-backoff.js';
import { ServiceSelectorIndex, selectorOf } from './service-index.js';
import { TriggerTimeTracker } from './trigger-time.js';

/**
 * The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go): keeps, for every
 * Service with a selector, an Endpoints object of the same name listing the selected pods.
 *
 * - Services without a selector (and ExternalName Services) are left alone: their Endpoints
 *   are the user's.
 * - The object always exists, empty (no subsets) when no pod matches.
 * - It carries the Service's labels, `endpoints.kubernetes.io/managed-by: endpoint-controller`,
 *   `service.kubernetes.io/headless` for Services without a ClusterIP, the
 *   last-change-trigger-time annotation, and `endpoints.kubernetes.io/over-capacity: truncated`
 *   past 1000 addresses.
 * - It is deleted when the Service is.
 *
 * Pod and Service events go through a selector index, so a pod change syncs only the Services
 * selecting it and a sync reads only the pods its Service selects. Pods are listed in name
 * order (upstream lists an informer cache in no particular order; the result is sorted anyway).
 */
export class EndpointsController implements Controller, Reconciler {
  readonly name = ENDPOINTS_CONTROLLER;
  private queue!: WorkQueue;
  private readonly index = new ServiceSelectorIndex();
  private readonly triggers = new TriggerTimeTracker();
  private readonly retries = new RetryBackoff(5, 1_000_000);

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
    store.watch('Endpoints', (e) => {
      if (e.type === 'DELETED') this.queue.add(keyFor(e.object));
    });
    // The informers' initial list: everything that exists before the controller starts.
    for (const pod of store.list('Pod')) this.index.setPod(pod);
    for (const svc of store.list('Service')) {
      this.index.setService(svc);
      this.queue.add(keyFor(svc));
    }
  }

  reconcile(key: string): ReconcileResult | undefined {
    try {
      this.syncService(key);
      this.retries.forget(key);
      return undefined;
    } catch (err) {
      if (!(err instanceof StatusError)) throw err;
      const delay = this.retries.next(key);
      return delay === undefined ? undefined : { requeueAfter: delay };
    }
  }

  private syncService(key: string): void {
    const { store } = this.ctx;
    const [namespace = 'default', name] = splitKey(key);
    const svc = store.get('Service', namespace, name);
    if (!svc) {
      // The Service is gone: so is its Endpoints object.
      if (store.get('Endpoints', namespace, name)) store.delete('Endpoints', namespace, name);
      this.triggers.deleteService(namespace, name);
      return;
    }
    if (!selectorOf(svc)) return;

    const pods = this.index
      .podsOf(namespace, name)
      .map((pod) => store.get('Pod', namespace, pod))
      .filter((pod): pod is Pod => pod !== undefined);
    // Computed before the no-op test so the tracker sees every sync, as upstream.
    const triggerTime = this.triggers.compute(namespace, svc, pods);
    const { subsets } = desiredSubsets(svc, pods);

    const current = store.get('Endpoints', namespace, name);
    if (current && endpointsUpToDate(current, svc, subsets)) return;
    this.write(svc, current, subsets, triggerTime);
  }

  private write(
    svc: Service,
    current: Endpoints | undefined,
    subsets: ReturnType<typeof desiredSubsets>['subsets'],
    triggerTime: string | undefined,
  ): void {
    const namespace = svc.metadata.namespace ?? 'default';
    const next: Endpoints = current
      ? clone(current)
      : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace } };
    const annotations: Record<string, string> = { ...(next.metadata.annotations ?? {}) };
    if (triggerTime) annotations[ANNOTATION_TRIGGER_TIME] = triggerTime;
    else delete annotations[ANNOTATION_TRIGGER_TIME];
    const truncated = truncateEndpoints(subsets);
    if (truncated) annotations[ANNOTATION_OVER_CAPACITY] = 'truncated';
    else delete annotations[ANNOTATION_OVER_CAPACITY];
    const finalSubsets = truncated ?? subsets;
    if (finalSubsets.length > 0) next.subsets = finalSubsets;
    else delete next.subsets;
    next.metadata.labels = endpointsLabels(svc);
    if (Object.keys(annotations).length > 0) next.metadata.annotations = annotations;
    else delete next.metadata.annotations;

    const { store, events } = this.ctx;
    try {
      if (current) store.update(next);
      else store.create(next);
    } catch (err) {
      if (!(err instanceof StatusError)) throw err;
      // A terminating namespace refuses new objects; creates would keep failing, so drop it.
      if (!current && err.reason === 'Forbidden') return;
      const message = current
        ? `Failed to update endpoint ${namespace}/${svc.metadata.name}: ${err.message}`
        : `Failed to create endpoint for service ${namespace}/${svc.metadata.name}: ${err.message}`;
      try {
        events.record(
          next,
          'Warning',
          current ? 'FailedToUpdateEndpoint' : 'FailedToCreateEndpoint',
          message,
          {
            component: ENDPOINTS_CONTROLLER,
          },
        );
      } catch {
        // The event cannot be stored either (e.g. its namespace is going away); the retry stands.
      }
      throw err;
    }
  }
}
