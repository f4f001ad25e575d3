import type { KubeObject } from '../api/types.js';
import type { TimeSource } from '../core/clock.js';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One stored change: when it happened (simulated ms), what, and the object as it was then. */
export interface Change {
  readonly seq: number;
  readonly at: number;
  readonly type: ChangeType;
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
  /** The stored (frozen) object after the change; for DELETED, the object as it was. */
  readonly object: KubeObject;
}

/**
 * Every stored change, in order, with its simulated time. "Never" and "always" rules,
 * timelines and failure explanations all read this one record. Objects are frozen, so the
 * history shares them with the store rather than copying.
 */
export class History {
  private readonly changes: Change[] = [];
  private readonly listeners: Array<(c: Change) => void> = [];

  constructor(private readonly clock: TimeSource) {}

  record(type: ChangeType, object: KubeObject): void {
    const change: Change = {
      seq: this.changes.length,
      at: this.clock.now,
      type,
      kind: object.kind,
      namespace: object.metadata.namespace,
      name: object.metadata.name,
      object,
    };
    this.changes.push(change);
    // A copy, so that a listener may unsubscribe while being called; none to copy most of the time.
    if (this.listeners.length > 0) for (const l of [...this.listeners]) l(change);
  }

  /** Calls `listener` for every change from now on; returns a function that stops it. */
  subscribe(listener: (c: Change) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  get length(): number {
    return this.changes.length;
  }

  all(): readonly Change[] {
    return this.changes;
  }

  since(seq: number): readonly Change[] {
    return this.changes.slice(seq);
  }

  /** A stable text form: one JSON line per change. Used to prove runs are byte-for-byte equal. */
  serialize(): string {
    return this.changes
      .map((c) =>
        JSON.stringify({
          at: c.at,
          type: c.type,
          kind: c.kind,
          ns: c.namespace,
          name: c.name,
          object: c.object,
        }),
      )
      .join('\n');
  }
}
