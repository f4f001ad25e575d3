/**
 * Field paths and field errors as k8s.io/apimachinery/pkg/util/validation/field builds them:
 * `spec.containers[0].ports[1].name`, `spec.resources.limits[cpu]`.
 */
import { type FieldError, GoValue } from '../../core/errors.js';

export class FieldPath {
  private constructor(private readonly text: string) {}

  static root(...names: string[]): FieldPath {
    return new FieldPath(names.join('.'));
  }

  child(...names: string[]): FieldPath {
    // Joined by hand, skipping empty names: every stored write validates, so paths are made often.
    let text = this.text;
    for (const name of names) if (name !== '') text = text === '' ? name : `${text}.${name}`;
    return new FieldPath(text);
  }

  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`);
  }

  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`);
  }

  toString(): string {
    return this.text;
  }
}

export type Errors = FieldError[];

export function required(path: FieldPath, detail = ''): FieldError {
  return { type: 'Required value', field: String(path), ...(detail ? { detail } : {}) };
}

export function invalid(path: FieldPath, value: unknown, detail: string): FieldError {
  return { type: 'Invalid value', field: String(path), value: value === undefined ? null : value, detail };
}

export function forbidden(path: FieldPath, detail: string): FieldError {
  return { type: 'Forbidden', field: String(path), detail };
}

export function duplicate(path: FieldPath, value: unknown): FieldError {
  return { type: 'Duplicate value', field: String(path), value };
}

export function notFound(path: FieldPath, value: unknown): FieldError {
  return { type: 'Not found', field: String(path), value };
}

/** field.NotSupported: `Unsupported value: "X": supported values: "A", "B"`. */
export function notSupported(path: FieldPath, value: unknown, supported: readonly string[]): FieldError {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return { type: 'Unsupported value', field: String(path), value, detail: `supported values: ${list}` };
}

/** field.TooMany: `Too many: 3: must have at most 2 items`. */
export function tooMany(path: FieldPath, actual: number, max: number): FieldError {
  return {
    type: 'Too many',
    field: String(path),
    value: new GoValue(String(actual)),
    detail: `must have at most ${max} items`,
  };
}

/** The message apimachinery gives for a negative number. */
export const IS_NEGATIVE = 'must be greater than or equal to 0';
export const FIELD_IMMUTABLE = 'field is immutable';

export function validateNonnegative(value: number | undefined, path: FieldPath): Errors {
  return value !== undefined && value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}
