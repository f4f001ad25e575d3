/**
 * The objects a rollout/set/annotate/label/patch command acts on, as cli-runtime's builder finds
 * them with `ContinueOnError().Latest().Flatten()`: from `-f` (the live objects the files name),
 * else from `TYPE NAME…`, `TYPE/NAME…` or a bare type with -l/--all. Lists are flattened; names
 * that do not exist become NotFound errors, kept beside the objects that were found.
 */
import { qualifiedResource } from '../../api/resources.js';
import type { KubeObject } from '../../api/types.js';
import { notFound } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { fieldSelector } from '../field-selector.js';
import type { ParsedFlags } from '../flags.js';
import { partition, readManifests } from '../manifests.js';
import { fetchTargets, labelSelector, MISSING_RESOURCE, parseResourceArgs } from '../resource-args.js';

export interface Targets {
  readonly objects: KubeObject[];
  readonly errors: Error[];
  /** One object named by `TYPE NAME` or `TYPE/NAME` (kubectl's IntoSingleItemImplied). */
  readonly singleItemImplied: boolean;
}

export interface TargetOptions {
  /** The positional arguments that name resources (pairs such as `k=v` already removed). */
  readonly args: readonly string[];
  /** ResourceTypeOrNameArgs(allowEmptySelector, …): a bare type selects everything. */
  readonly allowEmptySelector: boolean;
  /** The -l value, if the command has the flag. */
  readonly selector?: string;
  /** The --field-selector value, if the command has the flag. */
  readonly fieldSelector?: string;
  readonly allNamespaces?: boolean;
}

export function resolveTargets(ctx: CommandContext, flags: ParsedFlags, opts: TargetOptions): Targets {
  const filenames = flags.has('filename') ? flags.strings('filename') : [];
  if (filenames.length > 0) {
    if (opts.args.length > 0) {
      throw new CliError(
        'when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well',
      );
    }
    const { errors, sendable } = partition(readManifests(ctx, filenames));
    const objects: KubeObject[] = [];
    for (const item of sendable) {
      const o = item.raw!;
      const live = ctx.cluster.store.get(item.type!.kind, o.metadata.namespace, o.metadata.name);
      if (live) objects.push(live);
      else errors.push(notFound(qualifiedResource(item.type!), o.metadata.name));
    }
    return { objects, errors, singleItemImplied: false };
  }
  const selector = labelSelector(opts.selector ?? '');
  const byField = fieldSelector(opts.fieldSelector ?? '');
  if (opts.args.length === 0 && !selector && !byField) throw new CliError(MISSING_RESOURCE);
  const parsed = parseResourceArgs(opts.args, {
    allowEmptySelector: opts.allowEmptySelector,
    hasSelector: selector !== undefined || byField !== undefined,
  });
  if (parsed.targets.length === 0) throw new CliError(MISSING_RESOURCE);
  const { infos, errors } = fetchTargets(ctx, parsed.targets, {
    allNamespaces: opts.allNamespaces ?? false,
    selector,
  });
  const objects = infos.flatMap((i) => (i.kind === 'list' ? [...i.objects] : [i.object]));
  return {
    objects: byField ? objects.filter(byField) : objects,
    errors,
    singleItemImplied: parsed.singleItemImplied,
  };
}
