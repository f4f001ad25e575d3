/**
 * nginx's signals (src/os/unix/ngx_process.c signals[], ngx_process_cycle.c): what the master
 * process does with each, and `nginx -s stop|quit|reopen|reload`, which reads the master's pid
 * from the pid file and sends it SIGTERM, SIGQUIT, SIGUSR1 or SIGHUP (ngx_signal_process).
 *
 * SIGQUIT is a graceful shutdown (the workers finish their requests; kubesim has none in flight),
 * SIGTERM and SIGINT a fast one; both end the master with exit code 0, so the container stops
 * (and restartPolicy Always starts it again). SIGHUP (reload) and SIGUSR1 (reopen logs) are
 * handled without stopping. Images that log at `notice` level (1.21 and later) print the
 * shutdown in the container log.
 */
import type { OutputLineText, SignalReaction } from './behaviour.js';
import { FIRST_WORKER_PID, logTime, minor, WORKERS } from './nginx.js';
import type { AppletContext } from './sh/commands/types.js';
import type { Signal } from './sh/effects.js';

const PID_FILE = '/var/run/nginx.pid';

/** `-s NAME` → the signal and its number. */
const SIGNALS: Readonly<Record<string, readonly [Signal, number]>> = {
  stop: ['SIGTERM', 15],
  quit: ['SIGQUIT', 3],
  reopen: ['SIGUSR1', 10],
  reload: ['SIGHUP', 1],
};

type Reactions = Readonly<Partial<Record<Signal, SignalReaction>>>;

/** By version: every nginx container of a rollout shares one table. */
const reactions = new Map<string, Reactions>();

/** What the master does with the signals it handles. */
export function nginxSignals(version: string): Reactions {
  let table = reactions.get(version);
  if (!table) reactions.set(version, (table = Object.freeze(signalTable(version))));
  return table;
}

function signalTable(version: string): Reactions {
  const notices = minor(version) >= 21;
  const shutdown = (signal: Signal, signo: number, graceful: boolean): SignalReaction => ({
    action: 'exit',
    code: 0,
    ...(notices
      ? { lines: (at: number, sender: number) => shutdownLines(at, sender, signal, signo, graceful) }
      : {}),
  });
  return {
    SIGQUIT: shutdown('SIGQUIT', 3, true),
    SIGTERM: shutdown('SIGTERM', 15, false),
    SIGINT: shutdown('SIGINT', 2, false),
    SIGHUP: { action: 'handle' },
    SIGUSR1: { action: 'handle' },
    SIGUSR2: { action: 'handle' },
  };
}

/** The master's and workers' notices as they shut down (ngx_signal_handler, ngx_worker_process_exit). */
function shutdownLines(
  atMs: number,
  sender: number,
  signal: Signal,
  signo: number,
  graceful: boolean,
): OutputLineText[] {
  const t = logTime(atMs);
  const line = (pid: number, text: string): OutputLineText => ({
    stream: 'stderr',
    text: `${t} [notice] ${pid}#${pid}: ${text}`,
  });
  const from = sender > 0 ? ` from ${sender}` : '';
  const out = [
    line(1, `signal ${signo} (${signal}) received${from}, ${graceful ? 'shutting down' : 'exiting'}`),
  ];
  const workers = Array.from({ length: WORKERS }, (_, i) => FIRST_WORKER_PID + i);
  for (const w of workers) {
    if (graceful) out.push(line(w, 'gracefully shutting down'));
    out.push(line(w, 'exiting'), line(w, 'exit'));
  }
  for (const w of workers) {
    out.push(
      line(1, `signal 17 (SIGCHLD) received from ${w}`),
      line(1, `worker process ${w} exited with code 0`),
    );
  }
  out.push(line(1, 'exit'));
  return out;
}

/**
 * `nginx -s SIGNAL` (ngx_get_options, ngx_signal_process): the notice that the signal process
 * started (notice level, 1.21+), then kill(pid, signo) on the pid in the pid file. Errors are
 * written to the error log (the container's stderr) and once more to stderr.
 */
export function nginxSignalProcess(ctx: AppletContext, version: string): number {
  const err = ctx.fds.stderr;
  const name = ctx.argv[2];
  if (name === undefined) {
    err.write('nginx: option "-s" requires parameter\n');
    return 1;
  }
  const signal = SIGNALS[name];
  if (!signal) {
    err.write(`nginx: invalid option: "-s ${name}"\n`);
    return 1;
  }
  const me = ctx.sys.pid;
  const log = (level: string, text: string, alsoStderr: boolean) => {
    err.write(`${logTime(ctx.sys.now)} [${level}] ${me}#${me}: ${text}\n`);
    if (alsoStderr) err.write(`nginx: [${level}] ${text}\n`);
  };
  if (minor(version) >= 21) log('notice', 'signal process started', false);
  let pid: number;
  try {
    pid = Number.parseInt(ctx.sys.fs.readFile(PID_FILE), 10);
  } catch {
    log('error', `open() "${PID_FILE}" failed (2: No such file or directory)`, true);
    return 1;
  }
  if (!Number.isInteger(pid) || pid <= 0) {
    log('error', `invalid PID number "" in "${PID_FILE}"`, true);
    return 1;
  }
  const [, signo] = signal;
  if (!ctx.sys.kill(pid, signo)) {
    log('alert', `kill(${pid}, ${signo}) failed (3: No such process)`, true);
    return 1;
  }
  return 0;
}
