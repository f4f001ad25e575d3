import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container } from '../../api/types.js';
import { getPodQOS } from './qos.js';

// Ported from pkg/apis/core/v1/helper/qos/qos_test.go TestComputePodQOS (container-level cases).
function list(cpu: string, memory: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (cpu) out.cpu = cpu;
  if (memory) out.memory = memory;
  return out;
}
function container(
  name: string,
  requests: Record<string, string>,
  limits: Record<string, string>,
): Container {
  return { name, resources: { requests, limits } };
}
const pod = (containers: Container[], initContainers: Container[] = []) => ({
  spec: { containers, initContainers },
});

describe('getPodQOS', () => {
  const cases: Array<[string, ReturnType<typeof pod>, string]> = [
    [
      'guaranteed',
      pod([container('guaranteed', list('100m', '100Mi'), list('100m', '100Mi'))]),
      'Guaranteed',
    ],
    [
      'guaranteed-guaranteed',
      pod([
        container('guaranteed', list('100m', '100Mi'), list('100m', '100Mi')),
        container('guaranteed', list('100m', '100Mi'), list('100m', '100Mi')),
      ]),
      'Guaranteed',
    ],
    [
      'best-effort-best-effort',
      pod([
        container('best-effort', list('', ''), list('', '')),
        container('best-effort', list('', ''), list('', '')),
      ]),
      'BestEffort',
    ],
    ['best-effort', pod([container('best-effort', list('', ''), list('', ''))]), 'BestEffort'],
    [
      'best-effort-burstable',
      pod([
        container('best-effort', list('', ''), list('', '')),
        container('burstable', list('1', ''), list('2', '')),
      ]),
      'Burstable',
    ],
    [
      'best-effort-guaranteed',
      pod([
        container('best-effort', list('', ''), list('', '')),
        container('guaranteed', list('10m', '100Mi'), list('10m', '100Mi')),
      ]),
      'Burstable',
    ],
    [
      'burstable-cpu-guaranteed-memory',
      pod([container('burstable', list('', '100Mi'), list('', '100Mi'))]),
      'Burstable',
    ],
    ['burstable-no-limits', pod([container('burstable', list('100m', '100Mi'), list('', ''))]), 'Burstable'],
    [
      'burstable-guaranteed',
      pod([
        container('burstable', list('1', '100Mi'), list('2', '100Mi')),
        container('guaranteed', list('100m', '100Mi'), list('100m', '100Mi')),
      ]),
      'Burstable',
    ],
    [
      'burstable-unbounded-but-requests-match-limits',
      pod([
        container('burstable', list('100m', '100Mi'), list('200m', '200Mi')),
        container('burstable-unbounded', list('100m', '100Mi'), list('', '')),
      ]),
      'Burstable',
    ],
    ['burstable-1', pod([container('burstable', list('10m', '100Mi'), list('100m', '200Mi'))]), 'Burstable'],
    ['burstable-2', pod([container('burstable', list('0', '0'), list('100m', '200Mi'))]), 'Burstable'],
    [
      'best-effort-hugepages',
      pod([
        container(
          'best-effort',
          { ...list('0', '0'), 'hugepages-2Mi': '1Gi' },
          { ...list('0', '0'), 'hugepages-2Mi': '1Gi' },
        ),
      ]),
      'BestEffort',
    ],
    [
      'init-container',
      pod(
        [container('best-effort', list('', ''), list('', ''))],
        [container('burstable', list('10m', '100Mi'), list('100m', '200Mi'))],
      ),
      'Burstable',
    ],
    // Equal quantities written differently are equal.
    [
      'guaranteed-mixed-notation',
      pod([container('g', list('0.5', '1Gi'), list('500m', '1024Mi'))]),
      'Guaranteed',
    ],
  ];
  for (const [name, p, expected] of cases) {
    it(name, () => {
      expect(getPodQOS(p)).to.equal(expected);
    });
  }
});
