/**
 * What a pod looks like: phase, readiness, STATUS, containers, node, QoS class, events, logs
 * (STEPS.md "Pods"). Every phrase takes a leading "the" (`the pod "web" …`), and a container is
 * `of` or `in` its pod; the synonyms share the canonical phrase's handler.
 */
import type { DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { formatDuration, type Pod, parseDuration } from '../src/index.js';
import { mustSucceed, shouldContain } from './support/command-checks.js';
import { defineSteps } from './support/define.js';
import { checkEventsTable } from './support/event-steps.js';
import { getPod } from './support/objects.js';
import { isPodReady, podStatusColumn } from './support/pod-status.js';
import {
  checkContainerState,
  checkOneOf,
  checkPhase,
  containerNames,
  containerStarts,
  containerStatusOf,
  describePod,
  onlyContainer,
  QOS_CLASSES,
  stateName,
  stateReason,
} from './support/pods.js';
import { type ObjectRef, showRef } from './support/syntax.js';
import type { KubesimWorld } from './world.js';

// `should be {phase}` takes only the five phases (in any case), so it leaves `should be ready`
// and `should be scheduled` to their own steps; `in phase {word}` names a wrong phase in its error.
defineSteps(
  ['(the )pod {ref} should be in phase {word}', '(the )pod {ref} should be {phase}'],
  function (ref: ObjectRef, phase: string) {
    const wanted = checkPhase(phase);
    const pod = getPod(this.cluster, ref);
    expect(pod.status?.phase, `the phase of pod ${showRef(ref)}\n${describePod(pod)}\n`).to.equal(wanted);
  },
);

defineSteps(['(the )pod {ref} should be ready'], function (ref: ObjectRef) {
  const pod = getPod(this.cluster, ref);
  expect(isPodReady(pod), `pod ${showRef(ref)} should be ready\n${describePod(pod)}\n`).to.equal(true);
});

defineSteps(['(the )pod {ref} should not be ready'], function (ref: ObjectRef) {
  const pod = getPod(this.cluster, ref);
  expect(isPodReady(pod), `pod ${showRef(ref)} should not be ready\n${describePod(pod)}\n`).to.equal(false);
});

defineSteps(
  ['the status of (the )pod {ref} should be {text}', '(the )pod {ref} should have status {text}'],
  function (ref: ObjectRef, text: string) {
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

defineSteps(
  ['(the )container {string} of/in (the )pod {ref} should be {word}'],
  function (name: string, ref: ObjectRef, state: string) {
    const wanted = checkContainerState(state);
    const c = containerOf(getPod(this.cluster, ref), ref, name);
    expect(
      stateName(c),
      `the state of container "${name}" of pod ${showRef(ref)}: ${JSON.stringify(c.state)}\n`,
    ).to.equal(wanted);
  },
);

defineSteps(
  ['(the )container {string} of/in (the )pod {ref} should be {word} with reason {string}'],
  function (name: string, ref: ObjectRef, state: string, reason: string) {
    const wanted = checkContainerState(state);
    const c = containerOf(getPod(this.cluster, ref), ref, name);
    const what = `the state of container "${name}" of pod ${showRef(ref)}: ${JSON.stringify(c.state)}\n`;
    expect({ state: stateName(c), reason: stateReason(c) }, what).to.deep.equal({ state: wanted, reason });
  },
);

function restartCountShouldBe(world: KubesimWorld, name: string, ref: ObjectRef, count: number): void {
  const c = containerOf(getPod(world.cluster, ref), ref, name);
  expect(c.restartCount, `the restart count of container "${name}" of pod ${showRef(ref)}`).to.equal(count);
}

defineSteps(
  ['(the )container {string} of/in (the )pod {ref} should have restarted {int} time(s)'],
  function (name: string, ref: ObjectRef, count: number) {
    restartCountShouldBe(this, name, ref, count);
  },
);

// A pod's restarts are its only container's: with several, the step asks which one is meant.
defineSteps(
  ['(the )pod {ref} should have restarted {int} time(s)'],
  function (ref: ObjectRef, count: number) {
    const pod = getPod(this.cluster, ref);
    const name = onlyContainer(
      (pod.spec?.containers ?? []).map((c) => c.name),
      `pod ${showRef(ref)}`,
      (c) => `container "${c}" of pod "${ref.name}" should have restarted ${count} times`,
    );
    restartCountShouldBe(this, name, ref, count);
  },
);

defineSteps(
  ['(the )container {string} of/in (the )pod {ref} should have started at:'],
  function (name: string, ref: ObjectRef, table: DataTable) {
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

/** Checks the pod's node: `node` a name, or `true` for "on any node", `false` for "on none". */
function scheduledShouldBe(world: KubesimWorld, ref: ObjectRef, node: string | boolean): void {
  const pod = getPod(world.cluster, ref);
  const nodeName = pod.spec?.nodeName;
  if (typeof node === 'string') {
    expect(
      nodeName,
      `the node of pod ${showRef(ref)}\n${describePod(pod)}\n${schedulingMessage(pod)}`,
    ).to.equal(node);
  } else if (node) {
    expect(
      nodeName,
      `pod ${showRef(ref)} should be scheduled\n${describePod(pod)}\n${schedulingMessage(pod)}`,
    ).to.be.a('string');
  } else {
    expect(nodeName, `pod ${showRef(ref)} should not be scheduled\n${describePod(pod)}\n`).to.equal(
      undefined,
    );
  }
}

defineSteps(
  ['(the )pod {ref} should be scheduled on node {string}'],
  function (ref: ObjectRef, node: string) {
    scheduledShouldBe(this, ref, node);
  },
);

defineSteps(['(the )pod {ref} should be scheduled'], function (ref: ObjectRef) {
  scheduledShouldBe(this, ref, true);
});

defineSteps(['(the )pod {ref} should not be scheduled'], function (ref: ObjectRef) {
  scheduledShouldBe(this, ref, false);
});

function schedulingMessage(pod: Pod): string {
  const c = pod.status?.conditions?.find((x) => x.type === 'PodScheduled');
  return c?.message ? `  PodScheduled: ${c.reason}: ${c.message}\n` : '';
}

defineSteps(['the QoS class of (the )pod {ref} should be {word}'], function (ref: ObjectRef, qos: string) {
  checkOneOf('QoS class', qos, QOS_CLASSES);
  const pod = getPod(this.cluster, ref);
  expect(pod.status?.qosClass, `the QoS class of pod ${showRef(ref)} (status.qosClass)`).to.equal(qos);
});

defineSteps(
  ['the events of/for (the )pod {ref} should include:', 'the events of/for (the )pod {ref} should contain:'],
  function (ref: ObjectRef, table: DataTable) {
    checkEventsTable(this, 'Pod', ref, table);
  },
);

/** What `kubectl logs` prints for a pod (its default container) or one of its containers. */
function logsShouldContain(world: KubesimWorld, ref: ObjectRef, container: string | undefined, text: string) {
  const argv = ['logs', ref.name, '-n', ref.namespace, ...(container ? ['-c', container] : [])];
  const command = `kubectl ${argv.join(' ')}`;
  const result = world.kubectlUnrecorded(argv);
  mustSucceed(`\`${command}\``, result);
  shouldContain(result.stdout, text, `the output of \`${command}\``);
}

defineSteps(['the logs of (the )pod {ref} should contain {string}'], function (ref: ObjectRef, text: string) {
  logsShouldContain(this, ref, undefined, text);
});

defineSteps(
  ['the logs of (the )container {string} of/in (the )pod {ref} should contain {string}'],
  function (name: string, ref: ObjectRef, text: string) {
    logsShouldContain(this, ref, name, text);
  },
);
