import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Cluster } from '../cluster/cluster.js';
import { always } from '../images/behaviour.js';
import { catalogFor } from '../images/catalog.js';
import type { RequestRecord } from './requests.js';
import { deployment, pod, READY_PROBE, service, setUp, trafficCluster } from './testing.js';

const podsOf = (records: readonly RequestRecord[]) => new Set(records.map((r) => r.pod));
const clusterIP = (c: Cluster, name: string, ns = 'default') =>
  c.store.get('Service', ns, name)!.spec!.clusterIP!;
const podIP = (c: Cluster, name: string) => c.store.get('Pod', 'default', name)!.status!.podIP!;

describe('cluster DNS', () => {
  const c = trafficCluster();
  c.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  setUp(c, [
    deployment('web', 2, 'example/my-app'),
    service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9376 }] }),
    service('web-headless', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 9376 }] }),
    service('ext', { type: 'ExternalName', externalName: 'example.com' }),
    service('cart', { selector: { app: 'cart' }, ports: [{ port: 80 }] }, 'shop'),
  ]);
  const ip = clusterIP(c, 'web');

  it('resolves svc, svc.ns, svc.ns.svc and the full name through the search path', () => {
    for (const name of [
      'web',
      'web.default',
      'web.default.svc',
      'web.default.svc.cluster.local',
      'web.default.svc.cluster.local.',
      'WEB.Default',
    ]) {
      const answer = c.network.lookup(name);
      expect(answer, name).to.deep.include({ kind: 'address', name: 'web.default.svc.cluster.local' });
      expect(answer.kind === 'address' && answer.addresses, name).to.deep.equal([ip]);
    }
  });

  it('uses the client pod namespace first, as resolv.conf searches', () => {
    expect(c.network.lookup('cart', { namespace: 'shop' })).to.deep.include({
      kind: 'address',
      name: 'cart.shop.svc.cluster.local',
    });
    expect(c.network.lookup('cart').kind).to.equal('nxdomain');
    expect(c.network.lookup('web', { namespace: 'shop' }).kind).to.equal('nxdomain');
    expect(c.network.lookup('web.default', { namespace: 'shop' })).to.deep.include({ kind: 'address' });
    expect(c.network.lookup('kubernetes.default')).to.deep.include({ addresses: ['10.96.0.1'] });
  });

  it('answers a headless Service with the ready pods, ExternalName with a CNAME, pod and node names', () => {
    const headless = c.network.lookup('web-headless');
    const podIPs = c.store.list('Pod', 'default').map((p) => p.status!.podIP!);
    expect(headless.kind === 'address' && [...headless.addresses].sort()).to.deep.equal(podIPs.sort());
    expect(c.network.lookup('ext')).to.deep.equal({
      kind: 'external',
      name: 'ext.default.svc.cluster.local',
      target: 'example.com',
    });
    expect(c.network.lookup('10-244-1-5.default.pod.cluster.local')).to.deep.include({
      addresses: ['10.244.1.5'],
    });
    expect(c.network.lookup('node-1')).to.deep.include({ addresses: ['172.18.0.2'] });
    expect(c.network.lookup('node-3', { from: 'outside' })).to.deep.include({ addresses: ['172.18.0.4'] });
  });

  it('fails a request to an unknown name as wget does, and one to an external name clearly', () => {
    const [nope] = c.network.send('http://nope/');
    expect(nope).to.deep.include({ error: 'unresolvable', message: "wget: bad address 'nope'", ok: false });
    const [ext] = c.network.send('http://ext/');
    expect(ext!.error).to.equal('external');
    expect(ext!.message).to.match(/example\.com is outside the simulated cluster/);
    // Cluster names do not resolve on the machine running kubectl.
    const [outside] = c.network.send('http://web/', { from: 'outside' });
    expect(outside).to.deep.include({ error: 'unresolvable', message: "wget: bad address 'web'" });
  });
});

describe('kube-proxy routing', () => {
  it('sends ClusterIP port 80 to targetPort 9376 on the pods (the Service docs example)', () => {
    const c = trafficCluster();
    setUp(c, [
      deployment('my-app', 3, 'example/my-app'),
      service('my-service', {
        selector: { app: 'my-app' },
        ports: [{ protocol: 'TCP', port: 80, targetPort: 9376 }],
      }),
    ]);
    const records = c.network.send('http://my-service/', { count: 60 });
    expect(records.every((r) => r.ok && r.status === 200 && r.body === 'hello')).to.equal(true);
    expect(records[0]).to.deep.include({
      source: 'cluster',
      address: clusterIP(c, 'my-service'),
      port: 80,
      service: 'default/my-service',
      servicePort: 80,
      targetPort: 9376,
      podReady: true,
    });
    // Random choice among the three ready endpoints reaches all of them.
    expect(podsOf(records).size).to.equal(3);
    const [direct] = c.network.send(`http://${clusterIP(c, 'my-service')}:80/`);
    expect(direct!.ok).to.equal(true);
  });

  it('uses ready endpoints only, and refuses the connection when there is none', () => {
    const c = trafficCluster();
    setUp(c, [
      pod('good', 'example/my-app', { readiness: READY_PROBE }),
      pod('bad', 'example/unready', { readiness: READY_PROBE }),
      pod('lonely', 'example/unready', { labels: { app: 'lonely' }, readiness: READY_PROBE }),
      service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9376 }] }),
      service('lonely', { selector: { app: 'lonely' }, ports: [{ port: 80, targetPort: 9376 }] }),
      service('empty', { selector: { app: 'none' }, ports: [{ port: 80 }] }),
    ]);
    const records = c.network.send('http://web/', { count: 20 });
    expect([...podsOf(records)]).to.deep.equal(['default/good']);
    for (const name of ['lonely', 'empty']) {
      const [r] = c.network.send(`http://${name}/`);
      expect(r, name).to.deep.include({
        error: 'refused',
        message: `wget: can't connect to remote host (${clusterIP(c, name)}): Connection refused`,
        service: `default/${name}`,
        ok: false,
      });
      expect(r!.pod).to.equal(undefined);
    }
    // Straight to the unready pod's IP it still answers: readiness only steers Services.
    const [direct] = c.network.send(`http://${podIP(c, 'bad')}:9376/`);
    expect(direct).to.deep.include({ pod: 'default/bad', podReady: false, status: 200, body: 'unready' });
  });

  it('falls back to serving terminating endpoints when none is ready (CategorizeEndpoints)', () => {
    const c = trafficCluster();
    catalogFor(c.store).declare('example/stubborn', {
      name: 'stubborn',
      listen: [9376],
      http: { routes: [], otherwise: always(200, 'still here') },
      sigterm: { action: 'ignore' },
      memoryBytes: 1 << 20,
    });
    setUp(c, [
      pod('s', 'example/stubborn'),
      service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9376 }] }),
    ]);
    c.store.delete('Pod', 'default', 's');
    c.advance(1_000);
    // Terminating (ready=false, serving=true) for its 30 s grace period: still used.
    expect(c.network.send('http://web/')[0]).to.deep.include({
      ok: true,
      pod: 'default/s',
      body: 'still here',
    });
    c.advance(30_000);
    expect(c.network.send('http://web/')[0]).to.deep.include({ error: 'refused' });
  });

  it('resolves named targetPorts per pod', () => {
    const c = trafficCluster();
    setUp(c, [
      pod('a', 'example/app-8080', { ports: [{ name: 'http', containerPort: 8080 }] }),
      pod('b', 'example/app-9090', { ports: [{ name: 'http', containerPort: 9090 }] }),
      service('web', { selector: { app: 'web' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }] }),
    ]);
    const records = c.network.send('http://web/', { count: 30 });
    expect(records.every((r) => r.ok)).to.equal(true);
    for (const r of records) expect(r.body).to.equal(r.pod === 'default/a' ? '8080' : '9090');
    expect(new Set(records.map((r) => r.targetPort))).to.deep.equal(new Set([8080, 9090]));
  });

  it('refuses a port nothing listens on, and times out a port the Service does not have', () => {
    const c = trafficCluster();
    setUp(c, [
      pod('a', 'example/my-app'),
      service('wrong', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 1234 }] }),
    ]);
    expect(c.network.send('http://wrong/')[0]).to.deep.include({
      error: 'refused',
      pod: 'default/a',
      targetPort: 1234,
    });
    expect(c.network.send('http://wrong:8080/')[0]).to.deep.include({
      error: 'timeout',
      message: 'wget: download timed out',
    });
  });

  it('answers a NodePort on every node from outside, and keeps ClusterIPs and pod IPs inside', () => {
    const c = trafficCluster();
    setUp(c, [
      deployment('web', 2, 'example/my-app'),
      service('web', {
        type: 'NodePort',
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 9376, nodePort: 30007 }],
      }),
    ]);
    for (const host of ['node-1', 'node-2', 'node-3', '172.18.0.2', '172.18.0.3', '172.18.0.4']) {
      const [r] = c.network.send(`http://${host}:30007/`, { from: 'outside' });
      expect(r, host).to.deep.include({
        ok: true,
        service: 'default/web',
        servicePort: 80,
        targetPort: 9376,
      });
    }
    expect(c.network.send('http://node-1:30007/')[0]!.ok).to.equal(true);
    const [viaClusterIP] = c.network.send(`http://${clusterIP(c, 'web')}/`, { from: 'outside' });
    expect(viaClusterIP!.error).to.equal('timeout');
    const somePod = c.store.list('Pod', 'default')[0]!;
    const [viaPodIP] = c.network.send(`http://${somePod.status!.podIP}:9376/`, { from: 'outside' });
    expect(viaPodIP!.error).to.equal('timeout');
    expect(c.network.send(`http://${somePod.status!.podIP}:9376/`)[0]).to.deep.include({
      ok: true,
      pod: `default/${somePod.metadata.name}`,
    });
    expect(c.network.send('http://node-1:31999/')[0]!.error).to.equal('refused');
  });

  it('sends outside traffic only to local endpoints with externalTrafficPolicy Local', () => {
    const c = trafficCluster();
    setUp(c, [
      pod('only', 'example/my-app'),
      service('web', {
        type: 'NodePort',
        externalTrafficPolicy: 'Local',
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 9376, nodePort: 30008 }],
      }),
    ]);
    const home = c.store.get('Pod', 'default', 'only')!.spec!.nodeName!;
    for (const node of ['node-1', 'node-2', 'node-3']) {
      const [r] = c.network.send(`http://${node}:30008/`, { from: 'outside' });
      expect(r!.ok, node).to.equal(node === home);
      if (node !== home) expect(r!.error).to.equal('timeout');
      // A node's address is reached from outside unless a source is given (STEPS.md's meaning).
      expect(c.network.send(`http://${node}:30008/`)[0]!.ok, node).to.equal(node === home);
      // Traffic from pods is sent cluster-wide.
      expect(c.network.send(`http://${node}:30008/`, { from: 'cluster' })[0]!.ok).to.equal(true);
    }
  });

  it('keeps a client on one pod with ClientIP session affinity', () => {
    const c = trafficCluster();
    setUp(c, [
      deployment('web', 3, 'example/my-app'),
      service('web', {
        selector: { app: 'web' },
        sessionAffinity: 'ClientIP',
        ports: [{ port: 80, targetPort: 9376 }],
      }),
    ]);
    expect(podsOf(c.network.send('http://web/', { count: 20 })).size).to.equal(1);
  });

  it('times out requests to a pod that is gone', () => {
    const c = trafficCluster();
    setUp(c, [pod('a', 'example/my-app')]);
    const ip = podIP(c, 'a');
    expect(c.network.send(`http://${ip}:9376/`)[0]!.ok).to.equal(true);
    c.store.delete('Pod', 'default', 'a');
    c.advance(1_000);
    expect(c.network.send(`http://${ip}:9376/`)[0]).to.deep.include({
      error: 'timeout',
      message: 'wget: download timed out',
    });
  });

  it('lets the apiserver answer through the kubernetes Service', () => {
    const c = trafficCluster();
    expect(c.network.send('https://kubernetes.default/healthz')[0]).to.deep.include({
      status: 200,
      body: 'ok',
    });
    const [r] = c.network.send('https://kubernetes/api');
    expect(r).to.deep.include({ status: 403, ok: false, service: 'default/kubernetes' });
    expect(r!.message).to.equal('wget: server returned error: HTTP/1.1 403 Forbidden');
  });

  it('rejects a URL that cannot be parsed', () => {
    const c = trafficCluster();
    expect(() => c.network.send('http://web:99999/')).to.throw(/cannot parse the URL "http:\/\/web:99999\/"/);
    expect(() => c.network.send('ftp://web/')).to.throw(/http and https requests only/);
    expect(() => c.network.send('http://web/', { from: { pod: 'ghost' } })).to.throw(
      'pods "ghost" not found',
    );
  });
});

describe('the request log', () => {
  it('records every request in order and tells subscribers', () => {
    const c = trafficCluster();
    setUp(c, [
      deployment('web', 2, 'example/my-app'),
      service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9376 }] }),
    ]);
    const seen: number[] = [];
    const stop = c.network.subscribe((r) => seen.push(r.seq));
    c.network.send('http://web/', { count: 3 });
    c.advance(2_000);
    c.network.send('http://nope/');
    stop();
    c.network.send('http://web/');
    expect(seen).to.deep.equal([0, 1, 2, 3]);
    expect(c.network.requests.map((r) => [r.seq, r.at, r.ok])).to.deep.equal([
      [0, 5_000, true],
      [1, 5_000, true],
      [2, 5_000, true],
      [3, 7_000, false],
      [4, 7_000, true],
    ]);
  });

  it('chooses the same pods for the same seed', () => {
    const run = (seed: number) => {
      const c = trafficCluster(seed);
      setUp(c, [
        deployment('web', 4, 'example/my-app'),
        service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9376 }] }),
      ]);
      // Pod names differ per seed; the order of first appearance does not depend on them.
      const order: string[] = [];
      for (const r of c.network.send('http://web/', { count: 40 })) {
        if (!order.includes(r.pod!)) order.push(r.pod!);
      }
      return c.network.requests.map((r) => order.indexOf(r.pod!)).join('');
    };
    expect(run(5)).to.equal(run(5));
    expect(run(5)).to.not.equal(run(6));
  });
});
