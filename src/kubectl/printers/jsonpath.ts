/**
 * kubectl's `-o jsonpath=…` (k8s.io/client-go/util/jsonpath, with kubectl's AllowMissingKeys):
 * text outside `{…}` is printed as it is; each `{expression}` prints its results separated by
 * spaces; strings print raw, numbers and booleans as Go's fmt prints them, maps and lists as
 * compact JSON. Supported: `.field`, `['field']`, `[n]`, `[-n]`, `[a:b]`, `[*]`, `.*`, `..field`,
 * unions `[a,b]`, filters `[?(@.type=="Ready")]` (==, !=, <, <=, >, >=, or bare existence),
 * quoted literals `{"\n"}`, and `{range …}…{end}`. A missing key prints nothing (an error with
 * --allow-missing-template-keys=false); an index out of bounds is an error.
 */
import { CliError } from '../errors.js';
import { goJson } from './go-json.js';

type Segment =
  | { kind: 'field'; names: string[] }
  | { kind: 'union'; members: Segment[][] }
  | { kind: 'wildcard' }
  | { kind: 'recursive'; name: string | undefined }
  | { kind: 'index'; items: IndexItem[] }
  | { kind: 'filter'; left: Segment[]; op: string | undefined; right: Operand | undefined };

/** client-go's ArrayNode params [start, end, step]: `[i]` is start i with a derived end i+1. */
interface ArrayParam {
  value: number;
  known: boolean;
  derived?: boolean;
}
type IndexItem = [ArrayParam, ArrayParam, ArrayParam];
type Operand = { kind: 'literal'; value: unknown } | { kind: 'path'; segments: Segment[] };

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'path'; segments: Segment[] }
  | { kind: 'range'; segments: Segment[]; body: Node[] };

export class JsonPathError extends CliError {
  override name = 'JsonPathError';
}

/** Parses a template into nodes; throws JsonPathError with client-go's wording where we know it. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Array<{ body: Node[] }> = [{ body: root }];
  let i = 0;
  let text = '';
  const flushText = () => {
    if (text) stack[stack.length - 1]!.body.push({ kind: 'text', text });
    text = '';
  };
  while (i < template.length) {
    const ch = template[i]!;
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    flushText();
    const end = findActionEnd(template, i + 1);
    if (end < 0) throw new JsonPathError(`unclosed action`);
    const action = template.slice(i + 1, end).trim();
    i = end + 1;
    const top = stack[stack.length - 1]!;
    if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError(`not in range, nothing to end`);
      stack.pop();
    } else if (action.startsWith('range ') || action === 'range') {
      const node: Node = { kind: 'range', segments: parsePath(action.slice(5).trim()), body: [] };
      top.body.push(node);
      stack.push(node);
    } else if (/^"(?:[^"\\]|\\.)*"$/.test(action) || /^'[^']*'$/.test(action)) {
      top.body.push({ kind: 'text', text: unquote(action) });
    } else {
      top.body.push({ kind: 'path', segments: parsePath(action) });
    }
  }
  flushText();
  if (stack.length > 1) throw new JsonPathError(`range without end`);
  return root;
}

function findActionEnd(s: string, from: number): number {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '}') return i;
  }
  return -1;
}

function unquote(literal: string): string {
  if (literal.startsWith("'")) return literal.slice(1, -1);
  return JSON.parse(literal.replace(/\\([^"\\/bfnrtu])/g, '$1')) as string;
}

/** Parses `.a.b[0]['c'][?(@.x=="y")]..d` (a leading `$` or `@` is allowed). */
function parsePath(expr: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  if (expr[0] === '$' || expr[0] === '@') i = 1;
  const fail = (): never => {
    throw new JsonPathError(`unrecognized identifier ${expr.slice(i)}`);
  };
  while (i < expr.length) {
    const ch = expr[i]!;
    if (ch === '.') {
      if (expr[i + 1] === '.') {
        i += 2;
        const m = /^[\w-]*/.exec(expr.slice(i))![0];
        i += m.length;
        segments.push({ kind: 'recursive', name: m || undefined });
        continue;
      }
      i++;
      if (expr[i] === '*') {
        segments.push({ kind: 'wildcard' });
        i++;
        continue;
      }
      let name = '';
      while (i < expr.length && !'.[]()=!<> \t'.includes(expr[i]!)) {
        if (expr[i] === '\\' && expr[i + 1] === '.') i++;
        name += expr[i++];
      }
      if (name) segments.push({ kind: 'field', names: [name] });
      continue;
    }
    if (ch === '[') {
      const close = findBracketEnd(expr, i + 1);
      // client-go's parseArray reads to the `]` first.
      if (close < 0) throw new JsonPathError('unterminated array');
      const inner = expr.slice(i + 1, close).trim();
      i = close + 1;
      segments.push(parseBracket(inner));
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    fail();
  }
  return segments;
}

function findBracketEnd(s: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')') depth--;
    else if (ch === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function parseBracket(inner: string): Segment {
  if (inner === '*') return { kind: 'wildcard' };
  if (inner.startsWith('?(') && inner.endsWith(')')) return parseFilter(inner.slice(2, -1).trim());
  const parts = splitTopLevel(inner, ',');
  // Quoted names are paths of their own (`['metadata.name', 'status.phase']`), evaluated one after
  // the other over every current value.
  if (parts.every((p) => /^'.*'$|^".*"$/.test(p))) {
    return { kind: 'union', members: parts.map((p) => parsePath(`.${unquote(p)}`)) };
  }
  const items: IndexItem[] = parts.map((p) => {
    const param = (x: string | undefined): ArrayParam =>
      x === undefined || x === '' ? { value: 0, known: false } : { value: Number(x), known: true };
    if (p.includes(':')) {
      const [a, b, c] = p.split(':').map((x) => x.trim());
      return [param(a), param(b), param(c)];
    }
    if (!/^-?\d+$/.test(p)) throw new JsonPathError(`invalid array index ${p}`);
    const at = Number(p);
    return [
      { value: at, known: true },
      { value: at + 1, known: true, derived: true },
      { value: 0, known: false },
    ];
  });
  return { kind: 'index', items };
}

function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let quote = '';
  let cur = '';
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === sep) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function parseFilter(expr: string): Segment {
  const m = /^(@[^\s=!<>]*)\s*(==|!=|<=|>=|<|>)?\s*(.*)$/.exec(expr);
  if (!m) throw new JsonPathError(`unrecognized filter ${expr}`);
  const left = parsePath(m[1]!);
  const op = m[2];
  if (!op) return { kind: 'filter', left, op: undefined, right: undefined };
  const raw = m[3]!.trim();
  let right: Operand;
  if (/^'.*'$|^".*"$/.test(raw)) right = { kind: 'literal', value: unquote(raw) };
  else if (/^-?\d+(\.\d+)?$/.test(raw)) right = { kind: 'literal', value: Number(raw) };
  else if (raw === 'true' || raw === 'false') right = { kind: 'literal', value: raw === 'true' };
  else right = { kind: 'path', segments: parsePath(raw) };
  return { kind: 'filter', left, op, right };
}

// ---- evaluation ----

const isMap = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** How a template is evaluated: kubectl allows missing keys unless --allow-missing-template-keys=false. */
interface EvalOptions {
  readonly allowMissingKeys: boolean;
}

/** The Go type a value decoded from JSON has, as client-go's errors name it. */
function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

function applySegment(values: unknown[], seg: Segment, opts: EvalOptions): unknown[] {
  if (seg.kind === 'union') return seg.members.flatMap((m) => values.flatMap((v) => evaluate(v, m, opts)));
  if (seg.kind === 'index') {
    // evalUnion: each index of `[a,b]` over every value, one index after the other.
    return seg.items.flatMap((item) =>
      values.flatMap((v) => {
        if (v === null || v === undefined) return [];
        if (!Array.isArray(v)) throw new JsonPathError(`${goTypeName(v)} is not array or slice`);
        return pickIndex(v, item);
      }),
    );
  }
  const out: unknown[] = [];
  for (const v of values) {
    switch (seg.kind) {
      case 'field':
        if (isMap(v)) for (const n of seg.names) if (v[n] !== undefined) out.push(v[n]);
        break;
      case 'wildcard':
        if (Array.isArray(v)) out.push(...v);
        else if (isMap(v)) for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out.push(v[k]);
        break;
      case 'recursive':
        collectRecursive(v, seg.name, out);
        break;
      case 'filter':
        if (Array.isArray(v)) for (const el of v) if (filterMatches(el, seg, opts)) out.push(el);
        break;
    }
  }
  // evalField: no value for a key is an error unless missing keys are allowed.
  if (seg.kind === 'field' && out.length === 0 && values.length > 0 && !opts.allowMissingKeys)
    throw new JsonPathError(`${seg.names.join(',')} is not found`);
  return out;
}

function collectRecursive(v: unknown, name: string | undefined, out: unknown[]): void {
  if (isMap(v)) {
    for (const k of Object.keys(v).sort()) {
      if (name === undefined || k === name) out.push(v[k]);
      collectRecursive(v[k], name, out);
    }
  } else if (Array.isArray(v)) for (const el of v) collectRecursive(el, name, out);
}

/** evalArray on one list: bounds are checked as client-go does, so `[5]` of a shorter list fails. */
function pickIndex(list: unknown[], params: IndexItem): unknown[] {
  const n = list.length;
  // evalArray adjusts a copy of the params (a Go array), once per list.
  const [start, end, step] = params.map((p) => ({ ...p })) as IndexItem;
  if (!start.known) start.value = 0;
  if (start.value < 0) start.value += n;
  if (!end.known) end.value = n;
  if (end.value < 0 || (end.value === 0 && end.derived)) end.value += n;
  if (end.value === start.value) return []; // zero elements asked for
  if (start.value >= n || start.value < 0)
    throw new JsonPathError(`array index out of bounds: index ${start.value}, length ${n}`);
  if (end.value > n || end.value < 0)
    throw new JsonPathError(`array index out of bounds: index ${end.value - 1}, length ${n}`);
  if (start.value > end.value)
    throw new JsonPathError(`starting index ${start.value} is greater than ending index ${end.value}`);
  let by = 1;
  if (step.known) {
    if (step.value <= 0) throw new JsonPathError('step must be > 0');
    by = step.value;
  }
  const out: unknown[] = [];
  for (let i = start.value; i < end.value; i += by) out.push(list[i]);
  return out;
}

function filterMatches(el: unknown, seg: Extract<Segment, { kind: 'filter' }>, opts: EvalOptions): boolean {
  if (!seg.op || !seg.right) {
    // An existence test ignores the left side's errors.
    try {
      return evaluate(el, seg.left, opts).length > 0;
    } catch (e) {
      if (e instanceof JsonPathError) return false;
      throw e;
    }
  }
  const lefts = evaluate(el, seg.left, opts);
  const rights = seg.right.kind === 'literal' ? [seg.right.value] : evaluate(el, seg.right.segments, opts);
  return lefts.some((l) => rights.some((r) => compare(l, r, seg.op!)));
}

function compare(l: unknown, r: unknown, op: string): boolean {
  switch (op) {
    case '==':
      return l === r || (typeof l === 'number' && String(l) === String(r));
    case '!=':
      return !(l === r || (typeof l === 'number' && String(l) === String(r)));
    default: {
      const a = Number(l);
      const b = Number(r);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
    }
  }
}

const LENIENT: EvalOptions = { allowMissingKeys: true };

function evaluate(root: unknown, segments: Segment[], opts: EvalOptions = LENIENT): unknown[] {
  let values = [root];
  for (const seg of segments) values = applySegment(values, seg, opts);
  return values;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value) || isMap(value)) return goJson(value);
  return String(value);
}

function run(nodes: Node[], current: unknown, out: string[], opts: EvalOptions): void {
  for (const node of nodes) {
    if (node.kind === 'text') out.push(node.text);
    else if (node.kind === 'path') out.push(evaluate(current, node.segments, opts).map(text).join(' '));
    else for (const item of evaluate(current, node.segments, opts)) run(node.body, item, out, opts);
  }
}

/**
 * Evaluates a template against an object: kubectl's jsonpath printer output (no added newline).
 * Evaluation errors (an index out of bounds; a missing key when missing keys are not allowed)
 * are JsonPathErrors, and nothing is printed, as client-go finds all results before printing.
 */
export function printJsonPath(template: string, obj: unknown, allowMissingKeys = true): string {
  const out: string[] = [];
  run(parseTemplate(template), obj, out, { allowMissingKeys });
  return out.join('');
}

/** Values of one path expression (for --sort-by). */
export function evaluateJsonPath(expression: string, obj: unknown): unknown[] {
  const nodes = parseTemplate(expression);
  const path = nodes.find((n) => n.kind === 'path');
  return path && path.kind === 'path' ? evaluate(obj, path.segments) : [];
}

/** kubectl's RelaxedJSONPathExpression: `.a.b`, `a.b` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  const trimmed = expr.trim();
  const inner = trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1) : trimmed;
  if (inner.startsWith('.') || inner.startsWith('$') || inner.startsWith('[')) return `{${inner}}`;
  return `{.${inner}}`;
}

/**
 * JSONPath.FindResults with missing keys allowed (the custom-columns printer): the values of each
 * node of a parsed template, a text node's value being its text. Simplified: a `{range}` node
 * yields no values.
 */
export function findResults(nodes: ReturnType<typeof parseTemplate>, obj: unknown): unknown[][] {
  return nodes.map((n) =>
    n.kind === 'text' ? [n.text] : n.kind === 'path' ? evaluate(obj, n.segments) : [],
  );
}
