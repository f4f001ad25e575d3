import type { FieldError } from '../core/errors.js';
import type { KindName, KubeObject } from './types.js';

/**
 * What the API server does with one kind on create and update, before storing it
 * (k8s.io/apiserver registry "strategies"): fill defaults, then validate. The functions work on
 * a private copy and may change it in place.
 */
export interface KindStrategy {
  readonly kind: KindName;
  /** Fills defaults (SetDefaults_*). */
  defaults?(obj: KubeObject): void;
  /** Create-time validation. */
  validate?(obj: KubeObject): FieldError[];
  /** Update-time validation, including immutable fields. */
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /** What bumps metadata.generation on update: the spec, or the spec and the annotations. */
  readonly generation?: 'spec' | 'spec+annotations';
}
