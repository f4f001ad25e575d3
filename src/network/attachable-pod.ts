import { type Selector, selectorFromLabelSelector, selectorFromMap } from '../api/labels.js';
import type { KubeObject, Pod } from '../api/types.js';
import { KubesimError } from '../core/errors.js';

/**
 * Which pod kubectl attaches to for a workload or a Service (port-forward, and later exec,
 * attach and logs): polymorphichelpers AttachablePodForObject → SelectorsForObject and
 * GetFirstPod with `sort.Reverse(podutils.ActivePods(pods))`, i.e. the most "active" pod first.
 */

/** Go's %T of the typed object kubectl decoded (`*v1.Service`). */
export function goTypeName(kind: string): string {
  return `*v1.${kind}`;
}

/**
 * SelectorsForObject: the pod selector of a workload or Service. Throws kubectl's
 * `cannot attach to *v1.Service: invalid service 'x': Service is defined without a selector`.
 */
export function selectorForObject(obj: KubeObject): Selector {
  const spec = (obj.spec ?? {}) as { selector?: unknown };
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return selectorFromLabelSelector(spec.selector as Parameters<typeof selectorFromLabelSelector>[0]);
    case 'ReplicationController':
      return selectorFromMap(spec.selector as Record<string, string> | undefined);
    case 'Service': {
      const selector = spec.selector as Record<string, string> | undefined;
      if (!selector || Object.keys(selector).length === 0) {
        throw new KubesimError(
          `cannot attach to ${goTypeName(obj.kind)}: invalid service '${obj.metadata.name}': Service is defined without a selector`,
        );
      }
      return selectorFromMap(selector);
    }
    default:
      throw new KubesimError(
        `cannot attach to ${goTypeName(obj.kind)}: selector for ${goTypeName(obj.kind)} not implemented`,
      );
  }
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** podReadyTime: when the Ready condition last became True ('' when it is not True). */
function readyTime(pod: Pod): string {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ?? '';
}

function maxRestarts(pod: Pod): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) max = Math.max(max, s.restartCount ?? 0);
  return max;
}

/** afterOrZero: t1 after t2, a zero time counting as after any other (RFC 3339, same layout). */
function afterOrZero(t1: string, t2: string): boolean {
  if (t1 === '' || t2 === '') return t1 === '';
  return t1 > t2;
}

const PHASE_RANK: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * podutils.ActivePods Less: unassigned < assigned; Pending < Unknown < Running (other phases
 * count as Pending, as Go's map lookup gives 0); not ready < ready; ready more recently < ready
 * longer; more restarts < fewer; newer < older (an empty timestamp first).
 */
export function activePodsLess(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = isReady(a);
  const rb = isReady(b);
  if (ra !== rb) return !ra;
  if (ra && rb && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(a), readyTime(b));
  const ca = maxRestarts(a);
  const cb = maxRestarts(b);
  if (ca !== cb) return ca > cb;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return afterOrZero(ta, tb);
  return false;
}

/**
 * GetFirstPod with sort.Reverse(ActivePods): the most active pod. Ties keep the list order
 * (the apiserver's, by name); Go's unstable sort may break them differently on a real cluster.
 */
export function firstActivePod(pods: readonly Pod[]): Pod | undefined {
  let best: Pod | undefined;
  for (const pod of pods) if (!best || activePodsLess(best, pod)) best = pod;
  return best;
}
