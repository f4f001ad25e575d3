/**
 * The status of a pod the kubelet evicts (eviction_manager.go evictPod → killPodNow with a
 * status function; the status manager's merge). While its containers are stopped the pod keeps
 * its phase and gains DisruptionTarget=True (TerminationByKubelet, with the eviction message).
 * When they have stopped, the phase is computed as for any terminated pod and the eviction's
 * reason and message stay only if that phase is Failed: since v1.27 (kubernetes#118310) a pod
 * whose containers all exit 0 on SIGTERM ends Succeeded with no reason, so `kubectl get pods`
 * shows Completed; a container killed by SIGKILL (exit 137) or failing gives Failed, reason
 * Evicted.
 */
import type { PodCondition, PodStatus } from '../../api/types.js';
import { timestampOf } from '../../store/time.js';

/** The kubelet evicts a pod: why, with what grace period, and since when. */
export interface PodEviction {
  /** evictionMessage: "The node was low on resource: memory. …" */
  readonly message: string;
  /** The grace period override: 1 s for a hard threshold (raised to killContainer's 2 s minimum). */
  readonly graceSeconds: number;
  /** Simulated ms of the eviction. */
  readonly at: number;
}

/** Reason of an evicted pod's status (eviction.Reason). */
export const EVICTED = 'Evicted';

export function evictedPodStatus(
  status: PodStatus,
  eviction: PodEviction,
  podIsTerminal: boolean,
): PodStatus {
  const out: PodStatus = { ...status };
  const conditions = [...(status.conditions ?? [])];
  if (!conditions.some((c) => c.type === 'DisruptionTarget')) {
    conditions.unshift({
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: timestampOf(eviction.at),
      reason: 'TerminationByKubelet',
      message: eviction.message,
    } as unknown as PodCondition);
  }
  out.conditions = conditions;
  if (podIsTerminal && out.phase === 'Failed') {
    out.reason = EVICTED;
    out.message = eviction.message;
  }
  return out;
}
