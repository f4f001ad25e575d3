/**
 * `kubectl wait` (k8s.io/kubectl/pkg/cmd/wait: wait.go, condition.go, json.go, delete.go,
 * create.go; v1.33): waits, in simulated time, until every object the arguments name meets the
 * --for condition, printing `deployment.apps/web condition met` for each as it is met (also for
 * --for=delete), or fails with `timed out waiting for the condition on deployments/web`.
 *
 * As kubectl does, the objects are visited one after another, in the builder's order, and share
 * one deadline (--timeout, default 30s; 0 checks once; negative means a week). An object visited
 * after the deadline has passed times out at once (kubectl's informer cannot sync on a dead
 * context). Errors do not stop the visit (ContinueOnError); they are reported together at the end.
 * A condition is checked against every stored change of the object (kubectl's watch), so a state
 * that lasts no simulated time still counts.
 */
import { qualifiedResource, type ResourceType, resourceOf } from '../../api/resources.js';
import type { KindName, KubeObject } from '../../api/types.js';
import { parseDuration } from '../../core/duration.js';
import { notFound, StatusError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { CliError, combineErrors, RenderedError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { evaluateJsonPath, parseTemplate } from '../printers/jsonpath.js';
import type { OutputFormat } from '../printers/output.js';
import { mutationFormat, PRINT_FLAGS, printMutation } from '../rollout/print.js';
import { resolveTargets } from '../rollout/targets.js';
import { FILENAME_FLAGS, rejectUnsupported } from './common.js';

export const WAIT_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  ...FILENAME_FLAGS,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'local', type: 'bool' },
  // A string, because kubectl's --timeout may be negative (a week), which the duration type refuses.
  { name: 'timeout', type: 'string', default: '30s' },
  { name: 'for', type: 'string' },
];

/** kubectl's effective timeout for a negative --timeout: 168 hours. */
const A_WEEK_MS = 168 * 3_600_000;

/** kubectl v1.31+ polls for --for=create every half second. */
const CREATE_POLL_MS = 500;

const TIMED_OUT = 'timed out waiting for the condition';

/** What --for asks: a check of one object's state, or its deletion, or its creation. */
export type WaitCondition =
  | { readonly kind: 'delete' }
  | { readonly kind: 'create' }
  | { readonly kind: 'state'; readonly met: (obj: KubeObject) => boolean };

/** conditionFuncFor: parses the --for value. */
export function parseWaitCondition(value: string): WaitCondition {
  const lower = value.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (value.startsWith('condition=')) {
    let name = value.slice('condition='.length);
    let wanted = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      wanted = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { kind: 'state', met: (obj) => conditionMet(obj, name, wanted) };
  }
  if (value.startsWith('jsonpath=')) return jsonPathCondition(value.slice('jsonpath='.length));
  throw new CliError(`unrecognized condition: ${JSON.stringify(value)}`);
}

/** Go's strings.EqualFold, for the ASCII names and values conditions use. */
function equalFold(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * ConditionalWait.checkCondition: the first condition of that type (case-insensitive) that has a
 * status decides; one observed for an older generation does not count.
 */
export function conditionMet(obj: KubeObject, type: string, wanted: string): boolean {
  const status = (obj as { status?: { conditions?: unknown; observedGeneration?: number } }).status;
  if (!Array.isArray(status?.conditions)) return false;
  for (const c of status.conditions as Array<Record<string, unknown>>) {
    if (typeof c?.type !== 'string' || !equalFold(c.type, type)) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata.generation;
    if (generation !== undefined) {
      const observed =
        typeof c.observedGeneration === 'number' ? c.observedGeneration : status.observedGeneration;
      if (observed !== undefined && observed < generation) return false;
    }
    return equalFold(c.status, wanted);
  }
  return false;
}

/** splitJSONPathInput: splits on each single `=`; `==` stays inside the expression. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let element = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        element += '==';
        i++;
        continue;
      }
      out.push(element);
      element = '';
      continue;
    }
    element += input[i];
  }
  out.push(element);
  return out;
}

/** cmdget.RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
function relaxedExpression(expr: string): string {
  if (expr === '') return '';
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) {
    throw new CliError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}

/** Go's fmt `%v` of a JSON scalar. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

function jsonPathCondition(input: string): WaitCondition {
  const parts = splitJsonPathInput(input);
  if (parts.length < 1 || parts.length > 2) {
    throw new CliError(
      "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    );
  }
  const expression = relaxedExpression(parts[0]!);
  let value = '';
  if (parts.length === 2) {
    value = parts[1]!.replace(/^['"]+|['"]+$/g, '');
    if (value === '') {
      throw new CliError(
        "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
      );
    }
  }
  return { kind: 'state', met: jsonPathWait(expression, value) };
}

/**
 * JSONPathWait.checkCondition for a parsed expression: true when it finds one scalar equal to
 * `value` (compared as Go's `%v` prints it), or, with no value, when it finds anything.
 */
export function jsonPathWait(expression: string, value: string): (obj: KubeObject) => boolean {
  if (expression === '') throw new CliError('jsonpath expression cannot be empty');
  const nodes = parseTemplate(expression);
  // client-go's parser keeps a range's body and its end beside it, so FindResults returns one
  // result list per top-level node, a range counting as several.
  const lists = nodes.length + nodes.filter((n) => n.kind === 'range').length;
  return (obj) => {
    if (lists > 1) throw new CliError('given jsonpath expression matches more than one list');
    const results = evaluateJsonPath(expression, obj).filter((r) => r !== undefined);
    if (results.length === 0) return false;
    if (results.length > 1) throw new CliError('given jsonpath expression matches more than one value');
    if (value === '') return true;
    const r = results[0];
    if (r !== null && typeof r === 'object') {
      throw new CliError('jsonpath leads to a nested object or list which is not supported');
    }
    return goValue(r).trim() === value.trim();
  };
}

/** --timeout as Go's time.ParseDuration reads it, negative values included, with pflag's error. */
function timeoutOf(flags: ParsedFlags): number {
  const raw = flags.string('timeout');
  // cobra prints flag errors as `Error: …` with a pointer to the help.
  const invalid = (why: string) =>
    new RenderedError(
      `Error: invalid argument "${raw}" for "--timeout" flag: ${why}\nSee 'kubectl wait --help' for usage.\n`,
    );
  const negative = raw.startsWith('-');
  const body = raw.replace(/^[+-]/, '');
  if (/^\d+(\.\d*)?$/.test(body) && Number(body) !== 0)
    throw invalid(`time: missing unit in duration "${raw}"`);
  let ms: number;
  try {
    if (!/^(\d|\.\d)/.test(body)) throw new Error();
    ms = parseDuration(body);
  } catch {
    throw invalid(`time: invalid duration "${raw}"`);
  }
  if (negative && ms > 0) return A_WEEK_MS;
  return ms;
}

function typeOf(obj: KubeObject): ResourceType {
  return resourceOf(obj.kind as KindName);
}

/** `timed out waiting for the condition on deployments/web` (extendErrWaitTimeout). */
function timedOut(obj: KubeObject): CliError {
  return new CliError(`${TIMED_OUT} on ${typeOf(obj).plural}/${obj.metadata.name}`);
}

function notMet(obj: KubeObject): CliError {
  return new CliError(`condition not met for ${typeOf(obj).plural}/${obj.metadata.name}`);
}

function live(ctx: CommandContext, obj: KubeObject): KubeObject | undefined {
  return ctx.cluster.store.get(obj.kind as KindName, obj.metadata.namespace, obj.metadata.name);
}

/**
 * Lets simulated time pass until `check` says yes for a stored change of `obj`'s namespace and
 * name, or until `deadline`. A check that throws ends the wait with its error.
 */
function watchUntil(
  ctx: CommandContext,
  obj: KubeObject,
  deadline: number,
  check: (type: string, o: KubeObject) => boolean,
): KubeObject {
  const { namespace, name } = obj.metadata;
  let outcome: { met: KubeObject } | { error: Error } | undefined;
  const stop = ctx.cluster.store.watch(obj.kind as KindName, (event) => {
    const o = event.object as KubeObject;
    if (outcome || o.metadata.namespace !== namespace || o.metadata.name !== name) return;
    try {
      if (check(event.type, o)) outcome = { met: o };
    } catch (e) {
      outcome = { error: e as Error };
    }
  });
  try {
    ctx.cluster.advanceUntil(() => outcome !== undefined, Math.max(0, deadline - ctx.cluster.now));
  } finally {
    stop();
  }
  if (!outcome) throw timedOut(obj);
  if ('error' in outcome) throw outcome.error;
  return outcome.met;
}

/** ConditionalWait / JSONPathWait: the object as listed, then each change, until it holds. */
function waitForState(
  ctx: CommandContext,
  obj: KubeObject,
  met: (o: KubeObject) => boolean,
  timeoutMs: number,
  deadline: number,
): KubeObject {
  const current = live(ctx, obj);
  if (timeoutMs === 0) {
    if (!current) throw notFound(qualifiedResource(typeOf(obj)), obj.metadata.name);
    if (!met(current)) throw notMet(obj);
    return current;
  }
  if (ctx.cluster.now >= deadline) throw timedOut(obj);
  if (!current) throw notFound(qualifiedResource(typeOf(obj)), obj.metadata.name);
  if (met(current)) return current;
  // A DELETED event does not end the wait: kubectl keeps watching for one of the same name.
  return watchUntil(ctx, obj, deadline, (type, o) => type !== 'DELETED' && met(o));
}

/** IsDeleted: done at once if the object is gone, else when its DELETED event arrives. */
function waitForDeletion(
  ctx: CommandContext,
  obj: KubeObject,
  timeoutMs: number,
  deadline: number,
): KubeObject {
  const current = live(ctx, obj);
  if (!current) return obj;
  if (timeoutMs === 0) throw notMet(obj);
  if (ctx.cluster.now >= deadline) throw timedOut(obj);
  watchUntil(ctx, obj, deadline, (type) => type === 'DELETED');
  return current;
}

function isNotFound(e: Error): boolean {
  return e instanceof StatusError && e.reason === 'NotFound';
}

export function runWait(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize', 'local']);
  const format: OutputFormat = mutationFormat(flags.string('output'));
  const condition = parseWaitCondition(flags.string('for'));
  const timeoutMs = timeoutOf(flags);
  const deadline = ctx.cluster.now + timeoutMs;
  const find = () =>
    resolveTargets(ctx, flags, {
      args: flags.args,
      allowEmptySelector: flags.bool('all'),
      selector: flags.string('selector'),
      fieldSelector: flags.string('field-selector'),
      allNamespaces: flags.bool('all-namespaces'),
    });

  if (condition.kind === 'create') waitForCreation(ctx, find, deadline);

  const { objects, errors: found } = find();
  // --for=delete ignores what is already gone.
  const errors = condition.kind === 'delete' ? found.filter((e) => !isNotFound(e)) : [...found];
  for (const obj of objects) {
    try {
      let result: KubeObject;
      if (condition.kind === 'delete') result = waitForDeletion(ctx, obj, timeoutMs, deadline);
      else if (condition.kind === 'create') result = obj;
      else result = waitForState(ctx, obj, condition.met, timeoutMs, deadline);
      ctx.io.out(printMutation(result, 'condition met', format));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = combineErrors(errors);
  if (err) throw err;
  if (objects.length === 0 && condition.kind !== 'delete') throw new CliError('no matching resources found');
}

/** --for=create: polls the builder until none of the named objects is missing. */
function waitForCreation(ctx: CommandContext, find: () => { errors: Error[] }, deadline: number): void {
  for (;;) {
    const { errors } = find();
    const other = errors.filter((e) => !isNotFound(e));
    if (other.length > 0) throw combineErrors(other);
    if (errors.length === 0) return;
    const next = ctx.cluster.now + CREATE_POLL_MS;
    if (next > deadline) {
      ctx.cluster.advance(Math.max(0, deadline - ctx.cluster.now));
      throw new CliError(TIMED_OUT);
    }
    ctx.cluster.advance(CREATE_POLL_MS);
  }
}
