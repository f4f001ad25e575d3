/**
 * Applying a strategic merge patch the way the API server does for `kubectl patch` (the default
 * --type; k8s.io/apimachinery/pkg/util/strategicpatch StrategicMergePatch / mergeMap / mergeSlice):
 * - maps merge key by key; `null` deletes a key; `{"$patch": "replace"}` replaces a map and
 *   `{"$patch": "delete"}` removes it; `$retainKeys` keeps only the listed keys;
 * - lists with a patch merge key (containers by name, ports by containerPort, env by name, …)
 *   merge element by element: a patch element with the key of an existing one is merged into it,
 *   a new one is added, `{"$patch": "delete", name: …}` removes one and a `{"$patch": "replace"}`
 *   element replaces the whole list; `$setElementOrder/<list>` orders the result;
 *   otherwise the patch's elements keep their order and the others theirs (normalizeElementOrder);
 * - `$deleteFromPrimitiveList/<list>` removes values from a list of strings;
 * - every other list, and every scalar, is replaced.
 *
 * Simplified: merge keys come from mergeKeyFor (by field name and place, not the OpenAPI
 * schema), so lists of primitives with the merge strategy (finalizers) are replaced, not merged.
 */
import { clone, deepEqual } from '../../../core/clone.js';
import { type Json, type JsonMap, mergeKeyFor } from '../../apply/strategic-merge.js';

const ORDER = '$setElementOrder/';
const DELETE_FROM = '$deleteFromPrimitiveList/';
const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

export class StrategicPatchError extends Error {
  override name = 'StrategicPatchError';
}

export function strategicMergePatch(original: JsonMap, patch: JsonMap, kind: string): JsonMap {
  return mergeMap(original, patch, [], kind) ?? {};
}

/** Merges `patch` into a copy of `original`; undefined means "delete this map". */
function mergeMap(original: JsonMap, patch: JsonMap, path: string[], kind: string): JsonMap | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const replaced = clone(patch);
    delete replaced.$patch;
    return replaced;
  }
  if (directive !== undefined && directive !== 'merge') {
    throw new StrategicPatchError(
      `Unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`,
    );
  }
  const result = clone(original);
  const retain = patch.$retainKeys;
  if (Array.isArray(retain)) {
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith(ORDER)) continue;
    if (key.startsWith(DELETE_FROM)) {
      const field = key.slice(DELETE_FROM.length);
      const current = result[field];
      if (Array.isArray(current) && Array.isArray(value)) {
        result[field] = current.filter((v) => !value.some((d) => deepEqual(d, v)));
      }
      continue;
    }
    const here = [...path, key];
    const current = result[key];
    if (value === null) {
      delete result[key];
    } else if (isMap(value)) {
      const merged = mergeMap(isMap(current) ? current : {}, value, here, kind);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else if (Array.isArray(value)) {
      const order = patch[`${ORDER}${key}`];
      result[key] = mergeList(
        Array.isArray(current) ? current : [],
        value,
        Array.isArray(order) ? order : undefined,
        here,
        kind,
      );
    } else {
      result[key] = clone(value);
    }
  }
  return result;
}

function mergeList(
  original: readonly Json[],
  patch: readonly Json[],
  order: readonly Json[] | undefined,
  path: string[],
  kind: string,
): Json[] {
  const key = mergeKeyFor(path, kind);
  const mapsOnly = patch.every(isMap) && original.every(isMap);
  if (!key || !mapsOnly) return clone([...patch]);
  const replace = patch.find((e) => isMap(e) && e.$patch === 'replace');
  if (replace) return patch.filter((e) => e !== replace).map((e) => clone(e));

  let merged: JsonMap[] = (original as JsonMap[]).map((e) => clone(e));
  const here = [...path, '[]'];
  const patchItems: JsonMap[] = [];
  for (const element of patch as JsonMap[]) {
    if (!Object.hasOwn(element, key)) {
      throw new StrategicPatchError(
        `map: ${JSON.stringify(element)} does not contain declared merge key: ${key}`,
      );
    }
    if (element.$patch === 'delete') {
      merged = merged.filter((e) => !deepEqual(e[key], element[key]));
      continue;
    }
    patchItems.push(element);
    const i = merged.findIndex((e) => deepEqual(e[key], element[key]));
    if (i >= 0) merged[i] = mergeMap(merged[i]!, element, here, kind) ?? {};
    else merged.push(mergeMap({}, element, here, kind) ?? {});
  }
  return normalizeOrder(merged, (order as JsonMap[] | undefined) ?? patchItems, original as JsonMap[], key);
}

/**
 * normalizeElementOrder: the elements the patch names in the patch's (or $setElementOrder's)
 * order, the others in the server's order, interleaved by their places in the server's list.
 */
function normalizeOrder(
  merged: JsonMap[],
  patchOrder: JsonMap[],
  serverOrder: JsonMap[],
  key: string,
): JsonMap[] {
  const indexIn = (list: JsonMap[], e: JsonMap) => list.findIndex((x) => deepEqual(x[key], e[key]));
  const fromPatch = merged
    .filter((e) => indexIn(patchOrder, e) >= 0)
    .sort((a, b) => indexIn(patchOrder, a) - indexIn(patchOrder, b));
  const serverOnly = merged
    .filter((e) => indexIn(patchOrder, e) < 0)
    .sort((a, b) => indexIn(serverOrder, a) - indexIn(serverOrder, b));
  const out: JsonMap[] = [];
  let i = 0;
  let j = 0;
  while (i < fromPatch.length || j < serverOnly.length) {
    if (i >= fromPatch.length) out.push(serverOnly[j++]!);
    else if (j >= serverOnly.length) out.push(fromPatch[i++]!);
    else {
      const li = indexIn(serverOrder, fromPatch[i]!);
      const ri = indexIn(serverOrder, serverOnly[j]!);
      if (li >= 0 && ri >= 0 && li < ri) out.push(fromPatch[i++]!);
      else out.push(serverOnly[j++]!);
    }
  }
  return out;
}
