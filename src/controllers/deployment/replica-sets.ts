/**
 * The ReplicaSet orderings and filters of pkg/controller/controller_utils.go that the Deployment
 * controller (and kubectl's rollout commands) use. Pure functions over stored objects.
 */
import type { ReplicaSet } from '../../api/types.js';
import { simTimeOf } from '../../store/time.js';

/** `spec.replicas`, with the API default of 1 for an object that was never defaulted. */
export function replicasOf(obj: { spec?: { replicas?: number } } | undefined): number {
  return obj?.spec?.replicas ?? 1;
}

/** A stored timestamp in simulated ms; Go's zero time (unset) sorts before everything. */
export function timeOf(timestamp: string | undefined): number {
  return simTimeOf(timestamp) ?? Number.NEGATIVE_INFINITY;
}

function byName(a: ReplicaSet, b: ReplicaSet): number {
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** ReplicaSetsByCreationTimestamp: oldest first, names break ties. */
export function compareByCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = timeOf(a.metadata.creationTimestamp);
  const tb = timeOf(b.metadata.creationTimestamp);
  if (ta === tb) return byName(a, b);
  return ta < tb ? -1 : 1;
}

/** ReplicaSetsBySizeOlder: largest first; equal sizes oldest first (scaling down). */
export function compareBySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const ra = replicasOf(a);
  const rb = replicasOf(b);
  if (ra === rb) return compareByCreationTimestamp(a, b);
  return rb - ra;
}

/** ReplicaSetsBySizeNewer: largest first; equal sizes newest first (scaling up). */
export function compareBySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const ra = replicasOf(a);
  const rb = replicasOf(b);
  if (ra === rb) return compareByCreationTimestamp(b, a);
  return rb - ra;
}

/** FilterActiveReplicaSets: the ReplicaSets that have (or ought to have) pods. */
export function filterActiveReplicaSets(list: ReadonlyArray<ReplicaSet | undefined>): ReplicaSet[] {
  return list.filter((rs): rs is ReplicaSet => rs !== undefined && replicasOf(rs) > 0);
}

/** The owner reference with `controller: true`, if any (metav1.GetControllerOf). */
export function controllerRefOf(obj: {
  metadata: {
    ownerReferences?: ReadonlyArray<{ controller?: boolean; uid: string; kind: string; name: string }>;
  };
}): { controller?: boolean; uid: string; kind: string; name: string; apiVersion?: string } | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller === true);
}
