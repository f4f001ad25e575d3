/**
 * What a delete request does to a stored object: the generic registry's Store.Delete with
 * rest.BeforeDelete (graceful deletion), the pod strategy's CheckGracefulDelete and
 * updateForGracefulDeletionAndFinalizers / markAsDeleting (finalizers), as one pure decision.
 *
 * - `pending`: a graceful deletion is already under way and the request does not shorten it;
 *   nothing changes (finalizers cannot be changed by a delete request then).
 * - `remove`: the object leaves storage now.
 * - `update`: the object stays, marked with this metadata (deletionTimestamp, the grace period,
 *   the finalizers, generation + 1 when the deletion starts), until its finalizers are removed
 *   and, for a pod, the kubelet has stopped it.
 */
import type { KindName, KubeObject, Meta, Pod } from '../api/types.js';
import {
  defaultGarbageCollectionPolicy,
  deletionFinalizersForGarbageCollection,
  type PropagationPolicy,
} from './gc/finalizers.js';
import { simTimeOf, timestampOf } from './time.js';

export interface DeleteOptions {
  /** Seconds of grace for pods; 0 removes at once. Defaults to the pod's own period. */
  gracePeriodSeconds?: number;
  /**
   * Background (kubectl's default) removes the object and lets the garbage collector delete its
   * dependents; Foreground keeps it (finalizer `foregroundDeletion`) until its blocking
   * dependents are gone; Orphan keeps it (finalizer `orphan`) until the garbage collector has
   * removed its ownerReference from every dependent. Unset: the object's finalizers decide, then
   * its kind's default (Background for every kind kubesim serves).
   */
  propagationPolicy?: PropagationPolicy;
}

export type DeletionPlan =
  | { readonly action: 'pending' }
  | { readonly action: 'remove' }
  | { readonly action: 'update'; readonly metadata: Meta };

/** Kinds whose strategy implements RESTGracefulDeleteStrategy. */
const GRACEFUL_KINDS: ReadonlySet<KindName> = new Set(['Pod']);

export function planDeletion(obj: KubeObject, opts: DeleteOptions, nowMs: number): DeletionPlan {
  const meta = obj.metadata;
  const finalizers = meta.finalizers ?? [];
  const next: Meta = { ...meta };

  // rest.BeforeDelete
  let graceful = false;
  if (GRACEFUL_KINDS.has(obj.kind as KindName)) {
    if (meta.deletionTimestamp) {
      // rest.BeforeDelete reads a negative period, recorded or requested, as 1.
      const recorded = meta.deletionGracePeriodSeconds;
      const current = recorded !== undefined && recorded < 0 ? 1 : recorded;
      // A deletion with no grace period left (or none recorded) is not pending: it goes on.
      if (current !== undefined && current !== 0) {
        if (opts.gracePeriodSeconds === undefined) return { action: 'pending' };
        // Only a shorter grace period may be given; the deadline moves back by the difference,
        // but never into the past (then a graceful request keeps one second).
        let period = opts.gracePeriodSeconds < 0 ? 1 : opts.gracePeriodSeconds;
        if (period >= current) return { action: 'pending' };
        let deadline = (simTimeOf(meta.deletionTimestamp) ?? nowMs) - current * 1000 + period * 1000;
        if (deadline < nowMs) {
          deadline = nowMs;
          if (period !== 0) period = 1;
        }
        next.deletionTimestamp = timestampOf(deadline);
        next.deletionGracePeriodSeconds = period;
        graceful = true;
      }
    } else {
      const period = podGracePeriod(obj as Pod, opts);
      next.deletionTimestamp = timestampOf(nowMs + period * 1000);
      next.deletionGracePeriodSeconds = period;
      if ((meta.generation ?? 0) > 0) next.generation = meta.generation! + 1;
      graceful = true;
    }
  }

  const gc = deletionFinalizersForGarbageCollection(
    finalizers,
    opts.propagationPolicy,
    defaultGarbageCollectionPolicy(obj.kind as KindName),
  );
  if (!graceful && finalizers.length === 0 && !gc.changed) return { action: 'remove' };

  // updateForGracefulDeletionAndFinalizers
  if (gc.changed) next.finalizers = [...gc.finalizers];
  const pendingFinalizers = gc.finalizers.length > 0;
  if (!graceful) {
    if (!pendingFinalizers) return { action: 'remove' };
    markAsDeleting(next, nowMs);
    return { action: 'update', metadata: next };
  }
  if (pendingFinalizers || (next.deletionGracePeriodSeconds ?? 0) > 0) {
    return { action: 'update', metadata: next };
  }
  // Simplified: upstream writes the zero-grace update before removing the object (one more
  // MODIFIED event); kubesim removes it straight away, as it always has.
  return { action: 'remove' };
}

/**
 * markAsDeleting: a kind without graceful deletion is marked now with a zero grace period; the
 * generation moves on when the deletion starts.
 */
function markAsDeleting(meta: Meta, nowMs: number): void {
  if (!meta.deletionTimestamp && (meta.generation ?? 0) > 0) meta.generation = meta.generation! + 1;
  const existing = simTimeOf(meta.deletionTimestamp);
  if (existing === undefined || existing > nowMs) meta.deletionTimestamp = timestampOf(nowMs);
  meta.deletionGracePeriodSeconds = 0;
}

/**
 * The pod strategy's CheckGracefulDelete: the request's period, else the pod's own; a pod that
 * never reached a node, or has finished, has nothing to stop and goes at once.
 */
function podGracePeriod(pod: Pod, opts: DeleteOptions): number {
  if (!pod.spec?.nodeName) return 0;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
  // rest.BeforeDelete turns a negative period into 1.
  const period = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  return period < 0 ? 1 : period;
}
