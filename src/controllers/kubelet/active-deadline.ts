/**
 * The kubelet's active deadline handler (pkg/kubelet/active_deadline.go): a pod whose
 * spec.activeDeadlineSeconds have passed since its status.startTime (the kubelet's admission) is
 * failed by the kubelet. It is both a PodSyncLoopHandler (ShouldSync: the sync loop syncs the pod)
 * and a PodSyncHandler (ShouldEvict: generateAPIPodStatus sets phase Failed with this reason and
 * message, and records the event, on every call); SyncPod then finds the pod terminal, and the pod
 * worker stops its containers with the pod's own grace period (SyncTerminatingPod, killPod without
 * an override) and reports it terminated (SyncTerminatedPod, TerminatePod).
 *
 * kubesim: the kubelet's 1 s sync loop tick is replaced by a timer at the deadline itself
 * (`deadlineOf`), the ideal schedule; the start time is read from the status, which has second
 * precision (metav1.Time), as the status manager's normalised copy does upstream.
 */
import type { Pod, PodStatus } from '../../api/types.js';
import { simTimeOf } from '../../store/time.js';

/** The pod status reason and event reason (active_deadline.go `reason`). */
export const DEADLINE_EXCEEDED_REASON = 'DeadlineExceeded';
/** The pod status message and event message (active_deadline.go `message`). */
export const DEADLINE_EXCEEDED_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/** lifecycle.ShouldEvictResponse. */
export interface ShouldEvictResponse {
  readonly evict: boolean;
  readonly reason?: string;
  readonly message?: string;
}

/** status.PodStatusProvider: the kubelet's latest status of a pod, by uid (undefined: not known). */
export type PodStatusProvider = (uid: string) => PodStatus | undefined;

export type EventRecorder = (pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string) => void;

export class ActiveDeadlineHandler {
  constructor(
    private readonly clock: { readonly now: number },
    private readonly podStatusProvider: PodStatusProvider,
    private readonly recorder: EventRecorder,
  ) {}

  /** ShouldSync: the pod is past its active deadline. */
  shouldSync(pod: Pod): boolean {
    return this.pastActiveDeadline(pod);
  }

  /** ShouldEvict: past its deadline, with the Normal DeadlineExceeded event (on every call, as upstream). */
  shouldEvict(pod: Pod): ShouldEvictResponse {
    if (!this.pastActiveDeadline(pod)) return { evict: false };
    this.recorder(pod, 'Normal', DEADLINE_EXCEEDED_REASON, DEADLINE_EXCEEDED_MESSAGE);
    return { evict: true, reason: DEADLINE_EXCEEDED_REASON, message: DEADLINE_EXCEEDED_MESSAGE };
  }

  /**
   * When the pod's deadline falls (simulated ms), or undefined without a deadline or a start
   * time: the moment the sync loop would first find ShouldSync true.
   */
  deadlineOf(pod: Pod): number | undefined {
    const seconds = pod.spec?.activeDeadlineSeconds;
    if (seconds === undefined || seconds === null) return undefined;
    const start = simTimeOf(this.statusOf(pod).startTime);
    return start === undefined ? undefined : start + seconds * 1000;
  }

  private pastActiveDeadline(pod: Pod): boolean {
    const at = this.deadlineOf(pod);
    // duration >= allowedDuration
    return at !== undefined && this.clock.now >= at;
  }

  /** The latest status from the provider, else the pod's own. */
  private statusOf(pod: Pod): PodStatus {
    return (
      (pod.metadata.uid !== undefined ? this.podStatusProvider(pod.metadata.uid) : undefined) ??
      pod.status ??
      {}
    );
  }
}
