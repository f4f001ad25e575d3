import type { SimClock, SimTimer } from '../core/clock.js';
import type {
  ContainerInvocation,
  HttpHeaders,
  ImageBehaviour,
  OutputLine,
  SignalReaction,
} from './behaviour.js';
import { goBindFailure } from './behaviour.js';
import type { ContainerContext } from './container-context.js';
import { ContainerLog } from './container-log.js';
import { type ExecOutcome, type ExecRequest, execInImage } from './exec.js';
import { type GrpcHealthResult, grpcHealthCheck } from './grpc-health.js';
import { httpAnswer } from './http-answer.js';
import { imageRootFs } from './image-fs.js';
import { programFor } from './programs.js';
import type { ProcessInfo } from './sh/commands/types.js';
import { SIGNAL_NUMBERS, type Signal } from './sh/effects.js';
import { containerArgv } from './sh/invocation.js';
import type { ContainerProcesses } from './sh/process.js';
import type { Vfs } from './sh/vfs.js';

/** How a process ended. */
export interface ExitStatus {
  readonly code: number;
  /** Simulated ms when it ended. */
  readonly at: number;
  /** Killed by the kernel's OOM killer (memory above the container's limit). */
  readonly oomKilled: boolean;
  /** The signal that ended it, if one did. */
  readonly signal?: Signal;
  /** The runtime could not start it: reason StartError, with the runtime's message (exit 128). */
  readonly startError?: string;
}

/** What a client sees when it sends an HTTP request to a port of the process. */
export type HttpResult =
  | { readonly kind: 'refused' }
  /** The port is open but does not speak HTTP (redis, a raw TCP server). */
  | { readonly kind: 'not-http' }
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly body: string;
      /** The Location header of a redirect. */
      readonly location?: string;
      /** How long the headers took to come (the client gives up after its timeout). */
      readonly delayMs?: number;
    };

export interface ProcessOptions {
  readonly clock: SimClock;
  readonly behaviour: ImageBehaviour;
  readonly invocation: ContainerInvocation;
  /** The container's memory limit; using more is an OOM kill. */
  readonly memoryLimitBytes?: number;
  /** Names the process's timers (`kubelet/node-1 default/web nginx`). */
  readonly label: string;
  /** What the runtime gives the container (env, hostname, file system, network); tests may omit it. */
  readonly context?: ContainerContext;
  /** Where its output goes (a new log when absent). */
  readonly log?: ContainerLog;
}

/**
 * The interface a program driver (the shell interpreter) uses to act as the process: it can wait
 * on the clock, write output, listen, use memory and exit. Everything it schedules is cancelled
 * when the process ends.
 */
export interface ProgramHost {
  readonly now: number;
  readonly invocation: ContainerInvocation;
  readonly behaviour: ImageBehaviour;
  readonly context: ContainerContext | undefined;
  /** The container's root file system (built on first use). */
  fs(): Vfs;
  write(fd: 1 | 2, text: string): void;
  schedule(fn: () => void, ms: number): void;
  listen(port: number): void;
  close(port: number): void;
  setMemory(bytes: number): void;
  exit(code: number, signal?: Signal): void;
  /** The runtime could not start the program (a command that does not exist): StartError, 128. */
  startFailed(message: string): void;
}

/** A program driver: starts on a host and may react to signals (a shell with `trap`). */
export interface Program {
  start(host: ProgramHost): void;
  /** Returns true when the program handled the signal itself (so the default action is skipped). */
  onSignal?(signal: Signal, host: ProgramHost): boolean;
  /** Its processes (PID 1 and its background jobs), for `ps` and `killall` in an exec. */
  processes?(): readonly ProcessInfo[];
  /** Signals one of its processes other than PID 1 (a background job); false when there is none. */
  kill?(pid: number, signo: number): boolean;
}

const DEFAULT_HOSTNAME = 'localhost';

/**
 * One running container process, driven by the simulated clock. It starts with `start()`, and
 * ends by itself (its behaviour's `exit`, its program's end), by a signal, or by the OOM killer.
 * Exit handlers run from a timer, never inside the call that caused the exit, so the caller
 * (the kubelet) finishes its own step first.
 */
export class SimProcess {
  readonly startedAt: number;
  /** Its stdout and stderr lines, as `kubectl logs` shows them. */
  readonly log: ContainerLog;
  private readonly clock: SimClock;
  private readonly timers = new Set<SimTimer>();
  private readonly ports = new Set<number>();
  private readonly exitHandlers: Array<(status: ExitStatus) => void> = [];
  private status: ExitStatus | undefined;
  private memory: number;
  private readonly program: Program | undefined;
  private readonly host: ProgramHost;
  private rootFs: Vfs | undefined;
  /** When a signal from inside the container made it exit (it is gone for an exec after that). */
  private exitingAt: number | undefined;

  constructor(private readonly options: ProcessOptions) {
    this.clock = options.clock;
    this.startedAt = options.clock.now;
    this.memory = options.behaviour.memoryBytes;
    this.log = options.log ?? new ContainerLog(() => this.clock.now);
    this.program = options.behaviour.program ? programFor(options.behaviour.program) : undefined;
    // Methods rather than arrow properties: under tsx every named arrow is renamed at creation
    // (keepNames), which showed in profiles of a rollout starting thousands of processes.
    const self = this;
    this.host = {
      get now() {
        return self.clock.now;
      },
      invocation: options.invocation,
      behaviour: options.behaviour,
      context: options.context,
      fs() {
        return self.fs();
      },
      write(fd, text) {
        if (self.running) self.log.write(fd, text);
      },
      schedule(fn, ms) {
        self.after(ms, fn);
      },
      listen(port) {
        self.bind(port);
      },
      close(port) {
        self.unbind(port);
      },
      setMemory(bytes) {
        self.setMemory(bytes);
      },
      exit(code, signal) {
        self.end({ code, at: self.clock.now, oomKilled: false, ...(signal ? { signal } : {}) });
      },
      startFailed(message) {
        self.end({ code: 128, at: self.clock.now, oomKilled: false, startError: message });
      },
    };
  }

  /** Starts the process: opens its ports, arms its own exit and output, runs its program. */
  start(): this {
    const b = this.options.behaviour;
    const listen =
      b.listen === 'declared'
        ? (this.options.invocation.ports ?? [])
            .filter((p) => (p.protocol ?? 'TCP') === 'TCP')
            .map((p) => p.containerPort)
        : b.listen;
    for (const port of listen) {
      if (!this.bind(port)) {
        this.failToBind(port);
        return this;
      }
    }
    // Lines first: one due at the instant it exits is still printed.
    for (const line of b.output ?? []) this.schedule(line);
    if (b.exit) {
      const { afterMs, code } = b.exit;
      this.after(afterMs, () => this.end({ code, at: this.clock.now, oomKilled: false }));
    }
    if (b.memoryGrowth) this.grow();
    this.program?.start(this.host);
    this.checkMemory();
    return this;
  }

  get exited(): ExitStatus | undefined {
    return this.status;
  }

  get running(): boolean {
    return this.status === undefined;
  }

  get memoryBytes(): number {
    return this.memory;
  }

  /** CPU in use, in millicores. */
  get cpuMillis(): number {
    return this.running ? (this.options.behaviour.cpuMillis ?? 0) : 0;
  }

  /** Whether a TCP connection to `port` would be accepted now. */
  listens(port: number): boolean {
    return this.running && this.ports.has(port);
  }

  /** An HTTP GET to `port` and `path` (with the request's headers), answered from the behaviour as of now. */
  httpGet(port: number, path: string, headers?: HttpHeaders): HttpResult {
    if (!this.listens(port)) return { kind: 'refused' };
    return httpAnswer(
      this.options.behaviour,
      port,
      path,
      headers,
      this.clock.now - this.startedAt,
      this.options.context?.hostname ?? DEFAULT_HOSTNAME,
    );
  }

  /** A gRPC health check (grpc.health.v1.Health/Check) of `service` on `port`, as of now. */
  grpcHealth(port: number, service: string): GrpcHealthResult {
    if (!this.listens(port)) return { kind: 'refused' };
    return grpcHealthCheck(this.options.behaviour, port, service, this.clock.now - this.startedAt);
  }

  /** Delivers a signal: SIGKILL ends it now (137); SIGTERM does what the program or behaviour says. */
  signal(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (!this.running) return;
    if (signal === 'SIGKILL') {
      this.end({ code: 137, at: this.clock.now, oomKilled: false, signal });
      return;
    }
    const b = this.options.behaviour;
    if (!b.sigtermOverridesProgram && this.program?.onSignal?.(signal, this.host)) return;
    const term = b.sigterm;
    if (term.action === 'ignore') return;
    const code = term.code;
    this.after(term.afterMs ?? 0, () => this.end({ code, at: this.clock.now, oomKilled: false, signal }));
  }

  /**
   * Runs a command in the container (exec probes, kubectl exec) over its file system and
   * environment, to its end in virtual time (runToCompletion): nothing is scheduled.
   */
  exec(argv: readonly string[], request: ExecRequest = {}): ExecOutcome {
    return execInImage(this.options.behaviour, argv, {
      fs: () => this.fs(),
      env: this.options.context?.env ?? envPairs(this.options.invocation.env),
      hostname: this.options.context?.hostname ?? DEFAULT_HOSTNAME,
      workingDir: this.options.context?.workingDir,
      network: this.options.context?.network,
      now: this.clock.now,
      request,
      container: this.containerView(),
    });
  }

  /**
   * The container's processes as an exec in it sees them: this process as PID 1 (with a shell's
   * background jobs), until it has ended, or until the exec's virtual time passes the instant a
   * signal from inside made it quit.
   */
  private containerView(): ContainerProcesses {
    const self = this;
    return {
      processes(now: number): readonly ProcessInfo[] {
        if (!self.aliveAt(now)) return [];
        return (
          self.program?.processes?.() ?? [
            { pid: 1, command: self.commandLine(), startedAt: self.startedAt, name: self.processName() },
          ]
        );
      },
      kill(pid: number, signo: number, now: number, sender: number): boolean {
        if (!self.aliveAt(now)) return false;
        if (pid !== 1) return self.program?.kill?.(pid, signo) ?? false;
        if (signo !== 0) self.signalFromInside(signo, sender);
        return true;
      },
    };
  }

  private aliveAt(now: number): boolean {
    return this.running && (this.exitingAt === undefined || now <= this.exitingAt);
  }

  /**
   * A signal to PID 1 from inside its PID namespace: the kernel drops SIGKILL and SIGSTOP, and any
   * signal the process has no handler for. A shell program decides itself (its `trap`s); other
   * processes react as their behaviour's `signals` (and `sigterm`) say.
   */
  private signalFromInside(signo: number, sender: number): void {
    const signal = signalNamed(signo);
    if (!signal || signal === 'SIGKILL') return;
    if (this.program) {
      this.program.onSignal?.(signal, this.host);
      return;
    }
    const reaction = this.reactionTo(signal);
    if (reaction?.action !== 'exit') return;
    const afterMs = reaction.afterMs ?? 0;
    const at = this.clock.now;
    if (this.exitingAt !== undefined && this.exitingAt <= at + afterMs) return;
    this.exitingAt = at + afterMs;
    const { code, lines } = reaction;
    this.after(afterMs, () => {
      for (const line of lines?.(at, sender) ?? []) this.log.line(line.stream, line.text);
      this.end({ code, at: this.clock.now, oomKilled: false, signal });
    });
  }

  private reactionTo(signal: Signal): SignalReaction | undefined {
    const b = this.options.behaviour;
    const listed = b.signals?.[signal];
    if (listed) return listed;
    if (signal !== 'SIGTERM' || b.sigterm.action === 'ignore') return undefined;
    return {
      action: 'exit',
      code: b.sigterm.code,
      ...(b.sigterm.afterMs ? { afterMs: b.sigterm.afterMs } : {}),
    };
  }

  /** The main process's command line (`ps`): the behaviour's, else the container's argv. */
  private commandLine(): string {
    const b = this.options.behaviour;
    if (b.process) return b.process.commandLine;
    const inv = this.options.invocation;
    return containerArgv(inv.command, inv.args, b.imageCommand ?? {}).join(' ') || b.name;
  }

  private processName(): string {
    const b = this.options.behaviour;
    if (b.process) return b.process.name;
    const argv0 = this.commandLine().split(' ', 1)[0]!;
    return argv0.slice(argv0.lastIndexOf('/') + 1);
  }

  onExit(handler: (status: ExitStatus) => void): void {
    this.exitHandlers.push(handler);
  }

  /** Whether the file system has been built (by the program, an exec, a probe). */
  get hasFs(): boolean {
    return this.rootFs !== undefined;
  }

  /** The container's root file system, built on first use. */
  fs(): Vfs {
    if (!this.rootFs) {
      const ctx = this.options.context;
      this.rootFs = ctx
        ? ctx.fs()
        : imageRootFs(this.options.behaviour, { hostname: DEFAULT_HOSTNAME, now: () => this.clock.now });
    }
    return this.rootFs;
  }

  /** Binds a port in the pod's network namespace (shared with the pod's other containers). */
  private bind(port: number): boolean {
    const space = this.options.context?.ports;
    if (space && !space.bind(port, this)) return false;
    this.ports.add(port);
    return true;
  }

  private unbind(port: number): void {
    this.ports.delete(port);
    const space = this.options.context?.ports;
    if (space?.holder(port) === this) {
      space.release(this);
      for (const p of this.ports) space.bind(p, this);
    }
  }

  /** Another container of the pod holds the port: the image's own reaction (print, then exit). */
  private failToBind(port: number): void {
    const failure = this.options.behaviour.bindFailure?.(port, this.clock.now) ?? goBindFailure(port);
    for (const line of failure.lines) this.log.line(line.stream, line.text);
    const end = () => this.end({ code: failure.code, at: this.clock.now, oomKilled: false });
    if (failure.afterMs > 0) this.after(failure.afterMs, end);
    else end();
  }

  private schedule(line: OutputLine): void {
    if (line.afterMs <= 0) this.emit(line);
    else this.after(line.afterMs, () => this.emit(line));
  }

  /** Prints an output line now, and schedules its repeat if it has one. */
  private emit(line: OutputLine): void {
    const text =
      typeof line.text === 'string'
        ? line.text
        : line.text(this.clock.now, this.options.context?.hostname ?? DEFAULT_HOSTNAME);
    this.log.line(line.stream, text);
    if (line.everyMs && line.everyMs > 0) this.after(line.everyMs, () => this.emit(line));
  }

  private grow(): void {
    const g = this.options.behaviour.memoryGrowth!;
    if (g.everyMs <= 0) return;
    this.after(g.everyMs, () => {
      const next = this.memory + g.bytes;
      this.setMemory(g.maxBytes === undefined ? next : Math.min(next, g.maxBytes));
      if (this.running && (g.maxBytes === undefined || this.memory < g.maxBytes)) this.grow();
    });
  }

  private setMemory(bytes: number): void {
    this.memory = bytes;
    this.checkMemory();
  }

  /** Memory above the limit is an OOM kill at once (SEMANTICS.md "What runs inside containers"). */
  private checkMemory(): void {
    const limit = this.options.memoryLimitBytes;
    if (limit !== undefined && this.memory > limit && this.running) {
      this.end({ code: 137, at: this.clock.now, oomKilled: true });
    }
  }

  /**
   * Runs `fn` after `ms`, then one more zero-delay hop: a process acts just after everything
   * else already due at that instant, so a probe tick at the same instant sees the state before
   * the action (SEMANTICS.md "Probes").
   */
  private after(ms: number, fn: () => void): void {
    const label = this.options.label;
    const timer = this.clock.schedule(
      () => {
        this.timers.delete(timer);
        const hop = this.clock.schedule(
          () => {
            this.timers.delete(hop);
            if (this.running) fn();
          },
          0,
          label,
        );
        this.timers.add(hop);
      },
      ms,
      label,
    );
    this.timers.add(timer);
  }

  private end(status: ExitStatus): void {
    if (!this.running) return;
    this.log.close();
    this.status = status;
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.ports.clear();
    this.options.context?.ports?.release(this);
    // Tell the watchers from a timer of its own, after whatever caused the exit has finished.
    this.clock.schedule(
      () => {
        for (const handler of this.exitHandlers) handler(status);
      },
      0,
      `${this.options.label} exit`,
    );
  }
}

function signalNamed(signo: number): Signal | undefined {
  for (const [name, n] of Object.entries(SIGNAL_NUMBERS)) if (n === signo) return name as Signal;
  return undefined;
}

function envPairs(env: Readonly<Record<string, string>> | undefined): Array<[string, string]> {
  return Object.entries(env ?? {});
}
