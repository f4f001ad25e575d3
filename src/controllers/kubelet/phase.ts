import type { Container, ContainerStatus, Pod } from '../../api/types.js';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** A sidecar: an init container with restartPolicy Always (podutil.IsRestartableInitContainer). */
export function isRestartableInitContainer(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

function statusOf(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

/*
 * The loops over a pod's containers are indexed: the spec is a stored, frozen array, and V8
 * runs `for…of` over a frozen array through the generic iterator, allocating on every step of
 * every status the kubelet generates.
 */

/** kubecontainer.HasAnyRegularContainerStarted: a regular container is running or has terminated. */
export function hasAnyRegularContainerStarted(
  pod: Pick<Pod, 'spec'>,
  statuses: readonly ContainerStatus[],
): boolean {
  const containers = pod.spec?.containers ?? [];
  for (let i = 0; i < containers.length; i++) {
    const s = statusOf(statuses, containers[i]!.name);
    if (s?.state?.running || s?.state?.terminated) return true;
  }
  return false;
}

/**
 * The pod's phase from its container statuses (pkg/kubelet/kubelet_pods.go getPhase, v1.33
 * with default gates: ContainerRestartRules off). `podIsTerminal` is true once the kubelet has
 * decided the pod will not run again (it is being deleted or evicted, or all its containers
 * are done for good); `podHasInitialized` once a regular container has started (by default
 * read from the statuses, as v1.32 did).
 */
export function getPhase(
  pod: Pick<Pod, 'spec'>,
  info: readonly ContainerStatus[],
  podIsTerminal: boolean,
  podHasInitialized = hasAnyRegularContainerStarted(pod, info),
): PodPhase {
  const spec = pod.spec ?? { containers: [] };
  const inits = spec.initContainers ?? [];
  let pendingRestartableInit = 0;
  let pendingRegularInit = 0;
  let failedInitialization = 0;

  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    if (isRestartableInitContainer(c)) continue;
    const s = statusOf(info, c.name);
    if (!s) {
      pendingRegularInit++;
      continue;
    }
    if (s.state?.running) pendingRegularInit++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (s.state?.waiting) {
      const last = s.lastState?.terminated;
      if (last) {
        if (last.exitCode !== 0) failedInitialization++;
      } else pendingRegularInit++;
    } else pendingRegularInit++;
  }

  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;

  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    if (!isRestartableInitContainer(c)) continue;
    const s = statusOf(info, c.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state?.running) {
      if (!s.started) pendingRestartableInit++;
      running++;
    } else if (s.state?.terminated) {
      // Terminated sidecars do not count towards the phase.
    } else if (s.state?.waiting) {
      if (!s.lastState?.terminated) {
        pendingRestartableInit++;
        waiting++;
      }
    } else {
      pendingRestartableInit++;
      unknown++;
    }
  }

  for (let i = 0; i < spec.containers.length; i++) {
    const s = statusOf(info, spec.containers[i]!.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }

  if (failedInitialization > 0 && spec.restartPolicy === 'Never') return 'Failed';

  if (pendingRegularInit > 0 || (pendingRestartableInit > 0 && !podHasInitialized) || waiting > 0) {
    return 'Pending';
  }
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    const policy = spec.restartPolicy ?? 'Always';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
