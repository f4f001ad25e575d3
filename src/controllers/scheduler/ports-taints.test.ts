import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Node, Pod } from '../../api/types.js';
import { defaultNode } from '../../cluster/settings.js';
import { podManifest, testbed } from '../kubelet/testbed.js';
import { Scheduler } from './scheduler.js';

const withScheduler = (options: Parameters<typeof testbed>[0] = {}) =>
  testbed({ ...options, controllers: [(ctx) => new Scheduler(ctx)] });

type Spec = Partial<NonNullable<Pod['spec']>>;

function web(name: string, options: { hostPort?: number; cpu?: string; spec?: Spec } = {}): Pod {
  return podManifest(name, {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.25',
        ...(options.hostPort ? { ports: [{ containerPort: 80, hostPort: options.hostPort }] } : {}),
        ...(options.cpu ? { resources: { requests: { cpu: options.cpu } } } : {}),
      },
    ],
    ...options.spec,
  });
}

type Taint = NonNullable<NonNullable<Node['spec']>['taints']>[number];
function taint(bed: ReturnType<typeof withScheduler>, node: string, ...taints: Taint[]): void {
  bed.store.mutate('Node', undefined, node, (n) => {
    n.spec = { ...n.spec, taints: [...(n.spec?.taints ?? []), ...taints] };
  });
  bed.loop.settle();
}

const scheduledMessage = (bed: ReturnType<typeof withScheduler>, name: string) =>
  bed.pod(name)!.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message;

describe('Scheduler: NodePorts', () => {
  it('keeps the second pod asking for hostPort 8080 on a one-node cluster Pending, then places it', () => {
    const bed = withScheduler({ nodes: [defaultNode('node-1')] });
    bed.create(web('a', { hostPort: 8080 }));
    bed.create(web('b', { hostPort: 8080 }));
    expect(bed.pod('a')!.spec?.nodeName).to.equal('node-1');
    expect(bed.pod('b')!.spec?.nodeName).to.equal(undefined);
    const message =
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..";
    expect(scheduledMessage(bed, 'b')).to.equal(message);
    expect(bed.eventsOf('b').map((e) => [e.type, e.reason, e.message])).to.deep.equal([
      ['Warning', 'FailedScheduling', message],
    ]);
    // Another host port, or the same port on UDP, fits beside it.
    bed.create(web('c', { hostPort: 8081 }));
    const udp = web('d');
    udp.spec!.containers[0]!.ports = [{ containerPort: 80, hostPort: 8080, protocol: 'UDP' }];
    bed.create(udp);
    expect([bed.pod('c')!.spec?.nodeName, bed.pod('d')!.spec?.nodeName]).to.deep.equal(['node-1', 'node-1']);
    // The port comes free when its pod has gone.
    bed.advance(10_000);
    bed.store.delete('Pod', 'default', 'a');
    bed.loop.settle();
    expect(bed.pod('a')).to.equal(undefined);
    expect(bed.pod('b')!.spec?.nodeName).to.equal('node-1');
  });

  it('counts each node under its first failing filter: NodePorts before NodeResourcesFit', () => {
    const bed = withScheduler();
    bed.create(web('cpu-hog', { cpu: '3500m' }));
    bed.create(web('p2', { hostPort: 8080, cpu: '100m' }));
    bed.create(web('p3', { hostPort: 8080, cpu: '100m' }));
    expect(['cpu-hog', 'p2', 'p3'].map((n) => bed.pod(n)!.spec?.nodeName)).to.deep.equal([
      'node-1',
      'node-2',
      'node-3',
    ]);
    bed.create(web('late', { hostPort: 8080, cpu: '1' }));
    expect(scheduledMessage(bed, 'late')).to.equal(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..",
    );
  });

  it('lets a pod of higher priority preempt the pod holding its port', () => {
    const bed = withScheduler({ nodes: [defaultNode('node-1')] });
    bed.create(web('low', { hostPort: 8080 }));
    const high = bed.create(web('high', { hostPort: 8080, spec: { priority: 1000 } }));
    expect(bed.eventsOf('low').map((e) => [e.reason, e.message])).to.deep.include([
      'Preempted',
      `Preempted by pod ${high.metadata.uid} on node node-1`,
    ]);
    // A FailedScheduling message without a preemption part (it succeeded), then the nominated node.
    expect(
      bed
        .eventsOf('high')
        .map((e) => [e.reason, e.message])
        .slice(0, 2),
    ).to.deep.equal([
      [
        'FailedScheduling',
        "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.",
      ],
      ['Scheduled', 'Successfully assigned default/high to node-1'],
    ]);
    // nginx stops at once on SIGTERM: the victim is gone and the preemptor runs on its node.
    expect(bed.pod('low')).to.equal(undefined);
    expect(bed.pod('high')!.spec?.nodeName).to.equal('node-1');
    expect(bed.pod('high')!.status?.nominatedNodeName).to.equal('node-1');
  });

  it('does not preempt again while its victim is still terminating on the nominated node', () => {
    const bed = withScheduler({ nodes: [defaultNode('node-1')] });
    // A shell as PID 1 ignores SIGTERM: the victim takes its whole 30 s grace period.
    bed.create(
      podManifest('low', {
        containers: [
          {
            name: 'sh',
            image: 'busybox',
            command: ['sh', '-c', 'sleep 3600'],
            ports: [{ containerPort: 80, hostPort: 8080 }],
          },
        ],
      }),
    );
    bed.create(web('high', { hostPort: 8080, spec: { priority: 1000 } }));
    expect(bed.pod('high')!.status?.nominatedNodeName).to.equal('node-1');
    const victim = bed.pod('low')!;
    // Deleted with its 30 s grace period (deletionTimestamp is when the grace period ends).
    expect(victim.metadata.deletionTimestamp).to.equal('2025-01-01T00:00:30Z');
    expect(victim.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).to.include({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    bed.create(web('other'));
    bed.advance(1000);
    bed.store.delete('Pod', 'default', 'other');
    bed.loop.settle();
    expect(scheduledMessage(bed, 'high')).to.equal(
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: not eligible due to a terminating pod on the nominated node..",
    );
    bed.advance(30_000);
    expect(bed.pod('low')).to.equal(undefined);
    expect(bed.pod('high')!.spec?.nodeName).to.equal('node-1');
  });

  it('finds no victim among pods of the same priority, and none for preemptionPolicy Never', () => {
    const bed = withScheduler({ nodes: [defaultNode('node-1')] });
    bed.create(web('a', { hostPort: 8080, spec: { priority: 5 } }));
    bed.create(web('same', { hostPort: 8080, spec: { priority: 5 } }));
    expect(scheduledMessage(bed, 'same')).to.match(/1 No preemption victims found for incoming pod\.\.$/);
    bed.create(web('never', { hostPort: 8080, spec: { priority: 9, preemptionPolicy: 'Never' } }));
    expect(scheduledMessage(bed, 'never')).to.equal(
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: not eligible due to preemptionPolicy=Never..",
    );
    expect(bed.pod('a')!.metadata.deletionTimestamp).to.equal(undefined);
  });

  it('reports what still blocks a node once its lower-priority pods are gone', () => {
    const bed = withScheduler({ nodes: [defaultNode('node-1')] });
    bed.create(web('keeper', { hostPort: 8080, spec: { priority: 100 } }));
    bed.create(web('small', { cpu: '100m' }));
    bed.create(web('high', { hostPort: 8080, spec: { priority: 50 } }));
    expect(scheduledMessage(bed, 'high')).to.equal(
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports..",
    );
    expect(bed.pod('small')!.metadata.deletionTimestamp).to.equal(undefined);
  });
});

describe('Scheduler: TaintToleration', () => {
  it('keeps pods off a NoSchedule (or NoExecute) taint they do not tolerate, with the upstream reason', () => {
    const bed = withScheduler({ nodes: [defaultNode('node-1')] });
    taint(bed, 'node-1', { key: 'key1', value: 'value1', effect: 'NoSchedule' });
    bed.create(web('plain'));
    expect(scheduledMessage(bed, 'plain')).to.equal(
      '0/1 nodes are available: 1 node(s) had untolerated taint {key1: value1}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
    bed.create(
      web('tolerant', {
        spec: { tolerations: [{ key: 'key1', operator: 'Equal', value: 'value1', effect: 'NoSchedule' }] },
      }),
    );
    expect(bed.pod('tolerant')!.spec?.nodeName).to.equal('node-1');
    bed.create(web('exists', { spec: { tolerations: [{ key: 'key1', operator: 'Exists' }] } }));
    expect(bed.pod('exists')!.spec?.nodeName).to.equal('node-1');
  });

  it('names the first untolerated taint in the node’s order, skipping PreferNoSchedule', () => {
    const bed = withScheduler({ nodes: [defaultNode('node-1')] });
    taint(
      bed,
      'node-1',
      { key: 'soft', value: 'x', effect: 'PreferNoSchedule' },
      { key: 'key1', value: 'value1', effect: 'NoSchedule' },
      { key: 'key1', value: 'value1', effect: 'NoExecute' },
      { key: 'key2', value: 'value2', effect: 'NoSchedule' },
    );
    // The docs' pod that tolerates both key1 taints: key2 keeps it off the node.
    bed.create(
      web('p', {
        spec: {
          tolerations: [
            { key: 'key1', operator: 'Equal', value: 'value1', effect: 'NoSchedule' },
            { key: 'key1', operator: 'Equal', value: 'value1', effect: 'NoExecute' },
          ],
        },
      }),
    );
    expect(scheduledMessage(bed, 'p')).to.match(
      /^0\/1 nodes are available: 1 node\(s\) had untolerated taint \{key2: value2\}\./,
    );
  });

  it('prefers nodes without PreferNoSchedule taints the pod does not tolerate', () => {
    const bed = withScheduler();
    taint(bed, 'node-1', { key: 'soft', value: 'x', effect: 'PreferNoSchedule' });
    taint(bed, 'node-2', { key: 'soft', value: 'x', effect: 'PreferNoSchedule' });
    bed.create(web('avoids'));
    expect(bed.pod('avoids')!.spec?.nodeName).to.equal('node-3');
    bed.create(
      web('tolerates', {
        spec: { tolerations: [{ key: 'soft', operator: 'Exists', effect: 'PreferNoSchedule' }] },
      }),
    );
    expect(bed.pod('tolerates')!.spec?.nodeName).to.equal('node-1');
    // A toleration for another effect does not count for PreferNoSchedule.
    bed.create(
      web('wrong-effect', {
        spec: { tolerations: [{ key: 'soft', operator: 'Exists', effect: 'NoSchedule' }] },
      }),
    );
    expect(bed.pod('wrong-effect')!.spec?.nodeName).to.equal('node-3');
  });
});
