/** What a pod looks like: phase, readiness, STATUS, containers, node, QoS class, events (STEPS.md "Pods"). */
import { type DataTable, Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { formatDuration, type Pod, parseDuration } from '../src/index.js';
import { checkEventsTable } from './support/event-steps.js';
import { getPod } from './support/objects.js';
import { isPodReady, podStatusColumn } from './support/pod-status.js';
import {
  CONTAINER_STATES,
  checkOneOf,
  checkPhase,
  containerNames,
  containerStarts,
  containerStatusOf,
  describePod,
  QOS_CLASSES,
  stateName,
  stateReason,
} from './support/pods.js';
import { type ObjectRef, showRef } from './support/syntax.js';
import type { KubesimWorld } from './world.js';

Then('pod {ref} should be in phase {word}', function (this: KubesimWorld, ref: ObjectRef, phase: string) {
  checkPhase(phase);
  const pod = getPod(this.cluster, ref);
  expect(pod.status?.phase, `the phase of pod ${showRef(ref)}\n${describePod(pod)}\n`).to.equal(phase);
});

Then('pod {ref} should be ready', function (this: KubesimWorld, ref: ObjectRef) {
  const pod = getPod(this.cluster, ref);
  expect(isPodReady(pod), `pod ${showRef(ref)} should be ready\n${describePod(pod)}\n`).to.equal(true);
});

Then('pod {ref} should not be ready', function (this: KubesimWorld, ref: ObjectRef) {
  const pod = getPod(this.cluster, ref);
  expect(isPodReady(pod), `pod ${showRef(ref)} should not be ready\n${describePod(pod)}\n`).to.equal(false);
});

Then(
  'the status of pod {ref} should be {string}',
  function (this: KubesimWorld, ref: ObjectRef, text: string) {
    const pod = getPod(this.cluster, ref);
    expect(podStatusColumn(pod), `the STATUS of pod ${showRef(ref)} in \`kubectl get pods\``).to.equal(text);
  },
);

/** The status of container `name` of a pod, or an error that says why there is none. */
function containerOf(pod: Pod, ref: ObjectRef, name: string) {
  const names = containerNames(pod);
  if (!names.includes(name)) {
    throw new Error(`pod ${showRef(ref)} has no container "${name}" (its containers: ${names.join(', ')})`);
  }
  const status = containerStatusOf(pod, name);
  if (!status)
    throw new Error(`container "${name}" of pod ${showRef(ref)} has no status yet\n${describePod(pod)}`);
  return status;
}

Then(
  'container {string} of pod {ref} should be {word}',
  function (this: KubesimWorld, name: string, ref: ObjectRef, state: string) {
    checkOneOf('container state', state, CONTAINER_STATES);
    const c = containerOf(getPod(this.cluster, ref), ref, name);
    expect(
      stateName(c),
      `the state of container "${name}" of pod ${showRef(ref)}: ${JSON.stringify(c.state)}\n`,
    ).to.equal(state);
  },
);

Then(
  'container {string} of pod {ref} should be {word} with reason {string}',
  function (this: KubesimWorld, name: string, ref: ObjectRef, state: string, reason: string) {
    checkOneOf('container state', state, CONTAINER_STATES);
    const c = containerOf(getPod(this.cluster, ref), ref, name);
    const what = `the state of container "${name}" of pod ${showRef(ref)}: ${JSON.stringify(c.state)}\n`;
    expect({ state: stateName(c), reason: stateReason(c) }, what).to.deep.equal({ state, reason });
  },
);

Then(
  'container {string} of pod {ref} should have restarted {int} time(s)',
  function (this: KubesimWorld, name: string, ref: ObjectRef, count: number) {
    const c = containerOf(getPod(this.cluster, ref), ref, name);
    expect(c.restartCount, `the restart count of container "${name}" of pod ${showRef(ref)}`).to.equal(count);
  },
);

Then(
  'container {string} of pod {ref} should have started at:',
  function (this: KubesimWorld, name: string, ref: ObjectRef, table: DataTable) {
    const [header, ...rows] = table.raw();
    if (header?.length !== 1 || header[0] !== 'at')
      throw new Error('the table has one column, "at": one row per start');
    const pod = getPod(this.cluster, ref);
    containerOf(pod, ref, name);
    const starts = containerStarts(this.cluster.store.history.all(), { ...ref, uid: pod.metadata.uid }, name);
    expect(
      starts.map(formatDuration),
      `the starts of container "${name}" of pod ${showRef(ref)} (simulated time since the scenario began)`,
    ).to.deep.equal(rows.map(([cell]) => formatDuration(parseDuration(cell!))));
  },
);

Then(
  'pod {ref} should be scheduled on node {string}',
  function (this: KubesimWorld, ref: ObjectRef, node: string) {
    const pod = getPod(this.cluster, ref);
    expect(
      pod.spec?.nodeName,
      `the node of pod ${showRef(ref)}\n${describePod(pod)}\n${schedulingMessage(pod)}`,
    ).to.equal(node);
  },
);

Then('pod {ref} should not be scheduled', function (this: KubesimWorld, ref: ObjectRef) {
  const pod = getPod(this.cluster, ref);
  expect(pod.spec?.nodeName, `pod ${showRef(ref)} should not be scheduled\n${describePod(pod)}\n`).to.equal(
    undefined,
  );
});

function schedulingMessage(pod: Pod): string {
  const c = pod.status?.conditions?.find((x) => x.type === 'PodScheduled');
  return c?.message ? `  PodScheduled: ${c.reason}: ${c.message}\n` : '';
}

Then(
  'the QoS class of pod {ref} should be {word}',
  function (this: KubesimWorld, ref: ObjectRef, qos: string) {
    checkOneOf('QoS class', qos, QOS_CLASSES);
    const pod = getPod(this.cluster, ref);
    expect(pod.status?.qosClass, `the QoS class of pod ${showRef(ref)} (status.qosClass)`).to.equal(qos);
  },
);

Then(
  'the events of pod {ref} should include:',
  function (this: KubesimWorld, ref: ObjectRef, table: DataTable) {
    checkEventsTable(this, 'Pod', ref, table);
  },
);
