/**
 * `kubectl apply -f` (k8s.io/kubectl/pkg/cmd/apply/apply.go, client-side apply): each document
 * is applied on its own; one that fails does not stop the others, and the errors are printed at
 * the end (one alone through CheckErr, several one per line). A new object is created with its
 * last-applied-configuration annotation; an existing one gets a three-way merge patch, and
 * `unchanged` when the patch is empty.
 */
import { decodeStrict } from '../../api/decode/strict.js';
import { rootTypeOf } from '../../api/schema/index.js';
import type { KindName, KubeObject } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { LAST_APPLIED, originalConfiguration, withLastApplied } from '../apply/last-applied.js';
import { applyPatch, type JsonMap, threeWayPatch } from '../apply/strategic-merge.js';
import { type CommandContext, ENDPOINTS_DEPRECATION, warnOnce } from '../context.js';
import { CliError, combineErrors, goQuote, withSource } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { fieldValidationOf, type ManifestItem, partition, readManifests } from '../manifests.js';
import { goJson } from '../printers/go-json.js';
import { parseOutputFormat, printGeneric, writeGeneric } from '../printers/output.js';
import { labelSelector } from '../resource-args.js';
import {
  DRY_RUN_FLAG,
  type DryRun,
  dryRunStrategy,
  FILENAME_FLAGS,
  mutationLine,
  rejectUnsupported,
  withDryRun,
} from './common.js';

export const APPLY_FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  DRY_RUN_FLAG,
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
  { name: 'prune', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'overwrite', type: 'bool', default: true },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'duration' },
  { name: 'wait', type: 'bool' },
  { name: 'cascade', type: 'string', default: 'background' },
  { name: 'record', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
];

interface ApplyRun {
  readonly ctx: CommandContext;
  readonly dryRun: DryRun;
  readonly output: string;
}

export function runApply(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['server-side', 'prune', 'force', 'kustomize']);
  const filenames = flags.strings('filename');
  if (filenames.length === 0) throw new CliError('must specify one of -f and -k');
  if (flags.args.length > 0) {
    throw new CliError(
      `Unexpected args: [${flags.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`,
    );
  }
  const output = flags.string('output');
  const format = parseOutputFormat(output);
  const run: ApplyRun = { ctx, dryRun: dryRunStrategy(flags), output };
  const selector = labelSelector(flags.string('selector'));

  const { errors, sendable } = partition(
    readManifests(ctx, filenames, fieldValidationOf(flags.string('validate'))),
  );
  const items = selector
    ? sendable.filter((i) => !i.object || selector.matches(i.object.metadata.labels))
    : sendable;
  if (items.length === 0 && errors.length === 0) throw new CliError('no objects passed to apply');
  const applied: KubeObject[] = [];
  for (const item of items) {
    try {
      const obj = applyOne(run, item);
      if (obj) applied.push(obj);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = combineErrors(errors);
  if (err) throw err;
  // With -o yaml/json the objects are printed together after all were applied.
  if (format.kind !== 'table' && format.kind !== 'name' && applied.length > 0) {
    writeGeneric(ctx.io, format, applied, applied.length === 1);
  }
}

/** `Resource: "apps/v1, Resource=deployments", GroupVersionKind: …` then `Name: …, Namespace: …`. */
function infoString(item: ManifestItem): string {
  const t = item.type!;
  const obj = item.raw!;
  return (
    `Resource: ${goQuote(`${t.group}/${t.version}, Resource=${t.plural}`)}, GroupVersionKind: ${goQuote(`${t.group}/${t.version}, Kind=${t.kind}`)}\n` +
    `Name: ${goQuote(obj.metadata.name ?? '')}, Namespace: ${goQuote(obj.metadata.namespace ?? '')}`
  );
}

/** The API server's decoding of a patched object (quantities canonical, unknown fields dropped). */
function serverDecode(kind: KindName, obj: JsonMap): KubeObject {
  const decoded = decodeStrict(rootTypeOf(kind), obj as never);
  return (decoded.value ?? obj) as unknown as KubeObject;
}

function printWarnings(ctx: CommandContext, item: ManifestItem): void {
  for (const w of item.warnings ?? []) ctx.io.err(`Warning: ${w}\n`);
}

function applyOne(run: ApplyRun, item: ManifestItem): KubeObject | undefined {
  const { ctx, dryRun, output } = run;
  const { store } = ctx.cluster;
  const raw = item.raw!;
  const type = item.type!;
  const { name, namespace, generateName } = raw.metadata;
  if (!name) {
    if (generateName) throw new CliError(`from ${generateName}: cannot use generate name with apply`);
    throw new CliError(
      `error when retrieving current configuration of:\n${infoString(item)}\nfrom server for: ${goQuote(item.source)}: resource name may not be empty`,
    );
  }
  if (type.kind === 'Endpoints') warnOnce(ctx, ENDPOINTS_DEPRECATION);
  const modified = withLastApplied(raw);
  const live = store.get(type.kind, namespace, name);

  if (!live) {
    if (item.serverError) throw withSource('creating', item.source, item.serverError);
    const toCreate = clone(item.object!);
    toCreate.metadata.annotations = {
      ...(toCreate.metadata.annotations ?? {}),
      ...modified.metadata.annotations,
    };
    let created = toCreate;
    if (dryRun !== 'client') {
      try {
        created = store.create(toCreate, { dryRun: dryRun === 'server' });
      } catch (e) {
        throw withSource('creating', item.source, e as Error);
      }
      printWarnings(ctx, item);
    }
    ctx.io.out(mutationLine(created, withDryRun('created', dryRun), output));
    return created;
  }

  if (dryRun === 'client') {
    ctx.io.out(mutationLine(live, withDryRun('configured', dryRun), output));
    return live;
  }
  if (live.metadata.annotations?.[LAST_APPLIED] === undefined) {
    ctx.io.err(
      `Warning: resource ${type.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const current = live as unknown as JsonMap;
  const patch = threeWayPatch(
    originalConfiguration(live),
    modified as unknown as JsonMap,
    current,
    type.kind,
  );
  const patchFailed = (e: Error) =>
    withSource(
      `applying patch:\n${goJson(patch)}\nto:\n${infoString(item)}\nfor:`,
      item.source,
      withSource('patching', item.source, e),
    );
  if (item.serverError) throw patchFailed(item.serverError);
  let result: KubeObject = live;
  let operation = 'unchanged';
  if (Object.keys(patch).length > 0) {
    const patched = serverDecode(type.kind, applyPatch(current, patch, type.kind));
    try {
      result = store.update(patched, { dryRun: dryRun === 'server' });
    } catch (e) {
      throw patchFailed(e as Error);
    }
    printWarnings(ctx, item);
    operation = 'configured';
  }
  if (result.metadata.deletionTimestamp) {
    ctx.io.err(`Warning: Detected changes to resource ${name} which is currently being deleted.\n`);
  }
  ctx.io.out(mutationLine(result, withDryRun(operation, dryRun), output));
  return result;
}
