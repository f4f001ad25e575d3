/**
 * The generated schema of the served kinds (scripts/gen-schema.ts writes schema.json): every
 * reachable struct with its Go name and, per field, the value type, the Go type and the
 * description. The strict decoder and `kubectl explain` read it.
 */
import { createRequire } from 'node:module';
import type { KindName } from '../types.js';

/**
 * A field's value type: `string`, `boolean`, `int32`, `int64`, `number`, `Quantity`,
 * `IntOrString`, `Time`, `object` (free-form), `ref:<type id>`, `array:<type>`, `map:<type>`.
 */
export type FieldType = string;

export interface SchemaField {
  readonly type: FieldType;
  /** reflect.Type.String() of the Go field type, pointers removed (`int32`, `[]v1.ContainerPort`). */
  readonly go: string;
  readonly required?: true;
  readonly description?: string;
}

export interface SchemaType {
  /** The Go struct name (`DeploymentSpec`). */
  readonly go: string;
  readonly description?: string;
  readonly fields: Readonly<Record<string, SchemaField>>;
}

interface SchemaFile {
  readonly roots: Readonly<Record<KindName, string>>;
  readonly types: Readonly<Record<string, SchemaType>>;
}

// JSON imports need import attributes, which tsx and tsc disagree on for NodeNext; require is plain.
const schema = createRequire(import.meta.url)('./schema.json') as SchemaFile;

/** The struct type id (`apps.Deployment`) of a served kind. */
export function rootTypeOf(kind: KindName): string {
  return schema.roots[kind];
}

export function schemaType(id: string): SchemaType {
  const t = schema.types[id];
  if (!t) throw new Error(`no schema type ${id}`);
  return t;
}

export function hasSchemaType(id: string): boolean {
  return Object.hasOwn(schema.types, id);
}
