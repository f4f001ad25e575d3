/**
 * `kubectl annotate` (k8s.io/kubectl/pkg/cmd/annotate/annotate.go, v1.33): sets `KEY=VALUE` and
 * removes `KEY-` annotations with a JSON merge patch, printing `deployment.apps/web annotated`
 * for every object, changed or not. Without --overwrite a key that already has a different value
 * is refused (the change-cause annotation may always be overwritten). On a Deployment an
 * annotation change bumps metadata.generation (the store's Deployment strategy), so
 * `rollout status` waits for the controller to observe it.
 *
 * Simplified: --local is not simulated; `--list` prints the annotations sorted by key (Go's map
 * order is random).
 */
import type { KubeObject } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import type { CommandContext } from '../context.js';
import { CliError, combineErrors } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { CHANGE_CAUSE_ANNOTATION } from '../rollout/history.js';
import { parsePairs, resourcesAndPairs } from '../rollout/pairs.js';
import { mutationFormat, PRINT_FLAGS, printMutation } from '../rollout/print.js';
import { changeCause, RECORD_FLAG, recordChangeCause, warnIfRecordUsed } from '../rollout/record.js';
import { resolveTargets } from '../rollout/targets.js';
import { DRY_RUN_FLAG, dryRunStrategy, FILENAME_FLAGS, rejectUnsupported, withDryRun } from './common.js';

/** Flags shared by annotate and label (ResourceBuilderFlags, printing, --record, --dry-run). */
export const METADATA_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  RECORD_FLAG,
  ...FILENAME_FLAGS,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'overwrite', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  DRY_RUN_FLAG,
];

export const ANNOTATE_FLAGS: readonly FlagSpec[] = [
  ...METADATA_FLAGS,
  { name: 'field-manager', type: 'string', default: 'kubectl-annotate' },
];

/** The checks kubectl makes before it looks at any object (AnnotateFlags.ToOptions / LabelOptions.Validate). */
export function validateMetadataCommand(flags: ParsedFlags, resources: readonly string[]): void {
  if (flags.bool('list') && flags.string('output') !== '')
    throw new CliError('--list and --output may not be specified together');
  if (flags.bool('all') && flags.string('selector') !== '')
    throw new CliError('cannot set --all and --selector at the same time');
  if (flags.bool('all') && flags.string('field-selector') !== '') {
    throw new CliError('cannot set --all and --field-selector at the same time');
  }
  if (resources.length < 1 && flags.strings('filename').length === 0) {
    throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
}

export function metadataTargets(ctx: CommandContext, flags: ParsedFlags, resources: readonly string[]) {
  const targets = resolveTargets(ctx, flags, {
    args: resources,
    allowEmptySelector: flags.bool('all'),
    selector: flags.string('selector'),
    fieldSelector: flags.string('field-selector'),
    allNamespaces: flags.bool('all-namespaces'),
  });
  if (!targets.singleItemImplied && flags.string('resource-version') !== '') {
    throw new CliError('--resource-version may only be used with a single resource');
  }
  return targets;
}

/** `k=v` lines for --list; with several objects each list has a heading and an indent. */
export function listLines(
  obj: KubeObject,
  values: Record<string, string>,
  single: boolean,
  what: string,
): string {
  const type = obj.apiVersion.includes('/') ? obj.apiVersion.slice(0, obj.apiVersion.indexOf('/')) : '';
  const indent = single ? '' : ' ';
  const heading = single ? '' : `Listing ${what} for ${obj.kind}.${type}/${obj.metadata.name}:\n`;
  return (
    heading +
    Object.keys(values)
      .sort()
      .map((k) => `${indent}${k}=${values[k]}\n`)
      .join('')
  );
}

export function runAnnotate(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize', 'template', 'local']);
  warnIfRecordUsed(ctx, flags);
  const dryRun = dryRunStrategy(flags);
  const { resources, pairs } = resourcesAndPairs(flags.args, 'annotation');
  const { set, remove } = parsePairs(pairs, 'annotation', true);
  const format = mutationFormat(flags.string('output'));
  validateMetadataCommand(flags, resources);
  const list = flags.bool('list');
  if (set.size < 1 && remove.length < 1 && !list)
    throw new CliError('at least one annotation update is required');
  const both = remove.filter((k) => set.has(k));
  if (both.length > 0) {
    throw new CliError(
      `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    );
  }
  const { objects, errors, singleItemImplied } = metadataTargets(ctx, flags, resources);
  const resourceVersion = flags.string('resource-version');

  for (const obj of objects) {
    try {
      const copy = clone(obj);
      const writes = dryRun !== 'client' && !list;
      if (writes) recordChangeCause(copy, flags, () => changeCause(['annotate'], flags, ANNOTATE_FLAGS));
      updateAnnotations(copy, set, remove, flags.bool('overwrite'));
      if (resourceVersion) copy.metadata.resourceVersion = resourceVersion;
      const output = writes ? ctx.cluster.store.update(copy, { dryRun: dryRun === 'server' }) : copy;
      if (list)
        ctx.io.out(listLines(output, output.metadata.annotations ?? {}, singleItemImplied, 'annotations'));
      else ctx.io.out(printMutation(output, withDryRun('annotated', dryRun), format));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = combineErrors(errors);
  if (err) throw err;
}

/** updateAnnotations, with validateNoAnnotationOverwrites when --overwrite is false. */
function updateAnnotations(
  obj: KubeObject,
  set: Map<string, string>,
  remove: readonly string[],
  overwrite: boolean,
): void {
  const current = obj.metadata.annotations ?? {};
  if (!overwrite) {
    const taken: string[] = [];
    for (const [key, value] of set) {
      if (key === CHANGE_CAUSE_ANNOTATION) continue;
      if (Object.hasOwn(current, key) && current[key] !== value)
        taken.push(`'${key}' already has a value (${current[key]})`);
    }
    if (taken.length > 0) {
      throw new CliError(
        `--overwrite is false but found the following declared annotation(s): ${taken.join('; ')}`,
      );
    }
  }
  const next = { ...current, ...Object.fromEntries(set) };
  for (const key of remove) delete next[key];
  // Go's omitempty: an empty map is no annotations at all.
  if (Object.keys(next).length > 0) obj.metadata.annotations = next;
  else delete obj.metadata.annotations;
}
