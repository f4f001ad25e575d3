import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Change } from '../../src/index.js';
import { checkContainerState, checkPhase, containerStarts, onlyContainer } from './pods.js';

let seq = 0;
type State = 'waiting' | { startedAt: string } | 'terminated';
function podAt(at: number, state: State, restartCount: number, uid = 'u1'): Change {
  const s =
    state === 'waiting'
      ? { waiting: { reason: 'CrashLoopBackOff' } }
      : state === 'terminated'
        ? { terminated: { exitCode: 1 } }
        : { running: { startedAt: state.startedAt } };
  return {
    seq: seq++,
    at,
    type: 'MODIFIED',
    kind: 'Pod',
    namespace: 'default',
    name: 'web',
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default', uid },
      status: {
        containerStatuses: [{ name: 'app', state: s, restartCount, ready: false, image: 'x', imageID: '' }],
      },
    } as never,
  };
}

describe('containerStarts', () => {
  const pod = { namespace: 'default', name: 'web', uid: 'u1' };

  it('records each change into Running, not status writes that keep it running', () => {
    const history = [
      podAt(0, 'waiting', 0),
      podAt(0, { startedAt: 'T0' }, 0),
      podAt(5_000, { startedAt: 'T0' }, 0),
      podAt(45_000, 'terminated', 0),
      podAt(75_000, { startedAt: 'T75' }, 1),
    ];
    expect(containerStarts(history, pod, 'app')).to.deep.equal([0, 75_000]);
  });

  it('sees a restart between two writes by its new restart count, even within the same second', () => {
    const history = [podAt(0, { startedAt: 'T0' }, 0), podAt(400, { startedAt: 'T0' }, 1)];
    expect(containerStarts(history, pod, 'app')).to.deep.equal([0, 400]);
  });

  it('ignores an earlier pod of the same name', () => {
    const history = [podAt(0, { startedAt: 'T0' }, 0, 'old'), podAt(10_000, { startedAt: 'T10' }, 0)];
    expect(containerStarts(history, pod, 'app')).to.deep.equal([10_000]);
  });

  it('knows no starts of a container that never ran', () => {
    expect(containerStarts([podAt(0, 'waiting', 0)], pod, 'app')).to.deep.equal([]);
    expect(containerStarts([podAt(0, { startedAt: 'T0' }, 0)], pod, 'other')).to.deep.equal([]);
  });
});

describe('checkPhase and checkContainerState', () => {
  it('take any letter case and quotes, and give the API spelling', () => {
    expect(checkPhase('running')).to.equal('Running');
    expect(checkPhase('"Pending"')).to.equal('Pending');
    expect(checkContainerState('terminated')).to.equal('Terminated');
  });
  it('name the choices for anything else', () => {
    expect(() => checkPhase('Crashed')).to.throw(
      '"Crashed" is not a pod phase: use Pending, Running, Succeeded, Failed, Unknown',
    );
    expect(() => checkContainerState('Ready')).to.throw('is not a container state');
  });
});

describe('onlyContainer', () => {
  const example = (c: string) => `container "${c}" of pod "web" should have restarted 1 time`;
  it('is the one container', () => {
    expect(onlyContainer(['app'], 'pod default/web', example)).to.equal('app');
  });
  it('asks which one when there are several, with an example', () => {
    expect(() => onlyContainer(['app', 'side'], 'pod default/web', example)).to.throw(
      'pod default/web has 2 containers (app, side): name the one you mean, as in: ' +
        'container "app" of pod "web" should have restarted 1 time',
    );
  });
});
