import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Node, Pod, Service } from '../../api/types.js';
import {
  endpointPorts,
  newEndpointSlice,
  podToEndpoint,
  portMapKey,
  sliceLabels,
} from './endpointslice-util.js';

const ns = 'test';
const svc = (
  name: string,
  extra: Partial<Service['spec']> = {},
  labels?: Record<string, string>,
): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: ns, uid: `uid-${name}`, ...(labels ? { labels } : {}) },
  spec: { clusterIP: '1.1.1.1', ports: [{ port: 80 }], selector: { foo: 'bar' }, ...extra },
});

// newPod(1, ns, ready, 1, terminating) of the upstream tests: IP 1.2.3.5 on node-1.
function newPod(ready: boolean, terminating: boolean): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'pod1',
      namespace: ns,
      uid: 'uid-pod1',
      labels: { foo: 'bar' },
      ...(terminating ? { deletionTimestamp: '2025-01-01T00:00:30Z' } : {}),
    },
    spec: {
      nodeName: 'node-1',
      containers: [{ name: 'c', ports: [{ name: 'port0', containerPort: 8080 }] }],
    },
    status: {
      podIP: '1.2.3.5',
      podIPs: [{ ip: '1.2.3.5' }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

const node1: Node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'node-1',
    labels: {
      'topology.kubernetes.io/zone': 'us-central1-a',
      'topology.kubernetes.io/region': 'us-central1',
    },
  },
};

const ref = { kind: 'Pod', namespace: ns, name: 'pod1', uid: 'uid-pod1' };

// Ported from k8s.io/endpointslice/utils_test.go TestPodToEndpoint.
describe('podToEndpoint (TestPodToEndpoint)', () => {
  const publishNotReady = svc('publishnotready', { publishNotReadyAddresses: true });
  const hostnamePod = newPod(true, false);
  hostnamePod.spec!.subdomain = 'foo';
  hostnamePod.spec!.hostname = 'example-hostname';
  const multiIP = newPod(true, false);
  multiIP.status!.podIPs = [{ ip: '1.2.3.4' }, { ip: '1234::5678:0000:0000:9abc:def0' }];
  const cases: Array<[string, Pod, Node | undefined, Service, object]> = [
    [
      'Ready pod',
      newPod(true, false),
      undefined,
      svc('foo'),
      {
        addresses: ['1.2.3.5'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'node-1',
        targetRef: ref,
      },
    ],
    [
      'Ready pod + publishNotReadyAddresses',
      newPod(true, false),
      undefined,
      publishNotReady,
      {
        addresses: ['1.2.3.5'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'node-1',
        targetRef: ref,
      },
    ],
    [
      'Unready pod',
      newPod(false, false),
      undefined,
      svc('foo'),
      {
        addresses: ['1.2.3.5'],
        conditions: { ready: false, serving: false, terminating: false },
        nodeName: 'node-1',
        targetRef: ref,
      },
    ],
    [
      'Unready pod + publishNotReadyAddresses',
      newPod(false, false),
      undefined,
      publishNotReady,
      {
        addresses: ['1.2.3.5'],
        conditions: { ready: true, serving: false, terminating: false },
        nodeName: 'node-1',
        targetRef: ref,
      },
    ],
    [
      'Ready pod + node labels',
      newPod(true, false),
      node1,
      svc('foo'),
      {
        addresses: ['1.2.3.5'],
        conditions: { ready: true, serving: true, terminating: false },
        zone: 'us-central1-a',
        nodeName: 'node-1',
        targetRef: ref,
      },
    ],
    [
      'Multi IP Ready pod + node labels',
      multiIP,
      node1,
      svc('foo'),
      {
        addresses: ['1.2.3.4'],
        conditions: { ready: true, serving: true, terminating: false },
        zone: 'us-central1-a',
        nodeName: 'node-1',
        targetRef: ref,
      },
    ],
    [
      'Ready pod + hostname',
      hostnamePod,
      node1,
      svc('foo'),
      {
        addresses: ['1.2.3.5'],
        conditions: { ready: true, serving: true, terminating: false },
        hostname: 'example-hostname',
        zone: 'us-central1-a',
        nodeName: 'node-1',
        targetRef: ref,
      },
    ],
    [
      'Ready terminating pod',
      newPod(true, true),
      undefined,
      svc('foo'),
      {
        addresses: ['1.2.3.5'],
        conditions: { ready: false, serving: true, terminating: true },
        nodeName: 'node-1',
        targetRef: ref,
      },
    ],
    [
      'Not ready terminating pod',
      newPod(false, true),
      undefined,
      svc('foo'),
      {
        addresses: ['1.2.3.5'],
        conditions: { ready: false, serving: false, terminating: true },
        nodeName: 'node-1',
        targetRef: ref,
      },
    ],
  ];
  for (const [name, pod, node, service, want] of cases) {
    it(name, () => {
      expect(podToEndpoint(pod, node, service, 'IPv4')).to.deep.equal(want);
    });
  }
});

// Ported from TestNewEndpointSlice.
describe('newEndpointSlice (TestNewEndpointSlice)', () => {
  const meta = { ports: [{ name: 'foo', protocol: 'TCP' }], addressType: 'IPv4' as const };
  const owner = {
    apiVersion: 'v1',
    kind: 'Service',
    name: 'foo',
    uid: 'uid-foo',
    controller: true,
    blockOwnerDeletion: true,
  };
  const cases: Array<[string, Service, Record<string, string>]> = [
    [
      'Service without labels',
      svc('foo'),
      {
        'kubernetes.io/service-name': 'foo',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    ],
    [
      'Service with labels',
      svc('foo', {}, { foo: 'bar' }),
      {
        foo: 'bar',
        'kubernetes.io/service-name': 'foo',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    ],
    [
      'Headless Service with labels',
      svc('foo', { clusterIP: 'None' }, { foo: 'bar' }),
      {
        foo: 'bar',
        'service.kubernetes.io/headless': '',
        'kubernetes.io/service-name': 'foo',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    ],
    [
      'Evil service hijacking endpoint slices labels',
      svc(
        'foo',
        {},
        {
          'kubernetes.io/service-name': 'bad',
          'endpointslice.kubernetes.io/managed-by': 'actor',
          foo: 'bar',
        },
      ),
      {
        foo: 'bar',
        'kubernetes.io/service-name': 'foo',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    ],
  ];
  for (const [name, service, labels] of cases) {
    it(name, () => {
      expect(newEndpointSlice(service, meta)).to.deep.equal({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: '', generateName: 'foo-', namespace: ns, labels, ownerReferences: [owner] },
        addressType: 'IPv4',
        endpoints: [],
        ports: [{ name: 'foo', protocol: 'TCP' }],
      });
    });
  }

  it('sliceLabels reports a change of the Service labels only', () => {
    const [labels, changed] = sliceLabels(
      { 'kubernetes.io/service-name': 'foo', 'endpointslice.kubernetes.io/managed-by': 'x', foo: 'bar' },
      svc('foo', {}, { foo: 'bar' }),
    );
    expect(changed).to.equal(false);
    expect(labels['endpointslice.kubernetes.io/managed-by']).to.equal('endpointslice-controller.k8s.io');
    expect(sliceLabels({ foo: 'old' }, svc('foo', {}, { foo: 'bar' }))[1]).to.equal(true);
  });
});

// TestGetEndpointPorts.
describe('endpointPorts (TestGetEndpointPorts)', () => {
  const pod = (ports: Array<{ name: string; containerPort: number }>): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', ports }] },
  });
  it('service with AppProtocol on one port', () => {
    const s = svc('s', {
      ports: [
        {
          name: 'http',
          port: 80,
          targetPort: 80,
          protocol: 'TCP',
          appProtocol: 'example.com/custom-protocol',
        },
      ],
    });
    expect(endpointPorts(s, pod([]))).to.deep.equal([
      { name: 'http', port: 80, protocol: 'TCP', appProtocol: 'example.com/custom-protocol' },
    ]);
  });
  it('service with named port and AppProtocol on one port', () => {
    const s = svc('s', {
      ports: [
        { name: 'http', port: 80, targetPort: 80, protocol: 'TCP' },
        { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP', appProtocol: 'https' },
      ],
    });
    expect(endpointPorts(s, pod([{ name: 'https', containerPort: 8443 }]))).to.have.deep.members([
      { name: 'http', port: 80, protocol: 'TCP' },
      { name: 'https', port: 8443, protocol: 'TCP', appProtocol: 'https' },
    ]);
  });
  it('names an unnamed port "" and gives a headless Service without ports none', () => {
    expect(endpointPorts(svc('s', { ports: [{ port: 80, protocol: 'TCP' }] }), pod([]))).to.deep.equal([
      { name: '', port: 80, protocol: 'TCP' },
    ]);
    expect(endpointPorts(svc('s', { clusterIP: 'None', ports: [] }), pod([]))).to.deep.equal([]);
  });
  it('gives the same port-map key whatever the order', () => {
    const a = [
      { name: 'a', port: 1, protocol: 'TCP' },
      { name: 'b', port: 2, protocol: 'TCP' },
    ];
    expect(portMapKey(a)).to.equal(portMapKey([...a].reverse()));
    expect(portMapKey([])).to.equal(portMapKey(undefined));
  });
});
