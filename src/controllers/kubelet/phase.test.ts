import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ContainerStatus, PodSpec } from '../../api/types.js';
import { getPhase } from './phase.js';

// Ported from pkg/kubelet/kubelet_pods_test.go TestPodPhaseWith* (the helpers keep upstream's names).
const waitingState = (name: string): ContainerStatus => ({
  name,
  image: '',
  imageID: '',
  ready: false,
  restartCount: 0,
  state: { waiting: {} },
});
const waitingStateWithLastTermination = (name: string): ContainerStatus => ({
  ...waitingState(name),
  lastState: { terminated: { exitCode: 0 } },
});
const waitingStateWithNonZeroTermination = (name: string): ContainerStatus => ({
  ...waitingState(name),
  lastState: { terminated: { exitCode: -1 } },
});
const runningState = (name: string): ContainerStatus => ({ ...waitingState(name), state: { running: {} } });
const startedState = (name: string): ContainerStatus => ({ ...runningState(name), started: true });
const stoppedState = (name: string): ContainerStatus => ({
  ...waitingState(name),
  state: { terminated: { exitCode: 0 } },
});
const succeededState = (name: string): ContainerStatus => ({
  ...waitingState(name),
  state: { terminated: { exitCode: 0 } },
});
const failedState = (name: string): ContainerStatus => ({
  ...waitingState(name),
  state: { terminated: { exitCode: -1 } },
});

type Case = [string, ContainerStatus[], string, boolean?];

function table(title: string, spec: PodSpec, cases: Case[]): void {
  describe(title, () => {
    for (const [name, statuses, expected, terminal] of cases) {
      it(name, () => {
        expect(getPhase({ spec }, statuses, terminal ?? false)).to.equal(expected);
      });
    }
  });
}

const AB = [{ name: 'containerA' }, { name: 'containerB' }];
const X = [{ name: 'containerX' }];
const sidecarX = [{ name: 'containerX', restartPolicy: 'Always' }];

describe('getPhase', () => {
  table('TestPodPhaseWithRestartAlways', { containers: AB, restartPolicy: 'Always' }, [
    ['waiting', [], 'Pending'],
    ['all running', [runningState('containerA'), runningState('containerB')], 'Running'],
    ['all stopped with restart always', [stoppedState('containerA'), stoppedState('containerB')], 'Running'],
    [
      'all succeeded with restart always, but the pod is terminal',
      [succeededState('containerA'), succeededState('containerB')],
      'Succeeded',
      true,
    ],
    [
      'all stopped with restart always, but the pod is terminal',
      [succeededState('containerA'), failedState('containerB')],
      'Failed',
      true,
    ],
    [
      'mixed state #1 with restart always',
      [runningState('containerA'), stoppedState('containerB')],
      'Running',
    ],
    ['mixed state #2 with restart always', [runningState('containerA')], 'Pending'],
    [
      'mixed state #3 with restart always',
      [runningState('containerA'), waitingState('containerB')],
      'Pending',
    ],
    [
      'backoff crashloop container with restart always',
      [runningState('containerA'), waitingStateWithLastTermination('containerB')],
      'Running',
    ],
  ]);

  table(
    'TestPodPhaseWithRestartAlwaysInitContainers',
    { initContainers: X, containers: AB, restartPolicy: 'Always' },
    [
      ['empty, waiting', [], 'Pending'],
      ['init container running', [runningState('containerX')], 'Pending'],
      ['init container terminated non-zero', [failedState('containerX')], 'Pending'],
      ['init container waiting, terminated zero', [waitingStateWithLastTermination('containerX')], 'Pending'],
      [
        'init container waiting, terminated non-zero',
        [waitingStateWithNonZeroTermination('containerX')],
        'Pending',
      ],
      ['init container waiting, not terminated', [waitingState('containerX')], 'Pending'],
      [
        'init container succeeded',
        [succeededState('containerX'), runningState('containerA'), runningState('containerB')],
        'Running',
      ],
    ],
  );

  table(
    'TestPodPhaseWithRestartAlwaysRestartableInitContainers',
    { initContainers: sidecarX, containers: AB, restartPolicy: 'Always' },
    [
      ['empty, waiting', [], 'Pending'],
      ['restartable init container running', [runningState('containerX')], 'Pending'],
      ['restartable init container stopped', [stoppedState('containerX')], 'Pending'],
      [
        'restartable init container waiting, terminated zero',
        [waitingStateWithLastTermination('containerX')],
        'Pending',
      ],
      [
        'restartable init container waiting, terminated non-zero',
        [waitingStateWithNonZeroTermination('containerX')],
        'Pending',
      ],
      ['restartable init container waiting, not terminated', [waitingState('containerX')], 'Pending'],
      [
        'restartable init container started, 1/2 regular container running',
        [startedState('containerX'), runningState('containerA')],
        'Pending',
      ],
      [
        'restartable init container started, all regular containers running',
        [startedState('containerX'), runningState('containerA'), runningState('containerB')],
        'Running',
      ],
      [
        'restartable init container running, all regular containers running',
        [runningState('containerX'), runningState('containerA'), runningState('containerB')],
        'Running',
      ],
      [
        'restartable init container stopped, all regular containers running',
        [stoppedState('containerX'), runningState('containerA'), runningState('containerB')],
        'Running',
      ],
      [
        'backoff crashloop restartable init container, all regular containers running',
        [
          waitingStateWithLastTermination('containerX'),
          runningState('containerA'),
          runningState('containerB'),
        ],
        'Running',
      ],
      [
        'all regular containers succeeded and restartable init container failed with restart always, but the pod is terminal',
        [failedState('containerX'), succeededState('containerA'), succeededState('containerB')],
        'Succeeded',
        true,
      ],
      [
        'all regular containers succeeded and restartable init container succeeded with restart always, but the pod is terminal',
        [succeededState('containerX'), succeededState('containerA'), succeededState('containerB')],
        'Succeeded',
        true,
      ],
    ],
  );

  table('TestPodPhaseWithRestartNever', { containers: AB, restartPolicy: 'Never' }, [
    ['waiting', [], 'Pending'],
    ['all running with restart never', [runningState('containerA'), runningState('containerB')], 'Running'],
    [
      'all succeeded with restart never',
      [succeededState('containerA'), succeededState('containerB')],
      'Succeeded',
    ],
    ['all failed with restart never', [failedState('containerA'), failedState('containerB')], 'Failed'],
    [
      'mixed state #1 with restart never',
      [runningState('containerA'), succeededState('containerB')],
      'Running',
    ],
    ['mixed state #2 with restart never', [runningState('containerA')], 'Pending'],
    [
      'mixed state #3 with restart never',
      [runningState('containerA'), waitingState('containerB')],
      'Pending',
    ],
  ]);

  table(
    'TestPodPhaseWithRestartNeverInitContainers',
    { initContainers: X, containers: AB, restartPolicy: 'Never' },
    [
      ['empty, waiting', [], 'Pending'],
      ['init container running', [runningState('containerX')], 'Pending'],
      ['init container terminated non-zero', [failedState('containerX')], 'Failed'],
      ['init container waiting, terminated zero', [waitingStateWithLastTermination('containerX')], 'Pending'],
      [
        'init container waiting, terminated non-zero',
        [waitingStateWithNonZeroTermination('containerX')],
        'Failed',
      ],
      ['init container waiting, not terminated', [waitingState('containerX')], 'Pending'],
      [
        'init container succeeded',
        [succeededState('containerX'), runningState('containerA'), runningState('containerB')],
        'Running',
      ],
    ],
  );

  table(
    'TestPodPhaseWithRestartNeverRestartableInitContainers',
    { initContainers: sidecarX, containers: AB, restartPolicy: 'Never' },
    [
      ['empty, waiting', [], 'Pending'],
      ['restartable init container running', [runningState('containerX')], 'Pending'],
      ['restartable init container stopped', [stoppedState('containerX')], 'Pending'],
      [
        'restartable init container waiting, terminated zero',
        [waitingStateWithLastTermination('containerX')],
        'Pending',
      ],
      [
        'restartable init container waiting, terminated non-zero',
        [waitingStateWithNonZeroTermination('containerX')],
        'Pending',
      ],
      ['restartable init container waiting, not terminated', [waitingState('containerX')], 'Pending'],
      [
        'restartable init container started, one main container running',
        [startedState('containerX'), runningState('containerA')],
        'Pending',
      ],
      [
        'restartable init container started, main containers succeeded',
        [startedState('containerX'), succeededState('containerA'), succeededState('containerB')],
        'Running',
      ],
      [
        'restartable init container running, main containers succeeded',
        [runningState('containerX'), succeededState('containerA'), succeededState('containerB')],
        'Running',
      ],
      [
        'all containers succeeded',
        [succeededState('containerX'), succeededState('containerA'), succeededState('containerB')],
        'Succeeded',
      ],
      [
        'restartable init container terminated non-zero, main containers succeeded',
        [failedState('containerX'), succeededState('containerA'), succeededState('containerB')],
        'Succeeded',
      ],
      [
        'backoff crashloop restartable init container, main containers succeeded',
        [
          waitingStateWithLastTermination('containerX'),
          succeededState('containerA'),
          succeededState('containerB'),
        ],
        'Succeeded',
      ],
      [
        'backoff crashloop with non-zero restartable init container, main containers succeeded',
        [
          waitingStateWithNonZeroTermination('containerX'),
          succeededState('containerA'),
          succeededState('containerB'),
        ],
        'Succeeded',
      ],
    ],
  );

  table('TestPodPhaseWithRestartOnFailure', { containers: AB, restartPolicy: 'OnFailure' }, [
    ['waiting', [], 'Pending'],
    [
      'all running with restart onfailure',
      [runningState('containerA'), runningState('containerB')],
      'Running',
    ],
    [
      'all succeeded with restart onfailure',
      [succeededState('containerA'), succeededState('containerB')],
      'Succeeded',
    ],
    ['all failed with restart never', [failedState('containerA'), failedState('containerB')], 'Running'],
    [
      'mixed state #1 with restart onfailure',
      [runningState('containerA'), succeededState('containerB')],
      'Running',
    ],
    ['mixed state #2 with restart onfailure', [runningState('containerA')], 'Pending'],
    [
      'mixed state #3 with restart onfailure',
      [runningState('containerA'), waitingState('containerB')],
      'Pending',
    ],
    [
      'backoff crashloop container with restart onfailure',
      [runningState('containerA'), waitingStateWithLastTermination('containerB')],
      'Running',
    ],
  ]);
});
