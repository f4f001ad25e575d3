/**
 * Ported from kubernetes pkg/printers/internalversion/printers_test.go: TestPrintNodeStatus,
 * TestPrintNodeRole, TestPrintNodeOSImage, TestPrintNodeExternalIP, TestPrintNodeInternalIP,
 * TestPrintService, TestPrintServiceLoadBalancer, TestPrintDeployment, TestPrintReplicaSet,
 * TestPrintEvent, TestPrintNamespace and TestPrintEndpointSlice. formatEndpoints has no upstream
 * table; its cases below follow the function.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type {
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  Namespace,
  Node,
  ReplicaSet,
  Service,
} from '../../../api/types.js';
import { timestampOf } from '../../../store/time.js';
import { alignColumns } from '../tabwriter.js';
import { namespaceTable, nodeTable } from './cluster.js';
import { endpointSliceTable, endpointsTable, formatEndpoints } from './endpoints.js';
import { eventTable } from './event.js';
import { serviceTable } from './service.js';
import { deploymentTable, replicaSetTable } from './workloads.js';

const NOW = 400 * 24 * 3600 * 1000;
const S = 1000;
const DAY = 24 * 3600 * S;
const ago = (ms: number) => timestampOf(NOW - ms);

const node = (name: string, extra: Partial<Node> = {}): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  ...extra,
});
const nodeCells = (n: Node) => nodeTable.row(n, NOW).slice(0, 5);

describe('printNode (TestPrintNodeStatus, TestPrintNodeRole)', () => {
  const ready = (status: string) => ({ conditions: [{ type: 'Ready', status }] });
  const cases: Array<[Node, string[]]> = [
    [node('foo1', { status: ready('True') }), ['foo1', 'Ready', '<none>', '<unknown>', '']],
    [
      node('foo2', { spec: { unschedulable: true }, status: ready('True') }),
      ['foo2', 'Ready,SchedulingDisabled', '<none>', '<unknown>', ''],
    ],
    [
      node('foo3', {
        status: {
          conditions: [
            { type: 'Ready', status: 'True' },
            { type: 'Ready', status: 'True' },
          ],
        },
      }),
      ['foo3', 'Ready', '<none>', '<unknown>', ''],
    ],
    [node('foo4', { status: ready('False') }), ['foo4', 'NotReady', '<none>', '<unknown>', '']],
    [
      node('foo5', { spec: { unschedulable: true }, status: ready('False') }),
      ['foo5', 'NotReady,SchedulingDisabled', '<none>', '<unknown>', ''],
    ],
    [
      node('foo6', { status: { conditions: [{ type: 'InvalidValue', status: 'True' }] } }),
      ['foo6', 'Unknown', '<none>', '<unknown>', ''],
    ],
    [node('foo7', { status: { conditions: [{} as never] } }), ['foo7', 'Unknown', '<none>', '<unknown>', '']],
    [
      node('foo8', {
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'InvalidValue', status: 'True' }] },
      }),
      ['foo8', 'Unknown,SchedulingDisabled', '<none>', '<unknown>', ''],
    ],
    [
      node('foo9', { spec: { unschedulable: true }, status: { conditions: [{} as never] } }),
      ['foo9', 'Unknown,SchedulingDisabled', '<none>', '<unknown>', ''],
    ],
    [node('foo9'), ['foo9', 'Unknown', '<none>', '<unknown>', '']],
    [
      {
        ...node('foo10'),
        metadata: {
          name: 'foo10',
          labels: {
            'node-role.kubernetes.io/master': '',
            'node-role.kubernetes.io/control-plane': '',
            'node-role.kubernetes.io/proxy': '',
            'kubernetes.io/role': 'node',
          },
        },
      },
      ['foo10', 'Unknown', 'control-plane,master,node,proxy', '<unknown>', ''],
    ],
    [
      { ...node('foo11'), metadata: { name: 'foo11', labels: { 'kubernetes.io/role': 'node' } } },
      ['foo11', 'Unknown', 'node', '<unknown>', ''],
    ],
  ];
  cases.forEach(([n, want], i) => {
    it(`${i}: ${want.join(' ')}`, () => {
      expect(nodeCells(n)).to.deep.equal(want);
    });
  });
});

describe('printNode -o wide (TestPrintNodeOSImage, TestPrintNodeExternalIP, TestPrintNodeInternalIP)', () => {
  const ext = (address: string) => ({ type: 'ExternalIP', address });
  const int = (address: string) => ({ type: 'InternalIP', address });
  const cases: Array<[Node, string[]]> = [
    [
      node('foo1', {
        status: { nodeInfo: { osImage: 'fake-os-image' } as never, addresses: [ext('1.1.1.1')] },
      }),
      ['<none>', '1.1.1.1', 'fake-os-image', '<unknown>', '<unknown>'],
    ],
    [
      node('foo2', {
        status: { nodeInfo: { kernelVersion: 'fake-kernel-version' } as never, addresses: [ext('1.1.1.1')] },
      }),
      ['<none>', '1.1.1.1', '<unknown>', 'fake-kernel-version', '<unknown>'],
    ],
    [
      node('foo1', {
        status: {
          nodeInfo: { containerRuntimeVersion: 'foo://1.2.3' } as never,
          addresses: [ext('1.1.1.1')],
        },
      }),
      ['<none>', '1.1.1.1', '<unknown>', '<unknown>', 'foo://1.2.3'],
    ],
    [
      node('foo2', { status: { addresses: [int('1.1.1.1')] } }),
      ['1.1.1.1', '<none>', '<unknown>', '<unknown>', '<unknown>'],
    ],
    [
      node('foo3', { status: { addresses: [ext('2.2.2.2'), int('3.3.3.3'), ext('4.4.4.4')] } }),
      ['3.3.3.3', '2.2.2.2', '<unknown>', '<unknown>', '<unknown>'],
    ],
    [
      node('foo3', { status: { addresses: [int('2.2.2.2'), ext('3.3.3.3'), int('4.4.4.4')] } }),
      ['2.2.2.2', '3.3.3.3', '<unknown>', '<unknown>', '<unknown>'],
    ],
  ];
  cases.forEach(([n, want], i) => {
    it(`${i}`, () => {
      expect(nodeTable.row(n, NOW).slice(5)).to.deep.equal(want);
    });
  });
});

const svc = (name: string, spec: Service['spec'], status?: Service['status']): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec,
  ...(status ? { status } : {}),
});

describe('printService (TestPrintService, TestPrintServiceLoadBalancer)', () => {
  const tcp = (port: number, nodePort?: number) => ({
    protocol: 'tcp',
    port,
    ...(nodePort ? { nodePort } : {}),
  });
  const lb = (...ips: Array<{ ip?: string; hostname?: string }>) => ({ loadBalancer: { ingress: ips } });
  const cases: Array<[Service, boolean, string[]]> = [
    [
      svc('test1', {
        type: 'ClusterIP',
        ports: [tcp(2233)],
        clusterIP: '10.9.8.7',
        selector: { foo: 'bar' },
      }),
      false,
      ['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/tcp', '<unknown>'],
    ],
    [
      svc('test1', {
        type: 'ClusterIP',
        ports: [tcp(2233)],
        clusterIP: '10.9.8.7',
        selector: { foo: 'bar' },
      }),
      true,
      ['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/tcp', '<unknown>', 'foo=bar'],
    ],
    [
      svc('test2', { type: 'NodePort', ports: [tcp(8888, 9999)], clusterIP: '10.9.8.7' }),
      false,
      ['test2', 'NodePort', '10.9.8.7', '<none>', '8888:9999/tcp', '<unknown>'],
    ],
    [
      svc('test3', { type: 'LoadBalancer', ports: [tcp(8888)], clusterIP: '10.9.8.7' }),
      false,
      ['test3', 'LoadBalancer', '10.9.8.7', '<pending>', '8888/tcp', '<unknown>'],
    ],
    [
      svc('test4', {
        type: 'LoadBalancer',
        ports: [tcp(8888)],
        clusterIP: '10.9.8.7',
        externalIPs: ['80.11.12.10'],
      }),
      false,
      ['test4', 'LoadBalancer', '10.9.8.7', '80.11.12.10', '8888/tcp', '<unknown>'],
    ],
    [
      svc(
        'test5',
        { type: 'LoadBalancer', ports: [tcp(8888)], clusterIP: '10.9.8.7', externalIPs: ['80.11.12.10'] },
        lb({ ip: '3.4.5.6', hostname: 'test.cluster.com' }),
      ),
      false,
      ['test5', 'LoadBalancer', '10.9.8.7', '3.4.5.6,80.11.12.10', '8888/tcp', '<unknown>'],
    ],
    [
      svc(
        'test6',
        {
          type: 'LoadBalancer',
          ports: [tcp(8888)],
          clusterIP: '10.9.8.7',
          externalIPs: ['80.11.12.10', '80.11.12.11'],
        },
        lb(
          { ip: '2.3.4.5', hostname: 'test.cluster.local' },
          { ip: '3.4.5.6', hostname: 'test.cluster.com' },
        ),
      ),
      false,
      [
        'test6',
        'LoadBalancer',
        '10.9.8.7',
        '2.3.4.5,3.4.5.6,80.11.12.10,80.11.12.11',
        '8888/tcp',
        '<unknown>',
      ],
    ],
    [
      svc('test7', { type: 'ExternalName', externalName: 'my.database.example.com' }),
      false,
      ['test7', 'ExternalName', '<none>', 'my.database.example.com', '<none>', '<unknown>'],
    ],
    [
      svc(
        'service1',
        { clusterIPs: ['1.2.3.4'], type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }] },
        lb({ ip: '2.3.4.5' }, { ip: '3.4.5.6' }),
      ),
      false,
      ['service1', 'LoadBalancer', '1.2.3.4', '2.3.4.5,3.4.5.6', '80/TCP', '<unknown>'],
    ],
    [
      svc('service2', {
        clusterIPs: ['1.3.4.5'],
        type: 'LoadBalancer',
        ports: [
          { port: 80, protocol: 'TCP' },
          { port: 8090, protocol: 'UDP' },
          { port: 8000, protocol: 'TCP' },
          { port: 7777, protocol: 'SCTP' },
        ],
      }),
      false,
      ['service2', 'LoadBalancer', '1.3.4.5', '<pending>', '80/TCP,8090/UDP,8000/TCP,7777/SCTP', '<unknown>'],
    ],
    [
      svc(
        'service4',
        {
          clusterIPs: ['1.5.6.7'],
          type: 'LoadBalancer',
          ports: [
            { port: 80, protocol: 'TCP' },
            { port: 8090, protocol: 'UDP' },
            { port: 8000, protocol: 'TCP' },
          ],
        },
        lb({ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' }),
      ),
      false,
      ['service4', 'LoadBalancer', '1.5.6.7', '2.3.4.5,3.4.5...', '80/TCP,8090/UDP,8000/TCP', '<unknown>'],
    ],
    [
      svc(
        'service4',
        {
          clusterIPs: ['1.5.6.7'],
          type: 'LoadBalancer',
          ports: [
            { port: 80, protocol: 'TCP' },
            { port: 8090, protocol: 'UDP' },
            { port: 8000, protocol: 'TCP' },
          ],
          selector: { foo: 'bar' },
        },
        lb({ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' }),
      ),
      true,
      [
        'service4',
        'LoadBalancer',
        '1.5.6.7',
        '2.3.4.5,3.4.5.6,5.6.7.8',
        '80/TCP,8090/UDP,8000/TCP',
        '<unknown>',
        'foo=bar',
      ],
    ],
  ];
  cases.forEach(([s, wide, want], i) => {
    it(`${i}: ${want.join(' ')}`, () => {
      const row = serviceTable(wide).row(s, NOW);
      expect(wide ? row : row.slice(0, 6)).to.deep.equal(want);
    });
  });
});

describe('printDeployment and printReplicaSet (TestPrintDeployment, TestPrintReplicaSet)', () => {
  const template = {
    spec: {
      containers: [
        { name: 'fake-container1', image: 'fake-image1' },
        { name: 'fake-container2', image: 'fake-image2' },
      ],
    },
  };
  it('deployment', () => {
    const d: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'test1', creationTimestamp: timestampOf(NOW + 1900) },
      spec: { replicas: 5, template, selector: { matchLabels: { foo: 'bar' } } },
      status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
    };
    expect(deploymentTable.row(d, NOW)).to.deep.equal([
      'test1',
      '0/5',
      '2',
      '1',
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ]);
  });
  it('replica set', () => {
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'test1', creationTimestamp: timestampOf(NOW + 1900) },
      spec: { replicas: 5, template, selector: { matchLabels: { foo: 'bar' } } },
      status: { replicas: 5, readyReplicas: 2 },
    };
    expect(replicaSetTable.row(rs, NOW)).to.deep.equal([
      'test1',
      '5',
      '5',
      '2',
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ]);
  });
  it('selectors: match expressions sorted by key, <none> for an empty replica set selector', () => {
    const d: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: {
        template: {},
        selector: {
          matchLabels: { tier: 'web' },
          matchExpressions: [{ key: 'app', operator: 'In', values: ['b', 'a'] }],
        },
      },
    };
    expect(deploymentTable.row(d, NOW)[7]).to.equal('app in (a,b),tier=web');
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'x' },
      spec: { selector: {} },
    };
    expect(replicaSetTable.row(rs, NOW)[7]).to.equal('<none>');
  });
});

describe('printEvent (TestPrintEvent)', () => {
  const base = (extra: Partial<Event>): Event => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'event1' },
    involvedObject: { kind: 'Deployment', name: 'Deployment Name', fieldPath: 'spec.containers{foo}' },
    reason: 'Event Reason',
    message: 'Message Data',
    ...extra,
  });
  it('basic event', () => {
    const ev = base({
      source: { component: 'kubelet' },
      involvedObject: { kind: 'Pod', name: 'Pod Name', fieldPath: 'spec.containers{foo}' },
      firstTimestamp: ago(3 * DAY),
      lastTimestamp: ago(2 * DAY),
      count: 6,
      type: 'Normal',
    });
    expect(eventTable.row(ev, NOW).filter((_, i) => !eventTable.columns[i]!.wide)).to.deep.equal([
      '2d',
      'Normal',
      'Event Reason',
      'pod/Pod Name',
      'Message Data',
    ]);
  });
  const wide: Array<[string, Event, string[]]> = [
    [
      'wide',
      base({
        metadata: { name: 'event2' },
        source: { component: 'kubelet', host: 'Node1' },
        firstTimestamp: ago(3 * DAY),
        lastTimestamp: ago(2 * DAY),
        count: 6,
        type: 'Warning',
      }),
      [
        '2d',
        'Warning',
        'Event Reason',
        'deployment/Deployment Name',
        'spec.containers{foo}',
        'kubelet, Node1',
        'Message Data',
        '3d',
        '6',
        'event2',
      ],
    ],
    [
      'without FirstTimestamp',
      base({
        metadata: { name: 'event3' },
        source: { component: 'kubelet', host: 'Node1' },
        eventTime: ago(3 * DAY),
        lastTimestamp: ago(3 * DAY),
        count: 1,
        type: 'Warning',
      }),
      [
        '3d',
        'Warning',
        'Event Reason',
        'deployment/Deployment Name',
        'spec.containers{foo}',
        'kubelet, Node1',
        'Message Data',
        '3d',
        '1',
        'event3',
      ],
    ],
    [
      'without LastTimestamp',
      base({
        metadata: { name: 'event4' },
        source: { component: 'kubelet', host: 'Node1' },
        eventTime: ago(3 * DAY),
        firstTimestamp: ago(3 * DAY),
        count: 1,
        type: 'Warning',
      }),
      [
        '3d',
        'Warning',
        'Event Reason',
        'deployment/Deployment Name',
        'spec.containers{foo}',
        'kubelet, Node1',
        'Message Data',
        '3d',
        '1',
        'event4',
      ],
    ],
    [
      'series',
      base({
        metadata: { name: 'event6' },
        source: { component: 'kubelet', host: 'Node1' },
        series: { count: 2, lastObservedTime: ago(2 * DAY) },
        eventTime: ago(3 * DAY),
        type: 'Warning',
      }),
      [
        '2d',
        'Warning',
        'Event Reason',
        'deployment/Deployment Name',
        'spec.containers{foo}',
        'kubelet, Node1',
        'Message Data',
        '3d',
        '2',
        'event6',
      ],
    ],
    [
      'singleton without count',
      base({
        metadata: { name: 'event7' },
        source: { component: 'kubelet', host: 'Node1' },
        eventTime: ago(3 * DAY),
        type: 'Warning',
      }),
      [
        '3d',
        'Warning',
        'Event Reason',
        'deployment/Deployment Name',
        'spec.containers{foo}',
        'kubelet, Node1',
        'Message Data',
        '3d',
        '1',
        'event7',
      ],
    ],
    [
      'empty source: reporting controller and instance',
      base({
        metadata: { name: 'event2' },
        reportingComponent: 'kubelet',
        reportingInstance: 'test',
        firstTimestamp: ago(3 * DAY),
        lastTimestamp: ago(2 * DAY),
        count: 6,
        type: 'Warning',
      }),
      [
        '2d',
        'Warning',
        'Event Reason',
        'deployment/Deployment Name',
        'spec.containers{foo}',
        'kubelet, test',
        'Message Data',
        '3d',
        '6',
        'event2',
      ],
    ],
  ];
  for (const [name, ev, want] of wide)
    it(name, () => {
      expect(eventTable.row(ev, NOW)).to.deep.equal(want);
    });
});

describe('printNamespace (TestPrintNamespace)', () => {
  it('with status and age, and without', () => {
    const ns1: Namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'namespace1', creationTimestamp: timestampOf(NOW + 1900) },
      status: { phase: 'FooStatus' },
    };
    expect(namespaceTable.row(ns1, NOW)).to.deep.equal(['namespace1', 'FooStatus', '0s']);
    const ns2: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'namespace2' } };
    expect(namespaceTable.row(ns2, NOW)).to.deep.equal(['namespace2', '', '<unknown>']);
  });
});

describe('printEndpointSlice (TestPrintEndpointSlice)', () => {
  const slice = (name: string, created: string, ports: number[], endpoints: string[][]): EndpointSlice => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, creationTimestamp: created },
    addressType: 'IP' as never,
    ports: ports.map((port, i) => ({
      name: ['http', 'https', 'extra1', 'extra2'][i],
      port,
      protocol: 'TCP',
    })),
    endpoints: endpoints.map((addresses) => ({ addresses })),
  });
  const cases: Array<[EndpointSlice, string]> = [
    [
      slice('abcslice.123', timestampOf(NOW + 1900), [80], [['10.1.2.3', '2001:db8::1234:5678']]),
      'abcslice.123   IP    80    10.1.2.3,2001:db8::1234:5678   0s\n',
    ],
    [
      slice(
        'longerslicename.123',
        ago(300 * S),
        [80, 443],
        [
          ['10.1.2.3', '2001:db8::1234:5678'],
          ['10.2.3.4', '2001:db8::2345:6789'],
        ],
      ),
      'longerslicename.123   IP    80,443   10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...   5m\n',
    ],
    [
      slice(
        'multiportslice.123',
        ago(300 * S),
        [80, 443, 3000, 3001],
        [
          ['10.1.2.3', '2001:db8::1234:5678'],
          ['10.2.3.4', '2001:db8::2345:6789'],
        ],
      ),
      'multiportslice.123   IP    80,443,3000 + 1 more...   10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...   5m\n',
    ],
  ];
  cases.forEach(([es, want], i) => {
    it(`${i}`, () => {
      expect(alignColumns([endpointSliceTable.row(es, NOW)])).to.equal(want);
    });
  });
  it('<unset> for no ports or endpoints', () => {
    expect(endpointSliceTable.row(slice('x', ago(0), [], []), NOW)).to.deep.equal([
      'x',
      'IP',
      '<unset>',
      '<unset>',
      '0s',
    ]);
  });
});

describe('formatEndpoints', () => {
  const ep = (subsets: Endpoints['subsets']): Endpoints => ({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'web' },
    subsets,
  });
  const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));
  it('is <none> without subsets', () => {
    expect(formatEndpoints(ep(undefined))).to.equal('<none>');
  });
  it('lists ready addresses with each port', () => {
    expect(
      formatEndpoints(ep([{ addresses: addrs('10.244.0.2', '10.244.1.2'), ports: [{ port: 80 }] }])),
    ).to.equal('10.244.0.2:80,10.244.1.2:80');
  });
  it('leaves not-ready addresses out', () => {
    expect(
      formatEndpoints(
        ep([
          { addresses: addrs('10.244.0.2'), notReadyAddresses: addrs('10.244.0.3'), ports: [{ port: 80 }] },
        ]),
      ),
    ).to.equal('10.244.0.2:80');
  });
  it('shows three and counts the rest', () => {
    expect(
      formatEndpoints(
        ep([
          {
            addresses: addrs('1.1.1.1', '1.1.1.2', '1.1.1.3', '1.1.1.4'),
            ports: [{ port: 80 }, { port: 443 }],
          },
        ]),
      ),
    ).to.equal('1.1.1.1:80,1.1.1.2:80,1.1.1.3:80 + 5 more...');
  });
  it('prints bare IPs for subsets without ports, brackets IPv6 with ports', () => {
    expect(formatEndpoints(ep([{ addresses: addrs('1.1.1.1') }]))).to.equal('1.1.1.1');
    expect(formatEndpoints(ep([{ addresses: addrs('2001:db8::1'), ports: [{ port: 80 }] }]))).to.equal(
      '[2001:db8::1]:80',
    );
  });
  it('is empty for a subset with no ready address (the table shows an empty cell)', () => {
    expect(
      endpointsTable.row(ep([{ notReadyAddresses: addrs('1.1.1.1'), ports: [{ port: 80 }] }]), NOW)[1],
    ).to.equal('');
  });
});
