import type {
  DnsAnswer,
  DnsRequest,
  HttpAnswer,
  HttpRequest,
  Signal,
  TcpAnswer,
  TcpRequest,
} from './effects.js';
import { argvToScript, type Invocation } from './invocation.js';
import { ShellProcess, type ShellProcessOptions } from './process.js';

/**
 * Runs a command to its end at once, answering its effects through callbacks: exec probes and
 * `kubectl exec`. Time is virtual: a `sleep 2` inside advances the exec's own clock by 2 s (so
 * `date` and $SECONDS see it) and counts against `timeoutMs`, but no simulated timer is set;
 * the caller decides what the elapsed time means (an exec probe that needs longer than its
 * timeoutSeconds fails with "command timed out").
 */

/** Answers to the network effects; a missing callback means the name does not resolve. */
export interface ExecDriver {
  http?(request: HttpRequest): HttpAnswer;
  tcp?(request: TcpRequest): TcpAnswer;
  dns?(request: DnsRequest): DnsAnswer;
}

export interface ExecOptions extends Omit<ShellProcessOptions, 'now' | 'output'> {
  /** Simulated time when the exec starts (default 0). */
  readonly startMs?: number;
  /** Give up after this much virtual time (default one hour); a sleep past it times out. */
  readonly timeoutMs?: number;
}

export interface ExecResult {
  /** undefined when the command did not finish within timeoutMs (or never would). */
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** Virtual time the command took (up to timeoutMs). */
  readonly elapsedMs: number;
  readonly signal?: Signal;
  /** The runtime could not start the program (`exec: "foo": executable file not found in $PATH`). */
  readonly startError?: string;
  readonly unsupportedApplets: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 3_600_000;

/**
 * `script` is `sh -c` text; an argv is classified like a container command (`["cat",
 * "/tmp/healthy"]` runs cat directly, `["sh", "-c", …]` a shell). Exec'd processes are not
 * PID 1 (default pid 8), so an untrapped SIGTERM would end them.
 */
export function runToCompletion(
  command: string | readonly string[] | Invocation,
  options: ExecOptions,
  driver: ExecDriver = {},
): ExecResult {
  const invocation =
    typeof command === 'string'
      ? argvToScript(['sh', '-c', command], options.shells)
      : isInvocation(command)
        ? command
        : argvToScript(command, options.shells);
  const start = options.startMs ?? 0;
  const limit = start + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let now = start;
  let stdout = '';
  let stderr = '';
  const proc = new ShellProcess(invocation, {
    pid: 8,
    ppid: 0,
    ...options,
    now: () => now,
    output: (fd, text) => {
      if (fd === 1) stdout += text;
      else stderr += text;
    },
  });
  const result = (exitCode: number | undefined, timedOut: boolean, signal?: Signal): ExecResult => ({
    exitCode,
    stdout,
    stderr,
    timedOut,
    elapsedMs: now - start,
    ...(signal ? { signal } : {}),
    ...(proc.startError ? { startError: proc.startError } : {}),
    unsupportedApplets: proc.unsupportedApplets,
  });
  if (proc.startError) return result(undefined, false);
  let step = proc.start();
  for (;;) {
    switch (step.type) {
      case 'exit':
        return result(step.code, false, step.signal);
      case 'sleep':
        if (step.until > limit) {
          now = limit;
          return result(undefined, true);
        }
        now = Math.max(now, step.until);
        step = proc.resume();
        break;
      case 'http': {
        const answer = driver.http?.(step.request) ?? { type: 'error', error: 'unresolvable' };
        if (!advance(answer.afterMs)) return result(undefined, true);
        step = proc.resume(answer);
        break;
      }
      case 'tcp': {
        const answer = driver.tcp?.(step.request) ?? { type: 'error', error: 'unresolvable' };
        if (!advance(answer.afterMs)) return result(undefined, true);
        step = proc.resume(answer);
        break;
      }
      case 'dns': {
        const answer = driver.dns?.(step.request) ?? { type: 'error', error: 'nxdomain' };
        if (!advance(answer.afterMs)) return result(undefined, true);
        step = proc.resume(answer);
        break;
      }
    }
  }

  function advance(ms = 0): boolean {
    now += ms;
    if (now > limit) {
      now = limit;
      return false;
    }
    return true;
  }
}

function isInvocation(x: unknown): x is Invocation {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'kind' in x;
}
