/** Reading one pod as the pod steps see it: its phase, its containers and their starts. */
import type { Change, ContainerStatus, Pod } from '../../src/index.js';
import { podStatusColumn } from './pod-status.js';
import { canonicalWord } from './syntax.js';

export const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];
export const CONTAINER_STATES = ['Waiting', 'Running', 'Terminated'];
export const QOS_CLASSES = ['Guaranteed', 'Burstable', 'BestEffort'];

export function checkOneOf(what: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) throw new Error(`"${value}" is not a ${what}: use ${allowed.join(', ')}`);
}

/**
 * A pod phase as the API spells it, from `Running`, `running` or `"Running"`; anything else
 * fails with the phases to choose from.
 */
export function checkPhase(phase: string): string {
  const canonical = canonicalWord(phase, POD_PHASES);
  checkOneOf('pod phase', canonical, POD_PHASES);
  return canonical;
}

/** A container state (Waiting, Running, Terminated) in any letter case, as describe spells it. */
export function checkContainerState(state: string): string {
  const canonical = canonicalWord(state, CONTAINER_STATES);
  checkOneOf('container state', canonical, CONTAINER_STATES);
  return canonical;
}

/** A pod's phase, STATUS column and conditions in one line, for failure messages. */
export function describePod(pod: Pod | undefined): string {
  if (!pod) return '  (the pod does not exist)';
  const conditions = (pod.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(', ');
  const node = pod.spec?.nodeName ? `on ${pod.spec.nodeName}` : 'not scheduled';
  return `  phase ${pod.status?.phase ?? '(none)'}, STATUS ${podStatusColumn(pod)}, ${node}, conditions: ${conditions || 'none'}`;
}

/** The status of a container (app, init or sidecar) by name, if the kubelet reported one. */
export function containerStatusOf(pod: Pod, name: string): ContainerStatus | undefined {
  const s = pod.status ?? {};
  return [...(s.containerStatuses ?? []), ...(s.initContainerStatuses ?? [])].find((c) => c.name === name);
}

export function containerNames(pod: Pod): string[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name);
}

/** Waiting, Running or Terminated, as `kubectl describe pod` names the state. */
export function stateName(c: ContainerStatus): string | undefined {
  if (c.state?.running) return 'Running';
  if (c.state?.terminated) return 'Terminated';
  if (c.state?.waiting) return 'Waiting';
  return undefined;
}

export function stateReason(c: ContainerStatus): string | undefined {
  return c.state?.waiting?.reason ?? c.state?.terminated?.reason;
}

/**
 * Every start of a container of one pod (one incarnation: `uid`), in simulated ms, read from the
 * history. A start is a status that shows the container running where the status before did
 * not, or shows it running with a new startedAt or restart count (a restart between two status
 * writes within one second would leave startedAt, which has second precision, unchanged).
 */
export function containerStarts(
  history: readonly Change[],
  pod: { namespace: string; name: string; uid?: string },
  container: string,
): number[] {
  const starts: number[] = [];
  let last: { running: boolean; startedAt?: string; restarts: number } = { running: false, restarts: -1 };
  for (const change of history) {
    if (change.kind !== 'Pod' || change.namespace !== pod.namespace || change.name !== pod.name) continue;
    if (change.type === 'DELETED') continue;
    const object = change.object as unknown as Pod;
    if (pod.uid && object.metadata.uid !== pod.uid) continue;
    const c = containerStatusOf(object, container);
    const now = {
      running: Boolean(c?.state?.running),
      startedAt: c?.state?.running?.startedAt,
      restarts: c?.restartCount ?? 0,
    };
    if (
      now.running &&
      (!last.running || now.startedAt !== last.startedAt || now.restarts !== last.restarts)
    ) {
      starts.push(change.at);
    }
    last = now;
  }
  return starts;
}

/**
 * The only (app) container of a pod or pod template, for the steps that name the pod or the
 * Deployment but mean a container (`pod "web" should have restarted 2 times`); with several,
 * it fails, names them and shows `example` for the first.
 */
export function onlyContainer(
  containers: readonly string[],
  owner: string,
  example: (container: string) => string,
): string {
  if (containers.length === 1) return containers[0]!;
  throw new Error(
    `${owner} has ${containers.length} containers (${containers.join(', ') || 'none'}): name the one you mean, ` +
      `as in: ${example(containers[0] ?? 'CONTAINER')}`,
  );
}
