/**
 * How the fake API server encodes kubesim's stored objects on the wire: single objects, typed
 * lists (items without kind and apiVersion, as a real API server sends them), meta.k8s.io/v1
 * Tables (the server-side printing kubectl asks for; the cells are kubesim's printers', since
 * they are what an API server computes), Status errors, and timestamps moved by a whole number of
 * seconds so that the real kubectl's clock sees the same ages as kubesim's simulated clock.
 */
import { apiVersionOf, type ResourceType } from '../../src/api/resources.js';
import type { KubeObject } from '../../src/api/types.js';
import type { StatusError } from '../../src/core/errors.js';
import { kindTable } from '../../src/kubectl/printers/columns/index.js';
import { microTimestampOf, simTimeOf, timestampOf } from '../../src/store/time.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A copy of `value` with every RFC 3339 timestamp moved by `shiftMs` (a whole number of seconds).
 * Annotation values stay as they are: describe prints them verbatim, so moving them would only
 * show the shift.
 */
export function shiftTimestamps<T>(value: T, shiftMs: number): T {
  if (shiftMs === 0) return value;
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      const m = TIMESTAMP.exec(v);
      if (!m) return v;
      const at = simTimeOf(v)! + shiftMs;
      return m[1] ? microTimestampOf(at) : timestampOf(at);
    }
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') {
      if (key === 'annotations') return v;
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** `PodList`, `DeploymentList`: items lose their kind and apiVersion as on a real server. */
export function typedList(type: ResourceType, objects: readonly KubeObject[], resourceVersion: string) {
  return {
    kind: `${type.kind}List`,
    apiVersion: apiVersionOf(type),
    metadata: { resourceVersion },
    items: objects.map(({ kind: _kind, apiVersion: _apiVersion, ...rest }) => rest),
  };
}

/** What `includeObject` asks the Table rows to carry (the server's default is Metadata). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** A meta.k8s.io/v1 Table of the objects, with every column (wide ones at priority 1). */
export function table(
  type: ResourceType,
  objects: readonly KubeObject[],
  now: number,
  include: IncludeObject,
  resourceVersion: string,
) {
  const printer = kindTable(type.kind);
  const columnDefinitions = printer.columns.map((c) => ({
    name: c.name,
    type: 'string',
    format: c.isName ? 'name' : '',
    description: '',
    priority: c.wide ? 1 : 0,
  }));
  const rows = objects.map((obj) => ({
    cells: printer.row(obj, now),
    object: rowObject(obj, include),
  }));
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions,
    rows,
  };
}

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** metav1.Status for an error kubesim's store raised. */
export function statusOf(err: StatusError, kind?: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: err.message,
    reason: err.reason,
    details: { name: err.details.name, ...(kind ? { kind } : {}) },
    code: err.code,
  };
}
