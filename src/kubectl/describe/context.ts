import type { KubeObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import type { EventIndex } from './events.js';

/** What every describer reads: the store (for related objects and events) and the clock. */
export interface DescribeContext {
  readonly store: Store;
  /** Simulated milliseconds now, for ages (`10s`, `Terminating (lasts 30s)`). */
  readonly now: number;
  /** --show-events. */
  readonly showEvents: boolean;
  /** The events grouped by object, shared by the describers of one command (built if absent). */
  readonly events?: EventIndex;
}

/** One kind's describer: the object as stored, to the text describe prints for it. */
export type Describer = (obj: KubeObject, ctx: DescribeContext) => string;
