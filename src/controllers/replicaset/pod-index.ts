/**
 * The pods a ReplicaSet may claim, kept from watch events so a sync never scans every pod of the
 * cluster: pods by the uid of their controller, and pods without a controller by namespace
 * (the orphans a ReplicaSet may adopt). Pods controlled by anything else are never claimed, so
 * these two sets give the same answer as upstream's list-everything-then-claim.
 */
import type { Pod } from '../../api/types.js';
import { keyFor } from '../../sim/reconciler.js';

function controllerUid(pod: Pod): string | undefined {
  return pod.metadata.ownerReferences?.find((ref) => ref.controller === true)?.uid;
}

export class PodIndex {
  private readonly byController = new Map<string, Map<string, Pod>>();
  private readonly orphans = new Map<string, Map<string, Pod>>();

  /** Records a change: `before` is the pod as it was (undefined when added), `after` as it is now. */
  update(before: Pod | undefined, after: Pod | undefined): void {
    const pod = (after ?? before)!;
    const key = keyFor(pod);
    const namespace = pod.metadata.namespace ?? 'default';
    const oldBucket = before ? this.bucketOf(before, namespace) : undefined;
    const newBucket = after ? this.bucketOf(after, namespace) : undefined;
    if (oldBucket && oldBucket !== newBucket) this.remove(oldBucket, key);
    if (newBucket && after) this.bucket(newBucket).set(key, after);
  }

  /** Pods whose controller has this uid (terminating and finished ones included). */
  controlledBy(uid: string): Iterable<Pod> {
    return this.byController.get(`c/${uid}`)?.values() ?? [];
  }

  /** Pods of the namespace that no controller owns. */
  orphansIn(namespace: string): Iterable<Pod> {
    return this.orphans.get(`o/${namespace}`)?.values() ?? [];
  }

  private bucketOf(pod: Pod, namespace: string): string {
    const uid = controllerUid(pod);
    return uid ? `c/${uid}` : `o/${namespace}`;
  }

  private bucket(name: string): Map<string, Pod> {
    const maps = name.startsWith('c/') ? this.byController : this.orphans;
    let m = maps.get(name);
    if (!m) maps.set(name, (m = new Map()));
    return m;
  }

  private remove(name: string, key: string): void {
    const maps = name.startsWith('c/') ? this.byController : this.orphans;
    const m = maps.get(name);
    m?.delete(key);
    if (m?.size === 0) maps.delete(name);
  }
}
