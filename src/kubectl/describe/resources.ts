/**
 * kubectl's resourcehelper.PodRequestsAndLimits (k8s.io/kubectl/pkg/util/resource) over
 * Quantities, so sums print as kubectl prints them (`1500m`, `1536Mi`): app containers and
 * sidecars (restartPolicy Always init containers) add up; an ordinary init container counts with
 * the sidecars started before it, and the pod needs the larger of the two; overhead is added.
 */
import type { Container, Pod } from '../../api/types.js';
import { Quantity } from '../../core/quantity.js';

export type QuantityList = Map<string, Quantity>;

/** Quantity.Add: a zero quantity takes the other's format. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return a.isZero() ? b.add(a) : a.add(b);
}

export function listOf(raw: Readonly<Record<string, unknown>> | undefined): QuantityList {
  const out: QuantityList = new Map();
  for (const [name, v] of Object.entries(raw ?? {})) out.set(name, Quantity.parse(String(v)));
  return out;
}

export function addList(list: QuantityList, add: QuantityList): void {
  for (const [name, q] of add) {
    const have = list.get(name);
    list.set(name, have ? addQuantity(have, q) : q);
  }
}

function maxList(list: QuantityList, other: QuantityList): void {
  for (const [name, q] of other) {
    const have = list.get(name);
    if (!have || q.compare(have) > 0) list.set(name, q);
  }
}

const isSidecar = (c: Container) => c.restartPolicy === 'Always';

function podTotal(pod: Pod, part: 'requests' | 'limits'): QuantityList {
  const total: QuantityList = new Map();
  for (const c of pod.spec?.containers ?? []) addList(total, listOf(c.resources?.[part]));
  const sidecars: QuantityList = new Map();
  const initMax: QuantityList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = listOf(c.resources?.[part]);
    let effective: QuantityList;
    if (isSidecar(c)) {
      addList(total, own);
      addList(sidecars, own);
      effective = sidecars;
    } else {
      effective = new Map();
      addList(effective, own);
      addList(effective, sidecars);
    }
    maxList(initMax, effective);
  }
  maxList(total, initMax);
  const overhead = listOf(pod.spec?.overhead);
  if (part === 'requests') addList(total, overhead);
  else {
    for (const [name, q] of overhead) {
      const have = total.get(name);
      if (have && !have.isZero()) total.set(name, addQuantity(have, q));
    }
  }
  return total;
}

/** PodRequestsAndLimits. In-place resize (status.containerStatuses[].resources) is not simulated. */
export function podRequestsAndLimits(pod: Pod): { requests: QuantityList; limits: QuantityList } {
  return { requests: podTotal(pod, 'requests'), limits: podTotal(pod, 'limits') };
}

/** A missing entry reads as a zero quantity, which prints as `0`. */
export function quantityIn(list: QuantityList, name: string): Quantity {
  return list.get(name) ?? Quantity.fromValue(0);
}

/** Go's int64(float64(a)/float64(b)*100): truncation, and int64's minimum for NaN or ±Inf. */
export function percent(part: number, whole: number): string {
  const f = (part / whole) * 100;
  if (!Number.isFinite(f)) return '-9223372036854775808';
  return String(Math.trunc(f));
}
