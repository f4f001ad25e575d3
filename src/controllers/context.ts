import type { ClusterSettings } from '../cluster/settings.js';
import type { SimClock } from '../core/clock.js';
import type { Random } from '../core/random.js';
import type { EventRecorder } from '../sim/events.js';
import type { SimLoop } from '../sim/loop.js';
import type { Store } from '../store/store.js';

/** What every controller is given: it reads and writes only through the store. */
export interface ControllerContext {
  readonly store: Store;
  readonly clock: SimClock;
  readonly loop: SimLoop;
  /** A stream of its own, forked from the cluster seed by controller name. */
  readonly random: Random;
  readonly events: EventRecorder;
  readonly settings: ClusterSettings;
}

/** A controller: `start()` subscribes to the store and creates its work queue. */
export interface Controller {
  readonly name: string;
  start(): void;
}
