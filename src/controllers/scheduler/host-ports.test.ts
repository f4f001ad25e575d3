/**
 * Ported from pkg/scheduler/framework/plugins/nodeports/node_ports_test.go (TestNodePorts,
 * TestGetContainerPorts) and pkg/scheduler/framework/types_test.go (TestHostPortInfo_AddRemove,
 * TestHostPortInfo_Check).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ContainerPort, Node, Pod } from '../../api/types.js';
import { ERR_REASON_NODE_PORTS, nodePorts } from './filters.js';
import { HostPortInfo, hostPortsOf } from './host-ports.js';
import { accountedPod, NodeInfo } from './node-info.js';

/** newPod(host, "PROTOCOL/hostIP/hostPort"...): one container with those ports. */
function newPod(host: string, ...hostPortInfos: string[]): Pod {
  const ports: ContainerPort[] = hostPortInfos.map((info) => {
    const [protocol, hostIP, hostPort] = info.split('/');
    return { containerPort: 0, hostIP: hostIP!, hostPort: Number(hostPort), protocol: protocol! };
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p-${hostPortInfos.join('-')}`, namespace: 'default' },
    spec: { ...(host ? { nodeName: host } : {}), containers: [{ name: 'c', image: 'nginx', ports }] },
  };
}

/** framework.NewNodeInfo(pods...) on node m1. */
function newNodeInfo(...pods: Pod[]): NodeInfo {
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'm1' },
    status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  };
  const info = new NodeInfo(node);
  for (const p of pods) info.addPod(accountedPod(p));
  return info;
}

describe('NodePorts', () => {
  // [name, pod, nodeInfo, want]: want is 'skip' (PreFilter skips), undefined (fits) or the reason.
  const tests: Array<[string, Pod, NodeInfo, 'skip' | string | undefined]> = [
    [
      'skip filter',
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } },
      newNodeInfo(),
      'skip',
    ],
    [
      'other port',
      newPod('m1', 'UDP/127.0.0.1/8080'),
      newNodeInfo(newPod('m1', 'UDP/127.0.0.1/9090')),
      undefined,
    ],
    [
      'same udp port',
      newPod('m1', 'UDP/127.0.0.1/8080'),
      newNodeInfo(newPod('m1', 'UDP/127.0.0.1/8080')),
      ERR_REASON_NODE_PORTS,
    ],
    [
      'same tcp port',
      newPod('m1', 'TCP/127.0.0.1/8080'),
      newNodeInfo(newPod('m1', 'TCP/127.0.0.1/8080')),
      ERR_REASON_NODE_PORTS,
    ],
    [
      'different host ip',
      newPod('m1', 'TCP/127.0.0.1/8080'),
      newNodeInfo(newPod('m1', 'TCP/127.0.0.2/8080')),
      undefined,
    ],
    [
      'different protocol',
      newPod('m1', 'UDP/127.0.0.1/8080'),
      newNodeInfo(newPod('m1', 'TCP/127.0.0.1/8080')),
      undefined,
    ],
    [
      'second udp port conflict',
      newPod('m1', 'UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'),
      newNodeInfo(newPod('m1', 'UDP/127.0.0.1/8080')),
      ERR_REASON_NODE_PORTS,
    ],
    [
      'first tcp port conflict',
      newPod('m1', 'TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'),
      newNodeInfo(newPod('m1', 'TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081')),
      ERR_REASON_NODE_PORTS,
    ],
    [
      'first tcp port conflict due to 0.0.0.0 hostIP',
      newPod('m1', 'TCP/0.0.0.0/8001'),
      newNodeInfo(newPod('m1', 'TCP/127.0.0.1/8001')),
      ERR_REASON_NODE_PORTS,
    ],
    [
      'TCP hostPort conflict due to 0.0.0.0 hostIP',
      newPod('m1', 'TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'),
      newNodeInfo(newPod('m1', 'TCP/127.0.0.1/8001')),
      ERR_REASON_NODE_PORTS,
    ],
    [
      'second tcp port conflict to 0.0.0.0 hostIP',
      newPod('m1', 'TCP/127.0.0.1/8001'),
      newNodeInfo(newPod('m1', 'TCP/0.0.0.0/8001')),
      ERR_REASON_NODE_PORTS,
    ],
    [
      'second different protocol',
      newPod('m1', 'UDP/127.0.0.1/8001'),
      newNodeInfo(newPod('m1', 'TCP/0.0.0.0/8001')),
      undefined,
    ],
    [
      'UDP hostPort conflict due to 0.0.0.0 hostIP',
      newPod('m1', 'UDP/127.0.0.1/8001'),
      newNodeInfo(newPod('m1', 'TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001')),
      ERR_REASON_NODE_PORTS,
    ],
  ];
  for (const [name, pod, info, want] of tests) {
    it(name, () => {
      const wantPorts = hostPortsOf(pod);
      if (want === 'skip') {
        expect(wantPorts).to.have.length(0);
        return;
      }
      expect(wantPorts).not.to.have.length(0);
      const status = nodePorts(wantPorts, info);
      if (want === undefined) expect(status).to.equal(undefined);
      else expect(status).to.deep.equal({ code: 'Unschedulable', reasons: [want] });
    });
  }

  it('frees the ports of a pod that goes away, keeps those another pod still holds', () => {
    const a = accountedPod(newPod('m1', 'TCP//8080'));
    const b = accountedPod(newPod('m1', 'TCP//8080'));
    const info = newNodeInfo();
    const want = hostPortsOf(newPod('', 'TCP//8080'));
    info.addPod(a);
    info.addPod(b);
    info.removePod(a);
    expect(nodePorts(want, info)?.reasons).to.deep.equal([ERR_REASON_NODE_PORTS]);
    info.removePod(b);
    expect(nodePorts(want, info)).to.equal(undefined);
  });
});

describe('getContainerPorts (hostPortsOf)', () => {
  it('TestGetContainerPorts: the host ports of every container, those without a host port left out', () => {
    const port = (n: number, host = true): ContainerPort => ({
      containerPort: n,
      ...(host ? { hostPort: n } : {}),
      protocol: 'TCP',
    });
    const pod = (base: number): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [
          { name: 'a', ports: [port(base + 1), port(base + 2)] },
          { name: 'b', ports: [port(base + 3), port(base + 4)] },
          { name: 'c', ports: [port(base + 5, false)] },
        ],
      },
    });
    const got = [...hostPortsOf(pod(8000)), ...hostPortsOf(pod(8010))];
    expect(got.map((p) => p.hostPort)).to.deep.equal([8001, 8002, 8003, 8004, 8011, 8012, 8013, 8014]);
  });

  it('v1.33 looks at app containers only: an init container or sidecar hostPort is not counted', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        initContainers: [
          { name: 'side', restartPolicy: 'Always', ports: [{ containerPort: 9, hostPort: 9 }] },
        ],
        containers: [{ name: 'c' }],
      },
    };
    expect(hostPortsOf(pod)).to.have.length(0);
  });
});

describe('HostPortInfo', () => {
  type P = [protocol: string, ip: string, port: number];
  const full: P[] = [
    ['TCP', '127.0.0.1', 79],
    ['UDP', '127.0.0.1', 80],
    ['TCP', '127.0.0.1', 81],
    ['TCP', '127.0.0.1', 82],
    ['TCP', '0.0.0.0', 79],
    ['UDP', '0.0.0.0', 80],
    ['TCP', '0.0.0.0', 81],
    ['TCP', '0.0.0.0', 82],
  ];
  const addRemove: Array<[string, P[], P[], number]> = [
    ['normal add case', [...full, ['TCP', '0.0.0.0', 0], ['TCP', '0.0.0.0', -1]], [], 8],
    [
      'empty ip and protocol add should work',
      [
        ['', '127.0.0.1', 79],
        ['UDP', '127.0.0.1', 80],
        ['', '127.0.0.1', 81],
        ['', '127.0.0.1', 82],
        ['', '', 79],
        ['UDP', '', 80],
        ['', '', 81],
        ['', '', 82],
        ['', '', 0],
        ['', '', -1],
      ],
      [],
      8,
    ],
    ['normal remove case', full, full, 0],
    [
      'empty ip and protocol remove should work',
      full,
      [
        ['', '127.0.0.1', 79],
        ['', '127.0.0.1', 81],
        ['', '127.0.0.1', 82],
        ['UDP', '127.0.0.1', 80],
        ['', '', 79],
        ['', '', 81],
        ['', '', 82],
        ['UDP', '', 80],
      ],
      0,
    ],
  ];
  for (const [name, added, removed, length] of addRemove) {
    it(`TestHostPortInfo_AddRemove: ${name}`, () => {
      const hp = new HostPortInfo();
      for (const [protocol, ip, port] of added) hp.add(ip, protocol, port);
      for (const [protocol, ip, port] of removed) hp.remove(ip, protocol, port);
      expect(hp.size).to.equal(length);
    });
  }

  const check: Array<[string, P[], P, boolean]> = [
    ['empty check should check 0.0.0.0 and TCP', [['TCP', '127.0.0.1', 80]], ['', '', 81], false],
    ['empty check should check 0.0.0.0 and TCP (conflicted)', [['TCP', '127.0.0.1', 80]], ['', '', 80], true],
    ['empty port check should pass', [['TCP', '127.0.0.1', 80]], ['', '', 0], false],
    ['0.0.0.0 should check all registered IPs', [['TCP', '127.0.0.1', 80]], ['TCP', '0.0.0.0', 80], true],
    [
      '0.0.0.0 with different protocol should be allowed',
      [['UDP', '127.0.0.1', 80]],
      ['TCP', '0.0.0.0', 80],
      false,
    ],
    [
      '0.0.0.0 with different port should be allowed',
      [
        ['TCP', '127.0.0.1', 79],
        ['TCP', '127.0.0.1', 81],
        ['TCP', '127.0.0.1', 82],
      ],
      ['TCP', '0.0.0.0', 80],
      false,
    ],
    [
      'normal ip should check all registered 0.0.0.0',
      [['TCP', '0.0.0.0', 80]],
      ['TCP', '127.0.0.1', 80],
      true,
    ],
    [
      'normal ip with different port/protocol should be allowed (0.0.0.0)',
      [
        ['TCP', '0.0.0.0', 79],
        ['UDP', '0.0.0.0', 80],
        ['TCP', '0.0.0.0', 81],
        ['TCP', '0.0.0.0', 82],
      ],
      ['TCP', '127.0.0.1', 80],
      false,
    ],
    [
      'normal ip with different port/protocol should be allowed',
      [
        ['TCP', '127.0.0.1', 79],
        ['UDP', '127.0.0.1', 80],
        ['TCP', '127.0.0.1', 81],
        ['TCP', '127.0.0.1', 82],
      ],
      ['TCP', '127.0.0.1', 80],
      false,
    ],
  ];
  for (const [name, added, [protocol, ip, port], want] of check) {
    it(`TestHostPortInfo_Check: ${name}`, () => {
      const hp = new HostPortInfo();
      for (const [pr, i, po] of added) hp.add(i, pr, po);
      expect(hp.checkConflict(ip, protocol, port)).to.equal(want);
    });
  }
});
