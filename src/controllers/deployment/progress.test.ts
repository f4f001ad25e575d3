/** Ported from pkg/controller/deployment/progress_test.go. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from '../../api/types.js';
import { timestampOf } from '../../store/time.js';
import { FakeDeploymentClient } from './fake-client.js';
import { newRSWithAvailable } from './fixtures.js';
import { requeueStuckDeployment, syncRolloutStatus } from './progress.js';
import {
  getDeploymentCondition,
  MaxInt32,
  NewRSAvailableReason,
  ReplicaSetUpdatedReason,
  TimedOutReason,
} from './util.js';

const newDeploymentStatus = (replicas: number, updated: number, available: number): DeploymentStatus => ({
  replicas,
  updatedReplicas: updated,
  availableReplicas: available,
});

/** currentDeployment: a Recreate Deployment with the given status (always observed). */
function currentDeployment(
  pds: number | undefined,
  replicas: number,
  statusReplicas: number,
  updated: number,
  available: number,
  conditions?: DeploymentCondition[],
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'progress-test', namespace: 'default' },
    spec: {
      progressDeadlineSeconds: pds,
      replicas,
      strategy: { type: 'Recreate' },
      selector: {},
      template: {},
    },
    status: { ...newDeploymentStatus(statusReplicas, updated, available), conditions },
  };
}

/** 2017-02-15 18:49:00 stands at 100 s of simulated time. */
const T0 = 100_000;

describe('requeueStuckDeployment (TestRequeueStuckDeployment)', () => {
  const pds = 60;
  const failed: DeploymentCondition[] = [{ type: 'Progressing', status: 'False', reason: TimedOutReason }];
  const stuck: DeploymentCondition[] = [
    { type: 'Progressing', status: 'True', lastUpdateTime: timestampOf(T0) },
  ];
  const cases: Array<[string, Deployment, DeploymentStatus, number, number]> = [
    [
      'nil progressDeadlineSeconds specified',
      currentDeployment(undefined, 4, 3, 3, 2),
      newDeploymentStatus(3, 3, 2),
      0,
      -1,
    ],
    [
      'infinite progressDeadlineSeconds specified',
      currentDeployment(MaxInt32, 4, 3, 3, 2),
      newDeploymentStatus(3, 3, 2),
      0,
      -1,
    ],
    [
      'no progressing condition found',
      currentDeployment(pds, 4, 3, 3, 2),
      newDeploymentStatus(3, 3, 2),
      0,
      -1,
    ],
    [
      'complete deployment does not need to be requeued',
      currentDeployment(pds, 3, 3, 3, 3),
      newDeploymentStatus(3, 3, 3),
      0,
      -1,
    ],
    [
      'already failed deployment does not need to be requeued',
      currentDeployment(pds, 3, 3, 3, 0, failed),
      newDeploymentStatus(3, 3, 0),
      0,
      -1,
    ],
    [
      'stuck deployment - 30s',
      currentDeployment(pds, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      T0 + 30_000,
      30_000,
    ],
    [
      'stuck deployment - 1s',
      currentDeployment(pds, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      T0 + 59_000,
      1_000,
    ],
    [
      'failed deployment - less than a second => now',
      currentDeployment(pds, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      T0 + 59_001,
      0,
    ],
    [
      'failed deployment - now',
      currentDeployment(pds, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      T0 + 60_000,
      0,
    ],
    [
      'failed deployment - 1s after deadline',
      currentDeployment(pds, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      T0 + 61_000,
      0,
    ],
    [
      'failed deployment - 60s after deadline',
      currentDeployment(pds, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      T0 + 120_000,
      0,
    ],
  ];
  for (const [name, d, status, now, expected] of cases) {
    it(name, () => {
      const client = new FakeDeploymentClient();
      client.now = now;
      expect(requeueStuckDeployment(client, d, status)).to.equal(expected);
      // The requeue itself: after the remaining time plus a second, or at once (rate-limited).
      if (expected < 0) expect(client.requeues).to.deep.equal([]);
      else if (expected === 0)
        expect(client.requeues).to.deep.equal([{ key: 'default/progress-test', ms: 0 }]);
      else expect(client.requeues).to.deep.equal([{ key: 'default/progress-test', ms: expected + 1000 }]);
    });
  }
});

describe('syncRolloutStatus (TestSyncRolloutStatus)', () => {
  const pds = 60;
  const testTime = timestampOf(T0);
  const failedTimedOut: DeploymentCondition = {
    type: 'Progressing',
    status: 'False',
    reason: TimedOutReason,
  };
  const newRSAvailable: DeploymentCondition = {
    type: 'Progressing',
    status: 'True',
    reason: NewRSAvailableReason,
    lastUpdateTime: testTime,
    lastTransitionTime: testTime,
  };
  const replicaSetUpdated: DeploymentCondition = {
    type: 'Progressing',
    status: 'True',
    reason: ReplicaSetUpdatedReason,
    lastUpdateTime: testTime,
    lastTransitionTime: testTime,
  };
  interface Case {
    name: string;
    d: Deployment;
    allRSs: ReplicaSet[];
    newRS?: ReplicaSet;
    status?: 'True' | 'False';
    reason?: string;
    lastUpdateKept?: boolean;
    lastTransitionKept?: boolean;
    unchanged?: DeploymentCondition;
  }
  const cases: Case[] = [
    {
      name: 'General: remove Progressing condition and do not estimate progress if deployment has no Progress Deadline',
      d: currentDeployment(undefined, 3, 2, 2, 2, [replicaSetUpdated]),
      allRSs: [newRSWithAvailable('bar', 0, 1, 1)],
      newRS: newRSWithAvailable('foo', 3, 2, 2),
    },
    {
      name: 'General: do not estimate progress of deployment with only one active ReplicaSet',
      d: currentDeployment(pds, 3, 3, 3, 3, [newRSAvailable]),
      allRSs: [newRSWithAvailable('bar', 3, 3, 3)],
      status: 'True',
      reason: NewRSAvailableReason,
      lastUpdateKept: true,
      lastTransitionKept: true,
    },
    {
      name: 'DeploymentProgressing: dont update lastTransitionTime if deployment already has Progressing=True',
      d: currentDeployment(pds, 3, 2, 2, 2, [replicaSetUpdated]),
      allRSs: [newRSWithAvailable('bar', 0, 1, 1)],
      newRS: newRSWithAvailable('foo', 3, 2, 2),
      status: 'True',
      reason: ReplicaSetUpdatedReason,
      lastTransitionKept: true,
    },
    {
      name: 'DeploymentProgressing: update everything if deployment has Progressing=False',
      d: currentDeployment(pds, 3, 2, 2, 2, [failedTimedOut]),
      allRSs: [newRSWithAvailable('bar', 0, 1, 1)],
      newRS: newRSWithAvailable('foo', 3, 2, 2),
      status: 'True',
      reason: ReplicaSetUpdatedReason,
    },
    {
      name: 'DeploymentProgressing: create Progressing condition if it does not exist',
      d: currentDeployment(pds, 3, 2, 2, 2, []),
      allRSs: [newRSWithAvailable('bar', 0, 1, 1)],
      newRS: newRSWithAvailable('foo', 3, 2, 2),
      status: 'True',
      reason: ReplicaSetUpdatedReason,
    },
    {
      name: 'DeploymentComplete: dont update lastTransitionTime if deployment already has Progressing=True',
      d: currentDeployment(pds, 3, 3, 3, 3, [replicaSetUpdated]),
      allRSs: [],
      newRS: newRSWithAvailable('foo', 3, 3, 3),
      status: 'True',
      reason: NewRSAvailableReason,
      lastTransitionKept: true,
    },
    {
      name: 'DeploymentComplete: update everything if deployment has Progressing=False',
      d: currentDeployment(pds, 3, 3, 3, 3, [failedTimedOut]),
      allRSs: [],
      newRS: newRSWithAvailable('foo', 3, 3, 3),
      status: 'True',
      reason: NewRSAvailableReason,
    },
    {
      name: 'DeploymentComplete: create Progressing condition if it does not exist',
      d: currentDeployment(pds, 3, 3, 3, 3, []),
      allRSs: [],
      newRS: newRSWithAvailable('foo', 3, 3, 3),
      status: 'True',
      reason: NewRSAvailableReason,
    },
    {
      name: 'DeploymentComplete: defend against NPE when newRS=nil',
      d: currentDeployment(pds, 0, 3, 3, 3, [replicaSetUpdated]),
      allRSs: [newRSWithAvailable('foo', 0, 0, 0)],
      status: 'True',
      reason: NewRSAvailableReason,
      lastTransitionKept: true,
    },
    {
      name: 'DeploymentTimedOut: update status if rollout exceeds Progress Deadline',
      d: currentDeployment(pds, 3, 2, 2, 2, [replicaSetUpdated]),
      allRSs: [],
      newRS: newRSWithAvailable('foo', 3, 2, 2),
      status: 'False',
      reason: TimedOutReason,
    },
    {
      name: 'DeploymentTimedOut: do not update status if deployment has existing timedOut condition',
      d: currentDeployment(pds, 3, 2, 2, 2, [failedTimedOut]),
      allRSs: [],
      newRS: newRSWithAvailable('foo', 3, 2, 2),
      status: 'False',
      reason: TimedOutReason,
      unchanged: failedTimedOut,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const client = new FakeDeploymentClient();
      // Long after testTime: any deadline has passed.
      client.now = T0 + 365 * 24 * 3_600_000;
      const allRSs = c.newRS ? [...c.allRSs, c.newRS] : c.allRSs;
      syncRolloutStatus(client, allRSs, c.newRS, c.d);
      const cond = getDeploymentCondition(c.d.status, 'Progressing');
      if (!c.status) {
        expect(cond).to.equal(undefined);
        return;
      }
      expect(cond).to.include({ status: c.status, reason: c.reason });
      if (c.lastUpdateKept) expect(cond!.lastUpdateTime).to.equal(testTime);
      if (c.lastTransitionKept) expect(cond!.lastTransitionTime).to.equal(testTime);
      if (!c.lastTransitionKept && c.reason !== TimedOutReason) {
        expect(cond!.lastTransitionTime).to.equal(timestampOf(client.now));
      }
      if (c.unchanged) expect(cond).to.deep.equal(c.unchanged);
    });
  }

  it('messages name the new ReplicaSet, or the Deployment without one', () => {
    const client = new FakeDeploymentClient();
    const d = currentDeployment(pds, 3, 3, 3, 3, []);
    syncRolloutStatus(client, [newRSWithAvailable('foo', 3, 3, 3)], newRSWithAvailable('foo', 3, 3, 3), d);
    expect(getDeploymentCondition(d.status, 'Progressing')!.message).to.equal(
      'ReplicaSet "foo" has successfully progressed.',
    );
    const d2 = currentDeployment(pds, 0, 3, 3, 3, [replicaSetUpdated]);
    syncRolloutStatus(client, [newRSWithAvailable('foo', 0, 0, 0)], undefined, d2);
    expect(getDeploymentCondition(d2.status, 'Progressing')!.message).to.equal(
      'Deployment "progress-test" has successfully progressed.',
    );
  });

  it('copies a ReplicaFailure condition of the new ReplicaSet and removes it once gone', () => {
    const client = new FakeDeploymentClient();
    const newRS = newRSWithAvailable('foo', 3, 2, 2);
    newRS.status!.conditions = [
      {
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: 'quota',
        lastTransitionTime: testTime,
      },
    ];
    const d = currentDeployment(pds, 3, 2, 2, 2, [replicaSetUpdated]);
    syncRolloutStatus(client, [newRS], newRS, d);
    expect(getDeploymentCondition(d.status, 'ReplicaFailure')).to.deep.equal({
      type: 'ReplicaFailure',
      status: 'True',
      reason: 'FailedCreate',
      message: 'quota',
      lastTransitionTime: testTime,
      lastUpdateTime: testTime,
    });
    delete newRS.status!.conditions;
    syncRolloutStatus(client, [newRS], newRS, d);
    expect(getDeploymentCondition(d.status, 'ReplicaFailure')).to.equal(undefined);
  });
});
