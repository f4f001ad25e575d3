/**
 * Ported from pkg/controller/deployment/util/deployment_util_test.go (table for table), plus the
 * fencepost examples of the reference (25%/25% at 1, 3, 4 and 10 replicas).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  PodTemplateSpec,
  ReplicaSet,
} from '../../api/types.js';
import { timestampOf } from '../../store/time.js';
import { generateDeployment, generateRS, newUid } from './fixtures.js';
import {
  DefaultDeploymentUniqueLabelKey,
  DesiredReplicasAnnotation,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  getActualReplicaCountForReplicaSets,
  getDeploymentCondition,
  getDeploymentsForReplicaSet,
  getProportion,
  getReplicaCountForReplicaSets,
  getReplicaSetFraction,
  isSaturated,
  lastRevision,
  MaxInt32,
  MaxReplicasAnnotation,
  maxRevision,
  maxSurge,
  maxUnavailable,
  minAvailable,
  NewRSAvailableReason,
  newRSNewReplicas,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  removeDeploymentCondition,
  replicasAnnotationsNeedUpdate,
  resolveFenceposts,
  revision,
  setDeploymentCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './util.js';

const H = DefaultDeploymentUniqueLabelKey;

function podTemplate(
  name: string,
  nodeName: string,
  annotations: Record<string, string>,
  labels: Record<string, string>,
): PodTemplateSpec {
  return { metadata: { name, annotations, labels }, spec: { nodeName, containers: [] } };
}

describe('EqualIgnoreHash (TestEqualIgnoreHash)', () => {
  const cases: Array<[string, PodTemplateSpec, PodTemplateSpec, boolean]> = [
    [
      'Same spec, same labels',
      podTemplate('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      podTemplate('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      true,
    ],
    [
      'Same spec, only pod-template-hash label value is different',
      podTemplate('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      podTemplate('foo', 'foo-node', {}, { [H]: 'value-2', something: 'else' }),
      true,
    ],
    [
      "Same spec, the former doesn't have pod-template-hash label",
      podTemplate('foo', 'foo-node', {}, { something: 'else' }),
      podTemplate('foo', 'foo-node', {}, { [H]: 'value-2', something: 'else' }),
      true,
    ],
    [
      "Same spec, the label is different, the former doesn't have pod-template-hash label, same number of labels",
      podTemplate('foo', 'foo-node', {}, { something: 'else' }),
      podTemplate('foo', 'foo-node', {}, { [H]: 'value-2' }),
      false,
    ],
    [
      "Same spec, the label is different, the latter doesn't have pod-template-hash label, same number of labels",
      podTemplate('foo', 'foo-node', {}, { [H]: 'value-1' }),
      podTemplate('foo', 'foo-node', {}, { something: 'else' }),
      false,
    ],
    [
      'Same spec, the label is different, and the pod-template-hash label value is the same',
      podTemplate('foo', 'foo-node', {}, { [H]: 'value-1' }),
      podTemplate('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      false,
    ],
    [
      'Different spec, same labels',
      podTemplate('foo', 'foo-node', { former: 'value' }, { [H]: 'value-1', something: 'else' }),
      podTemplate('foo', 'foo-node', { latter: 'value' }, { [H]: 'value-1', something: 'else' }),
      false,
    ],
    [
      'Different spec, different pod-template-hash label value',
      podTemplate('foo-1', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      podTemplate('foo-2', 'foo-node', {}, { [H]: 'value-2', something: 'else' }),
      false,
    ],
    [
      "Different spec, the former doesn't have pod-template-hash label",
      podTemplate('foo-1', 'foo-node-1', {}, { something: 'else' }),
      podTemplate('foo-2', 'foo-node-2', {}, { [H]: 'value-2', something: 'else' }),
      false,
    ],
    [
      'Different spec, different labels',
      podTemplate('foo', 'foo-node-1', {}, { something: 'else' }),
      podTemplate('foo', 'foo-node-2', {}, { nothing: 'else' }),
      false,
    ],
  ];
  for (const [name, former, latter, expected] of cases) {
    it(name, () => {
      expect(equalIgnoreHash(former, latter)).to.equal(expected);
      expect(equalIgnoreHash(latter, former), 'reverse order').to.equal(expected);
      // The comparison must not touch its inputs' labels.
      expect(former.metadata?.labels).to.not.equal(undefined);
      expect(latter.metadata?.labels).to.not.equal(undefined);
    });
  }
});

describe('FindNewReplicaSet (TestFindNewReplicaSet)', () => {
  const now = 60_000;
  const later = now + 60_000;
  const deployment = generateDeployment('nginx');
  const newRS = generateRS(deployment);
  newRS.metadata.labels![H] = 'hash';
  newRS.spec!.template!.metadata!.labels![H] = 'hash';
  newRS.metadata.creationTimestamp = timestampOf(later);
  const newRSDup = generateRS(deployment);
  newRSDup.metadata.labels![H] = 'different-hash';
  newRSDup.spec!.template!.metadata!.labels![H] = 'different-hash';
  newRSDup.metadata.creationTimestamp = timestampOf(now);
  const oldDeployment = generateDeployment('nginx');
  oldDeployment.spec!.template.spec!.containers[0]!.name = 'nginx-old-1';
  const oldRS = generateRS(oldDeployment);

  const cases: Array<[string, ReplicaSet[], ReplicaSet | undefined]> = [
    [
      'Get new ReplicaSet with the same template as Deployment spec but different pod-template-hash value',
      [newRS, oldRS],
      newRS,
    ],
    [
      'Get the oldest new ReplicaSet when there are more than one ReplicaSet with the same template',
      [newRS, oldRS, newRSDup],
      newRSDup,
    ],
    ['Get nil new ReplicaSet', [oldRS], undefined],
  ];
  for (const [name, rsList, expected] of cases) {
    it(name, () => {
      expect(findNewReplicaSet(deployment, rsList)).to.equal(expected);
    });
  }
});

describe('FindOldReplicaSets (TestFindOldReplicaSets)', () => {
  const now = 60_000;
  const later = now + 60_000;
  const before = now - 60_000;
  const deployment = generateDeployment('nginx');
  const newRS = generateRS(deployment);
  newRS.spec!.replicas = 1;
  newRS.metadata.labels![H] = 'hash';
  newRS.metadata.creationTimestamp = timestampOf(later);
  const newRSDup = generateRS(deployment);
  newRSDup.metadata.labels![H] = 'different-hash';
  newRSDup.metadata.creationTimestamp = timestampOf(now);
  const oldDeployment = generateDeployment('nginx');
  oldDeployment.spec!.template.spec!.containers[0]!.name = 'nginx-old-1';
  const oldRS = generateRS(oldDeployment);
  oldRS.metadata.creationTimestamp = timestampOf(before);

  const cases: Array<[string, ReplicaSet[], ReplicaSet[], ReplicaSet[]]> = [
    ['Get old ReplicaSets', [newRS, oldRS], [oldRS], []],
    ['Get old ReplicaSets with no new ReplicaSet', [oldRS], [oldRS], []],
    [
      'Get old ReplicaSets with two new ReplicaSets, only the oldest new ReplicaSet is seen as new ReplicaSet',
      [oldRS, newRS, newRSDup],
      [oldRS, newRS],
      [newRS],
    ],
    ['Get empty old ReplicaSets', [newRS], [], []],
  ];
  for (const [name, rsList, expected, expectedRequire] of cases) {
    it(name, () => {
      const [required, all] = findOldReplicaSets(deployment, rsList);
      expect(all.map((r) => r.metadata.uid)).to.have.members(expected.map((r) => r.metadata.uid));
      // ReplicaSets are filtered by spec.replicas.
      expect(required.map((r) => r.metadata.uid)).to.deep.equal(expectedRequire.map((r) => r.metadata.uid));
    });
  }
});

describe('GetReplicaCountForReplicaSets (TestGetReplicaCountForReplicaSets)', () => {
  const rs1 = generateRS(generateDeployment('foo'));
  rs1.spec!.replicas = 1;
  rs1.status = { replicas: 2 };
  const rs2 = generateRS(generateDeployment('bar'));
  rs2.spec!.replicas = 2;
  rs2.status = { replicas: 3 };
  const cases: Array<[string, ReplicaSet[], number, number]> = [
    ['1:2 Replicas', [rs1], 1, 2],
    ['3:5 Replicas', [rs1, rs2], 3, 5],
  ];
  for (const [name, sets, count, actual] of cases) {
    it(name, () => {
      expect(getReplicaCountForReplicaSets(sets)).to.equal(count);
      expect(getActualReplicaCountForReplicaSets(sets)).to.equal(actual);
    });
  }
});

describe('ResolveFenceposts (TestResolveFenceposts)', () => {
  const cases: Array<[string | undefined, string | undefined, number, number, number, boolean]> = [
    ['0%', '0%', 0, 0, 1, false],
    ['39%', '39%', 10, 4, 3, false],
    ['oops', '39%', 10, 0, 0, true],
    ['55%', 'urg', 10, 0, 0, true],
    [undefined, '39%', 10, 0, 3, false],
    ['39%', undefined, 10, 4, 0, false],
    [undefined, undefined, 10, 0, 1, false],
  ];
  cases.forEach(([surge, unavailable, desired, expectSurge, expectUnavailable, expectError], i) => {
    it(`#${i}: surge ${surge}, unavailable ${unavailable}, desired ${desired}`, () => {
      if (expectError) {
        expect(() => resolveFenceposts(surge, unavailable, desired)).to.throw();
        return;
      }
      expect(resolveFenceposts(surge, unavailable, desired)).to.deep.equal([expectSurge, expectUnavailable]);
    });
  });
});

function rollingDeployment(
  replicas: number,
  surge?: number | string,
  unavailable?: number | string,
): Deployment {
  const d = generateDeployment('nginx');
  d.spec!.replicas = replicas;
  d.spec!.strategy = {
    type: 'RollingUpdate',
    rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable },
  };
  return d;
}

describe('MaxSurge and MaxUnavailable with the 25%/25% defaults (reference examples)', () => {
  const cases: Array<[number, number, number]> = [
    [1, 1, 0],
    [3, 1, 0],
    [4, 1, 1],
    [10, 3, 2],
  ];
  for (const [replicas, surge, unavailable] of cases) {
    it(`${replicas} replicas: surge ${surge}, unavailable ${unavailable}`, () => {
      const d = rollingDeployment(replicas, '25%', '25%');
      expect(maxSurge(d)).to.equal(surge);
      expect(maxUnavailable(d)).to.equal(unavailable);
    });
  }
  it('applies 25%/25% when the strategy has no rollingUpdate block (apps/v1 defaulting)', () => {
    const d = rollingDeployment(10);
    d.spec!.strategy = { type: 'RollingUpdate' };
    expect([maxSurge(d), maxUnavailable(d)]).to.deep.equal([3, 2]);
  });
  it('both-zero rule: 1% of 2 resolves to surge 0, unavailable 1', () => {
    expect([
      maxSurge(rollingDeployment(2, '1%', '1%')),
      maxUnavailable(rollingDeployment(2, '1%', '1%')),
    ]).to.deep.equal([1, 0]);
    expect(maxUnavailable(rollingDeployment(2, 0, '1%'))).to.equal(1);
  });
  it('Recreate has no surge and no unavailability budget', () => {
    const d = rollingDeployment(10, '25%', '25%');
    d.spec!.strategy = { type: 'Recreate' };
    expect([maxSurge(d), maxUnavailable(d), minAvailable(d)]).to.deep.equal([0, 0, 0]);
  });
});

describe('NewRSNewReplicas (TestNewRSNewReplicas)', () => {
  const cases: Array<[string, 'RollingUpdate' | 'Recreate', number, number, number, number]> = [
    ['can not scale up - to newRSReplicas', 'RollingUpdate', 1, 5, 1, 5],
    ['scale up - to depReplicas', 'RollingUpdate', 6, 2, 10, 6],
    ['recreate - to depReplicas', 'Recreate', 3, 1, 1, 3],
  ];
  const newDeployment = generateDeployment('nginx');
  const newRC = generateRS(newDeployment);
  const rs5 = generateRS(newDeployment);
  rs5.spec!.replicas = 5;
  for (const [name, type, depReplicas, newRSReplicas, surge, expected] of cases) {
    it(name, () => {
      newDeployment.spec!.replicas = depReplicas;
      newDeployment.spec!.strategy = { type, rollingUpdate: { maxUnavailable: 1, maxSurge: surge } };
      newRC.spec!.replicas = newRSReplicas;
      expect(newRSNewReplicas(newDeployment, [rs5], newRC)).to.equal(expected);
    });
  }
});

describe('deployment conditions (TestGetCondition, TestSetCondition, TestRemoveCondition)', () => {
  const condProgressing = (): DeploymentCondition => ({
    type: 'Progressing',
    status: 'False',
    reason: 'ForSomeReason',
  });
  const condProgressing2 = (): DeploymentCondition => ({
    type: 'Progressing',
    status: 'True',
    reason: 'BecauseItIs',
  });
  const condAvailable = (): DeploymentCondition => ({
    type: 'Available',
    status: 'True',
    reason: 'AwesomeController',
  });
  const status = (): DeploymentStatus => ({ conditions: [condProgressing(), condAvailable()] });

  it('condition exists', () => {
    expect(getDeploymentCondition(status(), 'Available')).to.deep.equal(condAvailable());
  });
  it('condition does not exist', () => {
    expect(getDeploymentCondition(status(), 'ReplicaFailure')).to.equal(undefined);
  });

  const setCases: Array<[string, DeploymentStatus, DeploymentCondition, DeploymentStatus]> = [
    ['set for the first time', {}, condAvailable(), { conditions: [condAvailable()] }],
    ['simple set', { conditions: [condProgressing()] }, condAvailable(), status()],
    [
      'overwrite',
      { conditions: [condProgressing()] },
      condProgressing2(),
      { conditions: [condProgressing2()] },
    ],
  ];
  for (const [name, s, cond, expected] of setCases) {
    it(`set: ${name}`, () => {
      setDeploymentCondition(s, cond);
      expect(s).to.deep.equal(expected);
    });
  }

  const removeCases: Array<[string, DeploymentStatus, string, DeploymentStatus]> = [
    ['remove from empty status', {}, 'Progressing', {}],
    ['simple remove', { conditions: [condProgressing()] }, 'Progressing', {}],
    ["doesn't remove anything", status(), 'ReplicaFailure', status()],
  ];
  for (const [name, s, type, expected] of removeCases) {
    it(`remove: ${name}`, () => {
      removeDeploymentCondition(s, type);
      expect(s).to.deep.equal(expected);
    });
  }

  it('keeps lastTransitionTime when only the reason changes, and moves the condition last', () => {
    const s: DeploymentStatus = {
      conditions: [
        { type: 'Progressing', status: 'True', reason: 'A', lastTransitionTime: 't0', lastUpdateTime: 't0' },
        condAvailable(),
      ],
    };
    setDeploymentCondition(s, {
      type: 'Progressing',
      status: 'True',
      reason: 'B',
      lastTransitionTime: 't1',
      lastUpdateTime: 't1',
    });
    expect(s.conditions!.map((c) => c.type)).to.deep.equal(['Available', 'Progressing']);
    expect(s.conditions![1]).to.include({ reason: 'B', lastTransitionTime: 't0', lastUpdateTime: 't1' });
  });
});

function statusDeployment(
  desired: number,
  current: number,
  updated: number,
  available: number,
  maxUnavail: number,
  surge: number,
): Deployment {
  const d = rollingDeployment(desired, surge, maxUnavail);
  d.status = { replicas: current, updatedReplicas: updated, availableReplicas: available };
  return d;
}

describe('DeploymentComplete (TestDeploymentComplete)', () => {
  const cases: Array<[string, Deployment, boolean]> = [
    ['not complete: min but not all pods become available', statusDeployment(5, 5, 5, 4, 1, 0), false],
    ['not complete: min availability is not honored', statusDeployment(5, 5, 5, 3, 1, 0), false],
    ['complete', statusDeployment(5, 5, 5, 5, 0, 0), true],
    ['not complete: all pods are available but not updated', statusDeployment(5, 5, 4, 5, 0, 0), false],
    // old replica set: spec 1, status 1, available 1; new replica set: spec 1, status 1, available 0
    ['not complete: still running old pods', statusDeployment(1, 2, 1, 1, 0, 1), false],
    ['not complete: one replica deployment never comes up', statusDeployment(1, 1, 1, 0, 1, 1), false],
  ];
  for (const [name, d, expected] of cases) {
    it(name, () => {
      expect(deploymentComplete(d, d.status)).to.equal(expected);
    });
  }
});

describe('DeploymentProgressing (TestDeploymentProgressing)', () => {
  const dep = (current: number, updated: number, ready: number, available: number): Deployment => {
    const d = generateDeployment('nginx');
    d.status = {
      replicas: current,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
    };
    return d;
  };
  const st = (current: number, updated: number, ready: number, available: number): DeploymentStatus => ({
    replicas: current,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: available,
  });
  const cases: Array<[string, Deployment, DeploymentStatus, boolean]> = [
    ['progressing: updated pods', dep(10, 4, 4, 4), st(10, 6, 4, 4), true],
    ['not progressing', dep(10, 4, 4, 4), st(10, 4, 4, 4), false],
    ['progressing: old pods removed', dep(10, 4, 6, 6), st(8, 4, 6, 6), true],
    ['not progressing: less new pods', dep(10, 7, 3, 3), st(10, 6, 3, 3), false],
    ['progressing: less overall but more new pods', dep(10, 4, 7, 7), st(8, 8, 5, 5), true],
    ['progressing: more ready pods', dep(10, 10, 9, 8), st(10, 10, 10, 8), true],
    ['progressing: more available pods', dep(10, 10, 10, 9), st(10, 10, 10, 10), true],
  ];
  for (const [name, d, newStatus, expected] of cases) {
    it(name, () => {
      expect(deploymentProgressing(d, newStatus)).to.equal(expected);
    });
  }
});

describe('DeploymentTimedOut (TestDeploymentTimedOut)', () => {
  const timeFn = (min: number, sec: number) => (min * 60 + sec) * 1000;
  const dep = (reason: string, pds: number | undefined, fromMs: number | undefined): Deployment => {
    const d = generateDeployment('nginx');
    if (pds !== undefined) d.spec!.progressDeadlineSeconds = pds;
    d.status = {
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason,
          lastUpdateTime: fromMs === undefined ? undefined : timestampOf(fromMs),
        },
      ],
    };
    return d;
  };
  const cases: Array<[string, Deployment, number, boolean]> = [
    [
      'nil progressDeadlineSeconds specified - no timeout',
      dep('', undefined, timeFn(1, 9)),
      timeFn(1, 20),
      false,
    ],
    [
      'infinite progressDeadlineSeconds specified - no timeout',
      dep('', MaxInt32, timeFn(1, 9)),
      timeFn(1, 20),
      false,
    ],
    [
      'progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:09 => 11s',
      dep('', 10, timeFn(1, 9)),
      timeFn(1, 20),
      true,
    ],
    [
      'progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:11 => 9s',
      dep('', 10, timeFn(1, 11)),
      timeFn(1, 20),
      false,
    ],
    ['previous status was a complete deployment', dep(NewRSAvailableReason, undefined, undefined), 0, false],
  ];
  for (const [name, d, now, expected] of cases) {
    it(name, () => {
      expect(deploymentTimedOut(d, d.status!, now)).to.equal(expected);
    });
  }
  it('the deadline is strict: exactly at lastUpdateTime + pds is not yet timed out', () => {
    expect(
      deploymentTimedOut(dep('', 10, timeFn(1, 0)), dep('', 10, timeFn(1, 0)).status!, timeFn(1, 10)),
    ).to.equal(false);
    expect(
      deploymentTimedOut(dep('', 10, timeFn(1, 0)), dep('', 10, timeFn(1, 0)).status!, timeFn(1, 10) + 1),
    ).to.equal(true);
  });
});

describe('MaxUnavailable (TestMaxUnavailable)', () => {
  const dep = (replicas: number, unavailable: number | string) => rollingDeployment(replicas, 1, unavailable);
  const recreate = generateDeployment('nginx');
  recreate.spec!.strategy = { type: 'Recreate' };
  const cases: Array<[string, Deployment, number]> = [
    ['maxUnavailable less than replicas', dep(10, 5), 5],
    ['maxUnavailable equal replicas', dep(10, 10), 10],
    ['maxUnavailable greater than replicas', dep(5, 10), 5],
    ['maxUnavailable with replicas is 0', dep(0, 10), 0],
    ['maxUnavailable with Recreate deployment strategy', recreate, 0],
    ['maxUnavailable less than replicas with percents', dep(10, '50%'), 5],
    ['maxUnavailable equal replicas with percents', dep(10, '100%'), 10],
    ['maxUnavailable greater than replicas with percents', dep(5, '100%'), 5],
  ];
  for (const [name, d, expected] of cases) {
    it(name, () => {
      expect(maxUnavailable(d)).to.equal(expected);
    });
  }
});

describe('annotation utils (TestAnnotationUtils)', () => {
  const tDeployment = generateDeployment('nginx');
  const tRS = generateRS(tDeployment);
  tDeployment.metadata.annotations![RevisionAnnotation] = '1';

  it('SetNewReplicaSetAnnotations raises the revision and keeps a bounded history', () => {
    for (let i = 10; i < 20; i++) {
      const nextRevision = String(i + 1);
      setNewReplicaSetAnnotations(tDeployment, tRS, nextRevision, true, 5);
      if (i >= 12) expect(tRS.metadata.annotations![RevisionHistoryAnnotation]).to.equal(`${i - 1},${i}`);
      expect(tRS.metadata.annotations![RevisionAnnotation]).to.equal(nextRevision);
    }
  });
  it('SetReplicasAnnotations', () => {
    expect(setReplicasAnnotations(tRS, 10, 11)).to.equal(true);
    expect(tRS.metadata.annotations![DesiredReplicasAnnotation]).to.equal('10');
    expect(tRS.metadata.annotations![MaxReplicasAnnotation]).to.equal('11');
  });
  it('IsSaturated', () => {
    tRS.metadata.annotations![DesiredReplicasAnnotation] = '1';
    tRS.status = { replicas: 0, availableReplicas: 1 };
    tRS.spec!.replicas = 1;
    expect(isSaturated(tDeployment, tRS)).to.equal(true);
  });
});

describe('revisions', () => {
  const withRevision = (v?: string): ReplicaSet => {
    const r = generateRS(generateDeployment('nginx'));
    if (v !== undefined) r.metadata.annotations = { [RevisionAnnotation]: v };
    return r;
  };
  it('Revision: missing counts as 0, garbage is an error', () => {
    expect(revision(withRevision())).to.equal(0n);
    expect(revision(withRevision('7'))).to.equal(7n);
    expect(() => revision(withRevision('x'))).to.throw('invalid syntax');
    // int64, as upstream: the conformance test's revision is beyond 2^53; past int64 is an error.
    expect(revision(withRevision('3546343826724305832'))).to.equal(3546343826724305832n);
    expect(() => revision(withRevision('9223372036854775808'))).to.throw('value out of range');
  });
  it('MaxRevision and LastRevision skip unparsable revisions', () => {
    const list = [withRevision('1'), withRevision('x'), withRevision('3'), withRevision('2')];
    expect(maxRevision(list)).to.equal(3n);
    expect(lastRevision(list)).to.equal(2n);
  });
  it('a reused ReplicaSet (rollback) appends its old revision to revision-history', () => {
    const d = generateDeployment('nginx');
    const rs1 = withRevision('1');
    expect(setNewReplicaSetAnnotations(d, rs1, '3', true, 2000)).to.equal(true);
    expect(rs1.metadata.annotations).to.include({
      [RevisionAnnotation]: '3',
      [RevisionHistoryAnnotation]: '1',
    });
  });
  it('copies Deployment annotations except the skip-list, and sets replica annotations on creation', () => {
    const d = generateDeployment('nginx');
    d.spec!.replicas = 3;
    d.metadata.annotations = {
      'kubernetes.io/change-cause': 'bump',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      [RevisionAnnotation]: '9',
    };
    const r = withRevision();
    setNewReplicaSetAnnotations(d, r, '1', false, 2000);
    expect(r.metadata.annotations).to.deep.equal({
      'kubernetes.io/change-cause': 'bump',
      [RevisionAnnotation]: '1',
      [DesiredReplicasAnnotation]: '3',
      [MaxReplicasAnnotation]: '4',
    });
  });
});

describe('ReplicasAnnotationsNeedUpdate (TestReplicasAnnotationsNeedUpdate)', () => {
  const withAnnotations = (a?: Record<string, string>): ReplicaSet => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'hello', namespace: 'test', annotations: a },
    spec: { selector: { matchLabels: { foo: 'bar' } } },
  });
  const cases: Array<[string, ReplicaSet, boolean]> = [
    ['test Annotations nil', withAnnotations(), true],
    [
      'test desiredReplicas update',
      withAnnotations({ [DesiredReplicasAnnotation]: '8', [MaxReplicasAnnotation]: '20' }),
      true,
    ],
    [
      'test maxReplicas update',
      withAnnotations({ [DesiredReplicasAnnotation]: '10', [MaxReplicasAnnotation]: '16' }),
      true,
    ],
    [
      "test needn't update",
      withAnnotations({ [DesiredReplicasAnnotation]: '10', [MaxReplicasAnnotation]: '20' }),
      false,
    ],
  ];
  for (const [name, r, expected] of cases) {
    it(name, () => {
      expect(replicasAnnotationsNeedUpdate(r, 10, 20)).to.equal(expected);
    });
  }
});

describe('GetDeploymentsForReplicaSet (TestGetDeploymentsForReplicaSet)', () => {
  const deployments: Deployment[] = [0, 1, 2].map((i) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `deployment-${i}`, namespace: 'test', uid: newUid() },
    spec: { selector: { matchLabels: { app: `test-${i}` } }, template: {} },
  }));
  const rss: ReplicaSet[] = [0, 1, 2, 3, 4].map((i) => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      namespace: 'test',
      name: `test-replicaSet-${i}`,
      labels: { app: `test-${i}`, label: `label-${i}` },
    },
  }));
  for (let i = 0; i < 5; i++) {
    it(`GetDeploymentsForReplicaSet for rs-${i}`, () => {
      const got = getDeploymentsForReplicaSet(deployments, rss[i]!);
      expect(got).to.deep.equal(i < 3 ? [deployments[i]] : []);
    });
  }
});

describe('MinAvailable (TestMinAvailable)', () => {
  const dep = (replicas: number, unavailable: number | string) => rollingDeployment(replicas, 1, unavailable);
  const recreate = generateDeployment('nginx');
  recreate.spec!.replicas = 10;
  recreate.spec!.strategy = { type: 'Recreate' };
  const cases: Array<[string, Deployment, number]> = [
    ['replicas greater than maxUnavailable', dep(10, 5), 5],
    ['replicas equal maxUnavailable', dep(10, 10), 0],
    ['replicas less than maxUnavailable', dep(5, 10), 0],
    ['replicas is 0', dep(0, 10), 0],
    ['minAvailable with Recreate deployment strategy', recreate, 0],
    ['replicas greater than maxUnavailable with percents', dep(10, '60%'), 4],
    ['replicas equal maxUnavailable with percents', dep(10, '100%'), 0],
    ['replicas less than maxUnavailable with percents', dep(5, '100%'), 0],
  ];
  for (const [name, d, expected] of cases) {
    it(name, () => {
      expect(minAvailable(d)).to.equal(expected);
    });
  }
});

describe('getReplicaSetFraction (TestGetReplicaSetFraction)', () => {
  const cases: Array<{
    name: string;
    deploymentReplicas: number;
    deploymentStatusReplicas?: number;
    deploymentMaxSurge?: number;
    rsReplicas: number;
    rsAnnotations?: Record<string, string>;
    expectedFraction: number;
  }> = [
    {
      name: 'empty deployment always scales to 0',
      deploymentReplicas: 0,
      rsReplicas: 10,
      expectedFraction: -10,
    },
    {
      name: 'unsynced deployment does not scale when max-replicas annotation is missing (removed by a 3rd party)',
      deploymentReplicas: 10,
      rsReplicas: 5,
      expectedFraction: 0,
    },
    {
      name: 'unsynced deployment does not scale when max-replicas annotation is incorrectly set to 0 (by a 3rd party)',
      deploymentReplicas: 10,
      rsReplicas: 5,
      rsAnnotations: { [MaxReplicasAnnotation]: '0' },
      expectedFraction: 0,
    },
    {
      name: 'scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is missing (removed by a 3rd party)',
      deploymentReplicas: 120,
      deploymentStatusReplicas: 100,
      rsReplicas: 50,
      expectedFraction: 10,
    },
    {
      name: 'scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is incorrectly set to 0 (by a 3rd party)',
      deploymentReplicas: 120,
      deploymentStatusReplicas: 100,
      rsReplicas: 50,
      rsAnnotations: { [MaxReplicasAnnotation]: '0' },
      expectedFraction: 10,
    },
    {
      name: 'scale up by 1/5 should increase RS replicas by 1/5',
      deploymentReplicas: 120,
      rsReplicas: 50,
      rsAnnotations: { [MaxReplicasAnnotation]: '100' },
      expectedFraction: 10,
    },
    {
      name: 'scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5',
      deploymentReplicas: 120,
      deploymentMaxSurge: 10,
      rsReplicas: 50,
      rsAnnotations: { [MaxReplicasAnnotation]: '110' },
      // Not the whole 1/5 (10): replica sets holding surge pods scale proportionally too.
      expectedFraction: 9,
    },
    {
      name: 'scale down by 1/6 should decrease RS replicas by 1/6',
      deploymentReplicas: 10,
      rsReplicas: 6,
      rsAnnotations: { [MaxReplicasAnnotation]: '12' },
      expectedFraction: -1,
    },
    {
      name: 'scale down with maxSurge by 1/6 should decrease RS replicas approximately by 1/6',
      deploymentReplicas: 100,
      deploymentMaxSurge: 10,
      rsReplicas: 50,
      rsAnnotations: { [MaxReplicasAnnotation]: '130' },
      expectedFraction: -8,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = generateDeployment('nginx');
      d.status = { replicas: c.deploymentStatusReplicas ?? 0 };
      d.spec!.replicas = c.deploymentReplicas;
      d.spec!.strategy = {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: c.deploymentMaxSurge ?? 0, maxUnavailable: 1 },
      };
      const r = generateRS(d);
      r.metadata.annotations = c.rsAnnotations;
      r.spec!.replicas = c.rsReplicas;
      expect(getReplicaSetFraction(r, d)).to.equal(c.expectedFraction);
    });
  }
});

describe('GetProportion', () => {
  const d = rollingDeployment(15, 3, 2);
  const withSize = (replicas: number, max: number): ReplicaSet => {
    const r = generateRS(d);
    r.spec!.replicas = replicas;
    r.metadata.annotations = { [MaxReplicasAnnotation]: String(max) };
    return r;
  };
  it('hands out the fraction, bounded by what is left (the 10 → 15 worked example)', () => {
    expect(getProportion(withSize(8, 13), d, 5, 0)).to.equal(3);
    expect(getProportion(withSize(5, 13), d, 5, 3)).to.equal(2);
    expect(getProportion(withSize(5, 13), d, 5, 4)).to.equal(1);
  });
  it('is 0 for an empty ReplicaSet, nothing to add, or nothing left', () => {
    expect(getProportion(withSize(0, 13), d, 5, 0)).to.equal(0);
    expect(getProportion(withSize(8, 13), d, 0, 0)).to.equal(0);
    expect(getProportion(withSize(8, 13), d, 5, 5)).to.equal(0);
    expect(getProportion(undefined, d, 5, 0)).to.equal(0);
  });
  it('scaling down takes at most what is left to remove', () => {
    const down = rollingDeployment(5, 3, 2);
    expect(getProportion(withSize(8, 13), down, -5, -4)).to.equal(-1);
  });
});
