import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { EndpointSubset, Endpoints, Pod, Service } from '../../api/types.js';
import {
  capacityAnnotationSetCorrectly,
  desiredSubsets,
  endpointsLabels,
  endpointsUpToDate,
  podToEndpointAddress,
  subsetsEqualIgnoringResourceVersion,
  truncateEndpoints,
} from './endpoints-desired.js';

// Helpers after endpoints_controller_test.go testPod / addPods: pod i has IP 1.2.3.(4+i) and
// container ports port0.. on 8080...
function testPod(
  ns: string,
  id: number,
  nPorts: number,
  ready: boolean,
  extra: Partial<Pod['metadata']> = {},
): Pod {
  const ip = `1.2.${3 + Math.floor((4 + id) / 256)}.${(4 + id) % 256}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod${id}`, namespace: ns, uid: `uid-${id}`, labels: { foo: 'bar' }, ...extra },
    spec: {
      nodeName: '',
      containers: [
        {
          name: 'c',
          ports: Array.from({ length: nPorts }, (_, j) => ({ name: `port${j}`, containerPort: 8080 + j })),
        },
      ],
    },
    status: {
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

const service = (spec: Service['spec'], labels?: Record<string, string>): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'foo', namespace: 'other', ...(labels ? { labels } : {}) },
  spec: { selector: { foo: 'bar' }, ipFamilies: ['IPv4'], ...spec },
});

const addr = (ip: string, name: string, ns = 'other') => ({
  ip,
  nodeName: '',
  targetRef: { kind: 'Pod', namespace: ns, name, uid: `uid-${name.slice(3)}` },
});

describe('desiredSubsets (syncService)', () => {
  it('TestSyncEndpointsItems: 3 ready pods, 2 ports → one subset with both ports', () => {
    const pods = [0, 1, 2].map((i) => testPod('other', i, 2, true));
    const { subsets } = desiredSubsets(
      service({
        ports: [
          { name: 'port0', port: 80, protocol: 'TCP', targetPort: 8080 },
          { name: 'port1', port: 88, protocol: 'TCP', targetPort: 8088 },
        ],
      }),
      pods,
    );
    expect(subsets).to.have.length(1);
    expect(subsets[0]!.addresses).to.deep.equal([
      addr('1.2.3.4', 'pod0'),
      addr('1.2.3.5', 'pod1'),
      addr('1.2.3.6', 'pod2'),
    ]);
    expect(subsets[0]!.ports).to.have.deep.members([
      { name: 'port0', port: 8080, protocol: 'TCP' },
      { name: 'port1', port: 8088, protocol: 'TCP' },
    ]);
  });

  it('TestSyncEndpointsItemsEmptySelectorSelectsAllMixed: a ready and a not-ready pod share one subset', () => {
    const { subsets } = desiredSubsets(
      service({ ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] }),
      [testPod('other', 0, 1, true), testPod('other', 1, 1, false)],
    );
    expect(subsets).to.deep.equal([
      {
        addresses: [addr('1.2.3.4', 'pod0')],
        notReadyAddresses: [addr('1.2.3.5', 'pod1')],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('TestSyncEndpointsProtocolUDP/SCTP: the Service port protocol is kept', () => {
    for (const protocol of ['UDP', 'SCTP']) {
      const { subsets } = desiredSubsets(service({ ports: [{ port: 80, protocol, targetPort: 8080 }] }), [
        testPod('other', 0, 1, true),
      ]);
      expect(subsets[0]!.ports).to.deep.equal([{ port: 8080, protocol }]);
    }
  });

  it('TestSyncEndpointsHeadlessWithoutPort: a headless Service without ports lists its pods without ports', () => {
    const { subsets } = desiredSubsets(service({ clusterIP: 'None', ports: undefined }), [
      testPod('other', 0, 1, true),
    ]);
    expect(subsets).to.deep.equal([{ addresses: [addr('1.2.3.4', 'pod0')] }]);
  });

  it('leaves a pod without the named port out of that port only', () => {
    const withHttp = testPod('other', 0, 0, true);
    withHttp.spec!.containers[0]!.ports = [{ name: 'http', containerPort: 8080 }];
    const withoutHttp = testPod('other', 1, 0, true);
    const { subsets } = desiredSubsets(
      service({
        ports: [
          { name: 'web', port: 80, protocol: 'TCP', targetPort: 'http' },
          { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 9090 },
        ],
      }),
      [withHttp, withoutHttp],
    );
    const byPorts = subsets.map((s) => [
      s.ports!.map((p) => p.name).join('+'),
      s.addresses!.map((a) => a.targetRef!.name),
    ]);
    // Repacked: the metrics port is offered by both pods, the named web port only by pod0.
    expect(byPorts).to.have.deep.members([
      ['web', ['pod0']],
      ['metrics', ['pod0', 'pod1']],
    ]);
  });

  it('resolves a named port per pod (pods may map it to different container ports)', () => {
    const a = testPod('other', 0, 0, true);
    a.spec!.containers[0]!.ports = [{ name: 'http', containerPort: 8080 }];
    const b = testPod('other', 1, 0, true);
    b.spec!.containers[0]!.ports = [{ name: 'http', containerPort: 9090 }];
    const { subsets } = desiredSubsets(
      service({ ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }] }),
      [a, b],
    );
    expect(subsets.map((s) => `${s.addresses![0]!.ip}:${s.ports![0]!.port}`)).to.have.members([
      '1.2.3.4:8080',
      '1.2.3.5:9090',
    ]);
  });

  it('TestEndpointPortFromServicePort: appProtocol is carried over', () => {
    const { subsets } = desiredSubsets(
      service({
        ports: [{ name: 'test', port: 80, protocol: 'TCP', targetPort: 8080, appProtocol: 'http' }],
      }),
      [testPod('other', 0, 1, true)],
    );
    expect(subsets[0]!.ports).to.deep.equal([
      { name: 'test', port: 8080, protocol: 'TCP', appProtocol: 'http' },
    ]);
  });

  it('sets the hostname for a pod whose subdomain is the Service', () => {
    const p = testPod('other', 0, 1, true);
    p.spec!.hostname = 'web-0';
    p.spec!.subdomain = 'foo';
    const { subsets } = desiredSubsets(
      service({ ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] }),
      [p],
    );
    expect(subsets[0]!.addresses![0]!.hostname).to.equal('web-0');
  });
});

// TestSyncServiceAddresses: phase × ready × terminating × publishNotReadyAddresses.
describe('desiredSubsets (TestSyncServiceAddresses)', () => {
  const makePod = (phase: string, ready: boolean, terminating: boolean): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'fakepod',
      namespace: 'ns',
      labels: { foo: 'bar' },
      ...(terminating ? { deletionTimestamp: '2025-01-01T00:00:30Z' } : {}),
    },
    spec: { containers: [{ name: 'c', ports: [{ name: 'port1', containerPort: 8080 }] }] },
    status: {
      phase,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      podIP: '10.1.1.1',
      podIPs: [{ ip: '10.1.1.1' }],
    },
  });
  const makeService = (tolerateUnready: boolean): Service => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'foo', namespace: 'ns' },
    spec: {
      selector: { foo: 'bar' },
      publishNotReadyAddresses: tolerateUnready,
      type: 'ClusterIP',
      clusterIP: '1.1.1.1',
      ports: [{ port: 80 }],
      ipFamilies: ['IPv4'],
    },
  });
  const cases: Array<[string, Pod, Service, number, number]> = [
    ['pod running phase', makePod('Running', true, false), makeService(false), 1, 0],
    ['pod running phase being deleted', makePod('Running', true, true), makeService(false), 0, 0],
    ['pod unknown phase container ready', makePod('Unknown', true, false), makeService(false), 1, 0],
    [
      'pod unknown phase container ready being deleted',
      makePod('Unknown', true, true),
      makeService(false),
      0,
      0,
    ],
    ['pod pending phase container ready', makePod('Pending', true, false), makeService(false), 1, 0],
    [
      'pod pending phase container ready being deleted',
      makePod('Pending', true, true),
      makeService(false),
      0,
      0,
    ],
    ['pod unknown phase container not ready', makePod('Unknown', false, false), makeService(false), 0, 1],
    ['pod pending phase container not ready', makePod('Pending', false, false), makeService(false), 0, 1],
    ['pod failed phase', makePod('Failed', false, false), makeService(false), 0, 0],
    ['pod succeeded phase', makePod('Succeeded', false, false), makeService(false), 0, 0],
    ['pod running phase and tolerate unready', makePod('Running', false, false), makeService(true), 1, 0],
    [
      'pod running phase and tolerate unready being deleted',
      makePod('Running', false, true),
      makeService(true),
      1,
      0,
    ],
    ['pod unknown phase and tolerate unready', makePod('Unknown', false, false), makeService(true), 1, 0],
    [
      'pod unknown phase and tolerate unready being deleted',
      makePod('Unknown', false, true),
      makeService(true),
      1,
      0,
    ],
    ['pod pending phase and tolerate unready', makePod('Pending', false, false), makeService(true), 1, 0],
    [
      'pod pending phase and tolerate unready being deleted',
      makePod('Pending', false, true),
      makeService(true),
      1,
      0,
    ],
    ['pod failed phase and tolerate unready', makePod('Failed', false, false), makeService(true), 0, 0],
    [
      'pod succeeded phase and tolerate unready endpoints',
      makePod('Succeeded', false, false),
      makeService(true),
      0,
      0,
    ],
  ];
  for (const [name, pod, svc, ready, unready] of cases) {
    it(name, () => {
      const { subsets } = desiredSubsets(svc, [pod]);
      const count = (key: 'addresses' | 'notReadyAddresses') =>
        subsets.reduce((n, s) => n + (s[key]?.length ?? 0), 0);
      expect(count('addresses')).to.equal(ready);
      expect(count('notReadyAddresses')).to.equal(unready);
    });
  }
});

describe('podToEndpointAddress (TestPodToEndpointAddressForService, IPv4 rows)', () => {
  const cases: Array<[string, Service['spec']]> = [
    ['v4 service, in a single stack cluster', { clusterIP: '10.0.0.1', ipFamilies: ['IPv4'] }],
    ['v4 headless service, in a single stack cluster', { clusterIP: 'None', ipFamilies: ['IPv4'] }],
    ['service without ipFamilies uses its ClusterIP family', { clusterIP: '10.0.0.1' }],
  ];
  for (const [name, spec] of cases) {
    it(name, () => {
      const p = testPod('test', 0, 1, true);
      p.spec!.nodeName = 'node-1';
      const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec };
      expect(podToEndpointAddress(svc, p)).to.deep.equal({
        ip: '1.2.3.4',
        nodeName: 'node-1',
        targetRef: { kind: 'Pod', namespace: 'test', name: 'pod0', uid: 'uid-0' },
      });
    });
  }

  it('v6 service, in a v4 only cluster: no address', () => {
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ipFamilies: ['IPv6'] },
    };
    expect(podToEndpointAddress(svc, testPod('test', 0, 1, true))).to.equal(undefined);
  });
});

describe('truncateEndpoints (TestTruncateEndpoints)', () => {
  const cases: Array<[string, number[], number[], number[], number[]]> = [
    ['empty', [], [], [], []],
    [
      'total endpoints < max capacity',
      [50, 100, 100, 100, 100],
      [50, 100, 100, 100, 100],
      [50, 100, 100, 100, 100],
      [50, 100, 100, 100, 100],
    ],
    [
      'total endpoints = max capacity',
      [100, 100, 100, 100, 100],
      [100, 100, 100, 100, 100],
      [100, 100, 100, 100, 100],
      [100, 100, 100, 100, 100],
    ],
    [
      'total ready endpoints < max capacity, but total endpoints > max capacity',
      [90, 110, 50, 10, 20],
      [101, 200, 200, 201, 298],
      [90, 110, 50, 10, 20],
      [73, 144, 144, 145, 214],
    ],
    [
      'total ready endpoints > max capacity',
      [205, 400, 402, 400, 693],
      [100, 200, 200, 200, 300],
      [98, 191, 192, 191, 328],
      [0, 0, 0, 0, 0],
    ],
  ];
  for (const [name, ready, notReady, wantReady, wantNotReady] of cases) {
    it(name, () => {
      const subsets: EndpointSubset[] = ready.map((n, i) => ({
        addresses: Array.from({ length: n }, () => ({ ip: '' })),
        notReadyAddresses: Array.from({ length: notReady[i]! }, () => ({ ip: '' })),
      }));
      const out = truncateEndpoints(subsets) ?? subsets;
      expect(out.map((s) => s.addresses?.length ?? 0)).to.deep.equal(wantReady);
      expect(out.map((s) => s.notReadyAddresses?.length ?? 0)).to.deep.equal(wantNotReady);
    });
  }

  it('capacityAnnotationSetCorrectly: absent under the cap, always rewritten above it', () => {
    const under: EndpointSubset[] = [{ addresses: Array.from({ length: 1000 }, () => ({ ip: '' })) }];
    const over: EndpointSubset[] = [{ addresses: Array.from({ length: 1001 }, () => ({ ip: '' })) }];
    expect(capacityAnnotationSetCorrectly({}, under)).to.equal(true);
    expect(
      capacityAnnotationSetCorrectly({ 'endpoints.kubernetes.io/over-capacity': 'truncated' }, under),
    ).to.equal(false);
    expect(
      capacityAnnotationSetCorrectly({ 'endpoints.kubernetes.io/over-capacity': 'truncated' }, over),
    ).to.equal(false);
  });
});

describe('labels and the up-to-date test', () => {
  it('copies the Service labels, adds managed-by, and marks headless Services', () => {
    expect(endpointsLabels(service({ clusterIP: '10.96.5.5' }, { app: 'web' }))).to.deep.equal({
      app: 'web',
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
    });
    expect(endpointsLabels(service({ clusterIP: 'None' }))).to.deep.equal({
      'service.kubernetes.io/headless': '',
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
    });
  });

  it('TestSyncEndpointsHeadlessServiceLabel / PreexistingIdentical: the headless and managed-by labels do not force a write', () => {
    const current: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'foo',
        labels: {
          'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
          'service.kubernetes.io/headless': '',
        },
      },
    };
    expect(endpointsUpToDate(current, service({}), [])).to.equal(true);
    expect(endpointsUpToDate(current, service({}, { app: 'x' }), [])).to.equal(false);
    const unlabelled: Endpoints = { ...current, metadata: { name: 'foo' } };
    expect(endpointsUpToDate(unlabelled, service({}), [])).to.equal(false);
  });

  // TestEndpointSubsetsEqualIgnoreResourceVersion.
  const es1: EndpointSubset = {
    addresses: [
      { ip: '1.1.1.1', targetRef: { kind: 'Pod', name: 'pod1-1', namespace: 'ns', resourceVersion: '1' } },
    ],
    notReadyAddresses: [
      { ip: '1.1.1.2', targetRef: { kind: 'Pod', name: 'pod1-2', namespace: 'ns2', resourceVersion: '2' } },
    ],
    ports: [{ port: 8081, protocol: 'TCP' }],
  };
  const es2: EndpointSubset = {
    addresses: [
      { ip: '2.2.2.1', targetRef: { kind: 'Pod', name: 'pod2-1', namespace: 'ns', resourceVersion: '3' } },
    ],
    notReadyAddresses: [
      { ip: '2.2.2.2', targetRef: { kind: 'Pod', name: 'pod2-2', namespace: 'ns2', resourceVersion: '4' } },
    ],
    ports: [{ port: 8082, protocol: 'TCP' }],
  };
  const mutate = (s: EndpointSubset, f: (c: EndpointSubset) => void) => {
    const c = structuredClone(s);
    f(c);
    return c;
  };
  const cases: Array<[string, EndpointSubset[], EndpointSubset[], boolean]> = [
    ['Subsets removed', [es1, es2], [es1], false],
    [
      'Ready Pod IP changed',
      [es1, es2],
      [mutate(es1, (c) => (c.addresses![0]!.ip = '1.1.1.10')), es2],
      false,
    ],
    [
      'NotReady Pod IP changed',
      [es1, es2],
      [es1, mutate(es2, (c) => (c.notReadyAddresses![0]!.ip = '2.2.2.10'))],
      false,
    ],
    [
      'Pod ResourceVersion changed',
      [es1, es2],
      [es1, mutate(es2, (c) => (c.addresses![0]!.targetRef!.resourceVersion = '100'))],
      true,
    ],
    [
      'Pod ResourceVersion removed',
      [es1, es2],
      [es1, mutate(es2, (c) => delete c.addresses![0]!.targetRef!.resourceVersion)],
      true,
    ],
    ['Ports changed', [es1, es2], [es1, mutate(es1, (c) => (c.ports![0]!.port = 8082))], false],
  ];
  for (const [name, a, b, want] of cases) {
    it(`subsetsEqualIgnoringResourceVersion: ${name}`, () => {
      expect(subsetsEqualIgnoringResourceVersion(a, b)).to.equal(want);
    });
  }
});
