import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { DEADLINE_EXCEEDED_MESSAGE } from './active-deadline.js';
import { podManifest, type Testbed, testbed } from './testbed.js';

const onNode = (name: string, image: string, extra: Partial<NonNullable<Pod['spec']>> = {}) =>
  podManifest(name, { image, nodeName: 'node-1', ...extra });

/** The kubelet's events of a pod from `since` on, as [at, reason, message]. */
const eventsSince = (bed: Testbed, pod: string, since: number) =>
  bed
    .eventsOf(pod)
    .filter((e) => e.at >= since)
    .map((e) => [e.at, e.reason, e.message]);

const DEADLINE = (at: number) => [at, 'DeadlineExceeded', DEADLINE_EXCEEDED_MESSAGE];

describe('Kubelet: activeDeadlineSeconds', () => {
  it('fails the pod at startTime + deadline: the event four times, the kill, no restart', () => {
    const bed = testbed();
    bed.create(onNode('web', 'nginx:1.25', { activeDeadlineSeconds: 30 }));
    bed.advance(29_999);
    expect(bed.pod('web')!.status?.phase).to.equal('Running');
    expect(eventsSince(bed, 'web', 1)).to.deep.equal([]);
    bed.advance(1);
    const status = bed.pod('web')!.status!;
    expect(status).to.include({
      phase: 'Failed',
      reason: 'DeadlineExceeded',
      message: 'Pod was active on the node longer than the specified deadline',
    });
    expect(status.containerStatuses![0]!.state?.terminated).to.include({ exitCode: 0, reason: 'Completed' });
    expect(status.conditions?.find((c) => c.type === 'Ready')).to.include({
      status: 'False',
      reason: 'PodFailed',
    });
    // SyncPod and SyncTerminatingPod at the deadline, SyncTerminatingPod and SyncTerminatedPod
    // once nginx has exited (at once, on SIGTERM).
    expect(eventsSince(bed, 'web', 1)).to.deep.equal([
      DEADLINE(30_000),
      DEADLINE(30_000),
      [30_000, 'Killing', 'Stopping container nginx'],
      DEADLINE(30_000),
      DEADLINE(30_000),
    ]);
    bed.advance(600_000);
    expect(eventsSince(bed, 'web', 30_001)).to.deep.equal([]);
    expect(bed.pod('web')!.status?.containerStatuses?.[0]?.restartCount).to.equal(0);
  });

  it('keeps the phase, not ready, while the containers use their grace period', () => {
    const bed = testbed();
    bed.create(
      onNode('slow', 'busybox:1.36', {
        activeDeadlineSeconds: 20,
        terminationGracePeriodSeconds: 10,
        containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }],
      }),
    );
    bed.advance(20_000);
    let pod = bed.pod('slow')!;
    expect(pod.status?.phase).to.equal('Running');
    expect(pod.status?.reason).to.equal(undefined);
    expect(pod.status?.conditions?.find((c) => c.type === 'Ready')).to.include({
      status: 'False',
      reason: 'PodFailed',
    });
    bed.advance(9_999);
    expect(bed.pod('slow')!.status?.phase).to.equal('Running');
    bed.advance(1);
    pod = bed.pod('slow')!;
    expect(pod.status).to.include({ phase: 'Failed', reason: 'DeadlineExceeded' });
    expect(pod.status?.containerStatuses?.[0]?.state?.terminated).to.include({
      exitCode: 137,
      reason: 'Error',
    });
    expect(eventsSince(bed, 'slow', 1)).to.deep.equal([
      DEADLINE(20_000),
      DEADLINE(20_000),
      [20_000, 'Killing', 'Stopping container sh'],
      DEADLINE(30_000),
      DEADLINE(30_000),
    ]);
  });

  it('counts from the start time as the status has it, to the second', () => {
    const bed = testbed();
    bed.advance(12_500);
    bed.create(onNode('web', 'nginx:1.25', { activeDeadlineSeconds: 30 }));
    expect(bed.pod('web')!.status?.startTime).to.equal('2025-01-01T00:00:12Z');
    bed.advance(42_000 - 12_500 - 1);
    expect(bed.pod('web')!.status?.phase).to.equal('Running');
    bed.advance(1);
    expect(bed.pod('web')!.status?.phase).to.equal('Failed');
  });

  it('acts on a deadline that passed during an image pull once the pull and the start are over', () => {
    const bed = testbed({ settings: { imagePullMs: 60_000 } });
    bed.create(onNode('web', 'nginx:1.25', { activeDeadlineSeconds: 30 }));
    bed.advance(59_999);
    expect(bed.pod('web')!.status?.phase).to.equal('Pending');
    bed.advance(1);
    expect(bed.pod('web')!.status?.phase).to.equal('Failed');
    expect(eventsSince(bed, 'web', 1).map((e) => e[1])).to.deep.equal([
      'Pulled',
      'Created',
      'Started',
      'DeadlineExceeded',
      'DeadlineExceeded',
      'Killing',
      'DeadlineExceeded',
      'DeadlineExceeded',
    ]);
  });

  it('fails at once a pod whose deadline is lowered below its age', () => {
    const bed = testbed();
    bed.create(onNode('web', 'nginx:1.25', { activeDeadlineSeconds: 300 }));
    bed.advance(10_000);
    bed.store.mutate('Pod', 'default', 'web', (p) => {
      p.spec!.activeDeadlineSeconds = 5;
    });
    bed.loop.settle();
    expect(bed.pod('web')!.status).to.include({ phase: 'Failed', reason: 'DeadlineExceeded' });
    expect(eventsSince(bed, 'web', 10_000)[0]).to.deep.equal(DEADLINE(10_000));
  });

  it('moves the wake-up when the deadline is lowered but still ahead', () => {
    const bed = testbed();
    bed.create(onNode('web', 'nginx:1.25', { activeDeadlineSeconds: 300 }));
    bed.advance(10_000);
    bed.store.mutate('Pod', 'default', 'web', (p) => {
      p.spec!.activeDeadlineSeconds = 60;
    });
    bed.advance(49_999);
    expect(bed.pod('web')!.status?.phase).to.equal('Running');
    bed.advance(1);
    expect(bed.pod('web')!.status?.phase).to.equal('Failed');
  });

  it('forgets the deadline of a pod deleted before it', () => {
    const bed = testbed();
    bed.create(onNode('web', 'nginx:1.25', { activeDeadlineSeconds: 30 }));
    bed.advance(10_000);
    bed.store.delete('Pod', 'default', 'web');
    bed.advance(60_000);
    expect(bed.pod('web')).to.equal(undefined);
    expect(bed.eventsOf('web').some((e) => e.reason === 'DeadlineExceeded')).to.equal(false);
  });

  it('a stopped kubelet acts on a deadline that passed meanwhile when it resumes', () => {
    const bed = testbed();
    bed.create(onNode('web', 'nginx:1.25', { activeDeadlineSeconds: 30 }));
    bed.advance(10_000);
    bed.kubelets[0]!.stop();
    bed.advance(40_000);
    expect(bed.pod('web')!.status?.phase).to.equal('Running');
    bed.kubelets[0]!.resume();
    bed.loop.settle();
    expect(bed.pod('web')!.status).to.include({ phase: 'Failed', reason: 'DeadlineExceeded' });
  });

  it('leaves a pod without a deadline alone, and a failed pod out of the eviction candidates', () => {
    const bed = testbed();
    bed.create(onNode('plain', 'nginx:1.25'));
    bed.create(onNode('short', 'nginx:1.25', { activeDeadlineSeconds: 1 }));
    bed.advance(3_600_000);
    expect(bed.pod('plain')!.status?.phase).to.equal('Running');
    expect(bed.pod('short')!.status?.phase).to.equal('Failed');
    expect(bed.kubelets[0]!.memoryPressure()).to.equal('default/plain');
  });
});
