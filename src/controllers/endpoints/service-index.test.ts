import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod, Service } from '../../api/types.js';
import type { WatchEvent } from '../../store/store.js';
import { servicesToSync } from './pod-events.js';
import { ServiceSelectorIndex } from './service-index.js';

const svc = (name: string, selector?: Record<string, string>, ns = 'default', type?: string): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: ns },
  spec: { selector, ...(type ? { type } : {}) },
});
let version = 0;
const pod = (
  name: string,
  labels: Record<string, string>,
  ns = 'default',
  extra: Partial<Pod> = {},
): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels, resourceVersion: String(++version) },
  ...extra,
});

describe('ServiceSelectorIndex', () => {
  it('links pods and Services both ways, per namespace', () => {
    const index = new ServiceSelectorIndex();
    index.setPod(pod('a', { app: 'web' }));
    index.setPod(pod('b', { app: 'web', tier: 'x' }));
    index.setPod(pod('c', { app: 'web' }, 'other'));
    index.setService(svc('web', { app: 'web' }));
    index.setService(svc('x', { tier: 'x' }));
    expect(index.podsOf('default', 'web')).to.deep.equal(['a', 'b']);
    expect(index.podsOf('default', 'x')).to.deep.equal(['b']);
    expect([...index.servicesOf('default', 'b')].sort()).to.deep.equal(['web', 'x']);
    expect(index.podsOf('other', 'web')).to.deep.equal([]);
  });

  it('follows relabelled pods, changed selectors and removals', () => {
    const index = new ServiceSelectorIndex();
    index.setService(svc('web', { app: 'web' }));
    const { before, after } = index.setPod(pod('a', { app: 'web' }));
    expect([...before]).to.deep.equal([]);
    expect([...after]).to.deep.equal(['web']);
    expect([...index.setPod(pod('a', { app: 'api' })).after]).to.deep.equal([]);
    index.setService(svc('web', { app: 'api' }));
    expect(index.podsOf('default', 'web')).to.deep.equal(['a']);
    expect([...index.removePod('default', 'a')]).to.deep.equal(['web']);
    expect(index.podsOf('default', 'web')).to.deep.equal([]);
    index.setPod(pod('b', { app: 'api' }));
    index.removeService('default', 'web');
    expect([...index.servicesOf('default', 'b')]).to.deep.equal([]);
  });

  it('ignores Services without a selector, with an empty one, and ExternalName Services', () => {
    const index = new ServiceSelectorIndex();
    index.setPod(pod('a', { app: 'web' }));
    index.setService(svc('none'));
    index.setService(svc('empty', {}));
    index.setService(svc('ext', { app: 'web' }, 'default', 'ExternalName'));
    expect([...index.servicesOf('default', 'a')]).to.deep.equal([]);
  });
});

describe('servicesToSync (GetServicesToUpdateOnPodChange)', () => {
  const setup = () => {
    const index = new ServiceSelectorIndex();
    index.setService(svc('web', { app: 'web' }));
    index.setService(svc('api', { app: 'api' }));
    return index;
  };
  const ready = (status: 'True' | 'False') => ({ status: { conditions: [{ type: 'Ready', status }] } });

  it('an added or deleted pod syncs its Services', () => {
    const index = setup();
    const a = pod('a', { app: 'web' });
    expect([...servicesToSync(index, { type: 'ADDED', object: a })]).to.deep.equal(['web']);
    expect([...servicesToSync(index, { type: 'DELETED', object: a })]).to.deep.equal(['web']);
  });

  it('an unrelated change syncs nothing; a readiness change syncs the pod’s Services', () => {
    const index = setup();
    const old = pod('a', { app: 'web' }, 'default', ready('True'));
    servicesToSync(index, { type: 'ADDED', object: old });
    const annotated = {
      ...old,
      metadata: { ...old.metadata, annotations: { x: 'y' }, resourceVersion: 'r2' },
    };
    expect([
      ...servicesToSync(index, { type: 'MODIFIED', object: annotated, old } as WatchEvent<'Pod'>),
    ]).to.deep.equal([]);
    const notReady = { ...old, ...ready('False'), metadata: { ...old.metadata, resourceVersion: 'r3' } };
    expect([
      ...servicesToSync(index, { type: 'MODIFIED', object: notReady, old } as WatchEvent<'Pod'>),
    ]).to.deep.equal(['web']);
  });

  it('a status write of a pod no Service selects syncs nothing; the pod still joins when relabelled', () => {
    const index = setup();
    const old = pod('lonely', { app: 'batch' }, 'default', ready('False'));
    servicesToSync(index, { type: 'ADDED', object: old });
    expect(index.selectsNothing('default', 'lonely')).to.equal(true);
    // The kubelet's status writes keep the stored labels object itself.
    const nowReady = { ...old, ...ready('True'), metadata: { ...old.metadata, resourceVersion: 'r2' } };
    expect([
      ...servicesToSync(index, { type: 'MODIFIED', object: nowReady, old } as WatchEvent<'Pod'>),
    ]).to.deep.equal([]);
    const joined = {
      ...nowReady,
      metadata: { ...nowReady.metadata, labels: { app: 'web' }, resourceVersion: 'r3' },
    };
    expect([
      ...servicesToSync(index, { type: 'MODIFIED', object: joined, old: nowReady } as WatchEvent<'Pod'>),
    ]).to.deep.equal(['web']);
    expect(index.selectsNothing('default', 'lonely')).to.equal(false);
    expect(index.selectsNothing('empty-namespace', 'lonely')).to.equal(true);
  });

  it('a relabelled pod syncs the Services it left and joined', () => {
    const index = setup();
    const old = pod('a', { app: 'web' });
    servicesToSync(index, { type: 'ADDED', object: old });
    const moved = { ...old, metadata: { ...old.metadata, labels: { app: 'api' }, resourceVersion: 'r2' } };
    expect(
      [...servicesToSync(index, { type: 'MODIFIED', object: moved, old } as WatchEvent<'Pod'>)].sort(),
    ).to.deep.equal(['api', 'web']);
  });
});
