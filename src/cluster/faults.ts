/**
 * Node faults a scenario can inject: a node that becomes unreachable and recovers, and a node
 * that runs low on memory. They act on the node's kubelet, as the real faults do; what follows
 * (conditions, taints, pod deletions, replacements) is the controllers' doing.
 */

import type { MemoryPressureOptions } from '../controllers/kubelet/eviction.js';
import type { Kubelet } from '../controllers/kubelet/kubelet.js';
import { KubesimError } from '../core/errors.js';
import type { Cluster } from './cluster.js';

function kubeletOf(cluster: Cluster, name: string): Kubelet {
  const kubelet = cluster.kubelets.get(name);
  if (!kubelet) {
    const known = [...cluster.kubelets.keys()].join(', ');
    throw new KubesimError(`node "${name}" does not exist (nodes: ${known})`);
  }
  return kubelet;
}

/**
 * The node drops off the network: its kubelet stops heartbeating and posting status and its pod
 * workers freeze; the containers keep running but nothing about them is reported. Then, as in
 * v1.33 with default settings:
 *  - after the node-monitor grace period (50 s) the node controller sets every node condition
 *    to Unknown ("Kubelet stopped posting node status.", NodeStatusUnknown), records
 *    NodeNotReady, sets Ready=False on the node's pods (they leave the Services' endpoints) and
 *    taints the node node.kubernetes.io/unreachable:NoSchedule;
 *  - one monitor period (5 s) later it adds node.kubernetes.io/unreachable:NoExecute;
 *  - when a pod's toleration of that taint runs out (300 s, added to every pod at admission)
 *    the taint eviction controller deletes it: it stays Terminating, since no kubelet confirms,
 *    and its ReplicaSet creates a replacement on another node at once; a bare pod is not
 *    replaced.
 */
export function nodeUnreachable(cluster: Cluster, name: string): void {
  kubeletOf(cluster, name).stop();
  cluster.settle();
}

/**
 * The node is reachable again: the kubelet posts Ready, the node controller removes the
 * unreachable taints (and cancels pending pod deletions), the kubelet stops and removes the pods
 * that were deleted meanwhile and reports the others again, and new pods may land on the node.
 */
export function nodeRecovers(cluster: Cluster, name: string): void {
  kubeletOf(cluster, name).resume();
  cluster.settle();
}

/**
 * The node runs low on memory (memory.available below the kubelet's 100Mi hard threshold): the
 * kubelet evicts one pod at once, the first in its memory-pressure order (see
 * src/controllers/kubelet/eviction-ranking.ts), reports MemoryPressure=True for 5 minutes and
 * the node controller taints it node.kubernetes.io/memory-pressure:NoSchedule. Calling it again
 * evicts the next pod. Returns the evicted pod as `namespace/name`, or undefined when no pod
 * could be evicted.
 */
export function nodeMemoryPressure(
  cluster: Cluster,
  name: string,
  options: MemoryPressureOptions = {},
): string | undefined {
  const kubelet = kubeletOf(cluster, name);
  if (kubelet.stoppedAt !== undefined) {
    throw new KubesimError(`node "${name}" is unreachable: its kubelet cannot evict pods`);
  }
  const evicted = kubelet.memoryPressure(options);
  cluster.settle();
  return evicted;
}
