/** After deployment_controller_test.go (TestReentrantRollback) and the rollback.go paths. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { FakeDeploymentClient } from './fake-client.js';
import { newDeployment, newUid } from './fixtures.js';
import { rollback } from './rollback.js';
import { DefaultDeploymentUniqueLabelKey, DeprecatedRollbackTo, RevisionAnnotation } from './util.js';

/** newReplicaSet (deployment_controller_test.go): the Deployment's template, controlled by it. */
function newReplicaSet(d: Deployment, name: string, replicas: number, revision: string): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      uid: newUid(),
      namespace: 'default',
      labels: { ...(d.spec!.selector.matchLabels ?? {}) },
      annotations: { [RevisionAnnotation]: revision },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: d.metadata.name,
          uid: d.metadata.uid!,
          controller: true,
        },
      ],
    },
    spec: {
      replicas,
      selector: {
        matchLabels: { ...(d.spec!.selector.matchLabels ?? {}), [DefaultDeploymentUniqueLabelKey]: 'hash' },
      },
      template: clone(d.spec!.template),
    },
  };
}

function setup(rollbackTo: string) {
  const d = newDeployment('foo', 1, undefined, undefined, undefined, { foo: 'bar' });
  d.metadata.annotations = { [RevisionAnnotation]: '2', [DeprecatedRollbackTo]: rollbackTo };
  const rs1 = newReplicaSet(d, 'deploymentrs-old', 0, '1');
  rs1.spec!.template!.spec!.terminationGracePeriodSeconds = 1;
  rs1.metadata.annotations!['kubernetes.io/change-cause'] = 'first';
  const rs2 = newReplicaSet(d, 'deploymentrs-new', 1, '2');
  return { d, rs1, rs2, client: new FakeDeploymentClient() };
}

describe('rollback', () => {
  it('rolls back to the previous revision with one Deployment update and no ReplicaSet writes (TestReentrantRollback)', () => {
    const { d, rs1, rs2, client } = setup('0');
    rollback(client, d, [rs1, rs2]);
    expect(client.actions.map((a) => `${a.verb} ${a.resource}`)).to.deep.equal(['update deployments']);
    const updated = client.actions[0]!.object as Deployment;
    expect(updated.spec!.template.spec!.terminationGracePeriodSeconds).to.equal(1);
    expect(updated.spec!.template.metadata!.labels).to.deep.equal({ foo: 'bar' });
    // The ReplicaSet's annotations come back; the skip-listed ones stay; rollbackTo is gone.
    expect(updated.metadata.annotations).to.deep.equal({
      [RevisionAnnotation]: '2',
      'kubernetes.io/change-cause': 'first',
    });
    expect(client.events).to.deep.equal([
      { type: 'Normal', reason: 'DeploymentRollback', message: 'Rolled back deployment "foo" to revision 1' },
    ]);
  });

  it('gives up with a warning when the revision does not exist', () => {
    const { d, rs1, rs2, client } = setup('7');
    rollback(client, d, [rs1, rs2]);
    expect(client.events).to.deep.equal([
      {
        type: 'Warning',
        reason: 'DeploymentRollbackRevisionNotFound',
        message: 'Unable to find the revision to rollback to.',
      },
    ]);
    const updated = client.actions.at(-1)!.object as Deployment;
    expect(updated.metadata.annotations![DeprecatedRollbackTo]).to.equal(undefined);
    expect(updated.spec!.template.spec!.terminationGracePeriodSeconds).to.equal(undefined);
  });

  it('warns that the template is unchanged when rolling back to the current revision', () => {
    const { d, rs1, rs2, client } = setup('2');
    rollback(client, d, [rs1, rs2]);
    expect(client.events).to.deep.equal([
      {
        type: 'Warning',
        reason: 'DeploymentRollbackTemplateUnchanged',
        message: 'The rollback revision contains the same template as current deployment "foo"',
      },
    ]);
  });
});
