import { type HookTarget, runLifecycleHandler } from './lifecycle-hooks.js';

/** What running a container's preStop hook took, and whether it failed. */
export interface PreStopResult {
  /** Whole seconds the hook took, as executePreStopHook measures them (truncated). */
  readonly elapsedSeconds: number;
  /** Simulated ms the hook ran; SIGTERM follows it. */
  readonly elapsedMs: number;
  readonly failed: boolean;
}

/**
 * kuberuntime's executePreStopHook: runs the hook (lifecycle-hooks.ts) and waits for it at most
 * the grace period. The kubelet then takes the hook's time off the grace period before SIGTERM.
 * An exec hook still running when the grace period ends is reported failed at once (on a node
 * its ExecSync fails when SIGKILL ends the container, a grace period later).
 */
export function runPreStopHook(target: HookTarget, graceSeconds: number): PreStopResult | undefined {
  const hook = target.container.lifecycle?.preStop;
  if (!hook || graceSeconds <= 0) return undefined;
  const outcome = runLifecycleHandler(hook, target, graceSeconds * 1000);
  const failed = outcome.error !== undefined || (outcome.unfinished && hook.exec !== undefined);
  return { elapsedMs: outcome.elapsedMs, elapsedSeconds: Math.floor(outcome.elapsedMs / 1000), failed };
}
