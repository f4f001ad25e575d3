import type { KubeObject } from '../../api/types.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import type { ParsedFlags } from '../flags.js';
import { partition, readManifests } from '../manifests.js';
import {
  fetchTargets,
  listSelectors,
  MISSING_RESOURCE,
  missingObject,
  parseResourceArgs,
} from '../resource-args.js';

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
      else errors.push(missingObject(ctx.cluster.store, item.type!, o.metadata.namespace, o.metadata.name));
    }
    return { objects, errors, singleItemImplied: false };
  }
  const selectors = listSelectors(opts.selector ?? '', opts.fieldSelector ?? '');
  const selector = selectors.label;
  const byField = selectors.fields;
  if (opts.args.length === 0 && !selectors.given) throw new CliError(MISSING_RESOURCE);
  const parsed = parseResourceArgs(opts.args, {
    allowEmptySelector: opts.allowEmptySelector,
    hasSelector: selectors.given,
  });
  if (parsed.targets.length === 0) throw new CliError(MISSING_RESOURCE);
  const { infos, errors } = fetchTargets(ctx, parsed.targets, {
    allNamespaces: opts.allNamespaces ?? false,
    selector,
    rejects: selectors.rejects,
  });
  const objects = infos.flatMap((i) => (i.kind === 'list' ? [...i.objects] : [i.object]));
  return {
    objects: byField ? objects.filter(byField) : objects,
    errors,
    singleItemImplied: parsed.singleItemImplied,
  };
}
