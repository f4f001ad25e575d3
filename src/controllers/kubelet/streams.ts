/**
 * The kubelet's streaming side (pkg/kubelet/kubelet_pods.go GetKubeletContainerLogs with
 * validateContainerLogStatus; kubelet.go GetExec with the CRI's Exec): the logs of a container
 * instance and commands run in a running container, for `kubectl logs` and `kubectl exec`.
 * Errors come back as the kubelet's messages; kubectl's side (kubectl/verbs) frames them.
 */
import type { Pod } from '../../api/types.js';
import { Random, seedFrom } from '../../core/random.js';
import type { LogLine } from '../../images/container-log.js';
import type { ExecOutcome, ExecRequest } from '../../images/exec.js';
import type { Kubelet } from './kubelet.js';
import type { ContainerInstance, ContainerRecord } from './runtime.js';

/**
 * The fields of Kubelet and PodWorker this module reads. They are private there; kubesim reads
 * them here (as lookup.ts does) rather than widening those classes, which other work edits.
 * streams.test.ts fails if they are renamed.
 */
interface WorkerInternals {
  readonly uid: string;
  readonly gone: boolean;
  readonly records: ReadonlyMap<string, ContainerRecord>;
}

interface KubeletInternals {
  readonly workers: Map<string, WorkerInternals>;
}

function workerOf(kubelet: Kubelet, pod: Pod): WorkerInternals | undefined {
  const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
  const worker = (kubelet as unknown as KubeletInternals).workers.get(key);
  if (!worker || worker.gone || worker.uid !== pod.metadata.uid) return undefined;
  return worker;
}

function instanceById(worker: WorkerInternals, containerID: string): ContainerInstance | undefined {
  const id = containerID.replace(/^[a-z]+:\/\//, '');
  for (const record of worker.records.values()) {
    for (const instance of record.instances) if (instance.id === id) return instance;
  }
  return undefined;
}

export type LogsResult = { readonly lines: readonly LogLine[] } | { readonly error: string };

/**
 * The log lines of `container` of `pod` (its current instance, or with `previous` the one before),
 * or the kubelet's error: `previous terminated container "c" in pod "p" not found`,
 * `container "c" in pod "p" is waiting to start: ContainerCreating`, …
 */
export function containerLogs(kubelet: Kubelet, pod: Pod, container: string, previous: boolean): LogsResult {
  const name = pod.metadata.name;
  const worker = workerOf(kubelet, pod);
  if (!worker) return { error: `pod ${JSON.stringify(name)} cannot be found - no logs available` };
  const validated = validateContainerLogStatus(pod, container, previous);
  if ('error' in validated) return validated;
  const instance = instanceById(worker, validated.containerID);
  return { lines: instance?.process?.log.lines() ?? [] };
}

/** validateContainerLogStatus: which container ID the logs come from, from the pod's status. */
export function validateContainerLogStatus(
  pod: Pod,
  container: string,
  previous: boolean,
): { containerID: string } | { error: string } {
  const podName = JSON.stringify(pod.metadata.name);
  const c = JSON.stringify(container);
  const status =
    pod.status?.containerStatuses?.find((s) => s.name === container) ??
    pod.status?.initContainerStatuses?.find((s) => s.name === container);
  if (!status) return { error: `container ${c} in pod ${podName} is not available` };
  const last = status.lastState?.terminated;
  const { waiting, running, terminated } = status.state ?? {};
  if (previous) {
    if (!last?.containerID)
      return { error: `previous terminated container ${c} in pod ${podName} not found` };
    return { containerID: last.containerID };
  }
  if (running) return { containerID: status.containerID ?? '' };
  if (terminated) {
    if (terminated.containerID) return { containerID: terminated.containerID };
    if (last?.containerID) return { containerID: last.containerID };
    return { error: `container ${c} in pod ${podName} is terminated` };
  }
  if (last) {
    if (!last.containerID) return { error: `container ${c} in pod ${podName} is terminated` };
    return { containerID: last.containerID };
  }
  if (waiting) {
    switch (waiting.reason) {
      case 'ErrImagePull':
        return { error: `container ${c} in pod ${podName} is waiting to start: image can't be pulled` };
      case 'ImagePullBackOff':
        return {
          error: `container ${c} in pod ${podName} is waiting to start: trying and failing to pull image`,
        };
      default:
        return { error: `container ${c} in pod ${podName} is waiting to start: ${waiting.reason ?? ''}` };
    }
  }
  return { error: `container ${c} in pod ${podName} is waiting to start - no logs yet` };
}

export type ExecResult =
  /** The kubelet has no running container of that name: `container not found ("c")`. */
  | { readonly kind: 'not-found'; readonly message: string }
  /** The runtime could not start the command (the API server's Internal error, kubectl exits 1). */
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'done'; readonly outcome: ExecOutcome };

/** GetExec then the CRI's Exec: runs `argv` in the running container `container` of `pod`. */
export function execInContainer(
  kubelet: Kubelet,
  pod: Pod,
  container: string,
  argv: readonly string[],
  request: ExecRequest = {},
): ExecResult {
  const worker = workerOf(kubelet, pod);
  const instance = worker?.records.get(container)?.instances.at(-1);
  const process = instance?.state === 'running' ? instance.process : undefined;
  if (!instance || !process?.running) {
    return { kind: 'not-found', message: `container not found (${JSON.stringify(container)})` };
  }
  const outcome = process.exec(argv, request);
  if (outcome.startError !== undefined) {
    return { kind: 'failed', message: containerExecError(instance, outcome.startError, false) };
  }
  return { kind: 'done', outcome };
}

const execCounts = new WeakMap<ContainerInstance, number>();

/**
 * containerd's error for a command runc cannot start, as the kubelet passes it on: for an exec
 * probe the gRPC error (`rpc error: code = Unknown desc = failed to exec in container: …`), for
 * `kubectl exec` the API server's `Internal error occurred: error executing command in container:
 * …`. The exec ID is a stable 64-hex-digit ID derived from the container's and a count of its execs.
 */
export function containerExecError(instance: ContainerInstance, detail: string, probe: boolean): string {
  const n = (execCounts.get(instance) ?? 0) + 1;
  execCounts.set(instance, n);
  const execId = new Random(seedFrom(`${instance.id}/exec/${n}`)).string(64, '0123456789abcdef');
  const inner =
    `failed to exec in container: failed to start exec ${JSON.stringify(execId)}: ` +
    `OCI runtime exec failed: exec failed: unable to start container process: ${detail}: unknown`;
  return probe
    ? `rpc error: code = Unknown desc = ${inner}`
    : `Internal error occurred: error executing command in container: ${inner}`;
}
