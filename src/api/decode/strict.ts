/**
 * Decodes a manifest's JSON value into a served kind the way the API server does with
 * `fieldValidation=Strict` (kubectl 1.33's default for apply and create): sigs.k8s.io/json's
 * UnmarshalStrict into the versioned Go struct (k8s.io/apimachinery runtime/serializer/json).
 *
 * - The first type mismatch is reported as Go's UnmarshalTypeError:
 *   `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`
 *   (the struct holding the field, the JSON path without indexes, the field's Go type).
 * - Errors from a type's own UnmarshalJSON (resource.Quantity, intstr.IntOrString, metav1.Time)
 *   stop decoding at once, so they win over an earlier type mismatch.
 * - Unknown fields are collected, in the order the decoder meets them, as
 *   `unknown field "spec.template.spec.containers[0].imagee"`, and reported only when nothing
 *   else failed, as `strict decoding error: unknown field "a", unknown field "b"`.
 * kubectl sends the object as Go marshals a map, with the keys of every object sorted, so the
 * decoder meets fields in sorted order at each level.
 *
 * The result drops unknown fields and nulls, and writes quantities in canonical form, as the
 * object the server stores.
 */
import { Quantity } from '../../core/quantity.js';
import { type SchemaType, schemaType } from '../schema/index.js';
import { quantitySyntaxError } from './quantity-syntax.js';
import type { JsonValue } from './yaml-values.js';

export interface StrictResult {
  /** The decoded value; undefined when decoding failed. */
  readonly value?: { [key: string]: JsonValue };
  /** The decode error (without the `X in version "v1" cannot be handled as a X: ` prefix). */
  readonly error?: string;
  /** Unknown-field messages (`unknown field "spec.x"`), reported as an error or as warnings. */
  readonly unknownFields: string[];
}

/** A failure from a type's own UnmarshalJSON: decoding stops here. */
class Abort {
  constructor(readonly message: string) {}
}

interface Context {
  /** Go name of the struct whose field is being decoded (errorContext.Struct). */
  struct: string;
  /** JSON field names from the root, without indexes (errorContext.FieldStack). */
  stack: string[];
}

function jsonKind(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v; // string, number
}

/** How Go's encoder writes a float64 (what kubectl sent), for `number 3.5` in messages. */
function goNumber(n: number): string {
  return String(n);
}

function typeError(ctx: Context, value: string, goType: string): string {
  if (ctx.struct === '' && ctx.stack.length === 0) {
    return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
  }
  return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.stack.join('.')} of type ${goType}`;
}

function byGoKeyOrder(a: string, b: string): number {
  // Go sorts map keys by their UTF-8 bytes; for the BMP this is code unit order.
  return a < b ? -1 : a > b ? 1 : 0;
}

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

class Decoder {
  savedError: string | undefined;
  readonly unknown: string[] = [];
  private readonly seenUnknown = new Set<string>();

  save(message: string): void {
    this.savedError ??= message;
  }

  unknownField(path: string): void {
    const msg = `unknown field ${JSON.stringify(path)}`;
    if (this.seenUnknown.has(msg) || this.unknown.length >= 100) return;
    this.seenUnknown.add(msg);
    this.unknown.push(msg);
  }

  struct(t: SchemaType, v: JsonValue, goType: string, ctx: Context, path: string): JsonValue | undefined {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.save(typeError(ctx, jsonKind(v), goType));
      return undefined;
    }
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(v).sort(byGoKeyOrder)) {
      const field = t.fields[key];
      const childPath = path ? `${path}.${key}` : key;
      if (!field) {
        this.unknownField(childPath);
        continue;
      }
      const inner: Context = { struct: t.go, stack: [...ctx.stack, key] };
      const decoded = this.value(field.type, field.go, v[key]!, inner, childPath);
      if (decoded !== undefined && decoded !== null) {
        Object.defineProperty(out, key, {
          value: decoded,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return out;
  }

  value(type: string, goType: string, v: JsonValue, ctx: Context, path: string): JsonValue | undefined {
    if (v === null) return undefined; // null leaves a Go field at its zero value
    if (type.startsWith('ref:')) return this.struct(schemaType(type.slice(4)), v, goType, ctx, path);
    if (type.startsWith('array:')) {
      if (!Array.isArray(v)) {
        this.save(typeError(ctx, jsonKind(v), goType));
        return undefined;
      }
      const elemType = type.slice(6);
      const elemGo = goType.startsWith('[]') ? goType.slice(2) : goType;
      const out: JsonValue[] = [];
      v.forEach((item, i) => {
        const d = this.value(elemType, elemGo, item, ctx, `${path}[${i}]`);
        out.push(d === undefined ? zeroOf(elemType) : d);
      });
      return out;
    }
    if (type.startsWith('map:')) {
      if (typeof v !== 'object' || Array.isArray(v)) {
        this.save(typeError(ctx, jsonKind(v), goType));
        return undefined;
      }
      const elemType = type.slice(4);
      const elemGo = goType.startsWith('map[string]')
        ? goType.slice('map[string]'.length)
        : 'resource.Quantity';
      const out: { [key: string]: JsonValue } = {};
      for (const key of Object.keys(v).sort(byGoKeyOrder)) {
        const d = this.value(elemType, elemGo, v[key]!, ctx, `${path}.${key}`);
        const stored = d === undefined || d === null ? zeroOf(elemType) : d;
        Object.defineProperty(out, key, {
          value: stored,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    switch (type) {
      case 'string':
        if (typeof v === 'string') return v;
        this.save(typeError(ctx, jsonKind(v), goType));
        return undefined;
      case 'boolean':
        if (typeof v === 'boolean') return v;
        this.save(typeError(ctx, jsonKind(v), goType));
        return undefined;
      case 'int32':
      case 'int64': {
        if (typeof v !== 'number') {
          this.save(typeError(ctx, jsonKind(v), goType));
          return undefined;
        }
        const [min, max] = INT_RANGE[type]!;
        if (!Number.isInteger(v) || v < min || v > max) {
          this.save(typeError(ctx, `number ${goNumber(v)}`, goType));
          return undefined;
        }
        return v;
      }
      case 'number':
        if (typeof v === 'number') return v;
        this.save(typeError(ctx, jsonKind(v), goType));
        return undefined;
      case 'Quantity':
        return this.quantity(v);
      case 'IntOrString':
        return this.intOrString(v, ctx);
      case 'Time':
        return this.time(v, ctx);
      default:
        return v; // free-form (RawExtension, FieldsV1)
    }
  }

  /** resource.Quantity.UnmarshalJSON: the raw JSON text, unquoted, must parse. */
  private quantity(v: JsonValue): JsonValue {
    const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? goNumber(v) : JSON.stringify(v);
    const err = quantitySyntaxError(text);
    if (err) throw new Abort(err);
    try {
      return Quantity.parse(text).toString();
    } catch {
      return text; // forms the server accepts but core/quantity does not (`1.G`): kept as written
    }
  }

  /** intstr.IntOrString.UnmarshalJSON: a string, else json.Unmarshal into an int32. */
  private intOrString(v: JsonValue, ctx: Context): JsonValue {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return v;
    const value = typeof v === 'number' ? `number ${goNumber(v)}` : jsonKind(v);
    throw new Abort(typeError(ctx, value, 'int32'));
  }

  /** metav1.Time.UnmarshalJSON: a string in RFC 3339. */
  private time(v: JsonValue, ctx: Context): JsonValue {
    if (typeof v !== 'string') throw new Abort(typeError(ctx, jsonKind(v), 'string'));
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
      throw new Abort(
        `parsing time ${JSON.stringify(v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(v)} as "2006"`,
      );
    }
    return v;
  }
}

/** The value a Go slice or map element keeps when its JSON was null or did not fit. */
function zeroOf(type: string): JsonValue {
  if (type === 'string' || type === 'Quantity' || type === 'Time') return type === 'Quantity' ? '0' : '';
  if (type === 'boolean') return false;
  if (type === 'int32' || type === 'int64' || type === 'number' || type === 'IntOrString') return 0;
  if (type.startsWith('array:')) return [];
  return {};
}

/** Decodes `value` as the struct type `typeId` (e.g. `apps.Deployment`). */
export function decodeStrict(typeId: string, value: JsonValue): StrictResult {
  const decoder = new Decoder();
  const t = schemaType(typeId);
  try {
    const out = decoder.struct(t, value, `v1.${t.go}`, { struct: '', stack: [] }, '');
    if (decoder.savedError) return { error: decoder.savedError, unknownFields: decoder.unknown };
    return { value: out as { [key: string]: JsonValue }, unknownFields: decoder.unknown };
  } catch (e) {
    if (e instanceof Abort) return { error: e.message, unknownFields: decoder.unknown };
    throw e;
  }
}
