/**
 * genericDescriber (describe.go): for kinds without their own describer (here: Event). Name,
 * namespace, labels and annotations, then every other field of the object, sorted, with
 * smartLabelFor's `API Version`-style titles, then the object's own events.
 */
import type { KubeObject } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { describeEvents, searchEvents, targetOf } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { LEVEL_0, type PrefixWriter, tabbedString } from './writer.js';

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** fatih/camelcase.Split: runs of lower, upper, digit and other characters; `HTTPServer` → HTTP, Server. */
export function camelcaseSplit(src: string): string[] {
  const classOf = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of src) {
    const cls = classOf(c);
    if (cls === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i]![0]!) === 2 && classOf(runs[i + 1]![0]!) === 1) {
      runs[i + 1]!.unshift(runs[i]!.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: `apiVersion` → `API Version`; fields with other characters stay as they are. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelcaseSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** Go's %v for a decoded JSON scalar. */
function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

function printUnstructuredContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) {
          printUnstructuredContent(w, level + 1, child as Record<string, unknown>, path);
        } else {
          w.write(level + 1, `${goV(child)}\n`);
        }
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goV(value)}\n`);
    }
  }
}

export function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const events = ctx.showEvents ? searchEvents(ctx.events ?? ctx.store, targetOf(obj)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    printUnstructuredContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '');
    describeEvents(events, w, ctx.now);
  });
}
