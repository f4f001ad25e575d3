/** Letting simulated time pass (STEPS.md "Time"). */
import { When } from '@cucumber/cucumber';
import { formatDuration } from '../src/index.js';
import { describeDeployment, isRolledOut } from './support/objects.js';
import { isPodReady } from './support/pod-status.js';
import { checkPhase, describePod } from './support/pods.js';
import { type ObjectRef, showRef } from './support/syntax.js';
import type { KubesimWorld } from './world.js';

/** How long the `I wait until …` steps wait before they give up. */
const WAIT_LIMIT_MS = 10 * 60_000;

When('{duration} pass(es)', function (this: KubesimWorld, ms: number) {
  this.cluster.advance(ms);
});

When('I wait {duration}', function (this: KubesimWorld, ms: number) {
  this.cluster.advance(ms);
});

/** Advances until `done` holds; fails after WAIT_LIMIT_MS with what `explain` says about the state. */
function waitUntil(world: KubesimWorld, what: string, done: () => boolean, explain: () => string): void {
  const start = world.cluster.now;
  if (world.cluster.advanceUntil(done, WAIT_LIMIT_MS)) return;
  throw new Error(
    `gave up waiting until ${what} after ${formatDuration(world.cluster.now - start)} of simulated time ` +
      `(now ${formatDuration(world.cluster.now)})\n${explain()}\n(seed ${world.seed})`,
  );
}

When('I wait until deployment {ref} is rolled out', function (this: KubesimWorld, ref: ObjectRef) {
  const get = () => this.cluster.store.get('Deployment', ref.namespace, ref.name);
  waitUntil(
    this,
    `deployment ${showRef(ref)} is rolled out`,
    () => {
      const d = get();
      return d !== undefined && isRolledOut(d);
    },
    () => describeDeployment(get()),
  );
});

When('I wait until pod {ref} is ready', function (this: KubesimWorld, ref: ObjectRef) {
  const get = () => this.cluster.store.get('Pod', ref.namespace, ref.name);
  waitUntil(
    this,
    `pod ${showRef(ref)} is ready`,
    () => {
      const pod = get();
      return pod !== undefined && isPodReady(pod);
    },
    () => describePod(get()),
  );
});

When(
  'I wait until pod {ref} is in phase {word}',
  function (this: KubesimWorld, ref: ObjectRef, phase: string) {
    checkPhase(phase);
    const get = () => this.cluster.store.get('Pod', ref.namespace, ref.name);
    waitUntil(
      this,
      `pod ${showRef(ref)} is in phase ${phase}`,
      () => get()?.status?.phase === phase,
      () => describePod(get()),
    );
  },
);
