import type { Event, KubeObject } from '../api/types.js';
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
  private readonly seen = new Map<string, string>();

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
    const existingName = this.seen.get(key);
    if (existingName) {
      const existing = this.store.get('Event', namespace, existingName);
      if (existing) {
        this.store.update({
          ...existing,
          count: (existing.count ?? 1) + 1,
          lastTimestamp: now,
          metadata: { ...existing.metadata, resourceVersion: undefined },
        } as Event & KubeObject & { kind: 'Event' });
        return;
      }
    }
    const name = `${obj.metadata.name}.${eventSuffix(this.clock.now)}`;
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
    const stored = this.store.create(uniqueName(this.store, event));
    this.seen.set(key, stored.metadata.name);
  }
}

/** Event names end in the hex nanoseconds of their time, as client-go names them. */
function eventSuffix(simMs: number): string {
  return (EPOCH_NANOS + BigInt(Math.floor(simMs)) * 1_000_000n).toString(16);
}

function uniqueName<T extends { metadata: { name: string; namespace: string } }>(store: Store, event: T): T {
  let name = event.metadata.name;
  let i = 1;
  while (store.get('Event', event.metadata.namespace, name))
    name = `${event.metadata.name}${(i++).toString(16)}`;
  return { ...event, metadata: { ...event.metadata, name } };
}
