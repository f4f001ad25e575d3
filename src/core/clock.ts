import FakeTimers, { type Clock } from '@sinonjs/fake-timers';
import { MinHeap } from './heap.js';

/** A timer that has been scheduled on a SimClock; `cancel()` makes it a no-op. */
export interface SimTimer {
  readonly due: number;
  readonly label: string;
  cancel(): void;
}

/**
 * A scheduled timer. A class with a `cancel` method rather than an object literal with a
 * closure: a 1,000-pod hour of probes sets 720,000 timers, and a closure per timer (named by
 * tsx's keepNames helper on top) was a measurable share of it.
 */
class Entry implements SimTimer {
  cancelled = false;

  constructor(
    private readonly clock: SimClock,
    readonly due: number,
    readonly label: string,
    readonly seq: number,
    public fn: () => void,
  ) {}

  cancel(): void {
    if (!this.cancelled) {
      this.cancelled = true;
      // A cancelled timer stays in the heap until it comes up; dropping its function now frees
      // what it holds (a stopped container's SIGKILL timer held its whole pod worker for 30 s).
      this.fn = noop;
      this.clock.forgetCancelled();
    }
  }
}

function noop(): void {}

/** The scenario's time source: what is current, and what falls due next. */
export interface TimeSource {
  /** Simulated milliseconds since the scenario began. */
  readonly now: number;
}

/**
 * The simulated clock of one cluster.
 *
 * Time itself is a private @sinonjs/fake-timers clock (never installed globally, so the test
 * runner's own timers stay real). Timers live in our own binary heap rather than in fake-timers'
 * list: a cluster with 1,000 probed pods has thousands of timers, and fake-timers scans every
 * timer each time one fires. Timers due at the same instant fire in the order they were set.
 */
export class SimClock implements TimeSource {
  private readonly fake: Clock = FakeTimers.createClock(0);
  private readonly timers = new MinHeap<Entry>((a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq));
  private seq = 0;
  private live = 0;
  private firedCount = 0;

  get now(): number {
    return this.fake.now;
  }

  /** Number of timers fired since the clock was made (a measure of simulated work). */
  get fired(): number {
    return this.firedCount;
  }

  /** Number of timers still waiting to fire. */
  get pending(): number {
    return this.live;
  }

  /** Runs `fn` once `delayMs` of simulated time has passed (0: later at this same instant). */
  schedule(fn: () => void, delayMs: number, label = 'timer'): SimTimer {
    const entry = new Entry(this, this.now + Math.max(0, delayMs), label, this.seq++, fn);
    this.timers.push(entry);
    this.live++;
    return entry;
  }

  /** A timer was cancelled: it no longer counts as pending (Entry.cancel). */
  forgetCancelled(): void {
    this.live--;
  }

  /** When the next live timer falls due, if any. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.timers.peek()?.due;
  }

  /**
   * Fires the next timer if it is due at or before `limit`, moving time to its due instant.
   * Returns false when nothing is due by then.
   */
  fireNext(limit: number): SimTimer | undefined {
    this.dropCancelled();
    const top = this.timers.peek();
    if (top === undefined || top.due > limit) return undefined;
    this.timers.pop();
    this.live--;
    top.cancelled = true;
    this.firedCount++;
    if (top.due > this.now) this.fake.tick(top.due - this.now);
    const fn = top.fn;
    top.fn = noop;
    fn();
    return top;
  }

  /** Moves time forward to `t` without firing anything (callers fire due timers first). */
  advanceTo(t: number): void {
    if (t > this.now) this.fake.tick(t - this.now);
  }

  private dropCancelled(): void {
    let top = this.timers.peek();
    while (top?.cancelled) {
      this.timers.pop();
      top = this.timers.peek();
    }
  }
}
