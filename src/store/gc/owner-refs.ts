/**
 * The garbage collector's edits of ownerReferences (pkg/controller/garbagecollector:
 * deleteOwnerRefJSONMergePatch, unblockOwnerReferencesJSONMergePatch, graph_builder.go
 * referencesDiffs) as pure functions over the reference lists.
 */
import type { OwnerReference } from '../../api/types.js';

type Refs = readonly OwnerReference[] | undefined;

/** The references without those to the given owners; undefined when none is left. */
export function withoutOwners(refs: Refs, ownerUids: readonly string[]): OwnerReference[] | undefined {
  const kept = (refs ?? []).filter((r) => !ownerUids.includes(r.uid));
  return kept.length > 0 ? kept : undefined;
}

/**
 * unblockOwnerReferences: every reference that blocks its owner's deletion is made non-blocking
 * (`blockOwnerDeletion: false`); the others are left as they are.
 */
export function unblockOwnerReferences(refs: Refs): OwnerReference[] {
  return (refs ?? []).map((r) => (r.blockOwnerDeletion === true ? { ...r, blockOwnerDeletion: false } : r));
}

/** Whether `refs` has a reference to `ownerUid` that blocks the owner's foreground deletion. */
export function blocksOwner(refs: Refs, ownerUid: string): boolean {
  return (refs ?? []).some((r) => r.uid === ownerUid && r.blockOwnerDeletion === true);
}

export interface ReferenceDiff {
  readonly added: OwnerReference[];
  readonly removed: OwnerReference[];
  readonly changed: Array<{ readonly oldRef: OwnerReference; readonly newRef: OwnerReference }>;
}

/** referencesDiffs: references matched by uid. */
export function referencesDiffs(before: Refs, after: Refs): ReferenceDiff {
  const old = new Map((before ?? []).map((r) => [r.uid, r]));
  const added: OwnerReference[] = [];
  const changed: ReferenceDiff['changed'] = [];
  for (const ref of after ?? []) {
    const prior = old.get(ref.uid);
    if (!prior) added.push(ref);
    else {
      if (!sameReference(prior, ref)) changed.push({ oldRef: prior, newRef: ref });
      old.delete(ref.uid);
    }
  }
  return { added, removed: [...old.values()], changed };
}

/**
 * The owners a change of references may unblock (addUnblockedOwnersToDeleteQueue): those a
 * removed reference blocked, and those whose reference stopped blocking.
 */
export function unblockedOwners(diff: ReferenceDiff): OwnerReference[] {
  const out = diff.removed.filter((r) => r.blockOwnerDeletion === true);
  for (const { oldRef, newRef } of diff.changed) {
    if (oldRef.blockOwnerDeletion === true && newRef.blockOwnerDeletion !== true) out.push(newRef);
  }
  return out;
}

function sameReference(a: OwnerReference, b: OwnerReference): boolean {
  return (
    a.apiVersion === b.apiVersion &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.uid === b.uid &&
    a.controller === b.controller &&
    a.blockOwnerDeletion === b.blockOwnerDeletion
  );
}
