import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, DeploymentStatus, Endpoints } from '../../src/index.js';
import { endpointAddresses, isRolledOut } from './objects.js';

function deployment(generation: number, replicas: number, status: DeploymentStatus): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', generation },
    spec: { replicas, selector: {}, template: {} },
    status,
  };
}

// The `done` column of kubectl's TestDeploymentStatusViewerStatus
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status_test.go).
describe('isRolledOut', () => {
  const cases: Array<[string, number, number, DeploymentStatus, boolean]> = [
    [
      'not all replicas updated',
      0,
      1,
      {
        observedGeneration: 1,
        replicas: 1,
        updatedReplicas: 0,
        availableReplicas: 1,
        unavailableReplicas: 0,
      },
      false,
    ],
    [
      'old replicas pending termination',
      1,
      1,
      {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 1,
        availableReplicas: 2,
        unavailableReplicas: 0,
      },
      false,
    ],
    [
      'updated replicas not all available',
      1,
      2,
      {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 1,
        unavailableReplicas: 1,
      },
      false,
    ],
    [
      'successfully rolled out',
      1,
      2,
      {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        unavailableReplicas: 0,
      },
      true,
    ],
    [
      'spec update not observed yet',
      2,
      2,
      {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        unavailableReplicas: 0,
      },
      false,
    ],
    [
      'progress deadline exceeded',
      1,
      1,
      {
        observedGeneration: 1,
        replicas: 1,
        updatedReplicas: 1,
        availableReplicas: 1,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
      },
      false,
    ],
    ['scaled to zero', 1, 0, { observedGeneration: 1 }, true],
  ];
  for (const [name, generation, replicas, status, done] of cases) {
    it(name, () => {
      expect(isRolledOut(deployment(generation, replicas, status))).to.equal(done);
    });
  }
});

describe('endpointAddresses', () => {
  it('collects distinct ready and not-ready addresses across subsets, in address order', () => {
    const ep = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web' },
      subsets: [
        {
          addresses: [
            { ip: '10.244.1.10', targetRef: { kind: 'Pod', name: 'b' } },
            { ip: '10.244.1.9', targetRef: { kind: 'Pod', name: 'a' } },
          ],
          notReadyAddresses: [{ ip: '10.244.2.2' }],
          ports: [{ port: 80 }],
        },
        { addresses: [{ ip: '10.244.1.9', targetRef: { kind: 'Pod', name: 'a' } }], ports: [{ port: 443 }] },
      ],
    } as Endpoints;
    expect(endpointAddresses(ep)).to.deep.equal({
      ready: [
        { ip: '10.244.1.9', pod: 'a' },
        { ip: '10.244.1.10', pod: 'b' },
      ],
      notReady: [{ ip: '10.244.2.2', pod: undefined }],
    });
  });

  it('has none without an Endpoints object or subsets', () => {
    expect(endpointAddresses(undefined)).to.deep.equal({ ready: [], notReady: [] });
  });
});
