import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container, Pod } from '../../api/types.js';
import { hashContainer, stableKey } from './container-hash.js';
import { podManifest, testbed } from './testbed.js';

type Bed = ReturnType<typeof testbed>;

const pod = (name: string, containers: Container[], extra: Partial<NonNullable<Pod['spec']>> = {}) =>
  podManifest(name, { nodeName: 'node-1', containers, ...extra });

const events = (bed: Bed, name: string, since = 0) =>
  bed
    .eventsOf(name)
    .filter((e) => e.at >= since)
    .map((e) => [e.at / 1000, e.reason, e.message]);

const starts = (bed: Bed, name: string, container: string) =>
  bed
    .eventsOf(name)
    .filter((e) => e.reason === 'Started' && e.message === `Started container ${container}`)
    .map((e) => e.at / 1000);

function setImage(bed: Bed, name: string, container: string, image: string): void {
  bed.store.mutate('Pod', 'default', name, (p) => {
    p.spec!.containers.find((c) => c.name === container)!.image = image;
  });
  bed.loop.settle();
}

describe('hashContainer and the back-off key (kubecontainer.HashContainer, getStableKey)', () => {
  const base: Container = { name: 'c', image: 'nginx:1.25' };
  it('hashes the name and the image only (pickFieldsToHash)', () => {
    expect(hashContainer({ ...base })).to.equal(hashContainer({ ...base }));
    expect(hashContainer({ ...base, image: 'nginx:1.27' })).to.not.equal(hashContainer(base));
    expect(hashContainer({ ...base, name: 'd' })).to.not.equal(hashContainer(base));
    // Resources, env, probes… do not count: InPlacePodVerticalScaling resizes without a restart.
    expect(hashContainer({ ...base, resources: { limits: { cpu: '1' } }, env: [{ name: 'A' }] })).to.equal(
      hashContainer(base),
    );
  });
  it('keys the back-off by pod name, namespace, uid, container name and hash', () => {
    const p = { metadata: { name: 'p', namespace: 'ns', uid: 'u1' } };
    expect(stableKey(p, base)).to.equal(`p_ns_u1_c_${hashContainer(base)}`);
    expect(stableKey(p, { ...base, image: 'nginx:1.27' })).to.not.equal(stableKey(p, base));
  });
});

// Rows of pkg/kubelet/kuberuntime/kuberuntime_manager_test.go TestComputePodActions about a
// changed container spec, run through the pod worker (our computePodActions is its sync pass).
describe('A changed container spec (computePodActions containerChanged)', () => {
  for (const restartPolicy of ['Always', 'OnFailure', 'Never'] as const) {
    it(`kills and recreates the container if its spec changed (restartPolicy ${restartPolicy})`, () => {
      const bed = testbed();
      bed.create(
        pod(
          'p',
          [
            { name: 'a', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 600'] },
            { name: 'c', image: 'nginx:1.25' },
          ],
          { restartPolicy },
        ),
      );
      bed.advance(10_000);
      setImage(bed, 'p', 'c', 'nginx:1.27');
      bed.advance(1_000);
      expect(events(bed, 'p', 10_000)).to.deep.equal([
        [10, 'Killing', 'Container c definition changed, will be restarted'],
        [10, 'Pulling', 'Pulling image "nginx:1.27"'],
        [
          10,
          'Pulled',
          'Successfully pulled image "nginx:1.27" in 0s (0s including waiting). Image size: 72225394 bytes.',
        ],
        [10, 'Created', 'Created container: c'],
        [10, 'Started', 'Started container c'],
      ]);
      const statuses = bed.pod('p')!.status!.containerStatuses!;
      const c = statuses.find((s) => s.name === 'c')!;
      expect(c.restartCount).to.equal(1);
      expect(c.image).to.equal('docker.io/library/nginx:1.27');
      expect(c.state?.running).to.not.equal(undefined);
      expect(c.lastState?.terminated?.reason).to.equal('Completed');
      // The other container is kept.
      expect(statuses.find((s) => s.name === 'a')!.restartCount).to.equal(0);
      expect(bed.pod('p')!.status!.phase).to.equal('Running');
    });
  }

  it('does nothing when the spec change leaves the hash alone (everything is good; do nothing)', () => {
    const bed = testbed();
    bed.create(pod('p', [{ name: 'c', image: 'nginx:1.25' }]));
    bed.advance(10_000);
    bed.store.mutate('Pod', 'default', 'p', (p) => {
      p.spec!.activeDeadlineSeconds = 3600;
    });
    bed.loop.settle();
    bed.advance(1_000);
    expect(events(bed, 'p', 10_000)).to.deep.equal([]);
    expect(bed.pod('p')!.status!.containerStatuses![0]!.restartCount).to.equal(0);
  });

  it('waits for the old container to stop within its grace period before starting the new one', () => {
    const bed = testbed();
    // sh as PID 1 ignores SIGTERM: the kill waits for the command to end (or the SIGKILL).
    bed.create(
      pod('p', [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 600'] }], {
        terminationGracePeriodSeconds: 5,
      }),
    );
    bed.advance(10_000);
    setImage(bed, 'p', 'c', 'busybox:1.37');
    bed.advance(20_000);
    expect(starts(bed, 'p', 'c')).to.deep.equal([0, 15]);
    const c = bed.pod('p')!.status!.containerStatuses![0]!;
    expect(c.lastState?.terminated?.exitCode).to.equal(137);
  });
});

describe('The crash-loop back-off after an image update (getStableKey includes the hash)', () => {
  it('starts the new definition at once and backs off from 10 s again', () => {
    const bed = testbed();
    bed.create(
      pod('p', [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5; exit 1'] }], {}),
    );
    bed.advance(341_000);
    expect(starts(bed, 'p', 'c')).to.deep.equal([0, 5, 20, 45, 90, 175, 340]);
    setImage(bed, 'p', 'c', 'busybox:1.37');
    bed.advance(30_000);
    // Killed at 341 s; sh ignores SIGTERM and exits at 345 s; the new container starts then, with
    // a fresh back-off: 10 s after its first exit.
    expect(starts(bed, 'p', 'c')).to.deep.equal([0, 5, 20, 45, 90, 175, 340, 345, 360]);
  });
});

// pkg/kubelet/kuberuntime/kuberuntime_manager_test.go TestComputePodActionsWithRestartableInitContainers
// "kill and recreate the restartable init container if the container definition changes", run
// through the pod worker (computeInitContainerActions is its init pass).
describe('A changed sidecar spec (computeInitContainerActions containerChanged)', () => {
  const sidecarPod = () =>
    pod('p', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 600'] }], {
      initContainers: [{ name: 'proxy', image: 'nginx:1.25', restartPolicy: 'Always' }],
    });

  function setInitImage(bed: Bed, image: string): void {
    bed.store.mutate('Pod', 'default', 'p', (p) => {
      p.spec!.initContainers![0]!.image = image;
    });
    bed.loop.settle();
  }

  it('kills and recreates the restartable init container, keeping the app container', () => {
    const bed = testbed();
    bed.create(sidecarPod());
    bed.advance(10_000);
    setInitImage(bed, 'nginx:1.27');
    bed.advance(1_000);
    expect(events(bed, 'p', 10_000)).to.deep.equal([
      [10, 'Killing', 'Init container proxy definition changed'],
      [10, 'Pulling', 'Pulling image "nginx:1.27"'],
      [
        10,
        'Pulled',
        'Successfully pulled image "nginx:1.27" in 0s (0s including waiting). Image size: 72225394 bytes.',
      ],
      [10, 'Created', 'Created container: proxy'],
      [10, 'Started', 'Started container proxy'],
    ]);
    const status = bed.pod('p')!.status!;
    const proxy = status.initContainerStatuses!.find((s) => s.name === 'proxy')!;
    expect(proxy.restartCount).to.equal(1);
    expect(proxy.image).to.equal('docker.io/library/nginx:1.27');
    expect(proxy.state?.running).to.not.equal(undefined);
    expect(status.containerStatuses!.find((s) => s.name === 'app')!.restartCount).to.equal(0);
    expect(status.phase).to.equal('Running');
  });

  it('leaves a sidecar alone while its startup probe has not passed (it waits, as upstream breaks)', () => {
    const bed = testbed();
    const p = sidecarPod();
    p.spec!.initContainers![0]!.startupProbe = {
      httpGet: { path: '/', port: 80 },
      initialDelaySeconds: 30,
      periodSeconds: 10,
    };
    bed.create(p);
    bed.advance(10_000);
    setInitImage(bed, 'nginx:1.27');
    bed.advance(10_000);
    expect(events(bed, 'p', 10_000).filter((e) => e[1] === 'Killing')).to.deep.equal([]);
    // Started at 30 s: the changed definition is restarted then.
    bed.advance(15_000);
    expect(events(bed, 'p', 10_000).filter((e) => e[1] === 'Killing')).to.deep.equal([
      [30, 'Killing', 'Init container proxy definition changed'],
    ]);
  });
});
