/**
 * The Events section (describe.go searchEvents and DescribeEvents): the core/v1 Events whose
 * involvedObject is the described object, sorted by lastTimestamp with Go's unstable sort (as
 * kubectl's event.SortableEvents does), in a `Type Reason Age From Message` table. Repeated events
 * show `22s (x3 over 40s)`: the time since the last one, the count, the time since the first.
 */
import type { Event, KubeObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { simTimeOf } from '../../store/time.js';
import { goSort } from './go-sort.js';
import { since } from './time.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer.js';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** What the events' field selector matches; an absent kind or uid is not part of it. */
export interface EventTarget {
  readonly name: string;
  readonly namespace?: string;
  readonly kind?: string;
  readonly uid?: string;
}

/** reference.GetReference for a stored object: its kind, namespace, name and uid. */
export function targetOf(obj: KubeObject): EventTarget {
  return {
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
    kind: obj.kind,
    uid: obj.metadata.uid,
  };
}

/**
 * A pod's events are searched without the kind (PodDescriber clears it), and a mirror pod's by
 * the uid of the static pod it mirrors.
 */
export function podTarget(pod: KubeObject): EventTarget {
  const mirror = pod.metadata.annotations?.[MIRROR_POD_ANNOTATION];
  return { ...targetOf(pod), kind: undefined, uid: mirror ?? pod.metadata.uid };
}

/**
 * searchEvents: events in the object's namespace (all namespaces for a cluster-scoped object)
 * with involvedObject.name, .namespace, and, when known, .kind and .uid equal to the target's.
 */
export function searchEvents(store: Store | EventIndex, target: EventTarget): Event[] {
  const index = store instanceof EventIndex ? store : new EventIndex(store);
  return index.search(target);
}

/**
 * The events of a store grouped by involved object name, built once per command so that
 * describing many objects does not list every event once per object.
 */
export class EventIndex {
  private readonly byNamespace = new Map<string | undefined, Map<string, Event[]>>();

  constructor(private readonly store: Store) {}

  search(target: EventTarget): Event[] {
    const namespace = target.namespace || undefined;
    let byName = this.byNamespace.get(namespace);
    if (!byName) {
      byName = new Map();
      for (const e of this.store.list('Event', namespace)) {
        const name = e.involvedObject?.name ?? '';
        const list = byName.get(name);
        if (list) list.push(e);
        else byName.set(name, [e]);
      }
      this.byNamespace.set(namespace, byName);
    }
    return (byName.get(target.name) ?? []).filter((e) => {
      const io = e.involvedObject ?? {};
      return (
        (io.namespace ?? '') === (target.namespace ?? '') &&
        (!target.kind || io.kind === target.kind) &&
        (!target.uid || io.uid === target.uid)
      );
    });
  }
}

const lastTime = (e: Event): number =>
  (e.lastTimestamp ? simTimeOf(e.lastTimestamp) : undefined) ?? Number.NEGATIVE_INFINITY;

/** DescribeEvents. `events` undefined means --show-events=false: no section at all. */
export function describeEvents(events: readonly Event[] | undefined, w: PrefixWriter, nowMs: number): void {
  if (events === undefined) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  const sorted = [...events];
  goSort(sorted, (a, b) => lastTime(a) < lastTime(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, nowMs) : since(e.firstTimestamp, nowMs);
    let interval: string;
    if (e.series) {
      interval = `${since(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    } else {
      interval = first;
    }
    const source = e.source?.component || e.reportingComponent || '';
    w.write(
      LEVEL_1,
      `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`,
    );
  }
}
