/** Letting simulated time pass (STEPS.md "Time"), and the synonyms of those phrases. */
import { defineSteps } from './support/define.js';
import { describeDeployment, isGoing, isRolledOut } from './support/objects.js';
import { isPodReady, podStatusColumn } from './support/pod-status.js';
import { checkPhase, describePod } from './support/pods.js';
import { type ObjectRef, showRef } from './support/syntax.js';
import { waitForPodReady, waitUntil } from './support/waits.js';

defineSteps(
  ['{duration} pass(es)', '{duration} has/have passed', 'I wait {duration}', 'I wait for {duration}'],
  function (ms: number) {
    this.cluster.advance(ms);
  },
);

defineSteps(['I wait until (the )deployment {ref} is rolled out'], function (ref: ObjectRef) {
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

// What `kubectl wait --for=condition=Available deployment/NAME` waits for: the Deployment has its
// minimum availability (maxUnavailable), which is less than rolled out.
defineSteps(['I wait until (the )deployment {ref} is available'], function (ref: ObjectRef) {
  const get = () => this.cluster.store.get('Deployment', ref.namespace, ref.name);
  waitUntil(
    this,
    `deployment ${showRef(ref)} is available (condition Available=True)`,
    () => (get()?.status?.conditions ?? []).some((c) => c.type === 'Available' && c.status === 'True'),
    () => describeDeployment(get()),
  );
});

defineSteps(['I wait until (the )pod {ref} is ready'], function (ref: ObjectRef) {
  waitForPodReady(this, ref);
});

defineSteps(
  ['I wait until (the )pod {ref} is in phase {word}', 'I wait until (the )pod {ref} is {phase}'],
  function (ref: ObjectRef, phase: string) {
    const wanted = checkPhase(phase);
    const get = () => this.cluster.store.get('Pod', ref.namespace, ref.name);
    waitUntil(
      this,
      `pod ${showRef(ref)} is in phase ${wanted}`,
      () => get()?.status?.phase === wanted,
      () => describePod(get()),
    );
  },
);

// Like `kubectl wait --for=condition=Ready pods --all`: the pods of the default namespace, at
// least one; finished and terminating pods are left out, as they never turn ready again.
defineSteps(['I wait until all pods are ready'], function () {
  const live = () => this.cluster.store.list('Pod', 'default').filter((p) => !isGoing(p));
  waitUntil(
    this,
    'all pods (of namespace default, not finished or terminating) are ready',
    () => {
      const pods = live();
      return pods.length > 0 && pods.every(isPodReady);
    },
    () => {
      const pods = live();
      if (pods.length === 0) return '  (there are no pods in namespace default)';
      return pods
        .map((p) => `  ${p.metadata.name}: ${isPodReady(p) ? 'ready' : 'not ready'}, ${podStatusColumn(p)}`)
        .join('\n');
    },
  );
});

defineSteps(['(the )pod {ref} should be ready within {duration}'], function (ref: ObjectRef, ms: number) {
  waitForPodReady(this, ref, ms);
});
