/** What a Deployment and its ReplicaSets look like (STEPS.md "Deployments and ReplicaSets"). */
import { type DataTable, Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { ReplicaSet } from '../src/index.js';
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

Then('deployment {ref} should be rolled out', function (this: KubesimWorld, ref: ObjectRef) {
  const d = getDeployment(this.cluster, ref);
  if (!isRolledOut(d)) expect.fail(`deployment ${showRef(ref)} is not rolled out\n${describeDeployment(d)}`);
});

const STATUS_FIELDS = [
  'replicas',
  'updatedReplicas',
  'readyReplicas',
  'availableReplicas',
  'unavailableReplicas',
  'observedGeneration',
] as const;

Then('deployment {ref} should have status:', function (this: KubesimWorld, ref: ObjectRef, table: DataTable) {
  // Two columns, field and value; a header row `| field | value |` may come first.
  const rows = table.raw().filter(([field]) => field !== 'field');
  for (const row of rows) {
    if (row.length !== 2) throw new Error('the status table has two columns: the field and its value');
    if (!(STATUS_FIELDS as readonly string[]).includes(row[0]!)) {
      throw new Error(`"${row[0]}" is not a deployment status field: use ${STATUS_FIELDS.join(', ')}`);
    }
  }
  const d = getDeployment(this.cluster, ref);
  const status = (d.status ?? {}) as Record<string, unknown>;
  const actual = Object.fromEntries(rows.map(([field]) => [field, String(status[field!] ?? 0)]));
  expect(actual, `the status of deployment ${showRef(ref)} (absent fields count as 0)`).to.deep.equal(
    Object.fromEntries(rows),
  );
});

Then(
  'deployment {ref} should have condition {word} with reason {string}',
  function (this: KubesimWorld, ref: ObjectRef, type: string, reason: string) {
    const d = getDeployment(this.cluster, ref);
    const condition = d.status?.conditions?.find((c) => c.type === type);
    if (!condition)
      expect.fail(`deployment ${showRef(ref)} has no ${type} condition\n${describeDeployment(d)}`);
    expect(
      condition.reason,
      `the reason of the ${type} condition of deployment ${showRef(ref)}\n${describeDeployment(d)}\n`,
    ).to.equal(reason);
  },
);

Then(
  'deployment {ref} should be at revision {int}',
  function (this: KubesimWorld, ref: ObjectRef, revision: number) {
    const d = getDeployment(this.cluster, ref);
    expect(
      d.metadata.annotations?.[REVISION],
      `the ${REVISION} annotation of deployment ${showRef(ref)}`,
    ).to.equal(String(revision));
  },
);

Then(
  'deployment {ref} should have {int} ready pod(s)',
  function (this: KubesimWorld, ref: ObjectRef, count: number) {
    const d = getDeployment(this.cluster, ref);
    const pods = readyPodsOf(this.cluster, d).map((p) => p.metadata.name);
    expect(pods.length, `ready pods of deployment ${showRef(ref)}: ${pods.join(', ') || 'none'}`).to.equal(
      count,
    );
  },
);

Then(
  'deployment {ref} should have {int} running pod(s)',
  function (this: KubesimWorld, ref: ObjectRef, count: number) {
    const d = getDeployment(this.cluster, ref);
    const pods = podsOf(this.cluster, d)
      .filter((p) => p.status?.phase === 'Running')
      .map((p) => p.metadata.name);
    expect(pods.length, `running pods of deployment ${showRef(ref)}: ${pods.join(', ') || 'none'}`).to.equal(
      count,
    );
  },
);

Then(
  'all pods of deployment {ref} should run image {string}',
  function (this: KubesimWorld, ref: ObjectRef, image: string) {
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

Then(
  'the replica sets of deployment {ref} should be:',
  function (this: KubesimWorld, ref: ObjectRef, table: DataTable) {
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

Then(
  'the events of deployment {ref} should include:',
  function (this: KubesimWorld, ref: ObjectRef, table: DataTable) {
    checkEventsTable(this, 'Deployment', ref, table);
  },
);
