import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../api/types.js';
import { SimClock } from '../core/clock.js';
import { StatusError } from '../core/errors.js';
import { Random } from '../core/random.js';
import { Store } from './store.js';

function newStore(): { store: Store; clock: SimClock } {
  const clock = new SimClock();
  const store = new Store(clock, new Random(1));
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { store, clock };
}

const pod = (name: string, extra: Partial<Pod> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
  ...extra,
});

describe('Store', () => {
  it('assigns uid, resourceVersion and creation time, and freezes what it stores', () => {
    const { store, clock } = newStore();
    clock.advanceTo(5000);
    const p = store.create(pod('a'));
    expect(p.metadata.uid).to.match(/^[0-9a-f-]{36}$/);
    expect(p.metadata.namespace).to.equal('default');
    expect(p.metadata.creationTimestamp).to.equal('2025-01-01T00:00:05Z');
    expect(Number(p.metadata.resourceVersion)).to.be.greaterThan(0);
    expect(Object.isFrozen(p.metadata)).to.equal(true);
  });

  it('rejects a duplicate name and a missing namespace, storing nothing', () => {
    const { store } = newStore();
    store.create(pod('a'));
    expect(() => store.create(pod('a'))).to.throw(StatusError, 'pods "a" already exists');
    expect(() => store.create(pod('b', { metadata: { name: 'b', namespace: 'nope' } }))).to.throw(
      StatusError,
      'namespaces "nope" not found',
    );
    expect(store.list('Pod').map((p) => p.metadata.name)).to.deep.equal(['a']);
  });

  it('keeps status on spec writes and spec on status writes', () => {
    const { store } = newStore();
    store.create(pod('a'));
    store.mutateStatus('Pod', 'default', 'a', (p) => {
      p.status = { phase: 'Running' };
    });
    const after = store.mutate('Pod', 'default', 'a', (p) => {
      p.metadata.labels = { app: 'x' };
      p.status = { phase: 'Failed' };
    });
    expect(after.status?.phase).to.equal('Running');
    expect(after.metadata.labels).to.deep.equal({ app: 'x' });
  });

  it('garbage-collects dependents when their owner goes', () => {
    const { store } = newStore();
    const owner = store.create(pod('owner'));
    store.create(
      pod('child', {
        metadata: {
          name: 'child',
          ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'owner', uid: owner.metadata.uid! }],
        },
      }),
    );
    store.delete('Pod', 'default', 'owner');
    expect(store.list('Pod')).to.have.length(0);
  });

  it('counts the stored changes of each kind (changesOf), not the writes that change nothing', () => {
    const { store } = newStore();
    const pods = store.changesOf('Pod');
    const services = store.changesOf('Service');
    store.create(pod('a'));
    expect(store.changesOf('Pod')).to.equal(pods + 1);
    store.replaceStatus('Pod', 'default', 'a', { phase: 'Pending' });
    expect(store.changesOf('Pod')).to.equal(pods + 2);
    store.replaceStatus('Pod', 'default', 'a', { phase: 'Pending' });
    store.update(store.get('Pod', 'default', 'a')!);
    expect(store.changesOf('Pod')).to.equal(pods + 2);
    store.delete('Pod', 'default', 'a');
    expect(store.changesOf('Pod')).to.equal(pods + 3);
    expect(store.changesOf('Service')).to.equal(services);
  });

  it('records every change in the history with its simulated time', () => {
    const { store, clock } = newStore();
    const before = store.history.length;
    clock.advanceTo(1500);
    store.create(pod('a'));
    store.delete('Pod', 'default', 'a');
    const changes = store.history.since(before);
    expect(changes.map((c) => [c.type, c.at])).to.deep.equal([
      ['ADDED', 1500],
      ['DELETED', 1500],
    ]);
  });
});
