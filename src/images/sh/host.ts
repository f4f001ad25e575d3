import type {
  DnsAnswer,
  DnsRequest,
  HttpAnswer,
  HttpRequest,
  Signal,
  Step,
  TcpAnswer,
  TcpRequest,
} from './effects.js';
import type { Delivery, ShellProcess } from './process.js';

/**
 * Drives a ShellProcess on the simulated clock: the adapter a container runtime (the kubelet's
 * process for a busybox container) uses so that it only has to provide timers and network
 * answers. A sleep becomes one timer; a network effect is answered at once (or after the
 * answer's `afterMs`); a signal that changes what the process waits on makes earlier timers
 * stale (they are ignored, so the host needs no cancellable timers).
 */
export interface ShellHost {
  /** Simulated ms now (the same clock the ShellProcess was given as `now`). */
  readonly now: number;
  /** Calls `fn` after `ms` of simulated time (same contract as ProgramHost.schedule). */
  schedule(fn: () => void, ms: number): void;
  /** The process ended (once). */
  exit(code: number, signal?: Signal): void;
  http?(request: HttpRequest): HttpAnswer;
  tcp?(request: TcpRequest): TcpAnswer;
  dns?(request: DnsRequest): DnsAnswer;
}

export class ShellRunner {
  private generation = 0;
  private ended = false;

  constructor(
    readonly process: ShellProcess,
    private readonly host: ShellHost,
  ) {}

  /** Starts the program: everything up to its first wait happens now. */
  start(): void {
    this.follow(this.process.start());
  }

  /**
   * Delivers a signal. `outcome` says what happened: `killed` (exit already reported),
   * `ignored` (a PID 1 shell without a trap), `trap-pending` (runs when the current foreground
   * command ends), `trap-ran`.
   */
  signal(signal: Signal): Delivery {
    const d = this.process.deliver(signal);
    if (d.changed) {
      this.generation++;
      this.follow(d.step);
    }
    return d;
  }

  /**
   * Lets the process notice a change made from outside it (a background job killed from an exec):
   * a `wait` for that job ends. A process waiting on the network notices when its answer comes.
   */
  refresh(): void {
    if (this.ended || this.process.current().type !== 'sleep') return;
    this.generation++;
    this.follow(this.process.resume());
  }

  /** Applies steps until the process waits on the clock or ends. */
  private follow(first: Step): void {
    let step = first;
    for (;;) {
      if (step.type === 'exit') {
        if (!this.ended) {
          this.ended = true;
          this.host.exit(step.code, step.signal);
        }
        return;
      }
      const gen = ++this.generation;
      if (step.type === 'sleep') {
        if (step.until === Number.POSITIVE_INFINITY) return;
        this.host.schedule(() => this.wake(gen), Math.max(0, step.until - this.host.now));
        return;
      }
      const answer = this.answer(step);
      const after = answer.afterMs ?? 0;
      if (after > 0) {
        this.host.schedule(() => {
          if (gen === this.generation) this.follow(this.process.resume(answer));
        }, after);
        return;
      }
      step = this.process.resume(answer);
    }
  }

  private wake(gen: number): void {
    if (gen !== this.generation || this.ended) return;
    this.follow(this.process.resume());
  }

  private answer(step: Exclude<Step, { type: 'exit' | 'sleep' }>): HttpAnswer | TcpAnswer | DnsAnswer {
    switch (step.type) {
      case 'http':
        return this.host.http?.(step.request) ?? { type: 'error', error: 'unresolvable' };
      case 'tcp':
        return this.host.tcp?.(step.request) ?? { type: 'error', error: 'unresolvable' };
      case 'dns':
        return this.host.dns?.(step.request) ?? { type: 'error', error: 'nxdomain' };
    }
  }
}
