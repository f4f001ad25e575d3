/**
 * Field selectors as k8s.io/apimachinery/pkg/fields/selector.go (v1.33) parses them, with its
 * error texts, and the API server's field label conversion (which fields each kind can be
 * selected by: pkg/apis/core/v1/conversion.go, runtime.DefaultMetaV1FieldSelectorConversion) and
 * the values it selects on (the registries' ToSelectableFields).
 */
import { SelectorParseError } from './labels.js';
import type { KubeObject } from './types.js';

/** One term: hasTerm (`=` and `==`, kept as `=`) or notHasTerm (`!=`). */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

export interface FieldSelector {
  /** No terms: selects everything. */
  readonly empty: boolean;
  readonly requirements: readonly FieldRequirement[];
  /** True when every term holds for the field values `get` returns. */
  matches(get: (field: string) => string): boolean;
  /** The canonical form: terms in sorted order, values escaped (`a=b,c!=d\,e`). */
  toString(): string;
}

/** EscapeValue: a backslash before `\`, `,` and `=`, so a value can hold them. */
export function escapeValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/**
 * UnescapeValue: undoes escapeValue. An unrecognized escape, a trailing backslash or a bare `,` or
 * `=` is an error; upstream prints the bare character with `%v` of a rune, i.e. its code (`61`).
 */
export function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let v = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=')
        throw new SelectorParseError(`invalid field selector: invalid escape sequence: \\${c}`);
      v += c;
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=')
      throw new SelectorParseError(
        `invalid field selector: unescaped character in value: ${c.codePointAt(0)}`,
      );
    else v += c;
  }
  if (inSlash) throw new SelectorParseError('invalid field selector: invalid escape sequence: \\');
  return v;
}

/** splitTerms: the comma-separated terms; an escaped comma stays in its term, backslash and all. */
export function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

const TERM_OPERATORS = ['!=', '==', '='] as const;

/**
 * splitTerm: the field, operator and raw value of one term, split at the first operator (`!=`
 * before `==` before `=`); undefined when there is none.
 */
export function splitTerm(term: string): [string, (typeof TERM_OPERATORS)[number], string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

function compile(requirements: FieldRequirement[]): FieldSelector {
  return {
    empty: requirements.length === 0,
    requirements,
    matches(get) {
      for (const r of requirements) if ((get(r.field) === r.value) !== (r.operator === '=')) return false;
      return true;
    },
    toString() {
      return requirements.map((r) => `${r.field}${r.operator}${escapeValue(r.value)}`).join(',');
    },
  };
}

/**
 * fields.ParseSelector: terms sorted, empty terms skipped, values unescaped. Throws
 * SelectorParseError with upstream's message (`invalid selector: 'x'; can't understand 'x'`).
 * Go sorts the terms by bytes; JavaScript's order differs only beyond the Basic Multilingual Plane.
 */
export function parseFieldSelector(selector: string): FieldSelector {
  const requirements: FieldRequirement[] = [];
  for (const part of splitTerms(selector).sort()) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new SelectorParseError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const [field, op, rhs] = split;
    requirements.push({ field, operator: op === '!=' ? '!=' : '=', value: unescapeValue(rhs) });
  }
  return compile(requirements);
}

/** The fields each kind can be selected by besides metadata.name and metadata.namespace. */
const FIELD_LABELS: Readonly<Record<string, readonly string[]>> = {
  Pod: [
    'metadata.name',
    'metadata.namespace',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  Node: ['metadata.name', 'spec.unschedulable'],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
    'metadata.namespace',
    'metadata.name',
  ],
  Namespace: ['status.phase', 'metadata.name'],
  Service: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
};

/**
 * The API server's field label conversion for a kind: the field it selects on, or a
 * SelectorParseError with the server's message (`field label not supported: x` for the core kinds
 * that register a conversion, DefaultMetaV1FieldSelectorConversion's wording for the others).
 */
export function convertFieldLabel(kind: string, label: string): string {
  const supported = Object.hasOwn(FIELD_LABELS, kind) ? FIELD_LABELS[kind] : undefined;
  if (supported) {
    // Old v1 clients send spec.host for a pod's node.
    if (kind === 'Pod' && label === 'spec.host') return 'spec.nodeName';
    if (supported.includes(label)) return label;
    throw new SelectorParseError(`field label not supported: ${label}`);
  }
  if (label === 'metadata.name' || label === 'metadata.namespace') return label;
  throw new SelectorParseError(
    `${JSON.stringify(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
  );
}

/**
 * fields.Selector.Transform with convertFieldLabel: the selector the server matches for a kind,
 * failing on the first unsupported field in sorted order, as the API server does.
 */
export function fieldSelectorFor(kind: string, selector: FieldSelector): FieldSelector {
  return compile(selector.requirements.map((r) => ({ ...r, field: convertFieldLabel(kind, r.field) })));
}

function valueAt(obj: unknown, path: string): string {
  let v: unknown = obj;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return '';
    v = (v as Record<string, unknown>)[part];
  }
  return v === undefined || v === null || typeof v === 'object' ? '' : String(v);
}

/**
 * The value a converted field label selects on, as the kind's ToSelectableFields sets it: the
 * object's field at that path, with the registries' defaults and derived values. Fields not in
 * the set read as empty.
 */
export function selectableFieldValue(obj: KubeObject, field: string): string {
  const o = obj as KubeObject & Record<string, unknown>;
  switch (`${obj.kind} ${field}`) {
    case 'Pod spec.hostNetwork':
    case 'Node spec.unschedulable':
      return valueAt(o, field) === 'true' ? 'true' : 'false';
    case 'Pod status.podIP': {
      const ips = (o.status as { podIPs?: Array<{ ip?: string }> } | undefined)?.podIPs;
      return ips?.[0]?.ip ?? valueAt(o, field);
    }
    // Not in the pod's selectable field set (upstream leaves a TODO), so it never holds a value.
    case 'Pod status.podIPs':
      return '';
    case 'Event source':
      return valueAt(o, 'source.component') || valueAt(o, 'reportingComponent');
    default:
      return valueAt(o, field);
  }
}
