/**
 * JSON patch (RFC 6902; gopkg.in/evanphx/json-patch.v4 as the API server applies `kubectl patch
 * --type=json`): add, remove, replace, move, copy and test on JSON pointers, applied in order to a
 * copy. A failing operation fails the whole patch.
 *
 * Simplified: the failure messages follow json-patch v4's wording for the common cases (missing
 * key or path, index out of range, failed test); they only reach the user through kubectl's
 * generic "request is invalid" text anyway, as the API server drops them.
 */
import { clone, deepEqual } from '../../../core/clone.js';
import type { Json, JsonMap } from '../../apply/strategic-merge.js';

export class JsonPatchError extends Error {
  override name = 'JsonPatchError';
}

/** The patch could not be read as a list of operations (the server's BadRequest). */
export class JsonPatchDecodeError extends Error {
  override name = 'JsonPatchDecodeError';
}

interface Operation {
  readonly op: string;
  readonly path: string;
  readonly from?: string;
  readonly value?: Json;
  readonly hasValue: boolean;
}

const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

function decode(patch: Json): Operation[] {
  if (!Array.isArray(patch)) {
    const kind = isMap(patch) ? 'object' : typeof patch === 'string' ? 'string' : typeof patch;
    throw new JsonPatchDecodeError(`json: cannot unmarshal ${kind} into Go value of type jsonpatch.Patch`);
  }
  return patch.map((raw) => {
    const o = isMap(raw) ? raw : {};
    return {
      op: typeof o.op === 'string' ? o.op : '',
      path: typeof o.path === 'string' ? o.path : '',
      ...(typeof o.from === 'string' ? { from: o.from } : {}),
      ...(Object.hasOwn(o, 'value') ? { value: o.value! } : {}),
      hasValue: Object.hasOwn(o, 'value'),
    };
  });
}

/** RFC 6901 pointer → unescaped segments. */
function segments(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The container of the pointer's last segment, and that segment. */
function parentOf(doc: Json, path: string, op: string): { parent: JsonMap | Json[]; key: string } {
  const parts = segments(path);
  const key = parts.pop();
  let node: Json = doc;
  for (const part of parts) {
    if (Array.isArray(node)) {
      const i = Number(part);
      if (!/^\d+$/.test(part) || i >= node.length) throw missingPath(op, path);
      node = node[i]!;
    } else if (isMap(node) && Object.hasOwn(node, part)) {
      node = node[part]!;
    } else {
      throw missingPath(op, path);
    }
  }
  if (key === undefined || !(Array.isArray(node) || isMap(node))) throw missingPath(op, path);
  return { parent: node, key };
}

const missingPath = (op: string, path: string) =>
  new JsonPatchError(
    `${op} operation does not apply: doc is missing path: ${JSON.stringify(path)}: missing value`,
  );

function get(doc: Json, path: string, op: string): Json {
  if (path === '') return doc;
  const { parent, key } = parentOf(doc, path, op);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= parent.length) throw missingPath(op, path);
    return parent[i]!;
  }
  if (!Object.hasOwn(parent, key)) throw missingPath(op, path);
  return parent[key]!;
}

function add(doc: Json, path: string, value: Json): Json {
  if (path === '') return clone(value);
  const { parent, key } = parentOf(doc, path, 'add');
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!(key === '-' || /^\d+$/.test(key)) || i > parent.length) {
      throw new JsonPatchError(
        `add operation does not apply: doc is missing path: ${JSON.stringify(path)}: missing value`,
      );
    }
    parent.splice(i, 0, clone(value));
  } else {
    parent[key] = clone(value);
  }
  return doc;
}

function remove(doc: Json, path: string, op = 'remove'): Json {
  const { parent, key } = parentOf(doc, path, op);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= parent.length) throw missingPath(op, path);
    parent.splice(i, 1);
  } else {
    if (!Object.hasOwn(parent, key)) throw missingPath(op, path);
    delete parent[key];
  }
  return doc;
}

function replace(doc: Json, path: string, value: Json): Json {
  if (path === '') return clone(value);
  const { parent, key } = parentOf(doc, path, 'replace');
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= parent.length) throw missingPath('replace', path);
    parent[i] = clone(value);
  } else {
    if (!Object.hasOwn(parent, key)) {
      throw new JsonPatchError(
        `replace operation does not apply: doc is missing key: ${path}: missing value`,
      );
    }
    parent[key] = clone(value);
  }
  return doc;
}

/** Applies a JSON patch document to a copy of `doc`. */
export function applyJsonPatch(doc: Json, patch: Json): Json {
  let result = clone(doc);
  for (const op of decode(patch)) {
    const value = op.value ?? null;
    switch (op.op) {
      case 'add':
        result = add(result, op.path, value);
        break;
      case 'remove':
        result = remove(result, op.path);
        break;
      case 'replace':
        result = replace(result, op.path, value);
        break;
      case 'move': {
        const moved = clone(get(result, op.from ?? '', 'move'));
        result = add(remove(result, op.from ?? '', 'move'), op.path, moved);
        break;
      }
      case 'copy':
        result = add(result, op.path, clone(get(result, op.from ?? '', 'copy')));
        break;
      case 'test':
        if (!deepEqual(get(result, op.path, 'test'), value)) {
          throw new JsonPatchError(`testing value ${op.path} failed: test failed`);
        }
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${op.op}`);
    }
  }
  return result;
}
