/**
 * `kubectl taint NODE NAME KEY=VALUE:EFFECT | KEY:EFFECT | KEY:EFFECT- | KEY-` (k8s.io/kubectl/pkg/
 * cmd/taint taint.go and utils.go, v1.33): adds, replaces (--overwrite) and removes taints in the
 * Node's spec.taints, on named nodes, on nodes matching -l, or on --all nodes, and prints
 * `node/NAME tainted`, `untainted` or `modified` (without a dry-run note: taint sets the
 * printer's operation itself). Each node is done on its own; errors are reported together.
 */
import type { Taint } from 'kubernetes-types/core/v1.js';
import { lookupResource, resourceOf } from '../../api/resources.js';
import type { KubeObject, Node } from '../../api/types.js';
import { isQualifiedName, isValidLabelValue } from '../../api/validation/names.js';
import { clone } from '../../core/clone.js';
import { StatusError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { CliError, combineErrors, ErrorList, RenderedError, usageError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { listSelectors, missingObject } from '../resource-args.js';
import { mutationFormat, PRINT_FLAGS, printMutation } from '../rollout/print.js';
import { DRY_RUN_FLAG, dryRunStrategy } from './common.js';

export const TAINT_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'field-manager', type: 'string', default: 'kubectl-taint' },
];

export const MODIFIED = 'modified';
export const TAINTED = 'tainted';
export const UNTAINTED = 'untainted';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A taint as kubectl parses it: an empty value or effect is absent. */
export interface TaintSpec {
  readonly key: string;
  readonly value?: string;
  readonly effect?: string;
}

/** A user error in a taint argument (kubectl adds its usage hint). */
export class TaintSpecError extends CliError {
  override name = 'TaintSpecError';
}

/** Taint.ToString: `key=value:effect`, `key:effect`, `key=value:` or `key`. */
export function taintToString(t: TaintSpec): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** Go's %v of a v1.Taint value: `{key value effect <nil>}` (TimeAdded is a nil pointer). */
function goTaint(t: TaintSpec): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect ?? ''} <nil>}`;
}

function validateTaintEffect(effect: string): void {
  if (!EFFECTS.includes(effect))
    throw new TaintSpecError(`invalid taint effect: ${effect}, unsupported taint effect`);
}

/** parseTaint: `<key>=<value>:<effect>`, `<key>:<effect>` or `<key>`. */
export function parseTaint(st: string): TaintSpec {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0]!;
  } else if (parts.length === 2) {
    effect = parts[1]!;
    validateTaintEffect(effect);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new TaintSpecError(`invalid taint spec: ${st}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = isValidLabelValue(value);
      if (errs.length > 0) throw new TaintSpecError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else {
    throw new TaintSpecError(`invalid taint spec: ${st}`);
  }
  const errs = isQualifiedName(key);
  if (errs.length > 0) throw new TaintSpecError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  return { key, ...(value ? { value } : {}), ...(effect ? { effect } : {}) };
}

/**
 * parseTaints: the taints to add (each needs an effect, one per key and effect) and those to
 * remove (`…-`, keeping only key and effect).
 */
export function parseTaints(specs: readonly string[]): { add: TaintSpec[]; remove: TaintSpec[] } {
  const add: TaintSpec[] = [];
  const remove: TaintSpec[] = [];
  const unique = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new TaintSpecError(`invalid taint spec: ${spec}`);
    const id = `${t.effect}\u0000${t.key}`;
    if (unique.has(id))
      throw new TaintSpecError(`duplicated taints with the same key and effect: ${goTaint(t)}`);
    unique.add(id);
    add.push(t);
  }
  return { add, remove };
}

/** Taint.MatchTaint: the same key and effect. */
const matchTaint = (a: TaintSpec, b: TaintSpec): boolean =>
  a.key === b.key && (a.effect ?? '') === (b.effect ?? '');

/** checkIfTaintsAlreadyExists: the keys of taints to add that the node has with the same effect. */
export function checkIfTaintsAlreadyExists(old: readonly TaintSpec[], taints: readonly TaintSpec[]): string {
  const found: string[] = [];
  for (const t of taints) for (const o of old) if (matchTaint(t, o)) found.push(t.key);
  return found.join(',');
}

/** deleteTaintsByKey: every taint with the key. */
export function deleteTaintsByKey(taints: readonly TaintSpec[], key: string): [TaintSpec[], boolean] {
  const kept = taints.filter((t) => t.key !== key);
  return [kept, kept.length !== taints.length];
}

/** deleteTaint: every taint with the key and effect. */
export function deleteTaint(taints: readonly TaintSpec[], toDelete: TaintSpec): [TaintSpec[], boolean] {
  const kept = taints.filter((t) => !matchTaint(toDelete, t));
  return [kept, kept.length !== taints.length];
}

/**
 * reorganizeTaints: the new taints first, then the old ones they do not replace, minus the ones
 * removed. The operation says what happened; removing a taint the node lacks is an error.
 * Like upstream, `deleted` reflects only the last removal asked for.
 */
export function reorganizeTaints(
  oldTaints: readonly TaintSpec[],
  overwrite: boolean,
  add: readonly TaintSpec[],
  remove: readonly TaintSpec[],
): { operation: string; taints: TaintSpec[]; errors: Error[] } {
  let taints = [...add];
  for (const old of oldTaints) if (!taints.some((t) => matchTaint(t, old))) taints.push(old);
  const added = oldTaints.length !== taints.length;
  const errors: Error[] = [];
  let deleted = false;
  for (const r of remove) {
    [taints, deleted] = r.effect ? deleteTaint(taints, r) : deleteTaintsByKey(taints, r.key);
    if (!deleted) errors.push(new CliError(`taint ${JSON.stringify(taintToString(r))} not found`));
  }
  const operation = (added && deleted) || overwrite ? MODIFIED : added ? TAINTED : UNTAINTED;
  return { operation, taints, errors };
}

/** Complete's split of the arguments: resources first, then taint changes. */
function splitArgs(args: readonly string[]): { resources: string[]; taintArgs: string[] } {
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const s of args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taintArgs.push(s);
    else if (taintArgs.length > 0)
      throw new CliError(`all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  return { resources, taintArgs };
}

/** Validate: the resource type must be nodes (explain.SplitAndParseResourceRequest + KindFor). */
function requireNodeType(arg: string): void {
  const resourceType = arg.toLowerCase();
  const name = resourceType.replace(/\.$/, '').split('.')[0]!;
  const type = lookupResource(name);
  // CheckErr prints a NoResourceMatchError without `error: `.
  if (!type || name === '')
    throw new RenderedError(`the server doesn't have a resource type ${JSON.stringify(name)}\n`);
  if (type.kind !== 'Node')
    throw new CliError(`invalid resource type ${resourceType}, only node types are supported`);
}

/** Go's Aggregate.Error for the errors of one node: one message, or `[a, b]`. */
function aggregate(errors: readonly Error[]): Error {
  if (errors.length === 1) return errors[0]!;
  return new ErrorList([...errors]);
}

export function runTaint(ctx: CommandContext, flags: ParsedFlags): void {
  const dryRun = dryRunStrategy(flags);
  const { resources, taintArgs } = splitArgs(flags.args);
  if (resources.length < 1)
    throw new CliError('one or more resources must be specified as <resource> <name>');
  if (taintArgs.length < 1) throw new CliError('at least one taint update is required');
  let parsed: { add: TaintSpec[]; remove: TaintSpec[] };
  try {
    parsed = parseTaints(taintArgs);
  } catch (e) {
    if (e instanceof TaintSpecError) throw usageError('kubectl taint', e.message);
    throw e;
  }
  const { add, remove } = parsed;

  requireNodeType(resources[0]!);
  const conflicts: string[] = [];
  for (const a of add) {
    for (const r of remove) {
      if (a.key === r.key && (!r.effect || a.effect === r.effect))
        conflicts.push(`${r.key}=${r.effect ?? ''}`);
    }
  }
  if (conflicts.length > 0) {
    throw new CliError(
      `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`,
    );
  }
  const selector = flags.string('selector');
  const all = flags.bool('all');
  if (all && selector !== '')
    throw new CliError("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && selector === '' && resources.length < 2)
    throw new CliError("at least one resource name must be specified since 'all' parameter is not set");

  const { nodes, errors } = targetNodes(ctx, resources.slice(1), selector, all);
  const overwrite = flags.bool('overwrite');
  const nodeErrors: Error[] = [...errors];
  for (const node of nodes) {
    try {
      taintNode(ctx, flags, node, { add, remove, overwrite, dryRun });
    } catch (e) {
      nodeErrors.push(e as Error);
    }
  }
  // Several errors print one per line; a node's own list of errors then reads `[a, b]`.
  const shown =
    nodeErrors.length > 1
      ? nodeErrors.map((e) => (e instanceof ErrorList ? new CliError(`[${e.message}]`) : e))
      : nodeErrors;
  const err = combineErrors(shown);
  if (err) throw err;
}

/** The builder: nodes by -l, all nodes, or nodes by name (missing ones are NotFound errors). */
export function targetNodes(
  ctx: CommandContext,
  names: readonly string[],
  selector: string,
  all: boolean,
): { nodes: Node[]; errors: Error[] } {
  const { store } = ctx.cluster;
  const nodeType = resourceOf('Node');
  if (selector.trim() !== '' || all) {
    const selectors = listSelectors(selector);
    const rejected = selectors.rejects?.(nodeType);
    if (rejected) return { nodes: [], errors: [rejected] };
    return { nodes: store.list('Node', undefined, selectors.label), errors: [] };
  }
  const nodes: Node[] = [];
  const errors: Error[] = [];
  for (const name of names) {
    const node = store.get('Node', undefined, name);
    if (node) nodes.push(node);
    else errors.push(missingObject(store, nodeType, undefined, name));
  }
  return { nodes, errors };
}

/** updateTaints, then the patch (or, with --dry-run=client, the patched copy) and its line. */
function taintNode(
  ctx: CommandContext,
  flags: ParsedFlags,
  node: Node,
  o: { add: TaintSpec[]; remove: TaintSpec[]; overwrite: boolean; dryRun: string },
): void {
  const name = node.metadata?.name ?? '';
  const old = (node.spec?.taints ?? []) as TaintSpec[];
  if (!o.overwrite) {
    const exists = checkIfTaintsAlreadyExists(old, o.add);
    if (exists)
      throw new CliError(
        `node ${name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`,
      );
  }
  const { operation, taints, errors } = reorganizeTaints(old, o.overwrite, o.add, o.remove);
  if (errors.length > 0) throw aggregate(errors);
  const format = mutationFormat(flags.string('output'));
  const next = clone(node);
  next.spec = { ...(next.spec ?? {}) };
  if (taints.length > 0) next.spec.taints = taints.map((t) => ({ ...t }) as Taint);
  else delete next.spec.taints;
  let shown: KubeObject = next;
  if (o.dryRun !== 'client') {
    try {
      shown = ctx.cluster.store.update(next, { dryRun: o.dryRun === 'server' });
    } catch (e) {
      if (e instanceof StatusError) throw e;
      throw new CliError((e as Error).message);
    }
  }
  ctx.io.out(printMutation(shown, operation, format));
}
