/**
 * What a Deployment and its ReplicaSets look like (STEPS.md "Deployments and ReplicaSets"), with
 * their synonyms. Every phrase takes a leading "the" (`the deployment "web" …`).
 */
import type { DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { ReplicaSet } from '../src/index.js';
import { defineSteps } from './support/define.js';
import { checkEventsTable } from './support/event-steps.js';
import {
  CHANGE_CAUSE,
  describeDeployment,
  getDeployment,
  isRolledOut,
  podsOf,
  REVISION,
  readyPodsOf,
  replicaSetsOf,
  revisionOf,
} from './support/objects.js';
import { type ObjectRef, showRef } from './support/syntax.js';
import type { KubesimWorld } from './world.js';

defineSteps(
  [
    '(the )deployment {ref} should be rolled out',
    'the rollout status of (the )deployment {ref} should be successful',
  ],
  function (ref: ObjectRef) {
    const d = getDeployment(this.cluster, ref);
    if (!isRolledOut(d))
      expect.fail(`deployment ${showRef(ref)} is not rolled out\n${describeDeployment(d)}`);
  },
);

const STATUS_FIELDS = [
  'replicas',
  'updatedReplicas',
  'readyReplicas',
  'availableReplicas',
  'unavailableReplicas',
  'observedGeneration',
] as const;

/** Compares status fields of a Deployment (absent fields count as 0) with `rows` of [field, value]. */
function statusShouldBe(world: KubesimWorld, ref: ObjectRef, rows: readonly string[][]): void {
  for (const row of rows) {
    if (row.length !== 2) throw new Error('the status table has two columns: the field and its value');
    if (!(STATUS_FIELDS as readonly string[]).includes(row[0]!)) {
      throw new Error(`"${row[0]}" is not a deployment status field: use ${STATUS_FIELDS.join(', ')}`);
    }
  }
  const d = getDeployment(world.cluster, ref);
  const status = (d.status ?? {}) as Record<string, unknown>;
  const actual = Object.fromEntries(rows.map(([field]) => [field, String(status[field!] ?? 0)]));
  expect(actual, `the status of deployment ${showRef(ref)} (absent fields count as 0)`).to.deep.equal(
    Object.fromEntries(rows),
  );
}

defineSteps(['(the )deployment {ref} should have status:'], function (ref: ObjectRef, table: DataTable) {
  // Two columns, field and value; a header row `| field | value |` may come first.
  statusShouldBe(
    this,
    ref,
    table.raw().filter(([field]) => field !== 'field'),
  );
});

// `should have 3 available replicas` is the status table's row `| availableReplicas | 3 |`.
defineSteps(
  ['(the )deployment {ref} should have {int} {replicas}'],
  function (ref: ObjectRef, count: number, field: string) {
    statusShouldBe(this, ref, [[field, String(count)]]);
  },
);

/** One field of a condition of a Deployment: its reason or its status. */
function conditionShouldHave(
  world: KubesimWorld,
  ref: ObjectRef,
  type: string,
  field: 'reason' | 'status',
  expected: string,
): void {
  const d = getDeployment(world.cluster, ref);
  const condition = d.status?.conditions?.find((c) => c.type === type);
  if (!condition)
    expect.fail(`deployment ${showRef(ref)} has no ${type} condition\n${describeDeployment(d)}`);
  expect(
    condition[field],
    `the ${field} of the ${type} condition of deployment ${showRef(ref)}\n${describeDeployment(d)}\n`,
  ).to.equal(expected);
}

defineSteps(
  ['(the )deployment {ref} should have condition {word} with reason {text}'],
  function (ref: ObjectRef, type: string, reason: string) {
    conditionShouldHave(this, ref, type, 'reason', reason);
  },
);

defineSteps(
  ['(the )deployment {ref} should have condition {word} with status {text}'],
  function (ref: ObjectRef, type: string, status: string) {
    conditionShouldHave(this, ref, type, 'status', status);
  },
);

defineSteps(
  ['(the )deployment {ref} should be at revision {revision}'],
  function (ref: ObjectRef, revision: bigint) {
    const d = getDeployment(this.cluster, ref);
    expect(
      d.metadata.annotations?.[REVISION],
      `the ${REVISION} annotation of deployment ${showRef(ref)}`,
    ).to.equal(String(revision));
  },
);

defineSteps(
  ['(the )deployment {ref} should have {int} ready pod(s)'],
  function (ref: ObjectRef, count: number) {
    const d = getDeployment(this.cluster, ref);
    const pods = readyPodsOf(this.cluster, d).map((p) => p.metadata.name);
    expect(pods.length, `ready pods of deployment ${showRef(ref)}: ${pods.join(', ') || 'none'}`).to.equal(
      count,
    );
  },
);

defineSteps(
  ['(the )deployment {ref} should have {int} running pod(s)'],
  function (ref: ObjectRef, count: number) {
    const d = getDeployment(this.cluster, ref);
    const pods = podsOf(this.cluster, d)
      .filter((p) => p.status?.phase === 'Running')
      .map((p) => p.metadata.name);
    expect(pods.length, `running pods of deployment ${showRef(ref)}: ${pods.join(', ') || 'none'}`).to.equal(
      count,
    );
  },
);

defineSteps(
  ['all pods of (the )deployment {ref} should run image {string}'],
  function (ref: ObjectRef, image: string) {
    const d = getDeployment(this.cluster, ref);
    const pods = podsOf(this.cluster, d);
    if (pods.length === 0) expect.fail(`deployment ${showRef(ref)} has no pods`);
    const wrong = pods
      .map((p) => [p.metadata.name, (p.spec?.containers ?? []).map((c) => c.image)] as const)
      .filter(([, images]) => !images.includes(image));
    if (wrong.length > 0) {
      expect.fail(
        `${wrong.length} of the ${pods.length} pods of deployment ${showRef(ref)} do not run ${image}:\n` +
          wrong.map(([name, images]) => `  ${name}: ${images.join(', ')}`).join('\n'),
      );
    }
  },
);

/** One cell of the replica sets table for a ReplicaSet. */
const RS_COLUMNS: Record<string, (rs: ReplicaSet) => string> = {
  revision: (rs) => String(revisionOf(rs)),
  image: (rs) => (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image).join(','),
  replicas: (rs) => String(rs.spec?.replicas ?? 1),
  ready: (rs) => String(rs.status?.readyReplicas ?? 0),
  available: (rs) => String(rs.status?.availableReplicas ?? 0),
  'change-cause': (rs) => rs.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>',
};

defineSteps(
  ['the replica sets of (the )deployment {ref} should be:'],
  function (ref: ObjectRef, table: DataTable) {
    const columns = table.raw()[0] ?? [];
    const unknown = columns.filter((c) => !(c in RS_COLUMNS));
    if (unknown.length > 0) {
      throw new Error(
        `unknown replica sets column(s) ${unknown.join(', ')}: use ${Object.keys(RS_COLUMNS).join(', ')}`,
      );
    }
    const d = getDeployment(this.cluster, ref);
    const actual = replicaSetsOf(this.cluster, d).map((rs) =>
      Object.fromEntries(columns.map((c) => [c, RS_COLUMNS[c]!(rs)])),
    );
    expect(actual, `the replica sets of deployment ${showRef(ref)}, by revision`).to.deep.equal(
      table.hashes(),
    );
  },
);

defineSteps(
  [
    'the events of/for (the )deployment {ref} should include:',
    'the events of/for (the )deployment {ref} should contain:',
  ],
  function (ref: ObjectRef, table: DataTable) {
    checkEventsTable(this, 'Deployment', ref, table);
  },
);
