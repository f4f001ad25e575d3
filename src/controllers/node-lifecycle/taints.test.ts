import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Node, Toleration } from '../../api/types.js';
import {
  getMatchingTolerations,
  noExecuteTaints,
  noScheduleTaintDiff,
  swapTaints,
  type Taint,
  toleratesTaint,
} from './taints.js';

/** createNoExecuteTaint / addToleration of taint_eviction_test.go. */
const taint = (i: number): Taint => ({ key: `testTaint${i}`, value: `test${i}`, effect: 'NoExecute' });
const toleration = (i: number, seconds?: number): Toleration => ({
  key: `testTaint${i}`,
  value: `test${i}`,
  effect: 'NoExecute',
  ...(seconds === undefined ? {} : { tolerationSeconds: seconds }),
});

const node = (conditions: Record<string, string>, taints: Taint[] = [], unschedulable = false): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-1' },
  spec: { taints, ...(unschedulable ? { unschedulable } : {}) },
  status: { conditions: Object.entries(conditions).map(([type, status]) => ({ type, status })) },
});

describe('taints', () => {
  it('TestFilterNoExecuteTaints: keeps only NoExecute taints', () => {
    const taints: Taint[] = [
      { key: 'one', value: 'one', effect: 'NoExecute' },
      { key: 'two', value: 'two', effect: 'NoSchedule' },
    ];
    expect(noExecuteTaints(taints).map((t) => t.key)).to.deep.equal(['one']);
  });

  it('ToleratesTaint: empty key/effect match all, Equal compares values, Exists ignores them', () => {
    const t: Taint = { key: 'k', value: 'v', effect: 'NoExecute' };
    const cases: Array<[Toleration, boolean]> = [
      [{ key: 'k', value: 'v', effect: 'NoExecute' }, true],
      [{ key: 'k', operator: 'Equal', value: 'w' }, false],
      [{ key: 'k', operator: 'Exists' }, true],
      [{ operator: 'Exists' }, true],
      [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }, false],
      [{ key: 'other', operator: 'Exists' }, false],
      [{ key: 'k', operator: 'Gt' as 'Exists', value: 'v' }, false],
    ];
    for (const [tol, want] of cases) expect(toleratesTaint(tol, t), JSON.stringify(tol)).to.equal(want);
  });

  it('GetMatchingTolerations: every taint needs a toleration; the first match is used', () => {
    expect(getMatchingTolerations([], [])).to.deep.equal({ allTolerated: true, used: [] });
    expect(getMatchingTolerations([taint(1)], [])).to.deep.equal({ allTolerated: false, used: [] });
    expect(getMatchingTolerations([taint(1)], [toleration(1, 100)])).to.deep.equal({
      allTolerated: true,
      used: [toleration(1, 100)],
    });
    expect(getMatchingTolerations([taint(1), taint(2)], [toleration(1, 100)]).allTolerated).to.equal(false);
  });

  it('doNoScheduleTaintingPass: conditions map to NoSchedule taints, stale ones go', () => {
    expect(noScheduleTaintDiff(node({ Ready: 'Unknown', MemoryPressure: 'Unknown' }))).to.deep.equal({
      add: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }],
      remove: [],
    });
    expect(noScheduleTaintDiff(node({ Ready: 'False' })).add[0]!.key).to.equal(
      'node.kubernetes.io/not-ready',
    );
    expect(noScheduleTaintDiff(node({ Ready: 'True', MemoryPressure: 'True' })).add).to.deep.equal([
      { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
    ]);
    const recovered = node({ Ready: 'True' }, [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
      { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
    ]);
    expect(noScheduleTaintDiff(recovered)).to.deep.equal({
      add: [],
      remove: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }],
    });
    expect(noScheduleTaintDiff(node({ Ready: 'True' }, [], true)).add).to.deep.equal([
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
    ]);
  });

  it('SwapNodeControllerTaint: added taints get timeAdded and go last; nothing to do is undefined', () => {
    const existing: Taint[] = [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }];
    const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
    const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
    const swapped = swapTaints(existing, [unreachable], [notReady], '2025-01-01T00:01:05Z');
    expect(swapped).to.deep.equal([...existing, { ...unreachable, timeAdded: '2025-01-01T00:01:05Z' }]);
    expect(swapTaints(swapped, [unreachable], [notReady], '2025-01-01T00:09:00Z')).to.equal(undefined);
    expect(swapTaints(swapped, [notReady], [unreachable], '2025-01-01T00:09:00Z')).to.deep.equal([
      ...existing,
      { ...notReady, timeAdded: '2025-01-01T00:09:00Z' },
    ]);
  });
});
