import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { defaultNode } from '../../cluster/settings.js';
import { podManifest, testbed } from '../kubelet/testbed.js';
import { Scheduler } from './scheduler.js';

const withScheduler = (options: Parameters<typeof testbed>[0] = {}) =>
  testbed({ ...options, controllers: [(ctx) => new Scheduler(ctx)] });

const nginx = (name: string, cpu?: string, extra: Partial<NonNullable<Pod['spec']>> = {}): Pod =>
  podManifest(name, {
    containers: [
      { name: 'nginx', image: 'nginx:1.25', ...(cpu ? { resources: { requests: { cpu } } } : {}) },
    ],
    ...extra,
  });

function owned(name: string, ownerUid: string): Pod {
  const pod = nginx(name);
  pod.metadata.ownerReferences = [
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: ownerUid, controller: true },
  ];
  return pod;
}

describe('Scheduler', () => {
  it('binds a pod: nodeName, PodScheduled, the Scheduled event, then the kubelet runs it', () => {
    const bed = withScheduler();
    bed.create(nginx('web'));
    const pod = bed.pod('web')!;
    expect(pod.spec?.nodeName).to.equal('node-1');
    expect(bed.eventsOf('web')[0]).to.include({
      type: 'Normal',
      reason: 'Scheduled',
      message: 'Successfully assigned default/web to node-1',
      source: 'default-scheduler',
    });
    expect(pod.status?.phase).to.equal('Running');
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')).to.include({
      status: 'True',
      lastTransitionTime: '2025-01-01T00:00:00Z',
    });
  });

  it('spreads the pods of one owner over the nodes', () => {
    const bed = withScheduler();
    for (const name of ['a', 'b', 'c']) bed.store.create(owned(name, 'rs-uid'));
    bed.loop.settle();
    expect(['a', 'b', 'c'].map((n) => bed.pod(n)!.spec?.nodeName)).to.deep.equal([
      'node-1',
      'node-2',
      'node-3',
    ]);
  });

  it('prefers the least allocated node', () => {
    const bed = withScheduler();
    bed.create(nginx('big', '3'));
    bed.create(nginx('next', '100m'));
    expect(bed.pod('big')!.spec?.nodeName).to.equal('node-1');
    expect(bed.pod('next')!.spec?.nodeName).to.equal('node-2');
  });

  it('honours nodeSelector and cordoned nodes', () => {
    const bed = withScheduler();
    bed.store.mutate('Node', undefined, 'node-1', (n) => {
      n.spec = { ...n.spec, unschedulable: true };
    });
    bed.create(nginx('sel', undefined, { nodeSelector: { 'kubernetes.io/hostname': 'node-3' } }));
    bed.create(nginx('any'));
    expect(bed.pod('sel')!.spec?.nodeName).to.equal('node-3');
    expect(bed.pod('any')!.spec?.nodeName).to.equal('node-2');
    bed.create(nginx('nowhere', undefined, { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } }));
    expect(bed.pod('nowhere')!.status?.conditions?.[0]?.message).to.equal(
      "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    );
  });

  it('leaves a pod too big for any node Pending with PodScheduled=False and a FailedScheduling event', () => {
    const bed = withScheduler();
    bed.create(nginx('huge', '100'));
    const pod = bed.pod('huge')!;
    const message =
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..';
    expect(pod.spec?.nodeName).to.equal(undefined);
    expect(pod.status?.phase).to.equal('Pending');
    expect(pod.status?.conditions).to.deep.equal([
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: '2025-01-01T00:00:00Z',
        reason: 'Unschedulable',
        message,
      },
    ]);
    expect(bed.eventsOf('huge')).to.deep.equal([
      {
        at: 0,
        object: 'huge',
        type: 'Warning',
        reason: 'FailedScheduling',
        message,
        source: 'default-scheduler',
      },
    ]);
    bed.advance(5 * 60_000);
    expect(bed.eventsOf('huge')).to.have.length(2);
  });

  it('tries an unschedulable pod again when resources are freed', () => {
    const bed = withScheduler({ nodes: [defaultNode('node-1')] });
    bed.create(nginx('first', '3'));
    bed.create(nginx('second', '3'));
    expect(bed.pod('second')!.status?.conditions?.[0]?.message).to.equal(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
    );
    bed.advance(10_000);
    bed.store.delete('Pod', 'default', 'first');
    bed.loop.settle();
    const second = bed.pod('second')!;
    expect(second.spec?.nodeName).to.equal('node-1');
    expect(second.status?.phase).to.equal('Running');
    expect(second.status?.conditions?.find((c) => c.type === 'PodScheduled')).to.include({
      status: 'True',
      lastTransitionTime: '2025-01-01T00:00:10Z',
    });
  });

  it('counts pods against the node’s pod limit and ignores finished pods', () => {
    const bed = withScheduler({ nodes: [{ ...defaultNode('node-1'), pods: 1 }] });
    bed.create(
      podManifest('job', {
        restartPolicy: 'Never',
        containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 5'] }],
      }),
    );
    bed.create(nginx('waiting'));
    expect(bed.pod('waiting')!.status?.conditions?.[0]?.message).to.equal(
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
    );
    bed.advance(5000);
    expect(bed.pod('job')!.status?.phase).to.equal('Succeeded');
    expect(bed.pod('waiting')!.spec?.nodeName).to.equal('node-1');
  });
});
