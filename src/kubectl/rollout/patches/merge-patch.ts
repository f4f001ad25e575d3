/**
 * JSON merge patch (RFC 7386; github.com/evanphx/json-patch MergePatch, as `kubectl patch
 * --type=merge` sends it): objects merge key by key, `null` deletes, anything else (lists
 * included) replaces.
 */
import { clone } from '../../../core/clone.js';
import type { Json, JsonMap } from '../../apply/strategic-merge.js';

const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isMap(patch)) return clone(patch);
  const result: JsonMap = isMap(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
