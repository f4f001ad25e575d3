import type { Container, ContainerStatus, Pod, PodCondition } from '../../api/types.js';
import { hasAnyRegularContainerStarted, isRestartableInitContainer, type PodPhase } from './phase.js';

/** Reasons of the kubelet's pod conditions (pkg/kubelet/status/generate.go). */
export const UnknownContainerStatuses = 'UnknownContainerStatuses';
export const PodCompleted = 'PodCompleted';
export const PodFailed = 'PodFailed';
export const ContainersNotReady = 'ContainersNotReady';
export const ContainersNotInitialized = 'ContainersNotInitialized';
export const ReadinessGatesNotReady = 'ReadinessGatesNotReady';

/** A condition without times: type, status, and reason and message when set. */
export type BareCondition = Pick<PodCondition, 'type' | 'status' | 'reason' | 'message'>;

function condition(type: string, status: string, reason?: string, message?: string): BareCondition {
  const c: BareCondition = { type, status };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** Go's `%s` of a []string: `[a b]`. */
function goList(names: readonly string[]): string {
  return `[${names.join(' ')}]`;
}

function statusOf(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

/**
 * Sorts a container into `unknown` (no status) or `unready`. A function of its own, not a named
 * closure: under tsx each named closure is renamed when made, on every status the kubelet builds.
 */
function checkReady(
  c: Container,
  statuses: readonly ContainerStatus[],
  unknown: string[],
  unready: string[],
): void {
  const s = statusOf(statuses, c.name);
  if (!s) unknown.push(c.name);
  else if (!s.ready) unready.push(c.name);
}

/** ContainersReady (GenerateContainersReadyCondition); `statuses` undefined means none are known. */
export function generateContainersReadyCondition(
  pod: Pick<Pod, 'spec'>,
  statuses: readonly ContainerStatus[] | undefined,
  phase: PodPhase,
): BareCondition {
  if (statuses === undefined) return condition('ContainersReady', 'False', UnknownContainerStatuses);
  const unknown: string[] = [];
  const unready: string[] = [];
  // Indexed loops: the spec is frozen, and V8 runs `for…of` over a frozen array through the
  // generic iterator, allocating on every step of every status the kubelet generates.
  const inits = pod.spec?.initContainers ?? [];
  for (let i = 0; i < inits.length; i++) {
    if (isRestartableInitContainer(inits[i]!)) checkReady(inits[i]!, statuses, unknown, unready);
  }
  const containers = pod.spec?.containers ?? [];
  for (let i = 0; i < containers.length; i++) checkReady(containers[i]!, statuses, unknown, unready);

  if (phase === 'Succeeded' && unknown.length === 0)
    return condition('ContainersReady', 'False', PodCompleted);
  if (phase === 'Failed') return condition('ContainersReady', 'False', PodFailed);

  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${goList(unready)}`);
  if (messages.length > 0)
    return condition('ContainersReady', 'False', ContainersNotReady, messages.join(', '));
  return condition('ContainersReady', 'True');
}

/**
 * Ready (GeneratePodReadyCondition): ContainersReady, then the readiness gates. A caller that
 * has made the ContainersReady condition from the same statuses and phase may pass it.
 */
export function generatePodReadyCondition(
  pod: Pick<Pod, 'spec'>,
  conditions: readonly PodCondition[] | undefined,
  statuses: readonly ContainerStatus[] | undefined,
  phase: PodPhase,
  containersReady = generateContainersReadyCondition(pod, statuses, phase),
): BareCondition {
  if (containersReady.status !== 'True') {
    return condition('Ready', containersReady.status, containersReady.reason, containersReady.message);
  }
  const messages: string[] = [];
  for (const gate of pod.spec?.readinessGates ?? []) {
    const c = (conditions ?? []).find((x) => x.type === gate.conditionType);
    if (!c) {
      messages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    } else if (c.status !== 'True') {
      messages.push(
        `the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`,
      );
    }
  }
  if (messages.length > 0) return condition('Ready', 'False', ReadinessGatesNotReady, messages.join(', '));
  return condition('Ready', 'True');
}

function isInitContainerInitialized(c: Container, s: ContainerStatus): boolean {
  return isRestartableInitContainer(c) ? s.started === true : s.ready;
}

/** Initialized (GeneratePodInitializedCondition). */
export function generatePodInitializedCondition(
  pod: Pick<Pod, 'spec'>,
  statuses: readonly ContainerStatus[] | undefined,
  phase: PodPhase,
): BareCondition {
  const inits = pod.spec?.initContainers ?? [];
  if (statuses === undefined && inits.length > 0) {
    return condition('Initialized', 'False', UnknownContainerStatuses);
  }
  const known = statuses ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    const s = statusOf(known, c.name);
    if (!s) unknown.push(c.name);
    else if (!isInitContainerInitialized(c, s)) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return condition('Initialized', 'True', PodCompleted);
  if (hasAnyRegularContainerStarted(pod, known)) return condition('Initialized', 'True');
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (messages.length > 0) {
    return condition('Initialized', 'False', ContainersNotInitialized, messages.join(', '));
  }
  return condition('Initialized', 'True');
}

/** PodReadyToStartContainers: True while the pod's sandbox exists with its network. */
export function generatePodReadyToStartContainersCondition(sandboxReady: boolean): BareCondition {
  return condition('PodReadyToStartContainers', sandboxReady ? 'True' : 'False');
}
