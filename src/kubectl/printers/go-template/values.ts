/**
 * The Go values a kubectl template sees. kubectl marshals the object to JSON and unmarshals it
 * with k8s.io/apimachinery/pkg/util/json into map[string]interface{}: objects become
 * `map[string]interface {}`, arrays `[]interface {}`, whole numbers `int64`, other numbers
 * `float64`, JSON null a nil interface{}. Template literals add `int` and `float64`, `len` gives
 * `int`, indexing a string gives a byte (`uint8`).
 *
 * Simplified: a JSON number is an int64 when it is whole and safe in a JS number (`1.0` in the
 * JSON text would be a float64 in Go; JavaScript cannot tell them apart).
 */

export type NumType = 'int' | 'int64' | 'float64' | 'uint8' | 'int32';

/** A Go number with its dynamic type. */
export class GoNum {
  constructor(
    readonly type: NumType,
    readonly n: number,
  ) {}

  get isInt(): boolean {
    return this.type !== 'float64';
  }
}

export interface GoMap {
  [key: string]: Val;
}

/** A concrete Go value, or null for a nil interface{}. */
export type Val = null | string | boolean | GoNum | Val[] | GoMap;

/**
 * A reflect.Value: `v` undefined is the invalid (zero) Value; `iface` marks a value whose static
 * type is interface{} (a map entry or slice element, before a pipeline unwraps it).
 */
export interface RV {
  readonly v: Val | undefined;
  readonly iface: boolean;
}

export const INVALID: RV = { v: undefined, iface: false };

export function rv(v: Val): RV {
  return { v, iface: false };
}

export function ifaceRV(v: Val): RV {
  return { v, iface: true };
}

/** reflect.Value.Elem of an interface{}: the concrete value, or the invalid Value for nil. */
export function unwrap(x: RV): RV {
  if (!x.iface) return x;
  return x.v === null || x.v === undefined ? INVALID : { v: x.v, iface: false };
}

export function isMap(v: unknown): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNum);
}

/** The JSON form of an object (as json.Marshal then util/json.Unmarshal would give it). */
export function fromJson(value: unknown): Val {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? new GoNum('int64', value) : new GoNum('float64', value);
  }
  if (Array.isArray(value)) return value.map((e) => (e === undefined ? null : fromJson(e)));
  if (typeof value === 'object') {
    const out: GoMap = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined && typeof v !== 'function') out[k] = fromJson(v);
    }
    return out;
  }
  return String(value);
}

/** The Go type name reflect prints for a concrete value. */
export function typeName(v: Val | undefined): string {
  if (v === undefined) return '<nil>';
  if (v === null) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoNum) return v.type;
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** The static type of a reflect.Value (`interface {}` for one taken out of a map or slice). */
export function rvTypeName(x: RV): string {
  return x.iface ? 'interface {}' : typeName(x.v);
}

/** text/template's isTrue on a concrete value: `ok` is always true for JSON values. */
export function isTrue(v: Val | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'boolean') return v;
  if (v instanceof GoNum) return v.n !== 0;
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v).length > 0;
}
