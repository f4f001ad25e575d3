import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container, Pod } from '../../api/types.js';
import { type KillReason, killGracePeriod } from './post-start.js';
import { execInContainer } from './streams.js';
import { podManifest, type Testbed, testbed } from './testbed.js';

// kuberuntime_container_test.go TestKillContainerGracePeriod (setTerminationGracePeriod).
describe('killGracePeriod (setTerminationGracePeriod)', () => {
  const short = 10;
  const medium = 30;
  const long = 60;
  const cases: Array<{
    name: string;
    spec: Partial<NonNullable<Pod['spec']>>;
    reason: KillReason;
    want: number;
  }> = [
    { name: 'default termination grace period', spec: {}, reason: 'Unknown', want: 2 },
    {
      name: 'use pod termination grace period',
      spec: { terminationGracePeriodSeconds: long },
      reason: 'Unknown',
      want: long,
    },
    {
      name: 'liveness probe overrides pod termination grace period',
      spec: {
        containers: [{ name: 'foo', livenessProbe: { terminationGracePeriodSeconds: short } }],
        terminationGracePeriodSeconds: long,
      },
      reason: 'LivenessProbe',
      want: short,
    },
    {
      name: 'startup probe overrides pod termination grace period',
      spec: {
        containers: [{ name: 'foo', startupProbe: { terminationGracePeriodSeconds: short } }],
        terminationGracePeriodSeconds: long,
      },
      reason: 'StartupProbe',
      want: short,
    },
    {
      name: 'startup probe overrides pod termination grace period, probe period > pod period',
      spec: {
        containers: [{ name: 'foo', startupProbe: { terminationGracePeriodSeconds: long } }],
        terminationGracePeriodSeconds: short,
      },
      reason: 'StartupProbe',
      want: long,
    },
    {
      name: 'liveness probe overrides pod termination grace period, probe period > pod period',
      spec: {
        containers: [{ name: 'foo', livenessProbe: { terminationGracePeriodSeconds: long } }],
        terminationGracePeriodSeconds: short,
      },
      reason: 'LivenessProbe',
      want: long,
    },
    {
      name: 'non-liveness probe failure, use pod termination grace period',
      spec: {
        containers: [{ name: 'foo', livenessProbe: { terminationGracePeriodSeconds: short } }],
        terminationGracePeriodSeconds: long,
      },
      reason: 'Unknown',
      want: long,
    },
    {
      name: 'non-startup probe failure, use pod termination grace period',
      spec: {
        containers: [{ name: 'foo', startupProbe: { terminationGracePeriodSeconds: short } }],
        terminationGracePeriodSeconds: long,
      },
      reason: 'Unknown',
      want: long,
    },
    {
      name: 'all three grace periods set, use pod termination grace period',
      spec: {
        containers: [
          {
            name: 'foo',
            startupProbe: { terminationGracePeriodSeconds: short },
            livenessProbe: { terminationGracePeriodSeconds: medium },
          },
        ],
        terminationGracePeriodSeconds: long,
      },
      reason: 'Unknown',
      want: long,
    },
    {
      name: 'all three grace periods set, use startup termination grace period',
      spec: {
        containers: [
          {
            name: 'foo',
            startupProbe: { terminationGracePeriodSeconds: short },
            livenessProbe: { terminationGracePeriodSeconds: medium },
          },
        ],
        terminationGracePeriodSeconds: long,
      },
      reason: 'StartupProbe',
      want: short,
    },
    {
      name: 'all three grace periods set, use liveness termination grace period',
      spec: {
        containers: [
          {
            name: 'foo',
            startupProbe: { terminationGracePeriodSeconds: short },
            livenessProbe: { terminationGracePeriodSeconds: medium },
          },
        ],
        terminationGracePeriodSeconds: long,
      },
      reason: 'LivenessProbe',
      want: medium,
    },
    {
      name: 'a failed postStart hook uses the pod termination grace period',
      spec: {
        containers: [{ name: 'foo', livenessProbe: { terminationGracePeriodSeconds: short } }],
        terminationGracePeriodSeconds: long,
      },
      reason: 'FailedPostStartHook',
      want: long,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = podManifest('p', { containers: [{ name: 'foo' }], ...c.spec });
      expect(killGracePeriod(pod, pod.spec!.containers[0]!, c.reason)).to.equal(c.want);
    });
  }

  it('a pod being deleted uses its deletion grace period', () => {
    const pod = podManifest('p', { containers: [{ name: 'foo' }], terminationGracePeriodSeconds: long });
    pod.metadata.deletionGracePeriodSeconds = 5;
    expect(killGracePeriod(pod, pod.spec!.containers[0]!, 'FailedPostStartHook')).to.equal(5);
  });
});

/** A pod on node-1 with the given containers. */
function create(
  bed: Testbed,
  name: string,
  containers: Container[],
  extra: Partial<NonNullable<Pod['spec']>> = {},
) {
  const pod = podManifest(name, { nodeName: 'node-1', ...extra });
  pod.spec!.containers = containers;
  return bed.create(pod);
}

const events = (bed: Testbed, pod: string) =>
  bed.eventsOf(pod).map((e) => `${e.at / 1000}s ${e.reason}: ${e.message}`);
const status = (bed: Testbed, pod: string, container: string) =>
  bed.pod(pod)?.status?.containerStatuses?.find((c) => c.name === container);

describe('postStart hooks in the pod worker (startContainer step 4)', () => {
  it('PostStart-CmdExe: the hook runs in the container before the pod is reported Running', () => {
    const bed = testbed();
    create(bed, 'web', [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', 'echo Hello > /usr/share/message'] } } },
      },
    ]);
    expect(bed.pod('web')?.status?.phase).to.equal('Running');
    expect(status(bed, 'web', 'nginx')?.ready).to.equal(true);
    const exec = execInContainer(bed.kubelets[0]!, bed.pod('web')!, 'nginx', ['cat', '/usr/share/message']);
    expect(exec.kind === 'done' && exec.outcome.stdout).to.equal('Hello\n');
    // A hook that succeeds records no event.
    expect(events(bed, 'web').filter((e) => /Hook|Killing/.test(e))).to.deep.equal([]);
  });

  it('the pass waits for the hook: the container stays ContainerCreating and the next one is not started', () => {
    const bed = testbed();
    create(bed, 'warmup', [
      {
        name: 'web',
        image: 'nginx:1.27',
        lifecycle: { postStart: { sleep: { seconds: 10 } } },
        readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 30 },
      },
      { name: 'sidecar', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] },
    ]);
    bed.advance(9999);
    expect(bed.pod('warmup')?.status?.phase).to.equal('Pending');
    expect(status(bed, 'warmup', 'web')?.state).to.deep.equal({ waiting: { reason: 'ContainerCreating' } });
    expect(status(bed, 'warmup', 'sidecar')?.state).to.deep.equal({
      waiting: { reason: 'ContainerCreating' },
    });
    expect(events(bed, 'warmup').filter((e) => e.includes('sidecar'))).to.deep.equal([]);
    bed.advance(1);
    expect(bed.pod('warmup')?.status?.phase).to.equal('Running');
    // The runtime started it at 0 s; readiness is probed once the kubelet sees it running.
    expect(status(bed, 'warmup', 'web')).to.deep.include({
      state: { running: { startedAt: '2025-01-01T00:00:00Z' } },
      ready: true,
    });
    expect(status(bed, 'warmup', 'sidecar')?.state).to.deep.equal({
      running: { startedAt: '2025-01-01T00:00:10Z' },
    });
    expect(events(bed, 'warmup').filter((e) => e.includes('Started'))).to.deep.equal([
      '0s Started: Started container web',
      '10s Started: Started container sidecar',
    ]);
  });

  it('a failed hook: FailedPostStartHook, the kill, PostStartHookError, then restarts with back-off', () => {
    const bed = testbed();
    const pod = create(bed, 'broken', [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        lifecycle: { postStart: { exec: { command: ['sh', '-c', 'exit 1'] } } },
      },
    ]);
    const waiting = bed.store.history
      .all()
      .map((c) => (c.object as Pod).status?.containerStatuses?.[0]?.state?.waiting)
      .filter((w) => w?.reason === 'PostStartHookError');
    expect(waiting[0]?.message).to.equal(
      `Exec lifecycle hook ([sh -c exit 1]) for Container "nginx" in Pod "broken_default(${pod.metadata.uid})" ` +
        `failed - error: command 'sh -c exit 1' exited with 1: , message: ""`,
    );
    bed.advance(30_000);
    expect(events(bed, 'broken').filter((e) => !e.includes('Pulled'))).to.deep.equal([
      '0s Pulling: Pulling image "nginx:1.27"',
      '0s Created: Created container: nginx',
      '0s Started: Started container nginx',
      '0s FailedPostStartHook: PostStartHook failed',
      '0s Killing: FailedPostStartHook',
      '0s Created: Created container: nginx',
      '0s Started: Started container nginx',
      '0s FailedPostStartHook: PostStartHook failed',
      '0s Killing: FailedPostStartHook',
      `0s BackOff: Back-off restarting failed container nginx in pod broken_default(${pod.metadata.uid})`,
      '10s Created: Created container: nginx',
      '10s Started: Started container nginx',
      '10s FailedPostStartHook: PostStartHook failed',
      '10s Killing: FailedPostStartHook',
      `10s BackOff: Back-off restarting failed container nginx in pod broken_default(${pod.metadata.uid})`,
      '30s Created: Created container: nginx',
      '30s Started: Started container nginx',
      '30s FailedPostStartHook: PostStartHook failed',
      '30s Killing: FailedPostStartHook',
      `30s BackOff: Back-off restarting failed container nginx in pod broken_default(${pod.metadata.uid})`,
    ]);
    const s = status(bed, 'broken', 'nginx')!;
    expect(s.restartCount).to.equal(3);
    expect(s.state?.waiting?.reason).to.equal('CrashLoopBackOff');
    expect(s.lastState?.terminated).to.include({ exitCode: 0, reason: 'Completed' });
  });

  it('the kill after a failed hook runs preStop and waits for the container to stop', () => {
    const bed = testbed();
    create(bed, 'slow', [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        lifecycle: {
          postStart: { exec: { command: ['sh', '-c', 'sleep 2; exit 1'] } },
          preStop: { sleep: { seconds: 5 } },
        },
      },
    ]);
    bed.advance(6999);
    expect(status(bed, 'slow', 'nginx')?.state?.waiting?.reason).to.equal('ContainerCreating');
    bed.advance(1);
    // Hook failed at 2 s, preStop slept 5 s, SIGTERM at 7 s ended nginx: restarted at once.
    expect(events(bed, 'slow').filter((e) => /Hook|Killing|Started/.test(e))).to.deep.equal([
      '0s Started: Started container nginx',
      '2s FailedPostStartHook: PostStartHook failed',
      '2s Killing: FailedPostStartHook',
      '7s Started: Started container nginx',
    ]);
    expect(status(bed, 'slow', 'nginx')).to.deep.include({ restartCount: 0 });
    expect(status(bed, 'slow', 'nginx')?.state?.waiting?.reason).to.equal('PostStartHookError');
    expect(status(bed, 'slow', 'nginx')?.lastState?.terminated?.finishedAt).to.equal('2025-01-01T00:00:07Z');
  });

  it('an exec hook fails when its container stops while it runs; a sleep hook does not', () => {
    const bed = testbed();
    create(bed, 'exec', [
      {
        name: 'main',
        image: 'busybox:1.36',
        command: ['sh', '-c', 'sleep 5; exit 2'],
        lifecycle: { postStart: { exec: { command: ['sh', '-c', 'sleep 60'] } } },
      },
    ]);
    create(bed, 'sleep', [
      {
        name: 'main',
        image: 'busybox:1.36',
        command: ['sh', '-c', 'sleep 5; exit 2'],
        lifecycle: { postStart: { sleep: { seconds: 60 } } },
      },
    ]);
    bed.advance(5000);
    expect(events(bed, 'exec').filter((e) => /Hook|Killing/.test(e))).to.deep.equal([
      '5s FailedPostStartHook: PostStartHook failed',
      '5s Killing: FailedPostStartHook',
    ]);
    expect(events(bed, 'sleep').filter((e) => /Hook|Killing/.test(e))).to.deep.equal([]);
    expect(status(bed, 'sleep', 'main')?.state?.waiting?.reason).to.equal('ContainerCreating');
    bed.advance(55_000);
    // The sleep returned at 60 s: the pass ends, and the next one reports the exit (2) and
    // restarts the container, whose own hook then holds the status again.
    expect(status(bed, 'sleep', 'main')?.state?.terminated).to.include({
      exitCode: 2,
      finishedAt: '2025-01-01T00:00:05Z',
    });
    expect(events(bed, 'sleep').filter((e) => /Hook|Started/.test(e))).to.deep.equal([
      '0s Started: Started container main',
      '60s Started: Started container main',
    ]);
  });

  it('a hook that never ends blocks the pod until it is deleted, which fails the hook', () => {
    const bed = testbed();
    create(bed, 'stuck', [
      {
        name: 'main',
        image: 'busybox:1.36',
        command: ['sh', '-c', 'sleep 100000'],
        terminationMessagePolicy: 'File',
        lifecycle: { postStart: { exec: { command: ['sh', '-c', 'while true; do sleep 1; done'] } } },
      },
    ]);
    bed.advance(2 * 3_600_000);
    expect(bed.pod('stuck')?.status?.phase).to.equal('Pending');
    expect(status(bed, 'stuck', 'main')?.state?.waiting?.reason).to.equal('ContainerCreating');
    bed.store.delete('Pod', 'default', 'stuck');
    bed.loop.settle();
    expect(events(bed, 'stuck').slice(-3)).to.deep.equal([
      '7200s FailedPostStartHook: PostStartHook failed',
      '7200s Killing: FailedPostStartHook',
      '7200s Killing: Stopping container main',
    ]);
    // The shell ignores SIGTERM: it goes at SIGKILL, 30 s later.
    bed.advance(30_000);
    expect(bed.pod('stuck')).to.equal(undefined);
  });

  it('an httpGet hook reaches the pod’s own listener by a named port; a refused one fails', () => {
    const bed = testbed();
    const port = [{ name: 'web', containerPort: 80 }];
    create(bed, 'answered', [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        ports: port,
        lifecycle: { postStart: { httpGet: { path: '/not-there', port: 'web' } } },
      },
    ]);
    create(bed, 'refused', [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        lifecycle: { postStart: { httpGet: { path: '/', port: 8080 } } },
      },
    ]);
    expect(status(bed, 'answered', 'nginx')?.ready).to.equal(true);
    expect(events(bed, 'refused')).to.include('0s FailedPostStartHook: PostStartHook failed');
  });

  it('a sidecar’s hook holds back the app containers', () => {
    const bed = testbed();
    create(bed, 'with-sidecar', [{ name: 'app', image: 'nginx:1.27' }], {
      initContainers: [
        {
          name: 'proxy',
          image: 'busybox:1.36',
          command: ['sh', '-c', 'sleep 3600'],
          restartPolicy: 'Always',
          lifecycle: { postStart: { sleep: { seconds: 3 } } },
        },
      ],
    });
    bed.advance(2999);
    expect(events(bed, 'with-sidecar').filter((e) => e.includes('Started'))).to.deep.equal([
      '0s Started: Started container proxy',
    ]);
    bed.advance(1);
    expect(events(bed, 'with-sidecar').filter((e) => e.includes('Started'))).to.deep.equal([
      '0s Started: Started container proxy',
      '3s Started: Started container app',
    ]);
    expect(bed.pod('with-sidecar')?.status?.phase).to.equal('Running');
  });
});
