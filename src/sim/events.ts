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

/**
 * Records core/v1 Events as client-go's recorder does: an event with the same source, object,
 * type, reason and message as an earlier one bumps that event's count and lastTimestamp instead
 * of creating a new object (the EventCorrelator's aggregation of identical events).
 */
export class EventRecorder {
  /** The store key (`namespace/name`) of the Event each distinct occurrence was recorded as. */
  private readonly seen = new Map<string, string>();
  /** The last nanosecond stamp used per object name, so names at one instant stay unique. */
  private readonly lastStamp = new Map<string, bigint>();

  constructor(
    private readonly store: Store,
    private readonly clock: TimeSource,
  ) {}

  record(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource): void {
    const namespace = obj.metadata.namespace || 'default';
    const involved = {
      kind: obj.kind,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name,
      uid: obj.metadata.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: obj.metadata.resourceVersion,
    };
    const key = [
      source.component,
      source.host ?? '',
      obj.kind,
      namespace,
      obj.metadata.name,
      obj.metadata.uid,
      type,
      reason,
      message,
    ].join('\u0000');
    const now = timestampOf(this.clock.now);
    const storeKey = this.seen.get(key);
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
      involvedObject: involved,
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
    this.seen.set(key, `${namespace}/${stored.metadata.name}`);
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
