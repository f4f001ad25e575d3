import type { Gen } from '../effects.js';
import type { Fds } from '../io.js';
import type { Vfs } from '../vfs.js';

/**
 * What an applet (a busybox command run as its own process: `sleep`, `cat`, `wget`) can see
 * and do. Applets cannot change the shell that started them; they get its environment, its
 * working directory and the file descriptors set up by its redirections.
 */
export interface AppletContext {
  /** The name it was invoked by, without a directory (`cat` for `/bin/cat`). */
  readonly name: string;
  /** The prefix of its error messages: its name, or `sh` for ash builtins such as `test`. */
  readonly errName: string;
  readonly argv: readonly string[];
  readonly fds: Fds;
  /** The environment in the order the process received it. */
  readonly env: ReadonlyArray<readonly [string, string]>;
  readonly sys: SystemApi;
}

export interface ProcessInfo {
  readonly pid: number;
  readonly command: string;
  readonly startedAt: number;
  /** The process's name (`comm`) when it is not its command's first word (`nginx` for nginx's master). */
  readonly name?: string;
}

/** The simulated operating system, as far as applets need it. */
export interface SystemApi {
  readonly fs: Vfs;
  readonly cwd: string;
  /** An absolute, normalized path for `path` relative to the working directory. */
  resolve(path: string): string;
  /** Simulated ms since the scenario began. */
  readonly now: number;
  /** Wall-clock ms (Unix epoch) corresponding to simulated time 0. */
  readonly epochMs: number;
  readonly hostname: string;
  /** The pid of this applet's process. */
  readonly pid: number;
  processes(): readonly ProcessInfo[];
  /** Sends a signal to a process of this container; false when there is no such process. */
  kill(pid: number, signo: number): boolean;
  /** Runs another command (for `env CMD`, `nohup CMD`, `busybox CMD`, `xargs`): its status. */
  run(argv: readonly string[], fds: Fds, env?: ReadonlyArray<readonly [string, string]>): Gen<number>;
  /** Runs a shell (`sh -c …`, `sh script`) as a child process: its status. */
  shell(argv: readonly string[], fds: Fds, env: ReadonlyArray<readonly [string, string]>): Gen<number>;
  /** Records that a real busybox applet was used which kubesim does not simulate. */
  unsupported(name: string): void;
}

/** An applet's body: returns its exit status, possibly after waiting (a generator). */
export type Applet = (ctx: AppletContext) => number | Gen<number>;

/** Writes busybox's usage message for an applet and returns exit status 1. */
export function usage(ctx: AppletContext, synopsis: string): number {
  ctx.fds.stderr.write(
    `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ${synopsis}\n`,
  );
  return 1;
}

/**
 * Parses short options the way busybox's getopt32 does for simple flag sets: `-rf`, `-r -f`,
 * `--` ends options. Options with an argument are listed in `withArg` (`-n 5`, `-n5`). Returns
 * undefined (after printing usage) on an unknown option.
 */
export function parseFlags(
  ctx: AppletContext,
  args: readonly string[],
  flags: string,
  withArg = '',
  synopsis?: string,
): { flags: Set<string>; values: Map<string, string>; rest: string[] } | undefined {
  const set = new Set<string>();
  const values = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if (withArg.includes(f)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) {
          ctx.fds.stderr.write(`${ctx.name}: option requires an argument -- '${f}'\n`);
          if (synopsis) usage(ctx, synopsis);
          return undefined;
        }
        values.set(f, v);
        break;
      }
      if (!flags.includes(f)) {
        ctx.fds.stderr.write(`${ctx.name}: invalid option -- '${f}'\n`);
        if (synopsis) usage(ctx, synopsis);
        return undefined;
      }
      set.add(f);
    }
  }
  return { flags: set, values, rest: args.slice(i) };
}
