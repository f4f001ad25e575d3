import type { Container, Pod } from '../../api/types.js';
import { Quantity } from '../../core/quantity.js';

/**
 * A resource vector as the scheduler keeps it (framework.Resource): milli-CPU, bytes of memory
 * and ephemeral storage, and whole units of any other (extended) resource.
 */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  scalars: Map<string, number>;
}

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalars: new Map() };
}

/** Resources the fit check ignores (the pod count is checked on its own; hugepages are scalars). */
const NOT_SCALAR = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);

/** A ResourceList (`{cpu: '500m', memory: '128Mi'}`) as a Resource. */
export function resourceOf(list: Readonly<Record<string, unknown>> | undefined): Resource {
  const r = emptyResource();
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = Quantity.parse(String(value));
    if (name === 'cpu') r.milliCPU = q.milli;
    else if (name === 'memory') r.memory = q.value;
    else if (name === 'ephemeral-storage') r.ephemeralStorage = q.value;
    else if (!NOT_SCALAR.has(name)) r.scalars.set(name, q.value);
  }
  return r;
}

export function addResource(to: Resource, r: Resource, sign = 1): void {
  to.milliCPU += sign * r.milliCPU;
  to.memory += sign * r.memory;
  to.ephemeralStorage += sign * r.ephemeralStorage;
  for (const [name, v] of r.scalars) to.scalars.set(name, (to.scalars.get(name) ?? 0) + sign * v);
}

function maxResource(to: Resource, r: Resource): void {
  to.milliCPU = Math.max(to.milliCPU, r.milliCPU);
  to.memory = Math.max(to.memory, r.memory);
  to.ephemeralStorage = Math.max(to.ephemeralStorage, r.ephemeralStorage);
  for (const [name, v] of r.scalars) to.scalars.set(name, Math.max(to.scalars.get(name) ?? 0, v));
}

function copy(r: Resource): Resource {
  return { ...r, scalars: new Map(r.scalars) };
}

/** The scheduler's defaults for a container that requests no cpu or memory, for scoring only. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** One container's requests; `nonZero` as in podRequests. */
function requestsOf(c: Container, nonZero: boolean): Resource {
  const r = resourceOf(c.resources?.requests as Record<string, unknown> | undefined);
  if (nonZero) {
    const req = c.resources?.requests ?? {};
    if (!('cpu' in req)) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
    if (!('memory' in req)) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/**
 * The pod's request (resourcehelper.PodRequests): the sum over app containers and sidecars,
 * or the largest init container (plus the sidecars started before it) if that is more, plus
 * the pod overhead. `nonZero` fills missing cpu/memory requests with 100m/200Mi per container,
 * as scoring does (filtering uses the plain requests).
 */
export function podRequests(pod: Pick<Pod, 'spec'>, nonZero = false): Resource {
  const total = emptyResource();
  for (const c of pod.spec?.containers ?? []) addResource(total, requestsOf(c, nonZero));
  const sidecars = emptyResource();
  const initMax = emptyResource();
  for (const c of pod.spec?.initContainers ?? []) {
    const r = requestsOf(c, nonZero);
    if (c.restartPolicy === 'Always') {
      addResource(total, r);
      addResource(sidecars, r);
      maxResource(initMax, sidecars);
    } else {
      const withSidecars = copy(r);
      addResource(withSidecars, sidecars);
      maxResource(initMax, withSidecars);
    }
  }
  maxResource(total, initMax);
  if (pod.spec?.overhead) addResource(total, resourceOf(pod.spec.overhead as Record<string, unknown>));
  return total;
}
