import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Node, Pod } from '../../api/types.js';
import { fitsRequest, nodeResourcesFit } from './filters.js';
import { fitErrorMessage, preemptionMessage } from './fit-error.js';
import { accountedPod, NodeInfo } from './node-info.js';
import { podRequests } from './resources.js';

// Ported from pkg/scheduler/framework/plugins/noderesources/fit_test.go.
interface R {
  cpu?: number;
  mem?: number;
  storage?: number;
  scalars?: Record<string, number>;
}
const extendedA = 'example.com/aaa';
const extendedB = 'example.com/bbb';
const kubernetesIOResourceA = 'kubernetes.io/something';
const kubernetesIOResourceB = 'subdomain.kubernetes.io/something';
const hugePageA = 'hugepages-2Mi';

function requests(r: R): Record<string, string> {
  return {
    cpu: `${r.cpu ?? 0}m`,
    memory: String(r.mem ?? 0),
    'ephemeral-storage': String(r.storage ?? 0),
    ...Object.fromEntries(Object.entries(r.scalars ?? {}).map(([k, v]) => [k, String(v)])),
  };
}
function newResourcePod(...usage: R[]): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: usage.map((u, i) => ({ name: `c${i}`, resources: { requests: requests(u) } })) },
  };
}
function newResourceInitPod(pod: Pod, ...usage: R[]): Pod {
  return { ...pod, spec: { ...pod.spec!, initContainers: newResourcePod(...usage).spec!.containers } };
}
function newResourceOverheadPod(pod: Pod, overhead: Record<string, string>): Pod {
  return { ...pod, spec: { ...pod.spec!, overhead } };
}
function node(cpu: number, memory: number, pods: number, extA: number, storage: number, hugeA: number): Node {
  const allocatable = {
    cpu: `${cpu}m`,
    memory: String(memory),
    pods: String(pods),
    [extendedA]: String(extA),
    'ephemeral-storage': String(storage),
    [hugePageA]: String(hugeA),
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n' },
    status: { capacity: allocatable, allocatable },
  };
}
function nodeInfoWith(n: Node, existing: Pod): NodeInfo {
  const info = new NodeInfo(n);
  info.addPod(accountedPod({ ...existing, spec: { ...existing.spec!, nodeName: 'n' } }));
  return info;
}

type Want = Array<[string, string, number, number, number]>;
const cases: Array<[string, Pod, Pod, Want]> = [
  [
    'no resources requested always fits',
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } },
    newResourcePod({ cpu: 10, mem: 20 }),
    [],
  ],
  [
    'too many resources fails',
    newResourcePod({ cpu: 1, mem: 1 }),
    newResourcePod({ cpu: 10, mem: 20 }),
    [
      ['cpu', 'Insufficient cpu', 1, 10, 10],
      ['memory', 'Insufficient memory', 1, 20, 20],
    ],
  ],
  [
    'too many resources fails due to init container cpu',
    newResourceInitPod(newResourcePod({ cpu: 1, mem: 1 }), { cpu: 3, mem: 1 }),
    newResourcePod({ cpu: 8, mem: 19 }),
    [['cpu', 'Insufficient cpu', 3, 8, 10]],
  ],
  [
    'too many resources fails due to highest init container cpu',
    newResourceInitPod(newResourcePod({ cpu: 1, mem: 1 }), { cpu: 3, mem: 1 }, { cpu: 2, mem: 1 }),
    newResourcePod({ cpu: 8, mem: 19 }),
    [['cpu', 'Insufficient cpu', 3, 8, 10]],
  ],
  [
    'too many resources fails due to init container memory',
    newResourceInitPod(newResourcePod({ cpu: 1, mem: 1 }), { cpu: 1, mem: 3 }),
    newResourcePod({ cpu: 9, mem: 19 }),
    [['memory', 'Insufficient memory', 3, 19, 20]],
  ],
  [
    'too many resources fails due to highest init container memory',
    newResourceInitPod(newResourcePod({ cpu: 1, mem: 1 }), { cpu: 1, mem: 3 }, { cpu: 1, mem: 2 }),
    newResourcePod({ cpu: 9, mem: 19 }),
    [['memory', 'Insufficient memory', 3, 19, 20]],
  ],
  [
    "init container fits because it's the max, not sum, of containers and init containers",
    newResourceInitPod(newResourcePod({ cpu: 1, mem: 1 }), { cpu: 1, mem: 1 }),
    newResourcePod({ cpu: 9, mem: 19 }),
    [],
  ],
  [
    "multiple init containers fit because it's the max, not sum, of containers and init containers",
    newResourceInitPod(newResourcePod({ cpu: 1, mem: 1 }), { cpu: 1, mem: 1 }, { cpu: 1, mem: 1 }),
    newResourcePod({ cpu: 9, mem: 19 }),
    [],
  ],
  ['both resources fit', newResourcePod({ cpu: 1, mem: 1 }), newResourcePod({ cpu: 5, mem: 5 }), []],
  [
    'one resource memory fits',
    newResourcePod({ cpu: 2, mem: 1 }),
    newResourcePod({ cpu: 9, mem: 5 }),
    [['cpu', 'Insufficient cpu', 2, 9, 10]],
  ],
  [
    'one resource cpu fits',
    newResourcePod({ cpu: 1, mem: 2 }),
    newResourcePod({ cpu: 5, mem: 19 }),
    [['memory', 'Insufficient memory', 2, 19, 20]],
  ],
  ['equal edge case', newResourcePod({ cpu: 5, mem: 1 }), newResourcePod({ cpu: 5, mem: 19 }), []],
  [
    'equal edge case for init container',
    newResourceInitPod(newResourcePod({ cpu: 4, mem: 1 }), { cpu: 5, mem: 1 }),
    newResourcePod({ cpu: 5, mem: 19 }),
    [],
  ],
  ['extended resource fits', newResourcePod({ scalars: { [extendedA]: 1 } }), newResourcePod({}), []],
  [
    'extended resource fits for init container',
    newResourceInitPod(newResourcePod({}), { scalars: { [extendedA]: 1 } }),
    newResourcePod({}),
    [],
  ],
  [
    'extended resource capacity enforced',
    newResourcePod({ cpu: 1, mem: 1, scalars: { [extendedA]: 10 } }),
    newResourcePod({ scalars: { [extendedA]: 0 } }),
    [[extendedA, `Insufficient ${extendedA}`, 10, 0, 5]],
  ],
  [
    'extended resource capacity enforced for init container',
    newResourceInitPod(newResourcePod({}), { cpu: 1, mem: 1, scalars: { [extendedA]: 10 } }),
    newResourcePod({ scalars: { [extendedA]: 0 } }),
    [[extendedA, `Insufficient ${extendedA}`, 10, 0, 5]],
  ],
  [
    'extended resource allocatable enforced',
    newResourcePod({ cpu: 1, mem: 1, scalars: { [extendedA]: 1 } }),
    newResourcePod({ scalars: { [extendedA]: 5 } }),
    [[extendedA, `Insufficient ${extendedA}`, 1, 5, 5]],
  ],
  [
    'extended resource allocatable enforced for init container',
    newResourceInitPod(newResourcePod({}), { cpu: 1, mem: 1, scalars: { [extendedA]: 1 } }),
    newResourcePod({ scalars: { [extendedA]: 5 } }),
    [[extendedA, `Insufficient ${extendedA}`, 1, 5, 5]],
  ],
  [
    'extended resource allocatable enforced for multiple containers',
    newResourcePod(
      { cpu: 1, mem: 1, scalars: { [extendedA]: 3 } },
      { cpu: 1, mem: 1, scalars: { [extendedA]: 3 } },
    ),
    newResourcePod({ scalars: { [extendedA]: 2 } }),
    [[extendedA, `Insufficient ${extendedA}`, 6, 2, 5]],
  ],
  [
    'extended resource allocatable admits multiple init containers',
    newResourceInitPod(
      newResourcePod({}),
      { cpu: 1, mem: 1, scalars: { [extendedA]: 3 } },
      { cpu: 1, mem: 1, scalars: { [extendedA]: 3 } },
    ),
    newResourcePod({ scalars: { [extendedA]: 2 } }),
    [],
  ],
  [
    'extended resource allocatable enforced for multiple init containers',
    newResourceInitPod(
      newResourcePod({}),
      { cpu: 1, mem: 1, scalars: { [extendedA]: 6 } },
      { cpu: 1, mem: 1, scalars: { [extendedA]: 3 } },
    ),
    newResourcePod({ scalars: { [extendedA]: 2 } }),
    [[extendedA, `Insufficient ${extendedA}`, 6, 2, 5]],
  ],
  [
    'extended resource allocatable enforced for unknown resource',
    newResourcePod({ cpu: 1, mem: 1, scalars: { [extendedB]: 1 } }),
    newResourcePod({}),
    [[extendedB, `Insufficient ${extendedB}`, 1, 0, 0]],
  ],
  [
    'extended resource allocatable enforced for unknown resource for init container',
    newResourceInitPod(newResourcePod({}), { cpu: 1, mem: 1, scalars: { [extendedB]: 1 } }),
    newResourcePod({}),
    [[extendedB, `Insufficient ${extendedB}`, 1, 0, 0]],
  ],
  [
    'kubernetes.io resource capacity enforced',
    newResourcePod({ cpu: 1, mem: 1, scalars: { [kubernetesIOResourceA]: 10 } }),
    newResourcePod({}),
    [[kubernetesIOResourceA, `Insufficient ${kubernetesIOResourceA}`, 10, 0, 0]],
  ],
  [
    'kubernetes.io resource capacity enforced for init container',
    newResourceInitPod(newResourcePod({}), { cpu: 1, mem: 1, scalars: { [kubernetesIOResourceB]: 10 } }),
    newResourcePod({}),
    [[kubernetesIOResourceB, `Insufficient ${kubernetesIOResourceB}`, 10, 0, 0]],
  ],
  [
    'hugepages resource capacity enforced',
    newResourcePod({ cpu: 1, mem: 1, scalars: { [hugePageA]: 10 } }),
    newResourcePod({ scalars: { [hugePageA]: 0 } }),
    [[hugePageA, `Insufficient ${hugePageA}`, 10, 0, 5]],
  ],
  [
    'hugepages resource capacity enforced for init container',
    newResourceInitPod(newResourcePod({}), { cpu: 1, mem: 1, scalars: { [hugePageA]: 10 } }),
    newResourcePod({ scalars: { [hugePageA]: 0 } }),
    [[hugePageA, `Insufficient ${hugePageA}`, 10, 0, 5]],
  ],
  [
    'hugepages resource allocatable enforced for multiple containers',
    newResourcePod(
      { cpu: 1, mem: 1, scalars: { [hugePageA]: 3 } },
      { cpu: 1, mem: 1, scalars: { [hugePageA]: 3 } },
    ),
    newResourcePod({ scalars: { [hugePageA]: 2 } }),
    [[hugePageA, `Insufficient ${hugePageA}`, 6, 2, 5]],
  ],
  [
    'resources + pod overhead fits',
    newResourceOverheadPod(newResourcePod({ cpu: 1, mem: 1 }), { cpu: '3m', memory: '13' }),
    newResourcePod({ cpu: 5, mem: 5 }),
    [],
  ],
  [
    'requests + overhead does not fit for memory',
    newResourceOverheadPod(newResourcePod({ cpu: 1, mem: 1 }), { cpu: '1m', memory: '15' }),
    newResourcePod({ cpu: 5, mem: 5 }),
    [['memory', 'Insufficient memory', 16, 5, 20]],
  ],
  [
    'skip checking extended resource request with quantity zero',
    newResourcePod({ cpu: 1, mem: 1, scalars: { [extendedA]: 0 } }),
    newResourcePod({ scalars: { [extendedA]: 6 } }),
    [],
  ],
];

describe('NodeResourcesFit (TestEnoughRequests)', () => {
  for (const [name, pod, existing, want] of cases) {
    it(name, () => {
      const info = nodeInfoWith(node(10, 20, 32, 5, 20, 5), existing);
      const got = fitsRequest(podRequests(pod), info).map((r) => [
        r.resourceName,
        r.reason,
        r.requested,
        r.used,
        r.capacity,
      ]);
      expect(got).to.deep.equal(want);
    });
  }
});

describe('NodeResourcesFit (TestNotEnoughRequests)', () => {
  const notEnough: Array<[string, Pod, Pod]> = [
    [
      "even without specified resources predicate fails when there's no space for additional pod",
      newResourcePod(),
      newResourcePod({ cpu: 10, mem: 20 }),
    ],
    [
      "even if both resources fit predicate fails when there's no space for additional pod",
      newResourcePod({ cpu: 1, mem: 1 }),
      newResourcePod({ cpu: 5, mem: 5 }),
    ],
    [
      "even for equal edge case predicate fails when there's no space for additional pod",
      newResourcePod({ cpu: 5, mem: 1 }),
      newResourcePod({ cpu: 5, mem: 19 }),
    ],
    [
      "even for equal edge case predicate fails when there's no space for additional pod due to init container",
      newResourceInitPod(newResourcePod({ cpu: 5, mem: 1 }), { cpu: 5, mem: 1 }),
      newResourcePod({ cpu: 5, mem: 19 }),
    ],
  ];
  for (const [name, pod, existing] of notEnough) {
    it(name, () => {
      const info = nodeInfoWith(node(10, 20, 1, 0, 0, 0), existing);
      expect(nodeResourcesFit(podRequests(pod), info)).to.deep.equal({
        code: 'Unschedulable',
        reasons: ['Too many pods'],
      });
    });
  }
});

describe('NodeResourcesFit (TestStorageRequests)', () => {
  const storage: Array<[string, Pod, Pod, string | undefined]> = [
    [
      'due to container scratch disk',
      newResourcePod({ cpu: 1, mem: 1 }),
      newResourcePod({ cpu: 10, mem: 10 }),
      'Insufficient cpu',
    ],
    ['pod fit', newResourcePod({ cpu: 1, mem: 1 }), newResourcePod({ cpu: 2, mem: 10 }), undefined],
    [
      'storage ephemeral local storage request exceeds allocatable',
      newResourcePod({ storage: 25 }),
      newResourcePod({ cpu: 2, mem: 2 }),
      'Insufficient ephemeral-storage',
    ],
    [
      'ephemeral local storage is sufficient',
      newResourceInitPod(newResourcePod({ storage: 5 })),
      newResourcePod({ cpu: 2, mem: 2, storage: 10 }),
      undefined,
    ],
    ['pod fits', newResourcePod({ storage: 10 }), newResourcePod({ cpu: 2, mem: 2 }), undefined],
  ];
  for (const [name, pod, existing, reason] of storage) {
    it(name, () => {
      const info = nodeInfoWith(node(10, 20, 32, 5, 20, 5), existing);
      expect(nodeResourcesFit(podRequests(pod), info)?.reasons[0]).to.equal(reason);
    });
  }

  it('marks a request above the node’s allocatable as unresolvable', () => {
    const info = nodeInfoWith(node(10, 20, 32, 5, 20, 5), newResourcePod({}));
    expect(nodeResourcesFit(podRequests(newResourcePod({ cpu: 11 })), info)?.code).to.equal(
      'UnschedulableAndUnresolvable',
    );
    expect(
      nodeResourcesFit(
        podRequests(newResourcePod({ cpu: 10 })),
        nodeInfoWith(node(10, 20, 32, 5, 20, 5), newResourcePod({ cpu: 1 })),
      )?.code,
    ).to.equal('Unschedulable');
  });
});

describe('FitError message', () => {
  const unschedulable = (...reasons: string[]) => ({ code: 'Unschedulable' as const, reasons });
  const unresolvable = (...reasons: string[]) => ({ code: 'UnschedulableAndUnresolvable' as const, reasons });

  it('counts reasons, sorts them as strings and adds the preemption verdict', () => {
    const statuses = [
      unschedulable('Insufficient cpu'),
      unschedulable('Insufficient cpu'),
      unschedulable('Insufficient cpu'),
    ];
    expect(fitErrorMessage(3, statuses, preemptionMessage(undefined, 3, statuses))).to.equal(
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..',
    );
    const mixed = [
      unschedulable('Insufficient cpu', 'Insufficient memory'),
      unschedulable('Insufficient cpu'),
    ];
    expect(fitErrorMessage(2, mixed)).to.equal(
      '0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.',
    );
  });

  it('says preemption is not helpful for unresolvable nodes', () => {
    const statuses = [
      unresolvable('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'),
    ];
    expect(fitErrorMessage(1, statuses, preemptionMessage(undefined, 1, statuses))).to.equal(
      '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
    expect(preemptionMessage('Never', 1, statuses)).to.equal(
      'preemption: not eligible due to preemptionPolicy=Never.',
    );
    expect(fitErrorMessage(1, statuses, preemptionMessage('Never', 1, statuses))).to.match(
      / preemption: not eligible due to preemptionPolicy=Never\.\.$/,
    );
  });
});
