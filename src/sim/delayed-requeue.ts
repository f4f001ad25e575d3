/**
 * workqueue.AddAfter for controllers whose requeues must all happen: the key waits on its own
 * timer and is added to the queue when it fires, whatever else happens to the key meanwhile.
 *
 * Unlike client-go, which keeps only the soonest wait per key, every distinct time is kept. In a
 * real cluster a requeue lands a few milliseconds late, so "minReadySeconds after Ready" is
 * already past when it runs; here it lands exactly on the boundary, where "strictly after" does
 * not hold yet, and the later wait (upstream's extra second, kept for exactly this skew) is what
 * makes the documented schedule happen. The extra syncs are no-ops otherwise.
 */
import type { SimClock } from '../core/clock.js';

export class DelayedRequeue {
  private readonly waiting = new Set<string>();

  constructor(
    private readonly clock: SimClock,
    private readonly label: string,
    private readonly add: (key: string) => void,
  ) {}

  after(key: string, delayMs: number): void {
    if (delayMs <= 0) {
      this.add(key);
      return;
    }
    const id = `${this.clock.now + delayMs}|${key}`;
    if (this.waiting.has(id)) return;
    this.waiting.add(id);
    this.clock.setTimeout(
      () => {
        this.waiting.delete(id);
        this.add(key);
      },
      delayMs,
      this.label,
    );
  }
}
