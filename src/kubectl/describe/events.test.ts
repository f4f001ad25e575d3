import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Event } from '../../api/types.js';
import { microTimestampOf, timestampOf } from '../../store/time.js';
import { TestCluster } from '../testing.js';
import { describeEvents, podTarget, searchEvents, targetOf } from './events.js';
import { tabbedString } from './writer.js';

const MIN = 60_000;

function event(name: string, fields: Partial<Event>): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'foo' },
    involvedObject: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'bar',
      namespace: 'foo',
      uid: 'uid-1',
    },
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    ...fields,
  } as Event;
}

describe('describe events', () => {
  it('prints Events: <none> when there are none, and nothing with --show-events=false', () => {
    expect(tabbedString((w) => describeEvents([], w, 0))).to.equal('Events:  <none>\n');
    expect(tabbedString((w) => describeEvents(undefined, w, 0))).to.equal('');
  });

  // TestDescribeDeployment "deployment after successful rollout": series, counts and event times.
  it('shows ages, series and sources as TestDescribeDeployment expects', () => {
    const now = 30 * MIN;
    const events = [
      event('bar-000', {
        message: 'Scaled up replica set bar-002 from 0 to 1',
        reportingComponent: 'deployment-controller',
        eventTime: microTimestampOf(now - 20 * MIN),
        series: { count: 3, lastObservedTime: microTimestampOf(now - 12 * MIN) },
      }),
      event('bar-001', {
        message: 'Scaled up replica set bar-001 from 0 to 2',
        source: { component: 'deployment-controller' },
        firstTimestamp: timestampOf(now - 10 * MIN),
      }),
      event('bar-002', {
        message: 'Scaled up replica set bar-002 from 0 to 1',
        source: { component: 'deployment-controller' },
        firstTimestamp: timestampOf(now - 2 * MIN),
      }),
      event('bar-003', {
        message: 'Scaled down replica set bar-002 from 2 to 1',
        reportingComponent: 'deployment-controller',
        eventTime: microTimestampOf(now - 1 * MIN),
      }),
      event('bar-004', {
        message: 'Scaled up replica set bar-002 from 0 to 2',
        reportingComponent: 'deployment-controller',
        eventTime: microTimestampOf(now - 15_000),
      }),
      event('bar-005', {
        message: 'Scaled down replica set bar-001 from 2 to 0',
        reportingComponent: 'deployment-controller',
        eventTime: microTimestampOf(now - 3_000),
      }),
    ];
    const out = tabbedString((w) => describeEvents(events, w, now));
    expect(out).to.equal(
      [
        'Events:',
        '  Type    Reason             Age                From                   Message',
        '  ----    ------             ----               ----                   -------',
        '  Normal  ScalingReplicaSet  12m (x3 over 20m)  deployment-controller  Scaled up replica set bar-002 from 0 to 1',
        '  Normal  ScalingReplicaSet  10m                deployment-controller  Scaled up replica set bar-001 from 0 to 2',
        '  Normal  ScalingReplicaSet  2m                 deployment-controller  Scaled up replica set bar-002 from 0 to 1',
        '  Normal  ScalingReplicaSet  60s                deployment-controller  Scaled down replica set bar-002 from 2 to 1',
        '  Normal  ScalingReplicaSet  15s                deployment-controller  Scaled up replica set bar-002 from 0 to 2',
        '  Normal  ScalingReplicaSet  3s                 deployment-controller  Scaled down replica set bar-001 from 2 to 0',
        '',
      ].join('\n'),
    );
  });

  it('folds repeats into "last (xN over first)" and sorts by lastTimestamp', () => {
    const now = 60_000;
    const events = [
      event('a', {
        type: 'Warning',
        reason: 'Unhealthy',
        message: 'Liveness probe failed: HTTP probe failed with statuscode: 500 ',
        source: { component: 'kubelet', host: 'node-1' },
        count: 3,
        firstTimestamp: timestampOf(20_000),
        lastTimestamp: timestampOf(38_000),
      }),
      event('b', {
        reason: 'Pulled',
        message: 'Container image "x" already present on machine',
        source: { component: 'kubelet' },
        count: 1,
        firstTimestamp: timestampOf(10_000),
        lastTimestamp: timestampOf(10_000),
      }),
    ];
    expect(tabbedString((w) => describeEvents(events, w, now))).to.equal(
      [
        'Events:',
        '  Type     Reason     Age                From     Message',
        '  ----     ------     ----               ----     -------',
        '  Normal   Pulled     50s                kubelet  Container image "x" already present on machine',
        '  Warning  Unhealthy  22s (x3 over 40s)  kubelet  Liveness probe failed: HTTP probe failed with statuscode: 500',
        '',
      ].join('\n'),
    );
  });

  it('finds the events of an object: pods by name and uid, other kinds also by kind', () => {
    const c = new TestCluster(['default', 'foo']);
    const add = (name: string, involvedObject: Event['involvedObject'], ns = 'foo') =>
      c.create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject,
      } as Event);
    add('e1', { kind: 'Pod', name: 'bar', namespace: 'foo', uid: 'u1' });
    add('e2', { kind: 'Pod', name: 'bar', namespace: 'foo', uid: 'old-uid' });
    add('e3', { kind: 'Deployment', name: 'bar', namespace: 'foo', uid: 'u1' });
    add('e4', { kind: 'Node', name: 'node-1', uid: 'n1' }, 'default');
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bar', namespace: 'foo', uid: 'u1' } };
    expect(searchEvents(c.store, podTarget(pod)).map((e) => e.metadata.name)).to.deep.equal(['e1', 'e3']);
    expect(searchEvents(c.store, targetOf(pod)).map((e) => e.metadata.name)).to.deep.equal(['e1']);
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', uid: 'n1' } };
    expect(searchEvents(c.store, targetOf(node)).map((e) => e.metadata.name)).to.deep.equal(['e4']);
  });
});
