import type { KubeObject } from '../api/types.js';
import type { TimeSource } from '../core/clock.js';
import type { Store } from '../store/store.js';
import { timestampOf } from '../store/time.js';

/** 2025-01-01T00:00:00Z in nanoseconds since 1970: the base of event name suffixes. */
const EPOCH_NANOS = 1_735_689_600_000_000_000n;

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

/** The events recorded about one involved object (see EventRecorder.seen). */
interface InvolvedOccurrences {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly occurrences: Map<string, string>;
}

/**
 * Records core/v1 Events as client-go's recorder does: an event with the same source, object,
 * type, reason and message as an earlier one bumps that event's count and lastTimestamp instead
 * of creating a new object (the EventCorrelator's aggregation of identical events).
 */
export class EventRecorder {
  /**
   * The store key (`namespace/name`) of the Event each distinct occurrence was recorded as, by
   * involved object, then by source, type, reason and message. The involved object is looked up
   * by its uid (a crash-looping container repeats four events on every restart, and one short
   * key is cheaper to hash than the whole identity); an entry whose kind, namespace or name is
   * not the object's is never used for it (see `occurrencesOf`).
   */
  private readonly seen = new Map<string, InvolvedOccurrences>();
  /** The last nanosecond stamp used per object name, so names at one instant stay unique. */
  private readonly lastStamp = new Map<string, bigint>();

  constructor(
    private readonly store: Store,
    private readonly clock: TimeSource,
  ) {}

  record(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource): void {
    const namespace = obj.metadata.namespace || 'default';
    const occurrences = this.occurrencesOf(obj, namespace);
    const key = `${source.component}\u0000${source.host ?? ''}\u0000${type}\u0000${reason}\u0000${message}`;
    const now = timestampOf(this.clock.now);
    const storeKey = occurrences.get(key);
    const existing = storeKey === undefined ? undefined : this.store.getByKey('Event', storeKey);
    if (existing) {
      this.store.repeatEvent(existing, (existing.count ?? 1) + 1, now);
      return;
    }
    const name = `${obj.metadata.name}.${this.stamp(`${namespace}/${obj.metadata.name}`).toString(16)}`;
    const event = {
      apiVersion: 'v1',
      kind: 'Event' as const,
      metadata: { name, namespace },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
      },
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    const stored = this.store.create(event);
    occurrences.set(key, `${namespace}/${stored.metadata.name}`);
  }

  /**
   * The occurrences recorded for an involved object. Looked up by uid; an object without one, or
   * whose uid is already taken by an object of another kind, namespace or name (never, for
   * stored objects), is looked up by its whole identity instead.
   */
  private occurrencesOf(obj: KubeObject, namespace: string): Map<string, string> {
    const { name, uid } = obj.metadata;
    let key = uid ?? '';
    let entry = this.seen.get(key);
    if (entry && (entry.kind !== obj.kind || entry.namespace !== namespace || entry.name !== name)) {
      key = `\u0000${obj.kind}\u0000${namespace}\u0000${name}\u0000${key}`;
      entry = this.seen.get(key);
    }
    if (!entry) {
      entry = { kind: obj.kind, namespace, name, occurrences: new Map() };
      this.seen.set(key, entry);
    }
    return entry.occurrences;
  }

  /**
   * Event names end in the hex nanoseconds of their time, as client-go names them. Real events
   * at "the same" instant differ by nanoseconds; here a per-object counter keeps them apart.
   */
  private stamp(objectKey: string): bigint {
    const nanos = EPOCH_NANOS + BigInt(Math.floor(this.clock.now)) * 1_000_000n;
    const last = this.lastStamp.get(objectKey);
    const next = last !== undefined && last >= nanos ? last + 1n : nanos;
    this.lastStamp.set(objectKey, next);
    return next;
  }
}
