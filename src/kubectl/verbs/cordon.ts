/**
 * `kubectl cordon NODE` and `kubectl uncordon NODE` (k8s.io/kubectl/pkg/cmd/drain drain.go
 * RunCordonOrUncordon and pkg/drain/cordon.go, v1.33): set or clear the Node's
 * spec.unschedulable, on named nodes or the nodes matching -l, and print `node/NAME cordoned`
 * (`already cordoned` when there is nothing to change; ` (dry run)` with --dry-run). The node
 * lifecycle controller then adds or removes the node.kubernetes.io/unschedulable taint.
 * `kubectl drain` is not simulated.
 */
import type { Node } from '../../api/types.js';
import type { CommandContext } from '../context.js';
import { combineErrors, usageError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { mutationFormat, PRINT_FLAGS, printMutation } from '../rollout/print.js';
import { DRY_RUN_FLAG, dryRunStrategy, withDryRun } from './common.js';
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
  const done = desired ? 'cordoned' : 'uncordoned';
  const { nodes, errors } = targetNodes(ctx, flags.args, selector, false);
  for (const node of nodes) {
    // CordonHelper.UpdateIfRequired: nothing to do when the node already is as desired.
    if ((node.spec?.unschedulable ?? false) === desired) {
      ctx.io.out(printMutation(node, withDryRun(`already ${done}`, dryRun), format));
      continue;
    }
    let shown: Node = node;
    if (dryRun !== 'client') {
      shown = ctx.cluster.store.mutate('Node', undefined, node.metadata.name, (draft) => {
        draft.spec = { ...(draft.spec ?? {}) };
        if (desired) draft.spec.unschedulable = true;
        else delete draft.spec.unschedulable;
      });
    }
    ctx.io.out(printMutation(shown, withDryRun(done, dryRun), format));
  }
  const err = combineErrors(errors);
  if (err) throw err;
}
