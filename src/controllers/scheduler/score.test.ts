import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Node } from '../../api/types.js';
import { Random } from '../../core/random.js';
import { NodeInfo } from './node-info.js';
import type { Resource } from './resources.js';
import { balancedAllocation, leastAllocated, selectNode, spreadScores } from './score.js';

function nodeInfo(name: string, cpuMilli: number, memoryMi: number): NodeInfo {
  const allocatable = { cpu: `${cpuMilli}m`, memory: `${memoryMi}Mi`, pods: '110' };
  const node: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { allocatable } };
  return new NodeInfo(node);
}

function request(milliCPU: number, memoryMi: number): Resource {
  return { milliCPU, memory: memoryMi * 1024 * 1024, ephemeralStorage: 0, scalars: new Map() };
}

/** selectNode as first written: the three plugin scores, spreading from spreadScores' arrays. */
function referenceSelect(
  req: Resource,
  owner: string | undefined,
  feasible: NodeInfo[],
): NodeInfo | undefined {
  const spread = spreadScores(owner, feasible);
  let best: NodeInfo | undefined;
  let bestScore = -1;
  feasible.forEach((info, i) => {
    const score = leastAllocated(req, info) + balancedAllocation(req, info) + 2 * spread[i]!;
    if (score > bestScore) {
      best = info;
      bestScore = score;
    }
  });
  return best;
}

describe('selectNode', () => {
  it('picks the node the plugin scores pick, over random node states', () => {
    const random = new Random(7);
    for (let round = 0; round < 200; round++) {
      const nodes = Array.from({ length: 1 + random.int(30) }, (_, i) =>
        nodeInfo(`node-${i + 1}`, 1000 * (1 + random.int(8)), 1024 * (1 + random.int(16))),
      );
      for (const info of nodes) {
        for (let p = random.int(12); p > 0; p--) {
          info.addPod({
            key: `default/p${p}`,
            hostPorts: [],
            priority: 0,
            node: info.name,
            requests: request(0, 0),
            nonZeroRequests: request(100 * (1 + random.int(5)), 64 * (1 + random.int(8))),
            owner: random.pick(['rs-a', 'rs-b', undefined]),
          });
        }
      }
      const req = request(100 * (1 + random.int(5)), 128);
      for (const owner of ['rs-a', 'rs-c', undefined]) {
        expect(selectNode(req, owner, nodes)?.name).to.equal(referenceSelect(req, owner, nodes)?.name);
      }
    }
  });

  it('spreads pods of one owner: the node with fewer of them wins when resources are equal', () => {
    const a = nodeInfo('node-1', 4000, 8192);
    const b = nodeInfo('node-2', 4000, 8192);
    const pod = {
      key: 'default/p',
      hostPorts: [],
      priority: 0,
      node: 'node-1',
      requests: request(0, 0),
      nonZeroRequests: request(100, 200),
      owner: 'rs',
    };
    a.addPod(pod);
    b.addPod({ ...pod, node: 'node-2', owner: 'other' });
    expect(selectNode(request(100, 200), 'rs', [a, b])?.name).to.equal('node-2');
  });

  it('chooses nothing from no nodes', () => {
    expect(selectNode(request(100, 200), 'rs', [])).to.equal(undefined);
  });
});
