import { signalName, signalNumber } from './sys.js';
import type { Applet, AppletContext, ProcessInfo } from './types.js';

/**
 * busybox killall (procps/kill.c, the `killall` branch of kill_main):
 * `killall [-l] [-q] [-SIG] PROCESS_NAME...`. Sends SIGTERM (or -SIG; `-0` only tests that a
 * process exists) to every process of the container with that name, except itself. A name with
 * no process is an error (`killall: nginx: no process killed`, unless -q); the exit status is the
 * number of errors. Names match as find_pid_by_name() matches them: the process's name (comm),
 * or the base name of its argv[0].
 */
export const killall: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '-l') return listSignals(ctx, args[1]);
  let quiet = false;
  let signo = 15;
  if (args[0] === '-q') {
    quiet = true;
    args.shift();
  }
  const opt = args[0];
  if (opt?.startsWith('-') && opt.length > 1) {
    const n = signalNumber(opt.slice(1));
    if (n === undefined) {
      ctx.fds.stderr.write(`${ctx.name}: bad signal name '${opt.slice(1)}'\n`);
      return 1;
    }
    signo = n;
    args.shift();
  }
  if (args.length === 0) {
    ctx.fds.stderr.write(`${ctx.name}: you need to specify whom to kill\n`);
    return 1;
  }
  let errors = 0;
  const processes = ctx.sys.processes();
  for (const name of args) {
    const pids = processes.filter((p) => p.pid !== ctx.sys.pid && matches(p, name)).map((p) => p.pid);
    if (pids.length === 0) {
      errors++;
      if (!quiet) ctx.fds.stderr.write(`${ctx.name}: ${name}: no process killed\n`);
      continue;
    }
    for (const pid of pids) {
      if (ctx.sys.kill(pid, signo)) continue;
      errors++;
      if (!quiet) ctx.fds.stderr.write(`${ctx.name}: can't kill pid ${pid}: No such process\n`);
    }
  }
  return errors;
};

/** find_pid_by_name: the comm, or argv[0]'s base name. */
function matches(p: ProcessInfo, name: string): boolean {
  if (p.name === name) return true;
  const argv0 = p.command.split(' ', 1)[0] ?? '';
  return argv0.slice(argv0.lastIndexOf('/') + 1) === name;
}

/** `killall -l [SIG]`: the signal names, or one signal's number or name. */
function listSignals(ctx: AppletContext, which: string | undefined): number {
  if (which !== undefined) {
    const out = /^\d+$/.test(which) ? signalName(Number(which) & 0x7f) : signalNumber(which);
    if (out === undefined) {
      ctx.fds.stderr.write(`${ctx.name}: unknown signal '${which}'\n`);
      return 1;
    }
    ctx.fds.stdout.write(`${out}\n`);
    return 0;
  }
  let out = '';
  for (let i = 1; i < 32; i++) {
    const name = signalName(i);
    if (name) out += `${name}\n`;
  }
  ctx.fds.stdout.write(out);
  return 0;
}
