import type { ContainerInvocation, ImageBehaviour } from './behaviour.js';
import type { Program, ProgramHost } from './process.js';
import type { ProcessInfo } from './sh/commands/types.js';
import type { Signal } from './sh/effects.js';
import { type ShellHost, ShellRunner } from './sh/host.js';
import { argvToScript, BUSYBOX_IMAGE, containerArgv, type Invocation } from './sh/invocation.js';
import { ShellProcess } from './sh/process.js';
import { userlandOf } from './userland.js';

/**
 * The `shell` program: a busybox/alpine container's main process, run by the POSIX-sh
 * interpreter (src/images/sh). Its argv is the container's command and args over the image's
 * ENTRYPOINT and CMD (`sh -c SCRIPT`, a bare `sleep 3600`, the image's default `sh`); it runs in
 * the container's file system, with its environment, hostname and network; its output goes to
 * the container log. It waits on the simulated clock through the process host, so its actions
 * land just after anything else due at the same instant (probe ticks first). SIGTERM is the
 * interpreter's to handle: a PID 1 shell without a `trap` ignores it.
 */
export function shellProgram(): Program {
  let runner: ShellRunner | undefined;
  return {
    start(host: ProgramHost): void {
      const { invocation, behaviour, context } = host;
      const env = context?.env ?? Object.entries(invocation.env ?? {});
      const userland = userlandOf(behaviour);
      // Methods, not arrow properties: tsx renames every named arrow when it is made (keepNames),
      // and a crash-looping container starts this program every few minutes for days. Options
      // it does not have are undefined rather than spread in (each spread makes an object).
      const process = new ShellProcess(scriptOf(invocation, behaviour), {
        fs() {
          return host.fs();
        },
        env,
        hostname: context?.hostname ?? 'localhost',
        now() {
          return host.now;
        },
        output(fd, text) {
          host.write(fd, text);
        },
        workingDir: context?.workingDir || undefined,
        commands: behaviour.commands,
        stdinOpen: context?.stdinOpen || undefined,
        seed: context?.seed,
        absent: userland.absent,
        shells: userland.shells,
      });
      if (process.startError) {
        host.startFailed(process.startError);
        return;
      }
      const network = context?.network;
      const shellHost: ShellHost = {
        get now() {
          return host.now;
        },
        schedule(fn, ms) {
          host.schedule(fn, ms);
        },
        exit(code: number, signal?: Signal) {
          host.exit(code, signal);
        },
      };
      if (network?.http) shellHost.http = (r) => network.http!(r);
      if (network?.tcp) shellHost.tcp = (r) => network.tcp!(r);
      if (network?.dns) shellHost.dns = (r) => network.dns!(r);
      runner = new ShellRunner(process, shellHost);
      runner.start();
    },

    onSignal(signal: Signal): boolean {
      runner?.signal(signal);
      return true;
    },

    processes(): readonly ProcessInfo[] {
      return runner?.process.processes() ?? [];
    },

    kill(pid: number, signo: number): boolean {
      if (!runner || pid === runner.process.pid) return false;
      if (!runner.process.kill(pid, signo)) return false;
      runner.refresh();
      return true;
    },
  };
}

/**
 * What the shell runs for an invocation: made once per frozen invocation (the kubelet's config
 * cache gives every start of a container the same one) and behaviour.
 */
const scripts = new WeakMap<
  ContainerInvocation,
  { readonly behaviour: ImageBehaviour; readonly script: Invocation }
>();

function scriptOf(invocation: ContainerInvocation, behaviour: ImageBehaviour): Invocation {
  const cached = scripts.get(invocation);
  if (cached?.behaviour === behaviour) return cached.script;
  const argv = containerArgv(invocation.command, invocation.args, behaviour.imageCommand ?? BUSYBOX_IMAGE);
  const script = argvToScript(argv, userlandOf(behaviour).shells);
  if (Object.isFrozen(invocation)) scripts.set(invocation, { behaviour, script });
  return script;
}
