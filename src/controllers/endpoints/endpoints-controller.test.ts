import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { EndpointSlice, Endpoints } from '../../api/types.js';
import { runningPod, service, setReady, type TestCluster, testCluster } from './test-cluster.js';

function endpoints(c: TestCluster, name: string, ns = 'default'): Endpoints | undefined {
  return c.store.get('Endpoints', ns, name);
}

function slicesOf(c: TestCluster, svc: string, ns = 'default'): EndpointSlice[] {
  return c.store
    .list('EndpointSlice', ns)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
}

const readyIPs = (ep: Endpoints | undefined) =>
  (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip));
const notReadyIPs = (ep: Endpoints | undefined) =>
  (ep?.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip));

describe('EndpointsController and EndpointSliceController on a real store', () => {
  it('lists 3 ready pods of app=web in one subset and one slice', () => {
    const c = testCluster();
    c.store.create(service('web'));
    for (const name of ['web-a', 'web-b', 'web-c']) runningPod(c, name);
    c.loop.settle();

    const ep = endpoints(c, 'web')!;
    expect(ep.subsets).to.have.length(1);
    expect(readyIPs(ep)).to.deep.equal(['10.244.0.2', '10.244.0.3', '10.244.0.4']);
    expect(ep.subsets![0]!.ports).to.deep.equal([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(ep.subsets![0]!.addresses![0]).to.deep.equal({
      ip: '10.244.0.2',
      nodeName: 'node-1',
      targetRef: {
        kind: 'Pod',
        namespace: 'default',
        name: 'web-a',
        uid: c.store.get('Pod', 'default', 'web-a')!.metadata.uid,
      },
    });
    expect(ep.metadata.labels).to.deep.equal({ 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).to.equal(
      '2025-01-01T00:00:00Z',
    );

    const slices = slicesOf(c, 'web');
    expect(slices).to.have.length(1);
    const slice = slices[0]!;
    expect(slice.metadata.name).to.match(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.generateName).to.equal('web-');
    expect(slice.metadata.labels).to.deep.equal({
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice.metadata.ownerReferences).to.deep.equal([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'web',
        uid: c.store.get('Service', 'default', 'web')!.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(slice.addressType).to.equal('IPv4');
    expect(slice.ports).to.deep.equal([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slice.endpoints.map((e) => e.addresses[0])).to.deep.equal([
      '10.244.0.2',
      '10.244.0.3',
      '10.244.0.4',
    ]);
    expect(slice.endpoints[0]).to.deep.equal({
      addresses: ['10.244.0.2'],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: {
        kind: 'Pod',
        namespace: 'default',
        name: 'web-a',
        uid: c.store.get('Pod', 'default', 'web-a')!.metadata.uid,
      },
      nodeName: 'node-1',
    });
  });

  it('moves a pod that turns not ready to notReadyAddresses, and marks it not ready in its slice in place', () => {
    const c = testCluster();
    c.store.create(service('web'));
    for (const name of ['web-a', 'web-b']) runningPod(c, name);
    c.loop.settle();
    const sliceName = slicesOf(c, 'web')[0]!.metadata.name;

    c.clock.advanceTo(5000);
    setReady(c, 'web-b', false);
    c.loop.settle();
    const ep = endpoints(c, 'web');
    expect(readyIPs(ep)).to.deep.equal(['10.244.0.2']);
    expect(notReadyIPs(ep)).to.deep.equal(['10.244.0.3']);
    expect(ep!.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).to.equal(
      '2025-01-01T00:00:05Z',
    );

    const slices = slicesOf(c, 'web');
    expect(slices.map((s) => s.metadata.name)).to.deep.equal([sliceName]);
    const b = slices[0]!.endpoints.find((e) => e.targetRef?.name === 'web-b')!;
    expect(b.conditions).to.deep.equal({ ready: false, serving: false, terminating: false });
  });

  it('takes a terminating pod out of Endpoints at once and shows it terminating in the slice', () => {
    const c = testCluster();
    c.store.create(service('web'));
    for (const name of ['web-a', 'web-b']) runningPod(c, name);
    c.loop.settle();

    c.store.delete('Pod', 'default', 'web-b');
    c.loop.settle();
    expect(c.store.get('Pod', 'default', 'web-b')?.metadata.deletionTimestamp).to.be.a('string');
    const ep = endpoints(c, 'web');
    expect(readyIPs(ep)).to.deep.equal(['10.244.0.2']);
    expect(notReadyIPs(ep)).to.deep.equal([]);
    const b = slicesOf(c, 'web')[0]!.endpoints.find((e) => e.targetRef?.name === 'web-b')!;
    expect(b.conditions).to.deep.equal({ ready: false, serving: true, terminating: true });

    c.store.delete('Pod', 'default', 'web-b', { gracePeriodSeconds: 0 });
    c.loop.settle();
    expect(slicesOf(c, 'web')[0]!.endpoints.map((e) => e.targetRef?.name)).to.deep.equal(['web-a']);
  });

  it('keeps terminating pods as ready addresses when publishNotReadyAddresses is set', () => {
    const c = testCluster();
    c.store.create(service('web', { publishNotReadyAddresses: true }));
    runningPod(c, 'web-a', { ready: false });
    c.loop.settle();
    c.store.delete('Pod', 'default', 'web-a');
    c.loop.settle();
    expect(readyIPs(endpoints(c, 'web'))).to.deep.equal(['10.244.0.2']);
    const a = slicesOf(c, 'web')[0]!.endpoints[0]!;
    expect(a.conditions).to.deep.equal({ ready: true, serving: false, terminating: true });
  });

  it('leaves out a pod without the named targetPort, and drops a relabelled pod', () => {
    const c = testCluster();
    c.store.create(
      service('web', { ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'web' }] }),
    );
    runningPod(c, 'named', {
      containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'web', containerPort: 9376 }] }],
    });
    runningPod(c, 'unnamed', { containers: [{ name: 'c', image: 'nginx' }] });
    c.loop.settle();
    expect(endpoints(c, 'web')!.subsets).to.deep.equal([
      {
        addresses: [
          {
            ip: '10.244.0.2',
            nodeName: 'node-1',
            targetRef: {
              kind: 'Pod',
              namespace: 'default',
              name: 'named',
              uid: c.store.get('Pod', 'default', 'named')!.metadata.uid,
            },
          },
        ],
        ports: [{ name: 'http', port: 9376, protocol: 'TCP' }],
      },
    ]);
    // The slice controller groups pods by their resolved ports: the pod without the port gets a slice without ports.
    const slices = slicesOf(c, 'web');
    expect(slices.map((s) => (s.ports ?? []).map((p) => p.port).join(',')).sort()).to.deep.equal([
      '',
      '9376',
    ]);

    c.store.mutate('Pod', 'default', 'named', (p) => {
      p.metadata.labels = { app: 'other' };
    });
    c.loop.settle();
    expect(endpoints(c, 'web')!.subsets).to.equal(undefined);
  });

  it('keeps an empty Endpoints object and a placeholder slice for a Service without pods (kube-dns)', () => {
    const c = testCluster();
    const ep = endpoints(c, 'kube-dns', 'kube-system')!;
    expect(ep.subsets).to.equal(undefined);
    expect(ep.metadata.labels).to.deep.equal({
      'k8s-app': 'kube-dns',
      'kubernetes.io/cluster-service': 'true',
      'kubernetes.io/name': 'CoreDNS',
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
    });
    const slices = slicesOf(c, 'kube-dns', 'kube-system');
    expect(slices).to.have.length(1);
    expect(slices[0]!.endpoints).to.deep.equal([]);
    expect(slices[0]!.ports).to.deep.equal([]);
    expect(slices[0]!.metadata.labels?.['k8s-app']).to.equal('kube-dns');
  });

  it('leaves a Service without selector alone: the user Endpoints stay, mirrored into one slice', () => {
    const c = testCluster();
    c.store.create(service('external', { selector: undefined }));
    c.store.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'external', namespace: 'default', labels: { team: 'a' } },
      subsets: [
        {
          addresses: [{ ip: '192.0.2.10' }],
          notReadyAddresses: [{ ip: '192.0.2.11' }],
          ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
        },
      ],
    });
    c.loop.settle();
    expect(endpoints(c, 'external')!.subsets).to.deep.equal([
      {
        addresses: [{ ip: '192.0.2.10' }],
        notReadyAddresses: [{ ip: '192.0.2.11' }],
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      },
    ]);
    expect(endpoints(c, 'external')!.metadata.labels).to.deep.equal({ team: 'a' });

    const mirrored = slicesOf(c, 'external');
    expect(mirrored).to.have.length(1);
    const slice = mirrored[0]!;
    expect(slice.metadata.name).to.match(/^external-[a-z0-9]{5}$/);
    expect(slice.metadata.labels).to.deep.equal({
      team: 'a',
      'kubernetes.io/service-name': 'external',
      'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
    });
    expect(slice.metadata.ownerReferences?.[0]?.kind).to.equal('Endpoints');
    expect(slice.ports).to.deep.equal([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(slice.endpoints).to.deep.equal([
      { addresses: ['192.0.2.10'], conditions: { ready: true } },
      { addresses: ['192.0.2.11'], conditions: { ready: false } },
    ]);

    // An edit to the Endpoints is mirrored in place; deleting them removes the mirror.
    c.store.mutate('Endpoints', 'default', 'external', (ep) => {
      ep.subsets = [
        { addresses: [{ ip: '192.0.2.12' }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
      ];
    });
    c.loop.settle();
    expect(
      slicesOf(c, 'external').map((s) => [s.metadata.name, s.endpoints.map((e) => e.addresses[0])]),
    ).to.deep.equal([[slice.metadata.name, ['192.0.2.12']]]);
    c.store.delete('Endpoints', 'default', 'external');
    c.loop.settle();
    expect(slicesOf(c, 'external')).to.deep.equal([]);

    // default/kubernetes is selectorless too, but skip-mirror: its apiserver-made objects are untouched.
    expect(endpoints(c, 'kubernetes')!.subsets![0]!.addresses).to.deep.equal([{ ip: '172.18.0.1' }]);
    expect(slicesOf(c, 'kubernetes').map((s) => s.metadata.name)).to.deep.equal(['kubernetes']);
  });

  it("labels a headless Service's objects and lists its pods", () => {
    const c = testCluster();
    c.store.create(service('db', { clusterIP: 'None', selector: { app: 'db' } }));
    runningPod(c, 'db-0', { labels: { app: 'db' } });
    c.loop.settle();
    expect(endpoints(c, 'db')!.metadata.labels?.['service.kubernetes.io/headless']).to.equal('');
    expect(slicesOf(c, 'db')[0]!.metadata.labels?.['service.kubernetes.io/headless']).to.equal('');
    expect(readyIPs(endpoints(c, 'db'))).to.deep.equal(['10.244.0.2']);
  });

  it('deletes the Endpoints and slices with the Service, and recreates Endpoints a user deletes', () => {
    const c = testCluster();
    c.store.create(service('web'));
    runningPod(c, 'web-a');
    c.loop.settle();
    c.store.delete('Endpoints', 'default', 'web');
    c.loop.settle();
    expect(readyIPs(endpoints(c, 'web'))).to.deep.equal(['10.244.0.2']);

    c.store.delete('Service', 'default', 'web');
    c.loop.settle();
    expect(endpoints(c, 'web')).to.equal(undefined);
    expect(slicesOf(c, 'web')).to.deep.equal([]);
  });

  it('splits 150 pods over slices of at most 100 and updates them in place', () => {
    const c = testCluster();
    c.store.create(service('big', { selector: { app: 'big' } }));
    for (let i = 0; i < 150; i++)
      runningPod(c, `big-${String(i).padStart(3, '0')}`, { labels: { app: 'big' } });
    c.loop.settle();
    const before = slicesOf(c, 'big');
    expect(before.map((s) => s.endpoints.length).sort((a, b) => a - b)).to.deep.equal([50, 100]);
    expect(readyIPs(endpoints(c, 'big'))).to.have.length(150);

    setReady(c, 'big-007', false);
    c.loop.settle();
    const after = slicesOf(c, 'big');
    expect(after.map((s) => s.metadata.name)).to.deep.equal(before.map((s) => s.metadata.name));
    const changed = after.filter(
      (s, i) => s.metadata.resourceVersion !== before[i]!.metadata.resourceVersion,
    );
    expect(changed).to.have.length(1);
  });

  it('caps Endpoints at 1000 addresses with the over-capacity annotation', () => {
    const c = testCluster();
    c.store.create(service('huge', { selector: { app: 'huge' } }));
    for (let i = 0; i < 1001; i++) runningPod(c, `huge-${i}`, { labels: { app: 'huge' } });
    c.loop.settle();
    const ep = endpoints(c, 'huge')!;
    expect(readyIPs(ep)).to.have.length(1000);
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/over-capacity']).to.equal('truncated');
    expect(slicesOf(c, 'huge').reduce((n, s) => n + s.endpoints.length, 0)).to.equal(1001);
  });

  it('produces the same objects from the same seed', () => {
    const run = () => {
      const c = testCluster(3);
      c.store.create(service('web'));
      for (const name of ['web-a', 'web-b']) runningPod(c, name);
      c.loop.settle();
      return JSON.stringify([endpoints(c, 'web'), slicesOf(c, 'web')]);
    };
    expect(run()).to.equal(run());
  });
});
