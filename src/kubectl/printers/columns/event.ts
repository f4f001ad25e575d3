/**
 * `kubectl get events`: printEvent from kubernetes pkg/printers/internalversion/printers.go. The
 * rows keep the order the server lists events in (by name: the involved object's name, then the
 * event time in hex); neither the server's printEventList nor `kubectl get` sorts them
 * (printers_test.go TestPrintEventsResultSorted expects the input order).
 */
import type { Event } from '../../../api/types.js';
import { age, type KindTable } from '../table.js';

/** formatEventSource: component (or reporting controller), then `, host` when there is one. */
export function formatEventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const host = ev.source?.host || ev.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

export const eventTable: KindTable<Event> = {
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', wide: true },
    { name: 'Source', wide: true },
    { name: 'Message' },
    { name: 'First Seen', wide: true },
    { name: 'Count', wide: true },
    { name: 'Name', wide: true, isName: true },
  ],
  row(ev, now) {
    const firstSeen = ev.firstTimestamp ? age(ev.firstTimestamp, now) : age(ev.eventTime, now);
    let lastSeen = ev.lastTimestamp ? age(ev.lastTimestamp, now) : firstSeen;
    let count = ev.count ?? 0;
    if (ev.series) {
      lastSeen = age(ev.series.lastObservedTime, now);
      count = ev.series.count ?? 0;
    } else if (count === 0) count = 1; // Singleton events don't have a count set in the new API.
    const kind = (ev.involvedObject.kind ?? '').toLowerCase();
    const target = ev.involvedObject.name ? `${kind}/${ev.involvedObject.name}` : kind;
    return [
      lastSeen,
      ev.type ?? '',
      ev.reason ?? '',
      target,
      ev.involvedObject.fieldPath ?? '',
      formatEventSource(ev),
      (ev.message ?? '').trim(),
      firstSeen,
      String(count),
      ev.metadata.name,
    ];
  },
};
