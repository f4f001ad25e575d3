/**
 * How kubectl turns errors into text (k8s.io/kubectl/pkg/cmd/util/helpers.go: CheckErr,
 * StandardErrorMessage, MultilineError, MultipleErrors, AddSourceToErr).
 */
import { fieldErrorBody, KubesimError, StatusError } from '../core/errors.js';

/** A plain client-side error: CheckErr prints it as `error: <message>`. */
export class CliError extends KubesimError {
  override name = 'CliError';
}

/** Several errors at once (utilerrors.Aggregate): printed one per line, each in standard form. */
export class ErrorList extends KubesimError {
  override name = 'ErrorList';
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
  }
}

/** An error CheckErr prints as it is, with no `error: ` prefix (already rendered text). */
export class RenderedError extends KubesimError {
  override name = 'RenderedError';
}

/** cmdutil.UsageErrorf: the message plus a pointer to the command's help. */
export function usageError(commandPath: string, message: string): CliError {
  return new CliError(`${message}\nSee '${commandPath} -h' for help and examples`);
}

/** One error, or an ErrorList of several, or undefined for none (kubectl's `errs` handling). */
export function combineErrors(errors: Error[]): Error | undefined {
  if (errors.length === 0) return undefined;
  if (errors.length === 1) return errors[0];
  return new ErrorList(errors);
}

/** Go's `%q` for the ASCII strings kubectl quotes (names, paths). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * cmdutil.AddSourceToErr: `error when creating "x.yaml": …`. A server error keeps its reason
 * (and, for Invalid, its kind, name and causes) so CheckErr still renders it as one.
 */
export function withSource(verb: string, source: string, err: Error): Error {
  if (!source) return err;
  const message = `error when ${verb} ${goQuote(source)}: ${err.message}`;
  if (err instanceof StatusError) return new StatusError(err.reason, message, err.details);
  return new CliError(message);
}

/** StandardErrorMessage: `Error from server (NotFound): …` for API errors, undefined otherwise. */
export function standardErrorMessage(err: Error): string | undefined {
  if (err instanceof StatusError) return `Error from server (${err.reason}): ${err.message}`;
  return undefined;
}

function messageForError(err: Error): string {
  return standardErrorMessage(err) ?? err.message;
}

/**
 * The text CheckErr writes to stderr for an error, ending in a newline. Errors that are not
 * kubesim's user errors are internal failures: one clear `error: internal: …` line.
 */
export function renderError(err: unknown): string {
  let e = err;
  if (e instanceof ErrorList && e.errors.length === 1) e = e.errors[0];
  let text: string;
  if (e instanceof StatusError && e.reason === 'Invalid') text = renderInvalid(e);
  else if (e instanceof ErrorList) text = e.errors.map((x) => `${messageForError(x)}\n`).join('');
  else if (e instanceof RenderedError) text = e.message;
  else if (e instanceof StatusError) text = standardErrorMessage(e)!;
  else if (e instanceof KubesimError)
    text = e.message.startsWith('error: ') ? e.message : `error: ${e.message}`;
  else if (e instanceof Error) text = `error: internal: ${e.message}`;
  else text = `error: internal: ${String(e)}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** `The Deployment "web" is invalid: …`, one cause on the line or several as `* ` lines. */
function renderInvalid(err: StatusError): string {
  const { kind, name } = err.details;
  const title =
    kind || name ? `The ${kind ?? ''} ${goQuote(name ?? '')} is invalid` : 'The request is invalid';
  const seen = new Set<string>();
  const causes: string[] = [];
  for (const cause of err.causes) {
    const line = `${cause.field}: ${fieldErrorBody(cause)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    causes.push(line);
  }
  if (causes.length === 0) return `${title}\n`;
  if (causes.length === 1) return `${title}: ${causes[0]}\n`;
  return `${title}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}
