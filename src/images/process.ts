import type { SimClock, SimTimer } from '../core/clock.js';
import type { ContainerInvocation, HttpAnswer, ImageBehaviour } from './behaviour.js';
import { programFor } from './programs.js';

/** How a process ended. */
export interface ExitStatus {
  readonly code: number;
  /** Simulated ms when it ended. */
  readonly at: number;
  /** Killed by the kernel's OOM killer (memory above the container's limit). */
  readonly oomKilled: boolean;
  /** The signal that ended it, if one did. */
  readonly signal?: 'SIGTERM' | 'SIGKILL';
}

/** What a client sees when it sends an HTTP request to a port of the process. */
export type HttpResult =
  | { readonly kind: 'refused' }
  /** The port is open but does not speak HTTP (redis, a raw TCP server). */
  | { readonly kind: 'not-http' }
  | { readonly kind: 'response'; readonly status: number; readonly body: string };

export interface ProcessOptions {
  readonly clock: SimClock;
  readonly behaviour: ImageBehaviour;
  readonly invocation: ContainerInvocation;
  /** The container's memory limit; using more is an OOM kill. */
  readonly memoryLimitBytes?: number;
  /** Names the process's timers (`kubelet/node-1 default/web nginx`). */
  readonly label: string;
}

/**
 * The interface a program driver (the shell interpreter, …) uses to act as the process: it
 * can wait on the clock, listen, use memory and exit. Everything it schedules is cancelled
 * when the process ends.
 */
export interface ProgramHost {
  readonly now: number;
  readonly invocation: ContainerInvocation;
  setTimeout(fn: () => void, ms: number): void;
  listen(port: number): void;
  close(port: number): void;
  setMemory(bytes: number): void;
  exit(code: number): void;
}

/** A program driver: starts on a host and may react to signals (a shell with `trap`). */
export interface Program {
  start(host: ProgramHost): void;
  /** Returns true when the program handled the signal itself (so the default action is skipped). */
  onSignal?(signal: 'SIGTERM', host: ProgramHost): boolean;
  /** Runs a command inside the container (exec probes, kubectl exec). */
  exec?(command: readonly string[], host: ProgramHost): ExecResult;
}

/** The result of a command run inside a container: exit code and combined stdout and stderr. */
export interface ExecResult {
  readonly exitCode: number;
  readonly output: string;
}

/**
 * One running container process, driven by the simulated clock. It starts when constructed
 * with `start()`, and ends by itself (its behaviour's `exit`), by a signal, or by the OOM killer.
 * Exit handlers run from a timer, never inside the call that caused the exit, so the caller
 * (the kubelet) finishes its own step first.
 */
export class SimProcess {
  readonly startedAt: number;
  private readonly clock: SimClock;
  private readonly timers = new Set<SimTimer>();
  private readonly ports = new Set<number>();
  private readonly exitHandlers: Array<(status: ExitStatus) => void> = [];
  private status: ExitStatus | undefined;
  private memory: number;
  private readonly program: Program | undefined;
  private readonly host: ProgramHost;

  constructor(private readonly options: ProcessOptions) {
    this.clock = options.clock;
    this.startedAt = options.clock.now;
    this.memory = options.behaviour.memoryBytes;
    this.program = options.behaviour.program ? programFor(options.behaviour.program) : undefined;
    const self = this;
    this.host = {
      get now() {
        return self.clock.now;
      },
      invocation: options.invocation,
      setTimeout: (fn, ms) => this.after(ms, fn),
      listen: (port) => this.ports.add(port),
      close: (port) => this.ports.delete(port),
      setMemory: (bytes) => this.setMemory(bytes),
      exit: (code) => this.end({ code, at: this.clock.now, oomKilled: false }),
    };
  }

  /** Starts the process: opens its ports, arms its own exit, runs its program. */
  start(): this {
    const b = this.options.behaviour;
    const listen =
      b.listen === 'declared'
        ? (this.options.invocation.ports ?? [])
            .filter((p) => (p.protocol ?? 'TCP') === 'TCP')
            .map((p) => p.containerPort)
        : b.listen;
    for (const port of listen) this.ports.add(port);
    if (b.exit) {
      const { afterMs, code } = b.exit;
      this.after(afterMs, () => this.end({ code, at: this.clock.now, oomKilled: false }));
    }
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

  /** Whether a TCP connection to `port` would be accepted now. */
  listens(port: number): boolean {
    return this.running && this.ports.has(port);
  }

  /** An HTTP GET to `port` and `path`, answered from the behaviour as of now. */
  httpGet(port: number, path: string): HttpResult {
    if (!this.listens(port)) return { kind: 'refused' };
    const http = this.options.behaviour.http;
    if (!http) return { kind: 'not-http' };
    const bare = path.split('?')[0] || '/';
    const route = http.routes.find((r) => r.path === bare);
    const answer = route ? this.answerAt(route.answers) : http.otherwise;
    return { kind: 'response', status: answer.status, body: answer.body ?? '' };
  }

  /** Delivers a signal: SIGKILL ends it now (137); SIGTERM does what the behaviour says. */
  signal(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (!this.running) return;
    if (signal === 'SIGKILL') {
      this.end({ code: 137, at: this.clock.now, oomKilled: false, signal });
      return;
    }
    if (this.program?.onSignal?.(signal, this.host)) return;
    const term = this.options.behaviour.sigterm;
    if (term.action === 'ignore') return;
    const code = term.code;
    this.after(term.afterMs ?? 0, () => this.end({ code, at: this.clock.now, oomKilled: false, signal }));
  }

  /**
   * Runs a command in the container (exec probes, kubectl exec); undefined when the image has
   * no program that can run commands yet.
   */
  exec(command: readonly string[]): ExecResult | undefined {
    if (!this.running) return { exitCode: 126, output: 'container is not running' };
    return this.program?.exec?.(command, this.host);
  }

  onExit(handler: (status: ExitStatus) => void): void {
    this.exitHandlers.push(handler);
  }

  private answerAt(answers: readonly HttpAnswer[]): HttpAnswer {
    const age = this.clock.now - this.startedAt;
    let current = answers[0]!;
    for (const a of answers) if ((a.fromMs ?? 0) <= age) current = a;
    return current;
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
    const timer = this.clock.setTimeout(
      () => {
        this.timers.delete(timer);
        const hop = this.clock.setTimeout(
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
    this.status = status;
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.ports.clear();
    // Tell the watchers from a timer of its own, after whatever caused the exit has finished.
    this.clock.setTimeout(
      () => {
        for (const handler of this.exitHandlers) handler(status);
      },
      0,
      `${this.options.label} exit`,
    );
  }
}
