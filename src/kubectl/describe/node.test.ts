import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Event, Node, Pod } from '../../api/types.js';
import { TestCluster } from '../testing.js';
import { describeNode } from './node.js';

const resources = (cpu: string, memory: string, pages2Mi: string, pages1Gi: string) => ({
  cpu,
  memory,
  'hugepages-2Mi': pages2Mi,
  'hugepages-1Gi': pages1Gi,
});

/** TestDescribeNode's objects, with the pod bound to the node (the fake client ignored field selectors). */
function nodeCase(initContainers: NonNullable<Pod['spec']>['initContainers'] = []): string {
  const c = new TestCluster(['default', 'foo']);
  const node = c.create<Node>({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'bar' },
    spec: { unschedulable: true },
    status: {
      capacity: resources('8', '24Gi', '4Gi', '0'),
      allocatable: resources('4', '12Gi', '2Gi', '0'),
    },
  });
  c.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'pod-with-resources', namespace: 'foo' },
    spec: {
      nodeName: 'bar',
      initContainers,
      containers: [
        {
          name: 'cpu-mem',
          image: 'image:latest',
          resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
        },
        {
          name: 'hugepages',
          image: 'image:latest',
          resources: { requests: { 'hugepages-2Mi': '512Mi' }, limits: { 'hugepages-2Mi': '512Mi' } },
        },
      ],
    },
    status: { phase: 'Running' },
  });
  for (const [name, uid, message, count] of [
    ['event-1', 'bar', 'Node bar status is now: NodeHasNoDiskPressure', 1],
    ['event-2', node.metadata.uid, 'Node bar status is now: NodeReady', 2],
  ] as const) {
    c.create<Event>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'default' },
      involvedObject: { kind: 'Node', name: 'bar', uid },
      message,
      firstTimestamp: '2014-01-15T00:00:00Z',
      lastTimestamp: '2014-01-15T00:00:00Z',
      count,
      type: 'Normal',
    } as Event);
  }
  return describeNode(c.store.get('Node', undefined, 'bar')!, {
    store: c.store,
    now: c.now,
    showEvents: true,
  });
}

describe('describe node', () => {
  // TestDescribeNode and TestDescribeNodeWithSidecar (describe_test.go).
  it('totals requests and limits against allocatable (TestDescribeNode)', () => {
    const out = nodeCase();
    for (const want of [
      'Unschedulable',
      'true',
      'HolderIdentity:  bar',
      `Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests     Limits
  --------           --------     ------
  cpu                1 (25%)      2 (50%)
  memory             1Gi (8%)     2Gi (16%)
  ephemeral-storage  0 (0%)       0 (0%)
  hugepages-1Gi      0 (0%)       0 (0%)
  hugepages-2Mi      512Mi (25%)  512Mi (25%)`,
      'Node bar status is now: NodeHasNoDiskPressure',
      'Node bar status is now: NodeReady',
    ]) {
      expect(out).to.include(want);
    }
  });

  it('counts sidecars with the app containers and the larger init container (TestDescribeNodeWithSidecar)', () => {
    const out = nodeCase([
      {
        name: 'init-container-1',
        image: 'i',
        restartPolicy: 'Always',
        resources: { requests: { cpu: '1', memory: '1Gi' } },
      },
      { name: 'init-container-2', image: 'i', resources: { requests: { cpu: '1', memory: '1Gi' } } },
    ]);
    expect(out).to.include(`  Resource           Requests     Limits
  --------           --------     ------
  cpu                2 (50%)      2 (50%)
  memory             2Gi (16%)    2Gi (16%)
  ephemeral-storage  0 (0%)       0 (0%)
  hugepages-1Gi      0 (0%)       0 (0%)
  hugepages-2Mi      512Mi (25%)  512Mi (25%)`);
  });

  it('prints a kind-like worker node exactly', () => {
    const c = new TestCluster();
    c.create<Node>({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: 'node-1',
        labels: { 'kubernetes.io/hostname': 'node-1', 'node-role.kubernetes.io/worker': '' },
        annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
      },
      spec: {
        podCIDR: '10.244.0.0/24',
        podCIDRs: ['10.244.0.0/24'],
        taints: [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }],
      },
      status: {
        capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
        allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastHeartbeatTime: '2025-01-01T00:00:00Z',
            lastTransitionTime: '2025-01-01T00:00:00Z',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
          },
        ],
        addresses: [
          { type: 'InternalIP', address: '172.18.0.2' },
          { type: 'Hostname', address: 'node-1' },
        ],
        nodeInfo: {
          machineID: 'm1',
          systemUUID: 's1',
          bootID: 'b1',
          kernelVersion: '6.8.0',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          operatingSystem: 'linux',
          architecture: 'amd64',
          containerRuntimeVersion: 'containerd://2.1.1',
          kubeletVersion: 'v1.33.1',
          kubeProxyVersion: '',
        },
      },
    });
    c.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'default' },
      spec: {
        nodeName: 'node-1',
        containers: [
          { name: 'web', image: 'nginx', resources: { requests: { cpu: '500m', memory: '128Mi' } } },
        ],
      },
      status: { phase: 'Running' },
    });
    c.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'done', namespace: 'default' },
      spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'busybox' }] },
      status: { phase: 'Succeeded' },
    });
    c.at(75_000);
    expect(
      describeNode(c.store.get('Node', undefined, 'node-1')!, {
        store: c.store,
        now: c.now,
        showEvents: true,
      }),
    ).to.equal(
      [
        'Name:               node-1',
        'Roles:              worker',
        'Labels:             kubernetes.io/hostname=node-1',
        '                    node-role.kubernetes.io/worker=',
        'Annotations:        node.alpha.kubernetes.io/ttl: 0',
        'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000',
        'Taints:             dedicated=web:NoSchedule',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  node-1',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Wed, 01 Jan 2025 00:01:10 +0000',
        'Conditions:',
        '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------  -----------------                 ------------------                ------         -------',
        '  Ready   True    Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletReady   kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.2',
        '  Hostname:    node-1',
        'Capacity:',
        '  cpu:                4',
        '  ephemeral-storage:  100Gi',
        '  memory:             8Gi',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                4',
        '  ephemeral-storage:  100Gi',
        '  memory:             8Gi',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 m1',
        '  System UUID:                s1',
        '  Boot ID:                    b1',
        '  Kernel Version:             6.8.0',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://2.1.1',
        '  Kubelet Version:            v1.33.1',
        '  Kube-Proxy Version:         ',
        'PodCIDR:                      10.244.0.0/24',
        'PodCIDRs:                     10.244.0.0/24',
        'Non-terminated Pods:          (1 in total)',
        '  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----     ------------  ----------  ---------------  -------------  ---',
        '  default                     web-1    500m (12%)    0 (0%)      128Mi (1%)       0 (0%)         75s',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                500m (12%)  0 (0%)',
        '  memory             128Mi (1%)  0 (0%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });
});
