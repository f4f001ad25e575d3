import type { ImageBehaviour } from './behaviour.js';
import type { ShellNetwork } from './container-context.js';
import type { ShellTable } from './sh/dialect.js';
import { argvToScript, type Invocation } from './sh/invocation.js';
import type { ContainerProcesses } from './sh/process.js';
import { runToCompletion } from './sh/run.js';
import type { Vfs } from './sh/vfs.js';
import { userlandOf } from './userland.js';

/** How a command is run in a container (exec probes pass their timeoutSeconds). */
export interface ExecRequest {
  /** Give up after this much simulated time (the command's sleeps count). */
  readonly timeoutMs?: number;
  /** What `kubectl exec -i` feeds the command. */
  readonly stdin?: string;
}

/** What a command run in a container did. */
export interface ExecOutcome {
  /** undefined when it did not finish in time or could not start. */
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** Simulated time the command took (it never moves the cluster's clock). */
  readonly elapsedMs: number;
  /** The runtime could not start it, in runc's words: `exec: "ps": executable file not found in $PATH`. */
  readonly startError?: string;
}

export interface ExecEnvironment {
  readonly fs: () => Vfs;
  readonly env: ReadonlyArray<readonly [string, string]>;
  readonly hostname: string;
  readonly workingDir?: string | undefined;
  readonly network?: ShellNetwork | undefined;
  /** Simulated ms when the command starts. */
  readonly now: number;
  readonly request: ExecRequest;
  /** The container's main process, which `ps`, `kill` and `killall` see. */
  readonly container?: ContainerProcesses;
}

/** The default (and largest) time kubesim lets an exec run: an hour of simulated time. */
const EXEC_LIMIT_MS = 3_600_000;

/**
 * Runs `argv` in a container of an image, as the CRI's Exec/ExecSync would: in the image's file
 * system (with the shell interpreter standing in for busybox, alpine and Debian tools) or, for
 * an image that has nothing but its own binary, only that binary; anything else cannot start.
 */
export function execInImage(
  behaviour: ImageBehaviour,
  argv: readonly string[],
  env: ExecEnvironment,
): ExecOutcome {
  const filesystem = behaviour.filesystem ?? 'none';
  if (argv.length === 0) return notStarted('exec: no command specified');
  if (filesystem === 'none') {
    const name = argv[0]!;
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (!behaviour.commands?.[base]) {
      return notStarted(
        name.includes('/')
          ? `exec: "${name}": stat ${name}: no such file or directory`
          : `exec: "${name}": executable file not found in $PATH`,
      );
    }
  }
  const userland = userlandOf(behaviour);
  const result = runToCompletion(
    invocationOf(argv, userland.shells),
    {
      fs: env.fs(),
      env: env.env,
      hostname: env.hostname,
      ...(env.workingDir ? { workingDir: env.workingDir } : {}),
      ...(behaviour.commands ? { commands: behaviour.commands } : {}),
      ...(env.request.stdin !== undefined ? { stdin: env.request.stdin } : {}),
      ...(env.container ? { container: env.container } : {}),
      absent: userland.absent,
      shells: userland.shells,
      startMs: env.now,
      timeoutMs: Math.min(env.request.timeoutMs ?? EXEC_LIMIT_MS, EXEC_LIMIT_MS),
    },
    env.network ?? {},
  );
  return {
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    timedOut: result.timedOut,
    elapsedMs: result.elapsedMs,
    ...(result.startError ? { startError: result.startError } : {}),
  };
}

/** Classified argvs, per argv array (an exec probe runs the same array at every tick). */
const invocations = new WeakMap<readonly string[], { shells: ShellTable; invocation: Invocation }>();

function invocationOf(argv: readonly string[], shells: ShellTable): Invocation {
  const cached = invocations.get(argv);
  if (cached?.shells === shells) return cached.invocation;
  const invocation = argvToScript(argv, shells);
  invocations.set(argv, { shells, invocation });
  return invocation;
}

function notStarted(message: string): ExecOutcome {
  return { exitCode: undefined, stdout: '', stderr: '', timedOut: false, elapsedMs: 0, startError: message };
}
