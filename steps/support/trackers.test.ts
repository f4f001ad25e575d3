import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Change } from '../../src/index.js';
import { AvailableReplicas, DeploymentPods, ReadyEndpoints } from './trackers.js';

let seq = 0;
function change(
  type: Change['type'],
  object: Record<string, unknown> & { kind: string; metadata: { name: string; namespace?: string } },
  at = 0,
): Change {
  const namespace = object.metadata.namespace ?? 'default';
  const full = { apiVersion: 'v1', ...object, metadata: { namespace, ...object.metadata } };
  return {
    seq: seq++,
    at,
    type,
    kind: object.kind,
    namespace,
    name: object.metadata.name,
    object: full as never,
  };
}

const rs = (name: string, uid: string, deployment = 'web') => ({
  kind: 'ReplicaSet',
  metadata: {
    name,
    uid,
    ownerReferences: [{ kind: 'Deployment', name: deployment, uid: 'd1', controller: true }],
  },
});
const pod = (name: string, owner: string, extra: Record<string, unknown> = {}) => ({
  kind: 'Pod',
  metadata: {
    name,
    uid: `p-${name}`,
    ownerReferences: [{ kind: 'ReplicaSet', name: 'x', uid: owner, controller: true }],
    ...extra,
  },
  status: { phase: 'Running' },
});

describe('DeploymentPods', () => {
  it('counts the live pods of every ReplicaSet of the deployment', () => {
    const t = new DeploymentPods({ namespace: 'default', name: 'web' });
    t.apply(change('ADDED', rs('web-a', 'rs-a')));
    t.apply(change('ADDED', rs('web-b', 'rs-b')));
    t.apply(change('ADDED', rs('db-a', 'rs-db', 'db')));
    t.apply(change('ADDED', pod('web-a-1', 'rs-a')));
    t.apply(change('ADDED', pod('web-b-1', 'rs-b')));
    t.apply(change('ADDED', pod('db-a-1', 'rs-db')));
    expect(t.value()).to.equal(2);
    expect(t.describe()).to.contain('web-a-1, web-b-1');
  });

  it('stops counting a pod once it is terminating, finished or gone', () => {
    const t = new DeploymentPods({ namespace: 'default', name: 'web' });
    t.apply(change('ADDED', rs('web-a', 'rs-a')));
    for (const n of ['1', '2', '3']) t.apply(change('ADDED', pod(n, 'rs-a')));
    expect(t.value()).to.equal(3);
    expect(
      t.apply(change('MODIFIED', pod('1', 'rs-a', { deletionTimestamp: '2025-01-01T00:00:30Z' }))),
    ).to.equal(true);
    expect(t.value()).to.equal(2);
    t.apply(change('MODIFIED', { ...pod('2', 'rs-a'), status: { phase: 'Failed' } }));
    expect(t.value()).to.equal(1);
    t.apply(change('DELETED', pod('3', 'rs-a')));
    expect(t.value()).to.equal(0);
  });

  it('counts pods created before their ReplicaSet was seen, and forgets a deleted ReplicaSet', () => {
    const t = new DeploymentPods({ namespace: 'default', name: 'web' });
    t.apply(change('ADDED', pod('early', 'rs-a')));
    expect(t.value()).to.equal(0);
    expect(t.apply(change('ADDED', rs('web-a', 'rs-a')))).to.equal(true);
    expect(t.value()).to.equal(1);
    t.apply(change('DELETED', rs('web-a', 'rs-a')));
    expect(t.value()).to.equal(0);
  });

  it('ignores other namespaces and kinds at once', () => {
    const t = new DeploymentPods({ namespace: 'default', name: 'web' });
    expect(
      t.apply(
        change('ADDED', {
          ...rs('web-a', 'rs-a'),
          metadata: { ...rs('web-a', 'rs-a').metadata, namespace: 'other' },
        }),
      ),
    ).to.equal(false);
    expect(t.apply(change('ADDED', { kind: 'Service', metadata: { name: 'web' } }))).to.equal(false);
  });
});

describe('AvailableReplicas', () => {
  it('follows status.availableReplicas and counts a missing deployment as 0', () => {
    const t = new AvailableReplicas({ namespace: 'default', name: 'web' });
    const d = (available?: number) => ({
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 3 },
      status: { availableReplicas: available },
    });
    expect(t.apply(change('ADDED', d()))).to.equal(true);
    expect(t.value()).to.equal(0);
    t.apply(change('MODIFIED', d(3)));
    expect(t.value()).to.equal(3);
    expect(t.describe()).to.contain('availableReplicas 3');
    expect(t.apply(change('MODIFIED', { ...d(3), metadata: { name: 'other' } }))).to.equal(false);
    t.apply(change('DELETED', d(3)));
    expect(t.value()).to.equal(0);
    expect(t.describe()).to.contain('does not exist');
  });
});

describe('ReadyEndpoints', () => {
  it('counts distinct ready addresses across subsets', () => {
    const t = new ReadyEndpoints({ namespace: 'default', name: 'web' });
    t.apply(
      change('ADDED', {
        kind: 'Endpoints',
        metadata: { name: 'web' },
        subsets: [
          {
            addresses: [{ ip: '10.244.0.2' }, { ip: '10.244.1.2' }],
            notReadyAddresses: [{ ip: '10.244.2.2' }],
            ports: [{ port: 80 }],
          },
          { addresses: [{ ip: '10.244.0.2' }], ports: [{ port: 443 }] },
        ],
      }),
    );
    expect(t.value()).to.equal(2);
    expect(t.describe()).to.contain('not ready: 10.244.2.2');
  });
});
