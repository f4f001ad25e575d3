/**
 * `kubectl rollout status`'s wait (k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go): an informer
 * on the one Deployment (watchtools.UntilWithSync). The listed object counts as an Added event,
 * then every stored change of the object is a Modified event; the status viewer's line is printed
 * for each, repeats included, until the rollout is done, the viewer fails, the object is deleted
 * or --timeout passes. Waiting lets simulated time pass; nothing polls.
 *
 * kubectl without --timeout waits forever. kubesim bounds that wait by a scenario budget of
 * simulated time and then fails with a message that says so.
 */
import type { Deployment } from '../../api/types.js';
import { formatDuration } from '../../core/duration.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { deploymentStatus } from './status-viewer.js';

/** How long `rollout status` waits without --timeout: one hour of simulated time. */
export const ROLLOUT_STATUS_BUDGET_MS = 3_600_000;

export interface StatusWaitOptions {
  /** --revision: 0 follows the latest revision. */
  readonly revision: number;
  /** --watch: false prints the current line and stops. */
  readonly watch: boolean;
  /** --timeout in ms; 0 means none (the budget applies). */
  readonly timeoutMs: number;
}

type Outcome = { readonly done: true } | { readonly error: Error };

/** kubesim gave up where kubectl, without --timeout, would wait forever. */
export class RolloutWaitBudgetError extends CliError {}

export function waitForRollout(ctx: CommandContext, d: Deployment, opts: StatusWaitOptions): void {
  const print = (obj: Deployment): boolean => {
    const status = deploymentStatus(obj, opts.revision);
    ctx.io.out(status.message);
    return status.done;
  };
  // The list: one Added event for the object as it is now.
  if (print(d) || !opts.watch) return;

  const { store } = ctx.cluster;
  const { namespace, name } = d.metadata;
  let outcome: Outcome | undefined;
  const stop = store.watch('Deployment', (event) => {
    if (outcome || event.object.metadata.namespace !== namespace || event.object.metadata.name !== name)
      return;
    if (event.type === 'DELETED') {
      // kubectl stops rather than silently watching a re-created object of the same name.
      outcome = { error: new CliError('object has been deleted') };
      return;
    }
    try {
      if (print(event.object)) outcome = { done: true };
    } catch (e) {
      outcome = { error: e as Error };
    }
  });
  try {
    const limit = opts.timeoutMs > 0 ? opts.timeoutMs : ROLLOUT_STATUS_BUDGET_MS;
    ctx.cluster.advanceUntil(() => outcome !== undefined, limit);
  } finally {
    stop();
  }
  if (outcome && 'error' in outcome) throw outcome.error;
  if (outcome) return;
  if (opts.timeoutMs > 0) throw new CliError('timed out waiting for the condition');
  throw new RolloutWaitBudgetError(
    `kubesim stopped waiting after ${formatDuration(ROLLOUT_STATUS_BUDGET_MS)} of simulated time: ` +
      `deployment ${JSON.stringify(name)} has not finished rolling out (kubectl would wait forever; ` +
      'pass --timeout to choose how long to wait)',
  );
}
