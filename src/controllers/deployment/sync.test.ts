/** Ported from pkg/controller/deployment/sync_test.go (TestScale, cleanupDeployment) and more. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { timestampOf } from '../../store/time.js';
import { FakeDeploymentClient } from './fake-client.js';
import { newDeployment, newRSWithStatus, rs } from './fixtures.js';
import { cleanupDeployment, getNewReplicaSet, scale } from './sync.js';
import { MaxInt32, maxSurge, RevisionAnnotation, setReplicasAnnotations } from './util.js';

const HOUR = 3_600_000;
const olderTimestamp = 0;
const oldTimestamp = HOUR;
const newTimestamp = 2 * HOUR;

interface ScaleCase {
  name: string;
  deployment: Deployment;
  oldDeployment: Deployment;
  newRS?: ReplicaSet;
  oldRSs: ReplicaSet[];
  expectedNew?: number;
  expectedOld: number[];
  wasntUpdated?: Record<string, boolean>;
  desiredReplicasAnnotations?: Record<string, number>;
}

function updatedTemplate(replicas: number): Deployment {
  const d = newDeployment('foo', replicas, undefined, undefined, undefined, { foo: 'bar' });
  d.spec!.template.metadata!.labels!.another = 'label';
  return d;
}

describe('scale (TestScale)', () => {
  const cases: ScaleCase[] = [
    {
      name: 'normal scaling event: 10 -> 12',
      deployment: newDeployment('foo', 12),
      oldDeployment: newDeployment('foo', 10),
      newRS: rs('foo-v1', 10, undefined, newTimestamp),
      oldRSs: [],
      expectedNew: 12,
      expectedOld: [],
    },
    {
      name: 'normal scaling event: 10 -> 5',
      deployment: newDeployment('foo', 5),
      oldDeployment: newDeployment('foo', 10),
      newRS: rs('foo-v1', 10, undefined, newTimestamp),
      oldRSs: [],
      expectedNew: 5,
      expectedOld: [],
    },
    {
      name: 'proportional scaling: 5 -> 10',
      deployment: newDeployment('foo', 10),
      oldDeployment: newDeployment('foo', 5),
      newRS: rs('foo-v2', 2, undefined, newTimestamp),
      oldRSs: [rs('foo-v1', 3, undefined, oldTimestamp)],
      expectedNew: 4,
      expectedOld: [6],
    },
    {
      name: 'proportional scaling: 5 -> 3',
      deployment: newDeployment('foo', 3),
      oldDeployment: newDeployment('foo', 5),
      newRS: rs('foo-v2', 2, undefined, newTimestamp),
      oldRSs: [rs('foo-v1', 3, undefined, oldTimestamp)],
      expectedNew: 1,
      expectedOld: [2],
    },
    {
      name: 'proportional scaling: 9 -> 4',
      deployment: newDeployment('foo', 4),
      oldDeployment: newDeployment('foo', 9),
      newRS: rs('foo-v2', 8, undefined, newTimestamp),
      oldRSs: [rs('foo-v1', 1, undefined, oldTimestamp)],
      expectedNew: 4,
      expectedOld: [0],
    },
    {
      name: 'proportional scaling: 7 -> 10',
      deployment: newDeployment('foo', 10),
      oldDeployment: newDeployment('foo', 7),
      newRS: rs('foo-v3', 2, undefined, newTimestamp),
      oldRSs: [rs('foo-v2', 3, undefined, oldTimestamp), rs('foo-v1', 2, undefined, olderTimestamp)],
      expectedNew: 3,
      expectedOld: [4, 3],
    },
    {
      name: 'proportional scaling: 13 -> 8',
      deployment: newDeployment('foo', 8),
      oldDeployment: newDeployment('foo', 13),
      newRS: rs('foo-v3', 2, undefined, newTimestamp),
      oldRSs: [rs('foo-v2', 8, undefined, oldTimestamp), rs('foo-v1', 3, undefined, olderTimestamp)],
      expectedNew: 1,
      expectedOld: [5, 2],
    },
    // Scales up the new replica set.
    {
      name: 'leftover distribution: 3 -> 4',
      deployment: newDeployment('foo', 4),
      oldDeployment: newDeployment('foo', 3),
      newRS: rs('foo-v3', 1, undefined, newTimestamp),
      oldRSs: [rs('foo-v2', 1, undefined, oldTimestamp), rs('foo-v1', 1, undefined, olderTimestamp)],
      expectedNew: 2,
      expectedOld: [1, 1],
    },
    // Scales down the older replica set.
    {
      name: 'leftover distribution: 3 -> 2',
      deployment: newDeployment('foo', 2),
      oldDeployment: newDeployment('foo', 3),
      newRS: rs('foo-v3', 1, undefined, newTimestamp),
      oldRSs: [rs('foo-v2', 1, undefined, oldTimestamp), rs('foo-v1', 1, undefined, olderTimestamp)],
      expectedNew: 1,
      expectedOld: [1, 0],
    },
    // Scales up the latest replica set first.
    {
      name: 'proportional scaling (no new rs): 4 -> 5',
      deployment: newDeployment('foo', 5),
      oldDeployment: newDeployment('foo', 4),
      oldRSs: [rs('foo-v2', 2, undefined, oldTimestamp), rs('foo-v1', 2, undefined, olderTimestamp)],
      expectedOld: [3, 2],
    },
    // Scales down to zero
    {
      name: 'proportional scaling: 6 -> 0',
      deployment: newDeployment('foo', 0),
      oldDeployment: newDeployment('foo', 6),
      newRS: rs('foo-v3', 3, undefined, newTimestamp),
      oldRSs: [rs('foo-v2', 2, undefined, oldTimestamp), rs('foo-v1', 1, undefined, olderTimestamp)],
      expectedNew: 0,
      expectedOld: [0, 0],
    },
    // Scales up from zero
    {
      name: 'proportional scaling: 0 -> 6',
      deployment: newDeployment('foo', 6),
      oldDeployment: newDeployment('foo', 6),
      newRS: rs('foo-v3', 0, undefined, newTimestamp),
      oldRSs: [rs('foo-v2', 0, undefined, oldTimestamp), rs('foo-v1', 0, undefined, olderTimestamp)],
      expectedNew: 6,
      expectedOld: [0, 0],
      wasntUpdated: { 'foo-v2': true, 'foo-v1': true },
    },
    // deployment.spec.replicas == 3 (foo-v1 == foo-v2 == foo-v3 == 1), scaled to 5: foo-v3 and
    // foo-v2 should grow by 1 but the foo-v2 update failed earlier.
    {
      name: 'failed rs update',
      deployment: newDeployment('foo', 5),
      oldDeployment: newDeployment('foo', 5),
      newRS: rs('foo-v3', 2, undefined, newTimestamp),
      oldRSs: [rs('foo-v2', 1, undefined, oldTimestamp), rs('foo-v1', 1, undefined, olderTimestamp)],
      expectedNew: 2,
      expectedOld: [2, 1],
      wasntUpdated: { 'foo-v3': true, 'foo-v1': true },
      desiredReplicasAnnotations: { 'foo-v2': 3 },
    },
    {
      name: 'deployment with surge pods',
      deployment: newDeployment('foo', 20, undefined, 2),
      oldDeployment: newDeployment('foo', 10, undefined, 2),
      newRS: rs('foo-v2', 6, undefined, newTimestamp),
      oldRSs: [rs('foo-v1', 6, undefined, oldTimestamp)],
      expectedNew: 11,
      expectedOld: [11],
    },
    {
      name: 'change both surge and size',
      deployment: newDeployment('foo', 50, undefined, 6),
      oldDeployment: newDeployment('foo', 10, undefined, 3),
      newRS: rs('foo-v2', 5, undefined, newTimestamp),
      oldRSs: [rs('foo-v1', 8, undefined, oldTimestamp)],
      expectedNew: 22,
      expectedOld: [34],
    },
    {
      name: 'change both size and template',
      deployment: updatedTemplate(14),
      oldDeployment: newDeployment('foo', 10, undefined, undefined, undefined, { foo: 'bar' }),
      oldRSs: [rs('foo-v2', 7, undefined, newTimestamp), rs('foo-v1', 3, undefined, oldTimestamp)],
      expectedOld: [10, 4],
    },
    {
      name: 'saturated but broken new replica set does not affect old pods',
      deployment: newDeployment('foo', 2, undefined, 1, 1),
      oldDeployment: newDeployment('foo', 2, undefined, 1, 1),
      newRS: (() => {
        const r = rs('foo-v2', 2, undefined, newTimestamp);
        r.status = { replicas: 0, availableReplicas: 0 };
        return r;
      })(),
      oldRSs: [rs('foo-v1', 1, undefined, oldTimestamp)],
      expectedNew: 2,
      expectedOld: [1],
    },
    {
      name: 'worked example: 10 replicas (surge 3, unavailable 2) mid-rollout at old 8 / new 5, scaled to 15',
      deployment: newDeployment('foo', 15, undefined, 3, 2),
      oldDeployment: newDeployment('foo', 10, undefined, 3, 2),
      newRS: rs('foo-v2', 5, undefined, newTimestamp),
      oldRSs: [rs('foo-v1', 8, undefined, oldTimestamp)],
      expectedNew: 7,
      expectedOld: [11],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const annotate = (r: ReplicaSet) => {
        const desired = c.desiredReplicasAnnotations?.[r.metadata.name] ?? c.oldDeployment.spec!.replicas!;
        setReplicasAnnotations(r, desired, desired + maxSurge(c.oldDeployment));
      };
      if (c.newRS) annotate(c.newRS);
      for (const r of c.oldRSs) annotate(r);

      const client = new FakeDeploymentClient();
      scale(client, c.deployment, c.newRS, c.oldRSs);

      const nameToSize = new Map<string, number>();
      if (c.newRS) nameToSize.set(c.newRS.metadata.name, c.newRS.spec!.replicas!);
      for (const r of c.oldRSs) nameToSize.set(r.metadata.name, r.spec!.replicas!);
      for (const updated of client.updatedReplicaSets()) {
        if (!c.wasntUpdated?.[updated.metadata.name])
          nameToSize.set(updated.metadata.name, updated.spec!.replicas!);
      }
      if (c.newRS && c.expectedNew !== undefined)
        expect(nameToSize.get(c.newRS.metadata.name)).to.equal(c.expectedNew);
      expect(c.oldRSs.map((r) => nameToSize.get(r.metadata.name))).to.deep.equal(c.expectedOld);
    });
  }

  it('records ScalingReplicaSet events in the v1.33 wording, only for size changes', () => {
    const client = new FakeDeploymentClient();
    const newRS = rs('foo-v2', 5, undefined, newTimestamp);
    const oldRS = rs('foo-v1', 8, undefined, oldTimestamp);
    const old = newDeployment('foo', 10, undefined, 3, 2);
    for (const r of [newRS, oldRS]) setReplicasAnnotations(r, 10, 10 + maxSurge(old));
    scale(client, newDeployment('foo', 15, undefined, 3, 2), newRS, [oldRS]);
    expect(client.events.map((e) => e.message)).to.deep.equal([
      'Scaled up replica set foo-v1 from 8 to 11',
      'Scaled up replica set foo-v2 from 5 to 7',
    ]);
    expect(client.events.every((e) => e.type === 'Normal' && e.reason === 'ScalingReplicaSet')).to.equal(
      true,
    );
    expect(client.updatedReplicaSets()[0]!.metadata.annotations).to.include({
      'deployment.kubernetes.io/desired-replicas': '15',
      'deployment.kubernetes.io/max-replicas': '18',
    });
  });
});

describe('cleanupDeployment (TestDeploymentController_cleanupDeployment)', () => {
  const selector = { foo: 'bar' };
  const alreadyDeleted = newRSWithStatus('foo-1', 0, 0, selector);
  alreadyDeleted.metadata.deletionTimestamp = timestampOf(0);
  const cases: Array<[ReplicaSet[], number, number]> = [
    [
      [
        newRSWithStatus('foo-1', 0, 0, selector),
        newRSWithStatus('foo-2', 0, 0, selector),
        newRSWithStatus('foo-3', 0, 0, selector),
      ],
      1,
      2,
    ],
    // Only delete the replica set with Spec.Replicas = Status.Replicas = 0.
    [
      [
        newRSWithStatus('foo-1', 0, 0, selector),
        newRSWithStatus('foo-2', 0, 1, selector),
        newRSWithStatus('foo-3', 1, 0, selector),
        newRSWithStatus('foo-4', 1, 1, selector),
      ],
      0,
      1,
    ],
    [[newRSWithStatus('foo-1', 0, 0, selector), newRSWithStatus('foo-2', 0, 0, selector)], 0, 2],
    [[newRSWithStatus('foo-1', 1, 1, selector), newRSWithStatus('foo-2', 1, 1, selector)], 0, 0],
    [[alreadyDeleted], 0, 0],
    // with unlimited revisionHistoryLimit
    [
      [
        newRSWithStatus('foo-1', 0, 0, selector),
        newRSWithStatus('foo-2', 0, 0, selector),
        newRSWithStatus('foo-3', 0, 0, selector),
      ],
      MaxInt32,
      0,
    ],
  ];
  cases.forEach(([oldRSs, limit, expectedDeletions], i) => {
    it(`scenario ${i}: ${oldRSs.length} old, limit ${limit} → ${expectedDeletions} deleted`, () => {
      const client = new FakeDeploymentClient();
      cleanupDeployment(client, oldRSs, newDeployment('foo', 1, limit, undefined, undefined, selector));
      expect(client.actions.filter((a) => a.verb === 'delete')).to.have.length(expectedDeletions);
    });
  });

  it('deletes the lowest revisions first and stops looking after `diff` of them', () => {
    const withRevision = (name: string, rev: string, spec: number) => {
      const r = newRSWithStatus(name, spec, spec, selector);
      r.metadata.annotations = { [RevisionAnnotation]: rev };
      return r;
    };
    const client = new FakeDeploymentClient();
    const oldRSs = [withRevision('r3', '3', 0), withRevision('r1', '1', 1), withRevision('r2', '2', 0)];
    cleanupDeployment(client, oldRSs, newDeployment('foo', 1, 1, undefined, undefined, selector));
    // diff = 2: r1 (still has replicas, skipped) and r2 are looked at; r3 is kept.
    expect(client.actions.map((a) => a.name)).to.deep.equal(['r2']);
  });
});

describe('getNewReplicaSet', () => {
  it('creates <deployment>-<hash> with the hash label on labels, selector and template', () => {
    const client = new FakeDeploymentClient();
    const d = newDeployment('web', 3, 10, '25%', '25%', { app: 'web' });
    d.spec!.progressDeadlineSeconds = 600;
    const created = getNewReplicaSet(client, d, [], [], true)!;
    const hash = created.metadata.labels!['pod-template-hash']!;
    expect(hash).to.match(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(created.metadata.name).to.equal(`web-${hash}`);
    expect(created.spec!.selector.matchLabels).to.deep.equal({ app: 'web', 'pod-template-hash': hash });
    expect(created.spec!.template!.metadata!.labels).to.deep.equal({ app: 'web', 'pod-template-hash': hash });
    expect(created.spec!.replicas).to.equal(3);
    expect(created.metadata.ownerReferences).to.deep.equal([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: d.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(client.events).to.deep.equal([
      {
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: `Scaled up replica set web-${hash} from 0 to 3`,
      },
    ]);
    expect(d.metadata.annotations![RevisionAnnotation]).to.equal('1');
    expect(d.status!.conditions![0]).to.include({
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetCreated',
      message: `Created new replica set "web-${hash}"`,
    });
  });

  it('bumps collisionCount when the name is taken by a different template', () => {
    const client = new FakeDeploymentClient();
    const d = newDeployment('web', 1, 10, '25%', '25%', { app: 'web' });
    const first = getNewReplicaSet(client, d, [], [], true)!;
    const squatter = {
      ...first,
      spec: { ...first.spec!, template: { metadata: { labels: { app: 'other' } } } },
    };
    squatter.metadata = { ...first.metadata, ownerReferences: [] };
    client.replicaSets = [squatter];
    expect(() => getNewReplicaSet(client, d, [], [], true)).to.throw('already exists');
    expect(d.status!.collisionCount).to.equal(1);
    const second = getNewReplicaSet(client, d, [], [], true)!;
    expect(second.metadata.name).to.not.equal(first.metadata.name);
  });
});
