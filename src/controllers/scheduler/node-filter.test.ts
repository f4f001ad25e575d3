import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Node, Pod } from '../../api/types.js';
import { filterNode, nodeFilterFor } from './filters.js';
import { accountedPod, NodeInfo } from './node-info.js';
import { podRequests } from './resources.js';

function node(
  name: string,
  extra: { unschedulable?: boolean; taint?: boolean; zone?: string; pods?: string },
): Node {
  const allocatable = { cpu: '1', memory: '1Gi', pods: extra.pods ?? '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/hostname': name, ...(extra.zone ? { zone: extra.zone } : {}) },
    },
    spec: {
      ...(extra.unschedulable ? { unschedulable: true } : {}),
      ...(extra.taint ? { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } : {}),
    },
    status: { allocatable },
  };
}

function pod(spec: Partial<NonNullable<Pod['spec']>>, cpu?: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: {
      containers: [{ name: 'c', image: 'nginx', ...(cpu ? { resources: { requests: { cpu } } } : {}) }],
      ...spec,
    },
  };
}

describe('nodeFilterFor', () => {
  const infos = [
    new NodeInfo(node('plain', {})),
    new NodeInfo(node('cordoned', { unschedulable: true })),
    new NodeInfo(node('tainted', { taint: true })),
    new NodeInfo(node('zoned', { zone: 'a' })),
    new NodeInfo(node('full', { pods: '1' })),
    new NodeInfo(node('port-taken', {})),
  ];
  const busy = infos[4]!;
  busy.addPod(accountedPod({ ...pod({}), spec: { ...pod({}).spec!, nodeName: 'full' } }));
  const withPort = pod({});
  withPort.spec!.containers[0]!.ports = [{ containerPort: 8080, hostPort: 8080 }];
  infos[5]!.addPod(accountedPod({ ...withPort, spec: { ...withPort.spec!, nodeName: 'port-taken' } }));
  const pods: Array<[string, Pod]> = [
    ['no placement rules', pod({})],
    ['a cpu request', pod({}, '500m')],
    ['too much cpu', pod({}, '2')],
    ['a node selector', pod({ nodeSelector: { zone: 'a' } })],
    ['a toleration', pod({ tolerations: [{ key: 'dedicated', operator: 'Exists' }] })],
    ['a host port', withPort],
    [
      'required node affinity',
      pod({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
            },
          },
        },
      }),
    ],
  ];
  for (const [name, p] of pods) {
    it(`gives filterNode's verdict on every node for a pod with ${name}`, () => {
      const request = podRequests(p);
      const filter = nodeFilterFor(p, request);
      for (const info of infos) expect(filter(info), info.name).to.deep.equal(filterNode(p, request, info));
    });
  }

  it('turns a pod with a host port away from the node whose pod holds it, and only from that one', () => {
    const filter = nodeFilterFor(withPort, podRequests(withPort));
    expect(infos.map((info) => filter(info)?.reasons[0])).to.deep.equal([
      undefined,
      'node(s) were unschedulable',
      'node(s) had untolerated taint {dedicated: db}',
      undefined,
      'Too many pods',
      "node(s) didn't have free ports for the requested pod ports",
    ]);
  });
});
