import type { ShellNetwork } from './container-context.js';

/**
 * How the cluster's simulated network answers the processes of a pod, for every container of
 * one cluster: `(namespace, pod) → ShellNetwork`. The network (src/network, which sits below the
 * kubelet) registers itself here keyed by the cluster's store, so the kubelet needs no import of
 * it: `setShellNetwork(store, (ns, pod) => shellNetwork(network, { pod, namespace: ns }))`.
 * Without one, a pod's processes reach only their own pod (localhost and the pod's IP).
 */
export type ShellNetworkFactory = (namespace: string, pod: string) => ShellNetwork;

const factories = new WeakMap<object, ShellNetworkFactory>();

export function setShellNetwork(owner: object, factory: ShellNetworkFactory): void {
  factories.set(owner, factory);
}

export function shellNetworkFor(owner: object): ShellNetworkFactory | undefined {
  return factories.get(owner);
}
