import type { Container } from '../../api/types.js';
import { expandCommandOnlyStatic } from './expansion.js';
import type { ContainerInstance } from './runtime.js';

/** What running a container's preStop hook took, and whether it failed. */
export interface PreStopResult {
  /** Whole seconds the hook took, as executePreStopHook measures them (truncated). */
  readonly elapsedSeconds: number;
  /** Simulated ms the hook ran; SIGTERM follows it. */
  readonly elapsedMs: number;
  readonly failed: boolean;
}

/**
 * kuberuntime's executePreStopHook: runs the hook (exec in the container, or the `sleep` action)
 * and waits for it at most the grace period. The kubelet then takes the hook's time off the grace
 * period before SIGTERM. Simplified: an exec hook runs in the container's file system at the
 * instant of the kill, in its own virtual time (as kubectl exec does); httpGet hooks are sent to
 * the container's own listener and take no time.
 */
export function runPreStopHook(
  instance: ContainerInstance,
  container: Container,
  graceSeconds: number,
): PreStopResult | undefined {
  const hook = container.lifecycle?.preStop;
  if (!hook || graceSeconds <= 0) return undefined;
  const graceMs = graceSeconds * 1000;
  if (hook.sleep) {
    const ms = Math.min(hook.sleep.seconds * 1000, graceMs);
    return { elapsedMs: ms, elapsedSeconds: Math.floor(ms / 1000), failed: false };
  }
  if (hook.exec) {
    const process = instance.process;
    if (!process) return { elapsedMs: 0, elapsedSeconds: 0, failed: true };
    const command = expandCommandOnlyStatic(hook.exec.command ?? [], container.env);
    const outcome = process.exec(command, { timeoutMs: graceMs });
    const ms = Math.min(outcome.elapsedMs, graceMs);
    const failed = outcome.startError !== undefined || outcome.timedOut || outcome.exitCode !== 0;
    return { elapsedMs: ms, elapsedSeconds: Math.floor(ms / 1000), failed };
  }
  if (hook.httpGet) {
    const port = typeof hook.httpGet.port === 'number' ? hook.httpGet.port : Number(hook.httpGet.port);
    const answer = instance.process?.httpGet(port, hook.httpGet.path || '/');
    const failed = !answer || answer.kind !== 'response' || answer.status >= 400;
    return { elapsedMs: 0, elapsedSeconds: 0, failed };
  }
  return undefined;
}
