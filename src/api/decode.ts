/**
 * Reads manifests as `kubectl apply -f` / `kubectl create -f` and the API server do, one result
 * per document, with the errors each stage gives (kubectl 1.33, kube-apiserver 1.33):
 *
 * 1. kubectl splits the stream (decode/split.ts) and converts each document from YAML to JSON.
 *    A syntax error ends the stream: `error parsing STDIN: error converting YAML to JSON: yaml:
 *    line 5: mapping values are not allowed in this context` (cli-runtime StreamVisitor).
 * 2. kubectl checks `apiVersion` and `kind` (kubectl validation paramVerifyingSchema): `error
 *    validating "STDIN": error validating data: kind not set; if you choose to ignore these
 *    errors, turn validation off with --validate=false`. This also ends the stream.
 * 3. kubectl maps the kind to a resource (cli-runtime mapper.infoForData): `resource mapping not
 *    found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"`
 *    + `\nensure CRDs are installed first`. The stream goes on.
 * 4. The API server decodes the object strictly (decode/strict.ts); its error is a BadRequest
 *    StatusError: `Deployment in version "v1" cannot be handled as a Deployment: strict decoding
 *    error: unknown field "spec.replicaz"`. kubectl prefixes it with `Error from server
 *    (BadRequest): error when creating "STDIN": `.
 *
 * Documents after a stream-ending error are not returned. Empty documents (nothing, comments,
 * `null`) are skipped.
 */
import { type Document, parseAllDocuments } from 'yaml';
import { KubesimError, StatusError } from '../core/errors.js';
import { looksLikeJSON, splitDocuments } from './decode/split.js';
import { decodeStrict } from './decode/strict.js';
import { goYamlError } from './decode/yaml-errors.js';
import { type JsonValue, toJsonValue, YamlValueError } from './decode/yaml-values.js';
import { apiVersionOf, RESOURCE_TYPES } from './resources.js';
import { rootTypeOf } from './schema/index.js';
import type { KubeObject } from './types.js';

/** How the server treats unknown fields: kubectl's `--validate=strict|warn|false`. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface ParseOptions {
  /** Default `Strict`, as kubectl 1.33 sends for apply and create. */
  readonly fieldValidation?: FieldValidation;
}

/** One document of a manifest: the decoded object, or why it cannot be decoded. */
export interface ManifestDocument {
  /** 1-based line of the stream where the document starts. */
  readonly line: number;
  /** The decoded object: defaults not applied yet, unknown fields dropped, quantities canonical. */
  readonly object?: KubeObject;
  /**
   * Why the document cannot be used. A client-side error is a KubesimError whose message is
   * what kubectl prints after `error: `; a server-side decode error is a StatusError BadRequest
   * whose message kubectl prints after `Error from server (BadRequest): error when creating "SOURCE": `.
   */
  readonly error?: KubesimError;
  /** True when kubectl stops reading the stream at this error; it is then the last document. */
  readonly fatal?: boolean;
  /** The document as JSON when it parsed (for the name, kind and namespace in messages). */
  readonly raw?: unknown;
  /** `unknown field "spec.x"` messages with fieldValidation Warn (kubectl prints `Warning: ` + each). */
  readonly warnings?: readonly string[];
}

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** utilerrors.NewAggregate(...).Error(). */
function aggregate(messages: string[]): string {
  return messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`;
}

function isObject(v: unknown): v is { [key: string]: JsonValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** kubectl's GetObjectKind: the errors that stop validation, or the group/version/kind. */
function objectKind(raw: JsonValue): { errors: string[]; apiVersion?: string; kind?: string } {
  if (!isObject(raw)) return { errors: ['invalid object to validate'] };
  const errors: string[] = [];
  const apiVersion = raw.apiVersion;
  if (apiVersion === undefined || apiVersion === null) errors.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errors.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2) errors.push(`unexpected GroupVersion string: ${apiVersion}`);
  const kind = raw.kind;
  if (kind === undefined || kind === null) errors.push('kind not set');
  else if (typeof kind !== 'string') errors.push("kind isn't string type");
  if (errors.length > 0) return { errors };
  return { errors, apiVersion: apiVersion as string, kind: kind as string };
}

function metaString(raw: { [key: string]: JsonValue }, key: 'name' | 'namespace'): string {
  const meta = raw.metadata;
  if (!isObject(meta)) return '';
  const v = meta[key];
  return typeof v === 'string' ? v : '';
}

/** Steps 2-4 for one parsed document. Returns the results, and whether the stream ends. */
function decodeDocument(
  raw: JsonValue,
  line: number,
  source: string,
  validation: FieldValidation,
): { docs: ManifestDocument[]; stop: boolean } {
  const gvk = objectKind(raw);
  if (gvk.errors.length > 0) {
    const message = `error validating ${JSON.stringify(source)}: error validating data: ${aggregate(gvk.errors)}; ${STOP_VALIDATE}`;
    return { docs: [{ line, raw, error: new KubesimError(message), fatal: true }], stop: true };
  }
  const obj = raw as { [key: string]: JsonValue };
  const { apiVersion, kind } = gvk as { apiVersion: string; kind: string };
  if (apiVersion === 'v1' && kind === 'List' && Array.isArray(obj.items)) {
    const docs: ManifestDocument[] = [];
    for (const item of obj.items) {
      const r = decodeDocument(item, line, source, validation);
      docs.push(...r.docs);
      if (r.stop) return { docs, stop: true };
    }
    return { docs, stop: false };
  }
  const resource = RESOURCE_TYPES.find((r) => r.kind === kind && apiVersionOf(r) === apiVersion);
  if (!resource) {
    const name = metaString(obj, 'name');
    const namespace = metaString(obj, 'namespace');
    const message =
      `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} ` +
      `from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}` +
      '\nensure CRDs are installed first';
    return { docs: [{ line, raw, error: new KubesimError(message) }], stop: false };
  }
  const decoded = decodeStrict(rootTypeOf(resource.kind), raw);
  let error = decoded.error;
  if (!error && decoded.unknownFields.length > 0 && validation === 'Strict') {
    error = `strict decoding error: ${decoded.unknownFields.join(', ')}`;
  }
  if (error) {
    const message = `${kind} in version ${JSON.stringify(resource.version)} cannot be handled as a ${kind}: ${error}`;
    const status = new StatusError('BadRequest', message, { kind, name: metaString(obj, 'name') });
    return { docs: [{ line, raw, error: status }], stop: false };
  }
  const object = decoded.value as unknown as KubeObject;
  object.metadata ??= {} as KubeObject['metadata'];
  const warnings =
    validation === 'Warn' && decoded.unknownFields.length > 0 ? decoded.unknownFields : undefined;
  return { docs: [{ line, raw, object, ...(warnings ? { warnings } : {}) }], stop: false };
}

/** The first document of a YAML text, as go-yaml's Unmarshal reads it. */
function firstDocument(text: string): Document | undefined {
  const docs = parseAllDocuments(text, { version: '1.1', schema: 'failsafe', uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  return list[0];
}

function parseYamlStream(text: string, source: string, validation: FieldValidation): ManifestDocument[] {
  const out: ManifestDocument[] = [];
  const split = splitDocuments(text);
  for (const chunk of split.chunks) {
    const doc = firstDocument(chunk.text);
    let raw: JsonValue = null;
    if (doc) {
      const syntax = doc.errors[0];
      if (syntax) {
        const message = `error parsing ${source}: error converting YAML to JSON: ${goYamlError(chunk.text, syntax)}`;
        out.push({ line: chunk.line, error: new KubesimError(message), fatal: true });
        return out;
      }
      try {
        raw = toJsonValue(doc);
      } catch (e) {
        if (!(e instanceof YamlValueError)) throw e;
        const message = `error parsing ${source}: error converting YAML to JSON: ${e.message}`;
        out.push({ line: chunk.line, error: new KubesimError(message), fatal: true });
        return out;
      }
    }
    if (raw === null) continue;
    const r = decodeDocument(raw, chunk.line, source, validation);
    out.push(...r.docs);
    if (r.stop) return out;
  }
  if (split.error) {
    const message = `error parsing ${source}: ${split.error.message}`;
    out.push({ line: split.error.line, error: new KubesimError(message), fatal: true });
  }
  return out;
}

/**
 * A JSON stream (kubectl reads the whole stream as JSON when it starts with `{`): one or more
 * JSON values. Syntax errors are reported as `json: offset N: …` with JavaScript's reason,
 * which is not Go's wording (a simplification).
 */
function parseJsonStream(text: string, source: string, validation: FieldValidation): ManifestDocument[] {
  const out: ManifestDocument[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      } else if (depth === 0 && /\s/.test(ch)) break;
    }
    const line = text.slice(0, start).split('\n').length;
    let raw: JsonValue;
    try {
      raw = JSON.parse(text.slice(start, i)) as JsonValue;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      out.push({
        line,
        error: new KubesimError(`error parsing ${source}: json: offset ${i}: ${reason}`),
        fatal: true,
      });
      return out;
    }
    if (raw === null) continue;
    const r = decodeDocument(raw, line, source, validation);
    out.push(...r.docs);
    if (r.stop) return out;
  }
  return out;
}

/**
 * Parses every document of a manifest stream. `source` is how kubectl names the stream in its
 * messages: `STDIN` for `-f -`, else the path as given on the command line.
 */
export function parseManifests(text: string, source: string, options: ParseOptions = {}): ManifestDocument[] {
  const validation = options.fieldValidation ?? 'Strict';
  return looksLikeJSON(text)
    ? parseJsonStream(text, source, validation)
    : parseYamlStream(text, source, validation);
}
