import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../api/types.js';
import type { Cluster } from '../cluster/cluster.js';
import { always } from '../images/behaviour.js';
import { catalogFor } from '../images/catalog.js';
import { pod, service, setUp, trafficCluster } from './testing.js';

/** A pod pinned to a node (spec.nodeName set, so the scheduler leaves it there). */
function on(node: string, name: string, labels: Record<string, string> = { app: 'web' }): Pod {
  const p = pod(name, 'example/my-app', { labels });
  p.spec!.nodeName = node;
  return p;
}

function clusterIP(c: Cluster, name: string): string {
  return c.store.get('Service', 'default', name)!.spec!.clusterIP!;
}

describe('internalTrafficPolicy Local', () => {
  function setUpLocal(): Cluster {
    const c = trafficCluster();
    setUp(c, [
      on('node-1', 'web-1'),
      on('node-2', 'web-2'),
      on('node-1', 'client-1', { role: 'client' }),
      on('node-3', 'client-3', { role: 'client' }),
      service('web', {
        selector: { app: 'web' },
        internalTrafficPolicy: 'Local',
        ports: [{ port: 80, targetPort: 9376 }],
      }),
    ]);
    return c;
  }

  it('sends a pod only to the endpoints on its own node', () => {
    const c = setUpLocal();
    const answered = new Set(
      c.network.send('http://web/', { from: { pod: 'client-1' }, count: 20 }).map((r) => r.pod),
    );
    expect([...answered]).to.deep.equal(['default/web-1']);
  });

  it('drops traffic from a node without a local endpoint (a timeout, as wget reports it)', () => {
    const c = setUpLocal();
    const [r] = c.network.send(`http://${clusterIP(c, 'web')}/`, { from: { pod: 'client-3' } });
    expect(r).to.deep.include({ ok: false, error: 'timeout', message: 'wget: download timed out' });
  });

  it('rejects (refused) when no node has a usable endpoint', () => {
    const c = trafficCluster();
    setUp(c, [
      on('node-1', 'client-1', { role: 'client' }),
      service('web', {
        selector: { app: 'web' },
        internalTrafficPolicy: 'Local',
        ports: [{ port: 80, targetPort: 9376 }],
      }),
    ]);
    expect(c.network.send('http://web/', { from: { pod: 'client-1' } })[0]!.error).to.equal('refused');
  });

  it('drops the anonymous client pod, which runs on no node', () => {
    const c = setUpLocal();
    expect(c.network.send('http://web/')[0]!.error).to.equal('timeout');
  });

  it('leaves a Cluster-policy Service spread over every node', () => {
    const c = trafficCluster(3);
    setUp(c, [
      on('node-1', 'web-1'),
      on('node-2', 'web-2'),
      on('node-3', 'client-3', { role: 'client' }),
      service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9376 }] }),
    ]);
    const answered = new Set(
      c.network.send('http://web/', { from: { pod: 'client-3' }, count: 30 }).map((r) => r.pod),
    );
    expect([...answered].sort()).to.deep.equal(['default/web-1', 'default/web-2']);
  });

  it('falls back to a terminating local endpoint while remote ones are ready (CategorizeEndpoints)', () => {
    const c = trafficCluster();
    // A server that keeps serving through SIGTERM: its endpoint stays serving and terminating.
    catalogFor(c.store).declare('example/stubborn', {
      name: 'stubborn',
      listen: [9376],
      http: { routes: [], otherwise: always(200, 'still here') },
      sigterm: { action: 'ignore' },
      memoryBytes: 1 << 20,
    });
    const stubborn = on('node-1', 'web-1');
    stubborn.spec!.containers[0]!.image = 'example/stubborn';
    setUp(c, [
      stubborn,
      on('node-2', 'web-2'),
      on('node-1', 'client-1', { role: 'client' }),
      service('web', {
        selector: { app: 'web' },
        internalTrafficPolicy: 'Local',
        ports: [{ port: 80, targetPort: 9376 }],
      }),
    ]);
    const web1 = c.store.get('Pod', 'default', 'web-1')!;
    c.store.delete('Pod', 'default', 'web-1');
    c.advance(1_000);
    expect(c.store.get('Pod', 'default', 'web-1')?.metadata.uid).to.equal(web1.metadata.uid);
    const slices = c.store.list('EndpointSlice', 'default').flatMap((s) => s.endpoints ?? []);
    const ep = slices.find((e) => e.targetRef?.name === 'web-1');
    expect(ep?.conditions).to.deep.include({ ready: false, serving: true, terminating: true });
    const [r] = c.network.send('http://web/', { from: { pod: 'client-1' } });
    expect(r).to.deep.include({ ok: true, pod: 'default/web-1' });
  });
});

describe('externalTrafficPolicy Local', () => {
  it('answers a node port only on nodes with an endpoint; ClusterIP traffic is unaffected', () => {
    const c = trafficCluster();
    setUp(c, [
      on('node-2', 'web-2'),
      on('node-1', 'client-1', { role: 'client' }),
      service('web', {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 9376, nodePort: 30090 }],
      }),
    ]);
    const svc = c.store.get('Service', 'default', 'web')!;
    expect(svc.spec!.healthCheckNodePort).to.be.within(30000, 32767);
    expect(c.network.send('http://node-2:30090/', { from: 'outside' })[0]).to.deep.include({
      ok: true,
      pod: 'default/web-2',
    });
    for (const node of ['node-1', 'node-3']) {
      expect(c.network.send(`http://${node}:30090/`, { from: 'outside' })[0]!.error, node).to.equal(
        'timeout',
      );
    }
    expect(c.network.send('http://web/', { from: { pod: 'client-1' } })[0]!.ok).to.equal(true);
    // Pods' traffic to a node port is sent to the Cluster endpoints.
    expect(c.network.send('http://node-1:30090/', { from: { pod: 'client-1' } })[0]!.ok).to.equal(true);
  });
});
