/**
 * `kubectl rollout status|history|undo|pause|resume|restart` (k8s.io/kubectl/pkg/cmd/rollout,
 * v1.33) on Deployments. The Deployment logic lives in ../rollout/; this file is the command
 * layer: flags, which objects, what is printed, which errors.
 */
import { resourceOf } from '../../api/resources.js';
import type { Deployment, KindName, KubeObject, ReplicaSet } from '../../api/types.js';
import { clone, deepEqual } from '../../core/clone.js';
import type { Command } from '../commands.js';
import type { CommandContext } from '../context.js';
import { CliError, combineErrors, RenderedError, usageError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { printName } from '../printers/name.js';
import { type OutputFormat, printGeneric } from '../printers/output.js';
import { revisionReplicaSets, viewDeploymentHistory } from '../rollout/history.js';
import { requireStatusViewer, requireVisitorHelper } from '../rollout/kinds.js';
import { MutatorRefusal, pauseObject, restartObject, resumeObject } from '../rollout/object-mutators.js';
import { mutationFormat, PRINT_FLAGS, printMutation } from '../rollout/print.js';
import { rollbackDeployment } from '../rollout/rollback.js';
import { resolveTargets } from '../rollout/targets.js';
import { RolloutWaitBudgetError, waitForRollout } from '../rollout/watch-status.js';
import { DRY_RUN_FLAG, dryRunStrategy, FILENAME_FLAGS, rejectUnsupported, withDryRun } from './common.js';

const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', type: 'string' };
const FIELD_MANAGER: FlagSpec = { name: 'field-manager', type: 'string', default: 'kubectl-rollout' };

export const ROLLOUT_STATUS_FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  SELECTOR_FLAG,
  { name: 'watch', short: 'w', type: 'bool', default: true },
  { name: 'revision', type: 'int' },
  { name: 'timeout', type: 'duration' },
];

export const ROLLOUT_HISTORY_FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  ...PRINT_FLAGS,
  SELECTOR_FLAG,
  { name: 'revision', type: 'int' },
];

export const ROLLOUT_UNDO_FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  ...PRINT_FLAGS,
  SELECTOR_FLAG,
  DRY_RUN_FLAG,
  { name: 'to-revision', type: 'int' },
];

export const ROLLOUT_OBJECT_FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  ...PRINT_FLAGS,
  SELECTOR_FLAG,
  FIELD_MANAGER,
];

const SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

/** `kubectl rollout` alone prints its help and fails; an unknown word is a usage error. */
function runRollout(_ctx: CommandContext, flags: ParsedFlags): void {
  if (flags.args.length > 0)
    throw usageError('kubectl rollout', `unknown command ${JSON.stringify(flags.args.join(' '))}`);
  throw new RenderedError(
    `Manage the rollout of one or many resources.\n\nAvailable Commands:\n${SUBCOMMANDS.map((s) => `  ${s}\n`).join('')}\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n`,
  );
}

function requireResources(flags: ParsedFlags): void {
  if (flags.args.length === 0 && flags.strings('filename').length === 0) {
    throw new CliError('required resource not specified');
  }
}

function typeOf(obj: KubeObject) {
  return resourceOf(obj.kind as KindName);
}

// ---- status ----

export function runRolloutStatus(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize']);
  requireResources(flags);
  const revision = flags.int('revision');
  if (revision < 0) throw new CliError(`revision must be a positive integer: ${revision}`);
  const { objects, errors } = resolveTargets(ctx, flags, {
    args: flags.args,
    allowEmptySelector: true,
    selector: flags.string('selector'),
  });
  // v1.33 visits every object in turn (ContinueOnError): each one's status, watched until done
  // unless --watch=false; errors are collected and reported at the end.
  for (const found of objects) {
    try {
      requireStatusViewer(typeOf(found));
      // The watch lists the object afresh when its turn comes.
      const obj = ctx.cluster.store.get('Deployment', found.metadata.namespace, found.metadata.name) ?? found;
      waitForRollout(ctx, obj as Deployment, {
        revision,
        watch: flags.bool('watch'),
        timeoutMs: flags.duration('timeout'),
      });
    } catch (e) {
      // Without --timeout kubectl would still be waiting: nothing after this object happens.
      if (e instanceof RolloutWaitBudgetError) throw e;
      errors.push(e as Error);
    }
  }
  const err = combineErrors(errors);
  if (err) throw err;
  if (objects.length === 0) ctx.io.err(`No resources found in ${ctx.namespace} namespace.\n`);
}

// ---- history ----

export function runRolloutHistory(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize', 'template']);
  requireResources(flags);
  const revision = flags.int('revision');
  if (revision < 0) throw new CliError(`revision must be a positive integer: ${revision}`);
  const output = flags.string('output');
  const format = mutationFormat(output);
  const { objects, errors } = resolveTargets(ctx, flags, {
    args: flags.args,
    allowEmptySelector: true,
    selector: flags.string('selector'),
  });
  for (const obj of objects) {
    try {
      requireVisitorHelper(typeOf(obj), 'history viewer');
      const d = obj as Deployment;
      if (output !== '') ctx.io.out(printRevisionObjects(ctx, d, revision, format));
      else {
        const info = viewDeploymentHistory(ctx.cluster.store, d, revision);
        const withRevision = revision > 0 ? `with revision #${revision}` : '';
        ctx.io.out(printName(obj, `${withRevision}\n${info}`));
      }
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = combineErrors(errors);
  if (err) throw err;
}

/** `rollout history -o …`: the ReplicaSets themselves (GetHistory), one revision or all in order. */
function printRevisionObjects(
  ctx: CommandContext,
  d: Deployment,
  revision: number,
  format: OutputFormat,
): string {
  const history = revisionReplicaSets(ctx.cluster.store, d);
  let chosen: KubeObject[];
  if (revision > 0) {
    const rs = history.get(BigInt(revision));
    if (!rs) throw new CliError('unable to find the specified revision');
    chosen = [rs];
  } else {
    chosen = [...history.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((r) => history.get(r)!);
  }
  // Each object goes through the printer on its own; the YAML printer separates documents.
  return chosen
    .map(
      (o, i) =>
        (format.kind === 'yaml' && i > 0 ? '---\n' : '') + printGeneric(format, [typedReplicaSet(o)], true),
    )
    .join('');
}

/**
 * GetHistory reads the ReplicaSets with the typed client, so they print as Go structs encode:
 * the pod template's zero metav1.Time comes out as `creationTimestamp: null`.
 */
function typedReplicaSet(rs: KubeObject): KubeObject {
  const template = (rs as ReplicaSet).spec?.template;
  if (!template || template.metadata?.creationTimestamp !== undefined) return rs;
  const copy = clone(rs) as ReplicaSet;
  copy.spec!.template!.metadata = { creationTimestamp: null as unknown as string, ...template.metadata };
  return copy;
}

// ---- undo ----

export function runRolloutUndo(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize', 'template']);
  requireResources(flags);
  const dryRun = dryRunStrategy(flags);
  const format = mutationFormat(flags.string('output'));
  const { objects, errors } = resolveTargets(ctx, flags, {
    args: flags.args,
    allowEmptySelector: true,
    selector: flags.string('selector'),
  });
  for (const obj of objects) {
    try {
      requireVisitorHelper(typeOf(obj), 'rollbacker');
      const result = rollbackDeployment(
        ctx.cluster.store,
        obj as Deployment,
        flags.int('to-revision'),
        dryRun,
      );
      ctx.io.out(printMutation(obj, withDryRun(result, dryRun), format));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = combineErrors(errors);
  if (err) throw err;
}

// ---- pause, resume, restart ----

interface ObjectPatch {
  /** The changed copy, or a refusal. */
  readonly mutate: (obj: KubeObject, ctx: CommandContext) => KubeObject;
  /** What an unchanged object means: a line to print, or an error. */
  readonly unchanged: (obj: KubeObject) => { print: string } | { error: Error };
  readonly operation: string;
}

/**
 * The shared body of pause, resume and restart: set.CalculatePatches with the object function,
 * then a strategic merge patch per object; errors are collected and reported at the end.
 */
function runObjectPatch(ctx: CommandContext, flags: ParsedFlags, patch: ObjectPatch): void {
  rejectUnsupported(flags, ['kustomize', 'template']);
  requireResources(flags);
  const format = mutationFormat(flags.string('output'));
  const { objects, errors } = resolveTargets(ctx, flags, {
    args: flags.args,
    allowEmptySelector: true,
    selector: flags.string('selector'),
  });
  if (objects.length === 0 && errors.length === 0) {
    ctx.io.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return;
  }
  for (const obj of objects) {
    const type = typeOf(obj);
    const resource = type.group ? `${type.plural}.${type.group}` : type.plural;
    let next: KubeObject;
    try {
      next = patch.mutate(obj, ctx);
    } catch (e) {
      if (!(e instanceof MutatorRefusal)) throw e;
      errors.push(new CliError(`error: ${resource} ${JSON.stringify(obj.metadata.name)} ${e.message}`));
      continue;
    }
    if (deepEqual(next, obj)) {
      const outcome = patch.unchanged(obj);
      if ('error' in outcome) errors.push(outcome.error);
      else ctx.io.out(printMutation(obj, outcome.print, format));
      continue;
    }
    let updated: KubeObject;
    try {
      updated = ctx.cluster.store.update(next);
    } catch (e) {
      errors.push(new CliError(`failed to patch: ${(e as Error).message}`));
      continue;
    }
    ctx.io.out(printMutation(updated, patch.operation, format));
  }
  const err = combineErrors(errors);
  if (err) throw err;
}

export function runRolloutPause(ctx: CommandContext, flags: ParsedFlags): void {
  runObjectPatch(ctx, flags, {
    mutate: pauseObject,
    unchanged: () => ({ print: 'already paused' }),
    operation: 'paused',
  });
}

export function runRolloutResume(ctx: CommandContext, flags: ParsedFlags): void {
  runObjectPatch(ctx, flags, {
    mutate: resumeObject,
    unchanged: () => ({ print: 'already resumed' }),
    operation: 'resumed',
  });
}

export function runRolloutRestart(ctx: CommandContext, flags: ParsedFlags): void {
  runObjectPatch(ctx, flags, {
    mutate: (obj, c) => restartObject(obj, c.cluster.now),
    unchanged: (obj) => ({
      error: new CliError(
        `failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
      ),
    }),
    operation: 'restarted',
  });
}

export const ROLLOUT_COMMAND: Command = {
  name: 'rollout',
  flags: [],
  run: runRollout,
  subcommands: [
    { name: 'history', flags: ROLLOUT_HISTORY_FLAGS, run: runRolloutHistory },
    { name: 'pause', flags: ROLLOUT_OBJECT_FLAGS, run: runRolloutPause },
    { name: 'restart', flags: ROLLOUT_OBJECT_FLAGS, run: runRolloutRestart },
    { name: 'resume', flags: ROLLOUT_OBJECT_FLAGS, run: runRolloutResume },
    { name: 'status', flags: ROLLOUT_STATUS_FLAGS, run: runRolloutStatus },
    { name: 'undo', flags: ROLLOUT_UNDO_FLAGS, run: runRolloutUndo },
  ],
};
