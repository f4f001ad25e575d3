/**
 * `kubectl scale` (k8s.io/kubectl/pkg/cmd/scale/scale.go): sets spec.replicas through the scale
 * subresource of deployments and replica sets; `deployment.apps/web scaled` is printed even when
 * the count does not change. --current-replicas and --resource-version are preconditions.
 * Simplified: --timeout (waiting for the replicas) is accepted and not waited for.
 */

import type { KubeObject } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { StatusError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { CliError, combineErrors } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { partition, readManifests } from '../manifests.js';
import { parseOutputFormat, printGeneric, writeGeneric } from '../printers/output.js';
import {
  fetchTargets,
  type Info,
  listSelectors,
  MISSING_RESOURCE,
  missingObject,
  parseResourceArgs,
} from '../resource-args.js';
import {
  DRY_RUN_FLAG,
  dryRunStrategy,
  FILENAME_FLAGS,
  mutationLine,
  rejectUnsupported,
  withDryRun,
} from './common.js';

export const SCALE_FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  { name: 'replicas', type: 'int', default: -1 },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'resource-version', type: 'string' },
  { name: 'timeout', type: 'duration' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  DRY_RUN_FLAG,
];

const SCALABLE = new Set(['Deployment', 'ReplicaSet']);

export function runScale(ctx: CommandContext, flags: ParsedFlags): void {
  if (!flags.has('replicas')) throw new CliError('required flag(s) "replicas" not set');
  rejectUnsupported(flags, ['kustomize']);
  const dryRun = dryRunStrategy(flags);
  const output = flags.string('output');
  const format = parseOutputFormat(output);
  const replicas = flags.int('replicas');
  const currentReplicas = flags.int('current-replicas');
  const resourceVersion = flags.string('resource-version');
  if (replicas < 0) {
    throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  }
  if (currentReplicas < -1)
    throw new CliError('The --current-replicas must specify an integer of -1 or greater');

  const { infos, errors } = scaleTargets(ctx, flags);
  const objects = infos.flatMap((i) => (i.kind === 'list' ? i.objects : [i.object]));
  if (resourceVersion && objects.length > 1)
    throw new CliError('cannot use --resource-version with multiple resources');
  if (objects.length === 0) {
    const err = combineErrors(errors);
    if (err) throw err;
    throw new CliError('no objects passed to scale');
  }
  for (const obj of objects) {
    if (!SCALABLE.has(obj.kind)) {
      throw new StatusError('NotFound', 'the server could not find the requested resource');
    }
    const spec = (obj.spec ?? {}) as { replicas?: number };
    const actual = spec.replicas ?? 1;
    if (currentReplicas !== -1 && actual !== currentReplicas) {
      throw new CliError(`Expected replicas to be ${currentReplicas}, was ${actual}`);
    }
    if (resourceVersion && obj.metadata.resourceVersion !== resourceVersion) {
      throw new CliError(
        `Expected resourceVersion to be ${resourceVersion}, was ${obj.metadata.resourceVersion}`,
      );
    }
    let result: KubeObject = obj;
    if (dryRun !== 'client') {
      const draft = clone(obj) as KubeObject & { spec: { replicas?: number } };
      draft.spec.replicas = replicas;
      result = ctx.cluster.store.update(draft, { dryRun: dryRun === 'server' });
    }
    if (format.kind === 'table' || format.kind === 'name')
      ctx.io.out(mutationLine(result, withDryRun('scaled', dryRun), output));
    else writeGeneric(ctx.io, format, [result], true);
  }
  const err = combineErrors(errors);
  if (err) throw err;
}

function scaleTargets(ctx: CommandContext, flags: ParsedFlags): { infos: Info[]; errors: Error[] } {
  const filenames = flags.strings('filename');
  if (filenames.length > 0) {
    if (flags.args.length > 0) {
      throw new CliError(
        'when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well',
      );
    }
    const { errors, sendable } = partition(readManifests(ctx, filenames));
    const infos: Info[] = [];
    for (const item of sendable) {
      const o = item.raw!;
      const live = ctx.cluster.store.get(item.type!.kind, o.metadata.namespace, o.metadata.name);
      if (live) infos.push({ kind: 'object', type: item.type!, object: live });
      else errors.push(missingObject(ctx.cluster.store, item.type!, o.metadata.namespace, o.metadata.name));
    }
    return { infos, errors };
  }
  if (flags.args.length === 0) throw new CliError(MISSING_RESOURCE);
  const selectors = listSelectors(flags.string('selector'));
  const all = flags.bool('all');
  const parsed = parseResourceArgs(flags.args, {
    allowEmptySelector: all,
    hasSelector: selectors.given,
  });
  return fetchTargets(ctx, parsed.targets, {
    allNamespaces: false,
    selector: selectors.label,
    rejects: selectors.rejects,
  });
}
