/**
 * Ported from controller_utils_test.go (TestSortingActivePodsWithRanks) and replica_set_test.go
 * (TestGetPodsToDelete).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { timestampOf } from '../../store/time.js';
import { PodDeletionCost } from './pod-util.js';
import { getPodsToDelete, lessForDeletion, rankByRelatedPodsOnSameNode, sortForDeletion } from './ranking.js';

const HOUR = 3_600_000;
const now = 40 * 24 * HOUR;
const then1Month = now - 30 * 24 * HOUR;
const then2Hours = now - 2 * HOUR;
const then5Hours = now - 5 * HOUR;
const then8Hours = now - 8 * HOUR;

function pod(
  name: string,
  nodeName: string,
  phase: string,
  ready: boolean,
  restarts: number,
  readySince: number | undefined,
  created: number | undefined,
  annotations?: Record<string, string>,
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      annotations,
      creationTimestamp: created === undefined ? undefined : timestampOf(created),
    },
    spec: { nodeName: nodeName || undefined, containers: [] },
    status: {
      phase,
      conditions: ready
        ? [
            {
              type: 'Ready',
              status: 'True',
              lastTransitionTime: readySince === undefined ? undefined : timestampOf(readySince),
            },
          ]
        : undefined,
      containerStatuses: ready
        ? [{ name: 'c', restartCount: restarts, ready: true, image: 'x', imageID: '' }]
        : undefined,
    },
  };
}

describe('ActivePodsWithRanks (TestSortingActivePodsWithRanks)', () => {
  const unscheduledPod = pod('unscheduled', '', 'Pending', false, 0, undefined, undefined);
  const scheduledPendingPod = pod('pending', 'node', 'Pending', false, 0, undefined, undefined);
  const unknownPhasePod = pod('unknown-phase', 'node', 'Unknown', false, 0, undefined, undefined);
  const runningNotReadyPod = pod('not-ready', 'node', 'Running', false, 0, undefined, undefined);
  const runningReadyNoLastTransitionTimePod = pod(
    'ready-no-last-transition-time',
    'node',
    'Running',
    true,
    0,
    undefined,
    undefined,
  );
  const runningReadyNow = pod('ready-now', 'node', 'Running', true, 0, now, now);
  const runningReadyThen = pod('ready-then', 'node', 'Running', true, 0, then1Month, then1Month);
  const runningReadyNowHighRestarts = pod('ready-high-restarts', 'node', 'Running', true, 9001, now, now);
  const runningReadyNowCreatedThen = pod(
    'ready-now-created-then',
    'node',
    'Running',
    true,
    0,
    now,
    then1Month,
  );
  const lowPodDeletionCost = pod('low-deletion-cost', 'node', 'Running', true, 0, now, then1Month, {
    [PodDeletionCost]: '10',
  });
  const highPodDeletionCost = pod('high-deletion-cost', 'node', 'Running', true, 0, now, then1Month, {
    [PodDeletionCost]: '100',
  });
  const unscheduled5Hours = pod('unscheduled-5-hours', '', 'Pending', false, 0, then5Hours, then5Hours);
  const unscheduled8Hours = pod('unscheduled-10-hours', '', 'Pending', false, 0, then8Hours, then8Hours);
  const ready2Hours = pod('ready-2-hours', '', 'Running', true, 0, then2Hours, then1Month);
  const ready5Hours = pod('ready-5-hours', '', 'Running', true, 0, then5Hours, then1Month);
  const ready10Hours = pod('ready-10-hours', '', 'Running', true, 0, then8Hours, then1Month);

  const equality: Array<[Pod, Pod?]> = [
    [unscheduledPod],
    [scheduledPendingPod],
    [unknownPhasePod],
    [runningNotReadyPod],
    [runningReadyNowCreatedThen],
    [runningReadyNow],
    [runningReadyThen],
    [runningReadyNowHighRestarts],
    [runningReadyNowCreatedThen],
    // Same log2 bucket of age, same (empty) UID: equivalent.
    [unscheduled5Hours, unscheduled8Hours],
    [ready5Hours, ready10Hours],
  ];
  equality.forEach(([p1, p2 = p1], i) => {
    it(`Equality tests ${i}: ${p1.metadata.name} ~ ${p2.metadata.name}`, () => {
      expect(lessForDeletion(p1, 1, p2, 1, now)).to.equal(false);
      expect(lessForDeletion(p2, 1, p1, 1, now)).to.equal(false);
    });
  });

  // The upstream case with PodDeletionCost disabled is left out: the gate is on in v1.33 and
  // kubesim has no switch for it.
  const inequality: Array<[Pod, number, Pod, number]> = [
    [unscheduledPod, 1, scheduledPendingPod, 2],
    [unscheduledPod, 2, scheduledPendingPod, 1],
    [scheduledPendingPod, 1, unknownPhasePod, 2],
    [unknownPhasePod, 1, runningNotReadyPod, 2],
    [runningNotReadyPod, 1, runningReadyNoLastTransitionTimePod, 1],
    [runningReadyNoLastTransitionTimePod, 1, runningReadyNow, 1],
    [runningReadyNow, 2, runningReadyNoLastTransitionTimePod, 1],
    [runningReadyNow, 1, runningReadyThen, 1],
    [runningReadyNow, 2, runningReadyThen, 1],
    [runningReadyNowHighRestarts, 1, runningReadyNow, 1],
    [runningReadyNow, 2, runningReadyNowHighRestarts, 1],
    [runningReadyNow, 1, runningReadyNowCreatedThen, 1],
    [runningReadyNowCreatedThen, 2, runningReadyNow, 1],
    [lowPodDeletionCost, 2, highPodDeletionCost, 1],
    [ready2Hours, 1, ready5Hours, 1],
  ];
  inequality.forEach(([lesser, lr, greater, gr], i) => {
    it(`Inequality tests ${i}: ${lesser.metadata.name} (rank ${lr}) < ${greater.metadata.name} (rank ${gr})`, () => {
      expect(lessForDeletion(lesser, lr, greater, gr, now)).to.equal(true);
      expect(lessForDeletion(greater, gr, lesser, lr, now)).to.equal(false);
    });
  });

  it('breaks ties inside one log2 age bucket by UID', () => {
    const a = { ...ready5Hours, metadata: { ...ready5Hours.metadata, uid: 'a' } };
    const b = { ...ready10Hours, metadata: { ...ready10Hours.metadata, uid: 'b' } };
    expect(lessForDeletion(a, 1, b, 1, now)).to.equal(true);
    expect(lessForDeletion(b, 1, a, 1, now)).to.equal(false);
  });

  it('sorts a shuffled list into deletion order', () => {
    const ordered = [
      unscheduledPod,
      scheduledPendingPod,
      unknownPhasePod,
      runningNotReadyPod,
      runningReadyNow,
      runningReadyThen,
    ];
    const shuffled = [ordered[4]!, ordered[1]!, ordered[5]!, ordered[0]!, ordered[3]!, ordered[2]!];
    const sorted = sortForDeletion(
      shuffled,
      shuffled.map(() => 1),
      now,
    );
    expect(sorted.map((p) => p.metadata.name)).to.deep.equal(ordered.map((p) => p.metadata.name));
  });
});

describe('getPodsToDelete (TestGetPodsToDelete)', () => {
  let uid = 0;
  const newPod = (name: string, phase: string, nodeName?: string, ready?: boolean): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${uid++}`, labels: { name: 'foo' } },
    spec: { nodeName, containers: [] },
    status: {
      phase,
      conditions:
        ready === undefined
          ? phase === 'Running'
            ? [{ type: 'Ready', status: 'True' }]
            : undefined
          : [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  });
  const unscheduledPendingPod = newPod('unscheduled-pending-pod', 'Pending');
  const scheduledPendingPod = newPod('scheduled-pending-pod', 'Pending', 'fake-node');
  const scheduledRunningNotReadyPod = newPod(
    'scheduled-running-not-ready-pod',
    'Running',
    'fake-node',
    false,
  );
  const readyOnNode1 = newPod('scheduled-running-ready-pod-on-node-1', 'Running', 'fake-node-1', true);
  const readyOnNode2 = newPod('scheduled-running-ready-pod-on-node-2', 'Running', 'fake-node-2', true);

  const cases: Array<{ name: string; pods: Pod[]; related?: Pod[]; diff: number; expected: Pod[] }> = [
    { name: 'len(pods) = 0 (i.e., diff = 0 too)', pods: [], diff: 0, expected: [] },
    {
      name: 'diff = len(pods)',
      pods: [scheduledRunningNotReadyPod, readyOnNode1],
      diff: 2,
      expected: [scheduledRunningNotReadyPod, readyOnNode1],
    },
    {
      name: 'diff < len(pods)',
      pods: [readyOnNode1, scheduledRunningNotReadyPod],
      diff: 1,
      expected: [scheduledRunningNotReadyPod],
    },
    {
      name: 'various pod phases and conditions, diff = len(pods)',
      pods: [
        readyOnNode1,
        readyOnNode1,
        readyOnNode2,
        scheduledRunningNotReadyPod,
        scheduledPendingPod,
        unscheduledPendingPod,
      ],
      diff: 6,
      expected: [
        readyOnNode1,
        readyOnNode1,
        readyOnNode2,
        scheduledRunningNotReadyPod,
        scheduledPendingPod,
        unscheduledPendingPod,
      ],
    },
    {
      name: 'various pod phases and conditions, diff = len(pods), relatedPods empty',
      pods: [
        readyOnNode1,
        readyOnNode1,
        readyOnNode2,
        scheduledRunningNotReadyPod,
        scheduledPendingPod,
        unscheduledPendingPod,
      ],
      related: [],
      diff: 6,
      expected: [
        readyOnNode1,
        readyOnNode1,
        readyOnNode2,
        scheduledRunningNotReadyPod,
        scheduledPendingPod,
        unscheduledPendingPod,
      ],
    },
    {
      name: 'scheduled vs unscheduled, diff < len(pods)',
      pods: [scheduledPendingPod, unscheduledPendingPod],
      diff: 1,
      expected: [unscheduledPendingPod],
    },
    {
      name: 'ready vs not-ready, diff < len(pods)',
      pods: [readyOnNode1, scheduledRunningNotReadyPod, scheduledRunningNotReadyPod],
      diff: 2,
      expected: [scheduledRunningNotReadyPod, scheduledRunningNotReadyPod],
    },
    {
      name: 'ready and colocated with another ready pod vs not colocated, diff < len(pods)',
      pods: [readyOnNode1, readyOnNode2],
      related: [readyOnNode1, readyOnNode2, readyOnNode2],
      diff: 1,
      expected: [readyOnNode2],
    },
    {
      name: 'pending vs running, diff < len(pods)',
      pods: [scheduledPendingPod, scheduledRunningNotReadyPod],
      diff: 1,
      expected: [scheduledPendingPod],
    },
    {
      name: 'various pod phases and conditions, diff < len(pods)',
      pods: [
        readyOnNode1,
        readyOnNode2,
        scheduledRunningNotReadyPod,
        scheduledPendingPod,
        unscheduledPendingPod,
      ],
      diff: 3,
      expected: [unscheduledPendingPod, scheduledPendingPod, scheduledRunningNotReadyPod],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = getPodsToDelete(c.pods, c.related ?? c.pods, c.diff, now);
      expect(got.map((p) => p.metadata.name)).to.deep.equal(c.expected.map((p) => p.metadata.name));
    });
  }

  it('ranks pods by the active related pods on their node', () => {
    const terminating = {
      ...readyOnNode2,
      metadata: { ...readyOnNode2.metadata, deletionTimestamp: timestampOf(0) },
    };
    expect(
      rankByRelatedPodsOnSameNode([readyOnNode1, readyOnNode2], [readyOnNode1, readyOnNode2, terminating]),
    ).to.deep.equal([1, 1]);
  });
});
