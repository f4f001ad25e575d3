import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container, Pod, Service } from '../../api/types.js';
import { findPort, podEndpointsChanged, shouldPodBeInEndpoints, shouldSetHostname } from './pod-util.js';

const pod = (containers: Container[], initContainers?: Container[]): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', uid: 'uid-1' },
  spec: { containers, ...(initContainers ? { initContainers } : {}) },
});

// Ported from pkg/api/v1/pod/util_test.go TestFindPort (service port protocol TCP).
describe('findPort (TestFindPort)', () => {
  const cases: Array<{
    name: string;
    containers: Container[];
    port: number | string;
    expected: number;
    pass: boolean;
  }> = [
    { name: 'valid int, no ports', containers: [{ name: 'c' }], port: 93, expected: 93, pass: true },
    {
      name: 'valid int, with ports',
      containers: [
        {
          name: 'c',
          ports: [
            { name: '', containerPort: 11, protocol: 'TCP' },
            { name: 'p', containerPort: 22, protocol: 'TCP' },
          ],
        },
      ],
      port: 93,
      expected: 93,
      pass: true,
    },
    { name: 'valid str, no ports', containers: [{ name: 'c' }], port: 'p', expected: 0, pass: false },
    {
      name: 'valid str, one ctr with ports',
      containers: [
        {
          name: 'c',
          ports: [
            { name: '', containerPort: 11, protocol: 'UDP' },
            { name: 'p', containerPort: 22, protocol: 'TCP' },
            { name: 'q', containerPort: 33, protocol: 'TCP' },
          ],
        },
      ],
      port: 'q',
      expected: 33,
      pass: true,
    },
    {
      name: 'valid str, two ctr with ports',
      containers: [
        { name: 'a' },
        {
          name: 'b',
          ports: [
            { name: '', containerPort: 11, protocol: 'UDP' },
            { name: 'p', containerPort: 22, protocol: 'TCP' },
            { name: 'q', containerPort: 33, protocol: 'TCP' },
          ],
        },
      ],
      port: 'q',
      expected: 33,
      pass: true,
    },
    {
      name: 'valid str, two ctr with same port',
      containers: [
        { name: 'a' },
        {
          name: 'b',
          ports: [
            { name: '', containerPort: 11, protocol: 'UDP' },
            { name: 'p', containerPort: 22, protocol: 'TCP' },
            { name: 'q', containerPort: 22, protocol: 'TCP' },
          ],
        },
      ],
      port: 'q',
      expected: 22,
      pass: true,
    },
    {
      name: 'valid str, invalid protocol',
      containers: [{ name: 'a' }, { name: 'b', ports: [{ name: 'a', containerPort: 11, protocol: 'snmp' }] }],
      port: 'a',
      expected: 0,
      pass: false,
    },
    {
      name: 'valid hostPort',
      containers: [
        { name: 'a' },
        { name: 'b', ports: [{ name: 'a', containerPort: 11, hostPort: 81, protocol: 'TCP' }] },
      ],
      port: 'a',
      expected: 11,
      pass: true,
    },
    {
      name: 'invalid ContainerPort (passes, as upstream)',
      containers: [{ name: 'a' }, { name: 'b', ports: [{ name: 'a', containerPort: -1, protocol: 'TCP' }] }],
      port: 'a',
      expected: -1,
      pass: true,
    },
    {
      name: 'HostIP Address',
      containers: [
        { name: 'a' },
        { name: 'b', ports: [{ name: 'a', containerPort: 11, hostIP: '192.168.1.1', protocol: 'TCP' }] },
      ],
      port: 'a',
      expected: 11,
      pass: true,
    },
    {
      name: 'a container port without protocol counts as TCP',
      containers: [{ name: 'a', ports: [{ name: 'http', containerPort: 8080 }] }],
      port: 'http',
      expected: 8080,
      pass: true,
    },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      const got = findPort(pod(tc.containers), { port: 80, protocol: 'TCP', targetPort: tc.port });
      if (tc.pass) expect(got).to.equal(tc.expected);
      else {
        expect(got).to.be.instanceOf(Error);
        expect((got as Error).message).to.equal('no suitable port for manifest: uid-1');
      }
    });
  }

  it('finds a named port on a sidecar (restartPolicy Always init container), not on a plain init container', () => {
    const sidecar = pod(
      [{ name: 'main' }],
      [{ name: 'proxy', restartPolicy: 'Always', ports: [{ name: 'proxy', containerPort: 15001 }] }],
    );
    expect(findPort(sidecar, { port: 80, protocol: 'TCP', targetPort: 'proxy' })).to.equal(15001);
    const plain = pod(
      [{ name: 'main' }],
      [{ name: 'init', ports: [{ name: 'proxy', containerPort: 15001 }] }],
    );
    expect(findPort(plain, { port: 80, protocol: 'TCP', targetPort: 'proxy' })).to.be.instanceOf(Error);
  });

  it('uses the port itself when targetPort is unset (the default)', () => {
    expect(findPort(pod([{ name: 'c' }]), { port: 8080 })).to.equal(8080);
  });
});

describe('shouldPodBeInEndpoints', () => {
  const base = (status: Pod['status'], deleting = false): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...(deleting ? { deletionTimestamp: '2025-01-01T00:00:30Z' } : {}) },
    status,
  });
  const cases: Array<[string, Pod, boolean, boolean]> = [
    ['running with an IP', base({ phase: 'Running', podIP: '10.244.0.2' }), false, true],
    ['no IP yet', base({ phase: 'Pending' }), false, false],
    ['only podIPs set', base({ phase: 'Running', podIPs: [{ ip: '10.244.0.2' }] }), false, true],
    ['Failed', base({ phase: 'Failed', podIP: '10.244.0.2' }), true, false],
    ['Succeeded', base({ phase: 'Succeeded', podIP: '10.244.0.2' }), true, false],
    ['terminating, not included', base({ phase: 'Running', podIP: '10.244.0.2' }, true), false, false],
    ['terminating, included', base({ phase: 'Running', podIP: '10.244.0.2' }, true), true, true],
  ];
  for (const [name, p, includeTerminating, want] of cases) {
    it(name, () => {
      expect(shouldPodBeInEndpoints(p, includeTerminating)).to.equal(want);
    });
  }
});

describe('shouldSetHostname and podEndpointsChanged', () => {
  const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'default' } };
  it('sets the hostname only for pods with hostname and subdomain = Service name', () => {
    const p = (hostname?: string, subdomain?: string): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x', namespace: 'default' },
      spec: { containers: [], hostname, subdomain },
    });
    expect(shouldSetHostname(p('db-0', 'db'), svc)).to.equal(true);
    expect(shouldSetHostname(p('db-0', 'other'), svc)).to.equal(false);
    expect(shouldSetHostname(p(undefined, 'db'), svc)).to.equal(false);
  });

  it('reports readiness, IP, deletion and label changes', () => {
    const p = (ready: boolean, ip: string, labels: Record<string, string>, deleting = false): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x', labels, ...(deleting ? { deletionTimestamp: 't' } : {}) },
      status: { podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    });
    expect(podEndpointsChanged(p(true, '1.1.1.1', { a: 'b' }), p(true, '1.1.1.1', { a: 'b' }))).to.deep.equal(
      [false, false],
    );
    expect(
      podEndpointsChanged(p(true, '1.1.1.1', { a: 'b' }), p(false, '1.1.1.1', { a: 'b' })),
    ).to.deep.equal([true, false]);
    expect(podEndpointsChanged(p(true, '1.1.1.1', { a: 'b' }), p(true, '1.1.1.2', { a: 'b' }))).to.deep.equal(
      [true, false],
    );
    expect(podEndpointsChanged(p(true, '1.1.1.1', { a: 'b' }), p(true, '1.1.1.1', { a: 'c' }))).to.deep.equal(
      [false, true],
    );
    expect(podEndpointsChanged(p(true, '1.1.1.1', {}, true), p(true, '1.1.1.1', {}, true))).to.deep.equal([
      true,
      false,
    ]);
  });
});
