import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Namespace } from '../../api/types.js';
import { TestCluster } from '../testing.js';
import { describeNamespace } from './namespace.js';

describe('describe namespace', () => {
  it('prints status, no quotas and no limit ranges, and no events', () => {
    const c = new TestCluster();
    const ns = c.store.get('Namespace', undefined, 'default')!;
    expect(describeNamespace(ns, { store: c.store, now: c.now, showEvents: true })).to.equal(
      `Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`,
    );
  });

  // TestDescribeNamespace "has conditions".
  it('prints namespace conditions with their transition times', () => {
    const c = new TestCluster();
    const ns = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'example' },
      status: {
        phase: 'Terminating',
        conditions: [
          {
            type: 'NamespaceDeletionContentFailure',
            status: 'True',
            reason: 'example reason',
            message: 'example message',
            lastTransitionTime: '2014-01-15T00:00:00Z',
          },
        ],
      },
    } as Namespace;
    const out = describeNamespace(ns, { store: c.store, now: c.now, showEvents: true });
    for (const want of [
      'Name',
      'example',
      'Status',
      'Terminating',
      'Conditions',
      'Type',
      'NamespaceDeletionContentFailure',
      'True',
      'Reason',
      'example reason',
      'Message',
      'example message',
      'No resource quota',
      'No LimitRange resource.',
    ]) {
      expect(out).to.include(want);
    }
    expect(out).to.include(
      '  NamespaceDeletionContentFailure  True    Wed, 15 Jan 2014 00:00:00 +0000  example reason  example message\n',
    );
  });
});
