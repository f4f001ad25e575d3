import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Service } from '../../api/types.js';
import { SimClock } from '../../core/clock.js';
import { StatusError } from '../../core/errors.js';
import { Random } from '../../core/random.js';
import { Store } from '../store.js';
import { parseIPv4 } from './ipv4.js';
import { bootstrapServices, ServiceAllocator } from './services.js';

function setup(seed = 1): { store: Store; alloc: ServiceAllocator } {
  const store = new Store(new SimClock(), new Random(seed));
  for (const name of ['default', 'kube-system']) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  const alloc = new ServiceAllocator(new Random(seed).fork('services'));
  store.addAdmission(alloc);
  bootstrapServices(store);
  return { store, alloc };
}

function svc(name: string, spec: Service['spec'] = {}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { app: name }, ports: [{ port: 80, protocol: 'TCP' }], ...spec },
  };
}

function errorOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected a StatusError');
}

describe('Service admission: ClusterIP allocation', () => {
  it('gives a Service a ClusterIP from the upper band and fills clusterIPs, ipFamilies and ipFamilyPolicy', () => {
    const { store } = setup();
    const s = store.create(svc('web'));
    const ip = s.spec!.clusterIP!;
    expect(parseIPv4(ip)).to.be.within(parseIPv4('10.96.1.1')!, parseIPv4('10.111.255.254')!);
    expect(s.spec!.clusterIPs).to.deep.equal([ip]);
    expect(s.spec!.ipFamilies).to.deep.equal(['IPv4']);
    expect(s.spec!.ipFamilyPolicy).to.equal('SingleStack');
  });

  it('draws the same ClusterIPs for the same seed', () => {
    const ips = (seed: number) => {
      const { store } = setup(seed);
      return ['a', 'b', 'c'].map((n) => store.create(svc(n)).spec!.clusterIP);
    };
    expect(ips(5)).to.deep.equal(ips(5));
    expect(ips(5)).to.not.deep.equal(ips(6));
  });

  it('reserves 10.96.0.1 and 10.96.0.10 for kubernetes and kube-dns at bootstrap', () => {
    const { store, alloc } = setup();
    expect(store.get('Service', 'default', 'kubernetes')?.spec?.clusterIPs).to.deep.equal(['10.96.0.1']);
    expect(store.get('Service', 'kube-system', 'kube-dns')?.spec?.clusterIP).to.equal('10.96.0.10');
    expect(alloc.ips.has('10.96.0.1')).to.equal(true);
    expect(alloc.ips.has('10.96.0.10')).to.equal(true);
  });

  it('honours a free static ClusterIP', () => {
    const { store } = setup();
    const s = store.create(svc('web', { clusterIP: '10.96.0.20' }));
    expect(s.spec!.clusterIPs).to.deep.equal(['10.96.0.20']);
  });

  it("rejects an allocated static ClusterIP with the apiserver's message and stores nothing", () => {
    const { store } = setup();
    const err = errorOf(() => store.create(svc('dns2', { clusterIP: '10.96.0.10' })));
    expect(err.message).to.equal(
      'Service "dns2" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    expect(store.get('Service', 'default', 'dns2')).to.equal(undefined);
  });

  it('rejects a ClusterIP outside the Service CIDR as MetaAllocator does in v1.33', () => {
    const { store } = setup();
    const err = errorOf(() => store.create(svc('far', { clusterIP: '10.0.0.5' })));
    expect(err.message).to.equal(
      'Service "far" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided network does not match the current range',
    );
  });

  it('rejects an invalid IP and an IPv6 family on this single-stack cluster', () => {
    const { store } = setup();
    expect(errorOf(() => store.create(svc('bad', { clusterIP: 'banana' }))).message).to.equal(
      'Service "bad" is invalid: spec.clusterIPs[0]: Invalid value: "banana": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
    expect(errorOf(() => store.create(svc('v6', { ipFamilies: ['IPv6'] }))).message).to.equal(
      'Service "v6" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
    );
    expect(errorOf(() => store.create(svc('ds', { ipFamilyPolicy: 'RequireDualStack' }))).message).to.equal(
      'Service "ds" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    );
  });

  it('gives a headless Service no IP; without a selector it becomes RequireDualStack as upstream', () => {
    const { store, alloc } = setup();
    const used = alloc.ips.used;
    const withSelector = store.create(svc('db', { clusterIP: 'None' }));
    expect(withSelector.spec!.clusterIPs).to.deep.equal(['None']);
    expect(withSelector.spec!.ipFamilies).to.deep.equal(['IPv4']);
    expect(withSelector.spec!.ipFamilyPolicy).to.equal('SingleStack');
    const bare = store.create(svc('ext', { clusterIP: 'None', selector: undefined }));
    expect(bare.spec!.ipFamilyPolicy).to.equal('RequireDualStack');
    expect(bare.spec!.ipFamilies).to.deep.equal(['IPv4', 'IPv6']);
    expect(alloc.ips.used).to.equal(used);
  });

  it('gives an ExternalName Service no ClusterIP and no IP families', () => {
    const { store } = setup();
    const s = store.create(
      svc('ext', { type: 'ExternalName', externalName: 'example.com', selector: undefined }),
    );
    expect(s.spec!.clusterIP).to.equal(undefined);
    expect(s.spec!.clusterIPs).to.equal(undefined);
    expect(s.spec!.ipFamilies).to.equal(undefined);
  });

  it('keeps the ClusterIP when an update leaves it out, and refuses to change it', () => {
    const { store } = setup();
    const s = store.create(svc('web'));
    const ip = s.spec!.clusterIP;
    const resubmitted = store.update({ ...svc('web'), metadata: { name: 'web', labels: { tier: 'front' } } });
    expect(resubmitted.spec!.clusterIP).to.equal(ip);
    expect(resubmitted.spec!.clusterIPs).to.deep.equal([ip]);
    const err = errorOf(() =>
      store.update(svc('web', { clusterIP: '10.96.0.99', clusterIPs: ['10.96.0.99'] })),
    );
    expect(err.message).to.equal(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set',
    );
  });

  it('releases the ClusterIP on delete so it can be asked for again', () => {
    const { store, alloc } = setup();
    store.create(svc('web', { clusterIP: '10.96.0.50' }));
    store.delete('Service', 'default', 'web');
    expect(alloc.ips.has('10.96.0.50')).to.equal(false);
    expect(store.create(svc('again', { clusterIP: '10.96.0.50' })).spec!.clusterIP).to.equal('10.96.0.50');
  });

  it('allocates on ExternalName → ClusterIP and releases on ClusterIP → ExternalName', () => {
    const { store, alloc } = setup();
    const ext = svc('flip', { type: 'ExternalName', externalName: 'example.com' });
    store.create(ext);
    const up = store.update(svc('flip', { type: 'ClusterIP' }));
    const ip = up.spec!.clusterIP!;
    expect(alloc.ips.has(ip)).to.equal(true);
    const down = store.update({
      ...up,
      spec: { ...up.spec, type: 'ExternalName', externalName: 'example.com' },
    });
    expect(down.spec!.clusterIP).to.equal(undefined);
    expect(down.spec!.clusterIPs).to.equal(undefined);
    expect(alloc.ips.has(ip)).to.equal(false);
  });
});

describe('Service admission: NodePort allocation', () => {
  const nodePortSvc = (name: string, nodePort?: number): Service =>
    svc(name, {
      type: 'NodePort',
      ports: [{ port: 80, protocol: 'TCP', ...(nodePort ? { nodePort } : {}) }],
    });

  it('draws a NodePort from 30086-32767', () => {
    const { store } = setup();
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      expect(store.create(nodePortSvc(name)).spec!.ports![0]!.nodePort).to.be.within(30086, 32767);
    }
  });

  it('honours a static NodePort, and a second Service asking for it is rejected and stores nothing', () => {
    const { store, alloc } = setup();
    expect(store.create(nodePortSvc('web', 30007)).spec!.ports![0]!.nodePort).to.equal(30007);
    const ipsBefore = alloc.ips.used;
    const err = errorOf(() => store.create(nodePortSvc('web2', 30007)));
    expect(err.message).to.equal(
      'Service "web2" is invalid: spec.ports[0].nodePort: Invalid value: 30007: provided port is already allocated',
    );
    expect(store.get('Service', 'default', 'web2')).to.equal(undefined);
    expect(alloc.ips.used, 'the rejected Service keeps no ClusterIP').to.equal(ipsBefore);
  });

  it('rejects a NodePort outside the range', () => {
    const { store, alloc } = setup();
    const used = alloc.nodePorts.used;
    const err = errorOf(() => store.create(nodePortSvc('web', 40000)));
    expect(err.message).to.equal(
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(alloc.nodePorts.used).to.equal(used);
  });

  it('releases a NodePort on delete', () => {
    const { store, alloc } = setup();
    store.create(nodePortSvc('web', 30007));
    store.delete('Service', 'default', 'web');
    expect(alloc.nodePorts.has(30007)).to.equal(false);
    expect(store.create(nodePortSvc('next', 30007)).spec!.ports![0]!.nodePort).to.equal(30007);
  });

  it('gives back what it reserved when the write fails later (a taken ClusterIP after the ports)', () => {
    const { store, alloc } = setup();
    const err = errorOf(() =>
      store.create(
        svc('web', {
          type: 'NodePort',
          clusterIP: '10.96.0.10',
          ports: [{ port: 80, protocol: 'TCP', nodePort: 30007 }],
        }),
      ),
    );
    expect(err.message).to.contain('provided IP is already allocated');
    expect(alloc.nodePorts.has(30007)).to.equal(false);
  });

  it('shares one NodePort between ports with the same number (53/UDP and 53/TCP)', () => {
    const { store } = setup();
    const s = store.create(
      svc('dns', {
        type: 'NodePort',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        ],
      }),
    );
    const [udp, tcp] = s.spec!.ports!;
    expect(udp!.nodePort).to.be.a('number');
    expect(tcp!.nodePort).to.equal(udp!.nodePort);
  });

  it('keeps the NodePort across an update that leaves it out, and frees it when the type goes back to ClusterIP', () => {
    const { store, alloc } = setup();
    const created = store.create(nodePortSvc('web'));
    const port = created.spec!.ports![0]!.nodePort!;
    const resubmitted = store.update(nodePortSvc('web'));
    expect(resubmitted.spec!.ports![0]!.nodePort).to.equal(port);
    const clusterIP = store.update(svc('web', { type: 'ClusterIP', ports: resubmitted.spec!.ports }));
    expect(clusterIP.spec!.ports![0]!.nodePort).to.equal(undefined);
    expect(alloc.nodePorts.has(port)).to.equal(false);
  });

  it('allocates a new port and frees the old one when an update asks for another NodePort', () => {
    const { store, alloc } = setup();
    store.create(nodePortSvc('web', 30007));
    store.update(nodePortSvc('web', 30008));
    expect(alloc.nodePorts.has(30007)).to.equal(false);
    expect(alloc.nodePorts.has(30008)).to.equal(true);
  });

  it('gives a LoadBalancer NodePorts, and a healthCheckNodePort when externalTrafficPolicy is Local', () => {
    const { store } = setup();
    const lb = store.create(svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }));
    expect(lb.spec!.ports![0]!.nodePort).to.be.within(30000, 32767);
    expect(lb.spec!.healthCheckNodePort).to.be.within(30000, 32767);
    const noPorts = store.create(svc('lb2', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }));
    expect(noPorts.spec!.ports![0]!.nodePort).to.equal(undefined);
  });

  it('does not give a ClusterIP Service NodePorts', () => {
    const { store, alloc } = setup();
    const used = alloc.nodePorts.used;
    expect(store.create(svc('web')).spec!.ports![0]!.nodePort).to.equal(undefined);
    expect(alloc.nodePorts.used).to.equal(used);
  });
});

describe('bootstrapServices', () => {
  it('creates default/kubernetes with its Endpoints and EndpointSlice at the control-plane address', () => {
    const { store } = setup();
    const k = store.get('Service', 'default', 'kubernetes')!;
    expect(k.metadata.labels).to.deep.equal({ component: 'apiserver', provider: 'kubernetes' });
    expect(k.spec!.selector).to.equal(undefined);
    expect(k.spec!.ports).to.deep.equal([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
    const ep = store.get('Endpoints', 'default', 'kubernetes')!;
    expect(ep.subsets).to.deep.equal([
      { addresses: [{ ip: '172.18.0.1' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
    ]);
    const slice = store.get('EndpointSlice', 'default', 'kubernetes')!;
    expect(slice.metadata.labels).to.deep.equal({ 'kubernetes.io/service-name': 'kubernetes' });
    expect(slice.endpoints).to.deep.equal([{ addresses: ['172.18.0.1'], conditions: { ready: true } }]);
  });

  it('creates kube-system/kube-dns as kubeadm does', () => {
    const { store } = setup();
    const dns = store.get('Service', 'kube-system', 'kube-dns')!;
    expect(dns.spec!.selector).to.deep.equal({ 'k8s-app': 'kube-dns' });
    expect(dns.spec!.ports!.map((p) => `${p.name} ${p.port}/${p.protocol}`)).to.deep.equal([
      'dns 53/UDP',
      'dns-tcp 53/TCP',
      'metrics 9153/TCP',
    ]);
    expect(dns.metadata.labels?.['kubernetes.io/name']).to.equal('CoreDNS');
  });
});
