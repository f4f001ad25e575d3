/**
 * kubectl explain's plaintext renderer: a port of the v1.33 template
 * k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl, one function per named template
 * ("schema", "output", "fieldList", "fieldDetail", "description", "typeGuess", "extractEnum"),
 * over an OpenAPI v3 document. Go template truthiness is kept where it decides a branch: an
 * empty map, list or string counts as absent.
 */
import type { GroupVersionKind, GroupVersionResource, JsonSchema, OpenAPIDocument } from './openapi.js';
import { gvrString } from './openapi.js';
import { indent, wrap } from './wrap.js';

/** An error the template throws (`throw`): kubectl prints its text as it is. */
export class ExplainError extends Error {
  override name = 'ExplainError';
}

/** What the template wrote before it finished or threw (Go's Execute writes as it goes). */
export interface RenderResult {
  readonly out: string;
  readonly error?: ExplainError;
}

interface Context {
  readonly document: OpenAPIDocument;
  readonly recursive: boolean;
}

type History = Readonly<Record<string, 1>>;

function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** The template's resolveRef: `#/components/schemas/X` → that schema (undefined when not found). */
export function resolveRef(ref: string | undefined, document: OpenAPIDocument): JsonSchema | undefined {
  if (!ref?.startsWith('#')) return undefined;
  let cur: unknown = document;
  for (const key of ref.slice(1).split('/')) {
    if (key === '') continue;
    const next = (cur as Record<string, unknown>)[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return undefined;
    cur = next;
  }
  return cur as JsonSchema;
}

/** `additionalProperties` when it is a schema (not `true`/`false`) and not empty. */
function mapValues(s: JsonSchema): JsonSchema | undefined {
  const ap = s.additionalProperties;
  return typeof ap === 'object' && truthy(ap) ? ap : undefined;
}

function items(s: JsonSchema): JsonSchema | undefined {
  return truthy(s.items) ? s.items : undefined;
}

/** Go's sort order of map keys (text/template ranges over maps sorted by key). */
function sortedKeys(o: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.keys(o ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** "typeGuess": `string`, `integer`, `Object`, `[]Container`, `map[string]string`, `PodStatus`, … */
export function typeGuess(schema: JsonSchema | undefined, document: OpenAPIDocument): string {
  if (!schema || !truthy(schema)) throw new Error("expected schema argument to subtemplate 'typeguess'");
  const elements = items(schema);
  if (elements) return `[]${typeGuess(elements, document)}`;
  const values = mapValues(schema);
  if (values) return `map[string]${typeGuess(values, document)}`;
  if (truthy(schema.allOf) && !truthy(schema.properties) && schema.allOf!.length === 1) {
    return typeGuess(schema.allOf![0], document);
  }
  if (schema.$ref) {
    const target = resolveRef(schema.$ref, document);
    if (!target?.type || target.type === 'object') {
      const name = schema.$ref.split('/').at(-1)!;
      return name.split('.').at(-1) || 'Object';
    }
    return target.type;
  }
  if (schema.type === 'object') return 'Object';
  return schema.type || 'Object';
}

/**
 * "extractEnum": the long view (`FIELD:`) lists every value on its own line under `ENUM:`; the
 * short view (field lists) prints `enum: A, B, C, D, ....` on a line of its own, at most `limit`.
 */
export function extractEnum(schema: JsonSchema, longView: boolean, limit: number, indentAmount = 0): string {
  if (!truthy(schema.enum)) return '';
  let out = longView ? 'ENUM:' : `\n${indent(indentAmount, '')}enum: `;
  for (const [index, element] of schema.enum!.entries()) {
    if (limit > -1 && index >= limit) {
      out += ', ....';
      break;
    }
    if (index > 0 && !longView) out += ', ';
    else if (longView) out += `\n${indent(4, '')}`;
    out += element === '' ? '""' : String(element);
  }
  return out;
}

/** "description": the schema's own description, then those of what it is made of (allOf, items, map values). */
export function describe(schema: JsonSchema, document: OpenAPIDocument): string {
  const s = resolveRef(schema.$ref, document) ?? schema;
  if (!truthy(s)) return '';
  let out = s.description ? `${s.description}\n` : '';
  for (const part of s.allOf ?? []) out += describe(part, document);
  const elements = items(s);
  if (elements) out += describe(elements, document);
  const values = mapValues(s);
  if (values) out += describe(values, document);
  return out;
}

/** "fieldDetail": `name\t<type> -required-`, the enum line, then (unless short) the wrapped description. */
export function fieldDetail(
  name: string,
  parent: JsonSchema,
  short: boolean,
  level: number,
  document: OpenAPIDocument,
): string {
  const indentAmount = level * 2;
  const field = parent.properties![name]!;
  let out = `${indent(indentAmount, name)}\t<${typeGuess(field, document)}>`;
  if (parent.required?.includes(name)) out += ' -required-';
  out += extractEnum(field, false, 4, indentAmount);
  out += '\n';
  if (!short) {
    out += `${indent(indentAmount + 2, wrap(78 - indentAmount, field.description || '<no description>'))}\n\n`;
  }
  return out;
}

/** "fieldList": the fields of a schema (following refs, allOf, items, map values); nested when recursive. */
function fieldList(schema: JsonSchema, level: number, history: History | undefined, ctx: Context): string {
  const ref = schema.$ref ?? '';
  if (ref && history?.[ref]) return ''; // a cycle
  const next: History = { ...history, [ref]: 1 };
  const resolved = resolveRef(ref, ctx.document) ?? schema;
  let out = '';
  for (const name of sortedKeys(resolved.properties)) {
    out += fieldDetail(name, resolved, ctx.recursive, level, ctx.document);
    if (ctx.recursive) out += fieldList(resolved.properties![name]!, level + 1, next, ctx);
  }
  for (const part of resolved.allOf ?? []) out += fieldList(part, level, next, ctx);
  const elements = items(resolved);
  if (elements) out += fieldList(elements, level, next, ctx);
  const values = mapValues(resolved);
  if (values) out += fieldList(values, level, next, ctx);
  return out;
}

/**
 * "output": follows the field path (through properties, list items, map values and allOf), then
 * prints `FIELD:` (for a path), `DESCRIPTION:` and `FIELDS:`. Prints nothing when the path is not found.
 */
function output(schema: JsonSchema, path: readonly string[], history: History, ctx: Context): string {
  const ref = schema.$ref ?? '';
  const next: History = { ...history, [ref]: 1 };
  const resolved = resolveRef(ref, ctx.document) ?? schema;
  if (path.length === 0) {
    const description = describe(resolved, ctx.document) || '<empty>';
    let out = `DESCRIPTION:\n${indent(4, wrap(76, description))}\n`;
    const fields = fieldList(resolved, 1, undefined, ctx);
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history[ref]) return ''; // a cycle
  const [first, ...rest] = path as [string, ...string[]];
  const property = resolved.properties?.[first];
  if (property && truthy(property)) {
    let out = '';
    if (rest.length === 0) {
      out += `FIELD: ${first} <${typeGuess(property, ctx.document)}>\n`;
      out += `${extractEnum(property, true, -1)}\n\n`;
    }
    return out + output(property, rest, {}, ctx);
  }
  const elements = items(resolved);
  if (elements) return output(elements, path, next, ctx);
  const values = mapValues(resolved);
  if (values) return output(values, path, next, ctx);
  for (const part of resolved.allOf ?? []) {
    const out = output(part, path, next, ctx);
    if (out) return out;
  }
  return '';
}

/** Go's %v of the template's GVK map: `map[group:apps kind:Deployment version:v1]`. */
function gvkString(gvk: GroupVersionKind): string {
  return `map[group:${gvk.group} kind:${gvk.kind} version:${gvk.version}]`;
}

function sameGVK(a: GroupVersionKind, b: GroupVersionKind): boolean {
  return a.group === b.group && a.kind === b.kind && a.version === b.version;
}

/** "schema": the component whose x-kubernetes-group-version-kind names the kind, rendered by "output". */
function kindSchema(gvk: GroupVersionKind, path: readonly string[], ctx: Context): string {
  const schemas = ctx.document.components.schemas;
  for (const name of sortedKeys(schemas)) {
    const schema = schemas[name]!;
    if (!(schema['x-kubernetes-group-version-kind'] ?? []).some((g) => sameGVK(g, gvk))) continue;
    const out = output(schema, path, {}, ctx);
    if (out) return out;
    throw new ExplainError(`error: field "${path.at(-1)}" does not exist`);
  }
  return '';
}

/** The kind the resource's list or item paths serve (the template's search through `paths`). */
function findGVK(document: OpenAPIDocument, gvr: GroupVersionResource): GroupVersionKind | undefined {
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
  const base = `${prefix}/${gvr.version}`;
  const searchPaths = [
    `${base}/${gvr.resource}`,
    `${base}/${gvr.resource}/{name}`,
    `${base}/namespaces/{namespace}/${gvr.resource}`,
    `${base}/namespaces/{namespace}/${gvr.resource}/{name}`,
  ];
  let gvk: GroupVersionKind | undefined;
  for (const path of searchPaths) {
    const item = document.paths[path];
    if (!item) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      gvk = operation['x-kubernetes-group-version-kind'];
      if (gvk) break;
    }
  }
  return gvk;
}

/**
 * Renders `kubectl explain` for a resource of `document` (the OpenAPI v3 document of the
 * resource's group-version) and an optional field path.
 */
export function renderExplain(
  document: OpenAPIDocument,
  gvr: GroupVersionResource,
  fieldPath: readonly string[],
  recursive: boolean,
): RenderResult {
  const gvk = findGVK(document, gvr);
  if (!gvk)
    return { out: '', error: new ExplainError(`error: GVR (${gvrString(gvr)}) not found in OpenAPI schema`) };
  let out = gvk.group ? `GROUP:      ${gvk.group}\n` : '';
  out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  try {
    const body = kindSchema(gvk, fieldPath, { document, recursive });
    if (!body) throw new ExplainError(`error: GVK ${gvkString(gvk)} not found in OpenAPI schema`);
    return { out: `${out}${body}\n` };
  } catch (e) {
    if (e instanceof ExplainError) return { out, error: e };
    throw e;
  }
}
