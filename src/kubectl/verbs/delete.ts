/**
 * `kubectl delete` (k8s.io/kubectl/pkg/cmd/delete/delete.go, v1.33): deletes what the arguments,
 * -f, -l or --all name, prints `pod "web" deleted` (`force deleted` with --force), then waits
 * (--wait=true by default) until every deleted object is gone, by letting simulated time pass.
 *
 * The v1.33 form has no namespace in the line: `deleted from <ns> namespace` came with v1.34
 * (kubernetes PR #126619). Simplified: kubectl's default wait is a week; kubesim waits for the
 * longest pod grace period involved plus a minute (or --timeout), then reports kubectl's timeout.
 *
 * --cascade (delete_flags.go parseCascadingFlag) becomes the request's propagationPolicy:
 * background (the default), foreground or orphan; the old boolean values still work, with a
 * warning. With -f, -l filters the file's objects by their labels (cli-runtime visitByPaths), and a
 * selector that does not parse is kubectl's own error.
 */
import { qualifiedResource, type ResourceType } from '../../api/resources.js';
import type { KindName, KubeObject, Pod } from '../../api/types.js';
import { notFound, StatusError } from '../../core/errors.js';
import type { DeleteOptions } from '../../store/store.js';
import { type CommandContext, ENDPOINTS_DEPRECATION, warnOnce } from '../context.js';
import { CliError, combineErrors, withSource } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { partition, readManifests } from '../manifests.js';
import { kindString } from '../printers/name.js';
import { labelSelector, listSelectors, MISSING_RESOURCE, parseResourceArgs } from '../resource-args.js';
import {
  DRY_RUN_FLAG,
  type DryRun,
  dryRunStrategy,
  FILENAME_FLAGS,
  rejectUnsupported,
  withDryRun,
} from './common.js';

export const DELETE_FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'duration' },
  { name: 'wait', type: 'bool', default: true },
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'interactive', short: 'i', type: 'bool' },
  { name: 'raw', type: 'string' },
  DRY_RUN_FLAG,
];

/** How long to keep waiting past the longest grace period before reporting a timeout. */
const WAIT_MARGIN_MS = 60_000;

interface Target {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly source: string;
}

/** The spellings Go's strconv.ParseBool accepts. */
const GO_BOOLS: ReadonlyMap<string, boolean> = new Map([
  ...['1', 't', 'T', 'TRUE', 'true', 'True'].map((v): [string, boolean] => [v, true]),
  ...['0', 'f', 'F', 'FALSE', 'false', 'False'].map((v): [string, boolean] => [v, false]),
]);

/**
 * parseCascadingFlag: the propagation policy --cascade asks for. A boolean is the old spelling:
 * true is background and false is orphan, each with kubectl's deprecation warning.
 */
export function cascadingStrategy(
  value: string,
  warn: (line: string) => void,
): NonNullable<DeleteOptions['propagationPolicy']> {
  const asBool = GO_BOOLS.get(value);
  if (asBool === undefined) {
    switch (value) {
      case 'orphan':
        return 'Orphan';
      case 'foreground':
        return 'Foreground';
      case 'background':
        return 'Background';
    }
    throw new CliError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  }
  const replacement = asBool ? 'background' : 'orphan';
  warn(
    `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`,
  );
  return asBool ? 'Background' : 'Orphan';
}

export function runDelete(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['raw', 'interactive', 'kustomize']);
  // DeleteFlags.ToOptions parses --cascade before anything else is looked at.
  const propagationPolicy = cascadingStrategy(flags.string('cascade'), (line) => ctx.io.err(line));
  const all = flags.bool('all');
  const selectorText = flags.string('selector');
  const fieldText = flags.string('field-selector');
  const ignoreNotFound = flags.has('ignore-not-found')
    ? flags.bool('ignore-not-found')
    : all || selectorText !== '' || fieldText !== '';
  let gracePeriod = flags.int('grace-period');
  const force = flags.bool('force');
  if (flags.bool('now')) {
    if (gracePeriod !== -1) throw new CliError('--now and --grace-period cannot be specified together');
    gracePeriod = 1;
  }
  // --grace-period=0 means 1 unless --force: kubectl guards against accidental immediate deletion.
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  const dryRun = dryRunStrategy(flags);

  const targets = resolveTargets(ctx, flags, all);

  const output = flags.string('output');
  if (output !== '' && output !== 'name') {
    throw new CliError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  }
  if (all && selectorText) throw new CliError('cannot set --all and --selector at the same time');
  if (all && fieldText) throw new CliError('cannot set --all and --field-selector at the same time');
  if (gracePeriod === 0 && force) {
    ctx.io.err(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  } else if (gracePeriod > 0 && force) {
    throw new CliError('--force and --grace-period greater than 0 cannot be specified together');
  }

  const errors: Error[] = [...targets.errors];
  const deleted: Array<{ target: Target; uid: string | undefined }> = [];
  let warnClusterScope = ctx.explicitNamespace && !flags.bool('all-namespaces');
  for (const target of targets.list) {
    if (warnClusterScope && !target.type.namespaced) {
      ctx.io.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    if (target.type.kind === 'Endpoints') warnOnce(ctx, ENDPOINTS_DEPRECATION);
    const opts: DeleteOptions = { propagationPolicy };
    if (gracePeriod >= 0) opts.gracePeriodSeconds = gracePeriod;
    try {
      const uid = deleteOne(ctx, target, opts, dryRun);
      deleted.push({ target, uid });
      printDeleted(ctx, target, gracePeriod, dryRun, output);
    } catch (e) {
      const notFoundIgnored = ignoreNotFound && e instanceof StatusError && e.reason === 'NotFound';
      if (notFoundIgnored) deleted.push({ target, uid: undefined });
      else errors.push(e as Error);
    }
  }
  const err = combineErrors(errors);
  if (err) throw err;
  if (targets.list.length === 0) {
    ctx.io.out('No resources found\n');
    return;
  }
  if (!flags.bool('wait') || dryRun !== 'none') return;
  waitForDeletion(ctx, deleted, flags.duration('timeout'));
}

function deleteOne(
  ctx: CommandContext,
  target: Target,
  opts: DeleteOptions,
  dryRun: DryRun,
): string | undefined {
  const { store } = ctx.cluster;
  if (dryRun !== 'none') {
    const live = store.get(target.type.kind, target.namespace, target.name);
    if (!live && dryRun === 'server')
      throw withSource('deleting', target.source, notFound(qualifiedResource(target.type), target.name));
    return live?.metadata.uid;
  }
  try {
    return store.delete(target.type.kind, target.namespace, target.name, opts).metadata.uid;
  } catch (e) {
    throw withSource('deleting', target.source, e as Error);
  }
}

/** `pod "web" deleted`, `pod "web" force deleted`, or `pod/web` with -o name. */
function printDeleted(
  ctx: CommandContext,
  target: Target,
  gracePeriod: number,
  dryRun: DryRun,
  output: string,
): void {
  const kind = kindString({
    kind: target.type.kind,
    apiVersion: target.type.group ? `${target.type.group}/${target.type.version}` : target.type.version,
  });
  if (output === 'name') {
    ctx.io.out(`${kind}/${target.name}\n`);
    return;
  }
  const operation = withDryRun(gracePeriod === 0 ? 'force deleted' : 'deleted', dryRun);
  ctx.io.out(`${kind} "${target.name}" ${operation}\n`);
}

function resolveTargets(
  ctx: CommandContext,
  flags: ParsedFlags,
  all: boolean,
): { list: Target[]; errors: Error[] } {
  const filenames = flags.strings('filename');
  const args = flags.args;
  if (filenames.length > 0) {
    if (args.length > 0) {
      throw new CliError(
        'when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well',
      );
    }
    // kubectl parses -l itself for files (a bad selector fails before anything is deleted) and
    // keeps the file's objects whose own labels match it.
    const selector = labelSelector(flags.string('selector'));
    const { errors, sendable } = partition(readManifests(ctx, filenames));
    const list = sendable
      .filter((i) => i.raw && (!selector || selector.matches(i.raw.metadata.labels)))
      .map(
        (i): Target => ({
          type: i.type!,
          namespace: i.type!.namespaced ? i.raw!.metadata.namespace : undefined,
          name: i.raw!.metadata.name,
          source: i.source,
        }),
      );
    return { list, errors };
  }
  if (args.length === 0) throw new CliError(MISSING_RESOURCE);
  const selectors = listSelectors(flags.string('selector'), flags.string('field-selector'));
  const fields = selectors.fields;
  const allNamespaces = flags.bool('all-namespaces');
  const parsed = parseResourceArgs(args, {
    allowEmptySelector: false,
    hasSelector: selectors.given || all,
  });
  const list: Target[] = [];
  // The server's BadRequest for each list it cannot select (cli-runtime keeps going on errors).
  const errors: Error[] = [];
  for (const t of parsed.targets) {
    const namespace = t.type.namespaced ? ctx.namespace : undefined;
    if (t.name !== undefined) {
      if (allNamespaces && t.type.namespaced)
        throw new CliError('a resource cannot be retrieved by name across all namespaces');
      list.push({ type: t.type, namespace, name: t.name, source: '' });
      continue;
    }
    const rejected = selectors.rejects?.(t.type);
    if (rejected) {
      errors.push(rejected);
      continue;
    }
    const objects = ctx.cluster.store
      .list(t.type.kind, allNamespaces ? undefined : namespace, selectors.label)
      .filter((o) => !fields || fields(o));
    for (const o of objects) {
      list.push({ type: t.type, namespace: o.metadata.namespace, name: o.metadata.name, source: '' });
    }
  }
  return { list, errors };
}

/** How long the deleted objects may take to go: their pods' grace periods. */
function graceBoundMs(ctx: CommandContext, deleted: ReadonlyArray<{ target: Target }>): number {
  const { store } = ctx.cluster;
  let seconds = 0;
  const podGrace = (p: Pod) =>
    p.metadata.deletionGracePeriodSeconds ?? p.spec?.terminationGracePeriodSeconds ?? 30;
  for (const { target } of deleted) {
    if (target.type.kind === 'Pod') {
      const p = store.get('Pod', target.namespace, target.name);
      if (p) seconds = Math.max(seconds, podGrace(p));
    } else if (target.type.kind === 'Namespace') {
      for (const p of store.list('Pod', target.name)) seconds = Math.max(seconds, podGrace(p));
    } else {
      for (const p of store.list('Pod', target.namespace)) {
        if (p.metadata.deletionTimestamp) seconds = Math.max(seconds, podGrace(p));
      }
    }
  }
  return seconds * 1000 + WAIT_MARGIN_MS;
}

/** cmdwait.IsDeleted for every deleted object: gone, or replaced by one with another uid. */
function waitForDeletion(
  ctx: CommandContext,
  deleted: ReadonlyArray<{ target: Target; uid: string | undefined }>,
  timeoutMs: number,
): void {
  const { store } = ctx.cluster;
  const remaining = () =>
    deleted.filter(({ target, uid }) => {
      const live: KubeObject | undefined = store.get(
        target.type.kind as KindName,
        target.namespace,
        target.name,
      );
      return live !== undefined && (uid === undefined || live.metadata.uid === uid);
    });
  const limit = timeoutMs > 0 ? timeoutMs : graceBoundMs(ctx, deleted);
  if (ctx.cluster.advanceUntil(() => remaining().length === 0, limit)) return;
  const first = remaining()[0]!.target;
  throw new CliError(`timed out waiting for the condition on ${first.type.plural}/${first.name}`);
}
