import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KubeObject, Pod } from '../api/types.js';
import { SimClock } from '../core/clock.js';
import { Random } from '../core/random.js';
import { Store } from '../store/store.js';
import { EventRecorder } from './events.js';

function setup() {
  const clock = new SimClock();
  const store = new Store(clock, new Random(1));
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const recorder = new EventRecorder(store, clock);
  const events = () =>
    store.list('Event', 'default').map((e) => ({
      about: `${e.involvedObject.kind}/${e.involvedObject.name}`,
      reason: e.reason,
      message: e.message,
      count: e.count,
      host: e.source?.host,
    }));
  return { clock, store, recorder, events };
}

const kubelet = { component: 'kubelet', host: 'node-1' };

describe('EventRecorder', () => {
  it('aggregates a repeated event into its count and lastTimestamp', () => {
    const { clock, store, recorder, events } = setup();
    const pod = store.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'crash' },
      spec: { containers: [{ name: 'app', image: 'busybox' }] },
    });
    recorder.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet);
    clock.advanceTo(10_000);
    // A newer version of the same object (a status write) is the same involved object.
    const updated = store.replaceStatus('Pod', 'default', 'crash', { phase: 'Running' });
    recorder.record(updated, 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet);
    recorder.record(updated, 'Normal', 'Pulled', 'Container image "busybox" already present', kubelet);
    expect(events()).to.deep.equal([
      {
        about: 'Pod/crash',
        reason: 'BackOff',
        message: 'Back-off restarting failed container app',
        count: 2,
        host: 'node-1',
      },
      {
        about: 'Pod/crash',
        reason: 'Pulled',
        message: 'Container image "busybox" already present',
        count: 1,
        host: 'node-1',
      },
    ]);
    const backOff = store.list('Event', 'default').find((e) => e.reason === 'BackOff')!;
    expect([backOff.firstTimestamp, backOff.lastTimestamp]).to.deep.equal([
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:00:10Z',
    ]);
  });

  it('keeps apart what differs in the source, the object’s name, or the object (same uid or none)', () => {
    const { recorder, events } = setup();
    const object = (name: string, uid?: string): KubeObject =>
      ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid } }) as KubeObject;
    recorder.record(object('a', 'u1'), 'Normal', 'Started', 'Started container app', kubelet);
    recorder.record(object('a', 'u1'), 'Normal', 'Started', 'Started container app', {
      component: 'kubelet',
      host: 'node-2',
    });
    // Never for stored objects; the recorder must not merge them even so.
    recorder.record(object('b', 'u1'), 'Normal', 'Started', 'Started container app', kubelet);
    recorder.record(object('b', 'u1'), 'Normal', 'Started', 'Started container app', kubelet);
    recorder.record(object('c'), 'Normal', 'Started', 'Started container app', kubelet);
    recorder.record(object('d'), 'Normal', 'Started', 'Started container app', kubelet);
    recorder.record(object('d'), 'Normal', 'Started', 'Started container app', kubelet);
    expect(events().map((e) => [e.about, e.host, e.count])).to.deep.equal([
      ['Pod/a', 'node-1', 1],
      ['Pod/a', 'node-2', 1],
      ['Pod/b', 'node-1', 2],
      ['Pod/c', 'node-1', 1],
      ['Pod/d', 'node-1', 2],
    ]);
  });
});
