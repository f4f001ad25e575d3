/**
 * Errors a user can cause. They carry a message meant to be read as it is: kubesim prints them
 * without a stack trace. Programming errors stay plain `Error`s.
 */
export class KubesimError extends Error {
  override name = 'KubesimError';
}

/** The kinds of field error the API server reports (k8s.io/apimachinery/pkg/util/validation/field). */
export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Unsupported value'
  | 'Forbidden'
  | 'Duplicate value'
  | 'Too long'
  | 'Too many'
  | 'Not found'
  | 'Internal error';

/** A value as the API server prints it: already in Go's rendering (`"web"`, `3`, `map[string]string{…}`). */
export class GoValue {
  constructor(readonly text: string) {}
}

/** One structured validation issue: the field path, what is wrong, the bad value and the detail. */
export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  /** The offending value; undefined means the message omits it. */
  readonly value?: unknown;
  readonly detail?: string;
}

const VALUELESS: ReadonlySet<FieldErrorType> = new Set([
  'Required value',
  'Forbidden',
  'Too long',
  'Internal error',
]);

/** Renders a JavaScript value the way Go's field errors print simple values. */
export function goValue(value: unknown): string {
  if (value instanceof GoValue) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return goLiteral(value);
}

/** Go's `%#v` of a JSON-like value, enough for maps of strings and string slices. */
export function goLiteral(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string'))
      return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
    return `[]interface {}{${value.map(goLiteral).join(', ')}}`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    if (entries.every(([, v]) => typeof v === 'string')) {
      return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`;
    }
    return `map[string]interface {}{${entries.map(([k, v]) => `${JSON.stringify(k)}:${goLiteral(v)}`).join(', ')}}`;
  }
  return goValue(value);
}

/** The message body of a field error after its path, as field.Error.ErrorBody renders it. */
export function fieldErrorBody(e: FieldError): string {
  let s: string = e.type;
  if (!VALUELESS.has(e.type) && e.value !== undefined) s = `${e.type}: ${goValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function fieldErrorMessage(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'BadRequest'
  | 'Conflict'
  | 'Forbidden'
  | 'MethodNotAllowed';

const STATUS_CODES: Record<StatusReason, number> = {
  BadRequest: 400,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  Conflict: 409,
  AlreadyExists: 409,
  Invalid: 422,
};

/** An error the simulated API server returns, shaped like metav1.Status. */
export class StatusError extends KubesimError {
  override name = 'StatusError';
  readonly code: number;

  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details: { kind?: string; name?: string; group?: string; causes?: FieldError[] } = {},
  ) {
    super(message);
    this.code = STATUS_CODES[reason];
  }

  /** The field errors of an Invalid status; empty otherwise. */
  get causes(): FieldError[] {
    return this.details.causes ?? [];
  }
}

/** `deployments.apps "web" not found` */
export function notFound(resource: string, name: string): StatusError {
  return new StatusError('NotFound', `${resource} "${name}" not found`, { name });
}

/** `deployments.apps "web" already exists` */
export function alreadyExists(resource: string, name: string): StatusError {
  return new StatusError('AlreadyExists', `${resource} "${name}" already exists`, { name });
}

/**
 * `Deployment.apps "web" is invalid: [a, b]` on the wire; kubectl shows it as
 * `The Deployment "web" is invalid: …` (see kubectl's rendering in src/kubectl).
 */
export function invalid(kind: string, group: string, name: string, causes: FieldError[]): StatusError {
  const qualified = group ? `${kind}.${group}` : kind;
  const list = causes.map(fieldErrorMessage);
  const aggregate = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  return new StatusError('Invalid', `${qualified} "${name}" is invalid: ${aggregate}`, {
    kind,
    name,
    group,
    causes,
  });
}

export function badRequest(message: string): StatusError {
  return new StatusError('BadRequest', message);
}

/** True for errors whose message is meant for the user as it is (no stack trace). */
export function isUserError(err: unknown): err is KubesimError {
  return err instanceof KubesimError;
}
