/**
 * The API server's half of deletion propagation (k8s.io/apiserver registry/generic/registry
 * store.go: shouldOrphanDependents, shouldDeleteDependents, deletionFinalizersForGarbageCollection):
 * which of the garbage collector's two finalizers a delete request leaves on the object.
 *
 * - `orphan`: the GC removes the owner's reference from every dependent, then this finalizer.
 * - `foregroundDeletion`: the GC deletes the dependents first; the owner goes when no dependent
 *   with `blockOwnerDeletion: true` is left.
 * - neither (Background): the object goes at once and the GC deletes its dependents afterwards.
 */
import type { KindName } from '../../api/types.js';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

/** metav1.FinalizerOrphanDependents */
export const FINALIZER_ORPHAN = 'orphan';
/** metav1.FinalizerDeleteDependents */
export const FINALIZER_DELETE_DEPENDENTS = 'foregroundDeletion';

/**
 * rest.GarbageCollectionPolicy of a kind's REST strategy; `undefined` for a strategy that does not
 * implement GarbageCollectionDeleteStrategy (then, as for DeleteDependents, nothing is added).
 */
export type GarbageCollectionPolicy = 'DeleteDependents' | 'OrphanDependents' | 'Unsupported' | undefined;

/**
 * DefaultGarbageCollectionPolicy per kind, v1.33. apps/v1 Deployments and ReplicaSets return
 * DeleteDependents (pkg/registry/apps/{deployment,replicaset}/strategy.go; OrphanDependents was only for the
 * extensions/v1beta1 and apps/v1beta2 versions, no longer served); core Events return Unsupported
 * (pkg/registry/core/event/strategy.go); the other kinds kubesim serves have no such strategy.
 */
export function defaultGarbageCollectionPolicy(kind: KindName): GarbageCollectionPolicy {
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
      return 'DeleteDependents';
    case 'Event':
      return 'Unsupported';
    default:
      return undefined;
  }
}

/** The options, then the object's finalizers, then the kind's default decide (in that order). */
export function shouldOrphanDependents(
  finalizers: readonly string[],
  policy: PropagationPolicy | undefined,
  defaultPolicy: GarbageCollectionPolicy,
): boolean {
  if (defaultPolicy === 'Unsupported') return false;
  if (policy !== undefined) return policy === 'Orphan';
  for (const f of finalizers) {
    if (f === FINALIZER_ORPHAN) return true;
    if (f === FINALIZER_DELETE_DEPENDENTS) return false;
  }
  return defaultPolicy === 'OrphanDependents';
}

export function shouldDeleteDependents(
  finalizers: readonly string[],
  policy: PropagationPolicy | undefined,
  defaultPolicy: GarbageCollectionPolicy,
): boolean {
  if (defaultPolicy === 'Unsupported') return false;
  if (policy !== undefined) return policy === 'Foreground';
  for (const f of finalizers) {
    if (f === FINALIZER_DELETE_DEPENDENTS) return true;
    if (f === FINALIZER_ORPHAN) return false;
  }
  return false;
}

/**
 * The finalizers after a delete request: both GC finalizers removed, then added back (at the end)
 * if the request calls for them. `changed` is false when the set is the same, and then the
 * finalizers are returned as they were (order included).
 */
export function deletionFinalizersForGarbageCollection(
  finalizers: readonly string[],
  policy: PropagationPolicy | undefined,
  defaultPolicy: GarbageCollectionPolicy,
): { readonly changed: boolean; readonly finalizers: readonly string[] } {
  const orphan = shouldOrphanDependents(finalizers, policy, defaultPolicy);
  const foreground = shouldDeleteDependents(finalizers, policy, defaultPolicy);
  const next = finalizers.filter((f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_DELETE_DEPENDENTS);
  if (orphan) next.push(FINALIZER_ORPHAN);
  if (foreground) next.push(FINALIZER_DELETE_DEPENDENTS);
  const before = new Set(finalizers);
  const after = new Set(next);
  const same = before.size === after.size && [...before].every((f) => after.has(f));
  return same ? { changed: false, finalizers } : { changed: true, finalizers: next };
}
