import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, Pod, Service } from '../api/types.js';
import { Cluster } from './cluster.js';
import { nodeMemoryPressure, nodeRecovers, nodeUnreachable } from './faults.js';

const deployment = (replicas: number): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
    },
  },
});

const service: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
};

const barePod = (name: string, nodeName: string): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { nodeName, containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
});

const T0 = 10_000;

/** A 3-replica Deployment (one pod per node) behind a Service, at T0. */
function webCluster(): Cluster {
  const cluster = new Cluster();
  cluster.store.create(deployment(3));
  cluster.store.create(service);
  cluster.advance(T0);
  return cluster;
}

const pods = (c: Cluster) => c.store.list('Pod', 'default');
const podsOn = (c: Cluster, node: string) => pods(c).filter((p) => p.spec?.nodeName === node);
const node = (c: Cluster, name: string) => c.store.get('Node', undefined, name)!;
const condition = (c: Cluster, nodeName: string, type: string) =>
  node(c, nodeName).status!.conditions!.find((x) => x.type === type)!;
const podReady = (p: Pod) => p.status?.conditions?.find((x) => x.type === 'Ready')?.status;
const taints = (c: Cluster, name: string) =>
  (node(c, name).spec?.taints ?? []).map((t) => `${t.key}:${t.effect}@${t.timeAdded}`);
const eventsOf = (c: Cluster, name: string) =>
  c.store
    .list('Event')
    .filter((e) => e.involvedObject.name === name)
    .map((e) => [e.type, e.reason, e.message, e.source?.component]);
/** Advance to `ms` after T0. */
const at = (c: Cluster, ms: number) => c.advance(T0 + ms - c.now);

describe('node faults', () => {
  it('an unreachable node: Unknown at the grace period, tainted, its pod replaced when its toleration runs out', () => {
    const c = webCluster();
    expect(['node-1', 'node-2', 'node-3'].map((n) => podsOn(c, n).length)).to.deep.equal([1, 1, 1]);
    const lost = podsOn(c, 'node-2')[0]!;
    const lostName = lost.metadata.name;
    const lostIP = lost.status!.podIP!;
    nodeUnreachable(c, 'node-2');

    at(c, 49_999);
    expect(condition(c, 'node-2', 'Ready').status).to.equal('True');
    expect(podReady(c.store.get('Pod', 'default', lostName)!)).to.equal('True');

    at(c, 50_000);
    const conditions = node(c, 'node-2').status!.conditions!;
    expect(conditions.map((x) => [x.type, x.status, x.reason, x.message])).to.deep.equal(
      ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((t) => [
        t,
        'Unknown',
        'NodeStatusUnknown',
        'Kubelet stopped posting node status.',
      ]),
    );
    expect(conditions.every((x) => x.lastTransitionTime === '2025-01-01T00:01:00Z')).to.equal(true);
    expect(eventsOf(c, 'node-2')).to.deep.include([
      'Normal',
      'NodeNotReady',
      'Node node-2 status is now: NodeNotReady',
      'node-controller',
    ]);
    const notReady = c.store.get('Pod', 'default', lostName)!;
    expect(notReady.status!.conditions!.find((x) => x.type === 'Ready')).to.include({
      status: 'False',
      lastTransitionTime: '2025-01-01T00:01:00Z',
    });
    expect(notReady.status!.conditions!.find((x) => x.type === 'Ready')!.reason).to.equal(undefined);
    expect(eventsOf(c, lostName)).to.deep.include([
      'Warning',
      'NodeNotReady',
      'Node is not ready',
      'node-controller',
    ]);
    const subsets = c.store.get('Endpoints', 'default', 'web')!.subsets!;
    expect(subsets.flatMap((s) => (s.addresses ?? []).map((a) => a.ip))).not.to.include(lostIP);
    expect(subsets.flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip))).to.include(lostIP);
    expect(taints(c, 'node-2')).to.deep.equal([
      'node.kubernetes.io/unreachable:NoSchedule@2025-01-01T00:01:00Z',
    ]);

    at(c, 55_000);
    expect(taints(c, 'node-2')).to.deep.equal([
      'node.kubernetes.io/unreachable:NoSchedule@2025-01-01T00:01:00Z',
      'node.kubernetes.io/unreachable:NoExecute@2025-01-01T00:01:05Z',
    ]);

    at(c, 354_999);
    expect(c.store.get('Pod', 'default', lostName)!.metadata.deletionTimestamp).to.equal(undefined);
    expect(pods(c)).to.have.length(3);

    at(c, 355_000);
    const deleted = c.store.get('Pod', 'default', lostName)!;
    expect(deleted.metadata.deletionTimestamp).to.equal('2025-01-01T00:06:35Z');
    expect(deleted.status!.conditions!.find((x) => x.type === 'DisruptionTarget')).to.include({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    expect(eventsOf(c, lostName)).to.deep.include([
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod default/${lostName}`,
      'taint-eviction-controller',
    ]);
    const live = pods(c).filter((p) => !p.metadata.deletionTimestamp);
    expect(live).to.have.length(3);
    expect(live.every((p) => p.spec?.nodeName !== 'node-2' && p.status?.phase === 'Running')).to.equal(true);
    expect(live.every((p) => podReady(p) === 'True')).to.equal(true);

    // Nobody can confirm the deletion: the pod stays Terminating as long as the node is gone.
    at(c, 3_600_000);
    expect(c.store.get('Pod', 'default', lostName)?.metadata.deletionTimestamp).to.equal(
      '2025-01-01T00:06:35Z',
    );
  });

  it('recovery: Ready again, taints gone, the Terminating pod removed, the node schedulable', () => {
    const c = webCluster();
    const lostName = podsOn(c, 'node-2')[0]!.metadata.name;
    nodeUnreachable(c, 'node-2');
    at(c, 400_000);
    nodeRecovers(c, 'node-2');
    expect(condition(c, 'node-2', 'Ready')).to.include({
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
      lastTransitionTime: '2025-01-01T00:06:50Z',
    });
    expect(condition(c, 'node-2', 'MemoryPressure').reason).to.equal('KubeletHasSufficientMemory');
    expect(node(c, 'node-2').spec?.taints).to.equal(undefined);
    expect(c.store.get('Pod', 'default', lostName)).to.equal(undefined);
    expect(eventsOf(c, 'node-2').map((e) => e[1])).to.include.members([
      'NodeHasSufficientMemory',
      'NodeHasNoDiskPressure',
      'NodeHasSufficientPID',
      'NodeReady',
    ]);
    expect(eventsOf(c, lostName).map((e) => e[1])).to.include('Killing');
    c.store.mutate('Deployment', 'default', 'web', (d) => {
      d.spec!.replicas = 6;
    });
    c.advance(1000);
    expect(podsOn(c, 'node-2').filter((p) => p.status?.phase === 'Running').length).to.be.greaterThan(0);
  });

  it('a bare pod on the lost node is deleted and never recreated', () => {
    const c = webCluster();
    c.store.create(barePod('bare', 'node-2'));
    c.settle();
    nodeUnreachable(c, 'node-2');
    at(c, 355_000);
    expect(c.store.get('Pod', 'default', 'bare')!.metadata.deletionTimestamp).to.equal(
      '2025-01-01T00:06:35Z',
    );
    at(c, 600_000);
    nodeRecovers(c, 'node-2');
    c.advance(60_000);
    expect(c.store.get('Pod', 'default', 'bare')).to.equal(undefined);
    expect(pods(c).filter((p) => p.metadata.name.startsWith('bare'))).to.have.length(0);
  });

  it('recovering before the tolerations run out: pods stay and are Ready again; deletions cancelled', () => {
    const c = webCluster();
    const name = podsOn(c, 'node-2')[0]!.metadata.name;
    nodeUnreachable(c, 'node-2');
    at(c, 100_000);
    expect(podReady(c.store.get('Pod', 'default', name)!)).to.equal('False');
    nodeRecovers(c, 'node-2');
    const pod = c.store.get('Pod', 'default', name)!;
    expect(pod.metadata.deletionTimestamp).to.equal(undefined);
    expect(podReady(pod)).to.equal('True');
    expect(node(c, 'node-2').spec?.taints).to.equal(undefined);
    expect(eventsOf(c, name)).to.deep.include([
      'Normal',
      'TaintManagerEviction',
      `Cancelling deletion of Pod default/${name}`,
      'taint-eviction-controller',
    ]);
    at(c, 600_000);
    expect(pods(c)).to.have.length(3);
    expect(c.store.get('Pod', 'default', name)!.metadata.deletionTimestamp).to.equal(undefined);
  });

  it('every node unreachable (full disruption): nodes go Unknown but no pod is deleted', () => {
    const c = webCluster();
    for (const n of ['node-1', 'node-2', 'node-3']) nodeUnreachable(c, n);
    at(c, 1_000_000);
    expect(['node-1', 'node-2', 'node-3'].map((n) => condition(c, n, 'Ready').status)).to.deep.equal([
      'Unknown',
      'Unknown',
      'Unknown',
    ]);
    expect(['node-1', 'node-2', 'node-3'].map((n) => taints(c, n).length)).to.deep.equal([1, 1, 1]);
    expect(pods(c).every((p) => p.metadata.deletionTimestamp === undefined)).to.equal(true);
  });

  it('leaving full disruption: the nodes still lost are tainted NoExecute one per 10 s (--node-eviction-rate)', () => {
    const c = webCluster();
    for (const n of ['node-1', 'node-2', 'node-3']) nodeUnreachable(c, n);
    at(c, 100_000);
    nodeRecovers(c, 'node-1');
    const noExecute = (n: string) => taints(c, n).filter((t) => t.includes(':NoExecute'));
    expect(noExecute('node-2')).to.deep.equal([
      'node.kubernetes.io/unreachable:NoExecute@2025-01-01T00:01:50Z',
    ]);
    expect(noExecute('node-3')).to.deep.equal([]);
    at(c, 110_000);
    expect(noExecute('node-3')).to.deep.equal([
      'node.kubernetes.io/unreachable:NoExecute@2025-01-01T00:02:00Z',
    ]);
  });

  it('a kubelet back within the grace period leaves no trace', () => {
    const c = webCluster();
    const before = c.store.history.serialize().length;
    nodeUnreachable(c, 'node-2');
    at(c, 30_000);
    nodeRecovers(c, 'node-2');
    at(c, 120_000);
    expect(condition(c, 'node-2', 'Ready').status).to.equal('True');
    expect(c.store.history.serialize().length).to.equal(before);
  });

  it('rejects an unknown node name', () => {
    const c = new Cluster();
    expect(() => nodeUnreachable(c, 'node-9')).to.throw(
      'node "node-9" does not exist (nodes: node-1, node-2, node-3)',
    );
  });
});

/** A pod on node-1 running `stress` that uses `use` of memory, with optional requests/limits. */
const stressPod = (
  name: string,
  use: string,
  resources: Record<string, Record<string, string>> = {},
): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: {
    nodeName: 'node-1',
    containers: [
      {
        name: 'stress',
        image: 'polinux/stress',
        command: ['stress'],
        args: ['--vm', '1', '--vm-bytes', use, '--vm-hang', '0'],
        resources,
      },
    ],
  },
});

describe('node memory pressure', () => {
  it('evicts in memory-pressure order: over-request first, then Guaranteed; one pod per call', () => {
    const c = new Cluster();
    // Uses 1Mi more than `--vm-bytes` (the stress process itself).
    c.store.create(
      stressPod('guaranteed', '300M', {
        requests: { cpu: '100m', memory: '512Mi' },
        limits: { cpu: '100m', memory: '512Mi' },
      }),
    );
    c.store.create(
      stressPod('burstable', '300M', { requests: { memory: '256Mi' }, limits: { memory: '1Gi' } }),
    );
    c.store.create(stressPod('besteffort', '200M'));
    c.advance(10_000);
    expect(pods(c).map((p) => [p.metadata.name, p.status?.qosClass, p.status?.phase])).to.deep.equal([
      ['besteffort', 'BestEffort', 'Running'],
      ['burstable', 'Burstable', 'Running'],
      ['guaranteed', 'Guaranteed', 'Running'],
    ]);

    expect(nodeMemoryPressure(c, 'node-1')).to.equal('default/besteffort');
    const message =
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ' +
      'Container stress was using 201Mi, request is 0, has larger consumption of memory. ';
    expect(eventsOf(c, 'besteffort')).to.deep.include(['Warning', 'Evicted', message, 'kubelet']);
    const evicted = c.store.get('Pod', 'default', 'besteffort')!;
    expect(evicted.status!.conditions![0]).to.include({
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'TerminationByKubelet',
      message,
    });
    // stress exits 0 on SIGTERM, so the evicted pod ends Succeeded (v1.27+), with no reason.
    expect([evicted.status!.phase, evicted.status!.reason]).to.deep.equal(['Succeeded', undefined]);
    expect(condition(c, 'node-1', 'MemoryPressure')).to.include({
      status: 'True',
      reason: 'KubeletHasInsufficientMemory',
      message: 'kubelet has insufficient memory available',
    });
    expect(taints(c, 'node-1')).to.deep.equal([
      'node.kubernetes.io/memory-pressure:NoSchedule@2025-01-01T00:00:10Z',
    ]);
    expect(eventsOf(c, 'node-1')).to.deep.include.members([
      ['Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory', 'kubelet'],
      [
        'Normal',
        'NodeHasInsufficientMemory',
        'Node node-1 status is now: NodeHasInsufficientMemory',
        'kubelet',
      ],
    ]);
    expect(c.store.get('Pod', 'default', 'burstable')!.status!.phase).to.equal('Running');

    c.advance(1000);
    expect(nodeMemoryPressure(c, 'node-1')).to.equal('default/burstable');
    expect(eventsOf(c, 'burstable')).to.deep.include([
      'Warning',
      'Evicted',
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ' +
        'Container stress was using 301Mi, request is 256Mi, has larger consumption of memory. ',
      'kubelet',
    ]);
    c.advance(1000);
    expect(nodeMemoryPressure(c, 'node-1', { available: '20Mi' })).to.equal('default/guaranteed');
    expect(eventsOf(c, 'guaranteed')).to.deep.include([
      'Warning',
      'Evicted',
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 20Mi. ',
      'kubelet',
    ]);
    c.advance(1000);
    expect(nodeMemoryPressure(c, 'node-1')).to.equal(undefined);

    // Five minutes after the last pass that saw pressure, the kubelet reports it gone.
    c.advance(5 * 60_000 - 1);
    expect(condition(c, 'node-1', 'MemoryPressure').status).to.equal('True');
    c.advance(1);
    expect(condition(c, 'node-1', 'MemoryPressure')).to.include({
      status: 'False',
      reason: 'KubeletHasSufficientMemory',
    });
    expect(node(c, 'node-1').spec?.taints).to.equal(undefined);
  });

  it('an evicted container that ignores SIGTERM is killed after 2 s: Failed, reason Evicted', () => {
    const c = new Cluster();
    c.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'sleeper', namespace: 'default' },
      spec: {
        nodeName: 'node-3',
        containers: [{ name: 'sh', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }],
      },
    } as Pod);
    c.advance(5000);
    expect(nodeMemoryPressure(c, 'node-3')).to.equal('default/sleeper');
    expect(c.store.get('Pod', 'default', 'sleeper')!.status!.phase).to.equal('Running');
    c.advance(2000);
    const pod = c.store.get('Pod', 'default', 'sleeper')!;
    expect([pod.status!.phase, pod.status!.reason]).to.deep.equal(['Failed', 'Evicted']);
    expect(pod.status!.message).to.equal(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ' +
        'Container sh was using 1Mi, request is 0, has larger consumption of memory. ',
    );
    expect(pod.status!.containerStatuses![0]!.state!.terminated).to.include({ exitCode: 137 });
  });

  it('a pod evicted before its containers ran is Failed, Evicted, its container ContainerStatusUnknown', () => {
    const c = new Cluster({ imagePullMs: 600_000 });
    c.store.create(barePod('pulling', 'node-1'));
    c.advance(1000);
    expect(nodeMemoryPressure(c, 'node-1')).to.equal('default/pulling');
    const status = c.store.get('Pod', 'default', 'pulling')!.status!;
    expect([status.phase, status.reason]).to.deep.equal(['Failed', 'Evicted']);
    expect(status.containerStatuses![0]!.state!.terminated).to.include({
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
    });
    c.advance(700_000);
    expect(c.store.get('Pod', 'default', 'pulling')!.status!.phase).to.equal('Failed');
  });

  it('a ReplicaSet replaces its evicted pod once the pod has stopped', () => {
    const c = webCluster();
    const victim = podsOn(c, 'node-1')[0]!.metadata.name;
    expect(nodeMemoryPressure(c, 'node-1')).to.equal(`default/${victim}`);
    const live = pods(c).filter((p) => p.status?.phase === 'Running');
    expect(live).to.have.length(3);
    expect(live.map((p) => p.metadata.name)).not.to.include(victim);
    // The memory-pressure taint keeps the replacement off node-1.
    expect(live.filter((p) => p.spec?.nodeName === 'node-1')).to.have.length(0);
  });

  it('refuses an unreachable node', () => {
    const c = new Cluster();
    nodeUnreachable(c, 'node-1');
    expect(() => nodeMemoryPressure(c, 'node-1')).to.throw('node "node-1" is unreachable');
    expect(() => nodeMemoryPressure(c, 'node-2', { available: '100Mi' })).to.throw(
      'memory.available 100Mi is not below the eviction threshold 100Mi',
    );
  });
});
