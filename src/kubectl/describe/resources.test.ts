import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { Quantity } from '../../core/quantity.js';
import { addList, percent, podRequestsAndLimits, type QuantityList } from './resources.js';

const pod = (spec: Pod['spec']): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec }) as Pod;
const req = (cpu: string, memory: string, storage: string) => ({
  name: 'c',
  resources: { requests: { cpu, memory, storage } },
});

describe('pod requests and limits', () => {
  // TestGetPodsTotalRequests (describe_test.go).
  it('adds up the requests of all pods (TestGetPodsTotalRequests)', () => {
    const pods = [
      pod({ containers: [req('1', '300Mi', '1G'), req('90m', '120Mi', '200M')] }),
      pod({ containers: [req('60m', '43Mi', '500M'), req('34m', '83Mi', '700M')] }),
    ];
    const total: QuantityList = new Map();
    for (const p of pods) addList(total, podRequestsAndLimits(p).requests);
    expect(total.get('cpu')!.compare(Quantity.parse('1.184'))).to.equal(0);
    expect(total.get('memory')!.compare(Quantity.parse('546Mi'))).to.equal(0);
    expect(total.get('storage')!.compare(Quantity.parse('2.4G'))).to.equal(0);
    expect([...total.values()].map(String)).to.deep.equal(['1184m', '546Mi', '2400M']);
  });

  it('takes the larger of the app containers plus sidecars and each init container plus earlier sidecars', () => {
    const { requests, limits } = podRequestsAndLimits(
      pod({
        initContainers: [
          { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } },
          { name: 'init', resources: { requests: { cpu: '2' }, limits: { memory: '1Gi' } } },
        ],
        containers: [{ name: 'app', resources: { requests: { cpu: '500m' }, limits: { memory: '256Mi' } } }],
        overhead: { cpu: '10m', memory: '1Mi' },
      }),
    );
    // app 500m + sidecar 100m = 600m < init 2 + sidecar 100m = 2100m; plus 10m overhead.
    expect(String(requests.get('cpu'))).to.equal('2110m');
    expect(String(requests.get('memory'))).to.equal('1Mi');
    // Limits: max(256Mi, 1Gi) = 1Gi, plus the overhead because the limit is set.
    expect(String(limits.get('memory'))).to.equal('1025Mi');
    expect(limits.has('cpu')).to.equal(false);
  });

  it('truncates percentages as Go converts float64 to int64', () => {
    expect(percent(500, 4000)).to.equal('12');
    expect(percent(1, 3)).to.equal('33');
    expect(percent(0, 0)).to.equal('-9223372036854775808');
  });
});
