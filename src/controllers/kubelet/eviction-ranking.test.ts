/**
 * Ported from pkg/kubelet/eviction/helpers_test.go: TestOrderedByExceedsRequestMemory,
 * TestOrderedByPriority, TestOrderedByMemory and TestOrderedByPriorityMemory (newPod(name,
 * priority, containers), newContainer(name, requests, limits), newPodMemoryStats), plus the
 * worked example of eviction-ranking.ts.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { Quantity } from '../../core/quantity.js';
import {
  exceedMemoryRequests,
  memory,
  orderedBy,
  podMemoryRequestBytes,
  priority,
  type RankedPod,
  rankMemoryPressure,
} from './eviction-ranking.js';

const lowPriority = -1;
const defaultPriority = 0;
const highPriority = 1;

/** newPod with one container of that name; requests and limits are memory quantities ('' for none). */
function newPod(name: string, prio: number, request = '', limit = ''): Pod {
  const resources: Record<string, Record<string, string>> = {};
  if (request) resources.requests = { memory: request };
  if (limit) resources.limits = { memory: limit };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { priority: prio, containers: [{ name, resources }] },
  };
}

const stats = (pod: Pod, usage: string | undefined): RankedPod => ({
  pod,
  usageBytes: usage === undefined ? undefined : Quantity.parse(usage).value,
});
const names = (pods: RankedPod[]) => pods.map((p) => p.pod.metadata.name);

describe('eviction ranking', () => {
  it('TestOrderedByExceedsRequestMemory', () => {
    const below = stats(newPod('below-requests', -1, '200Mi'), '199Mi');
    const exceeds = stats(newPod('exceeds-requests', 1, '100Mi'), '101Mi');
    expect(names(orderedBy(exceedMemoryRequests)([below, exceeds]))).to.deep.equal([
      'exceeds-requests',
      'below-requests',
    ]);
  });

  it('TestOrderedByPriority', () => {
    const low = stats(newPod('low-priority', -134), undefined);
    const medium = stats(newPod('medium-priority', 1, '100Mi', '200Mi'), undefined);
    const high = stats(newPod('high-priority', 12534, '200Mi', '200Mi'), undefined);
    expect(names(orderedBy(priority)([high, medium, low]))).to.deep.equal([
      'low-priority',
      'medium-priority',
      'high-priority',
    ]);
  });

  it('TestOrderedByMemory: the greediest above its request first', () => {
    const pods = [
      stats(newPod('best-effort-high', defaultPriority), '500Mi'), // +500
      stats(newPod('best-effort-low', defaultPriority), '300Mi'), // +300
      stats(newPod('burstable-high', defaultPriority, '100Mi', '1Gi'), '800Mi'), // +700
      stats(newPod('burstable-low', defaultPriority, '100Mi', '1Gi'), '300Mi'), // +200
      stats(newPod('guaranteed-high', defaultPriority, '1Gi', '1Gi'), '800Mi'), // -224
      stats(newPod('guaranteed-low', defaultPriority, '1Gi', '1Gi'), '200Mi'), // -824
    ];
    expect(names(orderedBy(memory)(pods))).to.deep.equal([
      'burstable-high',
      'best-effort-high',
      'best-effort-low',
      'burstable-low',
      'guaranteed-high',
      'guaranteed-low',
    ]);
  });

  it('TestOrderedByPriorityMemory: exceeds requests, then priority, then usage above request', () => {
    const p = (name: string, prio: number, request: string, usage: string) =>
      stats(newPod(name, prio, request), usage);
    const pods = [
      p('below-requests-high-priority-low-usage', highPriority, '1Gi', '200Mi'),
      p('below-requests-high-priority-high-usage', highPriority, '1Gi', '800Mi'),
      p('below-requests-low-priority-low-usage', lowPriority, '1Gi', '200Mi'),
      p('below-requests-low-priority-high-usage', lowPriority, '1Gi', '800Mi'),
      p('above-requests-high-priority-low-usage', highPriority, '100Mi', '150Mi'),
      p('above-requests-high-priority-high-usage', highPriority, '100Mi', '600Mi'),
      p('above-requests-low-priority-low-usage', lowPriority, '', '50Mi'),
      p('above-requests-low-priority-high-usage', lowPriority, '', '500Mi'),
    ];
    expect(names(rankMemoryPressure(pods))).to.deep.equal([
      'above-requests-low-priority-high-usage',
      'above-requests-low-priority-low-usage',
      'above-requests-high-priority-high-usage',
      'above-requests-high-priority-low-usage',
      'below-requests-low-priority-high-usage',
      'below-requests-low-priority-low-usage',
      'below-requests-high-priority-high-usage',
      'below-requests-high-priority-low-usage',
    ]);
  });

  it('pods without stats go first (cmpBool(!found))', () => {
    const pods = [stats(newPod('with-stats', 0), '1Gi'), stats(newPod('no-stats', 0), undefined)];
    expect(names(rankMemoryPressure(pods))).to.deep.equal(['no-stats', 'with-stats']);
  });

  it('the worked example: b, a, c, e, d (QoS is not a key of its own)', () => {
    const pods = [
      stats(newPod('a', 0), '16Mi'),
      stats(newPod('b', 0, '64Mi'), '300Mi'),
      stats(newPod('c', 1000, '64Mi'), '500Mi'),
      stats(newPod('d', 0, '256Mi'), '100Mi'),
      stats(newPod('e', 0, '128Mi', '128Mi'), '100Mi'),
    ];
    expect(names(rankMemoryPressure(pods))).to.deep.equal(['b', 'a', 'c', 'e', 'd']);
  });

  it('keeps ties in the given order', () => {
    const pods = ['x', 'y', 'z'].map((n) => stats(newPod(n, 0), '10Mi'));
    expect(names(rankMemoryPressure(pods))).to.deep.equal(['x', 'y', 'z']);
    expect(names(rankMemoryPressure([...pods].reverse()))).to.deep.equal(['z', 'y', 'x']);
  });

  it('GetResourceRequestQuantity: containers summed, the largest init container, overhead', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        overhead: { memory: '10Mi' },
        initContainers: [{ name: 'init', resources: { requests: { memory: '300Mi' } } }],
        containers: [
          { name: 'a', resources: { requests: { memory: '100Mi' } } },
          { name: 'b', resources: { requests: { memory: '150Mi' } } },
        ],
      },
    };
    expect(podMemoryRequestBytes(pod)).to.equal(310 * 1024 * 1024);
  });
});
