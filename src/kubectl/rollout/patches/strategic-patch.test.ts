import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { JsonMap } from '../../apply/strategic-merge.js';
import { StrategicPatchError, strategicMergePatch } from './strategic-patch.js';

const deployment = (containers: JsonMap[]): JsonMap => ({
  spec: { replicas: 3, template: { metadata: { labels: { app: 'web' } }, spec: { containers } } },
});

describe('strategicMergePatch', () => {
  it('merges maps, deletes keys set to null and replaces scalars', () => {
    expect(
      strategicMergePatch(
        { metadata: { labels: { a: '1', b: '2' } }, spec: { replicas: 3 } },
        {
          metadata: { labels: { a: null, c: '3' } },
          spec: { replicas: 4 },
        },
        'Deployment',
      ),
    ).to.deep.equal({ metadata: { labels: { b: '2', c: '3' } }, spec: { replicas: 4 } });
  });

  it('merges containers by name and keeps the others in place', () => {
    const live = deployment([
      { name: 'web', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] },
      { name: 'sidecar', image: 'busybox' },
    ]);
    const patched = strategicMergePatch(
      live,
      { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.16.1' }] } } } },
      'Deployment',
    );
    expect((patched.spec as JsonMap).template).to.deep.equal({
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1.16.1', ports: [{ containerPort: 80 }] },
          { name: 'sidecar', image: 'busybox' },
        ],
      },
    });
  });

  it('adds new elements after the existing ones, deletes with $patch: delete and replaces with $patch: replace', () => {
    const live = deployment([
      { name: 'a', image: 'x' },
      { name: 'b', image: 'y' },
    ]);
    const containers = (p: JsonMap) => (((p.spec as JsonMap).template as JsonMap).spec as JsonMap).containers;
    expect(
      containers(
        strategicMergePatch(
          live,
          { spec: { template: { spec: { containers: [{ name: 'c', image: 'z' }] } } } },
          'Deployment',
        ),
      ),
    ).to.deep.equal([
      { name: 'a', image: 'x' },
      { name: 'b', image: 'y' },
      { name: 'c', image: 'z' },
    ]);
    expect(
      containers(
        strategicMergePatch(
          live,
          { spec: { template: { spec: { containers: [{ name: 'a', $patch: 'delete' }] } } } },
          'Deployment',
        ),
      ),
    ).to.deep.equal([{ name: 'b', image: 'y' }]);
    expect(
      containers(
        strategicMergePatch(
          live,
          {
            spec: {
              template: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'q' }] } },
            },
          },
          'Deployment',
        ),
      ),
    ).to.deep.equal([{ name: 'only', image: 'q' }]);
  });

  it('orders by $setElementOrder and replaces lists without a merge key', () => {
    const live = deployment([
      { name: 'a', image: 'x', args: ['1', '2'] },
      { name: 'b', image: 'y' },
    ]);
    const patched = strategicMergePatch(
      live,
      {
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }],
              containers: [{ name: 'a', args: ['3'] }],
            },
          },
        },
      },
      'Deployment',
    );
    expect((((patched.spec as JsonMap).template as JsonMap).spec as JsonMap).containers).to.deep.equal([
      { name: 'b', image: 'y' },
      { name: 'a', image: 'x', args: ['3'] },
    ]);
  });

  it('requires the merge key in every element', () => {
    expect(() =>
      strategicMergePatch(
        deployment([]),
        { spec: { template: { spec: { containers: [{ image: 'x' }] } } } },
        'Deployment',
      ),
    ).to.throw(StrategicPatchError, 'does not contain declared merge key: name');
  });
});
