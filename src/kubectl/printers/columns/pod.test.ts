/**
 * Ported from kubernetes pkg/printers/internalversion/printers_test.go: TestPrintPod,
 * TestPrintPodWithRestartableInitContainer, TestPrintPodwide, TestPrintNonTerminatedPod and
 * TestPrintPodConditions. Go's time.Now() offsets become offsets from a fixed simulated `now`.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ContainerStatus, Pod, PodStatus } from '../../../api/types.js';
import { timestampOf } from '../../../store/time.js';
import { podTable } from './pod.js';

const NOW = 100 * 24 * 3600 * 1000;
const ago = (ms: number) => timestampOf(NOW - ms);
const S = 1000;
const DAY = 24 * 3600 * S;

function pod(
  name: string,
  spec: { containers?: number; init?: number; initNames?: Array<[string, boolean]> },
  status: PodStatus,
  extra: Partial<Pod['metadata']> = {},
): Pod {
  const initContainers = spec.initNames
    ? spec.initNames.map(([n, restartable]) => ({
        name: n,
        ...(restartable ? { restartPolicy: 'Always' } : {}),
      }))
    : Array.from({ length: spec.init ?? 0 }, () => ({ name: '' }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...extra },
    spec: {
      containers: Array.from({ length: spec.containers ?? 0 }, () => ({ name: '' })),
      ...(initContainers.length > 0 ? { initContainers } : {}),
    },
    status,
  };
}

const running = { running: {} };
const cs = (s: Partial<ContainerStatus>): ContainerStatus =>
  ({ name: '', image: '', imageID: '', ready: false, restartCount: 0, ...s }) as ContainerStatus;
const lastFinished = (msAgo: number) => ({ terminated: { exitCode: 0, finishedAt: ago(msAgo) } });

const cells = (p: Pod) => podTable.row(p, NOW).slice(0, 5);

describe('printPod (TestPrintPod)', () => {
  const cases: Array<[Pod, string[]]> = [
    [
      pod(
        'test1',
        { containers: 2 },
        {
          phase: 'podPhase',
          containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })],
        },
      ),
      ['test1', '1/2', 'podPhase', '6', '<unknown>'],
    ],
    [
      pod(
        'test2',
        { containers: 2 },
        {
          phase: 'podPhase',
          containerStatuses: [
            cs({ ready: true, restartCount: 3, state: running }),
            cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
          ],
        },
      ),
      ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
    ],
    [
      pod(
        'test3',
        { containers: 2 },
        {
          phase: 'podPhase',
          containerStatuses: [
            cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
            cs({
              state: { terminated: { reason: 'ContainerTerminatedReason', exitCode: 0 } },
              restartCount: 3,
            }),
          ],
        },
      ),
      ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
    ],
    [
      pod(
        'test4',
        { containers: 2 },
        {
          phase: 'podPhase',
          containerStatuses: [
            cs({ ready: true, restartCount: 3, state: running }),
            cs({ ready: true, restartCount: 3 }),
          ],
        },
      ),
      ['test4', '1/2', 'podPhase', '6', '<unknown>'],
    ],
    [
      pod(
        'test5',
        { containers: 2 },
        {
          reason: 'podReason',
          phase: 'podPhase',
          containerStatuses: [
            cs({ ready: true, restartCount: 3, state: running }),
            cs({ ready: true, restartCount: 3 }),
          ],
        },
      ),
      ['test5', '1/2', 'podReason', '6', '<unknown>'],
    ],
    [
      pod(
        'test6',
        { containers: 2 },
        {
          phase: 'Running',
          containerStatuses: [
            cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }),
            cs({ ready: true, restartCount: 3, state: running }),
          ],
        },
      ),
      ['test6', '1/2', 'NotReady', '6', '<unknown>'],
    ],
    [
      pod(
        'test6',
        { containers: 2 },
        {
          phase: 'Running',
          containerStatuses: [
            cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }),
            cs({ ready: true, restartCount: 3, state: running }),
          ],
          conditions: [{ type: 'Ready', status: 'True' }],
        },
      ),
      ['test6', '1/2', 'Running', '6', '<unknown>'],
    ],
    [
      pod(
        'test7',
        { containers: 1, init: 1 },
        {
          phase: 'podPhase',
          initContainerStatuses: [cs({ restartCount: 3, state: running, lastState: lastFinished(10 * S) })],
          containerStatuses: [cs({ state: { waiting: {} } })],
        },
      ),
      ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
    ],
    [
      pod(
        'test8',
        { containers: 1, init: 2 },
        {
          phase: 'podPhase',
          initContainerStatuses: [
            cs({ restartCount: 3, state: running, lastState: lastFinished(10 * S) }),
            cs({ state: { waiting: {} } }),
          ],
          containerStatuses: [cs({ state: { waiting: {} } })],
        },
      ),
      ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      pod(
        'test9',
        { containers: 1, init: 2 },
        {
          phase: 'podPhase',
          initContainerStatuses: [
            cs({ state: { terminated: { exitCode: 0 } } }),
            cs({ restartCount: 3, state: running, lastState: lastFinished(10 * S) }),
          ],
          containerStatuses: [cs({ state: { waiting: {} } })],
        },
      ),
      ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      pod(
        'test10',
        { containers: 1, init: 2 },
        {
          phase: 'podPhase',
          initContainerStatuses: [
            cs({
              restartCount: 2,
              state: { terminated: { exitCode: 0 } },
              lastState: lastFinished(2 * 60 * S),
            }),
            cs({ restartCount: 3, state: running, lastState: lastFinished(10 * S) }),
          ],
          containerStatuses: [cs({ state: { waiting: {} } })],
        },
      ),
      ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
    ],
    [
      pod(
        'test11',
        { containers: 1, init: 1 },
        {
          phase: 'Running',
          initContainerStatuses: [
            cs({
              restartCount: 2,
              state: { terminated: { exitCode: 0 } },
              lastState: lastFinished(2 * 60 * S),
            }),
          ],
          containerStatuses: [cs({ restartCount: 4, state: running, lastState: lastFinished(20 * S) })],
        },
      ),
      ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
    ],
    [
      pod(
        'test12',
        { containers: 1 },
        {
          phase: 'Running',
          containerStatuses: [
            cs({ ready: true, restartCount: 3, state: running, lastState: lastFinished(5 * DAY) }),
          ],
        },
      ),
      ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
    ],
    [
      pod(
        'test13',
        { containers: 2 },
        {
          phase: 'Running',
          containerStatuses: [
            cs({ ready: true, restartCount: 0, state: running }),
            cs({ ready: true, restartCount: 3, state: running, lastState: lastFinished(10 * DAY) }),
          ],
        },
      ),
      ['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>'],
    ],
    [
      pod(
        'test14',
        { containers: 2 },
        {
          phase: 'Running',
          containerStatuses: [
            cs({ ready: true, restartCount: 6, state: running, lastState: lastFinished(5 * DAY) }),
            cs({ ready: true, restartCount: 3, state: running, lastState: lastFinished(20 * DAY) }),
          ],
        },
      ),
      ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
    ],
    [
      pod(
        'test15',
        { containers: 2 },
        {
          phase: 'podPhase',
          conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
        },
      ),
      ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
    ],
    [
      pod(
        'test16',
        { containers: 1 },
        {
          phase: 'Succeeded',
          containerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })],
        },
      ),
      ['test16', '0/1', 'Completed', '0', '<unknown>'],
    ],
    [
      pod(
        'test17',
        { containers: 1 },
        {
          phase: 'Failed',
          containerStatuses: [cs({ state: { terminated: { reason: 'Error', exitCode: 1 } } })],
        },
      ),
      ['test17', '0/1', 'Error', '0', '<unknown>'],
    ],
    [
      pod(
        'test18',
        { containers: 1 },
        {
          phase: 'Succeeded',
          containerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })],
        },
        { deletionTimestamp: ago(10 * S) },
      ),
      ['test18', '0/1', 'Completed', '0', '<unknown>'],
    ],
    [
      pod(
        'test19',
        { containers: 1 },
        { phase: 'Running', containerStatuses: [cs({ state: running })] },
        { deletionTimestamp: ago(10 * S) },
      ),
      ['test19', '0/1', 'Terminating', '0', '<unknown>'],
    ],
    [
      pod('test20', { containers: 1 }, { phase: 'Pending' }, { deletionTimestamp: ago(10 * S) }),
      ['test20', '0/1', 'Terminating', '0', '<unknown>'],
    ],
  ];
  cases.forEach(([p, want], i) => {
    it(`${i}: ${want.join(' ')}`, () => {
      expect(cells(p)).to.deep.equal(want);
    });
  });
});

describe('printPod (TestPrintPodWithRestartableInitContainer)', () => {
  const sidecars: Array<[string, boolean]> = [
    ['restartable-init-1', true],
    ['restartable-init-2', true],
  ];
  const cases: Array<[Pod, string[]]> = [
    [
      pod(
        'test1',
        { containers: 1, initNames: sidecars },
        {
          phase: 'Pending',
          initContainerStatuses: [
            cs({
              name: 'restartable-init-1',
              restartCount: 3,
              state: running,
              started: false,
              lastState: lastFinished(10 * S),
            }),
            cs({ name: 'restartable-init-2', state: { waiting: {} }, started: false }),
          ],
          containerStatuses: [cs({ state: { waiting: {} } })],
          conditions: [{ type: 'Initialized', status: 'False' }],
        },
      ),
      ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      pod(
        'test1',
        { containers: 1, initNames: sidecars },
        {
          phase: 'Pending',
          initContainerStatuses: [
            cs({
              name: 'restartable-init-1',
              restartCount: 3,
              state: running,
              started: true,
              lastState: lastFinished(10 * S),
            }),
            cs({ name: 'restartable-init-2', state: running, started: false }),
          ],
          containerStatuses: [cs({ state: { waiting: {} } })],
          conditions: [{ type: 'Initialized', status: 'False' }],
        },
      ),
      ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      pod(
        'test2',
        { containers: 1, initNames: sidecars },
        {
          phase: 'Running',
          initContainerStatuses: [
            cs({
              name: 'restartable-init-1',
              restartCount: 3,
              state: running,
              started: true,
              lastState: lastFinished(10 * S),
            }),
            cs({ name: 'restartable-init-2', state: running, started: true }),
          ],
          containerStatuses: [
            cs({ ready: true, restartCount: 4, state: running, lastState: lastFinished(20 * S) }),
          ],
          conditions: [{ type: 'Initialized', status: 'True' }],
        },
      ),
      ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>'],
    ],
    [
      pod(
        'test3',
        { containers: 1, initNames: sidecars },
        {
          phase: 'Succeeded',
          initContainerStatuses: [
            cs({
              name: 'restartable-init-1',
              restartCount: 3,
              state: { terminated: { reason: 'Error', exitCode: 137 } },
              started: false,
              lastState: lastFinished(10 * S),
            }),
            cs({
              name: 'restartable-init-2',
              state: { terminated: { reason: 'Error', exitCode: 137 } },
              started: false,
            }),
          ],
          containerStatuses: [
            cs({
              restartCount: 4,
              state: { terminated: { reason: 'Completed', exitCode: 0 } },
              lastState: lastFinished(20 * S),
            }),
          ],
          conditions: [{ type: 'Initialized', status: 'True' }],
        },
      ),
      ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>'],
    ],
    [
      {
        ...pod(
          'test4',
          {
            containers: 0,
            initNames: [
              ['init1', false],
              ['sidecar1', true],
            ],
          },
          {
            phase: 'Running',
            initContainerStatuses: [
              cs({ name: 'initinvalid' }),
              cs({ name: 'init1' }),
              cs({ name: 'sidecar1' }),
            ],
            containerStatuses: [cs({ name: 'containerinvalid' }), cs({ name: 'container1' })],
          },
        ),
        spec: {
          initContainers: [
            { name: 'init1', image: 'initimage' },
            { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' },
          ],
          containers: [{ name: 'container1', image: 'containerimage' }],
        },
      },
      ['test4', '0/2', 'Init:0/2', '0', '<unknown>'],
    ],
  ];
  cases.forEach(([p, want], i) => {
    it(`${i}: ${want.join(' ')}`, () => {
      expect(cells(p)).to.deep.equal(want);
    });
  });
});

describe('printPod -o wide (TestPrintPodwide)', () => {
  const gates = [
    { conditionType: 'condition1' },
    { conditionType: 'condition2' },
    { conditionType: 'condition3' },
  ];
  const status = (podIPs: Array<{ ip: string }>): PodStatus => ({
    conditions: [
      { type: 'condition1', status: 'False' },
      { type: 'condition2', status: 'True' },
    ],
    phase: 'podPhase',
    podIPs,
    containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })],
    nominatedNodeName: 'node1',
  });
  const withNode = (p: Pod): Pod => ({
    ...p,
    spec: { ...p.spec!, nodeName: 'test1', readinessGates: gates },
  });
  it('prints the first pod IP, the node, the nominated node and the readiness gates', () => {
    expect(
      podTable.row(withNode(pod('test1', { containers: 2 }, status([{ ip: '1.1.1.1' }]))), NOW),
    ).to.deep.equal(['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']);
    expect(
      podTable.row(
        withNode(pod('test1', { containers: 2 }, status([{ ip: '1.1.1.1' }, { ip: '2001:db8::' }]))),
        NOW,
      ),
    ).to.deep.equal(['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']);
  });
  it('prints <none> for what is missing', () => {
    const p = pod(
      'test2',
      { containers: 2 },
      {
        phase: 'podPhase',
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: running }),
          cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
        ],
      },
    );
    expect(podTable.row(p, NOW)).to.deep.equal([
      'test2',
      '1/2',
      'ContainerWaitingReason',
      '6',
      '<unknown>',
      '<none>',
      '<none>',
      '<none>',
      '<none>',
    ]);
  });
});

describe('printPod phases (TestPrintNonTerminatedPod, TestPrintPodConditions)', () => {
  const statuses = [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })];
  for (const phase of ['Running', 'Pending', 'Unknown', 'Succeeded', 'Failed']) {
    it(phase, () => {
      expect(cells(pod('test1', { containers: 2 }, { phase, containerStatuses: statuses }))).to.deep.equal([
        'test1',
        '1/2',
        phase,
        '6',
        '<unknown>',
      ]);
    });
  }
});

describe('printPod: kubesim cases', () => {
  it('shows Unknown for a deleted pod of an unreachable node (NodeLost)', () => {
    const p = pod(
      'x',
      { containers: 1 },
      { phase: 'Running', reason: 'NodeLost' },
      { deletionTimestamp: ago(0) },
    );
    expect(cells(p)[2]).to.equal('Unknown');
  });
  it('shows Init:<reason>, Init:ExitCode and Init:Signal for failed init containers', () => {
    const failed = (terminated: object) =>
      cells(
        pod(
          'x',
          { containers: 1, init: 1 },
          { phase: 'Pending', initContainerStatuses: [cs({ state: { terminated } as never })] },
        ),
      )[2];
    expect(failed({ exitCode: 1, reason: 'Error' })).to.equal('Init:Error');
    expect(failed({ exitCode: 2 })).to.equal('Init:ExitCode:2');
    expect(failed({ exitCode: 137, signal: 9 })).to.equal('Init:Signal:9');
  });
  it('uses the pod age from its creation timestamp', () => {
    const p = pod('x', { containers: 1 }, { phase: 'Running' }, { creationTimestamp: ago(65 * S) });
    expect(cells(p)[4]).to.equal('65s');
  });
});
