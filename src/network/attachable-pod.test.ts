import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KubeObject, Pod } from '../api/types.js';
import { activePodsLess, firstActivePod, selectorForObject } from './attachable-pod.js';

interface Shape {
  node?: string;
  phase?: string;
  readyAt?: string;
  restarts?: number;
  created?: string;
}

function shaped(name: string, s: Shape): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(s.created ? { creationTimestamp: s.created } : {}) },
    spec: { containers: [], ...(s.node ? { nodeName: s.node } : {}) },
    status: {
      ...(s.phase ? { phase: s.phase } : {}),
      conditions: s.readyAt ? [{ type: 'Ready', status: 'True', lastTransitionTime: s.readyAt }] : [],
      containerStatuses: [
        { name: 'c', image: 'x', imageID: '', ready: !!s.readyAt, restartCount: s.restarts ?? 0 },
      ],
    },
  };
}

const T1 = '2025-01-01T00:00:01Z';
const T2 = '2025-01-01T00:00:02Z';

describe('podutils.ActivePods (the pod kubectl attaches to is the greatest)', () => {
  // [less, greater]: each rule in turn, the others equal.
  const cases: Array<[string, Shape, Shape]> = [
    ['unassigned < assigned', { phase: 'Running' }, { node: 'n', phase: 'Running' }],
    ['Pending < Unknown', { node: 'n', phase: 'Pending' }, { node: 'n', phase: 'Unknown' }],
    ['Unknown < Running', { node: 'n', phase: 'Unknown' }, { node: 'n', phase: 'Running' }],
    ['not ready < ready', { node: 'n', phase: 'Running' }, { node: 'n', phase: 'Running', readyAt: T1 }],
    [
      'ready later < ready longer',
      { node: 'n', phase: 'Running', readyAt: T2 },
      { node: 'n', phase: 'Running', readyAt: T1 },
    ],
    [
      'more restarts < fewer',
      { node: 'n', phase: 'Running', restarts: 3 },
      { node: 'n', phase: 'Running', restarts: 1 },
    ],
    [
      'newer < older',
      { node: 'n', phase: 'Running', created: T2 },
      { node: 'n', phase: 'Running', created: T1 },
    ],
    ['no timestamp < newer', { node: 'n', phase: 'Running' }, { node: 'n', phase: 'Running', created: T2 }],
  ];
  for (const [name, lo, hi] of cases) {
    it(name, () => {
      const a = shaped('lo', lo);
      const b = shaped('hi', hi);
      expect(activePodsLess(a, b)).to.equal(true);
      expect(activePodsLess(b, a)).to.equal(false);
      expect(firstActivePod([a, b])!.metadata.name).to.equal('hi');
      expect(firstActivePod([b, a])!.metadata.name).to.equal('hi');
    });
  }

  it('keeps the list order for equal pods', () => {
    const s: Shape = { node: 'n', phase: 'Running', readyAt: T1 };
    expect(firstActivePod([shaped('a', s), shaped('b', s)])!.metadata.name).to.equal('a');
  });
});

describe('SelectorsForObject', () => {
  it('refuses a Service without a selector and kinds without one', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: {} } as KubeObject;
    expect(() => selectorForObject(svc)).to.throw(
      "cannot attach to *v1.Service: invalid service 'x': Service is defined without a selector",
    );
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' } } as KubeObject;
    expect(() => selectorForObject(node)).to.throw(
      'cannot attach to *v1.Node: selector for *v1.Node not implemented',
    );
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'web' } } },
    } as KubeObject;
    expect(selectorForObject(deploy).matches({ app: 'web', x: 'y' })).to.equal(true);
  });
});
