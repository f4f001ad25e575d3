import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ContainerStatus, PodCondition, PodSpec } from '../../api/types.js';
import {
  generateContainersReadyCondition,
  generatePodInitializedCondition,
  generatePodReadyCondition,
} from './conditions.js';
import type { PodPhase } from './phase.js';

// Ported from pkg/kubelet/status/generate_test.go.
const getReadyStatus = (name: string): ContainerStatus => ({
  name,
  image: '',
  imageID: '',
  ready: true,
  restartCount: 0,
});
const getNotReadyStatus = (name: string): ContainerStatus => ({ ...getReadyStatus(name), ready: false });
const getStartedStatus = (name: string): ContainerStatus => ({ ...getNotReadyStatus(name), started: true });
const getNotStartedStatus = (name: string): ContainerStatus => ({
  ...getNotReadyStatus(name),
  started: false,
});
const cond = (type: string, status: string, reason = '', message = '') => {
  const c: Record<string, string> = { type, status };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
};
const sidecar = (name: string) => ({ name, restartPolicy: 'Always' });

type ReadyCase = [PodSpec, ContainerStatus[] | undefined, PodPhase, Record<string, string>];

describe('generateContainersReadyCondition (TestGenerateContainersReadyCondition)', () => {
  const cases: ReadyCase[] = [
    [{ containers: [] }, undefined, 'Running', cond('ContainersReady', 'False', 'UnknownContainerStatuses')],
    [{ containers: [] }, [], 'Running', cond('ContainersReady', 'True')],
    [
      { containers: [{ name: '1234' }] },
      [],
      'Running',
      cond('ContainersReady', 'False', 'ContainersNotReady', 'containers with unknown status: [1234]'),
    ],
    [
      { containers: [{ name: '1234' }, { name: '5678' }] },
      [getReadyStatus('1234'), getReadyStatus('5678')],
      'Running',
      cond('ContainersReady', 'True'),
    ],
    [
      { containers: [{ name: '1234' }, { name: '5678' }] },
      [getReadyStatus('1234')],
      'Running',
      cond('ContainersReady', 'False', 'ContainersNotReady', 'containers with unknown status: [5678]'),
    ],
    [
      { containers: [{ name: '1234' }, { name: '5678' }] },
      [getReadyStatus('1234'), getNotReadyStatus('5678')],
      'Running',
      cond('ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [5678]'),
    ],
    [
      { containers: [{ name: '1234' }] },
      [getNotReadyStatus('1234')],
      'Succeeded',
      cond('ContainersReady', 'False', 'PodCompleted'),
    ],
    [
      { initContainers: [sidecar('restartable-init-1')], containers: [{ name: 'regular-1' }] },
      [getReadyStatus('regular-1')],
      'Running',
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unknown status: [restartable-init-1]',
      ),
    ],
    [
      {
        initContainers: [sidecar('restartable-init-1'), sidecar('restartable-init-2')],
        containers: [{ name: 'regular-1' }],
      },
      [
        getReadyStatus('restartable-init-1'),
        getReadyStatus('restartable-init-2'),
        getReadyStatus('regular-1'),
      ],
      'Running',
      cond('ContainersReady', 'True'),
    ],
    [
      {
        initContainers: [sidecar('restartable-init-1'), sidecar('restartable-init-2')],
        containers: [{ name: 'regular-1' }],
      },
      [getReadyStatus('restartable-init-1'), getReadyStatus('regular-1')],
      'Running',
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unknown status: [restartable-init-2]',
      ),
    ],
    [
      {
        initContainers: [sidecar('restartable-init-1'), sidecar('restartable-init-2')],
        containers: [{ name: 'regular-1' }],
      },
      [
        getReadyStatus('restartable-init-1'),
        getNotReadyStatus('restartable-init-2'),
        getReadyStatus('regular-1'),
      ],
      'Running',
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unready status: [restartable-init-2]',
      ),
    ],
    // Not upstream: both lists at once, in upstream's order (unknown first), Go's `[a b]` rendering.
    [
      { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
      [getNotReadyStatus('a'), getNotReadyStatus('c')],
      'Running',
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unknown status: [b], containers with unready status: [a c]',
      ),
    ],
  ];
  cases.forEach(([spec, statuses, phase, expected], i) => {
    it(`case ${i}`, () => {
      expect(generateContainersReadyCondition({ spec }, statuses, phase)).to.deep.equal(expected);
    });
  });
});

describe('generatePodReadyCondition (TestGeneratePodReadyCondition)', () => {
  const cases: Array<
    [PodSpec, PodCondition[] | undefined, ContainerStatus[] | undefined, PodPhase, Record<string, string>]
  > = [
    [{ containers: [] }, undefined, undefined, 'Running', cond('Ready', 'False', 'UnknownContainerStatuses')],
    [{ containers: [] }, undefined, [], 'Running', cond('Ready', 'True')],
    [
      { containers: [{ name: '1234' }] },
      undefined,
      [],
      'Running',
      cond('Ready', 'False', 'ContainersNotReady', 'containers with unknown status: [1234]'),
    ],
    [
      { containers: [{ name: '1234' }, { name: '5678' }] },
      undefined,
      [getReadyStatus('1234'), getReadyStatus('5678')],
      'Running',
      cond('Ready', 'True'),
    ],
    [
      { containers: [{ name: '1234' }, { name: '5678' }] },
      undefined,
      [getReadyStatus('1234')],
      'Running',
      cond('Ready', 'False', 'ContainersNotReady', 'containers with unknown status: [5678]'),
    ],
    [
      { containers: [{ name: '1234' }, { name: '5678' }] },
      undefined,
      [getReadyStatus('1234'), getNotReadyStatus('5678')],
      'Running',
      cond('Ready', 'False', 'ContainersNotReady', 'containers with unready status: [5678]'),
    ],
    [
      { containers: [{ name: '1234' }] },
      undefined,
      [getNotReadyStatus('1234')],
      'Succeeded',
      cond('Ready', 'False', 'PodCompleted'),
    ],
    [
      { containers: [], readinessGates: [{ conditionType: 'gate1' }] },
      undefined,
      [],
      'Running',
      cond(
        'Ready',
        'False',
        'ReadinessGatesNotReady',
        'corresponding condition of pod readiness gate "gate1" does not exist.',
      ),
    ],
    [
      { containers: [], readinessGates: [{ conditionType: 'gate1' }] },
      [{ type: 'gate1', status: 'False' }],
      [],
      'Running',
      cond(
        'Ready',
        'False',
        'ReadinessGatesNotReady',
        'the status of pod readiness gate "gate1" is not "True", but False',
      ),
    ],
    [
      { containers: [], readinessGates: [{ conditionType: 'gate1' }] },
      [{ type: 'gate1', status: 'True' }],
      [],
      'Running',
      cond('Ready', 'True'),
    ],
    [
      { containers: [], readinessGates: [{ conditionType: 'gate1' }, { conditionType: 'gate2' }] },
      [{ type: 'gate1', status: 'True' }],
      [],
      'Running',
      cond(
        'Ready',
        'False',
        'ReadinessGatesNotReady',
        'corresponding condition of pod readiness gate "gate2" does not exist.',
      ),
    ],
    [
      { containers: [], readinessGates: [{ conditionType: 'gate1' }, { conditionType: 'gate2' }] },
      [
        { type: 'gate1', status: 'True' },
        { type: 'gate2', status: 'False' },
      ],
      [],
      'Running',
      cond(
        'Ready',
        'False',
        'ReadinessGatesNotReady',
        'the status of pod readiness gate "gate2" is not "True", but False',
      ),
    ],
    [
      { containers: [], readinessGates: [{ conditionType: 'gate1' }, { conditionType: 'gate2' }] },
      [
        { type: 'gate1', status: 'True' },
        { type: 'gate2', status: 'True' },
      ],
      [],
      'Running',
      cond('Ready', 'True'),
    ],
    [
      { containers: [{ name: '1234' }], readinessGates: [{ conditionType: 'gate1' }] },
      [{ type: 'gate1', status: 'True' }],
      [getNotReadyStatus('1234')],
      'Running',
      cond('Ready', 'False', 'ContainersNotReady', 'containers with unready status: [1234]'),
    ],
  ];
  cases.forEach(([spec, conditions, statuses, phase, expected], i) => {
    it(`case ${i}`, () => {
      expect(generatePodReadyCondition({ spec }, conditions, statuses, phase)).to.deep.equal(expected);
    });
  });
});

describe('generatePodInitializedCondition (TestGeneratePodInitializedCondition)', () => {
  const noInit: PodSpec = { containers: [] };
  const oneInit: PodSpec = { initContainers: [{ name: '1234' }], containers: [{ name: 'regular' }] };
  const twoInit: PodSpec = {
    initContainers: [{ name: '1234' }, { name: '5678' }],
    containers: [{ name: 'regular' }],
  };
  const oneSidecar: PodSpec = { initContainers: [sidecar('1234')], containers: [{ name: 'regular' }] };
  const cases: Array<[PodSpec, ContainerStatus[] | undefined, PodPhase, string, string]> = [
    [twoInit, undefined, 'Running', 'False', 'UnknownContainerStatuses'],
    [noInit, [], 'Running', 'True', ''],
    [oneInit, [], 'Running', 'False', 'ContainersNotInitialized'],
    [twoInit, [getReadyStatus('1234'), getReadyStatus('5678')], 'Running', 'True', ''],
    [twoInit, [getReadyStatus('1234')], 'Running', 'False', 'ContainersNotInitialized'],
    [
      twoInit,
      [getReadyStatus('1234'), getNotReadyStatus('5678')],
      'Running',
      'False',
      'ContainersNotInitialized',
    ],
    [oneInit, [getReadyStatus('1234')], 'Succeeded', 'True', 'PodCompleted'],
    [oneSidecar, [getNotStartedStatus('1234')], 'Pending', 'False', 'ContainersNotInitialized'],
    [oneSidecar, [getStartedStatus('1234')], 'Running', 'True', ''],
    [
      oneSidecar,
      [getNotStartedStatus('1234'), { ...getNotReadyStatus('regular'), state: { running: {} } }],
      'Running',
      'True',
      '',
    ],
  ];
  cases.forEach(([spec, statuses, phase, status, reason], i) => {
    it(`case ${i}`, () => {
      const c = generatePodInitializedCondition({ spec }, statuses, phase);
      expect([c.type, c.status, c.reason ?? '']).to.deep.equal(['Initialized', status, reason]);
    });
  });
  it('names the incomplete init containers', () => {
    expect(
      generatePodInitializedCondition({ spec: twoInit }, [getReadyStatus('1234')], 'Pending').message,
    ).to.equal('containers with unknown status: [5678]');
  });
});
