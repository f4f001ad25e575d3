import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { defaultNode } from '../../cluster/settings.js';
import { podManifest, testbed } from './testbed.js';

const onNode = (name: string, image: string, extra: Partial<NonNullable<Pod['spec']>> = {}) =>
  podManifest(name, { image, nodeName: 'node-1', ...extra });

const kubeletEvents = (bed: ReturnType<typeof testbed>, pod: string) =>
  bed.eventsOf(pod).map((e) => [e.type, e.reason, e.message]);

describe('Kubelet', () => {
  it('runs a pod bound to its node: IP, events in order, conditions, then Running and Ready', () => {
    const bed = testbed();
    bed.create(onNode('web', 'nginx:1.25'));
    const pod = bed.pod('web')!;
    expect(pod.status?.phase).to.equal('Running');
    expect(pod.status?.podIP).to.equal('10.244.0.2');
    expect(pod.status?.podIPs).to.deep.equal([{ ip: '10.244.0.2' }]);
    expect(pod.status?.hostIP).to.equal('172.18.0.2');
    expect(pod.status?.hostIPs).to.deep.equal([{ ip: '172.18.0.2' }]);
    expect(pod.status?.qosClass).to.equal('BestEffort');
    expect(pod.status?.startTime).to.equal('2025-01-01T00:00:00Z');
    expect(kubeletEvents(bed, 'web')).to.deep.equal([
      ['Normal', 'Pulling', 'Pulling image "nginx:1.25"'],
      [
        'Normal',
        'Pulled',
        'Successfully pulled image "nginx:1.25" in 0s (0s including waiting). Image size: 72225394 bytes.',
      ],
      ['Normal', 'Created', 'Created container: nginx'],
      ['Normal', 'Started', 'Started container nginx'],
    ]);
    expect(bed.eventsOf('web').every((e) => e.source === 'kubelet')).to.equal(true);
    expect(pod.status?.conditions?.map((c) => [c.type, c.status])).to.deep.equal([
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
      ['PodScheduled', 'True'],
    ]);
    const cs = pod.status!.containerStatuses![0]!;
    expect(cs).to.include({
      name: 'nginx',
      ready: true,
      started: true,
      restartCount: 0,
      image: 'docker.io/library/nginx:1.25',
    });
    expect(cs.containerID).to.match(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).to.match(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.state).to.deep.equal({ running: { startedAt: '2025-01-01T00:00:00Z' } });
    expect(cs.lastState).to.deep.equal({});
  });

  it('shows the pod Pending and ContainerCreating, without an IP, while its image is pulled', () => {
    const bed = testbed({ settings: { imagePullMs: 5000 } });
    bed.create(onNode('web', 'nginx:1.25'));
    let pod = bed.pod('web')!;
    expect(pod.status?.phase).to.equal('Pending');
    expect(pod.status?.podIP).to.equal(undefined);
    expect(pod.status?.containerStatuses).to.deep.equal([
      {
        name: 'nginx',
        image: 'nginx:1.25',
        imageID: '',
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
        ready: false,
        restartCount: 0,
        started: false,
      },
    ]);
    const byType = Object.fromEntries((pod.status?.conditions ?? []).map((c) => [c.type, c]));
    expect(byType.PodReadyToStartContainers?.status).to.equal('False');
    expect(byType.Ready).to.include({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [nginx]',
    });
    bed.advance(4999);
    expect(bed.pod('web')!.status?.phase).to.equal('Pending');
    bed.advance(1);
    pod = bed.pod('web')!;
    expect(pod.status?.phase).to.equal('Running');
    expect(pod.status?.podIP).to.equal('10.244.0.2');
    expect(bed.eventsOf('web').find((e) => e.reason === 'Pulled')).to.include({
      at: 5000,
      message:
        'Successfully pulled image "nginx:1.25" in 5s (5s including waiting). Image size: 72225394 bytes.',
    });
  });

  it('pulls one image at a time per node, and reuses an image already present', () => {
    const bed = testbed({ settings: { imagePullMs: 5000 } });
    bed.create(onNode('a', 'nginx:1.25'));
    bed.create(onNode('b', 'httpd:2.4'));
    bed.advance(10_000);
    expect(bed.eventsOf('b').find((e) => e.reason === 'Pulled')).to.include({
      at: 10_000,
      message:
        'Successfully pulled image "httpd:2.4" in 5s (10s including waiting). Image size: 58412519 bytes.',
    });
    bed.create(onNode('c', 'nginx:1.25'));
    expect(kubeletEvents(bed, 'c')[0]).to.deep.equal([
      'Normal',
      'Pulled',
      'Container image "nginx:1.25" already present on machine',
    ]);
    expect(bed.pod('c')!.status?.phase).to.equal('Running');
  });

  it('stops containers on deletion and removes the pod; nginx exits at once on SIGTERM', () => {
    const bed = testbed();
    bed.create(onNode('web', 'nginx:1.25'));
    bed.store.delete('Pod', 'default', 'web');
    bed.loop.settle();
    expect(bed.pod('web')).to.equal(undefined);
    expect(kubeletEvents(bed, 'web').at(-1)).to.deep.equal(['Normal', 'Killing', 'Stopping container nginx']);
    const last = bed.store.history
      .since(0)
      .filter((c) => c.kind === 'Pod')
      .at(-2)!.object as Pod;
    expect(last.status?.phase).to.equal('Succeeded');
    expect(last.status?.containerStatuses?.[0]?.state?.terminated).to.include({
      exitCode: 0,
      reason: 'Completed',
    });
  });

  it('honours the grace period for a process that ignores SIGTERM, then kills it', () => {
    const bed = testbed();
    bed.create(
      onNode('sleeper', 'busybox:1.36', {
        containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }],
      }),
    );
    bed.create(
      onNode('quick', 'busybox:1.36', {
        terminationGracePeriodSeconds: 5,
        containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sleep', '3600'] }],
      }),
    );
    bed.store.delete('Pod', 'default', 'sleeper');
    bed.store.delete('Pod', 'default', 'quick');
    bed.loop.settle();
    expect(bed.pod('sleeper')?.metadata.deletionTimestamp).to.equal('2025-01-01T00:00:30Z');
    bed.advance(4999);
    expect(bed.pod('quick')).not.to.equal(undefined);
    bed.advance(1);
    expect(bed.pod('quick')).to.equal(undefined);
    bed.advance(24_999);
    expect(bed.pod('sleeper')).not.to.equal(undefined);
    bed.advance(1);
    expect(bed.pod('sleeper')).to.equal(undefined);
    const final = bed.store.history
      .since(0)
      .filter((c) => c.kind === 'Pod' && c.name === 'sleeper')
      .at(-2)!.object as Pod;
    expect(final.status?.phase).to.equal('Failed');
    expect(final.status?.containerStatuses?.[0]?.state?.terminated).to.include({
      exitCode: 137,
      reason: 'Error',
    });
  });

  it('frees a pod’s IP when it is deleted, and hands out addresses without immediate reuse', () => {
    const bed = testbed({ nodes: [{ ...defaultNode('node-1'), pods: 300 }] });
    bed.create(onNode('a', 'nginx:1.25'));
    bed.store.delete('Pod', 'default', 'a');
    bed.loop.settle();
    bed.create(onNode('b', 'nginx:1.25'));
    expect(bed.pod('b')!.status?.podIP).to.equal('10.244.0.3');
    for (let i = 0; i < 252; i++) bed.store.create(onNode(`p${i}`, 'nginx:1.25'));
    bed.loop.settle();
    // .2 was freed by `a` and is the only address left in 10.244.0.2-254.
    expect(bed.pod('p251')!.status?.podIP).to.equal('10.244.0.2');
  });

  it('reports a tag that does not exist as ErrImagePull, then ImagePullBackOff, retrying at 10 s and 30 s', () => {
    const bed = testbed();
    bed.create(onNode('bad', 'nginx:1.161'));
    const waiting = () => bed.pod('bad')!.status?.containerStatuses?.[0]?.state?.waiting;
    const notFound =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve image: docker.io/library/nginx:1.161: not found';
    expect(waiting()).to.deep.equal({ reason: 'ErrImagePull', message: notFound });
    expect(bed.pod('bad')!.status?.podIP).to.equal('10.244.0.2');
    bed.advance(1000);
    expect(waiting()).to.deep.equal({
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "nginx:1.161": ErrImagePull: ${notFound}`,
    });
    bed.advance(29_000);
    expect(bed.eventsOf('bad').map((e) => [e.at, e.reason, e.message.slice(0, 40)])).to.deep.equal([
      [0, 'Pulling', 'Pulling image "nginx:1.161"'],
      [0, 'Failed', 'Failed to pull image "nginx:1.161": rpc '],
      [0, 'Failed', 'Error: ErrImagePull'],
      [1000, 'BackOff', 'Back-off pulling image "nginx:1.161"'],
      [1000, 'Failed', 'Error: ImagePullBackOff'],
      [10_000, 'Pulling', 'Pulling image "nginx:1.161"'],
      [10_000, 'Failed', 'Failed to pull image "nginx:1.161": rpc '],
      [10_000, 'Failed', 'Error: ErrImagePull'],
      [11_000, 'BackOff', 'Back-off pulling image "nginx:1.161"'],
      [11_000, 'Failed', 'Error: ImagePullBackOff'],
      [30_000, 'Pulling', 'Pulling image "nginx:1.161"'],
      [30_000, 'Failed', 'Failed to pull image "nginx:1.161": rpc '],
      [30_000, 'Failed', 'Error: ErrImagePull'],
    ]);
    expect(bed.pod('bad')!.status?.phase).to.equal('Pending');
  });

  it('reports an image reference that is not valid syntax as InvalidImageName', () => {
    const bed = testbed();
    bed.create(onNode('bad', 'Nginx:1.25', { containers: [{ name: 'web', image: 'Nginx:1.25' }] }));
    const message =
      'Failed to apply default image tag "Nginx:1.25": couldn\'t parse image name "Nginx:1.25": invalid reference format: repository name (library/Nginx) must be lowercase';
    expect(bed.pod('bad')!.status?.containerStatuses?.[0]?.state?.waiting).to.deep.equal({
      reason: 'InvalidImageName',
      message,
    });
    expect(kubeletEvents(bed, 'bad')).to.deep.equal([
      ['Warning', 'InspectFailed', message],
      ['Warning', 'Failed', 'Error: InvalidImageName'],
    ]);
  });

  it('restarts a container that exits with the back-off schedule 0, 0, 10, 30, 70 s (CrashLoopBackOff)', () => {
    const bed = testbed();
    bed.create(onNode('crash', 'busybox:1.36'));
    const starts = () =>
      bed
        .eventsOf('crash')
        .filter((e) => e.reason === 'Started')
        .map((e) => e.at);
    expect(starts()).to.deep.equal([0, 0]);
    let status = bed.pod('crash')!.status!;
    expect(status.phase).to.equal('Running');
    const cs = status.containerStatuses![0]!;
    expect(cs.restartCount).to.equal(1);
    expect(cs.state?.waiting?.reason).to.equal('CrashLoopBackOff');
    expect(cs.state?.waiting?.message).to.equal(
      `back-off 10s restarting failed container=busybox pod=crash_default(${bed.pod('crash')!.metadata.uid})`,
    );
    expect(cs.lastState?.terminated).to.include({ exitCode: 0, reason: 'Completed' });
    bed.advance(75_000);
    expect(starts()).to.deep.equal([0, 0, 10_000, 30_000, 70_000]);
    status = bed.pod('crash')!.status!;
    expect(status.containerStatuses![0]!.restartCount).to.equal(4);
    expect(status.containerStatuses![0]!.state?.waiting?.message).to.match(/^back-off 1m20s restarting/);
    expect(
      bed
        .eventsOf('crash')
        .filter((e) => e.reason === 'BackOff')
        .map((e) => e.message)[0],
    ).to.equal(
      `Back-off restarting failed container busybox in pod crash_default(${bed.pod('crash')!.metadata.uid})`,
    );
  });

  it('finishes a pod with restartPolicy Never: Succeeded on exit 0, Failed on exit 1, sandbox gone', () => {
    const bed = testbed();
    bed.create(
      onNode('ok', 'busybox', {
        restartPolicy: 'Never',
        containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 5'] }],
      }),
    );
    bed.create(
      onNode('ko', 'busybox', {
        restartPolicy: 'Never',
        containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 1'] }],
      }),
    );
    bed.advance(5000);
    const ok = bed.pod('ok')!.status!;
    expect(ok.phase).to.equal('Succeeded');
    expect(ok.containerStatuses![0]!.state?.terminated).to.include({
      exitCode: 0,
      reason: 'Completed',
      finishedAt: '2025-01-01T00:00:05Z',
    });
    expect(ok.conditions!.map((c) => [c.type, c.status, c.reason ?? ''])).to.deep.equal([
      ['PodReadyToStartContainers', 'False', ''],
      ['Initialized', 'True', 'PodCompleted'],
      ['Ready', 'False', 'PodCompleted'],
      ['ContainersReady', 'False', 'PodCompleted'],
      ['PodScheduled', 'True', ''],
    ]);
    const ko = bed.pod('ko')!.status!;
    expect(ko.phase).to.equal('Failed');
    expect(ko.containerStatuses![0]!.state?.terminated).to.include({ exitCode: 1, reason: 'Error' });
  });

  it('restarts only failed containers with restartPolicy OnFailure', () => {
    const bed = testbed();
    bed.create(
      onNode('once', 'busybox', {
        restartPolicy: 'OnFailure',
        containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 0'] }],
      }),
    );
    bed.create(
      onNode('again', 'busybox', {
        restartPolicy: 'OnFailure',
        containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 3'] }],
      }),
    );
    bed.advance(1000);
    expect(bed.pod('once')!.status?.phase).to.equal('Succeeded');
    const again = bed.pod('again')!.status!;
    expect(again.phase).to.equal('Running');
    expect(again.containerStatuses![0]!.restartCount).to.equal(1);
    expect(again.containerStatuses![0]!.lastState?.terminated).to.include({ exitCode: 3, reason: 'Error' });
  });

  it('OOM-kills a container whose memory use exceeds its limit', () => {
    const bed = testbed();
    bed.create(
      onNode('hog', 'polinux/stress', {
        restartPolicy: 'Never',
        containers: [
          {
            name: 'stress',
            image: 'polinux/stress',
            resources: { limits: { memory: '100Mi' }, requests: { memory: '50Mi' } },
            command: ['stress'],
            args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
          },
        ],
      }),
    );
    const status = bed.pod('hog')!.status!;
    expect(status.phase).to.equal('Failed');
    expect(status.qosClass).to.equal('Burstable');
    expect(status.containerStatuses![0]!.state?.terminated).to.include({
      exitCode: 137,
      reason: 'OOMKilled',
    });
    // InPlacePodVerticalScalingAllocatedStatus is off by default in v1.33: resources, no allocatedResources.
    expect(status.containerStatuses![0]!.allocatedResources).to.equal(undefined);
    expect(status.containerStatuses![0]!.resources).to.deep.equal({
      limits: { memory: '100Mi' },
      requests: { memory: '50Mi' },
    });
  });
});

describe('Kubelet init containers', () => {
  it('runs init containers one after another before the app containers', () => {
    const bed = testbed();
    bed.create(
      onNode('init', 'nginx:1.25', {
        initContainers: [
          { name: 'first', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5'] },
          { name: 'second', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3'] },
        ],
      }),
    );
    let status = bed.pod('init')!.status!;
    expect(status.phase).to.equal('Pending');
    expect(status.conditions?.find((c) => c.type === 'Initialized')).to.include({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [first second]',
    });
    expect(status.containerStatuses?.[0]?.state?.waiting?.reason).to.equal('PodInitializing');
    bed.advance(8000);
    status = bed.pod('init')!.status!;
    expect(status.phase).to.equal('Running');
    expect(
      status.initContainerStatuses?.map((s) => [s.name, s.ready, s.state?.terminated?.reason]),
    ).to.deep.equal([
      ['first', true, 'Completed'],
      ['second', true, 'Completed'],
    ]);
    expect(
      bed
        .eventsOf('init')
        .filter((e) => e.reason === 'Started')
        .map((e) => [e.at, e.message]),
    ).to.deep.equal([
      [0, 'Started container first'],
      [5000, 'Started container second'],
      [8000, 'Started container nginx'],
    ]);
  });

  it('fails the pod when an init container fails and restartPolicy is Never', () => {
    const bed = testbed();
    bed.create(
      onNode('bad-init', 'nginx:1.25', {
        restartPolicy: 'Never',
        initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'exit 2'] }],
      }),
    );
    const status = bed.pod('bad-init')!.status!;
    expect(status.phase).to.equal('Failed');
    expect(status.initContainerStatuses?.[0]?.state?.terminated).to.include({ exitCode: 2, reason: 'Error' });
    expect(bed.eventsOf('bad-init').some((e) => e.message === 'Started container nginx')).to.equal(false);
  });
});

describe('Kubelet host network', () => {
  it('gives a hostNetwork pod the node’s IP and allocates none', () => {
    const bed = testbed();
    bed.create(onNode('host', 'nginx:1.25', { hostNetwork: true }));
    bed.create(onNode('pod', 'nginx:1.25'));
    expect(bed.pod('host')!.status?.podIP).to.equal('172.18.0.2');
    expect(bed.pod('pod')!.status?.podIP).to.equal('10.244.0.2');
  });
});
