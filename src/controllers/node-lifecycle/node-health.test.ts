import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Node } from '../../api/types.js';
import { computeZoneState, conditionsUnknown, zoneKey } from './node-health.js';

const at = '2025-01-01T00:00:00Z';
const kubeletNode = (): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-2', creationTimestamp: at },
  status: {
    conditions: [
      {
        type: 'MemoryPressure',
        status: 'False',
        reason: 'KubeletHasSufficientMemory',
        message: 'm',
        lastHeartbeatTime: at,
        lastTransitionTime: at,
      },
      {
        type: 'DiskPressure',
        status: 'False',
        reason: 'KubeletHasNoDiskPressure',
        message: 'd',
        lastHeartbeatTime: at,
        lastTransitionTime: at,
      },
      {
        type: 'PIDPressure',
        status: 'False',
        reason: 'KubeletHasSufficientPID',
        message: 'p',
        lastHeartbeatTime: at,
        lastTransitionTime: at,
      },
      {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: 'r',
        lastHeartbeatTime: at,
        lastTransitionTime: at,
      },
    ],
  },
});

describe('node health', () => {
  it('tryUpdateNodeHealth: every kubelet condition becomes Unknown, keeping its heartbeat', () => {
    const now = '2025-01-01T00:01:00Z';
    const conditions = conditionsUnknown(kubeletNode(), now)!;
    expect(conditions.map((c) => [c.type, c.status, c.reason, c.message])).to.deep.equal(
      ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((t) => [
        t,
        'Unknown',
        'NodeStatusUnknown',
        'Kubelet stopped posting node status.',
      ]),
    );
    expect(conditions.every((c) => c.lastTransitionTime === now && c.lastHeartbeatTime === at)).to.equal(
      true,
    );
    const node = kubeletNode();
    node.status!.conditions = conditions;
    expect(conditionsUnknown(node, '2025-01-01T00:02:00Z')).to.equal(undefined);
  });

  it('adds the conditions a kubelet never posted as NodeStatusNeverUpdated', () => {
    const node: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', creationTimestamp: at } };
    const conditions = conditionsUnknown(node, '2025-01-01T00:01:00Z')!;
    expect(conditions.map((c) => [c.type, c.reason, c.message, c.lastHeartbeatTime])).to.deep.equal(
      ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map((t) => [
        t,
        'NodeStatusNeverUpdated',
        'Kubelet never posted node status.',
        at,
      ]),
    );
  });

  // ComputeZoneState (node_lifecycle_controller_test.go's zone cases, in small).
  it('ComputeZoneState: full, partial (more than 2 and at least 55 %), normal', () => {
    const cases: Array<[string[], string, number]> = [
      [['True', 'True', 'True'], 'Normal', 0],
      [['True', 'Unknown', 'True'], 'Normal', 1],
      [['True', 'Unknown', 'Unknown'], 'Normal', 2],
      [['Unknown', 'Unknown', 'Unknown'], 'FullDisruption', 3],
      [['True', 'Unknown', 'Unknown', 'False'], 'PartialDisruption', 3],
      [['True', 'True', 'Unknown', 'Unknown', 'False'], 'PartialDisruption', 3],
      [['True', 'True', 'True', 'Unknown', 'Unknown', 'False'], 'Normal', 3],
    ];
    for (const [statuses, state, unhealthy] of cases) {
      expect(computeZoneState(statuses), statuses.join()).to.deep.equal({ unhealthy, state });
    }
  });

  it('GetZoneKey: empty without topology labels, region and zone otherwise', () => {
    expect(zoneKey(kubeletNode())).to.equal('');
    const node = kubeletNode();
    node.metadata.labels = { 'topology.kubernetes.io/region': 'r1', 'topology.kubernetes.io/zone': 'z1' };
    expect(zoneKey(node)).to.equal('r1:\u0000:z1');
  });
});
