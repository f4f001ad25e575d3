import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { EndpointSlice, KubeObject, Service } from '../api/types.js';
import { SimClock } from '../core/clock.js';
import { Random } from '../core/random.js';
import { Store } from '../store/store.js';
import { ClusterDns, searchPath } from './dns.js';
import { Topology } from './topology.js';

function world(): { store: Store; dns: ClusterDns } {
  const store = new Store(new SimClock(), new Random(1));
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const dns = new ClusterDns(new Topology(store));
  return { store, dns };
}

const headless: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'nginx', namespace: 'default' },
  spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ port: 80 }] },
};

const slice: EndpointSlice = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'nginx-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'nginx' } },
  addressType: 'IPv4',
  ports: [{ name: '', port: 80, protocol: 'TCP' }],
  endpoints: [
    { addresses: ['10.244.1.2'], hostname: 'web-0', conditions: { ready: true } },
    { addresses: ['10.244.2.2'], hostname: 'web-1', conditions: { ready: false } },
  ],
};

describe('ClusterDns', () => {
  it('gives the search path resolv.conf lists', () => {
    expect(searchPath('shop')).to.deep.equal([
      'shop.svc.cluster.local',
      'svc.cluster.local',
      'cluster.local',
    ]);
  });

  it('answers a headless Service with ready endpoints only, and their hostnames', () => {
    const { store, dns } = world();
    store.create(headless as KubeObject);
    store.create(slice as KubeObject);
    expect(dns.lookup('nginx', 'default')).to.deep.include({ kind: 'address', addresses: ['10.244.1.2'] });
    expect(dns.lookup('web-0.nginx', 'default')).to.deep.include({
      name: 'web-0.nginx.default.svc.cluster.local',
      addresses: ['10.244.1.2'],
    });
    expect(dns.lookup('web-1.nginx', 'default').kind).to.equal('nxdomain');
    // The index follows the store: a deleted Service no longer resolves.
    store.delete('Service', 'default', 'nginx');
    expect(dns.lookup('nginx', 'default').kind).to.equal('nxdomain');
  });

  it('answers reverse lookups as CoreDNS’s reverse zone: Services by cluster IP, ready endpoints by name', () => {
    const { store, dns } = world();
    store.create(headless as KubeObject);
    store.create({
      ...slice,
      endpoints: [...slice.endpoints, { addresses: ['10.244.3.4'], conditions: { ready: true } }],
    } as KubeObject);
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { clusterIP: '10.96.7.7', ports: [{ port: 80 }] },
    } as KubeObject);
    const table: ReadonlyArray<[string, string | undefined]> = [
      ['10.96.7.7', 'web.shop.svc.cluster.local'],
      ['10.244.1.2', 'web-0.nginx.default.svc.cluster.local'],
      ['10.244.3.4', '10-244-3-4.nginx.default.svc.cluster.local'],
      // Not ready: not in the reverse index; an address of nothing has no name.
      ['10.244.2.2', undefined],
      ['10.244.9.9', undefined],
    ];
    for (const [ip, name] of table) expect(dns.reverse(ip), ip).to.equal(name);
  });

  it('treats internet names as external, other unknown names as NXDOMAIN', () => {
    const { dns } = world();
    expect(dns.lookup('example.com', 'default')).to.deep.equal({
      kind: 'external',
      name: 'example.com',
      target: 'example.com',
    });
    expect(dns.lookup('a.b.c.d.e.io', 'default').kind).to.equal('external');
    expect(dns.lookup('web.defualt', 'default').kind).to.equal('nxdomain');
    expect(dns.lookup('nope', 'default')).to.deep.equal({ kind: 'nxdomain', name: 'nope' });
    expect(dns.lookup('x.default.pod.cluster.local', 'default').kind).to.equal('nxdomain');
    expect(dns.lookupOutside('nope.default.svc.cluster.local').kind).to.equal('nxdomain');
  });
});
