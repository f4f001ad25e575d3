/**
 * kubectl apply's client-side three-way merge (apimachinery strategicpatch
 * CreateThreeWayMergePatch, then the server applying the patch), for JSON-like objects:
 * - original = the last-applied configuration, modified = the new manifest, current = the live object;
 * - a field that is in modified and differs from current is set;
 * - a field that was in original and is no longer in modified is deleted (`null` in the patch);
 * - a field in current that neither original nor modified has (set by someone else: defaults,
 *   `kubectl scale`'s replicas) is kept;
 * - lists with a strategic merge key (containers by name, container ports by containerPort,
 *   service ports by port, …) merge element by element, with `$setElementOrder` and
 *   `{"$patch":"delete"}` directives; every other list is replaced whole.
 *
 * Simplified: merge keys are recognised by field name and place (see mergeKeyFor), not read from
 * the OpenAPI schema; lists of primitives with a merge strategy (finalizers) are replaced; a
 * live element that the patch does not mention goes after the ordered ones rather than keeping
 * its relative position; a change of order alone is not a change.
 */
import { clone, deepEqual } from '../../core/clone.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

const ORDER_PREFIX = '$setElementOrder/';

const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

const POD_SPEC_LISTS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
};

const CONTAINER_LISTS: Record<string, string> = {
  ports: 'containerPort',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
};

const CONTAINER_FIELDS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/**
 * The patchMergeKey of a list, by where it sits. `path` holds map keys, with `[]` for list
 * elements: `spec.template.spec.containers.[].ports`.
 */
export function mergeKeyFor(path: readonly string[], kind: string): string | undefined {
  const field = path[path.length - 1]!;
  if (field === 'ownerReferences' && path[path.length - 2] === 'metadata') return 'uid';
  if (path.length >= 3 && path[path.length - 2] === '[]' && CONTAINER_FIELDS.has(path[path.length - 3]!))
    return CONTAINER_LISTS[field];
  if (field === 'ports' && kind === 'Service' && path.length === 2 && path[0] === 'spec') return 'port';
  if (path[path.length - 2] === 'spec' && POD_SPEC_LISTS[field]) return POD_SPEC_LISTS[field];
  return undefined;
}

function keyed(list: readonly Json[], key: string): boolean {
  return list.every((e) => isMap(e) && e[key] !== undefined && e[key] !== null);
}

function find(list: readonly Json[] | undefined, key: string, value: Json | undefined): JsonMap | undefined {
  return list?.find((e): e is JsonMap => isMap(e) && deepEqual(e[key], value));
}

/** The patch that takes `current` to `modified`, deleting what `original` had and `modified` drops. */
export function threeWayPatch(
  original: JsonMap | undefined,
  modified: JsonMap,
  current: JsonMap,
  kind: string,
): JsonMap {
  return diffMaps(original, modified, current, [], kind);
}

function diffMaps(
  o: JsonMap | undefined,
  m: JsonMap,
  c: JsonMap | undefined,
  path: string[],
  kind: string,
): JsonMap {
  const patch: JsonMap = {};
  for (const k of Object.keys(m)) {
    const mv = m[k]!;
    const cv = c?.[k];
    const ov = o?.[k];
    const here = [...path, k];
    if (mv === null) {
      if (cv !== undefined) patch[k] = null;
      continue;
    }
    if (isMap(mv) && isMap(cv)) {
      const sub = diffMaps(isMap(ov) ? ov : undefined, mv, cv, here, kind);
      if (Object.keys(sub).length > 0) patch[k] = sub;
      continue;
    }
    const key = Array.isArray(mv) ? mergeKeyFor(here, kind) : undefined;
    if (key && Array.isArray(mv) && Array.isArray(cv) && keyed(mv, key) && keyed(cv, key)) {
      const elements = diffLists(Array.isArray(ov) ? ov : undefined, mv, cv, key, here, kind);
      if (elements.length > 0) {
        patch[`${ORDER_PREFIX}${k}`] = mv.map((e) => ({ [key]: (e as JsonMap)[key]! }));
        patch[k] = elements;
      }
      continue;
    }
    if (!deepEqual(mv, cv)) patch[k] = clone(mv);
  }
  // Deletions: what the last apply set and this one no longer does.
  if (o) for (const k of Object.keys(o)) if (!(k in m)) patch[k] = null;
  return patch;
}

function diffLists(
  o: readonly Json[] | undefined,
  m: readonly Json[],
  c: readonly Json[],
  key: string,
  path: string[],
  kind: string,
): Json[] {
  const out: Json[] = [];
  const here = [...path, '[]'];
  for (const e of m as JsonMap[]) {
    const ce = find(c, key, e[key]);
    if (!ce) {
      out.push(clone(e));
      continue;
    }
    const sub = diffMaps(find(o, key, e[key]), e, ce, here, kind);
    if (Object.keys(sub).length > 0) out.push({ ...sub, [key]: e[key]! });
  }
  for (const oe of (o ?? []) as JsonMap[]) {
    if (isMap(oe) && !find(m, key, oe[key])) out.push({ $patch: 'delete', [key]: oe[key]! });
  }
  return out;
}

/** Applies a patch made by threeWayPatch to the live object (what the API server does with it). */
export function applyPatch(current: JsonMap, patch: JsonMap, kind: string): JsonMap {
  return applyMap(current, patch, [], kind);
}

function applyMap(c: JsonMap, p: JsonMap, path: string[], kind: string): JsonMap {
  const result = clone(c);
  for (const k of Object.keys(p)) {
    if (k.startsWith(ORDER_PREFIX) || k === '$patch') continue;
    const pv = p[k]!;
    const here = [...path, k];
    const cv = result[k];
    if (pv === null) delete result[k];
    else if (isMap(pv)) result[k] = applyMap(isMap(cv) ? cv : {}, pv, here, kind);
    else if (Array.isArray(pv) && p[`${ORDER_PREFIX}${k}`] !== undefined) {
      const key = mergeKeyFor(here, kind)!;
      const order = p[`${ORDER_PREFIX}${k}`] as JsonMap[];
      result[k] = mergeList(Array.isArray(cv) ? cv : [], pv, order, key, here, kind);
    } else result[k] = clone(pv);
  }
  return result;
}

function mergeList(
  current: readonly Json[],
  patch: readonly Json[],
  order: readonly JsonMap[],
  key: string,
  path: string[],
  kind: string,
): Json[] {
  let items = current.map((e) => clone(e));
  const here = [...path, '[]'];
  for (const pe of patch as JsonMap[]) {
    if (pe.$patch === 'delete') {
      items = items.filter((e) => !(isMap(e) && deepEqual(e[key], pe[key])));
      continue;
    }
    const i = items.findIndex((e) => isMap(e) && deepEqual(e[key], pe[key]));
    if (i >= 0) items[i] = applyMap(items[i] as JsonMap, pe, here, kind);
    else items.push(applyMap({}, pe, here, kind));
  }
  const ordered: Json[] = [];
  for (const o of order) {
    const e = items.find((x) => isMap(x) && deepEqual(x[key], o[key]));
    if (e !== undefined && !ordered.includes(e)) ordered.push(e);
  }
  return [...ordered, ...items.filter((e) => !ordered.includes(e))];
}
