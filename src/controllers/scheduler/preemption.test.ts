/**
 * Ported from pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go:
 * TestPickOneNodeForPreemption (NodeResourcesFit only, nodes of 500m cpu and 1000Mi memory; the
 * cases where some node fits without preemption do not reach preemption here) and the victim
 * choice of TestSelectNodesForPreemption / TestPreempt's "basic preemption logic".
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Node, Pod } from '../../api/types.js';
import { filterNode } from './filters.js';
import { hostPortsOf } from './host-ports.js';
import { accountedPod, NodeInfo } from './node-info.js';
import { preempt } from './preemption.js';
import { podRequests } from './resources.js';

const [negPriority, lowPriority, midPriority, highPriority, veryHighPriority] = [-100, 0, 100, 1000, 10000];
/** schedutil.DefaultMilliCPURequest and DefaultMemoryRequest times 1, 2, 3 and 5. */
const size = { small: 1, medium: 2, large: 3, veryLarge: 5 } as const;
type Size = keyof typeof size;

function container(s: Size) {
  return {
    name: 'c',
    resources: { requests: { cpu: `${100 * size[s]}m`, memory: String(200 * 1024 * 1024 * size[s]) } },
  };
}

function pod(name: string, s: Size, priority: number, nodeName?: string, startDay?: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name },
    spec: { containers: [container(s)], priority, ...(nodeName ? { nodeName } : {}) },
    status: { startTime: `2019-01-0${startDay ?? 1}T01:01:01Z` },
  };
}

/** makeNode(name, DefaultMilliCPURequest*5, DefaultMemoryRequest*5). */
function node(name: string): Node {
  const allocatable = { cpu: '500m', memory: String(5 * 200 * 1024 * 1024), pods: '100' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    status: { capacity: allocatable, allocatable },
  };
}

function run(nodeNames: string[], preemptor: Pod, pods: Pod[]) {
  const nodes = nodeNames.map((n) => new NodeInfo(node(n)));
  const byKey = new Map(pods.map((p) => [`default/${p.metadata.name}`, p]));
  for (const p of pods) nodes.find((n) => n.name === p.spec!.nodeName)!.addPod(accountedPod(p));
  const request = podRequests(preemptor);
  const statuses = nodes.map((n) => filterNode(preemptor, request, n)!);
  expect(statuses.every((s) => s !== undefined)).to.equal(true);
  return preempt({
    pod: preemptor,
    request,
    wantPorts: hostPortsOf(preemptor),
    nodes,
    statuses,
    podOf: (key) => byKey.get(key),
  });
}

describe('DefaultPreemption', () => {
  const cases: Array<[string, string[], Pod, Pod[], string]> = [
    [
      'a pod that fits on both machines when lower priority pods are preempted',
      ['machine1', 'machine2'],
      pod('p', 'large', highPriority),
      [pod('m1.1', 'large', midPriority, 'machine1'), pod('m2.1', 'large', midPriority, 'machine2')],
      'machine1',
    ],
    [
      'machine with min highest priority pod is picked',
      ['machine1', 'machine2', 'machine3'],
      pod('p', 'veryLarge', highPriority),
      [
        pod('m1.1', 'medium', midPriority, 'machine1'),
        pod('m1.2', 'large', midPriority, 'machine1'),
        pod('m2.1', 'medium', midPriority, 'machine2'),
        pod('m2.2', 'medium', lowPriority, 'machine2'),
        pod('m3.1', 'medium', lowPriority, 'machine3'),
        pod('m3.2', 'medium', lowPriority, 'machine3'),
      ],
      'machine3',
    ],
    [
      'when highest priorities are the same, minimum sum of priorities is picked',
      ['machine1', 'machine2', 'machine3'],
      pod('p', 'veryLarge', highPriority),
      [
        pod('m1.1', 'medium', midPriority, 'machine1'),
        pod('m1.2', 'large', midPriority, 'machine1'),
        pod('m2.1', 'large', midPriority, 'machine2'),
        pod('m2.2', 'medium', lowPriority, 'machine2'),
        pod('m3.1', 'medium', midPriority, 'machine3'),
        pod('m3.2', 'medium', midPriority, 'machine3'),
      ],
      'machine2',
    ],
    [
      'when highest priority and sum are the same, minimum number of pods is picked',
      ['machine1', 'machine2', 'machine3'],
      pod('p', 'veryLarge', highPriority),
      [
        pod('m1.1', 'small', midPriority, 'machine1'),
        pod('m1.2', 'small', negPriority, 'machine1'),
        pod('m1.3', 'small', midPriority, 'machine1'),
        pod('m1.4', 'small', negPriority, 'machine1'),
        pod('m2.1', 'large', midPriority, 'machine2'),
        pod('m2.2', 'medium', negPriority, 'machine2'),
        pod('m3.1', 'medium', midPriority, 'machine3'),
        pod('m3.2', 'small', negPriority, 'machine3'),
        pod('m3.3', 'small', lowPriority, 'machine3'),
      ],
      'machine2',
    ],
    [
      'sum of adjusted priorities is considered',
      ['machine1', 'machine2', 'machine3'],
      pod('p', 'veryLarge', highPriority),
      [
        pod('m1.1', 'small', midPriority, 'machine1'),
        pod('m1.2', 'small', negPriority, 'machine1'),
        pod('m1.3', 'small', negPriority, 'machine1'),
        pod('m2.1', 'large', midPriority, 'machine2'),
        pod('m2.2', 'medium', negPriority, 'machine2'),
        pod('m3.1', 'medium', midPriority, 'machine3'),
        pod('m3.2', 'small', negPriority, 'machine3'),
        pod('m3.3', 'small', lowPriority, 'machine3'),
      ],
      'machine2',
    ],
    [
      'non-overlapping lowest high priority, sum priorities, and number of pods',
      ['machine1', 'machine2', 'machine3', 'machine4'],
      pod('p', 'veryLarge', veryHighPriority),
      [
        pod('m1.1', 'small', midPriority, 'machine1'),
        pod('m1.2', 'small', lowPriority, 'machine1'),
        pod('m1.3', 'small', lowPriority, 'machine1'),
        pod('m2.1', 'large', highPriority, 'machine2'),
        pod('m3.1', 'medium', midPriority, 'machine3'),
        pod('m3.2', 'small', lowPriority, 'machine3'),
        pod('m3.3', 'small', lowPriority, 'machine3'),
        pod('m3.4', 'medium', lowPriority, 'machine3'),
        pod('m4.1', 'medium', midPriority, 'machine4'),
        pod('m4.2', 'small', midPriority, 'machine4'),
        pod('m4.3', 'small', midPriority, 'machine4'),
        pod('m4.4', 'small', negPriority, 'machine4'),
      ],
      'machine1',
    ],
    [
      "same priority, same number of victims, different start time for each machine's pod",
      ['machine1', 'machine2', 'machine3'],
      pod('p', 'veryLarge', highPriority),
      [
        pod('m1.1', 'medium', midPriority, 'machine1', 3),
        pod('m1.2', 'medium', midPriority, 'machine1', 3),
        pod('m2.1', 'medium', midPriority, 'machine2', 4),
        pod('m2.2', 'medium', midPriority, 'machine2', 4),
        pod('m3.1', 'medium', midPriority, 'machine3', 2),
        pod('m3.2', 'medium', midPriority, 'machine3', 2),
      ],
      'machine2',
    ],
    [
      'same priority, same number of victims, different start time for all pods',
      ['machine1', 'machine2', 'machine3'],
      pod('p', 'veryLarge', highPriority),
      [
        pod('m1.1', 'medium', midPriority, 'machine1', 5),
        pod('m1.2', 'medium', midPriority, 'machine1', 3),
        pod('m2.1', 'medium', midPriority, 'machine2', 6),
        pod('m2.2', 'medium', midPriority, 'machine2', 2),
        pod('m3.1', 'medium', midPriority, 'machine3', 4),
        pod('m3.2', 'medium', midPriority, 'machine3', 7),
      ],
      'machine3',
    ],
    [
      'different priority, same number of victims, different start time for all pods',
      ['machine1', 'machine2', 'machine3'],
      pod('p', 'veryLarge', highPriority),
      [
        pod('m1.1', 'medium', lowPriority, 'machine1', 5),
        pod('m1.2', 'medium', midPriority, 'machine1', 3),
        pod('m2.1', 'medium', midPriority, 'machine2', 7),
        pod('m2.2', 'medium', lowPriority, 'machine2', 2),
        pod('m3.1', 'medium', lowPriority, 'machine3', 4),
        pod('m3.2', 'medium', midPriority, 'machine3', 6),
      ],
      'machine2',
    ],
  ];
  for (const [name, nodes, preemptor, pods, want] of cases) {
    it(`TestPickOneNodeForPreemption: ${name}`, () => {
      const result = run(nodes, preemptor, pods);
      expect(result.message).to.equal('');
      expect(result.candidate?.node.name).to.equal(want);
    });
  }

  it('basic preemption logic: evicts only the lower-priority pods needed, and leaves the nodes as they were', () => {
    const nodes = ['machine1', 'machine2', 'machine3'];
    const pods = [
      pod('m1.1', 'small', lowPriority, 'machine1'),
      pod('m1.2', 'small', lowPriority, 'machine1'),
      pod('m2.1', 'large', highPriority, 'machine2'),
      pod('m3.1', 'medium', midPriority, 'machine3'),
    ];
    const result = run(nodes, pod('pod1', 'veryLarge', highPriority), pods);
    expect(result.candidate?.node.name).to.equal('machine1');
    expect(result.candidate?.victims.map((v) => v.key)).to.deep.equal(['default/m1.1', 'default/m1.2']);
    expect(result.candidate?.node.podCount).to.equal(2);
  });

  it('reprieves the most important pods first: a small low-priority pod stays when evicting a medium one is enough', () => {
    const result = run(['machine1'], pod('p', 'large', highPriority), [
      pod('m1.1', 'small', lowPriority, 'machine1'),
      pod('m1.2', 'medium', midPriority, 'machine1'),
      pod('m1.3', 'small', lowPriority, 'machine1'),
    ]);
    // 500m: 100 + 200 + 100 used, 300 wanted. With all three gone it fits; m1.2 (the most important)
    // comes back: 200 + 300 = 500 still fits; m1.1 would make 600: a victim; m1.3 likewise.
    expect(result.candidate?.victims.map((v) => v.key)).to.deep.equal(['default/m1.1', 'default/m1.3']);
  });

  it('says what the nodes are short of when evicting every lower-priority pod would not help', () => {
    const result = run(['machine1', 'machine2'], pod('p', 'veryLarge', midPriority), [
      pod('m1.1', 'small', highPriority, 'machine1'),
      pod('m2.1', 'small', lowPriority, 'machine2'),
      pod('m2.2', 'small', highPriority, 'machine2'),
    ]);
    expect(result).to.deep.equal({
      message:
        'preemption: 0/2 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 No preemption victims found for incoming pod.',
    });
  });
});
