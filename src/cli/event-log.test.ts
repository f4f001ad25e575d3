import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Cluster } from '../cluster/cluster.js';
import type { Change } from '../store/history.js';
import { type EventOccurrence, eventOccurrences, formatEventLog } from './event-log.js';

function eventChange(
  at: number,
  type: Change['type'],
  name: string,
  fields: Record<string, unknown>,
): Change {
  const object = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    type: 'Normal',
    count: 1,
    ...fields,
  };
  return { seq: 0, at, type, kind: 'Event', namespace: 'default', name, object } as unknown as Change;
}

describe('eventOccurrences', () => {
  it('lists creations and each count increment at its simulated time, skipping other kinds', () => {
    const involved = { kind: 'Pod', namespace: 'default', name: 'web-1' };
    const history: Change[] = [
      eventChange(0, 'ADDED', 'web-1.a', {
        reason: 'Scheduled',
        message: 'assigned',
        involvedObject: involved,
      }),
      { ...eventChange(5, 'ADDED', 'x', {}), kind: 'Pod' } as Change,
      eventChange(10_000, 'ADDED', 'web-1.b', {
        type: 'Warning',
        reason: 'BackOff',
        message: 'back-off',
        involvedObject: involved,
      }),
      eventChange(30_000, 'MODIFIED', 'web-1.b', {
        type: 'Warning',
        reason: 'BackOff',
        message: 'back-off',
        count: 2,
        involvedObject: involved,
      }),
      eventChange(31_000, 'MODIFIED', 'web-1.b', {
        type: 'Warning',
        reason: 'BackOff',
        message: 'back-off',
        count: 2,
        involvedObject: involved,
      }),
      eventChange(40_000, 'DELETED', 'web-1.a', { reason: 'Scheduled', involvedObject: involved }),
    ];
    expect(eventOccurrences(history).map((e) => [e.at, e.type, e.reason, e.object])).to.deep.equal([
      [0, 'Normal', 'Scheduled', 'pod/web-1'],
      [10_000, 'Warning', 'BackOff', 'pod/web-1'],
      [30_000, 'Warning', 'BackOff', 'pod/web-1'],
    ]);
  });

  it('names objects outside the default namespace with their namespace', () => {
    const history = [
      eventChange(0, 'ADDED', 'dns.a', {
        reason: 'Created',
        message: 'm',
        involvedObject: { kind: 'Pod', namespace: 'kube-system', name: 'dns' },
      }),
      eventChange(0, 'ADDED', 'node-1.a', {
        reason: 'Ready',
        message: 'm',
        involvedObject: { kind: 'Node', name: 'node-1' },
      }),
    ];
    expect(eventOccurrences(history).map((e) => e.object)).to.deep.equal([
      'kube-system/pod/dns',
      'node/node-1',
    ]);
  });

  it('reads the events the cluster recorder stores, with millisecond times', () => {
    const cluster = new Cluster();
    const node = cluster.store.get('Node', undefined, 'node-1')!;
    cluster.advance(1_500);
    cluster.events.record(node, 'Normal', 'NodeReady', 'Node node-1 status is now: NodeReady', {
      component: 'kubelet',
      host: 'node-1',
    });
    cluster.advance(2_250);
    cluster.events.record(node, 'Normal', 'NodeReady', 'Node node-1 status is now: NodeReady', {
      component: 'kubelet',
      host: 'node-1',
    });
    const mine = eventOccurrences(cluster.store.history.all()).filter((e) => e.reason === 'NodeReady');
    expect(mine.map((e) => e.at)).to.deep.equal([1_500, 3_750]);
    expect(mine[0]!.object).to.equal('node/node-1');
  });
});

describe('formatEventLog', () => {
  it('aligns the columns and prints seconds with milliseconds', () => {
    const events: EventOccurrence[] = [
      {
        at: 0,
        type: 'Normal',
        reason: 'Scheduled',
        object: 'pod/web-1',
        message: 'Successfully assigned default/web-1 to node-1',
      },
      {
        at: 75_250,
        type: 'Warning',
        reason: 'BackOff',
        object: 'pod/web-1',
        message: 'Back-off restarting failed container',
      },
    ];
    expect(formatEventLog(events)).to.equal(
      '[   0.000s] Normal   Scheduled  pod/web-1  Successfully assigned default/web-1 to node-1\n' +
        '[  75.250s] Warning  BackOff    pod/web-1  Back-off restarting failed container\n',
    );
  });

  it('widens the time column for long runs', () => {
    const line = formatEventLog([
      { at: 86_400_000, type: 'Normal', reason: 'R', object: 'pod/p', message: 'm' },
    ]);
    expect(line).to.equal('[86400.000s] Normal  R  pod/p  m\n');
  });

  it('says so when there are no events', () => {
    expect(formatEventLog([])).to.equal('No events.\n');
  });
});
