/**
 * How kubectl explain reads its argument (k8s.io/kubectl/pkg/explain/explain.go, v1.33):
 * `pods.spec.containers` is parsed as the JSONPath `{.pods.spec.containers}`; the first node names
 * the resource (as the RESTMapper's ResourcesFor finds it: plural, singular, short name, any
 * case), the remaining field nodes are the field path. A resource written with its group
 * (`deployments.apps.spec`) is recognised when `<resource>.<group>` prefixes the argument.
 */
import { RESOURCE_TYPES, type ResourceType } from '../../api/resources.js';
import { CliError, RenderedError } from '../errors.js';
import type { GroupVersionResource } from './openapi.js';

type PathNode = { readonly field: string } | { readonly other: string };

const TERMINATORS = new Set([' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}']);
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$/;

function isAlphaNumeric(ch: string): boolean {
  return /^[\p{L}\p{Nd}_]$/u.test(ch);
}

/** Go's %#U: `U+007B '{'`. */
function goRune(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`;
}

/**
 * The nodes of client-go's jsonpath parse of `{.<input>}` (util/jsonpath/parser.go), reduced to
 * what explain looks at: field nodes by name, every other node by its kind. Errors keep
 * client-go's wording. Simplified: filters and unions are skipped over, not parsed.
 */
export function jsonPathNodes(input: string): PathNode[] {
  const text = `{.${input.endsWith('.') ? input.slice(0, -1) : input}}`;
  const nodes: PathNode[] = [];
  let pos = 1;
  const readField = (): string => {
    const start = pos;
    while (pos < text.length && !TERMINATORS.has(text[pos]!)) pos += text[pos] === '\\' ? 2 : 1;
    return text.slice(start, pos).replaceAll('\\', '');
  };
  const addField = (name: string) => nodes.push(name === '*' ? { other: 'wildcard' } : { field: name });
  for (;;) {
    const rest = text.slice(pos);
    if (rest.startsWith('}')) {
      pos++;
      if (pos < text.length) throw new CliError('must pass in 1 jsonpath string');
      return nodes;
    }
    if (rest.startsWith('[?(')) {
      const end = rest.indexOf(')]');
      if (end < 0) throw new CliError('unterminated filter');
      nodes.push({ other: 'filter' });
      pos += end + 2;
      continue;
    }
    if (rest.startsWith('..')) {
      const last = nodes.at(-1);
      if (last && 'other' in last && last.other === 'recursive') {
        throw new CliError('invalid multiple recursive descent');
      }
      nodes.push({ other: 'recursive' });
      pos += 2;
      if (isAlphaNumeric(text[pos] ?? '')) addField(readField());
      continue;
    }
    const ch = text[pos];
    if (ch === undefined || ch === '\r' || ch === '\n') throw new CliError('unclosed action');
    pos++;
    if (ch === ' ' || ch === '@' || ch === '$') continue;
    if (ch === '.') addField(readField());
    else if (ch === '[') nodes.push(...arrayNodes(text, pos, (end) => (pos = end)));
    else if (ch === '"' || ch === "'") {
      let end = pos;
      while (end < text.length && !(text[end] === ch && text[end - 1] !== '\\')) {
        if (text[end] === '\n') break;
        end++;
      }
      if (end >= text.length || text[end] !== ch) throw new CliError('unterminated quoted string');
      nodes.push({ other: 'text' });
      pos = end + 1;
    } else if (ch === '+' || ch === '-' || /\d/.test(ch) || isAlphaNumeric(ch)) {
      pos--;
      const start = pos;
      while (pos < text.length && !TERMINATORS.has(text[pos]!)) pos++;
      nodes.push({ other: text.slice(start, pos) });
    } else {
      throw new CliError(`unrecognized character in action: ${goRune(ch)}`);
    }
  }
}

/** parseArray: `['name']` is a field, `[0]`, `[1:3]` and `[*]` are array nodes, anything else an error. */
function arrayNodes(text: string, from: number, setPos: (end: number) => void): PathNode[] {
  const close = text.indexOf(']', from);
  const newline = text.indexOf('\n', from);
  if (close < 0 || (newline >= 0 && newline < close)) throw new CliError('unterminated array');
  setPos(close + 1);
  const inner = text.slice(from, close) === '*' ? ':' : text.slice(from, close);
  if (inner.split(',').length > 1) return [{ other: 'union' }];
  const key = DICT_KEY.exec(inner);
  if (key) return jsonPathNodes(key[1]!);
  if (!SLICE.test(inner)) throw new CliError(`invalid array index ${inner}`);
  return [{ other: 'array' }];
}

function fieldsOf(nodes: readonly PathNode[], message: string): string[] {
  return nodes.map((n) => {
    if (!('field' in n)) throw new CliError(message);
    return n.field;
  });
}

/** The resource types a name matches (RESTMapper.ResourcesFor behind kubectl's short-name expander). */
export function resourcesFor(name: string): ResourceType[] {
  const lower = name.toLowerCase();
  const found = RESOURCE_TYPES.filter(
    (r) => r.plural === lower || r.singular === lower || r.shortNames.includes(lower),
  );
  // kubectl's checkErr prints a NoMatch error without the `error: ` prefix.
  if (found.length === 0) throw new RenderedError(`the server doesn't have a resource type "${name}"\n`);
  return found;
}

function gvrOf(r: ResourceType): GroupVersionResource {
  return { group: r.group, version: r.version, resource: r.plural };
}

/** GroupResource.String(): `deployments.apps`, `pods`. */
function groupResource(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

export interface ResourceRequest {
  readonly gvr: GroupVersionResource;
  readonly fieldPath: readonly string[];
}

const FIRST_FIELD = 'invalid jsonpath syntax, first node must be field node';

/** SplitAndParseResourceRequestWithMatchingPrefix: what explain uses without --api-version. */
export function parseResourceRequestWithMatchingPrefix(input: string): ResourceRequest {
  const nodes = jsonPathNodes(input);
  const first = nodes[0];
  if (!first || !('field' in first)) throw new CliError(FIRST_FIELD);
  const candidates = resourcesFor(first.field);
  for (const r of candidates) {
    const prefix = groupResource(r);
    if (!input.startsWith(prefix)) continue;
    const suffix = input.slice(prefix.length);
    // The suffix (`.spec.strategy`) parses as `{..spec.strategy}`: a recursive node, then the fields.
    const fieldPath = suffix ? fieldsOf(jsonPathNodes(suffix).slice(1), FIRST_FIELD) : [];
    return { gvr: gvrOf(r), fieldPath };
  }
  return { gvr: gvrOf(candidates[0]!), fieldPath: fieldsOf(nodes.slice(1), FIRST_FIELD) };
}

/** SplitAndParseResourceRequest: what explain uses with --api-version (RESTMapper.ResourceFor). */
export function parseResourceRequest(input: string): ResourceRequest {
  const nodes = jsonPathNodes(input);
  const first = nodes[0];
  if (!first || !('field' in first)) throw new CliError(FIRST_FIELD);
  const r = resourcesFor(first.field)[0]!;
  return {
    gvr: gvrOf(r),
    fieldPath: fieldsOf(nodes.slice(1), 'invalid jsonpath syntax, all nodes must be field nodes'),
  };
}

/** schema.ParseGroupVersion: `apps/v1`, `v1`. */
export function parseGroupVersion(s: string): { group: string; version: string } {
  if (s === '' || s === '/') return { group: '', version: '' };
  const parts = s.split('/');
  if (parts.length === 1) return { group: '', version: s };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  throw new CliError(`unexpected GroupVersion string: ${s}`);
}
