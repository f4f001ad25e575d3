import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, DeploymentStatus } from '../../api/types.js';
import { deploymentStatus } from './status-viewer.js';

function deployment(
  generation: number,
  specReplicas: number | undefined,
  status: DeploymentStatus,
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { namespace: 'bar', name: 'foo', uid: '8764ae47-9092-11e4-8393-42010af018ff', generation },
    spec: {
      ...(specReplicas === undefined ? {} : { replicas: specReplicas }),
      selector: {},
      template: {},
    },
    status,
  };
}

describe('DeploymentStatusViewer', () => {
  // Ported from kubectl pkg/polymorphichelpers/rollout_status_test.go TestDeploymentStatusViewerStatus.
  const table: Array<{
    name: string;
    generation: number;
    specReplicas: number;
    status: DeploymentStatus;
    msg: string;
    done: boolean;
  }> = [
    {
      name: 'test1',
      generation: 0,
      specReplicas: 1,
      status: {
        observedGeneration: 1,
        replicas: 1,
        updatedReplicas: 0,
        availableReplicas: 1,
        unavailableReplicas: 0,
      },
      msg: 'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...\n',
      done: false,
    },
    {
      name: 'test2',
      generation: 1,
      specReplicas: 1,
      status: {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 1,
        availableReplicas: 2,
        unavailableReplicas: 0,
      },
      msg: 'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...\n',
      done: false,
    },
    {
      name: 'test3',
      generation: 1,
      specReplicas: 2,
      status: {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 1,
        unavailableReplicas: 1,
      },
      msg: 'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...\n',
      done: false,
    },
    {
      name: 'test4',
      generation: 1,
      specReplicas: 2,
      status: {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        unavailableReplicas: 0,
      },
      msg: 'deployment "foo" successfully rolled out\n',
      done: true,
    },
    {
      name: 'test5',
      generation: 2,
      specReplicas: 2,
      status: {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        unavailableReplicas: 0,
      },
      msg: 'Waiting for deployment spec update to be observed...\n',
      done: false,
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      expect(deploymentStatus(deployment(t.generation, t.specReplicas, t.status))).to.deep.equal({
        message: t.msg,
        done: t.done,
      });
    });
  }

  it('reports an exceeded progress deadline as an error once the spec is observed', () => {
    const timedOut: DeploymentStatus = {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 1,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
    };
    expect(() => deploymentStatus(deployment(1, 3, timedOut))).to.throw(
      'deployment "foo" exceeded its progress deadline',
    );
    // Not observed yet: the viewer waits instead of failing.
    expect(deploymentStatus(deployment(2, 3, timedOut)).message).to.equal(
      'Waiting for deployment spec update to be observed...\n',
    );
  });

  it('pins a revision: a different running revision is an error', () => {
    const d = deployment(1, 1, {
      observedGeneration: 1,
      replicas: 1,
      updatedReplicas: 1,
      availableReplicas: 1,
    });
    d.metadata.annotations = { 'deployment.kubernetes.io/revision': '3' };
    expect(deploymentStatus(d, 3).done).to.equal(true);
    expect(() => deploymentStatus(d, 2)).to.throw(
      'desired revision (2) is different from the running revision (3)',
    );
    d.metadata.annotations = { 'deployment.kubernetes.io/revision': 'x' };
    expect(() => deploymentStatus(d, 2)).to.throw('cannot get the revision of deployment "foo"');
  });

  it('skips the updated-replicas check when spec.replicas is nil', () => {
    const d = deployment(1, undefined, { observedGeneration: 1, replicas: 0, updatedReplicas: 0 });
    expect(deploymentStatus(d)).to.deep.equal({
      message: 'deployment "foo" successfully rolled out\n',
      done: true,
    });
  });
});
