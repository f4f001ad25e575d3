/** Ported from pkg/controller/deployment/rolling_test.go. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { FakeDeploymentClient } from './fake-client.js';
import { newDeployment, rs } from './fixtures.js';
import {
  cleanupUnhealthyReplicas,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  scaleDownOldReplicaSetsForRollingUpdate,
} from './rolling.js';

describe('reconcileNewReplicaSet (TestDeploymentController_reconcileNewReplicaSet)', () => {
  const cases: Array<{
    deploymentReplicas: number;
    maxSurge: number;
    oldReplicas: number;
    newReplicas: number;
    scaleExpected: boolean;
    expectedNewReplicas?: number;
  }> = [
    // Should not scale up.
    { deploymentReplicas: 10, maxSurge: 0, oldReplicas: 10, newReplicas: 0, scaleExpected: false },
    {
      deploymentReplicas: 10,
      maxSurge: 2,
      oldReplicas: 10,
      newReplicas: 0,
      scaleExpected: true,
      expectedNewReplicas: 2,
    },
    {
      deploymentReplicas: 10,
      maxSurge: 2,
      oldReplicas: 5,
      newReplicas: 0,
      scaleExpected: true,
      expectedNewReplicas: 7,
    },
    { deploymentReplicas: 10, maxSurge: 2, oldReplicas: 10, newReplicas: 2, scaleExpected: false },
    // Should scale down.
    {
      deploymentReplicas: 10,
      maxSurge: 2,
      oldReplicas: 2,
      newReplicas: 11,
      scaleExpected: true,
      expectedNewReplicas: 10,
    },
  ];
  cases.forEach((c, i) => {
    it(`scenario ${i}: ${c.deploymentReplicas} replicas, surge ${c.maxSurge}, old ${c.oldReplicas}, new ${c.newReplicas}`, () => {
      const newRS = rs('foo-v2', c.newReplicas);
      const oldRS = rs('foo-v2', c.oldReplicas);
      const d = newDeployment('foo', c.deploymentReplicas, undefined, c.maxSurge, 0, { foo: 'bar' });
      const client = new FakeDeploymentClient();
      const scaled = reconcileNewReplicaSet(client, [newRS, oldRS], newRS, d);
      if (!c.scaleExpected) {
        expect(scaled).to.equal(false);
        expect(client.actions).to.have.length(0);
        return;
      }
      expect(scaled).to.equal(true);
      expect(client.actions).to.have.length(1);
      expect(client.updatedReplicaSets()[0]!.spec!.replicas).to.equal(c.expectedNewReplicas);
    });
  });
});

describe('reconcileOldReplicaSets (TestDeploymentController_reconcileOldReplicaSets)', () => {
  const cases: Array<{
    name: string;
    deploymentReplicas: number;
    maxUnavailable: number;
    oldReplicas: number;
    newReplicas: number;
    readyPodsFromOldRS: number;
    readyPodsFromNewRS: number;
    scaleExpected: boolean;
    expectedOldReplicas?: number;
  }> = [
    {
      name: 'maxUnavailable 0 (resolves to 1 with surge 0)',
      deploymentReplicas: 10,
      maxUnavailable: 0,
      oldReplicas: 10,
      newReplicas: 0,
      readyPodsFromOldRS: 10,
      readyPodsFromNewRS: 0,
      scaleExpected: true,
      expectedOldReplicas: 9,
    },
    {
      name: 'maxUnavailable 2',
      deploymentReplicas: 10,
      maxUnavailable: 2,
      oldReplicas: 10,
      newReplicas: 0,
      readyPodsFromOldRS: 10,
      readyPodsFromNewRS: 0,
      scaleExpected: true,
      expectedOldReplicas: 8,
    },
    {
      name: 'expect unhealthy replicas from old replica sets been cleaned up',
      deploymentReplicas: 10,
      maxUnavailable: 2,
      oldReplicas: 10,
      newReplicas: 0,
      readyPodsFromOldRS: 8,
      readyPodsFromNewRS: 0,
      scaleExpected: true,
      expectedOldReplicas: 8,
    },
    {
      name: 'expect 1 unhealthy replica from old replica sets been cleaned up, and 1 ready pod been scaled down',
      deploymentReplicas: 10,
      maxUnavailable: 2,
      oldReplicas: 10,
      newReplicas: 0,
      readyPodsFromOldRS: 9,
      readyPodsFromNewRS: 0,
      scaleExpected: true,
      expectedOldReplicas: 8,
    },
    {
      name: 'the unavailable pods from the newRS would not make us scale down old RSs in a further step',
      deploymentReplicas: 10,
      maxUnavailable: 2,
      oldReplicas: 8,
      newReplicas: 2,
      readyPodsFromOldRS: 8,
      readyPodsFromNewRS: 0,
      scaleExpected: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const newSelector = { foo: 'new' };
      const newRS = rs('foo-new', c.newReplicas, newSelector);
      newRS.status = { replicas: 0, availableReplicas: c.readyPodsFromNewRS };
      const oldRS = rs('foo-old', c.oldReplicas, { foo: 'old' });
      oldRS.status = { replicas: 0, availableReplicas: c.readyPodsFromOldRS };
      const d = newDeployment('foo', c.deploymentReplicas, undefined, 0, c.maxUnavailable, newSelector);
      const client = new FakeDeploymentClient();
      const scaled = reconcileOldReplicaSets(client, [oldRS, newRS], [oldRS], newRS, d);
      expect(scaled).to.equal(c.scaleExpected);
      const updates = client.updatedReplicaSets();
      if (c.scaleExpected) expect(updates.at(-1)!.spec!.replicas).to.equal(c.expectedOldReplicas);
      else expect(updates).to.have.length(0);
    });
  }
});

describe('cleanupUnhealthyReplicas (TestDeploymentController_cleanupUnhealthyReplicas)', () => {
  const cases: Array<[oldReplicas: number, readyPods: number, maxCleanupCount: number, expected: number]> = [
    [10, 8, 1, 1],
    [10, 8, 3, 2],
    [10, 8, 0, 0],
    [10, 10, 3, 0],
  ];
  cases.forEach(([oldReplicas, readyPods, maxCleanupCount, expected], i) => {
    it(`scenario ${i}: ${readyPods}/${oldReplicas} ready, at most ${maxCleanupCount}`, () => {
      const oldRS = rs('foo-v2', oldReplicas);
      oldRS.status = { replicas: 0, availableReplicas: readyPods };
      const d = newDeployment('foo', 10, undefined, 2, 2);
      const client = new FakeDeploymentClient();
      const [, cleanupCount] = cleanupUnhealthyReplicas(client, [oldRS], d, maxCleanupCount);
      expect(cleanupCount).to.equal(expected);
    });
  });
});

describe('scaleDownOldReplicaSetsForRollingUpdate (TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate)', () => {
  const cases: Array<{
    deploymentReplicas: number;
    maxUnavailable: number;
    readyPods: number;
    oldReplicas: number;
    scaleExpected: boolean;
    expectedOldReplicas?: number;
  }> = [
    {
      deploymentReplicas: 10,
      maxUnavailable: 0,
      readyPods: 10,
      oldReplicas: 10,
      scaleExpected: true,
      expectedOldReplicas: 9,
    },
    {
      deploymentReplicas: 10,
      maxUnavailable: 2,
      readyPods: 10,
      oldReplicas: 10,
      scaleExpected: true,
      expectedOldReplicas: 8,
    },
    { deploymentReplicas: 10, maxUnavailable: 2, readyPods: 8, oldReplicas: 10, scaleExpected: false },
    { deploymentReplicas: 10, maxUnavailable: 2, readyPods: 10, oldReplicas: 0, scaleExpected: false },
    { deploymentReplicas: 10, maxUnavailable: 2, readyPods: 1, oldReplicas: 10, scaleExpected: false },
  ];
  cases.forEach((c, i) => {
    it(`scenario ${i}: ${c.readyPods} ready of ${c.oldReplicas} old, maxUnavailable ${c.maxUnavailable}`, () => {
      const oldRS = rs('foo-v2', c.oldReplicas);
      oldRS.status = { replicas: 0, availableReplicas: c.readyPods };
      const d = newDeployment('foo', c.deploymentReplicas, undefined, 0, c.maxUnavailable, { foo: 'bar' });
      const client = new FakeDeploymentClient();
      const scaled = scaleDownOldReplicaSetsForRollingUpdate(client, [oldRS], [oldRS], d);
      if (!c.scaleExpected) {
        expect(scaled).to.equal(0);
        return;
      }
      expect(scaled).to.be.greaterThan(0);
      const updates = client.updatedReplicaSets();
      expect(updates).to.have.length(1);
      expect(updates[0]!.spec!.replicas).to.equal(c.expectedOldReplicas);
    });
  });
});
