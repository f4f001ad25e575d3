import type { Container, Pod } from '../../api/types.js';
import { Quantity } from '../../core/quantity.js';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'];

/**
 * The pod's QoS class (pkg/apis/core/v1/helper/qos GetPodQOS): only cpu and memory count, init
 * containers included. BestEffort: no requests or limits at all; Guaranteed: every container
 * has cpu and memory limits and the summed requests equal the summed limits; else Burstable.
 * Pod-level resources (alpha in v1.33, off by default) are not considered.
 */
export function getPodQOS(pod: Pick<Pod, 'spec'>): QOSClass {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let isGuaranteed = true;
  const all: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const container of all) {
    for (const [name, value] of Object.entries(container.resources?.requests ?? {})) {
      if (!QOS_RESOURCES.includes(name)) continue;
      const q = Quantity.parse(value as string).nanos;
      if (q > 0n) requests.set(name, (requests.get(name) ?? 0n) + q);
    }
    const found = new Set<string>();
    for (const [name, value] of Object.entries(container.resources?.limits ?? {})) {
      if (!QOS_RESOURCES.includes(name)) continue;
      const q = Quantity.parse(value as string).nanos;
      if (q > 0n) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0n) + q);
      }
    }
    if (!found.has('memory') || !found.has('cpu')) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
