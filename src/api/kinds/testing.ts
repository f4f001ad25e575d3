/** Helpers for the kind strategy tests: run defaults and validation as the store does. */
import { clone } from '../../core/clone.js';
import { fieldErrorMessage } from '../../core/errors.js';
import type { KubeObject } from '../types.js';
import { STRATEGIES } from './index.js';

export function defaulted<T extends KubeObject>(obj: T): T {
  const copy = clone(obj);
  STRATEGIES[copy.kind as keyof typeof STRATEGIES].defaults?.(copy);
  return copy;
}

/** `Type field` of each error after defaulting, e.g. `Required value spec.selector`. */
export function errorsOf(obj: KubeObject): string[] {
  const d = defaulted(obj);
  return (STRATEGIES[d.kind as keyof typeof STRATEGIES].validate?.(d) ?? []).map(
    (e) => `${e.type} ${e.field}`,
  );
}

export function messagesOf(obj: KubeObject): string[] {
  const d = defaulted(obj);
  return (STRATEGIES[d.kind as keyof typeof STRATEGIES].validate?.(d) ?? []).map(fieldErrorMessage);
}

export function updateErrorsOf(obj: KubeObject, old: KubeObject): string[] {
  const prev = defaulted(old);
  prev.metadata.uid = 'uid-1';
  const next = clone(obj);
  next.metadata.uid = 'uid-1';
  const s = STRATEGIES[next.kind as keyof typeof STRATEGIES];
  s.defaults?.(next);
  return (s.validateUpdate?.(next, prev) ?? []).map(fieldErrorMessage);
}
