import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { TestCluster } from '../testing.js';
import { createDeployment, createRevision } from './fixtures.js';
import { revisionReplicaSets, viewDeploymentHistory } from './history.js';

/** kubectl pkg/polymorphichelpers/history_test.go TestViewDeploymentHistory's objects. */
function moons(): { c: TestCluster; d: Deployment } {
  const c = new TestCluster();
  const d = c.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'moons', labels: { foo: 'bar' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { foo: 'bar' } },
      template: {
        metadata: { labels: { foo: 'bar' } },
        spec: { containers: [{ name: 'test', image: 'foo:1' }] },
      },
    },
  });
  for (let i = 1; i < 5; i++) {
    const annotations: Record<string, string> = { 'deployment.kubernetes.io/revision': String(i) };
    if (i === 3) annotations['kubernetes.io/change-cause'] = 'foo change cause';
    if (i === 4) annotations['kubernetes.io/change-cause'] = 'bar change cause';
    c.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `moons-${i}`,
        labels: { foo: 'bar' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'moons',
            uid: d.metadata.uid!,
            controller: true,
          },
        ],
        annotations,
      },
      spec: {
        replicas: 1,
        selector: { matchLabels: { foo: 'bar' } },
        template: {
          metadata: { labels: { foo: 'bar' } },
          spec: { containers: [{ name: 'test', image: `foo:${i}` }] },
        },
      },
    });
  }
  return { c, d };
}

describe('DeploymentHistoryViewer', () => {
  // Ported from history_test.go TestViewDeploymentHistory.
  it('should show revisions list if the revision is not specified', () => {
    const { c, d } = moons();
    expect(viewDeploymentHistory(c.store, d, 0)).to.equal(
      'REVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         foo change cause\n4         bar change cause\n',
    );
  });

  it('should describe a single revision (v1.33 adds the Node-Selectors and Tolerations lines)', () => {
    const { c, d } = moons();
    expect(viewDeploymentHistory(c.store, d, 3)).to.equal(
      [
        'Pod Template:',
        '  Labels:\tfoo=bar',
        '  Annotations:\tkubernetes.io/change-cause: foo change cause',
        '  Containers:',
        '   test:',
        '    Image:\tfoo:3',
        '    Port:\t<none>',
        '    Host Port:\t<none>',
        '    Environment:\t<none>',
        '    Mounts:\t<none>',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
      ].join('\n'),
    );
  });

  it('should get history (GetHistory: the ReplicaSet of every revision)', () => {
    const { c, d } = moons();
    const history = revisionReplicaSets(c.store, d);
    expect([...history.keys()].sort()).to.deep.equal([1n, 2n, 3n, 4n]);
    expect(history.get(2n)!.metadata.name).to.equal('moons-2');
  });

  it('has no history without ReplicaSets, and no such revision is an error', () => {
    const c = new TestCluster();
    const d = createDeployment(c);
    expect(viewDeploymentHistory(c.store, d, 0)).to.equal('No rollout history found.');
    createRevision(c, d, { hash: 'aaa', revision: '1' });
    expect(() => viewDeploymentHistory(c.store, d, 2)).to.throw('unable to find the specified revision');
  });

  it('counts a ReplicaSet without a revision as revision 0, skips unparsable ones and foreign ones', () => {
    const c = new TestCluster();
    const d = createDeployment(c);
    createRevision(c, d, { hash: 'aaa' });
    createRevision(c, d, { hash: 'bbb', revision: 'x', image: 'nginx:1.16.1' });
    createRevision(c, d, { hash: 'ccc', revision: '2', image: 'nginx:1.25' });
    createRevision(c, d, { hash: 'ddd', revision: '5', image: 'nginx:1.27', owned: false });
    expect(viewDeploymentHistory(c.store, d, 0)).to.equal(
      'REVISION  CHANGE-CAUSE\n0         <none>\n2         <none>\n',
    );
  });

  it('widens the first column for long revision numbers (tabwriter padding 2)', () => {
    const c = new TestCluster();
    const d = createDeployment(c);
    createRevision(c, d, {
      hash: 'aaa',
      revision: '12345678901',
      annotations: { 'kubernetes.io/change-cause': 'x' },
    });
    expect(viewDeploymentHistory(c.store, d, 0)).to.equal('REVISION     CHANGE-CAUSE\n12345678901  x\n');
  });
});
