import { ASH_SHELLS, type ShellTable, shellDialect } from './dialect.js';
import { parseShellArgs, type ShellOptionFlags } from './interpreter.js';

/**
 * What a container process runs, decided from its argv the way the runtime and ash decide it:
 * `sh -c SCRIPT [NAME ARGS…]` (also `/bin/sh`, `ash`, `sh -ec`), `sh FILE ARGS…`, a bare `sh`
 * (an interactive shell reading stdin), or a plain program (`sleep 3600`, `cat /etc/hosts`)
 * started directly, without a shell.
 */
export type Invocation =
  | {
      readonly kind: 'shell';
      readonly argv: readonly string[];
      readonly script: string;
      /** $0 and the name in error messages: argv[0] (`sh`, `/bin/sh`) or the NAME after the script. */
      readonly arg0: string;
      /** Set when `sh -c SCRIPT NAME …` named the script: messages then say `NAME: line 0: …`. */
      readonly commandName?: string;
      readonly args: readonly string[];
      readonly options: Partial<ShellOptionFlags>;
    }
  | {
      readonly kind: 'file';
      readonly argv: readonly string[];
      readonly path: string;
      readonly arg0: string;
      readonly args: readonly string[];
      readonly options: Partial<ShellOptionFlags>;
    }
  | {
      readonly kind: 'stdin';
      readonly argv: readonly string[];
      readonly arg0: string;
      readonly args: readonly string[];
      readonly options: Partial<ShellOptionFlags>;
    }
  | { readonly kind: 'exec'; readonly argv: readonly string[] }
  | { readonly kind: 'error'; readonly argv: readonly string[]; readonly message: string };

/** An image's ENTRYPOINT and CMD (from its config). */
export interface ImageCommand {
  readonly entrypoint?: readonly string[];
  readonly cmd?: readonly string[];
}

/** docker.io/library/busybox: no ENTRYPOINT, CMD ["sh"]. */
export const BUSYBOX_IMAGE: ImageCommand = { cmd: ['sh'] };
/** docker.io/library/alpine: no ENTRYPOINT, CMD ["/bin/sh"]. */
export const ALPINE_IMAGE: ImageCommand = { cmd: ['/bin/sh'] };

/**
 * Kubernetes' rule for a container's argv (kubelet `kuberuntime.makeCommand` via the runtime):
 * `command` replaces the image's ENTRYPOINT and then the image's CMD is ignored; `args`
 * replaces CMD; empty lists count as unset.
 */
export function containerArgv(
  command: readonly string[] | undefined,
  args: readonly string[] | undefined,
  image: ImageCommand = BUSYBOX_IMAGE,
): string[] {
  const hasCommand = command !== undefined && command.length > 0;
  const hasArgs = args !== undefined && args.length > 0;
  if (hasCommand) return [...command, ...(hasArgs ? args : [])];
  return [...(image.entrypoint ?? []), ...(hasArgs ? args : (image.cmd ?? []))];
}

/**
 * Classifies an argv (see Invocation): a program named like one of the image's `shells` (`sh`,
 * `/bin/sh`, `bash` where the image has bash) is the shell. `busybox sh -c …` is the shell too.
 */
export function argvToScript(argv: readonly string[], shells: ShellTable = ASH_SHELLS): Invocation {
  if (argv.length === 0) return { kind: 'error', argv, message: 'no command specified' };
  const prog = argv[0]!;
  if (
    /^(?:(?:\/usr)?\/bin\/)?busybox$/.test(prog) &&
    argv[1] !== undefined &&
    shellDialect(argv[1], ASH_SHELLS)
  ) {
    return argvToScript(argv.slice(1));
  }
  if (!shellDialect(prog, shells)) return { kind: 'exec', argv };
  const parsed = parseShellArgs(argv);
  switch (parsed.kind) {
    case 'error':
      return { kind: 'error', argv, message: `${prog}: ${parsed.message}` };
    case 'command':
      return parsed.arg0 === undefined
        ? {
            kind: 'shell',
            argv,
            script: parsed.script,
            arg0: prog,
            args: parsed.args,
            options: parsed.options,
          }
        : {
            kind: 'shell',
            argv,
            script: parsed.script,
            arg0: parsed.arg0,
            commandName: parsed.arg0,
            args: parsed.args,
            options: parsed.options,
          };
    case 'file':
      return {
        kind: 'file',
        argv,
        path: parsed.path,
        arg0: parsed.path,
        args: parsed.args,
        options: parsed.options,
      };
    case 'stdin':
      return { kind: 'stdin', argv, arg0: prog, args: parsed.args, options: parsed.options };
  }
}
