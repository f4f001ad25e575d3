/**
 * `kubectl set image` and `kubectl set resources` (k8s.io/kubectl/pkg/cmd/set, v1.33): change the
 * containers of a pod template (a Deployment's or ReplicaSet's template, or a Pod's own spec) and
 * write the change as a strategic merge patch. Nothing is printed for an object the change leaves
 * as it was (an empty patch). The write goes through the store like any update, so a template
 * change bumps the Deployment's generation and starts a rollout.
 *
 * Simplified: --local (changing files without the server) is not simulated.
 */
import { resourceOf } from '../../api/resources.js';
import type { Container, KindName, KubeObject, PodSpec } from '../../api/types.js';
import { clone, deepEqual } from '../../core/clone.js';
import { Quantity } from '../../core/quantity.js';
import type { Command } from '../commands.js';
import type { CommandContext } from '../context.js';
import { CliError, combineErrors, RenderedError, usageError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { parsePairs, resourcesAndPairs } from '../rollout/pairs.js';
import { mutationFormat, PRINT_FLAGS, printMutation } from '../rollout/print.js';
import { changeCause, RECORD_FLAG, recordChangeCause, warnIfRecordUsed } from '../rollout/record.js';
import { resolveTargets } from '../rollout/targets.js';
import {
  DRY_RUN_FLAG,
  type DryRun,
  dryRunStrategy,
  FILENAME_FLAGS,
  rejectUnsupported,
  withDryRun,
} from './common.js';

const COMMON_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  RECORD_FLAG,
  ...FILENAME_FLAGS,
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'local', type: 'bool' },
  DRY_RUN_FLAG,
  { name: 'field-manager', type: 'string', default: 'kubectl-set' },
];

export const SET_IMAGE_FLAGS: readonly FlagSpec[] = COMMON_FLAGS;

export const SET_RESOURCES_FLAGS: readonly FlagSpec[] = [
  ...COMMON_FLAGS,
  { name: 'containers', short: 'c', type: 'string', default: '*' },
  { name: 'limits', type: 'string' },
  { name: 'requests', type: 'string' },
];

/** UpdatePodSpecForObject: the pod spec inside an object, or kubectl's error for other kinds. */
function podSpecOf(obj: KubeObject): PodSpec {
  const o = obj as { spec?: { template?: { spec?: PodSpec } } & PodSpec };
  if (obj.kind === 'Pod' && o.spec) return o.spec;
  if ((obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') && o.spec?.template?.spec)
    return o.spec.template.spec;
  throw new CliError(`the object is not a pod or does not have a pod template: *v1.${obj.kind}`);
}

/** info.ObjectName(): `deployments/web`. */
function objectName(obj: KubeObject): string {
  return `${resourceOf(obj.kind as KindName).plural}/${obj.metadata.name}`;
}

interface SetRun {
  readonly ctx: CommandContext;
  readonly flags: ParsedFlags;
  readonly dryRun: DryRun;
  readonly operation: string;
  /** How a failed write is reported: `failed to patch image update to pod template: <err>`. */
  readonly failedPatch: string;
  /** Changes the copy; returns false when nothing was meant to change (no patch at all). */
  readonly change: (copy: KubeObject) => boolean;
  readonly errors: Error[];
  readonly cause: () => string;
}

/**
 * set.CalculatePatches and the patch loop shared by both commands: the changed copy of every
 * object, the patch error `error: deployments/web <reason>`, no output for an unchanged object,
 * the object as changed for --dry-run=client, else the stored result.
 */
function patchEach(run: SetRun, objects: readonly KubeObject[]): void {
  const { ctx, flags, dryRun, errors } = run;
  const format = mutationFormat(flags.string('output'));
  for (const obj of objects) {
    const copy = clone(obj);
    let changed: boolean;
    try {
      changed = run.change(copy);
    } catch (e) {
      errors.push(new CliError(`error: ${objectName(obj)} ${(e as Error).message}\n`));
      continue;
    }
    if (!changed) continue;
    recordChangeCause(copy, flags, run.cause);
    if (deepEqual(copy, obj)) continue;
    if (dryRun === 'client') {
      ctx.io.out(printMutation(copy, withDryRun(run.operation, dryRun), format));
      continue;
    }
    let actual: KubeObject;
    try {
      actual = ctx.cluster.store.update(copy, { dryRun: dryRun === 'server' });
    } catch (e) {
      errors.push(new CliError(`${run.failedPatch}${(e as Error).message}`));
      continue;
    }
    ctx.io.out(printMutation(actual, withDryRun(run.operation, dryRun), format));
  }
}

function targetsOf(ctx: CommandContext, flags: ParsedFlags, resources: readonly string[]): KubeObject[] {
  const all = flags.bool('all');
  const { objects, errors } = resolveTargets(ctx, flags, {
    args: resources,
    allowEmptySelector: all,
    selector: flags.string('selector'),
  });
  const err = combineErrors(errors);
  if (err) throw err;
  return objects;
}

/** The container (and init container) names a `*` or a name selects; true if any matched. */
function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      c.image = image;
      found = true;
    }
  }
  return found;
}

export function runSetImage(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize', 'template', 'local']);
  warnIfRecordUsed(ctx, flags);
  const dryRun = dryRunStrategy(flags);
  const { resources, pairs } = resourcesAndPairs(flags.args, 'image');
  const images = parsePairs(pairs, 'image', false).set;
  const objects = targetsOf(ctx, flags, resources);

  const problems: Error[] = [];
  if (flags.bool('all') && flags.string('selector') !== '')
    problems.push(new CliError('cannot set --all and --selector at the same time'));
  if (resources.length < 1 && flags.strings('filename').length === 0) {
    problems.push(
      new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>'),
    );
  }
  if (images.size < 1) problems.push(new CliError('at least one image update is required'));
  else if (images.size > 1 && images.has('*')) {
    problems.push(
      new CliError(
        'all containers are already specified by *, but saw more than one container_name=container_image pairs',
      ),
    );
  }
  const invalid = combineErrors(problems);
  if (invalid) throw invalid;

  const errors: Error[] = [];
  patchEach(
    {
      ctx,
      flags,
      dryRun,
      errors,
      operation: 'image updated',
      failedPatch: 'failed to patch image update to pod template: ',
      cause: () => changeCause(['set', 'image'], flags, SET_IMAGE_FLAGS),
      change: (copy) => {
        const spec = podSpecOf(copy);
        for (const [name, image] of images) {
          const inInit = setImage(spec.initContainers, name, image);
          const inMain = setImage(spec.containers, name, image);
          if (!inInit && !inMain)
            errors.push(new CliError(`error: unable to find container named ${JSON.stringify(name)}`));
        }
        return true;
      },
    },
    objects,
  );
  const err = combineErrors(errors);
  if (err) throw err;
}

/** generateversioned.HandleResourceRequirementsV1's list parser: `cpu=200m,memory=512Mi`. */
function resourceList(spec: string): Map<string, string> | undefined {
  if (spec === '') return undefined;
  const out = new Map<string, string>();
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2)
      throw new CliError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    out.set(parts[0]!, Quantity.parse(parts[1]!).toString());
  }
  return out;
}

/** selectString: `*` matches everything; otherwise a name with `*` wildcards (simplified glob). */
function selectsContainer(name: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return name === spec;
  const pattern = spec
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}

export function runSetResources(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize', 'template', 'local']);
  warnIfRecordUsed(ctx, flags);
  const dryRun = dryRunStrategy(flags);
  const objects = targetsOf(ctx, flags, flags.args);
  if (flags.bool('all') && flags.string('selector') !== '')
    throw new CliError('cannot set --all and --selector at the same time');
  const limitsText = flags.string('limits');
  const requestsText = flags.string('requests');
  if (limitsText === '' && requestsText === '') {
    throw new CliError(
      'you must specify an update to requests or limits (in the form of --requests/--limits)',
    );
  }
  const limits = resourceList(limitsText);
  const requests = resourceList(requestsText);
  const selector = flags.string('containers');

  const errors: Error[] = [];
  patchEach(
    {
      ctx,
      flags,
      dryRun,
      errors,
      operation: 'resource requirements updated',
      failedPatch: 'failed to patch resources update to pod template ',
      cause: () => changeCause(['set', 'resources'], flags, SET_RESOURCES_FLAGS),
      change: (copy) => {
        const containers = (podSpecOf(copy).containers ?? []).filter((c) =>
          selectsContainer(c.name, selector),
        );
        if (containers.length === 0) {
          errors.push(new CliError(`error: unable to find container named ${selector}`));
          return false;
        }
        for (const c of containers) {
          const resources = (c.resources ??= {});
          if (limits) resources.limits = { ...(resources.limits ?? {}), ...Object.fromEntries(limits) };
          if (requests)
            resources.requests = { ...(resources.requests ?? {}), ...Object.fromEntries(requests) };
        }
        return true;
      },
    },
    objects,
  );
  const err = combineErrors(errors);
  if (err) throw err;
}

const SET_SUBCOMMANDS = ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'];

/** `kubectl set` alone prints its help and fails; an unknown word is a usage error. */
function runSet(_ctx: CommandContext, flags: ParsedFlags): void {
  const word = flags.args[0];
  if (word && SET_SUBCOMMANDS.includes(word))
    throw new CliError(`kubesim does not simulate "kubectl set ${word}" yet`);
  if (word) throw usageError('kubectl set', `unknown command ${JSON.stringify(flags.args.join(' '))}`);
  throw new RenderedError(
    `Configure application resources.\n\nAvailable Commands:\n${SET_SUBCOMMANDS.map((s) => `  ${s}\n`).join('')}\nUsage:\n  kubectl set SUBCOMMAND [options]\n`,
  );
}

export const SET_COMMAND: Command = {
  name: 'set',
  flags: [],
  run: runSet,
  subcommands: [
    { name: 'image', flags: SET_IMAGE_FLAGS, run: runSetImage },
    { name: 'resources', flags: SET_RESOURCES_FLAGS, run: runSetResources },
  ],
};
