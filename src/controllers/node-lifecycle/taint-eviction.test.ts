/**
 * Ported from pkg/controller/tainteviction/taint_eviction_test.go: TestGetMinTolerationTime,
 * TestCreatePod, TestUpdatePod, TestCreateNode, TestUpdateNode, TestUpdateNodeWithMultipleTaints,
 * TestUpdateNodeWithMultiplePods, TestEventualConsistency, TestDeletePod, TestDeleteNode and
 * TestPodDeletionEvent (with the flows that emit its two events), on a real Store and fake clock
 * (upstream's fake clientset and sleeps become simulated time). Upstream's "removing
 * toleration" case is left out: the API server refuses to remove a toleration.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KubeObject, Node, Pod, Toleration } from '../../api/types.js';
import { defaultNode, defaultSettings } from '../../cluster/settings.js';
import { SimClock } from '../../core/clock.js';
import { Random } from '../../core/random.js';
import { EventRecorder } from '../../sim/events.js';
import { SimLoop } from '../../sim/loop.js';
import { Store } from '../../store/store.js';
import { nodeObject } from '../kubelet/node-object.js';
import { getMinTolerationTime, TaintEvictionController } from './taint-eviction.js';
import type { Taint } from './taints.js';

const taint = (i: number): Taint => ({ key: `testTaint${i}`, value: `test${i}`, effect: 'NoExecute' });
const tolerate = (i: number, seconds: number): Toleration => ({
  key: `testTaint${i}`,
  value: `test${i}`,
  effect: 'NoExecute',
  ...(seconds < 0 ? {} : { tolerationSeconds: seconds }),
});
const pod = (name: string, nodeName: string, tolerations: Toleration[] = []): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: {
    ...(nodeName ? { nodeName } : {}),
    tolerations,
    containers: [{ name: 'c', image: 'nginx:1.25' }],
  },
});

function harness(options: { taints?: Taint[]; pods?: Pod[] } = {}) {
  const clock = new SimClock();
  const loop = new SimLoop(clock);
  const random = new Random(1);
  const store = new Store(clock, random.fork('store'));
  const events = new EventRecorder(store, clock);
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const node = nodeObject(defaultNode('node1'), 0);
  if (options.taints) node.spec!.taints = options.taints;
  store.create(node);
  for (const p of options.pods ?? []) store.create(p as Pod & KubeObject);
  const controller = new TaintEvictionController({
    store,
    clock,
    loop,
    random,
    events,
    settings: defaultSettings(),
  });
  controller.start();
  loop.settle();
  const get = (name: string) => store.get('Pod', 'default', name);
  return {
    store,
    loop,
    controller,
    setTaints(taints: Taint[]) {
      store.mutate('Node', undefined, 'node1', (n: Node) => {
        n.spec!.taints = taints;
      });
      loop.settle();
    },
    create(p: Pod) {
      store.create(p as Pod & KubeObject);
      loop.settle();
    },
    /** upstream's expectDelete: a delete was sent (the pod, bound to a node, is only marked). */
    deleted: (name: string) => get(name)?.metadata.deletionTimestamp !== undefined,
    /** upstream's expectPatch: the DisruptionTarget condition was patched in. */
    patched: (name: string) =>
      (get(name)?.status?.conditions ?? []).some(
        (c) => c.type === 'DisruptionTarget' && c.reason === 'DeletionByTaintManager',
      ),
    events: () =>
      store
        .list('Event')
        .filter((e) => e.reason === 'TaintManagerEviction')
        .map((e) => [e.involvedObject.name, e.message, e.source?.component]),
  };
}

describe('TaintEvictionController', () => {
  it('TestGetMinTolerationTime', () => {
    const cases: Array<[Toleration[], number]> = [
      [[], 0],
      [[{}], -1],
      [[{ tolerationSeconds: 1 }, { tolerationSeconds: 2 }], 1000],
      [[{ tolerationSeconds: 1 }, {}], 1000],
      [[{}, { tolerationSeconds: 1 }], 1000],
      [[{ tolerationSeconds: 0 }, { tolerationSeconds: 300 }], 0],
      [[{ tolerationSeconds: -5 }], 0],
    ];
    for (const [tolerations, want] of cases) {
      expect(getMinTolerationTime(tolerations), JSON.stringify(tolerations)).to.equal(want);
    }
  });

  describe('TestCreatePod', () => {
    const cases: Array<{ name: string; pod: Pod; tainted: boolean; deleted: boolean }> = [
      { name: 'not scheduled - ignore', pod: pod('pod1', ''), tainted: true, deleted: false },
      { name: 'scheduled on untainted Node', pod: pod('pod1', 'node1'), tainted: false, deleted: false },
      { name: 'schedule on tainted Node', pod: pod('pod1', 'node1'), tainted: true, deleted: true },
      {
        name: 'schedule on tainted Node with finite toleration',
        pod: pod('pod1', 'node1', [tolerate(1, 100)]),
        tainted: true,
        deleted: false,
      },
      {
        name: 'schedule on tainted Node with infinite toleration',
        pod: pod('pod1', 'node1', [tolerate(1, -1)]),
        tainted: true,
        deleted: false,
      },
      {
        name: 'schedule on tainted Node with infinite invalid toleration',
        pod: pod('pod1', 'node1', [tolerate(2, -1)]),
        tainted: true,
        deleted: true,
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const h = harness(c.tainted ? { taints: [taint(1)] } : {});
        h.create(c.pod);
        expect(h.deleted('pod1')).to.equal(c.deleted);
        expect(h.patched('pod1')).to.equal(c.deleted);
      });
    }

    it('a finite toleration runs out: deleted at 100 s, not before', () => {
      const h = harness({ taints: [taint(1)] });
      h.create(pod('pod1', 'node1', [tolerate(1, 100)]));
      h.loop.advance(99_999);
      expect(h.deleted('pod1')).to.equal(false);
      h.loop.advance(1);
      expect(h.deleted('pod1')).to.equal(true);
    });
  });

  describe('TestUpdatePod', () => {
    it('scheduling onto tainted Node', () => {
      const h = harness({ taints: [taint(1)], pods: [pod('pod1', '')] });
      h.store.bindPod('default', 'pod1', 'node1');
      h.loop.settle();
      expect([h.patched('pod1'), h.deleted('pod1')]).to.deep.equal([true, true]);
    });

    it('scheduling onto tainted Node with toleration', () => {
      const h = harness({ taints: [taint(1)], pods: [pod('pod1', '', [tolerate(1, -1)])] });
      h.store.bindPod('default', 'pod1', 'node1');
      h.loop.advance(3_600_000);
      expect(h.deleted('pod1')).to.equal(false);
    });

    it("lengthening toleration shouldn't work", () => {
      const h = harness({ taints: [taint(1)], pods: [pod('pod1', 'node1', [tolerate(1, 1)])] });
      h.loop.advance(500);
      h.store.mutate('Pod', 'default', 'pod1', (p) => {
        p.spec!.tolerations = p.spec!.tolerations!.map((t) =>
          t.key === 'testTaint1' ? { ...t, tolerationSeconds: 100 } : t,
        );
      });
      h.loop.advance(500);
      expect([h.patched('pod1'), h.deleted('pod1')]).to.deep.equal([true, true]);
    });
  });

  describe('TestCreateNode', () => {
    const cases = [
      { name: 'Creating Node matching already assigned Pod', taints: [], tol: [], deleted: false },
      {
        name: 'Creating tainted Node matching already assigned Pod',
        taints: [taint(1)],
        tol: [],
        deleted: true,
      },
      {
        name: 'Creating tainted Node matching already assigned tolerating Pod',
        taints: [taint(1)],
        tol: [tolerate(1, -1)],
        deleted: false,
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const h = harness({ taints: c.taints, pods: [pod('pod1', 'node1', c.tol)] });
        expect(h.deleted('pod1')).to.equal(c.deleted);
        expect(h.patched('pod1')).to.equal(c.deleted);
      });
    }
  });

  describe('TestUpdateNode', () => {
    const cases = [
      { name: 'Added taint, expect node patched and deleted', tol: [], taints: [taint(1)], deleted: true },
      { name: 'Added tolerated taint', tol: [tolerate(1, 100)], taints: [taint(1)], deleted: false },
      {
        name: 'Only one added taint tolerated',
        tol: [tolerate(1, 100)],
        taints: [taint(1), taint(2)],
        deleted: true,
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const h = harness({ pods: [pod('pod1', 'node1', c.tol)] });
        h.setTaints(c.taints);
        expect([h.patched('pod1'), h.deleted('pod1')]).to.deep.equal([c.deleted, c.deleted]);
      });
    }

    it('Taint removed: the scheduled deletion is cancelled', () => {
      const h = harness({ taints: [taint(1)], pods: [pod('pod1', 'node1', [tolerate(1, 1)])] });
      h.setTaints([]);
      h.loop.advance(1500);
      expect(h.deleted('pod1')).to.equal(false);
      expect(h.events()).to.deep.equal([
        ['pod1', 'Cancelling deletion of Pod default/pod1', 'taint-eviction-controller'],
      ]);
    });

    it('Pod with multiple tolerations are evicted when first one runs out', () => {
      const h = harness({ pods: [pod('pod1', 'node1', [tolerate(1, 1), tolerate(2, 100)])] });
      h.setTaints([taint(1), taint(2)]);
      expect(h.deleted('pod1')).to.equal(false);
      h.loop.advance(1000);
      expect([h.patched('pod1'), h.deleted('pod1')]).to.deep.equal([true, true]);
    });
  });

  it('TestUpdateNodeWithMultipleTaints: only a temporarily tolerated taint schedules a deletion', () => {
    const tolerations: Toleration[] = [
      { key: 'testTaint1', operator: 'Exists', effect: 'NoExecute' },
      { key: 'testTaint2', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
    ];
    const h = harness({ pods: [pod('pod1', 'node1', tolerations)] });
    expect(h.controller.scheduledAt('default/pod1')).to.equal(undefined);
    h.setTaints([taint(1)]);
    expect(h.controller.scheduledAt('default/pod1')).to.equal(undefined);
    h.setTaints([taint(1), taint(2)]);
    expect(h.controller.scheduledAt('default/pod1')).to.equal(60_000);
    h.setTaints([taint(1)]);
    expect(h.controller.scheduledAt('default/pod1')).to.equal(undefined);
    h.loop.advance(120_000);
    expect(h.deleted('pod1')).to.equal(false);
  });

  describe('TestUpdateNodeWithMultiplePods', () => {
    it('Pods with different toleration times are evicted appropriately', () => {
      const h = harness({
        pods: [
          pod('pod1', 'node1'),
          pod('pod2', 'node1', [tolerate(1, 1)]),
          pod('pod3', 'node1', [tolerate(1, -1)]),
        ],
      });
      h.setTaints([taint(1)]);
      expect(['pod1', 'pod2', 'pod3'].map(h.deleted)).to.deep.equal([true, false, false]);
      h.loop.advance(1000);
      expect(['pod1', 'pod2', 'pod3'].map(h.deleted)).to.deep.equal([true, true, false]);
    });

    it('Evict all pods not matching all taints instantly', () => {
      const h = harness({
        pods: [
          pod('pod1', 'node1'),
          pod('pod2', 'node1', [tolerate(1, 1)]),
          pod('pod3', 'node1', [tolerate(1, -1)]),
        ],
      });
      h.setTaints([taint(1), taint(2)]);
      expect(['pod1', 'pod2', 'pod3'].map(h.deleted)).to.deep.equal([true, true, true]);
    });
  });

  describe('TestPodDeletionEvent', () => {
    it('emitPodDeletionEvent: "Marking for deletion", Normal, on a reference without uid', () => {
      const h = harness({ pods: [pod('test', 'node1')] });
      h.setTaints([taint(1)]);
      expect(h.events()).to.deep.equal([
        ['test', 'Marking for deletion Pod default/test', 'taint-eviction-controller'],
      ]);
      const event = h.store.list('Event')[0]!;
      expect(event.type).to.equal('Normal');
      expect(event.count).to.equal(1);
      expect(event.involvedObject).to.include({
        kind: 'Pod',
        apiVersion: 'v1',
        namespace: 'default',
        name: 'test',
      });
      expect(event.involvedObject.uid).to.equal(undefined);
    });

    it('emitCancelPodDeletionEvent: "Cancelling deletion" when a waiting deletion is cancelled', () => {
      const h = harness({ pods: [pod('test', 'node1', [tolerate(1, 100)])] });
      h.setTaints([taint(1)]);
      h.loop.advance(50_000);
      h.setTaints([]);
      expect(h.events()).to.deep.equal([
        ['test', 'Cancelling deletion of Pod default/test', 'taint-eviction-controller'],
      ]);
      h.loop.advance(100_000);
      expect(h.deleted('test')).to.equal(false);
    });

    it('nothing to cancel once a deletion has run: no "Cancelling" event when the taint goes', () => {
      const h = harness({ pods: [pod('now', 'node1'), pod('later', 'node1', [tolerate(1, 10)])] });
      h.setTaints([taint(1)]);
      h.loop.advance(10_000);
      h.setTaints([]);
      expect(h.events()).to.have.deep.members([
        ['now', 'Marking for deletion Pod default/now', 'taint-eviction-controller'],
        ['later', 'Marking for deletion Pod default/later', 'taint-eviction-controller'],
      ]);
    });

    it('a deletion due at once runs at once: nothing is left waiting to cancel', () => {
      const h = harness({ pods: [pod('test', 'node1')] });
      h.setTaints([taint(1)]);
      expect(h.deleted('test')).to.equal(true);
      expect(h.controller.scheduledAt('default/test')).to.equal(undefined);
      h.setTaints([]);
      expect(h.events().map((e) => e[1])).to.deep.equal(['Marking for deletion Pod default/test']);
    });
  });

  describe('TestEventualConsistency: pods the node update did not see are handled when they arrive', () => {
    const cases: Array<{ name: string; prev?: Pod; next: Pod; deleted: boolean; scheduledAt?: number }> = [
      {
        name: 'existing pod2 scheduled onto tainted Node',
        prev: pod('pod2', ''),
        next: pod('pod2', 'node1'),
        deleted: true,
      },
      {
        name: 'existing pod2 with taint toleration scheduled onto tainted Node',
        prev: pod('pod2', '', [tolerate(1, 100)]),
        next: pod('pod2', 'node1', [tolerate(1, 100)]),
        deleted: false,
        scheduledAt: 100_000,
      },
      { name: 'new pod2 created on tainted Node', next: pod('pod2', 'node1'), deleted: true },
      {
        name: 'new pod2 with tait toleration created on tainted Node',
        next: pod('pod2', 'node1', [tolerate(1, 100)]),
        deleted: false,
        scheduledAt: 100_000,
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const h = harness({ pods: [pod('pod1', 'node1'), ...(c.prev ? [c.prev] : [])] });
        h.setTaints([taint(1)]);
        expect([h.patched('pod1'), h.deleted('pod1')]).to.deep.equal([true, true]);
        if (c.prev) {
          h.store.bindPod('default', 'pod2', 'node1');
          h.loop.settle();
        } else h.create(c.next);
        expect([h.patched('pod2'), h.deleted('pod2')]).to.deep.equal([c.deleted, c.deleted]);
        expect(h.controller.scheduledAt('default/pod2')).to.equal(c.scheduledAt);
      });
    }
  });

  it('TestDeleteNode: a deleted node is forgotten, so pods bound to its name are left alone', () => {
    const h = harness({ taints: [taint(1)] });
    h.store.delete('Node', undefined, 'node1');
    h.loop.settle();
    h.create(pod('pod1', 'node1'));
    expect(h.deleted('pod1')).to.equal(false);
  });

  it('TestDeletePod: a pod deleted while its deletion waits is cancelled without trouble', () => {
    const h = harness({ taints: [taint(1)] });
    h.create(pod('pod1', 'node1', [tolerate(1, 100)]));
    h.store.delete('Pod', 'default', 'pod1', { gracePeriodSeconds: 0 });
    h.loop.settle();
    expect(h.controller.scheduledAt('default/pod1')).to.equal(undefined);
    h.loop.advance(200_000);
    expect(h.events().map((e) => e[1])).to.deep.equal(['Cancelling deletion of Pod default/pod1']);
  });
});
