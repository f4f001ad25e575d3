/** Rules over time (STEPS.md "Rules over time"); the checking lives in support/rules.ts. */
import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { formatDuration } from '../src/index.js';
import { firstBreak } from './support/rules.js';
import { type ObjectRef, showRef } from './support/syntax.js';
import { AvailableReplicas, DeploymentPods, ReadyEndpoints, type Tracker } from './support/trackers.js';
import type { KubesimWorld } from './world.js';

Then(
  'from now on, deployment {ref} should always have at least {int} available replicas',
  function (this: KubesimWorld, ref: ObjectRef, min: number) {
    this.rules.watch({
      text: `deployment ${showRef(ref)} should always have at least ${min} available replicas`,
      tracker: new AvailableReplicas(ref),
      kinds: AvailableReplicas.kinds,
      namespace: ref.namespace,
      holds: (n) => n >= min,
    });
  },
);

Then(
  'from now on, deployment {ref} should never have more than {int} pods',
  function (this: KubesimWorld, ref: ObjectRef, max: number) {
    this.rules.watch({
      text: `deployment ${showRef(ref)} should never have more than ${max} pods (not terminating)`,
      tracker: new DeploymentPods(ref),
      kinds: DeploymentPods.kinds,
      namespace: ref.namespace,
      holds: (n) => n <= max,
    });
  },
);

Then(
  'from now on, service {ref} should always have at least {int} ready endpoints',
  function (this: KubesimWorld, ref: ObjectRef, min: number) {
    this.rules.watch({
      text: `service ${showRef(ref)} should always have at least ${min} ready endpoints`,
      tracker: new ReadyEndpoints(ref),
      kinds: ReadyEndpoints.kinds,
      namespace: ref.namespace,
      holds: (n) => n >= min,
    });
  },
);

Then(
  'from now on, requests to service {ref} should only reach ready pods',
  function (this: KubesimWorld, ref: ObjectRef) {
    this.rules.watchRequests(
      `every request to service ${showRef(ref)} should reach a pod that is ready at that moment`,
      `${ref.namespace}/${ref.name}`,
    );
  },
);

/** Replays the whole history through `tracker` and fails at the first moment `holds` did not. */
function neverHad(
  world: KubesimWorld,
  what: string,
  tracker: Tracker,
  holds: (n: number) => boolean,
  once?: (n: number) => boolean,
): void {
  const result = firstBreak(world.cluster.store.history.all(), tracker, holds, once);
  if (!result.reached) expect.fail(`${what}: it never got there in the first place\n${tracker.describe()}`);
  if (result.break) {
    const b = result.break;
    expect.fail(
      `${what}, but at ${formatDuration(b.at)} (simulated time) it had ${b.value}\nstate at that moment:\n${b.state}`,
    );
  }
}

Then(
  'deployment {ref} should never have had more than {int} pods',
  function (this: KubesimWorld, ref: ObjectRef, max: number) {
    neverHad(
      this,
      `deployment ${showRef(ref)} should never have had more than ${max} pods`,
      new DeploymentPods(ref),
      (n) => n <= max,
    );
  },
);

// A Deployment that is coming up has no available replicas, so the check starts at the moment
// it first had N; it fails if it never had N at all.
Then(
  'deployment {ref} should never have had fewer than {int} available replicas',
  function (this: KubesimWorld, ref: ObjectRef, min: number) {
    neverHad(
      this,
      `deployment ${showRef(ref)} should never have had fewer than ${min} available replicas (once it first had ${min})`,
      new AvailableReplicas(ref),
      (n) => n >= min,
      (n) => n >= min,
    );
  },
);

Then(
  'service {ref} should never have had fewer than {int} ready endpoints',
  function (this: KubesimWorld, ref: ObjectRef, min: number) {
    neverHad(
      this,
      `service ${showRef(ref)} should never have had fewer than ${min} ready endpoints (once it first had ${min})`,
      new ReadyEndpoints(ref),
      (n) => n >= min,
      (n) => n >= min,
    );
  },
);
