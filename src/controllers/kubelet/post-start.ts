/**
 * A container's postStart hook (kuberuntime startContainer, step 4). The kubelet runs the hook
 * right after the runtime started the container, inside the SyncPod pass, and waits for it: the
 * pass neither writes a status nor starts the next container until the hook returns, so the
 * container stays Waiting (ContainerCreating) meanwhile. When the hook fails, the kubelet records
 * `FailedPostStartHook` ("PostStartHook failed": the message stays out of the event), kills the
 * container (killContainer with message and reason FailedPostStartHook, which runs preStop too)
 * and waits for it to stop; the start then fails with PostStartHookError and the hook's message,
 * which the container shows as its waiting reason until the next pass restarts it with back-off.
 * A successful hook records nothing.
 *
 * The hook is never timed out: an exec that does not end blocks the pod for good. Deleting the
 * pod cancels the pass's context, which makes the hook fail (and the kill attempted with the
 * cancelled context records its event and stops nothing); SyncTerminatingPod then stops the
 * container as usual. Simplified: the preStop hook of that cancelled kill is not run.
 */
import type { Container, Pod } from '../../api/types.js';
import type { SimClock, SimTimer } from '../../core/clock.js';
import {
  execKilledError,
  type HookTarget,
  type LifecycleHandler,
  runLifecycleHandler,
} from './lifecycle-hooks.js';
import type { ContainerRecord } from './runtime.js';

/** kuberuntime reasonFailedPostStartHook; also the Killing event's message. */
export const FAILED_POST_START_HOOK = 'FailedPostStartHook';
/** kuberuntime ErrPostStartHook: the waiting reason of a container whose hook failed. */
export const POST_START_HOOK_ERROR = 'PostStartHookError';

/** What a running hook needs from its pod worker. */
export interface PostStartHost {
  readonly clock: SimClock;
  /** Names the hook's timer. */
  readonly label: string;
  record(type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** killContainer: the Killing event with `message`, preStop, SIGTERM, SIGKILL after the grace period. */
  kill(graceSeconds: number, message: string): void;
  /** The hook (and the kill after a failure) is over: the waiting pass goes on. */
  resume(failed: boolean): void;
}

/** How the hook ended when it ended at once. */
export type PostStartResult = 'passed' | 'failed' | 'waiting';

/** kuberuntime minimumGracePeriodInSeconds. */
const MIN_GRACE_SECONDS = 2;

/** The reason a container is killed for (kuberuntime containerKillReason). */
export type KillReason = 'StartupProbe' | 'LivenessProbe' | 'FailedPostStartHook' | 'Unknown';

/**
 * kuberuntime setTerminationGracePeriod: the pod's deletion grace period when it is being
 * deleted, else its terminationGracePeriodSeconds, where a liveness or startup kill prefers the
 * probe's own terminationGracePeriodSeconds; with neither set, the 2 s minimum.
 */
export function killGracePeriod(pod: Pod, container: Container, reason: KillReason): number {
  const deletion = pod.metadata.deletionGracePeriodSeconds;
  if (deletion !== undefined && deletion !== null) return deletion;
  const podGrace = pod.spec?.terminationGracePeriodSeconds;
  if (podGrace === undefined || podGrace === null) return MIN_GRACE_SECONDS;
  const probe =
    reason === 'StartupProbe'
      ? container.startupProbe
      : reason === 'LivenessProbe'
        ? container.livenessProbe
        : undefined;
  return probe?.terminationGracePeriodSeconds ?? podGrace;
}

/** One container instance's postStart hook, from its start to the end of the kill a failure causes. */
export class PostStartHook {
  private state: 'running' | 'killing' | 'done' = 'running';
  private timer: SimTimer | undefined;

  constructor(
    private readonly host: PostStartHost,
    private readonly handler: LifecycleHandler,
    private readonly target: HookTarget,
    private readonly record: ContainerRecord,
  ) {}

  /**
   * Runs the handler. 'passed' or 'failed' when it is over at once (a failure whose container has
   * already stopped needs no kill to wait for); 'waiting' when the pass must wait for `resume`.
   */
  start(): PostStartResult {
    const process = this.target.instance.process;
    process?.onExit(() => this.containerExited());
    const outcome = runLifecycleHandler(this.handler, this.target);
    if (outcome.unfinished) return 'waiting';
    if (outcome.elapsedMs === 0) {
      if (outcome.error === undefined) {
        this.state = 'done';
        return 'passed';
      }
      return this.fail(outcome.error) ? 'waiting' : 'failed';
    }
    this.timer = this.host.clock.schedule(
      () => {
        this.timer = undefined;
        if (this.state !== 'running') return;
        if (outcome.error === undefined) this.finish(false);
        else if (!this.fail(outcome.error)) this.finish(true);
      },
      outcome.elapsedMs,
      `${this.host.label} postStart`,
    );
    return 'waiting';
  }

  /**
   * The pass is cancelled (the pod is being deleted, or is gone when `quiet`): a running hook
   * fails as its context ends; a kill already under way goes on by itself.
   */
  cancel(quiet = false): void {
    const wasRunning = this.state === 'running';
    this.state = 'done';
    this.timer?.cancel();
    this.timer = undefined;
    if (!wasRunning || quiet) return;
    this.host.record('Warning', FAILED_POST_START_HOOK, 'PostStartHook failed');
    this.host.record('Normal', 'Killing', FAILED_POST_START_HOOK);
  }

  private containerExited(): void {
    if (this.state === 'killing') {
      this.finish(true);
      return;
    }
    // An exec's processes die with the container; a sleep goes on regardless of it.
    if (this.state !== 'running' || !this.handler.exec) return;
    this.timer?.cancel();
    this.timer = undefined;
    if (!this.fail(execKilledError(this.handler, this.target))) this.finish(true);
  }

  /**
   * The hook failed: the event, the waiting reason, and killContainer. True when the pass must
   * wait for the container to stop; false when it had already stopped (the kill only records).
   */
  private fail(message: string): boolean {
    this.host.record('Warning', FAILED_POST_START_HOOK, 'PostStartHook failed');
    this.record.failure = { reason: POST_START_HOOK_ERROR, message };
    const { pod, container, instance } = this.target;
    if (!instance.process?.running) {
      this.host.record('Normal', 'Killing', FAILED_POST_START_HOOK);
      this.state = 'done';
      return false;
    }
    this.state = 'killing';
    this.host.kill(killGracePeriod(pod, container, 'FailedPostStartHook'), FAILED_POST_START_HOOK);
    return true;
  }

  private finish(failed: boolean): void {
    this.state = 'done';
    this.host.resume(failed);
  }
}
