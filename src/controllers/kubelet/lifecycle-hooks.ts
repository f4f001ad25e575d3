/**
 * The kubelet's lifecycle handler runner (pkg/kubelet/lifecycle/handlers.go handlerRunner.Run),
 * shared by postStart (kuberuntime startContainer) and preStop (executePreStopHook):
 * - exec: the command as written (no `$(VAR)` expansion, unlike exec probes) through the CRI's
 *   ExecSync with no timeout; it fails when it cannot start, exits non-zero, or the container is
 *   not running;
 * - httpGet: a GET from the node with `User-Agent: kube-lifecycle/1.33`; only a transport error
 *   fails it (the kubelet's plain http.Client returns no error for a 404 or a 500);
 * - sleep: waits `seconds`, and fails only if the wait is cut short;
 * - anything else (the deprecated tcpSocket) is `invalid handler`.
 * The failure texts are handlers.go's; the kubelet keeps them out of events (they may hold
 * secrets) and shows them as the container's waiting message.
 *
 * Simplified: an exec handler runs to its end in the container's virtual time at the instant it
 * starts (as kubectl exec does), so its effects land at once and only its duration is waited for;
 * an HTTPS handler is sent as HTTP (no TLS, so no LifecycleHTTPFallback); a redirect to another
 * host is not followed (as the prober's client does; the kubelet's plain client would follow it).
 */
import type { Container, Pod } from '../../api/types.js';
import { doHTTPProbe, type Reach } from './probe-http.js';
import { formatURL, newProbeRequest, v1HeaderToHTTPHeader } from './probe-request.js';
import type { ContainerInstance } from './runtime.js';
import { containerExecError } from './streams.js';

export type LifecycleHandler = NonNullable<NonNullable<Container['lifecycle']>['postStart']>;

/** `kube-lifecycle/<major>.<minor>` (pkg/probe/http/request.go userAgent with purpose "lifecycle"). */
export const LIFECYCLE_USER_AGENT = 'kube-lifecycle/1.33';

/** What a handler runs against: the container's newest instance in its pod. */
export interface HookTarget {
  readonly pod: Pod;
  readonly container: Container;
  readonly instance: ContainerInstance;
  /** The pod IP: an httpGet handler's host when it names none. */
  readonly podIP: string | undefined;
  /** The process listening at host:port as the node reaches it. */
  readonly reach: Reach;
}

/** What running a handler took and whether it failed. */
export interface HandlerOutcome {
  /** Simulated ms the handler runs (at most the limit). */
  readonly elapsedMs: number;
  /** It was still running when the limit came (an exec or sleep longer than the caller waits). */
  readonly unfinished: boolean;
  /** handlers.go Run's message when the handler failed. */
  readonly error?: string;
}

/** The longest an exec handler runs in kubesim (exec.ts's limit): an hour of simulated time. */
export const HOOK_EXEC_LIMIT_MS = 3_600_000;

/** A redirect chain or answer delays never add up to this: the handler's client has no timeout. */
const NO_TIMEOUT_MS = Number.MAX_SAFE_INTEGER;

/**
 * handlers.go Run. `limitMs` is how long the caller waits (preStop: the grace period); postStart
 * waits for ever (an exec still running after kubesim's exec limit of an hour never ends).
 */
export function runLifecycleHandler(
  handler: LifecycleHandler,
  target: HookTarget,
  limitMs?: number,
): HandlerOutcome {
  const where = hookWhere(target);
  if (handler.exec) {
    const command = handler.exec.command ?? [];
    const run = execHandler(command, target.instance, limitMs);
    if (run.error === undefined) return { elapsedMs: run.elapsedMs, unfinished: run.unfinished };
    const error =
      `Exec lifecycle hook ([${command.join(' ')}]) ${where} failed - error: ${run.error}, ` +
      `message: ${JSON.stringify(run.output)}`;
    return { elapsedMs: run.elapsedMs, unfinished: run.unfinished, error };
  }
  if (handler.httpGet) {
    const error = httpHandler(handler.httpGet, target);
    if (error === undefined) return { elapsedMs: 0, unfinished: false };
    return {
      elapsedMs: 0,
      unfinished: false,
      error: `HTTP lifecycle hook (${handler.httpGet.path ?? ''}) ${where} failed - error: ${error}`,
    };
  }
  if (handler.sleep) {
    const ms = handler.sleep.seconds * 1000;
    return limitMs !== undefined && ms > limitMs
      ? { elapsedMs: limitMs, unfinished: true }
      : { elapsedMs: ms, unfinished: false };
  }
  return {
    elapsedMs: 0,
    unfinished: false,
    error: `Cannot run handler: invalid handler: ${goHandler(handler)}`,
  };
}

/**
 * The exec handler's error when the container stops while the command runs: its processes die
 * with the container, and ExecSync reports the SIGKILL's exit code.
 */
export function execKilledError(handler: LifecycleHandler, target: HookTarget): string {
  const command = handler.exec?.command ?? [];
  return (
    `Exec lifecycle hook ([${command.join(' ')}]) ${hookWhere(target)} failed - error: ` +
    `command '${command.join(' ')}' exited with 137: , message: ""`
  );
}

interface ExecRun extends HandlerOutcome {
  readonly output: string;
}

/**
 * kuberuntime RunInContainer over ExecSync: stdout then stderr as the output; a non-zero exit is
 * `command '<argv joined>' exited with N: <stderr>` (cri-client's CodeExitError).
 */
function execHandler(
  command: readonly string[],
  instance: ContainerInstance,
  limitMs: number | undefined,
): ExecRun {
  const process = instance.process;
  if (!process?.running) {
    // containerd's ExecSync refuses a container that is not running.
    return {
      elapsedMs: 0,
      unfinished: false,
      output: '',
      error:
        'rpc error: code = Unknown desc = failed to exec in container: container is in CONTAINER_EXITED state',
    };
  }
  const timeoutMs = Math.min(limitMs ?? HOOK_EXEC_LIMIT_MS, HOOK_EXEC_LIMIT_MS);
  const outcome = process.exec(command, { timeoutMs });
  if (outcome.startError !== undefined) {
    return {
      elapsedMs: 0,
      unfinished: false,
      output: '',
      error: containerExecError(instance, outcome.startError, true),
    };
  }
  const output = outcome.stdout + outcome.stderr;
  if (outcome.timedOut) return { elapsedMs: timeoutMs, unfinished: true, output };
  const elapsedMs = Math.min(outcome.elapsedMs, timeoutMs);
  if (outcome.exitCode === 0) return { elapsedMs, unfinished: false, output };
  const error = `command '${command.join(' ')}' exited with ${outcome.exitCode}: ${outcome.stderr}`;
  return { elapsedMs, unfinished: false, output, error };
}

type HttpGetAction = NonNullable<LifecycleHandler['httpGet']>;

/** runHTTPHandler: the Go client's error text, or undefined when any HTTP answer came back. */
function httpHandler(action: HttpGetAction, target: HookTarget): string | undefined {
  const host = action.host || target.podIP;
  if (!host) return 'failed to find networking container';
  const port = resolveContainerPort(action.port, target.container);
  if (typeof port === 'string') return port;
  const scheme = (action.scheme ?? '').toLowerCase() || 'http';
  const url = formatURL(scheme, host, port, action.path ?? '');
  const header = v1HeaderToHTTPHeader(action.httpHeaders ?? []);
  if (!header.has('User-Agent')) header.set('User-Agent', [LIFECYCLE_USER_AGENT]);
  const outcome = doHTTPProbe(newProbeRequest(url, header), NO_TIMEOUT_MS, target.reach);
  // The prober judges the status; the lifecycle client only fails when no answer came.
  if (outcome.result !== 'Failure' || outcome.output.startsWith('HTTP probe failed with statuscode:')) {
    return undefined;
  }
  return outcome.output;
}

/**
 * pkg/probe ResolveContainerPort: a number, a named container port, or a number written as a
 * string; the port must be 1-65535. Returns Go's error text for anything else.
 */
export function resolveContainerPort(port: number | string, container: Container): number | string {
  let resolved: number;
  if (typeof port === 'number') resolved = port;
  else {
    const named = container.ports?.find((p) => p.name === port)?.containerPort;
    if (named !== undefined) resolved = named;
    else if (/^[+-]?\d+$/.test(port)) resolved = Number(port);
    else return `strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`;
  }
  if (resolved > 0 && resolved < 65536) return resolved;
  return `invalid port number: ${resolved}`;
}

/** `for Container "c" in Pod "name_namespace(uid)"` (format.Pod). */
function hookWhere({ container, pod }: HookTarget): string {
  return `for Container ${JSON.stringify(container.name)} in Pod ${JSON.stringify(formatPod(pod))}`;
}

/** format.Pod: `name_namespace(uid)`. */
function formatPod(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? ''}(${pod.metadata.uid ?? ''})`;
}

/** Go's %v of the generated LifecycleHandler String() for a handler with no supported action. */
function goHandler(handler: LifecycleHandler): string {
  const tcp = handler.tcpSocket;
  const port = (p: number | string) => (typeof p === 'number' ? `{0 ${p} }` : `{1 0 ${p}}`);
  const tcpText = tcp ? `&TCPSocketAction{Port:${port(tcp.port)},Host:${tcp.host ?? ''},}` : 'nil';
  return `&LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:${tcpText},Sleep:nil,}`;
}
