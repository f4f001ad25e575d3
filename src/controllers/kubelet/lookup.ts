import type { SimProcess } from '../../images/process.js';
import type { Kubelet } from './kubelet.js';

/**
 * A read-only view of one pod as its node's kubelet runs it, for the simulated network
 * (kube-proxy's routing, port-forward): whether the pod's sandbox exists and which of its
 * processes listens on a port. Nothing here changes the kubelet's state.
 */
export interface PodRuntime {
  /** The uid of the pod the worker runs (a recreated pod with the same name has another). */
  readonly uid: string;
  /** The sandbox IP while the pod's network namespace exists. */
  readonly ip: string | undefined;
  /** The running process that accepts TCP connections on `port` in the pod's network namespace. */
  listener(port: number): SimProcess | undefined;
}

/**
 * The fields of the kubelet's PodWorker this module reads. They are private to pod-worker.ts;
 * kubesim reads them here rather than widening the worker's interface. lookup.test.ts fails if
 * pod-worker.ts renames them. (A public `runtimeOf(key)` on Kubelet would be the tidier home.)
 */
interface WorkerInternals {
  readonly uid: string;
  readonly gone: boolean;
  readonly finished: boolean;
  readonly sandbox: { readonly ip: string; readonly ready: boolean } | undefined;
  listener(port: number): SimProcess | undefined;
}

interface KubeletInternals {
  readonly workers: Map<string, WorkerInternals>;
}

/**
 * The pod `namespace/name` as `kubelet` runs it now, or undefined when the kubelet runs no such
 * pod (never bound here, deleted, or its sandbox torn down after it finished).
 */
export function podRuntime(kubelet: Kubelet, namespace: string, name: string): PodRuntime | undefined {
  const worker = (kubelet as unknown as KubeletInternals).workers.get(`${namespace}/${name}`);
  if (!worker || worker.gone) return undefined;
  const sandbox = worker.sandbox;
  if (!sandbox?.ready) return undefined;
  return {
    uid: worker.uid,
    ip: sandbox.ip,
    listener: (port) => worker.listener(port),
  };
}
