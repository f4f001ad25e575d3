/** The shared body of `the events of pod|deployment "NAME" should include:`. */
import type { DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { KubesimWorld } from '../world.js';
import {
  EVENT_COLUMNS,
  eventOccurrences,
  firstUnmatchedRow,
  formatOccurrences,
  formatRow,
} from './events.js';
import { type ObjectRef, showRef } from './syntax.js';

export function checkEventsTable(
  world: KubesimWorld,
  kind: 'Pod' | 'Deployment',
  ref: ObjectRef,
  table: DataTable,
): void {
  const columns = table.raw()[0] ?? [];
  const unknown = columns.filter((c) => !(EVENT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0)
    throw new Error(`unknown events column(s) ${unknown.join(', ')}: use ${EVENT_COLUMNS.join(', ')}`);
  const rows = table.hashes();
  const current = world.cluster.store.get(kind, ref.namespace, ref.name);
  const target = { kind, namespace: ref.namespace, name: ref.name, uid: current?.metadata.uid };
  const occurrences = eventOccurrences(world.cluster.store.history.all(), target);
  const missing = firstUnmatchedRow(rows, occurrences);
  const what = `${kind === 'Pod' ? 'pod' : 'deployment'} ${showRef(ref)}`;
  if (missing < 0) return;
  expect.fail(
    `the events of ${what} have no match for row ${missing + 1}, ${formatRow(rows[missing]!)}` +
      (missing > 0 ? `, after the match of row ${missing}` : '') +
      `\nevery occurrence, in order:\n${formatOccurrences(occurrences)}`,
  );
}
