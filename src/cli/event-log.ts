import type { Event } from '../api/types.js';
import type { Change } from '../store/history.js';

/** One occurrence of an event: an Event object's creation, or a bump of its count. */
export interface EventOccurrence {
  /** Simulated milliseconds since the cluster started. */
  readonly at: number;
  readonly type: string;
  readonly reason: string;
  /** `pod/web-7c5ddbdf54-x8k2p`, with `namespace/` in front outside the default namespace. */
  readonly object: string;
  readonly message: string;
}

/**
 * Every event occurrence in the history, in the order they happened. The history has each
 * change's exact simulated time, where an Event's own timestamps only have whole seconds; an
 * event the recorder aggregated (count 1 → 2 …) counts once per increment, like the kubelet's
 * repeated `BackOff` events.
 */
export function eventOccurrences(history: readonly Change[]): EventOccurrence[] {
  const counts = new Map<string, number>();
  const out: EventOccurrence[] = [];
  for (const change of history) {
    if (change.kind !== 'Event' || change.type === 'DELETED') continue;
    const event = change.object as unknown as Event;
    const key = `${change.namespace}/${change.name}`;
    const count = event.count ?? 1;
    const before = counts.get(key) ?? 0;
    counts.set(key, count);
    for (let i = before; i < count; i++) out.push(occurrence(change.at, event));
  }
  return out;
}

function occurrence(at: number, event: Event): EventOccurrence {
  const involved = event.involvedObject;
  const ns = involved.namespace && involved.namespace !== 'default' ? `${involved.namespace}/` : '';
  return {
    at,
    type: event.type ?? '',
    reason: event.reason ?? '',
    object: `${ns}${(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`,
    message: event.message ?? '',
  };
}

/**
 * The event log, one line per occurrence, columns aligned:
 * `[   0.000s] Normal   Scheduled   pod/web-7c5ddbdf54-x8k2p   Successfully assigned default/…`
 * The time is simulated seconds since the cluster started, with milliseconds.
 */
export function formatEventLog(events: readonly EventOccurrence[]): string {
  if (events.length === 0) return 'No events.\n';
  const times = events.map((e) => (e.at / 1000).toFixed(3));
  const timeWidth = Math.max(8, ...times.map((t) => t.length));
  const typeWidth = Math.max(...events.map((e) => e.type.length));
  const reasonWidth = Math.max(...events.map((e) => e.reason.length));
  const objectWidth = Math.max(...events.map((e) => e.object.length));
  return events
    .map(
      (e, i) =>
        `[${times[i]!.padStart(timeWidth)}s] ${e.type.padEnd(typeWidth)}  ${e.reason.padEnd(reasonWidth)}  ` +
        `${e.object.padEnd(objectWidth)}  ${e.message}`.trimEnd() +
        '\n',
    )
    .join('');
}
