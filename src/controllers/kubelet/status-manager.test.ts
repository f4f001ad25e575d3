import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ContainerState, ContainerStatus, Pod, PodStatus } from '../../api/types.js';
import { delayTerminalPhase, terminatePodStatus } from './status-manager.js';

/** newPod(initContainers, containers, fn): init containers init-0…, containers 0…, as the upstream test makes them. */
function newPod(initContainers: number, containers: number, fn: (pod: Pod) => void = () => {}): Pod {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'foo', namespace: 'new', uid: '12345678' },
    spec: {
      initContainers: Array.from({ length: initContainers }, (_, i) => ({ name: `init-${i}` })),
      containers: Array.from({ length: containers }, (_, i) => ({ name: `${i}` })),
    },
    status: { startTime: '1970-01-01T00:00:01Z' },
  };
  fn(pod);
  return pod;
}

const waiting = (name: string): ContainerStatus => ({ name, state: { waiting: {} } }) as ContainerStatus;
const terminated = (name: string, exitCode: number): ContainerStatus =>
  ({ name, state: { terminated: { exitCode } } }) as ContainerStatus;

function expectTerminatedUnknown(state: ContainerState | undefined): void {
  expect(state?.running).to.equal(undefined);
  expect(state?.waiting).to.equal(undefined);
  expect(state?.terminated?.exitCode).to.equal(137);
  expect(state?.terminated?.reason).to.equal('ContainerStatusUnknown');
  expect(state?.terminated?.message).to.not.equal('');
}
function expectTerminated(state: ContainerState | undefined, exitCode: number): void {
  expect(state?.running).to.equal(undefined);
  expect(state?.waiting).to.equal(undefined);
  expect(state?.terminated?.exitCode).to.equal(exitCode);
}
function expectWaiting(state: ContainerState | undefined): void {
  expect(state?.running).to.equal(undefined);
  expect(state?.terminated).to.equal(undefined);
  expect(state?.waiting).to.not.equal(undefined);
}

/** TerminatePod on the pod as the status manager has it cached (its own status). */
const terminate = (pod: Pod): PodStatus => terminatePodStatus(pod, pod.status ?? {});

describe('terminatePodStatus (status_manager_test.go TestTerminatePod_DefaultUnknownStatus)', () => {
  const cases: Array<{ name: string; pod: Pod; expectFn?: (status: PodStatus) => void; phase?: string }> = [
    { name: 'failed pod', pod: newPod(0, 1, (p) => (p.status!.phase = 'Failed')) },
    { name: 'running pod', pod: newPod(0, 1, (p) => (p.status!.phase = 'Running')), phase: 'Failed' },
    {
      name: 'running pod with a terminated container',
      pod: newPod(0, 1, (p) => {
        p.status!.phase = 'Running';
        p.status!.containerStatuses = [
          { name: '0', state: { terminated: { reason: 'Test', exitCode: 2 } } } as ContainerStatus,
        ];
      }),
      phase: 'Failed',
    },
    {
      name: 'last termination state set',
      pod: newPod(0, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Running';
        p.status!.containerStatuses = [
          {
            name: '0',
            lastState: { terminated: { reason: 'Test', exitCode: 2 } },
            state: { waiting: {} },
          } as ContainerStatus,
        ];
      }),
      expectFn: (status) => {
        const container = status.containerStatuses![0]!;
        expect(container.lastState?.terminated?.exitCode).to.equal(2);
        expectTerminatedUnknown(container.state);
      },
    },
    {
      name: 'no previous state',
      pod: newPod(0, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Running';
        p.status!.containerStatuses = [waiting('0')];
      }),
      expectFn: (status) => expectTerminatedUnknown(status.containerStatuses![0]!.state),
    },
    {
      name: 'uninitialized pod defaults the first init container',
      pod: newPod(1, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Pending';
        p.status!.initContainerStatuses = [waiting('init-0')];
        p.status!.containerStatuses = [waiting('0')];
      }),
      expectFn: (status) => {
        expectTerminatedUnknown(status.initContainerStatuses![0]!.state);
        expectWaiting(status.containerStatuses![0]!.state);
      },
    },
    {
      name: 'uninitialized pod defaults only the first init container',
      pod: newPod(2, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Pending';
        p.status!.initContainerStatuses = [waiting('init-0'), waiting('init-1')];
        p.status!.containerStatuses = [waiting('0')];
      }),
      expectFn: (status) => {
        expectTerminatedUnknown(status.initContainerStatuses![0]!.state);
        expectWaiting(status.initContainerStatuses![1]!.state);
        expectWaiting(status.containerStatuses![0]!.state);
      },
    },
    {
      name: 'uninitialized pod defaults gaps',
      pod: newPod(4, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Pending';
        p.status!.initContainerStatuses = [
          waiting('init-0'),
          waiting('init-1'),
          terminated('init-2', 1),
          waiting('init-3'),
        ];
        p.status!.containerStatuses = [waiting('0')];
      }),
      expectFn: (status) => {
        expectTerminatedUnknown(status.initContainerStatuses![0]!.state);
        expectTerminatedUnknown(status.initContainerStatuses![1]!.state);
        expectTerminated(status.initContainerStatuses![2]!.state, 1);
        expectWaiting(status.initContainerStatuses![3]!.state);
        expectWaiting(status.containerStatuses![0]!.state);
      },
    },
    {
      name: 'failed last container is uninitialized',
      pod: newPod(3, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Pending';
        p.status!.initContainerStatuses = [waiting('init-0'), waiting('init-1'), terminated('init-2', 1)];
        p.status!.containerStatuses = [waiting('0')];
      }),
      expectFn: (status) => {
        expectTerminatedUnknown(status.initContainerStatuses![0]!.state);
        expectTerminatedUnknown(status.initContainerStatuses![1]!.state);
        expectTerminated(status.initContainerStatuses![2]!.state, 1);
        expectWaiting(status.containerStatuses![0]!.state);
      },
    },
    {
      name: 'successful last container is initialized',
      pod: newPod(3, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Running';
        p.status!.initContainerStatuses = [waiting('init-0'), waiting('init-1'), terminated('init-2', 0)];
        p.status!.containerStatuses = [waiting('0')];
      }),
      expectFn: (status) => {
        expectTerminatedUnknown(status.initContainerStatuses![0]!.state);
        expectTerminatedUnknown(status.initContainerStatuses![1]!.state);
        expectTerminated(status.initContainerStatuses![2]!.state, 0);
        expectTerminatedUnknown(status.containerStatuses![0]!.state);
      },
    },
    {
      name: 'successful last previous container is initialized, and container state is overwritten',
      pod: newPod(3, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Running';
        p.status!.initContainerStatuses = [
          waiting('init-0'),
          waiting('init-1'),
          {
            name: 'init-2',
            lastState: { terminated: { exitCode: 0 } },
            state: { waiting: {} },
          } as ContainerStatus,
        ];
        p.status!.containerStatuses = [waiting('0')];
      }),
      expectFn: (status) => {
        expectTerminatedUnknown(status.initContainerStatuses![0]!.state);
        expectTerminatedUnknown(status.initContainerStatuses![1]!.state);
        expectTerminatedUnknown(status.initContainerStatuses![2]!.state);
        expectTerminatedUnknown(status.containerStatuses![0]!.state);
      },
    },
    {
      name: 'running container proves initialization',
      pod: newPod(1, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Running';
        p.status!.initContainerStatuses = [waiting('init-0')];
        p.status!.containerStatuses = [{ name: '0', state: { running: {} } } as ContainerStatus];
      }),
      expectFn: (status) => {
        expectTerminatedUnknown(status.initContainerStatuses![0]!.state);
        expectTerminatedUnknown(status.containerStatuses![0]!.state);
      },
    },
    {
      name: 'evidence of terminated container proves initialization',
      pod: newPod(1, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Running';
        p.status!.initContainerStatuses = [waiting('init-0')];
        p.status!.containerStatuses = [terminated('0', 0)];
      }),
      expectFn: (status) => {
        expectTerminatedUnknown(status.initContainerStatuses![0]!.state);
        expectTerminated(status.containerStatuses![0]!.state, 0);
      },
    },
    {
      name: 'evidence of previously terminated container proves initialization',
      pod: newPod(1, 1, (p) => {
        p.spec!.restartPolicy = 'Never';
        p.status!.phase = 'Running';
        p.status!.initContainerStatuses = [waiting('init-0')];
        p.status!.containerStatuses = [
          { name: '0', lastState: { terminated: { exitCode: 0 } } } as ContainerStatus,
        ];
      }),
      expectFn: (status) => {
        expectTerminatedUnknown(status.initContainerStatuses![0]!.state);
        expectTerminatedUnknown(status.containerStatuses![0]!.state);
      },
    },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      const before = JSON.stringify(tc.pod.status);
      const status = terminate(tc.pod);
      expect(JSON.stringify(tc.pod.status), 'the input is not changed').to.equal(before);
      if (tc.expectFn) {
        tc.expectFn(status);
        return;
      }
      // Without expectFn the upstream test expects the status unchanged: its expectFn-less
      // cases only set the phase, which TerminatePod makes terminal.
      expect(status).to.deep.equal({ ...tc.pod.status, phase: tc.phase ?? tc.pod.status!.phase });
    });
  }
});

describe('terminatePodStatus (TestTerminatePod_EnsurePodPhaseIsTerminal)', () => {
  const cases: Record<string, [string, string]> = {
    'Pending pod': ['Pending', 'Failed'],
    'Running pod': ['Running', 'Failed'],
    'Succeeded pod': ['Succeeded', 'Succeeded'],
    'Failed pod': ['Failed', 'Failed'],
    'Unknown pod': ['Unknown', 'Failed'],
    'Unknown phase pod': ['SomeUnknownPhase', 'Failed'],
  };
  for (const [name, [phase, want]] of Object.entries(cases)) {
    it(name, () => {
      const pod = newPod(0, 1, (p) => (p.status = { phase }));
      expect(terminate(pod)).to.deep.equal({ phase: want });
    });
  }
});

describe('delayTerminalPhase (mergePodStatus)', () => {
  const failed: PodStatus = {
    phase: 'Failed',
    reason: 'DeadlineExceeded',
    message: 'late',
    hostIP: '1.2.3.4',
  };
  it('keeps the old phase, reason and message while the pod goes terminal', () => {
    expect(delayTerminalPhase({ phase: 'Running' }, failed)).to.deep.equal({
      phase: 'Running',
      hostIP: '1.2.3.4',
    });
    expect(delayTerminalPhase({ phase: 'Pending', reason: 'X', message: 'y' }, failed)).to.deep.equal({
      phase: 'Pending',
      reason: 'X',
      message: 'y',
      hostIP: '1.2.3.4',
    });
  });
  it('lets a status through that is not terminal, or a pod that already is', () => {
    const running: PodStatus = { phase: 'Running' };
    expect(delayTerminalPhase({ phase: 'Pending' }, running)).to.equal(running);
    expect(delayTerminalPhase({ phase: 'Failed' }, failed)).to.equal(failed);
  });
});
