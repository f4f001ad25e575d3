/** Ported from pkg/controller/deployment/recreate_test.go (TestOldPodsRunning, scale-down). */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod, ReplicaSet } from '../../api/types.js';
import { FakeDeploymentClient } from './fake-client.js';
import { newDeployment, newRSWithStatus, rs } from './fixtures.js';
import { oldPodsRunning, type PodMap, scaleDownOldReplicaSetsForRecreate } from './recreate.js';

function rsWithUID(uid: string): ReplicaSet {
  const r = rs(`foo-${uid}`, 0, { foo: 'bar' });
  r.metadata.uid = uid;
  return r;
}

const pod = (phase?: string): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  status: phase ? { phase } : undefined,
});

function podMapWithUIDs(uids: string[]): PodMap {
  return new Map(uids.map((uid) => [uid, [pod(), pod()]]));
}

describe('oldPodsRunning (TestOldPodsRunning)', () => {
  const cases: Array<[string, ReplicaSet[], PodMap, boolean]> = [
    ['no old RSs', [], new Map(), false],
    [
      'old RSs with running pods',
      [rsWithUID('some-uid'), rsWithUID('other-uid')],
      podMapWithUIDs(['some-uid', 'other-uid']),
      true,
    ],
    [
      'old RSs without pods but with non-zero status replicas',
      [newRSWithStatus('rs-1', 0, 1)],
      new Map(),
      true,
    ],
    ['old RSs without pods or non-zero status replicas', [newRSWithStatus('rs-1', 0, 0)], new Map(), false],
    [
      'old RSs with zero status replicas but pods in terminal state are present',
      [newRSWithStatus('rs-1', 0, 0)],
      new Map([['uid-1', [pod('Failed'), pod('Succeeded')]]]),
      false,
    ],
    [
      'old RSs with zero status replicas but pod in unknown phase present',
      [newRSWithStatus('rs-1', 0, 0)],
      new Map([['uid-1', [pod('Unknown')]]]),
      true,
    ],
    [
      'old RSs with zero status replicas with pending pod present',
      [newRSWithStatus('rs-1', 0, 0)],
      new Map([['uid-1', [pod('Pending')]]]),
      true,
    ],
    [
      'old RSs with zero status replicas with running pod present',
      [newRSWithStatus('rs-1', 0, 0)],
      new Map([['uid-1', [pod('Running')]]]),
      true,
    ],
    [
      'old RSs with zero status replicas but pods in terminal state and pending are present',
      [newRSWithStatus('rs-1', 0, 0)],
      new Map([
        ['uid-1', [pod('Failed'), pod('Succeeded')]],
        ['uid-2', []],
        ['uid-3', [pod('Pending')]],
      ]),
      true,
    ],
  ];
  for (const [name, oldRSs, podMap, expected] of cases) {
    it(name, () => {
      expect(oldPodsRunning(undefined, oldRSs, podMap)).to.equal(expected);
    });
  }

  it("ignores the new ReplicaSet's own pods", () => {
    const newRS = rsWithUID('new-uid');
    expect(oldPodsRunning(newRS, [], podMapWithUIDs(['new-uid']))).to.equal(false);
  });
});

describe('scaleDownOldReplicaSetsForRecreate', () => {
  it('scales every active old ReplicaSet to 0 with an event each', () => {
    const client = new FakeDeploymentClient();
    const d = newDeployment('foo', 3);
    d.spec!.strategy = { type: 'Recreate' };
    const scaled = scaleDownOldReplicaSetsForRecreate(
      client,
      [rs('foo-1', 2), rs('foo-2', 0), rs('foo-3', 1)],
      d,
    );
    expect(scaled).to.equal(true);
    expect(client.updatedReplicaSets().map((r) => [r.metadata.name, r.spec!.replicas])).to.deep.equal([
      ['foo-1', 0],
      ['foo-3', 0],
    ]);
    expect(client.events.map((e) => e.message)).to.deep.equal([
      'Scaled down replica set foo-1 from 2 to 0',
      'Scaled down replica set foo-3 from 1 to 0',
    ]);
  });
});
