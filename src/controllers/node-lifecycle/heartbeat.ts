/**
 * What the node lifecycle controller learns from kubelets' heartbeats. A real kubelet renews
 * its Lease in kube-node-lease every 10 s and the controller notes when it saw a renewal (its
 * probeTimestamp). kubesim has no Lease objects; it models a running kubelet as renewing
 * continuously, so the last renewal is the moment the kubelet stopped.
 */
export interface NodeHeartbeats {
  /** When the node's kubelet stopped renewing; undefined while it renews (or has no kubelet record). */
  stoppedAt(node: string): number | undefined;
  /** Calls `listener` with the node's name whenever its kubelet stops or resumes. */
  subscribe(listener: (node: string) => void): void;
}

/** The part of a kubelet the heartbeat source reads (the Kubelet class has it). */
export interface HeartbeatingKubelet {
  readonly stoppedAt: number | undefined;
  onHeartbeatChange(listener: () => void): void;
}

/**
 * Heartbeats read from the cluster's kubelets, by node name. The map is read when the
 * controller starts, so it may be filled after this is built (the composition root builds
 * the controllers before the kubelets).
 */
export function heartbeatsOf(kubelets: ReadonlyMap<string, HeartbeatingKubelet>): NodeHeartbeats {
  return {
    stoppedAt: (node) => kubelets.get(node)?.stoppedAt,
    subscribe(listener) {
      for (const [node, kubelet] of kubelets) kubelet.onHeartbeatChange(() => listener(node));
    },
  };
}
