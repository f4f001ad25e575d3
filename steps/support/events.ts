/**
 * Reading the events about an object as `the events of … should include:` sees them: every
 * occurrence, in order. The API server folds repeats of one event into a single Event object
 * with a count (kubectl shows `(x3 over 10s)`), so the occurrences are read back from the
 * history: the object's creation is the first, and each later rise of its count adds as many
 * occurrences, at the simulated time of that change.
 */
import type { Change, Event } from '../../src/index.js';
import { formatDuration, parseDuration } from '../../src/index.js';

export interface Occurrence {
  readonly at: number;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
}

/** Which object the events are about. A uid, when known, tells apart objects that reused a name. */
export interface InvolvedObject {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
}

export function isAbout(event: Event, target: InvolvedObject): boolean {
  const o = event.involvedObject;
  if (o.kind !== target.kind || o.name !== target.name) return false;
  if ((o.namespace || 'default') !== target.namespace) return false;
  return target.uid === undefined || o.uid === undefined || o.uid === target.uid;
}

/** Every occurrence of the events about `target`, in the order they happened. */
export function eventOccurrences(history: readonly Change[], target: InvolvedObject): Occurrence[] {
  const counts = new Map<string, number>();
  const out: Occurrence[] = [];
  for (const change of history) {
    if (change.kind !== 'Event' || change.type === 'DELETED') continue;
    const event = change.object as unknown as Event;
    if (!isAbout(event, target)) continue;
    const key = `${change.namespace}/${change.name}`;
    const count = event.count ?? 1;
    const before = counts.get(key) ?? 0;
    counts.set(key, count);
    for (let i = before; i < count; i++) {
      out.push({
        at: change.at,
        type: event.type ?? '',
        reason: event.reason ?? '',
        message: event.message ?? '',
      });
    }
  }
  return out;
}

export const EVENT_COLUMNS = ['type', 'reason', 'message', 'at'] as const;

/** One expected row: exact type and reason, a substring of the message, the time as a duration. */
export function rowMatches(row: Readonly<Record<string, string>>, o: Occurrence): boolean {
  for (const [column, cell] of Object.entries(row)) {
    switch (column) {
      case 'type':
      case 'reason':
        if (o[column] !== cell) return false;
        break;
      case 'message':
        if (!o.message.includes(cell)) return false;
        break;
      case 'at':
        if (o.at !== parseDuration(cell)) return false;
        break;
      default:
        throw new Error(`unknown events column "${column}": use ${EVENT_COLUMNS.join(', ')}`);
    }
  }
  return true;
}

/**
 * Matches the rows in order against the occurrences, each row against a later occurrence than
 * the row before (others may lie between). Taking the earliest match for each row is enough: it
 * leaves the most room for the rows after it. Returns the index of the first row that has no
 * match, or -1 when every row matched.
 */
export function firstUnmatchedRow(
  rows: ReadonlyArray<Readonly<Record<string, string>>>,
  occurrences: readonly Occurrence[],
): number {
  let next = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    while (next < occurrences.length && !rowMatches(row, occurrences[next]!)) next++;
    if (next === occurrences.length) return r;
    next++;
  }
  return -1;
}

/** The occurrences as an aligned table for failure messages. */
export function formatOccurrences(occurrences: readonly Occurrence[]): string {
  if (occurrences.length === 0) return '  (no events)';
  const cells = occurrences.map((o) => [formatDuration(o.at), o.type, o.reason, o.message]);
  const header = ['at', 'type', 'reason', 'message'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `  ${c.map((v, i) => v.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
}

/** A row as the feature file wrote it, for failure messages. */
export function formatRow(row: Readonly<Record<string, string>>): string {
  return `| ${Object.values(row).join(' | ')} |`;
}
