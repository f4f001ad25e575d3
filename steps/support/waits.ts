/**
 * The `I wait until …` steps' one way of waiting: advance simulated time until a condition holds,
 * and give up after a bound (10 minutes, or the step's own `within D`) with what the state was.
 */
import { formatDuration } from '../../src/index.js';
import type { KubesimWorld } from '../world.js';
import { isPodReady } from './pod-status.js';
import { describePod } from './pods.js';
import { type ObjectRef, showRef } from './syntax.js';

/** How long the `I wait until …` steps wait before they give up. */
export const WAIT_LIMIT_MS = 10 * 60_000;

/** Advances until `done` holds; fails after `limitMs` with what `explain` says about the state. */
export function waitUntil(
  world: KubesimWorld,
  what: string,
  done: () => boolean,
  explain: () => string,
  limitMs = WAIT_LIMIT_MS,
): void {
  const start = world.cluster.now;
  if (world.cluster.advanceUntil(done, limitMs)) return;
  throw new Error(
    `gave up waiting until ${what} after ${formatDuration(world.cluster.now - start)} of simulated time ` +
      `(now ${formatDuration(world.cluster.now)})\n${explain()}\n(seed ${world.seed})`,
  );
}

/** `I wait until pod "NAME" is ready`, and `pod "NAME" should be ready within D` with its own bound. */
export function waitForPodReady(world: KubesimWorld, ref: ObjectRef, limitMs = WAIT_LIMIT_MS): void {
  const get = () => world.cluster.store.get('Pod', ref.namespace, ref.name);
  waitUntil(
    world,
    `pod ${showRef(ref)} is ready`,
    () => {
      const pod = get();
      return pod !== undefined && isPodReady(pod);
    },
    () => describePod(get()),
    limitMs,
  );
}
