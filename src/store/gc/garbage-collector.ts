/**
 * The garbage collector (pkg/controller/garbagecollector, v1.33), run by the store at the instant
 * of the change that calls for it, as a real GC does moments later:
 *
 * - `observe` is the graph builder's processGraphChanges: a deleted owner sends its dependents to
 *   attemptToDelete; an owner whose deletion starts with the `orphan` finalizer goes to
 *   attemptToOrphan, one with `foregroundDeletion` sends its dependents and itself to
 *   attemptToDelete; a removed (or unblocked) blocking reference, or a deleted dependent, sends
 *   its owner to attemptToDelete when that owner waits for its dependents.
 * - `drain` runs the two workers until both queues are empty: attemptToDeleteItem (delete a
 *   dependent whose owners are all gone, drop its references to gone or waiting owners, remove
 *   `foregroundDeletion` once no blocking dependent is left) and attemptToOrphan (remove the
 *   owner's reference from every dependent, then the `orphan` finalizer).
 *
 * The dependency graph is the store's own index of dependents by owner uid, always current.
 * Simplified: no "virtual" owner nodes, so an object created with a reference to an owner that
 * never existed is not collected (upstream deletes it); one queue serves both workers in order.
 */
import { apiVersionOf, isKnownKind, resourceOf } from '../../api/resources.js';
import type { KindName, KubeObject, Meta, OwnerReference } from '../../api/types.js';
import { FINALIZER_DELETE_DEPENDENTS, FINALIZER_ORPHAN, type PropagationPolicy } from './finalizers.js';
import {
  blocksOwner,
  referencesDiffs,
  unblockedOwners,
  unblockOwnerReferences,
  withoutOwners,
} from './owner-refs.js';

/** What the collector asks of the API server. */
export interface GcClient {
  /** The live object of a kind (any uid), or undefined. */
  get(kind: KindName, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Live objects whose ownerReferences name `uid`, in any order. */
  dependentsOf(uid: string): Iterable<KubeObject>;
  /** Deletes `obj` (precondition: its uid) with the given propagation; gone already is fine. */
  delete(obj: KubeObject, policy: PropagationPolicy): void;
  /** Writes a metadata change to `obj` (precondition: its uid); gone already is fine. */
  patchMetadata(obj: KubeObject, change: (meta: Meta) => void): void;
}

export interface GcEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: KubeObject;
  readonly old?: KubeObject;
}

interface Task {
  readonly op: 'delete' | 'orphan';
  readonly kind: KindName;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly uid: string;
}

/** More items than this at one instant means a cycle the collector cannot leave. */
const MAX_ITEMS_PER_DRAIN = 1_000_000;

export class GarbageCollector {
  /** attemptToDelete and attemptToOrphan as one ordered, de-duplicated queue. */
  private readonly queue = new Map<string, Task>();
  private draining = false;

  constructor(private readonly client: GcClient) {}

  get hasWork(): boolean {
    return this.queue.size > 0;
  }

  // ---- the graph builder ----

  observe(event: GcEvent): void {
    const obj = event.object;
    if (event.type === 'DELETED') {
      this.observeDeleted(obj);
      return;
    }
    const old = event.old;
    if (!old) return;
    const before = old.metadata;
    const after = obj.metadata;
    // Status writes share the stored reference and finalizer lists: nothing to look at.
    if (before.ownerReferences !== after.ownerReferences) {
      for (const ref of unblockedOwners(referencesDiffs(before.ownerReferences, after.ownerReferences))) {
        this.enqueueOwner('delete', obj, ref);
      }
    }
    if (after.deletionTimestamp && (before.finalizers !== after.finalizers || !before.deletionTimestamp)) {
      this.processTransitions(old, obj);
    }
  }

  private observeDeleted(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (uid) for (const dep of sortedByName(this.client.dependentsOf(uid))) this.enqueue('delete', dep);
    // A dependent gone may let an owner that waits for its dependents go too.
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const owner = this.resolve(obj, ref);
      if (owner && isDeletingDependents(owner)) this.enqueue('delete', owner);
    }
  }

  private processTransitions(old: KubeObject, obj: KubeObject): void {
    if (startsWith(old, obj, FINALIZER_ORPHAN)) {
      this.enqueue('orphan', obj);
      return;
    }
    if (startsWith(old, obj, FINALIZER_DELETE_DEPENDENTS)) {
      for (const dep of sortedByName(this.client.dependentsOf(obj.metadata.uid!)))
        this.enqueue('delete', dep);
      this.enqueue('delete', obj);
    }
  }

  // ---- the workers ----

  /** Runs the queued work, and the work it causes, to the end. Re-entrant calls return at once. */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      let done = 0;
      for (const [key, task] of this.queue) {
        this.queue.delete(key);
        if (++done > MAX_ITEMS_PER_DRAIN) {
          throw new Error(
            `garbage collector: no end in sight at ${task.kind} ${task.namespace}/${task.name}`,
          );
        }
        if (task.op === 'orphan') this.attemptToOrphan(task);
        else this.attemptToDeleteItem(task);
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * attemptToDeleteItem: delete the item when none of its owners is left; drop its references
   * to gone owners (or to owners waiting for it) when another owner is left.
   */
  private attemptToDeleteItem(task: Task): void {
    const latest = this.live(task);
    if (!latest) return;
    const meta = latest.metadata;
    // "Being deleted" is a one-way trip: its dependents are handled when it is gone.
    if (meta.deletionTimestamp && !isDeletingDependents(latest)) return;
    if (isDeletingDependents(latest)) {
      this.processDeletingDependentsItem(latest);
      return;
    }
    const refs = meta.ownerReferences ?? [];
    if (refs.length === 0) return;
    const classified = this.classifyReferences(latest, refs);
    if (!classified) return; // an owner kubesim cannot look up: upstream retries forever
    const { solid, dangling, waiting } = classified;
    if (solid.length > 0) {
      if (dangling.length === 0 && waiting.length === 0) return;
      // A waiting owner would wait forever for an object that another owner keeps.
      const uids = [...dangling, ...waiting].map((r) => r.uid);
      this.client.patchMetadata(latest, (m) => {
        const kept = withoutOwners(m.ownerReferences, uids);
        if (kept) m.ownerReferences = kept;
        else delete m.ownerReferences;
      });
      return;
    }
    if (waiting.length > 0 && hasAny(this.client.dependentsOf(meta.uid!))) {
      // An owner and a dependent both waiting for their dependents may be a cycle: stop blocking.
      for (const dep of this.client.dependentsOf(meta.uid!)) {
        if (isDeletingDependents(dep)) {
          this.client.patchMetadata(latest, (m) => {
            m.ownerReferences = unblockOwnerReferences(m.ownerReferences);
          });
          break;
        }
      }
      this.client.delete(latest, 'Foreground');
      return;
    }
    // No owner is left: delete it, honouring a GC finalizer it already carries.
    const finalizers = meta.finalizers ?? [];
    const policy: PropagationPolicy = finalizers.includes(FINALIZER_ORPHAN)
      ? 'Orphan'
      : finalizers.includes(FINALIZER_DELETE_DEPENDENTS)
        ? 'Foreground'
        : 'Background';
    this.client.delete(latest, policy);
  }

  /** processDeletingDependentsItem: the owner goes once no blocking dependent is left. */
  private processDeletingDependentsItem(owner: KubeObject): void {
    const uid = owner.metadata.uid!;
    let blocked = false;
    for (const dep of this.client.dependentsOf(uid)) {
      if (!blocksOwner(dep.metadata.ownerReferences, uid)) continue;
      blocked = true;
      // A dependent already being deleted (and not waiting itself) needs nothing more.
      if (!dep.metadata.deletionTimestamp) this.enqueue('delete', dep);
    }
    if (!blocked) this.removeFinalizer(owner, FINALIZER_DELETE_DEPENDENTS);
  }

  /** attemptToOrphanWorker: every dependent loses its reference to the owner, then the finalizer. */
  private attemptToOrphan(task: Task): void {
    const owner = this.live(task);
    if (!owner) return;
    for (const dep of sortedByName(this.client.dependentsOf(task.uid))) {
      this.client.patchMetadata(dep, (m) => {
        const kept = withoutOwners(m.ownerReferences, [task.uid]);
        if (kept) m.ownerReferences = kept;
        else delete m.ownerReferences;
      });
    }
    this.removeFinalizer(owner, FINALIZER_ORPHAN);
  }

  private removeFinalizer(obj: KubeObject, finalizer: string): void {
    if (!(obj.metadata.finalizers ?? []).includes(finalizer)) return;
    this.client.patchMetadata(obj, (m) => {
      const rest = (m.finalizers ?? []).filter((f) => f !== finalizer);
      if (rest.length > 0) m.finalizers = rest;
      else delete m.finalizers;
    });
  }

  /**
   * classifyReferences: solid (the owner exists and is not waiting for its dependents), dangling
   * (no such owner, or one with another uid), waiting (being deleted with `foregroundDeletion`).
   */
  private classifyReferences(
    item: KubeObject,
    refs: readonly OwnerReference[],
  ): { solid: OwnerReference[]; dangling: OwnerReference[]; waiting: OwnerReference[] } | undefined {
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const lookup = this.lookupOwner(item, ref);
      if (lookup === 'unresolvable') return undefined;
      if (!lookup || lookup.metadata.uid !== ref.uid) dangling.push(ref);
      else if (isDeletingDependents(lookup)) waiting.push(ref);
      else solid.push(ref);
    }
    return { solid, dangling, waiting };
  }

  /**
   * isDangling's lookup: the owner by kind and name, in the dependent's namespace unless the
   * owner's kind is cluster-scoped. A kind kubesim does not serve (or a wrong apiVersion) is a
   * REST mapping error upstream, retried forever; a namespaced owner of a cluster-scoped object
   * is invalid and never resolved.
   */
  private lookupOwner(item: KubeObject, ref: OwnerReference): KubeObject | undefined | 'unresolvable' {
    if (!isKnownKind(ref.kind)) return 'unresolvable';
    const resource = resourceOf(ref.kind);
    if (apiVersionOf(resource) !== ref.apiVersion) return 'unresolvable';
    if (resource.namespaced && !item.metadata.namespace) return 'unresolvable';
    return this.client.get(ref.kind, resource.namespaced ? item.metadata.namespace : undefined, ref.name);
  }

  /** The live owner a reference names, if it has that uid. */
  private resolve(item: KubeObject, ref: OwnerReference): KubeObject | undefined {
    const owner = this.lookupOwner(item, ref);
    return owner && owner !== 'unresolvable' && owner.metadata.uid === ref.uid ? owner : undefined;
  }

  private live(task: Task): KubeObject | undefined {
    const obj = this.client.get(task.kind, task.namespace, task.name);
    return obj && obj.metadata.uid === task.uid ? obj : undefined;
  }

  private enqueue(op: Task['op'], obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    const key = `${op}|${uid}`;
    if (this.queue.has(key)) return;
    const { namespace, name } = obj.metadata;
    this.queue.set(key, { op, kind: obj.kind as KindName, namespace, name, uid });
  }

  private enqueueOwner(op: Task['op'], item: KubeObject, ref: OwnerReference): void {
    const owner = this.resolve(item, ref);
    if (owner) this.enqueue(op, owner);
  }
}

function isDeletingDependents(obj: KubeObject): boolean {
  return (
    !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).includes(FINALIZER_DELETE_DEPENDENTS)
  );
}

/** deletionStartsWithFinalizer: being deleted with the finalizer now, and not before. */
function startsWith(old: KubeObject, obj: KubeObject, finalizer: string): boolean {
  const has = (o: KubeObject) =>
    !!o.metadata.deletionTimestamp && (o.metadata.finalizers ?? []).includes(finalizer);
  return has(obj) && !has(old);
}

function hasAny(items: Iterable<unknown>): boolean {
  for (const _ of items) return true;
  return false;
}

/** The work queue's order for a batch: by namespace and name, so runs are reproducible. */
function sortedByName(objs: Iterable<KubeObject>): KubeObject[] {
  return [...objs].sort((a, b) => {
    const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
    const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
