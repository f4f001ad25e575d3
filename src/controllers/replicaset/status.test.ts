/**
 * Ported from replica_set_utils_test.go (TestCalculateStatus, TestCalculateStatusConditions) and
 * replica_set_test.go (TestGetCondition, TestSetCondition, TestRemoveCondition).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod, ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from '../../api/types.js';
import {
  calculateStatus,
  getCondition,
  normalizeReplicaSetStatus,
  ReplicaSetReplicaFailure,
  removeCondition,
  setCondition,
} from './status.js';

/** newReplicaSet (replica_set_test.go): template labels name=foo,type=production. */
function newReplicaSet(replicas: number, selector: Record<string, string>): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'foobar', namespace: 'default', uid: 'rs-uid' },
    spec: {
      replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: { name: 'foo', type: 'production' } },
        spec: { containers: [{ name: 'c', image: 'foo/bar' }] },
      },
    },
  };
}

/** newPod: labels from the ReplicaSet's selector; Running means Ready (no transition time). */
function newPod(name: string, rs: ReplicaSet, phase: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { ...(rs.spec!.selector.matchLabels ?? {}) } },
    status: { phase, conditions: phase === 'Running' ? [{ type: 'Ready', status: 'True' }] : undefined },
  };
}

describe('calculateStatus (TestCalculateStatus)', () => {
  const labelMap = { name: 'foo' };
  const fullLabelMap = { name: 'foo', type: 'production' };
  const notFullyLabelledRS = newReplicaSet(1, labelMap);
  // Two replicas, for the condition tests (diff < 0, diff > 0).
  const fullyLabelledRS = newReplicaSet(2, fullLabelMap);
  const longMinReadySecondsRS = newReplicaSet(1, fullLabelMap);
  longMinReadySecondsRS.spec!.minReadySeconds = 3600;

  const cases: Array<[string, ReplicaSet, Pod[], ReplicaSetStatus]> = [
    [
      '1 fully labelled pod',
      fullyLabelledRS,
      [newPod('pod1', fullyLabelledRS, 'Running')],
      { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1 },
    ],
    [
      '1 not fully labelled pod',
      notFullyLabelledRS,
      [newPod('pod1', notFullyLabelledRS, 'Running')],
      { replicas: 1, fullyLabeledReplicas: 0, readyReplicas: 1, availableReplicas: 1 },
    ],
    [
      '2 fully labelled pods',
      fullyLabelledRS,
      [newPod('pod1', fullyLabelledRS, 'Running'), newPod('pod2', fullyLabelledRS, 'Running')],
      { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
    ],
    [
      '2 not fully labelled pods',
      notFullyLabelledRS,
      [newPod('pod1', notFullyLabelledRS, 'Running'), newPod('pod2', notFullyLabelledRS, 'Running')],
      { replicas: 2, fullyLabeledReplicas: 0, readyReplicas: 2, availableReplicas: 2 },
    ],
    [
      '1 fully labelled pod, 1 not fully labelled pod',
      notFullyLabelledRS,
      [newPod('pod1', notFullyLabelledRS, 'Running'), newPod('pod2', fullyLabelledRS, 'Running')],
      { replicas: 2, fullyLabeledReplicas: 1, readyReplicas: 2, availableReplicas: 2 },
    ],
    [
      '1 non-ready pod',
      fullyLabelledRS,
      [newPod('pod1', fullyLabelledRS, 'Pending')],
      { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 0, availableReplicas: 0 },
    ],
    [
      '1 ready but non-available pod',
      longMinReadySecondsRS,
      [newPod('pod1', longMinReadySecondsRS, 'Running')],
      { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 0 },
    ],
  ];
  for (const [name, rs, pods, expected] of cases) {
    it(name, () => {
      expect(calculateStatus(rs, pods, undefined, 0)).to.deep.equal(normalizeReplicaSetStatus(expected));
    });
  }

  it('stores replicas even when 0 and leaves out the other zero counts (omitempty)', () => {
    expect(calculateStatus(fullyLabelledRS, [], undefined, 0)).to.deep.equal({ replicas: 0 });
  });
});

describe('calculateStatus conditions (TestCalculateStatusConditions)', () => {
  const labelMap = { name: 'foo' };
  const rs = newReplicaSet(2, labelMap);
  const replicaFailureRS = newReplicaSet(10, labelMap);
  replicaFailureRS.status = { replicas: 0, conditions: [{ type: ReplicaSetReplicaFailure, status: 'True' }] };
  const fake = new Error('fake manageReplicasErr');

  const cases: Array<[string, ReplicaSet, Pod[], Error | undefined, ReplicaSetCondition[] | undefined]> = [
    [
      'manageReplicasErr != nil && failureCond == nil, diff < 0',
      rs,
      [newPod('pod1', rs, 'Running')],
      fake,
      [
        {
          type: ReplicaSetReplicaFailure,
          status: 'True',
          reason: 'FailedCreate',
          message: 'fake manageReplicasErr',
        },
      ],
    ],
    [
      'manageReplicasErr != nil && failureCond == nil, diff > 0',
      rs,
      [newPod('pod1', rs, 'Running'), newPod('pod2', rs, 'Running'), newPod('pod3', rs, 'Running')],
      fake,
      [
        {
          type: ReplicaSetReplicaFailure,
          status: 'True',
          reason: 'FailedDelete',
          message: 'fake manageReplicasErr',
        },
      ],
    ],
    [
      'manageReplicasErr == nil && failureCond != nil',
      replicaFailureRS,
      [newPod('pod1', replicaFailureRS, 'Running')],
      undefined,
      undefined,
    ],
    [
      'manageReplicasErr != nil && failureCond != nil',
      replicaFailureRS,
      [newPod('pod1', replicaFailureRS, 'Running')],
      fake,
      [{ type: ReplicaSetReplicaFailure, status: 'True' }],
    ],
    [
      'manageReplicasErr == nil && failureCond == nil',
      rs,
      [newPod('pod1', rs, 'Running')],
      undefined,
      undefined,
    ],
  ];
  for (const [name, r, pods, err, expected] of cases) {
    it(name, () => {
      const status = calculateStatus(r, pods, err, 5000);
      const conditions = status.conditions?.map((c) => {
        const { lastTransitionTime: _, ...rest } = c;
        return rest;
      });
      expect(conditions).to.deep.equal(expected);
      if (expected?.[0]?.reason)
        expect(status.conditions![0]!.lastTransitionTime).to.equal('2025-01-01T00:00:05Z');
    });
  }
});

describe('ReplicaSet conditions (TestGetCondition, TestSetCondition, TestRemoveCondition)', () => {
  const condImagePullBackOff = (): ReplicaSetCondition => ({
    type: 'ImagePullBackOff',
    status: 'True',
    reason: 'NonExistentImage',
  });
  const condReplicaFailure = (): ReplicaSetCondition => ({
    type: ReplicaSetReplicaFailure,
    status: 'True',
    reason: 'OtherFailure',
  });
  const condReplicaFailure2 = (): ReplicaSetCondition => ({
    type: ReplicaSetReplicaFailure,
    status: 'True',
    reason: 'AnotherFailure',
  });
  const status = (): ReplicaSetStatus => ({ replicas: 0, conditions: [condReplicaFailure()] });

  it('condition exists', () => {
    expect(getCondition(status(), ReplicaSetReplicaFailure)).to.deep.equal(condReplicaFailure());
  });
  it('condition does not exist', () => {
    expect(getCondition(status(), 'ImagePullBackOff')).to.equal(undefined);
  });
  const setCases: Array<[string, ReplicaSetStatus, ReplicaSetCondition, ReplicaSetStatus]> = [
    [
      'set for the first time',
      { replicas: 0 },
      condReplicaFailure(),
      { replicas: 0, conditions: [condReplicaFailure()] },
    ],
    [
      'simple set',
      { replicas: 0, conditions: [condImagePullBackOff()] },
      condReplicaFailure(),
      { replicas: 0, conditions: [condImagePullBackOff(), condReplicaFailure()] },
    ],
    [
      'overwrite',
      { replicas: 0, conditions: [condReplicaFailure()] },
      condReplicaFailure2(),
      { replicas: 0, conditions: [condReplicaFailure2()] },
    ],
  ];
  for (const [name, s, cond, expected] of setCases) {
    it(`set: ${name}`, () => {
      setCondition(s, cond);
      expect(s).to.deep.equal(expected);
    });
  }
  const removeCases: Array<[string, ReplicaSetStatus, string, ReplicaSetStatus]> = [
    ['remove from empty status', { replicas: 0 }, ReplicaSetReplicaFailure, { replicas: 0 }],
    [
      'simple remove',
      { replicas: 0, conditions: [condReplicaFailure()] },
      ReplicaSetReplicaFailure,
      { replicas: 0 },
    ],
    ["doesn't remove anything", status(), 'ImagePullBackOff', status()],
  ];
  for (const [name, s, type, expected] of removeCases) {
    it(`remove: ${name}`, () => {
      removeCondition(s, type);
      expect(s).to.deep.equal(expected);
    });
  }
});
