import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod, PodStatus } from '../../api/types.js';
import { timestampOf } from '../../store/time.js';
import {
  ActiveDeadlineHandler,
  DEADLINE_EXCEEDED_MESSAGE,
  DEADLINE_EXCEEDED_REASON,
  type PodStatusProvider,
} from './active-deadline.js';

/** newTestPods(n): pods with a uid and a name each, an empty spec and status. */
function newTestPods(n: number): Pod[] {
  return Array.from({ length: n }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { uid: `${12345678 + i}`, name: `pod${i}`, namespace: 'default' },
    spec: { containers: [] },
    status: {},
  }));
}

/** mockPodStatusProvider: the status of the pod with that uid, if it is one of `pods`. */
function mockPodStatusProvider(pods: readonly Pod[]): PodStatusProvider {
  return (uid) => pods.find((p) => p.metadata.uid === uid)?.status;
}

interface Recorded {
  type: string;
  reason: string;
  message: string;
}

function handlerFor(pods: readonly Pod[], now: number, provider = mockPodStatusProvider(pods)) {
  const events: Recorded[] = [];
  const clock = { now };
  const handler = new ActiveDeadlineHandler(clock, provider, (_pod, type, reason, message) =>
    events.push({ type, reason, message }),
  );
  return { handler, events, clock };
}

describe('ActiveDeadlineHandler (active_deadline_test.go)', () => {
  it('TestActiveDeadlineHandler: ShouldSync and ShouldEvict per pod', () => {
    const pods = newTestPods(5);
    const now = 600_000;
    const startTime = timestampOf(now - 60_000);
    // this pod has exceeded its active deadline
    pods[0]!.status!.startTime = startTime;
    pods[0]!.spec!.activeDeadlineSeconds = 30;
    // this pod has not exceeded its active deadline
    pods[1]!.status!.startTime = startTime;
    pods[1]!.spec!.activeDeadlineSeconds = 120;
    // this pod has no deadline
    pods[2]!.status!.startTime = startTime;
    // this pod has no start time
    pods[3]!.spec!.activeDeadlineSeconds = 120;

    const cases: Array<{ pod: Pod; expected: boolean }> = [
      { pod: pods[0]!, expected: true },
      { pod: pods[1]!, expected: false },
      { pod: pods[2]!, expected: false },
      { pod: pods[3]!, expected: false },
      { pod: pods[4]!, expected: false },
    ];
    const { handler, events } = handlerFor(pods, now);
    cases.forEach(({ pod, expected }, i) => {
      expect(handler.shouldSync(pod), `[${i}] ShouldSync`).to.equal(expected);
      const actual = handler.shouldEvict(pod);
      expect(actual.evict, `[${i}] ShouldEvict.Evict`).to.equal(expected);
      if (expected) {
        expect(actual.reason, `[${i}] ShouldEvict.Reason`).to.equal(DEADLINE_EXCEEDED_REASON);
        expect(actual.message, `[${i}] ShouldEvict.Message`).to.equal(DEADLINE_EXCEEDED_MESSAGE);
      }
    });
    // Only the pod past its deadline got the event, once per ShouldEvict.
    expect(events).to.deep.equal([
      { type: 'Normal', reason: 'DeadlineExceeded', message: DEADLINE_EXCEEDED_MESSAGE },
    ]);
  });

  it('the deadline is reached at exactly startTime + activeDeadlineSeconds (duration >= allowed)', () => {
    const [pod] = newTestPods(1);
    pod!.status!.startTime = timestampOf(10_000);
    pod!.spec!.activeDeadlineSeconds = 30;
    const { handler, clock } = handlerFor([pod!], 39_999);
    expect(handler.deadlineOf(pod!)).to.equal(40_000);
    expect(handler.shouldSync(pod!)).to.equal(false);
    clock.now = 40_000;
    expect(handler.shouldSync(pod!)).to.equal(true);
  });

  it('counts from the start time as stored, to the second', () => {
    const [pod] = newTestPods(1);
    // Admitted at 12.7 s: status.startTime says 12 s, so the deadline falls at 42 s.
    pod!.status!.startTime = timestampOf(12_700);
    pod!.spec!.activeDeadlineSeconds = 30;
    expect(handlerFor([pod!], 0).handler.deadlineOf(pod!)).to.equal(42_000);
  });

  it("prefers the status provider's status and falls back to the pod's own", () => {
    const [pod] = newTestPods(1);
    pod!.spec!.activeDeadlineSeconds = 5;
    pod!.status!.startTime = timestampOf(0);
    const cached: PodStatus = { startTime: timestampOf(100_000) };
    const { handler } = handlerFor([pod!], 50_000, () => cached);
    expect(handler.shouldSync(pod!)).to.equal(false);
    const { handler: fallback } = handlerFor([pod!], 50_000, () => undefined);
    expect(fallback.shouldSync(pod!)).to.equal(true);
  });

  it('a deadline of 0 (allowed on update) has passed at once', () => {
    const [pod] = newTestPods(1);
    pod!.status!.startTime = timestampOf(3000);
    pod!.spec!.activeDeadlineSeconds = 0;
    expect(handlerFor([pod!], 3000).handler.shouldSync(pod!)).to.equal(true);
  });
});
