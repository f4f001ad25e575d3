/**
 * The kubelet's eviction order under memory pressure (pkg/kubelet/eviction/helpers.go
 * rankMemoryPressure): first the pods using more memory than they request, then by priority
 * (lowest first), then by how far their use is above their request (furthest first).
 *
 * Worked example (requests = what the pod asks for, use = working set):
 *   a  BestEffort           no request   use 16Mi   → exceeds, priority 0, +16Mi
 *   b  Burstable            request 64Mi use 300Mi  → exceeds, priority 0, +236Mi
 *   c  Burstable, priority 1000  request 64Mi use 500Mi → exceeds, priority 1000, +436Mi
 *   d  Burstable            request 256Mi use 100Mi → within, priority 0, −156Mi
 *   e  Guaranteed           request 128Mi use 100Mi → within, priority 0, −28Mi
 * Order: b, a, c, e, d. QoS is not a key of its own: a BestEffort pod always exceeds its (zero)
 * request, so it comes before every pod within its request, but a Burstable pod further above
 * its request goes before it (b before a); priority outranks usage (a before c); a Guaranteed
 * pod never exceeds its request (its limit would OOM-kill it first), so Guaranteed pods come
 * last, among the pods within their requests, by how close they are to them (e before d). This is
 * why pods that matter should set requests = limits.
 */
import type { Pod } from '../../api/types.js';
import { Quantity } from '../../core/quantity.js';

/** A pod with its memory use (the eviction manager's pod stats); undefined: no stats found. */
export interface RankedPod {
  readonly pod: Pod;
  readonly usageBytes: number | undefined;
}

/** -1 when a goes first, 1 when b does, 0 when this key does not decide. */
export type Cmp = (a: RankedPod, b: RankedPod) => number;

/** cmpBool: true before false. */
function cmpBool(a: boolean, b: boolean): number {
  if (a === b) return 0;
  return b ? 1 : -1;
}

/**
 * v1resource.GetResourceRequestQuantity for memory, in bytes: the sum over the regular
 * containers, raised to the largest init container's request, plus the pod overhead.
 */
export function podMemoryRequestBytes(pod: Pod): number {
  const bytes = (q: string | undefined) => (q === undefined ? 0 : Quantity.parse(q).value);
  let total = 0;
  for (const c of pod.spec?.containers ?? []) total += bytes(c.resources?.requests?.memory);
  for (const c of pod.spec?.initContainers ?? [])
    total = Math.max(total, bytes(c.resources?.requests?.memory));
  const overhead = (pod.spec?.overhead as Record<string, string> | undefined)?.memory;
  return total + bytes(overhead);
}

/** exceedMemoryRequests: pods using more than they request first; pods without stats before all. */
export const exceedMemoryRequests: Cmp = (a, b) => {
  if (a.usageBytes === undefined || b.usageBytes === undefined) {
    return cmpBool(a.usageBytes === undefined, b.usageBytes === undefined);
  }
  return cmpBool(a.usageBytes > podMemoryRequestBytes(a.pod), b.usageBytes > podMemoryRequestBytes(b.pod));
};

/** priority: lower priority first (corev1helpers.PodPriority: unset is 0). */
export const priority: Cmp = (a, b) => {
  const pa = a.pod.spec?.priority ?? 0;
  const pb = b.pod.spec?.priority ?? 0;
  return pa === pb ? 0 : pa > pb ? 1 : -1;
};

/** memory: the largest use above the request first. */
export const memory: Cmp = (a, b) => {
  if (a.usageBytes === undefined || b.usageBytes === undefined) {
    return cmpBool(a.usageBytes === undefined, b.usageBytes === undefined);
  }
  const da = a.usageBytes - podMemoryRequestBytes(a.pod);
  const db = b.usageBytes - podMemoryRequestBytes(b.pod);
  return Math.sign(db - da);
};

/**
 * orderedBy(...).Sort: the first key that decides wins. Upstream sorts with Go's unstable
 * sort.Sort over pods in map order; kubesim keeps ties in the order it was given (the order the
 * kubelet admitted the pods), so the result is reproducible.
 */
export function orderedBy(...cmps: Cmp[]): (pods: readonly RankedPod[]) => RankedPod[] {
  return (pods) =>
    [...pods].sort((a, b) => {
      for (const cmp of cmps) {
        const r = cmp(a, b);
        if (r !== 0) return r;
      }
      return 0;
    });
}

/** rankMemoryPressure: the order in which the kubelet evicts pods to reclaim memory. */
export const rankMemoryPressure = orderedBy(exceedMemoryRequests, priority, memory);
