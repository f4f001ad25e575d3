/** The pod QoS class (pkg/apis/core/helper/qos GetPodQOS), for status.qosClass on create. */
import { tryQuantity } from '../../core/quantity.js';
import type { PodSpec } from '../types.js';

type List = Record<string, string> | undefined;

export function podQOSClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const limits = (c.resources?.limits ?? {}) as List & object;
    const requests = (c.resources?.requests ?? {}) as List & object;
    for (const name of ['cpu', 'memory']) {
      const lim = tryQuantity(limits[name]);
      const req = tryQuantity(requests[name]);
      if ((lim && !lim.isZero()) || (req && !req.isZero())) anySet = true;
      if (!lim || lim.isZero()) guaranteed = false;
      else if (req && req.compare(lim) !== 0) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
