/**
 * The OpenAPI v3 documents the API server serves at /openapi/v3/<group-version>, built from the
 * generated schema (src/api/schema/schema.json). `kubectl explain` renders them with its template
 * (./render.ts), so they are shaped as kube-openapi's builder3 shapes them:
 * - a struct field with a description is `{description, allOf: [{$ref}]}`, a list is
 *   `{type: array, items}`, a map `{type: object, additionalProperties}`;
 * - Time and MicroTime are `{type: string, format: date-time}` components (explain prints
 *   `<string>`), Quantity and IntOrString have no `type` (explain prints their names), FieldsV1
 *   is a free-form object;
 * - each kind's component carries `x-kubernetes-group-version-kind`, and the resource's paths
 *   carry the same extension on their operations (the template finds the kind through them).
 * Simplified: only GET operations are listed, without parameters or responses.
 */
import { createRequire } from 'node:module';
import { RESOURCE_TYPES, type ResourceType } from '../../api/resources.js';
import type { KindName } from '../../api/types.js';

export interface GroupVersionKind {
  readonly group: string;
  readonly kind: string;
  readonly version: string;
}

/** The subset of an OpenAPI v3 schema object the explain template reads. */
export interface JsonSchema {
  readonly type?: string;
  readonly format?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly allOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly $ref?: string;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly 'x-kubernetes-group-version-kind'?: readonly GroupVersionKind[];
}

export interface Operation {
  readonly 'x-kubernetes-group-version-kind'?: GroupVersionKind;
}

export type PathItem = Readonly<Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', Operation>>>;

export interface OpenAPIDocument {
  readonly openapi: string;
  readonly paths: Readonly<Record<string, PathItem>>;
  readonly components: { readonly schemas: Readonly<Record<string, JsonSchema>> };
}

/** A resource as the RESTMapper names it. */
export interface GroupVersionResource {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
}

/** `apps/v1, Resource=deployments`: schema.GroupVersionResource.String(). */
export function gvrString(gvr: GroupVersionResource): string {
  return `${gvr.group}/${gvr.version}, Resource=${gvr.resource}`;
}

/** The key of a group-version in /openapi/v3 (`api/v1`, `apis/apps/v1`). */
export function openAPIPathOf(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

// The generated schema, read with the fields explain needs (enum, scalars) that the decoder's
// reader (src/api/schema/index.ts) does not type.
interface GeneratedField {
  readonly type: string;
  readonly go: string;
  readonly required?: true;
  readonly description?: string;
  readonly enum?: readonly string[];
}
interface GeneratedType {
  readonly go: string;
  readonly description?: string;
  readonly fields: Readonly<Record<string, GeneratedField>>;
}
interface GeneratedSchema {
  readonly roots: Readonly<Record<KindName, string>>;
  readonly scalars: Readonly<Record<string, { readonly description: string }>>;
  readonly types: Readonly<Record<string, GeneratedType>>;
}

const generated = createRequire(import.meta.url)('../../api/schema/schema.json') as GeneratedSchema;

/** The component names kube-openapi gives each schema module's types. */
const COMPONENT_PREFIX: Record<string, string> = {
  core: 'io.k8s.api.core.v1.',
  apps: 'io.k8s.api.apps.v1.',
  discovery: 'io.k8s.api.discovery.v1.',
  meta: 'io.k8s.apimachinery.pkg.apis.meta.v1.',
};

const SCALAR_COMPONENTS: Record<string, { name: string; schema: (description?: string) => JsonSchema }> = {
  Time: {
    name: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
    schema: (description) => ({ description, type: 'string', format: 'date-time' }),
  },
  MicroTime: {
    name: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
    schema: (description) => ({ description, type: 'string', format: 'date-time' }),
  },
  Quantity: {
    name: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
    schema: (description) => ({ description, oneOf: [{ type: 'string' }, { type: 'number' }] }),
  },
  // kubernetes-types has no description for IntOrString (it is a bare `number | string`).
  IntOrString: {
    name: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    schema: (description) => ({
      description,
      format: 'int-or-string',
      oneOf: [{ type: 'integer' }, { type: 'string' }],
    }),
  },
  FieldsV1: {
    name: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
    schema: (description) => ({ description, type: 'object' }),
  },
  RawExtension: {
    name: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
    schema: (description) => ({ description, type: 'object' }),
  },
};

function componentName(typeId: string): string {
  const [mod, name] = typeId.split('.') as [string, string];
  return `${COMPONENT_PREFIX[mod]}${name}`;
}

function ref(component: string): JsonSchema {
  return { $ref: `#/components/schemas/${component}` };
}

/** The scalar a field type names (`Time`, `Quantity`, …), from its value type and Go type. */
function scalarOf(valueType: string, go: string): string | undefined {
  if (valueType === 'Time') return go.endsWith('MicroTime') ? 'MicroTime' : 'Time';
  if (valueType === 'Quantity' || valueType === 'IntOrString') return valueType;
  if (valueType === 'object') return go.endsWith('FieldsV1') ? 'FieldsV1' : 'RawExtension';
  return undefined;
}

/** Builds one group-version's document, collecting the components its kinds reach. */
class DocumentBuilder {
  private readonly schemas: Record<string, JsonSchema> = {};

  /** The schema of a value of the generated value type `t` (without a description). */
  private valueSchema(t: string, go: string): JsonSchema {
    if (t === 'string') return { type: 'string' };
    if (t === 'boolean') return { type: 'boolean' };
    if (t === 'int32' || t === 'int64') return { type: 'integer', format: t };
    if (t === 'number') return { type: 'number', format: 'double' };
    if (t.startsWith('array:')) return { type: 'array', items: this.valueSchema(t.slice(6), go.slice(2)) };
    if (t.startsWith('map:')) {
      return {
        type: 'object',
        additionalProperties: this.valueSchema(t.slice(4), go.replace(/^map\[string\]/, '')),
      };
    }
    if (t.startsWith('ref:')) return ref(this.addType(t.slice(4)));
    const scalar = scalarOf(t, go);
    if (!scalar) throw new Error(`no OpenAPI schema for value type ${t}`);
    return ref(this.addScalar(scalar));
  }

  private fieldSchema(field: GeneratedField): JsonSchema {
    const value = this.valueSchema(field.type, field.go);
    const description = field.description;
    if (value.$ref) return description ? { description, allOf: [value] } : value;
    const withEnum = field.enum ? { ...value, enum: field.enum } : value;
    return description ? { description, ...withEnum } : withEnum;
  }

  private addScalar(name: string): string {
    const scalar = SCALAR_COMPONENTS[name]!;
    if (!this.schemas[scalar.name]) {
      const s = scalar.schema(generated.scalars[name]?.description);
      this.schemas[scalar.name] = s.description === undefined ? withoutDescription(s) : s;
    }
    return scalar.name;
  }

  /** Adds a struct type's component (and everything it reaches); returns its name. */
  addType(typeId: string, gvk?: GroupVersionKind): string {
    const name = componentName(typeId);
    if (this.schemas[name]) return name;
    const t = generated.types[typeId];
    if (!t) throw new Error(`no schema type ${typeId}`);
    const properties: Record<string, JsonSchema> = {};
    this.schemas[name] = {}; // reserves the name: recursive types stop here
    const required: string[] = [];
    for (const [fieldName, field] of Object.entries(t.fields)) {
      properties[fieldName] = this.fieldSchema(field);
      if (field.required) required.push(fieldName);
    }
    this.schemas[name] = {
      ...(t.description ? { description: t.description } : {}),
      type: 'object',
      properties,
      ...(required.length > 0 ? { required: required.sort() } : {}),
      ...(gvk ? { 'x-kubernetes-group-version-kind': [gvk] } : {}),
    };
    return name;
  }

  document(paths: Record<string, PathItem>): OpenAPIDocument {
    const schemas = Object.fromEntries(Object.entries(this.schemas).sort(([a], [b]) => (a < b ? -1 : 1)));
    return { openapi: '3.0.0', paths, components: { schemas } };
  }
}

function withoutDescription(s: JsonSchema): JsonSchema {
  const { description: _, ...rest } = s;
  return rest;
}

/** The list paths of a resource (the template looks for `x-kubernetes-group-version-kind` there). */
function resourcePaths(r: ResourceType): Record<string, PathItem> {
  const prefix = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const get = { 'x-kubernetes-group-version-kind': { group: r.group, kind: r.kind, version: r.version } };
  const paths: Record<string, PathItem> = {
    [`${prefix}/${r.plural}`]: { get },
    [`${prefix}/${r.plural}/{name}`]: { get },
  };
  if (r.namespaced) {
    paths[`${prefix}/namespaces/{namespace}/${r.plural}`] = { get };
    paths[`${prefix}/namespaces/{namespace}/${r.plural}/{name}`] = { get };
  }
  return paths;
}

function buildDocuments(): Map<string, OpenAPIDocument> {
  const byGroupVersion = new Map<string, ResourceType[]>();
  for (const r of RESOURCE_TYPES) {
    const key = openAPIPathOf(r.group, r.version);
    byGroupVersion.set(key, [...(byGroupVersion.get(key) ?? []), r]);
  }
  const docs = new Map<string, OpenAPIDocument>();
  for (const [key, resources] of [...byGroupVersion].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const builder = new DocumentBuilder();
    const paths: Record<string, PathItem> = {};
    for (const r of resources) {
      builder.addType(generated.roots[r.kind], { group: r.group, kind: r.kind, version: r.version });
      Object.assign(paths, resourcePaths(r));
    }
    docs.set(key, builder.document(paths));
  }
  return docs;
}

let cache: Map<string, OpenAPIDocument> | undefined;

/** The served OpenAPI v3 documents by group-version path (`api/v1`, `apis/apps/v1`, …). */
export function openAPIDocuments(): ReadonlyMap<string, OpenAPIDocument> {
  cache ??= buildDocuments();
  return cache;
}
