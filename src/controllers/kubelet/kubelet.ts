import type { Pod } from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import { catalogFor } from '../../images/catalog.js';
import type { WorkQueue } from '../../sim/loop.js';
import type { ReconcileResult, Reconciler } from '../../sim/reconciler.js';
import { splitKey } from '../../sim/reconciler.js';
import type { Controller, ControllerContext } from '../context.js';
import { ActiveDeadlineHandler } from './active-deadline.js';
import { Backoff } from './backoff.js';
import { EvictionManager, type MemoryPressureOptions } from './eviction.js';
import { postNodeStatus, recordNodeEvent } from './eviction-node-status.js';
import { ImageManager } from './image-manager.js';
import { HostLocalIPAM } from './ipam.js';
import { watchPodsOfNode } from './node-pod-watch.js';
import { PodWorker, type WorkerHost } from './pod-worker.js';

/**
 * The kubelet of one node: it runs the pods bound to its node, one PodWorker per pod, and
 * owns the node's images, pod IPs and restart back-off. It reacts to pod changes through its
 * work queue (reconcile key `namespace/name`), like the kubelet's pod config source and PLEG.
 */
export class Kubelet implements Controller, Reconciler {
  readonly name: string;
  private queue: WorkQueue | undefined;
  private host: WorkerHost | undefined;
  private readonly workers = new Map<string, PodWorker>();
  /** When the kubelet stopped (node unreachable): no status posts, pod workers frozen. */
  private stopped: number | undefined;
  private readonly heartbeatListeners: Array<() => void> = [];
  private eviction: EvictionManager | undefined;

  constructor(
    readonly ctx: ControllerContext,
    readonly nodeName: string,
  ) {
    this.name = `kubelet/${nodeName}`;
  }

  start(): void {
    const { store, clock, settings } = this.ctx;
    const node = store.get('Node', undefined, this.nodeName);
    if (!node) throw new Error(`kubelet: node ${this.nodeName} does not exist`);
    const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    const cidr = node.spec?.podCIDR;
    if (!cidr) throw new Error(`kubelet: node ${this.nodeName} has no podCIDR`);
    const source = { component: 'kubelet', host: this.nodeName };
    const record = (pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void => {
      if (this.stopped !== undefined) return;
      try {
        this.ctx.events.record(pod, type, reason, message, source);
      } catch {
        // The namespace is being deleted: the API refuses new events, as it would a real kubelet's.
      }
    };
    const images = new ImageManager({
      clock,
      catalog: catalogFor(store),
      pullMs: (image, normalized) =>
        settings.imagePullMsByImage.get(image) ??
        settings.imagePullMsByImage.get(normalized) ??
        settings.imagePullMs,
      record,
      label: this.name,
    });
    const queue = this.ctx.loop.queue(this);
    this.queue = queue;
    this.host = {
      clock,
      store,
      random: this.ctx.random,
      nodeName: this.nodeName,
      hostIP,
      ipam: new HostLocalIPAM(cidr),
      images,
      crashBackoff: new Backoff(clock),
      label: this.name,
      // The status the kubelet last wrote is the stored one (its writes are synchronous).
      activeDeadline: new ActiveDeadlineHandler(clock, () => undefined, record),
      record,
      requeue: (key) => queue.add(key),
    };
    this.eviction = this.evictionManager();
    watchPodsOfNode(store, this.nodeName, (event) => {
      const pod = event.object;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (event.type !== 'MODIFIED' || !event.old || this.specChanged(event.old, pod)) queue.add(key);
    });
    for (const pod of store.list('Pod')) {
      if (pod.spec?.nodeName === this.nodeName) queue.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
    }
  }

  reconcile(key: string): ReconcileResult | undefined {
    // A stopped kubelet acts on nothing; resume() looks at every pod again.
    if (this.stopped !== undefined) return undefined;
    const [namespace, name] = splitKey(key);
    const pod = this.ctx.store.get('Pod', namespace, name);
    let worker = this.workers.get(key);
    if (worker && (!pod || pod.metadata.uid !== worker.uid || pod.spec?.nodeName !== this.nodeName)) {
      worker.forget();
      this.workers.delete(key);
      worker = undefined;
    }
    if (!pod || pod.spec?.nodeName !== this.nodeName) return undefined;
    if (!worker) {
      // A pod that already finished (before this kubelet knew it) has nothing to run.
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return undefined;
      worker = new PodWorker(this.host!, key, pod.metadata.uid!);
      this.workers.set(key, worker);
    }
    return worker.sync(pod);
  }

  // ---- node faults (src/cluster/faults.ts) ----

  /** When the kubelet stopped renewing its heartbeat; undefined while it runs. */
  get stoppedAt(): number | undefined {
    return this.stopped;
  }

  onHeartbeatChange(listener: () => void): void {
    this.heartbeatListeners.push(listener);
  }

  /**
   * The node becomes unreachable: the kubelet stops heartbeating and posting status, and its pod
   * workers freeze (containers keep running on the node; nothing is reported or restarted).
   */
  stop(): void {
    if (this.stopped !== undefined) return;
    this.stopped = this.ctx.clock.now;
    for (const listener of this.heartbeatListeners) listener();
  }

  /** The kubelet is back: it posts its node status and syncs every pod it has or is bound to it. */
  resume(): void {
    if (this.stopped === undefined) return;
    this.stopped = undefined;
    this.postNodeStatus();
    for (const key of this.workers.keys()) this.queue?.add(key);
    for (const pod of this.ctx.store.list('Pod')) {
      if (pod.spec?.nodeName === this.nodeName)
        this.queue?.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
    }
    for (const listener of this.heartbeatListeners) listener();
  }

  /** One eviction manager pass under memory pressure: evicts one pod, returns `namespace/name`. */
  memoryPressure(options: MemoryPressureOptions = {}): string | undefined {
    if (this.stopped !== undefined || !this.eviction) return undefined;
    return this.eviction.synchronize(options);
  }

  private evictionManager(): EvictionManager {
    const { clock, store, events } = this.ctx;
    return new EvictionManager({
      clock,
      label: this.name,
      candidates: () => {
        const out = [];
        for (const [key, worker] of this.workers) {
          const [namespace, name] = splitKey(key);
          const pod = store.get('Pod', namespace, name);
          if (!pod || pod.metadata.uid !== worker.uid || pod.metadata.deletionTimestamp || !worker.active)
            continue;
          out.push({ pod, containers: worker.memoryUse(pod), evict: worker.evict.bind(worker) });
        }
        return out;
      },
      recordPod: (pod, type, reason, message) => this.host?.record(pod, type, reason, message),
      recordNode: (type, reason, message) => recordNodeEvent(events, this.nodeName, type, reason, message),
      postNodeStatus: () => this.postNodeStatus(),
    });
  }

  private postNodeStatus(): void {
    if (this.stopped !== undefined) return;
    const memoryPressure = this.eviction?.underMemoryPressure ?? false;
    postNodeStatus(this.ctx.store, this.ctx.events, this.nodeName, { memoryPressure }, this.ctx.clock.now);
  }

  /** Only what the kubelet acts on: the spec and the deletion, not status writes (its own). */
  private specChanged(old: Pod, pod: Pod): boolean {
    return (
      old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp ||
      old.metadata.uid !== pod.metadata.uid ||
      !deepEqual(old.spec, pod.spec)
    );
  }
}
