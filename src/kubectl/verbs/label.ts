/**
 * `kubectl label` (k8s.io/kubectl/pkg/cmd/label/label.go, v1.33): sets `KEY=VALUE` and removes
 * `KEY-` labels with a JSON merge patch. The printed operation says what happened: `labeled`,
 * `unlabeled`, `label(s) changed` or `not labeled`; removing a label the object does not have
 * prints `label "x" not found.` first. Without --overwrite a key with a different value is
 * refused. Labels are metadata: they never bump a Deployment's generation.
 *
 * Simplified: --local is not simulated; `--list` prints the labels sorted by key.
 */
import type { KubeObject } from '../../api/types.js';
import { isValidLabelValue } from '../../api/validation/names.js';
import { clone } from '../../core/clone.js';
import type { CommandContext } from '../context.js';
import { CliError, combineErrors, ErrorList } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { resourcesAndPairs } from '../rollout/pairs.js';
import { mutationFormat, printMutation } from '../rollout/print.js';
import { changeCause, recordChangeCause, warnIfRecordUsed } from '../rollout/record.js';
import { listLines, METADATA_FLAGS, metadataTargets, validateMetadataCommand } from './annotate.js';
import { dryRunStrategy, rejectUnsupported, withDryRun } from './common.js';

export const LABEL_FLAGS: readonly FlagSpec[] = [
  ...METADATA_FLAGS,
  { name: 'field-manager', type: 'string', default: 'kubectl-label' },
];

/** parseLabels: exactly one `=` per pair, a valid value, or `KEY-`. */
export function parseLabels(specs: readonly string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new CliError(`invalid label spec: ${spec}`);
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length > 0)
        throw new CliError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      set.set(parts[0]!, parts[1]!);
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new CliError(`unknown label spec: ${spec}`);
    }
  }
  if (remove.some((k) => set.has(k)))
    throw new CliError('can not both modify and remove a label in the same command');
  return { set, remove };
}

/** updateDataChangeMsg: what the change did to the labels. */
export function labelChangeMessage(before: Record<string, string>, after: Record<string, string>): string {
  let labeled = false;
  let unlabeled = false;
  for (const [k, v] of Object.entries(before)) {
    if (!Object.hasOwn(after, k)) unlabeled = true;
    else if (after[k] !== v) labeled = true;
  }
  for (const k of Object.keys(after)) if (!Object.hasOwn(before, k)) labeled = true;
  if (labeled && unlabeled) return 'label(s) changed';
  if (labeled) return 'labeled';
  if (unlabeled) return 'unlabeled';
  return 'not labeled';
}

/** labelFunc, with validateNoOverwrites (one error per key) when --overwrite is false. */
function applyLabels(
  obj: KubeObject,
  set: Map<string, string>,
  remove: readonly string[],
  overwrite: boolean,
): void {
  const current = obj.metadata.labels ?? {};
  if (!overwrite) {
    const taken: Error[] = [];
    for (const [key, value] of set) {
      if (Object.hasOwn(current, key) && current[key] !== value) {
        taken.push(new CliError(`'${key}' already has a value (${current[key]}), and --overwrite is false`));
      }
    }
    if (taken.length === 1) throw taken[0];
    if (taken.length > 1) throw new ErrorList(taken);
  }
  const next = { ...current, ...Object.fromEntries(set) };
  for (const key of remove) delete next[key];
  if (Object.keys(next).length > 0) obj.metadata.labels = next;
  else delete obj.metadata.labels;
}

export function runLabel(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize', 'template', 'local']);
  warnIfRecordUsed(ctx, flags);
  const dryRun = dryRunStrategy(flags);
  const { resources, pairs } = resourcesAndPairs(flags.args, 'label');
  const { set, remove } = parseLabels(pairs);
  const format = mutationFormat(flags.string('output'));
  validateMetadataCommand(flags, resources);
  const list = flags.bool('list');
  if (set.size < 1 && remove.length < 1 && !list) throw new CliError('at least one label update is required');
  const { objects, errors, singleItemImplied } = metadataTargets(ctx, flags, resources);
  const resourceVersion = flags.string('resource-version');

  for (const obj of objects) {
    try {
      const before = obj.metadata.labels ?? {};
      const copy = clone(obj);
      if (resourceVersion) copy.metadata.resourceVersion = resourceVersion;
      let output: KubeObject = copy;
      if (dryRun === 'client' || list) {
        applyLabels(copy, set, remove, flags.bool('overwrite'));
      } else {
        for (const key of remove)
          if (!Object.hasOwn(before, key)) ctx.io.out(`label ${JSON.stringify(key)} not found.\n`);
        applyLabels(copy, set, remove, flags.bool('overwrite'));
        recordChangeCause(copy, flags, () => changeCause(['label'], flags, LABEL_FLAGS));
        output = ctx.cluster.store.update(copy, { dryRun: dryRun === 'server' });
      }
      if (list) {
        ctx.io.out(listLines(output, output.metadata.labels ?? {}, singleItemImplied, 'labels'));
        continue;
      }
      const message = labelChangeMessage(before, copy.metadata.labels ?? {});
      // kubectl prints the object it built locally, named as before.
      ctx.io.out(printMutation(copy, withDryRun(message, dryRun), format));
    } catch (e) {
      // ContinueOnError flattens aggregates: one line per error.
      errors.push(...(e instanceof ErrorList ? e.errors : [e as Error]));
    }
  }
  const err = combineErrors(errors);
  if (err) throw err;
}
