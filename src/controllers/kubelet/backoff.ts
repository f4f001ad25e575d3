import type { TimeSource } from '../../core/clock.js';

/** The kubelet's back-off constants (kubelet.go): 10 s initial, 300 s cap, for pulls and restarts. */
export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

/**
 * client-go's flowcontrol.Backoff without jitter (the kubelet uses none): per-key delays that
 * double from `initial` up to `max`; an entry expires when an event comes more than 2 × max
 * after its last update ("stable for twice the max").
 */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: TimeSource,
    private readonly initial = INITIAL_BACKOFF_MS,
    private readonly max = MAX_BACKOFF_MS,
  ) {}

  /** The current delay for a key (0 when there is none). */
  get(id: string): number {
    return this.entries.get(id)?.backoff ?? 0;
  }

  /** Moves a key to its next delay, measured from `eventTime` for expiry. */
  next(id: string, eventTime: number): void {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventTime, entry.lastUpdate)) {
      this.entries.set(id, { backoff: this.initial, lastUpdate: this.clock.now });
    } else {
      entry.backoff = Math.min(entry.backoff * 2, this.max);
      entry.lastUpdate = this.clock.now;
    }
  }

  /** True while less than the current delay has passed since `eventTime` (a container's finish). */
  isInBackOffSince(id: string, eventTime: number): boolean {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventTime, entry.lastUpdate)) return false;
    return this.clock.now - eventTime < entry.backoff;
  }

  /** True while less than the current delay has passed since the key's last update (image pulls). */
  isInBackOffSinceUpdate(id: string, eventTime: number): boolean {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventTime, entry.lastUpdate)) return false;
    return eventTime - entry.lastUpdate < entry.backoff;
  }

  /** When the back-off that started at `since` ends (for scheduling the next attempt). */
  endsAt(id: string, since: number): number {
    return since + this.get(id);
  }

  /** The last update of a key, if it has an entry. */
  lastUpdate(id: string): number | undefined {
    return this.entries.get(id)?.lastUpdate;
  }

  reset(id: string): void {
    this.entries.delete(id);
  }

  /** Drops entries not updated for 2 × max (client-go's GC). */
  gc(): void {
    const now = this.clock.now;
    for (const [id, entry] of this.entries)
      if (this.hasExpired(now, entry.lastUpdate)) this.entries.delete(id);
  }

  private hasExpired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > this.max * 2;
  }
}
