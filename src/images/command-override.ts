/**
 * What a server image runs when the container says what to run. Kubernetes' rule
 * (sh/invocation.ts containerArgv): `command` replaces the image's ENTRYPOINT (and its CMD is
 * dropped), `args` replace the CMD. So `command: ["/bin/sh", "-c", "sleep 5"]` on nginx runs the
 * shell, not nginx, and the container ends when the shell does; `args: ["nginx", "-g",
 * "daemon off;"]` or `command: ["/agnhost", "liveness"]` still start the server.
 *
 * A server image says which argv start its server (`runsServer`) and what its ENTRYPOINT and CMD
 * are; anything else runs in kubesim's shell interpreter with the image's userland, files and
 * commands (`nginx -v` in a script). A `-c` script that ends by starting the server in the
 * foreground (`… && exec nginx -g 'daemon off;'`) is both: the script runs, and the server's
 * ports, answers and output are there from the start (simplified: a real server opens its ports
 * only when the script reaches it, and prints after the script's own lines).
 */
import type { ContainerInvocation, ImageBehaviour } from './behaviour.js';
import type { Applet } from './sh/commands/types.js';
import { argvToScript, containerArgv, type ImageCommand } from './sh/invocation.js';
import { userlandOf } from './userland.js';

export interface ServerCommand {
  /** The image's ENTRYPOINT and CMD (docker-library's config). */
  readonly imageCommand: ImageCommand;
  /**
   * The ENTRYPOINT and CMD as the shell program runs them: an entrypoint wrapper that only ends
   * in `exec "$@"` for anything but the server (nginx's /docker-entrypoint.sh) is left out.
   */
  readonly shellCommand?: ImageCommand;
  /** Whether an argv (the container's command and args over the image's) starts the server. */
  runsServer(argv: readonly string[]): boolean;
  /** A `-c` script that ends by starting the server in the foreground. */
  readonly foreground?: RegExp;
  /** The server's binaries as such a script runs them: they serve (wait for ever). */
  readonly foregroundCommands?: Readonly<Record<string, Applet>>;
}

/** What the container's argv runs: the server, a shell (or other program), or a script that ends in the server. */
export type CommandKind = 'server' | 'shell' | 'script-then-server';

export function commandKind(
  inv: ContainerInvocation,
  server: ServerCommand,
  userland: ImageBehaviour,
): CommandKind {
  if (!inv.command?.length && !inv.args?.length) return 'server';
  const argv = containerArgv(inv.command, inv.args, server.imageCommand);
  if (server.runsServer(argv)) return 'server';
  if (server.foreground) {
    const script = argvToScript(argv, userlandOf(userland).shells);
    if (script.kind === 'shell' && server.foreground.test(script.script)) return 'script-then-server';
  }
  return 'shell';
}

/**
 * The behaviour of a server image's container: the server's own (`serve()`), or its userland
 * running the container's command in the shell interpreter.
 */
export function serverOrShell(
  inv: ContainerInvocation,
  command: ServerCommand,
  serve: () => ImageBehaviour,
): ImageBehaviour {
  const server = serve();
  switch (commandKind(inv, command, server)) {
    case 'server':
      return server;
    case 'shell':
      return shellOf(server, command.shellCommand ?? command.imageCommand);
    case 'script-then-server':
      return {
        ...server,
        program: 'shell',
        imageCommand: command.shellCommand ?? command.imageCommand,
        // The script exec'd the server: SIGTERM is the server's (nginx exits 0 at once).
        sigtermOverridesProgram: true,
        commands: { ...server.commands, ...command.foregroundCommands },
      };
  }
}

/** The image's userland running a shell: nothing listens; PID 1 (the shell) ignores SIGTERM. */
function shellOf(server: ImageBehaviour, imageCommand: ImageCommand): ImageBehaviour {
  return {
    name: server.name,
    listen: [],
    program: 'shell',
    sigterm: { action: 'ignore' },
    memoryBytes: 2 * 1024 * 1024,
    imageCommand,
    ...(server.filesystem ? { filesystem: server.filesystem } : {}),
    ...(server.userland ? { userland: server.userland } : {}),
    ...(server.files ? { files: server.files } : {}),
    ...(server.commands ? { commands: server.commands } : {}),
  };
}

/** A program's name without its directory (`nginx` for `/usr/sbin/nginx`). */
export function basename(program: string | undefined): string {
  if (program === undefined) return '';
  return program.slice(program.lastIndexOf('/') + 1);
}

/** A server binary run by a script in the foreground: it serves until it is stopped. */
export const serveForever: Applet = function* serve() {
  yield { type: 'sleep', ms: Number.POSITIVE_INFINITY };
  return 0;
};
