/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation (kubectl/pkg/util
 * GetModifiedConfiguration, CreateApplyAnnotation): the object as applied, without the annotation
 * itself, encoded as Go's json.Marshal does (sorted keys, compact) with the encoder's newline. An
 * object with no other annotations is encoded with `"annotations":{}`, as kubectl does.
 */
import type { KubeObject } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { goJson } from '../printers/go-json.js';
import type { JsonMap } from './strategic-merge.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The annotation's value for an object about to be applied. */
export function lastAppliedConfiguration(obj: KubeObject): string {
  const copy = clone(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  return `${goJson(copy)}\n`;
}

/** The object as apply sends it: with its last-applied annotation set. */
export function withLastApplied(obj: KubeObject): KubeObject {
  const copy = clone(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = { ...annotations, [LAST_APPLIED]: lastAppliedConfiguration(obj) };
  return copy;
}

/** The configuration the live object was last applied with, if it has one that parses. */
export function originalConfiguration(live: KubeObject): JsonMap | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as JsonMap) : undefined;
  } catch {
    return undefined;
  }
}
