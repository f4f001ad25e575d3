/**
 * The kubelet's eviction manager for memory (pkg/kubelet/eviction/eviction_manager.go
 * synchronize), driven by kubesim's memory-pressure fault: one call is one synchronize pass that
 * found memory.available below the hard threshold (100Mi, the kubelet's default evictionHard).
 * It records EvictionThresholdMet on the node, ranks the active pods (eviction-ranking.ts) and
 * evicts the first one that is not critical, with the Evicted event and a 1 s grace period; it
 * reports MemoryPressure=True until the pressure transition period (5 min) has passed without
 * another pass seeing pressure, and the node controller taints the node
 * node.kubernetes.io/memory-pressure:NoSchedule meanwhile.
 *
 * Simplified: the kubelet's own memory sampling is not modelled (the fault says when the node
 * is low, and how much is available); pods already evicted or being deleted are not candidates
 * again (upstream waits for an evicted pod's cleanup before its next pass); no admission check
 * rejects BestEffort pods while under pressure (the taint keeps the scheduler away).
 */
import type { Pod } from '../../api/types.js';
import type { SimClock, SimTimer } from '../../core/clock.js';
import { KubesimError } from '../../core/errors.js';
import { Quantity } from '../../core/quantity.js';
import { type RankedPod, rankMemoryPressure } from './eviction-ranking.js';
import type { PodEviction } from './eviction-status.js';

/** evictionHard memory.available default. */
export const MEMORY_AVAILABLE_THRESHOLD = '100Mi';
/** --eviction-pressure-transition-period default. */
export const PRESSURE_TRANSITION_PERIOD_MS = 5 * 60_000;
/** immediateEvictionGracePeriodSeconds: the grace period of a hard-threshold eviction. */
const IMMEDIATE_EVICTION_GRACE_SECONDS = 1;
/** scheduling.SystemCriticalPriority: pods at or above it are critical and never evicted. */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

/** A pod the eviction manager may evict: its spec, its containers' memory use, and how to evict it. */
export interface EvictionCandidate {
  readonly pod: Pod;
  /** Working set of each running container, in bytes, in the pod's container order. */
  readonly containers: ReadonlyArray<{ readonly name: string; readonly bytes: number }>;
  evict(eviction: PodEviction): void;
}

export interface EvictionHost {
  readonly clock: SimClock;
  readonly label: string;
  /** The active pods, in the order the kubelet admitted them. */
  candidates(): EvictionCandidate[];
  recordPod(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void;
  recordNode(type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** The kubelet posts its node status again (it reads `underMemoryPressure`). */
  postNodeStatus(): void;
}

export interface MemoryPressureOptions {
  /** memory.available the pass observed (default 50Mi); must be below the 100Mi threshold. */
  readonly available?: string;
}

export class EvictionManager {
  private lastPressureAt: number | undefined;
  private relief: SimTimer | undefined;

  constructor(private readonly host: EvictionHost) {}

  /** IsUnderMemoryPressure: pressure was seen within the transition period. */
  get underMemoryPressure(): boolean {
    const at = this.lastPressureAt;
    return at !== undefined && this.host.clock.now - at < PRESSURE_TRANSITION_PERIOD_MS;
  }

  /**
   * One synchronize pass under memory pressure: evicts at most one pod and returns its
   * `namespace/name`, or undefined when no pod could be evicted.
   */
  synchronize(options: MemoryPressureOptions = {}): string | undefined {
    const threshold = Quantity.parse(MEMORY_AVAILABLE_THRESHOLD);
    const available = Quantity.parse(options.available ?? '50Mi');
    if (available.compare(threshold) >= 0) {
      throw new KubesimError(
        `memory.available ${available.toString()} is not below the eviction threshold ${threshold.toString()}`,
      );
    }
    const { clock } = this.host;
    this.lastPressureAt = clock.now;
    this.relief?.cancel();
    this.relief = clock.schedule(
      () => this.host.postNodeStatus(),
      PRESSURE_TRANSITION_PERIOD_MS,
      `${this.host.label} memory pressure transition`,
    );
    this.host.recordNode('Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory');
    const evicted = this.evictOne(threshold.toString(), formatBytes(available.value));
    this.host.postNodeStatus();
    return evicted;
  }

  private evictOne(threshold: string, available: string): string | undefined {
    const candidates = this.host.candidates();
    const byPod = new Map<Pod, EvictionCandidate>(candidates.map((c) => [c.pod, c]));
    const ranked = rankMemoryPressure(
      candidates.map(
        (c): RankedPod => ({ pod: c.pod, usageBytes: c.containers.reduce((s, x) => s + x.bytes, 0) }),
      ),
    );
    for (const { pod } of ranked) {
      // evictPod refuses critical pods and the next one is tried.
      if ((pod.spec?.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY) continue;
      const candidate = byPod.get(pod)!;
      const message = evictionMessage(pod, candidate.containers, threshold, available);
      this.host.recordPod(pod, 'Warning', 'Evicted', message);
      candidate.evict({ message, graceSeconds: IMMEDIATE_EVICTION_GRACE_SECONDS, at: this.host.clock.now });
      return `${pod.metadata.namespace}/${pod.metadata.name}`;
    }
    return undefined;
  }
}

/**
 * evictionMessage for memory: "The node was low on resource: memory. Threshold quantity: 100Mi,
 * available: 50Mi. " and, for each running container using more than it requests, "Container
 * app was using 200Mi, request is 100Mi, has larger consumption of memory. " (each part ends in
 * a space, as upstream's formats do). A container without a request shows "request is 0".
 */
export function evictionMessage(
  pod: Pod,
  containers: ReadonlyArray<{ readonly name: string; readonly bytes: number }>,
  threshold: string,
  available: string,
): string {
  let message = `The node was low on resource: memory. Threshold quantity: ${threshold}, available: ${available}. `;
  const specs = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const stats of containers) {
    const spec = specs.find((c) => c.name === stats.name);
    if (!spec) continue;
    const request = spec.resources?.requests?.memory;
    const requestBytes = request === undefined ? 0 : Quantity.parse(request).value;
    if (stats.bytes > requestBytes) {
      const shown = request === undefined ? '0' : Quantity.parse(request).toString();
      message += `Container ${stats.name} was using ${formatBytes(stats.bytes)}, request is ${shown}, has larger consumption of memory. `;
    }
  }
  return message;
}

/**
 * resource.NewQuantity(bytes, BinarySI).String(): the largest power of 1024 that divides the
 * value (`16Mi`, `1536Ki`, `1000001`), and plain decimal SI below 1024 (`512`, `1k`).
 */
export function formatBytes(bytes: number): string {
  if (bytes > -1024 && bytes < 1024) return Quantity.fromValue(bytes).toString();
  const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  let value = bytes;
  let i = 0;
  while (i < suffixes.length - 1 && value % 1024 === 0) {
    value /= 1024;
    i++;
  }
  return `${value}${suffixes[i]}`;
}
