import type { SimTimer } from '../../core/clock.js';
import type { SimProcess } from '../../images/process.js';

/**
 * One container instance as the container runtime (containerd) knows it: created once, started
 * once, exited once. A restart creates a new instance with the next restart count, as the CRI
 * does; the kubelet's status shows the newest instance and the one before it.
 */
export interface ContainerInstance {
  /** 64 hex characters; the API shows `containerd://<id>`. */
  readonly id: string;
  readonly name: string;
  readonly restartCount: number;
  /** The image as containerd reports it: `docker.io/library/nginx:1.25`. */
  readonly image: string;
  readonly imageID: string;
  /** The hash of the container spec it was created from (container-hash.ts; tests may omit it). */
  readonly hash?: string;
  readonly createdAt: number;
  state: 'created' | 'running' | 'exited';
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  /** The runtime's reason for an exit: Completed, Error, OOMKilled, StartError. */
  reason?: string;
  /** The termination message (the termination-log file, the log's tail, or the runtime's error). */
  message?: string;
  process?: SimProcess;
  /** Set while the kubelet is stopping it: the SIGKILL at the end of the grace period. */
  killTimer?: SimTimer;
}

/** Why the last attempt to start a container failed (the kubelet's reason cache). */
export interface StartFailure {
  readonly reason: string;
  readonly message: string;
}

/** Everything the kubelet tracks about one container of a pod. */
export interface ContainerRecord {
  /** Instances, oldest first. */
  readonly instances: ContainerInstance[];
  failure?: StartFailure;
}

export function newest(record: ContainerRecord | undefined): ContainerInstance | undefined {
  return record?.instances[record.instances.length - 1];
}

export function previous(record: ContainerRecord | undefined): ContainerInstance | undefined {
  return record?.instances[record.instances.length - 2];
}

/** The pod's sandbox: its network namespace with the pod IP (the pause container). */
export interface Sandbox {
  readonly ip: string;
  ready: boolean;
  /** The pod uses the node's network namespace (its IP is the node's). */
  readonly hostNetwork?: boolean;
}

/** The runtime's reason for an exit (containerd): OOMKilled, Completed for 0, Error otherwise. */
export function exitReason(code: number, oomKilled: boolean): string {
  if (oomKilled) return 'OOMKilled';
  return code === 0 ? 'Completed' : 'Error';
}
