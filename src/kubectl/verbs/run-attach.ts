/**
 * What `kubectl run -i/-t/--attach` does after creating its pod (run.go handleAttachPod, waitForPod
 * and the exit-code switch; attach.go Run; v1.33), in simulated time:
 *
 *  1. Wait (at most --pod-running-timeout, 1m by default) until the pod is Running and Ready, or
 *     has completed. Every stored change of the pod counts, as kubectl's watch sees each one.
 *  2. A pod that completed first: print its container's log (the logs fallback).
 *     Otherwise attach: `If you don't see a command prompt, try pressing enter.` on stderr
 *     (unless -q), then the container's output from that moment until the container ends.
 *  3. With --restart=Never (or OnFailure), wait again until the pod has completed (succeeded) and
 *     exit with the container's exit code: `pod default/NAME terminated (Error)` on stderr.
 *
 * kubesim has no terminal, so it plays a user at one who types nothing: with -t the session is a
 * raw terminal (stdout and stderr arrive merged on stdout; with --restart=Always the session ends
 * with kubectl's `Session ended, resume using …` line), and nothing is ever typed into stdin. A
 * container that has not ended after --pod-running-timeout of attached simulated time is left
 * (kubesim says so on stderr), as if the user had detached. Output reaches kubesim's stdout as log
 * lines, with `\n` line ends (a real terminal shows `\r\n`).
 */
import type { Pod } from '../../api/types.js';
import { containerLogs } from '../../controllers/kubelet/streams.js';
import { formatDuration } from '../../core/duration.js';
import { notFound } from '../../core/errors.js';
import type { LogLine } from '../../images/container-log.js';
import type { CommandContext } from '../context.js';
import { CliError, RenderedError } from '../errors.js';
import { kubeletFor } from './container-target.js';

/** What the session needs to know about the run. */
export interface RunSession {
  readonly pod: Pod;
  readonly container: string;
  readonly interactive: boolean;
  readonly tty: boolean;
  readonly quiet: boolean;
  readonly restartPolicy: string;
  readonly leaveStdinOpen: boolean;
  readonly timeoutMs: number;
}

/** uexec.CodeExitError: printed as it is, and kubectl exits with the container's code. */
export class ContainerExitError extends RenderedError {
  override name = 'ContainerExitError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const TIMED_OUT = 'timed out waiting for the condition';
const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

type Verdict = { readonly pod: Pod } | { readonly error: Error } | undefined;
type Condition = (type: 'ADDED' | 'MODIFIED' | 'DELETED', pod: Pod) => Verdict;

/** The watch's view of a deleted pod: NewNotFound(pods, ""). */
const deleted = (): Verdict => ({ error: notFound('pods', '') });

const isReady = (pod: Pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

/** podRunningAndReady, with ErrPodCompleted as a pod of its own (the logs fallback). */
const runningAndReadyOrCompleted: Condition = (type, pod) => {
  if (type === 'DELETED') return deleted();
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return { pod };
  if (phase === 'Running' && isReady(pod)) return { pod };
  return undefined;
};

const completed: Condition = (type, pod) => {
  if (type === 'DELETED') return deleted();
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' ? { pod } : undefined;
};

const succeeded: Condition = (type, pod) => {
  if (type === 'DELETED') return deleted();
  return pod.status?.phase === 'Succeeded' ? { pod } : undefined;
};

/**
 * waitForPod (watchtools.UntilWithSync): the pod's current state, then each change, until the
 * condition decides or the timeout passes.
 */
function waitForPod(ctx: CommandContext, pod: Pod, timeoutMs: number, condition: Condition): Pod {
  const { store } = ctx.cluster;
  const namespace = pod.metadata.namespace;
  const name = pod.metadata.name;
  const current = store.get('Pod', namespace, name);
  let verdict: Verdict = current ? condition('ADDED', current) : undefined;
  if (verdict === undefined) {
    const stop = store.watch('Pod', (event) => {
      const p = event.object;
      if (verdict !== undefined || p.metadata.namespace !== namespace || p.metadata.name !== name) return;
      verdict = condition(event.type, p);
    });
    try {
      ctx.cluster.advanceUntil(() => verdict !== undefined, timeoutMs);
    } finally {
      stop();
    }
  }
  const decided = verdict as Verdict;
  if (decided === undefined) throw new CliError(TIMED_OUT);
  if ('error' in decided) throw decided.error;
  return decided.pod;
}

/** Runs the session; throws kubectl's error (with the container's exit code) if it fails. */
export function attachAndWait(ctx: CommandContext, s: RunSession): void {
  const observed = waitForPod(ctx, s.pod, s.timeoutMs, runningAndReadyOrCompleted);
  const phase = observed.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    printLogs(ctx, observed, s.container);
  } else {
    attach(ctx, s, observed);
  }
  const waitForExitCode =
    !s.leaveStdinOpen && (s.restartPolicy === 'Never' || s.restartPolicy === 'OnFailure');
  if (!waitForExitCode) return;
  const pod = waitForPod(ctx, observed, s.timeoutMs, s.restartPolicy === 'OnFailure' ? succeeded : completed);
  if (pod.status?.phase === 'Succeeded') return;
  const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
  if (!terminated?.exitCode) throw new CliError(`pod ${ref} failed with unknown exit code`);
  throw new ContainerExitError(
    `pod ${ref} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`,
    terminated.exitCode,
  );
}

/** logOpts: the container's whole log, to stdout. */
function printLogs(ctx: CommandContext, pod: Pod, container: string): void {
  for (const line of logLines(ctx, pod, container, false)) ctx.io.out(`${line.text}\n`);
}

function logLines(ctx: CommandContext, pod: Pod, container: string, previous: boolean): readonly LogLine[] {
  const kubelet = kubeletFor(ctx, pod);
  if (!kubelet) return [];
  const result = containerLogs(kubelet, pod, container, previous);
  return 'lines' in result ? result.lines : [];
}

/**
 * AttachOptions.Run: the prompt hint, then the output of the running container instance from
 * now until it ends (or the pod goes), then the reattach hint of a raw terminal.
 */
function attach(ctx: CommandContext, s: RunSession, pod: Pod): void {
  const rawTerminal = s.interactive && s.tty;
  if (!s.quiet) ctx.io.err(PROMPT);
  const status = pod.status?.containerStatuses?.find((c) => c.name === s.container);
  const containerID = status?.containerID;
  const since = ctx.cluster.now;
  let lines: readonly LogLine[] = logLines(ctx, pod, s.container, false);
  let ended = false;
  const { store } = ctx.cluster;
  const namespace = pod.metadata.namespace;
  const name = pod.metadata.name;
  /** Follows the attached instance: its log while it runs, and when it is over. */
  const observe = (p: Pod | undefined) => {
    if (!p || p.metadata.uid !== pod.metadata.uid) {
      ended = true;
      return;
    }
    const st = p.status?.containerStatuses?.find((c) => c.name === s.container);
    if (st?.state?.running && st.containerID === containerID) {
      lines = logLines(ctx, p, s.container, false);
      return;
    }
    // The instance is over: its log is the current one, or the previous one once it restarted.
    ended = true;
    if (st?.state?.terminated?.containerID === containerID) lines = logLines(ctx, p, s.container, false);
    else if (st?.lastState?.terminated?.containerID === containerID)
      lines = logLines(ctx, p, s.container, true);
  };
  // The container may have ended already, in the instant kubectl saw it ready.
  observe(store.get('Pod', namespace, name));
  const stop = store.watch('Pod', (event) => {
    const p = event.object;
    if (ended || p.metadata.namespace !== namespace || p.metadata.name !== name) return;
    observe(event.type === 'DELETED' ? undefined : p);
  });
  let finished: boolean;
  try {
    finished = ended || ctx.cluster.advanceUntil(() => ended, s.timeoutMs);
  } finally {
    stop();
  }
  if (!finished) {
    const live = store.get('Pod', namespace, name);
    if (live) lines = logLines(ctx, live, s.container, false);
  }
  for (const line of lines) {
    if (line.at < since) continue;
    if (line.stream === 'stderr' && !rawTerminal) ctx.io.err(`${line.text}\n`);
    else ctx.io.out(`${line.text}\n`);
  }
  if (!finished) {
    ctx.io.err(
      `kubesim: detached after ${formatDuration(s.timeoutMs)} of simulated time: the container is still running\n`,
    );
  }
  if (!s.quiet && rawTerminal && s.restartPolicy === 'Always') {
    ctx.io.out(
      `Session ended, resume using 'kubectl attach ${name} -c ${s.container} -i -t' command when the pod is running\n`,
    );
  }
}
