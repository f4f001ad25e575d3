import type { LabelSelector } from './types.js';

export type Labels = Readonly<Record<string, string>>;

/** A compiled selector: `matches(labels)`; `empty` selects everything. */
export interface Selector {
  readonly empty: boolean;
  matches(labels: Labels | undefined): boolean;
  /** The canonical string form (`app=web,tier in (a,b)`), as kubectl -o wide prints selectors. */
  toString(): string;
}

interface Requirement {
  key: string;
  op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals';
  values: string[];
}

function matchRequirement(r: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.op) {
    case 'Equals':
    case 'In':
      return has && r.values.includes(value!);
    case 'NotEquals':
    case 'NotIn':
      return !has || !r.values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

function requirementString(r: Requirement): string {
  switch (r.op) {
    case 'Equals':
      return `${r.key}=${r.values[0]}`;
    case 'NotEquals':
      return `${r.key}!=${r.values[0]}`;
    case 'In':
      return `${r.key} in (${[...r.values].sort().join(',')})`;
    case 'NotIn':
      return `${r.key} notin (${[...r.values].sort().join(',')})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
  }
}

const NO_LABELS: Labels = Object.freeze({});

function compile(requirements: Requirement[], nothing = false): Selector {
  const sorted = [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // A plain loop: controllers match every pod of a ReplicaSet against selectors on every sync.
  return {
    empty: requirements.length === 0 && !nothing,
    matches(labels) {
      if (nothing) return false;
      const l = labels ?? NO_LABELS;
      for (const r of sorted) {
        // `key=value`, by far the most common: only an own label can equal a string (inherited
        // properties of a plain object are functions), so no separate ownership test is needed.
        if (r.op === 'Equals' ? l[r.key] !== r.values[0] : !matchRequirement(r, l)) return false;
      }
      return true;
    },
    toString() {
      return sorted.map(requirementString).join(',');
    },
  };
}

/** A selector from a plain label map (a Service's `spec.selector`). */
export function selectorFromMap(map: Labels | undefined): Selector {
  return compile(
    Object.entries(map ?? {}).map(([key, v]): Requirement => ({ key, op: 'Equals', values: [v] })),
  );
}

/**
 * A selector from a metav1.LabelSelector. A nil selector matches nothing (LabelSelectorAsSelector
 * returns labels.Nothing()); an empty one matches everything.
 */
export function selectorFromLabelSelector(sel: LabelSelector | undefined | null): Selector {
  if (!sel) return compile([], true);
  const reqs: Requirement[] = Object.entries(sel.matchLabels ?? {}).map(
    ([key, v]): Requirement => ({
      key,
      op: 'Equals',
      values: [v],
    }),
  );
  for (const e of sel.matchExpressions ?? []) {
    reqs.push({ key: e.key, op: e.operator as Requirement['op'], values: [...(e.values ?? [])] });
  }
  return compile(reqs);
}

/**
 * Parses kubectl's `-l` syntax: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`,
 * joined by commas. Throws an Error with the apiserver-style message on bad input.
 */
export function parseSelector(text: string): Selector {
  const reqs: Requirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '' || parts.length > 0) parts.push(current);
  for (const raw of parts) {
    const part = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part))) {
      reqs.push({
        key: m[1]!,
        op: m[2] === 'in' ? 'In' : 'NotIn',
        values: m[3]!.split(',').map((s) => s.trim()),
      });
    } else if ((m = /^([\w./-]+)\s*!=\s*([\w.-]*)$/.exec(part))) {
      reqs.push({ key: m[1]!, op: 'NotEquals', values: [m[2]!] });
    } else if ((m = /^([\w./-]+)\s*==?\s*([\w.-]*)$/.exec(part))) {
      reqs.push({ key: m[1]!, op: 'Equals', values: [m[2]!] });
    } else if ((m = /^!\s*([\w./-]+)$/.exec(part))) {
      reqs.push({ key: m[1]!, op: 'DoesNotExist', values: [] });
    } else if ((m = /^([\w./-]+)$/.exec(part))) {
      reqs.push({ key: m[1]!, op: 'Exists', values: [] });
    } else {
      throw new Error(`unable to parse requirement: found '${part}', expected: identifier`);
    }
  }
  return compile(reqs);
}
