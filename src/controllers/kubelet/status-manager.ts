/**
 * Two rules of the kubelet's status manager (pkg/kubelet/status/status_manager.go) for a pod
 * the kubelet stops: mergePodStatus delays its terminal phase until its containers have stopped,
 * and TerminatePod marks what never reported an end as ContainerStatusUnknown.
 */
import type { ContainerState, ContainerStatus, Pod, PodStatus } from '../../api/types.js';

const isTerminalPhase = (phase: string | undefined): boolean => phase === 'Succeeded' || phase === 'Failed';

/**
 * The status manager's mergePodStatus: a pod whose containers could still be running is not
 * reported terminal yet; it keeps its old phase, reason and message (the conditions, made for the
 * terminal phase, are sent as they are) until the containers have stopped.
 */
export function delayTerminalPhase(old: PodStatus | undefined, status: PodStatus): PodStatus {
  if (isTerminalPhase(old?.phase) || !isTerminalPhase(status.phase)) return status;
  const out: PodStatus = { ...status };
  delete out.phase;
  delete out.reason;
  delete out.message;
  if (old?.phase) out.phase = old.phase;
  if (old?.reason) out.reason = old.reason;
  if (old?.message) out.message = old.message;
  return out;
}

const CONTAINER_STATUS_UNKNOWN: ContainerState = Object.freeze({
  terminated: Object.freeze({
    exitCode: 137,
    reason: 'ContainerStatusUnknown',
    message: 'The container could not be located when the pod was terminated',
  }),
});

/**
 * hasPodInitialized (status_manager.go): no init containers; or a regular container has left
 * Waiting (or terminated before); or the last init container has exited 0 (a sidecar: runs and
 * has started). Read from the pod as the API has it.
 */
export function hasPodInitialized(pod: Pod): boolean {
  const inits = pod.spec?.initContainers ?? [];
  if (inits.length === 0) return true;
  for (const s of pod.status?.containerStatuses ?? []) {
    if (s.lastState?.terminated || !s.state?.waiting) return true;
  }
  const statuses = pod.status?.initContainerStatuses ?? [];
  const last = statuses[statuses.length - 1];
  if (last) {
    // kubeutil.GetContainerByIndex: the spec's container at that index, if its name matches.
    const container = inits[statuses.length - 1];
    if (container?.name !== last.name) return false;
    if (container.restartPolicy === 'Always')
      return last.state?.running !== undefined && last.started === true;
    if (last.lastState?.terminated?.exitCode === 0) return true;
    if (last.state?.terminated?.exitCode === 0) return true;
  }
  return false;
}

/**
 * initializedContainers: the statuses without their suffix of containers that are Waiting and
 * never ran (those never attempted to start); at least the first one.
 */
export function initializedContainers(statuses: readonly ContainerStatus[]): readonly ContainerStatus[] {
  for (let i = statuses.length - 1; i >= 0; i--) {
    const s = statuses[i]!;
    if (!s.state?.waiting || s.lastState?.terminated) return statuses.slice(0, i + 1);
  }
  return statuses.slice(0, 1);
}

function unknownIfNotTerminated(s: ContainerStatus): ContainerStatus {
  return s.state?.terminated ? s : { ...s, state: CONTAINER_STATUS_UNKNOWN };
}

/**
 * The status manager's TerminatePod, on the final status of `pod`: once the pod has initialized,
 * every container that has not terminated is reported terminated with ContainerStatusUnknown
 * (exit 137), as are the init containers that attempted to start; a pod that is not yet
 * Succeeded or Failed becomes Failed.
 */
export function terminatePodStatus(pod: Pod, status: PodStatus): PodStatus {
  const out: PodStatus = { ...status };
  if (status.containerStatuses && hasPodInitialized(pod)) {
    out.containerStatuses = status.containerStatuses.map(unknownIfNotTerminated);
  }
  if (status.initContainerStatuses) {
    const attempted = initializedContainers(status.initContainerStatuses).length;
    out.initContainerStatuses = status.initContainerStatuses.map((s, i) =>
      i < attempted ? unknownIfNotTerminated(s) : s,
    );
  }
  if (out.phase !== 'Succeeded' && out.phase !== 'Failed') out.phase = 'Failed';
  return out;
}
