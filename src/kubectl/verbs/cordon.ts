/**
 * `kubectl cordon NODE` and `kubectl uncordon NODE` (k8s.io/kubectl/pkg/cmd/drain drain.go
 * RunCordonOrUncordon and pkg/drain/cordon.go, v1.33): set or clear the Node's
 * spec.unschedulable, on named nodes or the nodes matching -l, and print `node/NAME cordoned`
 * (`already cordoned` when there is nothing to change; ` (dry run)` with --dry-run). The node
 * lifecycle controller then adds or removes the node.kubernetes.io/unschedulable taint.
 * `kubectl drain` (drain.ts) cordons with the same code.
 */
import type { Node } from '../../api/types.js';
import type { CommandContext } from '../context.js';
import { combineErrors, usageError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import type { OutputFormat } from '../printers/output.js';
import { mutationFormat, PRINT_FLAGS, printMutation } from '../rollout/print.js';
import { DRY_RUN_FLAG, type DryRun, dryRunStrategy, withDryRun } from './common.js';
import { targetNodes } from './taint.js';

export const CORDON_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  { name: 'selector', short: 'l', type: 'string' },
];

export function runCordon(ctx: CommandContext, flags: ParsedFlags): void {
  setUnschedulable(ctx, flags, 'cordon', true);
}

export function runUncordon(ctx: CommandContext, flags: ParsedFlags): void {
  setUnschedulable(ctx, flags, 'uncordon', false);
}

function setUnschedulable(ctx: CommandContext, flags: ParsedFlags, verb: string, desired: boolean): void {
  const dryRun = dryRunStrategy(flags);
  const selector = flags.string('selector');
  if (flags.args.length === 0 && selector === '') {
    throw usageError(`kubectl ${verb}`, `USAGE: ${verb} NODE [flags]`);
  }
  const format = mutationFormat(flags.string('output'));
  const { nodes, errors } = targetNodes(ctx, flags.args, selector, false);
  cordonNodes(ctx, nodes, desired, dryRun, format);
  const err = combineErrors(errors);
  if (err) throw err;
}

/**
 * RunCordonOrUncordon's loop (drain.go), shared with `kubectl drain`: set or clear
 * spec.unschedulable on each node and print its line. A server dry run changes nothing either:
 * it prints the node as the patch would leave it.
 */
export function cordonNodes(
  ctx: CommandContext,
  nodes: readonly Node[],
  desired: boolean,
  dryRun: DryRun,
  format: OutputFormat,
): void {
  const done = desired ? 'cordoned' : 'uncordoned';
  for (const node of nodes) {
    // CordonHelper.UpdateIfRequired: nothing to do when the node already is as desired.
    if ((node.spec?.unschedulable ?? false) === desired) {
      ctx.io.out(printMutation(node, withDryRun(`already ${done}`, dryRun), format));
      continue;
    }
    let shown: Node = node;
    if (dryRun === 'none') {
      shown = ctx.cluster.store.mutate('Node', undefined, node.metadata.name, (draft) => {
        draft.spec = { ...(draft.spec ?? {}) };
        if (desired) draft.spec.unschedulable = true;
        else delete draft.spec.unschedulable;
      });
    } else if (dryRun === 'server') {
      const spec = { ...(node.spec ?? {}) };
      if (desired) spec.unschedulable = true;
      else delete spec.unschedulable;
      shown = { ...node, spec };
    }
    ctx.io.out(printMutation(shown, withDryRun(done, dryRun), format));
  }
}
