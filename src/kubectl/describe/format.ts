/**
 * The small formatting helpers describe.go shares between describers: multi-line labels,
 * annotations, taints and tolerations, `<none>` defaults, selectors and controller references.
 */
import { selectorFromLabelSelector } from '../../api/labels.js';
import type { LabelSelector, OwnerReference, Toleration } from '../../api/types.js';
import { goSort } from './go-sort.js';
import { LEVEL_0, type PrefixWriter } from './writer.js';

/** Annotations describe never shows (corev1.LastAppliedConfigAnnotation). */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Go's len(string): the UTF-8 byte count. */
const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}

export function printBool(value: boolean | undefined): string {
  return value ? 'True' : 'False';
}

/** printLabelsMultilineWithIndent: `Title:<inner>k=v`, further keys on their own lines. */
export function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Readonly<Record<string, string>> | undefined,
  skip: ReadonlySet<string> = new Set(),
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {})
    .filter((k) => !skip.has(k))
    .sort(byString);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels);
}

/** printAnnotationsMultiline: long or multi-line values go below the key, cut at 140 bytes. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort(byString);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key]!.replace(/\n$/, '');
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n'))
        w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/**
 * shorten: the first `max` bytes and `...`. Where the cut splits a character, Go writes the broken
 * UTF-8 bytes; here the broken tail decodes to U+FFFD.
 */
function shorten(s: string, max: number): string {
  const bytes = Buffer.from(s, 'utf8');
  return bytes.length > max ? `${bytes.subarray(0, max).toString('utf8')}...` : s;
}

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** Taint.ToString: `key=value:effect`, `key:effect`, `key=value:`, `key`. */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printTaintsMultilineWithIndent: sorted by effect, then key. */
export function printTaintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...taints];
  const key = (t: Taint) => `${t.effect ?? ''},${t.key}`;
  goSort(sorted, (a, b) => key(a) < key(b));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = '',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations];
  goSort(sorted, (a, b) => (a.key ?? '') < (b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, '\t');
    }
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // `operator: Exists` with no key and no effect tolerates everything.
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, or `<none>`. */
export function formatLabels(map: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(map ?? {}).sort(byString);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${map![k]}`).join(',');
}

/** LabelSelectorAsSelector(sel).String(): empty for an empty or missing selector. */
export function selectorString(sel: LabelSelector | undefined): string {
  return selectorFromLabelSelector(sel).toString();
}

/** metav1.FormatLabelSelector: the selector's string, or `<none>`. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  return selectorString(sel) || '<none>';
}

/** printController: `Kind/name` of the controlling owner reference, if any. */
export function controllerOf(meta: { ownerReferences?: readonly OwnerReference[] }): string {
  const ref = meta.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** intstr.IntOrString.String(). */
export function intOrString(v: number | string | undefined): string {
  return v === undefined ? '0' : String(v);
}
