/**
 * Trackers follow one quantity through the stored changes: a Deployment's available replicas,
 * the live pods of its ReplicaSets, a Service's ready endpoints. Each is fed changes one by one
 * (from the history, or live as they are recorded), so rules over time see every state the
 * cluster went through, not only the state at the end of a step. Each change is handled in
 * constant time: a tracker ignores other kinds and namespaces at once, and counts incrementally.
 */
import type { Change, Cluster, Deployment, Endpoints, Pod, ReplicaSet } from '../../src/index.js';
import { describeDeployment, endpointAddresses, formatAddresses, isGoing } from './objects.js';
import type { ObjectRef } from './syntax.js';

export interface Tracker {
  /** Feeds one stored change; true if the tracked value may have changed. */
  apply(change: Change): boolean;
  /** The tracked value now. */
  value(): number;
  /** The state behind the value, for failure messages. */
  describe(): string;
}

/** Feeds a tracker the objects the store holds now, as if each had just been added. */
export function loadCurrent(
  tracker: Tracker,
  cluster: Cluster,
  kinds: readonly ('Deployment' | 'ReplicaSet' | 'Pod' | 'Endpoints')[],
  namespace: string,
): void {
  let seq = -1;
  for (const kind of kinds) {
    for (const object of cluster.store.list(kind, namespace)) {
      tracker.apply({
        seq: seq--,
        at: cluster.now,
        type: 'ADDED',
        kind,
        namespace,
        name: object.metadata.name,
        object,
      });
    }
  }
}

/** `status.availableReplicas` of a Deployment (0 while it does not exist). */
export class AvailableReplicas implements Tracker {
  static readonly kinds = ['Deployment'] as const;
  private deployment: Deployment | undefined;

  constructor(private readonly ref: ObjectRef) {}

  apply(c: Change): boolean {
    if (c.kind !== 'Deployment' || c.namespace !== this.ref.namespace || c.name !== this.ref.name)
      return false;
    this.deployment = c.type === 'DELETED' ? undefined : (c.object as unknown as Deployment);
    return true;
  }

  value(): number {
    return this.deployment?.status?.availableReplicas ?? 0;
  }

  describe(): string {
    return describeDeployment(this.deployment);
  }
}

/**
 * The pods of a Deployment's ReplicaSets that are neither terminating nor finished: what the
 * ReplicaSet controller counts as its active replicas. ReplicaSets are recognised by their
 * controller reference to a Deployment of that name; pods by their controller reference to one
 * of those ReplicaSets.
 */
export class DeploymentPods implements Tracker {
  static readonly kinds = ['ReplicaSet', 'Pod'] as const;
  private readonly replicaSets = new Map<string, string>(); // uid → name
  private readonly livePodsByOwner = new Map<string, Set<string>>(); // owner uid → pod names
  private readonly ownerOfPod = new Map<string, string>(); // live pod name → owner uid

  constructor(private readonly ref: ObjectRef) {}

  apply(c: Change): boolean {
    if (c.namespace !== this.ref.namespace) return false;
    if (c.kind === 'ReplicaSet') return this.applyReplicaSet(c, c.object as unknown as ReplicaSet);
    if (c.kind === 'Pod') return this.applyPod(c, c.object as unknown as Pod);
    return false;
  }

  private applyReplicaSet(c: Change, rs: ReplicaSet): boolean {
    const uid = rs.metadata.uid!;
    const owner = rs.metadata.ownerReferences?.find((o) => o.controller);
    const ours = c.type !== 'DELETED' && owner?.kind === 'Deployment' && owner.name === this.ref.name;
    const had = this.replicaSets.has(uid);
    if (ours) this.replicaSets.set(uid, rs.metadata.name);
    else this.replicaSets.delete(uid);
    return had !== ours;
  }

  private applyPod(c: Change, pod: Pod): boolean {
    const name = pod.metadata.name;
    let changed = false;
    // A pod can change owner (adoption, release), so it leaves its old owner's set first.
    const before = this.ownerOfPod.get(name);
    if (before !== undefined) {
      const pods = this.livePodsByOwner.get(before)!;
      pods.delete(name);
      if (pods.size === 0) this.livePodsByOwner.delete(before);
      this.ownerOfPod.delete(name);
      changed = this.replicaSets.has(before);
    }
    const owner = pod.metadata.ownerReferences?.find((o) => o.controller)?.uid;
    if (c.type !== 'DELETED' && owner && !isGoing(pod)) {
      let pods = this.livePodsByOwner.get(owner);
      if (!pods) this.livePodsByOwner.set(owner, (pods = new Set()));
      pods.add(name);
      this.ownerOfPod.set(name, owner);
      changed ||= this.replicaSets.has(owner);
    }
    return changed;
  }

  private pods(): string[] {
    const out: string[] = [];
    for (const uid of this.replicaSets.keys()) out.push(...(this.livePodsByOwner.get(uid) ?? []));
    return out.sort();
  }

  value(): number {
    let n = 0;
    for (const uid of this.replicaSets.keys()) n += this.livePodsByOwner.get(uid)?.size ?? 0;
    return n;
  }

  describe(): string {
    const pods = this.pods();
    return `  pods (not terminating): ${pods.length > 0 ? pods.join(', ') : 'none'}`;
  }
}

/** The ready addresses of a Service's Endpoints object. */
export class ReadyEndpoints implements Tracker {
  static readonly kinds = ['Endpoints'] as const;
  private endpoints: Endpoints | undefined;

  constructor(private readonly ref: ObjectRef) {}

  apply(c: Change): boolean {
    if (c.kind !== 'Endpoints' || c.namespace !== this.ref.namespace || c.name !== this.ref.name)
      return false;
    this.endpoints = c.type === 'DELETED' ? undefined : (c.object as unknown as Endpoints);
    return true;
  }

  value(): number {
    return endpointAddresses(this.endpoints).ready.length;
  }

  describe(): string {
    if (!this.endpoints) return '  (no Endpoints object)';
    const { ready, notReady } = endpointAddresses(this.endpoints);
    return `  ready: ${formatAddresses(ready)}\n  not ready: ${formatAddresses(notReady)}`;
  }
}
