import { STRATEGIES } from '../api/kinds/index.js';
import type { Selector } from '../api/labels.js';
import { apiVersionOf, qualifiedResource, resourceOf } from '../api/resources.js';
import type { KindName, KubeObject, Stored } from '../api/types.js';
import type { TimeSource } from '../core/clock.js';
import { clone, compareAndShare, deepEqual, deepFreeze, EQUAL, hasUndefined } from '../core/clone.js';
import { alreadyExists, type FieldError, invalid, notFound, StatusError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { type DeleteOptions, planDeletion } from './deletion.js';
import { GarbageCollector, type GcClient, type GcEvent } from './gc/garbage-collector.js';
import { History } from './history.js';
import { timestampOf } from './time.js';

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<K extends KindName = KindName> {
  readonly type: WatchType;
  readonly object: Stored<K>;
  /** The object before this change (MODIFIED only). */
  readonly old?: Stored<K>;
}

export type WatchHandler<K extends KindName> = (event: WatchEvent<K>) => void;

/**
 * Admission that needs the cluster's state (ClusterIP and NodePort allocation): it may change
 * the object or reject it, and is told when an object it admitted is gone.
 */
export interface AdmissionPlugin {
  readonly kind: KindName;
  /** Runs after defaulting and before validation; returns field errors to reject. */
  admit(obj: KubeObject, old: KubeObject | undefined): FieldError[];
  /** The object was stored: make its reservations permanent. */
  commit?(obj: KubeObject, old: KubeObject | undefined): void;
  /** The object was rejected after admit: undo what admit reserved. */
  abort?(obj: KubeObject, old: KubeObject | undefined): void;
  /** The object was removed from the store. */
  release?(obj: KubeObject): void;
}

export type { DeleteOptions } from './deletion.js';
export type { PropagationPolicy } from './gc/finalizers.js';

type AnyStored = KubeObject;
type WithStatus = KubeObject & { status?: unknown };
/** The status type of a kind (never for kinds without one, such as Endpoints). */
type StatusOf<K extends KindName> = Stored<K> extends { status?: infer S } ? S : never;

const STATUS_WRITES_ANNOTATIONS: ReadonlySet<KindName> = new Set(['Deployment', 'ReplicaSet']);

/** The keyspace of one kind: objects by `namespace/name`, and by namespace for listing. */
class KindTable {
  readonly objects = new Map<string, AnyStored>();
  readonly byNamespace = new Map<string, Map<string, AnyStored>>();
  /** Bumped by every stored change of the kind (see Store.changesOf). */
  changes = 0;

  constructor(readonly namespaced: boolean) {}

  /** The key of an object; for a namespaced kind an empty namespace means `default`. */
  keyFor(namespace: string | undefined, name: string): string {
    return this.namespaced ? `${namespace || 'default'}/${name}` : name;
  }

  set(key: string, obj: AnyStored): void {
    this.changes++;
    this.objects.set(key, obj);
    const ns = obj.metadata.namespace ?? '';
    let m = this.byNamespace.get(ns);
    if (!m) this.byNamespace.set(ns, (m = new Map()));
    m.set(key, obj);
  }

  delete(key: string, obj: AnyStored): void {
    this.changes++;
    this.objects.delete(key);
    this.byNamespace.get(obj.metadata.namespace ?? '')?.delete(key);
  }

  inNamespace(namespace: string | undefined): Iterable<AnyStored> {
    if (namespace === undefined) return this.objects.values();
    return this.byNamespace.get(namespace)?.values() ?? [];
  }
}

function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/**
 * The in-memory API server. It owns metadata (uid, resourceVersion, generation, timestamps),
 * runs defaulting, admission and validation on every write, keeps objects immutable (every
 * stored object is frozen; writers copy, change and write back), garbage-collects dependents
 * (gc/garbage-collector.ts, at the instant of the change that calls for it), notifies watchers
 * synchronously and records every change in the history.
 */
export class Store {
  readonly history: History;
  private readonly tables = new Map<KindName, KindTable>();
  private readonly watchers = new Map<KindName, Array<WatchHandler<KindName>>>();
  private readonly admission = new Map<KindName, AdmissionPlugin[]>();
  /** Dependents by owner uid, for garbage collection. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly gc = new GarbageCollector(this.gcClient());
  private resourceVersion = 0;

  constructor(
    private readonly clock: TimeSource,
    private readonly random: Random,
  ) {
    this.history = new History(clock);
  }

  // ---- reading ----

  get<K extends KindName>(kind: K, namespace: string | undefined, name: string): Stored<K> | undefined {
    const table = this.table(kind);
    return table.objects.get(table.keyFor(namespace, name)) as Stored<K> | undefined;
  }

  /**
   * An object by its `namespace/name` key (just the name for a cluster-scoped kind), as work
   * queues name objects. For callers that read one object very often (a pod worker, on every
   * probe tick): a key made once is hashed once.
   */
  getByKey<K extends KindName>(kind: K, key: string): Stored<K> | undefined {
    return this.table(kind).objects.get(key) as Stored<K> | undefined;
  }

  /** Objects of a kind, in a namespace or all namespaces, optionally filtered, sorted by namespace and name. */
  list<K extends KindName>(kind: K, namespace?: string, selector?: Selector): Array<Stored<K>> {
    const out: Array<Stored<K>> = [];
    for (const obj of this.table(kind).inNamespace(namespace)) {
      if (selector && !selector.matches(obj.metadata.labels)) continue;
      out.push(obj as Stored<K>);
    }
    return out.sort(byNamespaceAndName);
  }

  /** The number of objects of a kind, without building a list. */
  count(kind: KindName): number {
    return this.table(kind).objects.size;
  }

  /**
   * A number that moves whenever an object of the kind is created, changed or removed. A reader
   * that derives something from every object of a kind (the kubelet's Service variables, on each
   * container start) may keep its result while the number stays the same.
   */
  changesOf(kind: KindName): number {
    return this.table(kind).changes;
  }

  /** Objects whose ownerReferences name the given uid. */
  dependentsOf(uid: string): AnyStored[] {
    const out: AnyStored[] = [];
    for (const ref of this.dependents.get(uid) ?? []) {
      const [kind, key] = splitRef(ref);
      const obj = this.table(kind).objects.get(key);
      if (obj) out.push(obj);
    }
    return out.sort(byNamespaceAndName);
  }

  // ---- watching and admission ----

  watch<K extends KindName>(kind: K, handler: WatchHandler<K>): () => void {
    const list = this.watchers.get(kind) ?? [];
    list.push(handler as unknown as WatchHandler<KindName>);
    this.watchers.set(kind, list);
    return () => {
      const i = list.indexOf(handler as unknown as WatchHandler<KindName>);
      if (i >= 0) list.splice(i, 1);
    };
  }

  addAdmission(plugin: AdmissionPlugin): void {
    const list = this.admission.get(plugin.kind) ?? [];
    list.push(plugin);
    this.admission.set(plugin.kind, list);
  }

  // ---- writing ----

  /**
   * Creates an object. `metadata.generateName` gets a random suffix when no name is given.
   * Throws a StatusError (AlreadyExists, NotFound for a missing namespace, Invalid) and stores
   * nothing on failure.
   */
  create<T extends KubeObject>(input: T, opts: { dryRun?: boolean } = {}): T {
    const kind = input.kind as KindName;
    const resource = resourceOf(kind);
    const obj = clone(input) as KubeObject;
    obj.apiVersion = apiVersionOf(resource);
    const meta = obj.metadata ?? ({} as KubeObject['metadata']);
    obj.metadata = meta;
    if (resource.namespaced) meta.namespace = meta.namespace || 'default';
    else delete meta.namespace;
    if (!meta.name && meta.generateName)
      meta.name = this.generateName(kind, meta.namespace, meta.generateName);
    const strategy = STRATEGIES[kind];
    strategy.defaults?.(obj);
    if (!meta.name) {
      throw invalid(kind, resource.group, '', [
        { type: 'Required value', field: 'metadata.name', detail: 'name or generateName is required' },
      ]);
    }
    if (resource.namespaced) this.requireNamespace(meta.namespace!);
    const table = this.table(kind);
    const key = keyOf(meta.namespace, meta.name);
    if (table.objects.has(key)) throw alreadyExists(qualifiedResource(resource), meta.name);

    const plugins = this.admission.get(kind) ?? [];
    const errors: FieldError[] = [];
    const admitted: AdmissionPlugin[] = [];
    for (const p of plugins) {
      const errs = p.admit(obj, undefined);
      admitted.push(p);
      errors.push(...errs);
    }
    // Allocation runs before validation and stops the request on its own (BeginCreate).
    if (errors.length === 0) errors.push(...(strategy.validate?.(obj) ?? []));
    if (errors.length > 0 || opts.dryRun) {
      for (const p of admitted) p.abort?.(obj, undefined);
      if (errors.length > 0) throw invalid(kind, resource.group, meta.name, errors);
      return deepFreeze(obj) as T;
    }

    meta.uid = this.random.uuid();
    meta.resourceVersion = this.nextResourceVersion();
    meta.creationTimestamp = timestampOf(this.clock.now);
    if (strategy.generation) meta.generation = 1;
    delete meta.deletionTimestamp;
    for (const p of plugins) p.commit?.(obj, undefined);
    deepFreeze(obj);
    table.set(key, obj);
    this.indexOwners(kind, key, undefined, obj);
    this.emit(kind, { type: 'ADDED', object: obj as Stored<KindName> });
    return obj as T;
  }

  /**
   * Replaces the spec and metadata of an object (never its status). `resourceVersion`, if set on
   * the input, must match (optimistic concurrency). Unchanged input is not written again.
   */
  update<T extends KubeObject>(input: T, opts: { dryRun?: boolean } = {}): T {
    return this.write(input, 'spec', opts);
  }

  /** Replaces only the status of an object. */
  updateStatus<T extends KubeObject>(input: T): T {
    return this.write(input, 'status', {});
  }

  /** Reads an object, lets `change` edit a private copy, and writes it back. */
  mutate<K extends KindName>(
    kind: K,
    namespace: string | undefined,
    name: string,
    change: (draft: Stored<K>) => void,
  ): Stored<K> {
    const draft = clone(this.mustGet(kind, namespace, name));
    change(draft);
    return this.write(draft as KubeObject, 'spec', {}, true) as Stored<K>;
  }

  /**
   * Like mutate, for the status subresource. Only the status and metadata of the draft are
   * copies; the spec is the stored (frozen) one, as a status write ignores it anyway, and
   * copying a pod's spec on every kubelet status write was a large share of a rollout's cost.
   */
  mutateStatus<K extends KindName>(
    kind: K,
    namespace: string | undefined,
    name: string,
    change: (draft: Stored<K>) => void,
  ): Stored<K> {
    const existing = this.mustGet(kind, namespace, name);
    const status = clone((existing as WithStatus).status);
    const draft = { ...existing, metadata: clone(existing.metadata), status } as Stored<K>;
    change(draft);
    return this.write(draft as KubeObject, 'status', {}, true) as Stored<K>;
  }

  /**
   * Writes `status` as the object's new status, handed over: the store keeps (and freezes) that
   * very object, so the caller must not change it afterwards. For writers that build a whole
   * status (the kubelet), without mutateStatus's copy of the old status that would be replaced.
   */
  replaceStatus<K extends KindName>(
    kind: K,
    namespace: string | undefined,
    name: string,
    status: StatusOf<K>,
  ): Stored<K> {
    const existing = this.mustGet(kind, namespace, name);
    return this.write({ ...existing, status } as KubeObject, 'status', {}, true) as Stored<K>;
  }

  /**
   * Records one more occurrence of a stored Event: its count and lastTimestamp, nothing else.
   * This is the event recorder's aggregation of a repeated event (the EventCorrelator's patch);
   * it needs none of an update's copying, defaulting or validation, and a crash-looping
   * container repeats four events on every restart.
   */
  repeatEvent(existing: Stored<'Event'>, count: number, lastTimestamp: string): Stored<'Event'> {
    if (this.getByKey('Event', keyOf(existing.metadata.namespace, existing.metadata.name)) !== existing) {
      throw new StatusError(
        'Conflict',
        `Operation cannot be fulfilled on events "${existing.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name: existing.metadata.name },
      );
    }
    const draft = { ...existing, metadata: nextMetadata(existing.metadata), count, lastTimestamp };
    return this.commitWrite('Event', existing, draft as KubeObject);
  }

  /**
   * The pods/binding subresource: assigns a pod to a node. The pod's spec is otherwise
   * immutable, so this is the only way spec.nodeName is set, as in Kubernetes (assignPod sets
   * the node name and the PodScheduled condition together).
   */
  bindPod(namespace: string, name: string, nodeName: string): Stored<'Pod'> {
    const pod = this.mustGet('Pod', namespace, name);
    if (pod.spec?.nodeName) {
      throw new StatusError('Conflict', `pod ${name} is already assigned to node "${pod.spec.nodeName}"`, {
        name,
      });
    }
    if (pod.metadata.deletionTimestamp) {
      throw new StatusError('Conflict', `pod ${name} is being deleted, cannot be assigned to a host`, {
        name,
      });
    }
    const draft = { ...pod, metadata: nextMetadata(pod.metadata) };
    draft.spec = { ...draft.spec!, nodeName };
    const conditions = [...(draft.status?.conditions ?? [])];
    const i = conditions.findIndex((c) => c.type === 'PodScheduled');
    const before = i >= 0 ? conditions[i] : undefined;
    const scheduled = {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null as unknown as undefined, // the API server writes an explicit null
      lastTransitionTime:
        before?.status === 'True' && before.lastTransitionTime
          ? before.lastTransitionTime
          : timestampOf(this.clock.now),
    };
    if (i >= 0) conditions[i] = scheduled;
    else conditions.push(scheduled);
    draft.status = { ...(draft.status ?? {}), conditions };
    return this.commitWrite('Pod', pod, draft);
  }

  /**
   * Deletes an object (deletion.ts decides how). Pods bound to a node are only marked with a
   * deletionTimestamp (the kubelet removes them when their grace period is over); objects with
   * finalizers, or deleted with the Orphan or Foreground propagation, are marked and stay until
   * their finalizers are removed. Everything else goes at once, and the garbage collector
   * deletes its dependents.
   */
  delete(kind: KindName, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    const resource = resourceOf(kind);
    const existing = this.get(kind, namespace, name);
    if (!existing) throw notFound(qualifiedResource(resource), name);
    if (kind === 'Namespace') return this.deleteNamespace(existing);
    const plan = planDeletion(existing, opts, this.clock.now);
    switch (plan.action) {
      case 'pending':
        return existing;
      case 'remove':
        return this.remove(kind, existing);
      case 'update':
        return this.commitWrite(kind, existing, { ...existing, metadata: plan.metadata });
    }
  }

  // ---- internals ----

  /**
   * `owned` says the caller hands over `input` (a private copy nobody else holds), so it need
   * not be copied again. Unchanged parts are shared with the stored version: they are frozen.
   */
  private write<T extends KubeObject>(
    input: T,
    part: 'spec' | 'status',
    opts: { dryRun?: boolean },
    owned = false,
  ): T {
    const kind = input.kind as KindName;
    const resource = resourceOf(kind);
    const namespace = resource.namespaced ? input.metadata.namespace || 'default' : undefined;
    const existing: KubeObject | undefined = this.get(kind, namespace, input.metadata.name);
    if (!existing) throw notFound(qualifiedResource(resource), input.metadata.name);
    const rv = input.metadata.resourceVersion;
    if (rv !== undefined && rv !== existing.metadata.resourceVersion) {
      throw new StatusError(
        'Conflict',
        `Operation cannot be fulfilled on ${qualifiedResource(resource)} "${input.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name: input.metadata.name },
      );
    }
    const strategy = STRATEGIES[kind];
    let draft: KubeObject;
    if (part === 'status') {
      const status = owned ? input.status : clone(input.status);
      // The apps status strategies reset only spec and labels, so a status write may carry
      // annotations: the Deployment controller records its revision annotation this way.
      const annotations = STATUS_WRITES_ANNOTATIONS.has(kind)
        ? clone(input.metadata.annotations)
        : existing.metadata.annotations;
      // Everything else is the stored object's, so these two decide whether anything changed;
      // the metadata is copied only for a write that happens. What did not change in the status
      // is taken from the stored version, so the history holds it once.
      const statusEqual = (compareAndShare(status, (existing as WithStatus).status) & EQUAL) !== 0;
      if (statusEqual && deepEqual(annotations, existing.metadata.annotations)) {
        return existing as unknown as T;
      }
      draft = { ...existing, metadata: nextMetadata(existing.metadata), status };
      if (STATUS_WRITES_ANNOTATIONS.has(kind)) draft.metadata.annotations = annotations;
    } else {
      draft = owned ? input : (clone(input) as KubeObject);
      draft.apiVersion = existing.apiVersion;
      draft.status = existing.status;
      // The system owns these fields; a client's copy of them is ignored.
      const m = draft.metadata;
      m.namespace = existing.metadata.namespace;
      m.uid = existing.metadata.uid;
      m.creationTimestamp = existing.metadata.creationTimestamp;
      m.generation = existing.metadata.generation;
      m.deletionTimestamp = existing.metadata.deletionTimestamp;
      m.deletionGracePeriodSeconds = existing.metadata.deletionGracePeriodSeconds;
      strategy.defaults?.(draft);
    }
    draft.metadata.resourceVersion = existing.metadata.resourceVersion;
    // A status write that got here changes the status or the annotations (compared above).
    if (part === 'spec' && deepEqual(draft, existing)) return existing as unknown as T;

    if (part === 'spec') {
      const errors: FieldError[] = [];
      const plugins = this.admission.get(kind) ?? [];
      for (const p of plugins) errors.push(...p.admit(draft, existing));
      if (errors.length === 0) {
        errors.push(...(strategy.validateUpdate?.(draft, existing) ?? strategy.validate?.(draft) ?? []));
      }
      if (errors.length > 0 || opts.dryRun) {
        for (const p of plugins) p.abort?.(draft, existing);
        if (errors.length > 0) throw invalid(kind, resource.group, input.metadata.name, errors);
        return deepFreeze(draft) as T;
      }
      // The last finalizer removed from an object being deleted (with no grace period left): the
      // object goes, and the update itself is never stored (ShouldDeleteDuringUpdate).
      if (emptiesFinalizersOfDeleted(draft, existing)) {
        for (const p of plugins) p.abort?.(draft, existing);
        return this.remove(kind, existing) as T;
      }
      for (const p of plugins) p.commit?.(draft, existing);
      if (strategy.generation && this.bumpsGeneration(strategy.generation, draft, existing)) {
        draft.metadata.generation = (existing.metadata.generation ?? 0) + 1;
      }
      // Once admission is done with the draft, what did not change is taken from the stored
      // version (an Event's count bump keeps its involvedObject and source). The metadata stays
      // the draft's own: the commit still writes its resourceVersion.
      const metadata = draft.metadata;
      compareAndShare(draft, existing);
      draft.metadata = metadata;
    }
    return this.commitWrite(kind, existing, draft) as unknown as T;
  }

  private commitWrite<K extends KindName>(kind: K, existing: KubeObject, draft: KubeObject): Stored<K> {
    draft.metadata.resourceVersion = this.nextResourceVersion();
    deepFreeze(draft);
    const key = keyOf(draft.metadata.namespace, draft.metadata.name);
    this.table(kind).set(key, draft);
    this.indexOwners(kind, key, existing, draft);
    this.emit(kind, { type: 'MODIFIED', object: draft as Stored<K>, old: existing as Stored<K> });
    return draft as Stored<K>;
  }

  private remove(kind: KindName, existing: KubeObject): KubeObject {
    const key = keyOf(existing.metadata.namespace, existing.metadata.name);
    const table = this.table(kind);
    if (table.objects.get(key) !== existing) return existing;
    table.delete(key, existing);
    this.indexOwners(kind, key, existing, undefined);
    for (const p of this.admission.get(kind) ?? []) p.release?.(existing);
    this.emit(kind, { type: 'DELETED', object: existing as Stored<KindName> });
    this.finishNamespaceIfEmpty(existing.metadata.namespace);
    return existing;
  }

  /**
   * The garbage collector's API client: every request goes through the store's own verbs, with
   * the object's uid as precondition (an object replaced by a namesake is left alone).
   */
  private gcClient(): GcClient {
    const current = (obj: KubeObject) => {
      const live = this.get(obj.kind as KindName, obj.metadata.namespace, obj.metadata.name);
      return live && live.metadata.uid === obj.metadata.uid ? live : undefined;
    };
    return {
      get: (kind, namespace, name) => this.get(kind, namespace, name),
      dependentsOf: (uid) => this.unsortedDependentsOf(uid),
      delete: (obj, policy) => {
        if (current(obj)) {
          this.delete(obj.kind as KindName, obj.metadata.namespace, obj.metadata.name, {
            propagationPolicy: policy,
          });
        }
      },
      patchMetadata: (obj, change) => {
        if (current(obj)) {
          this.mutate(obj.kind as KindName, obj.metadata.namespace, obj.metadata.name, (d) =>
            change(d.metadata),
          );
        }
      },
    };
  }

  private unsortedDependentsOf(uid: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const ref of this.dependents.get(uid) ?? []) {
      const [kind, key] = splitRef(ref);
      const obj = this.table(kind).objects.get(key);
      if (obj) out.push(obj);
    }
    return out;
  }

  private deleteNamespace(ns: KubeObject): KubeObject {
    if (ns.metadata.deletionTimestamp) return ns;
    const draft = clone(ns) as Stored<'Namespace'>;
    draft.metadata.deletionTimestamp = timestampOf(this.clock.now);
    draft.status = { ...(draft.status ?? {}), phase: 'Terminating' };
    const marked = this.commitWrite('Namespace', ns, draft);
    const name = ns.metadata.name;
    for (const [kind, table] of this.tables) {
      if (!resourceOf(kind).namespaced) continue;
      for (const obj of [...table.inNamespace(name)]) {
        // The namespace controller deletes what is left with the Background propagation.
        const live = this.get(kind, name, obj.metadata.name);
        if (live && !live.metadata.deletionTimestamp) {
          this.delete(kind, name, obj.metadata.name, { propagationPolicy: 'Background' });
        }
      }
    }
    this.finishNamespaceIfEmpty(name);
    return marked;
  }

  private finishNamespaceIfEmpty(namespace: string | undefined): void {
    if (!namespace) return;
    const ns = this.get('Namespace', undefined, namespace);
    if (!ns?.metadata.deletionTimestamp) return;
    for (const [kind, table] of this.tables) {
      if (!resourceOf(kind).namespaced) continue;
      if (table.byNamespace.get(namespace)?.size) return;
    }
    this.remove('Namespace', ns);
  }

  private bumpsGeneration(rule: 'spec' | 'spec+annotations', next: KubeObject, old: KubeObject): boolean {
    if (!deepEqual(next.spec, old.spec)) return true;
    return (
      rule === 'spec+annotations' &&
      !deepEqual(next.metadata.annotations ?? {}, old.metadata.annotations ?? {})
    );
  }

  private requireNamespace(namespace: string): void {
    const ns = this.get('Namespace', undefined, namespace);
    if (!ns) throw notFound('namespaces', namespace);
    if (ns.metadata.deletionTimestamp) {
      throw new StatusError(
        'Forbidden',
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  private generateName(kind: KindName, namespace: string | undefined, prefix: string): string {
    const table = this.table(kind);
    for (;;) {
      const name = prefix.slice(0, 58) + this.random.string(5);
      if (!table.objects.has(keyOf(namespace, name))) return name;
    }
  }

  private indexOwners(
    kind: KindName,
    key: string,
    before: KubeObject | undefined,
    after: KubeObject | undefined,
  ): void {
    // Most writes (every status write) keep the owners: nothing to re-index.
    if (sameOwners(before, after)) return;
    const ref = `${kind}|${key}`;
    const oldUids = (before?.metadata.ownerReferences ?? []).map((o) => o.uid);
    const newUids = (after?.metadata.ownerReferences ?? []).map((o) => o.uid);
    for (const uid of oldUids) {
      if (newUids.includes(uid)) continue;
      const set = this.dependents.get(uid);
      set?.delete(ref);
      if (set?.size === 0) this.dependents.delete(uid);
    }
    for (const uid of newUids) {
      let set = this.dependents.get(uid);
      if (!set) this.dependents.set(uid, (set = new Set()));
      set.add(ref);
    }
  }

  private emit<K extends KindName>(kind: K, event: WatchEvent<K>): void {
    this.history.record(event.type, event.object);
    for (const handler of this.watchers.get(kind) ?? []) handler(event as unknown as WatchEvent<KindName>);
    // The garbage collector watches every kind, after the others; its work (and the work that
    // causes) runs to the end before the change that called for it returns.
    this.gc.observe(event as unknown as GcEvent);
    if (this.gc.hasWork) this.gc.drain();
  }

  private nextResourceVersion(): string {
    return String(++this.resourceVersion);
  }

  private mustGet<K extends KindName>(kind: K, namespace: string | undefined, name: string): Stored<K> {
    const obj = this.get(kind, namespace, name);
    if (!obj) throw notFound(qualifiedResource(resourceOf(kind)), name);
    return obj;
  }

  private table(kind: KindName): KindTable {
    let t = this.tables.get(kind);
    if (!t) this.tables.set(kind, (t = new KindTable(resourceOf(kind).namespaced)));
    return t;
  }
}

/**
 * The metadata of an object's next version: its fields copied, unset ones dropped (as clone()
 * drops them), the nested labels, annotations, ownerReferences and finalizers shared with the
 * stored version. They are frozen and a write only ever replaces them whole; copying them on
 * every status write of 10,000 pods made garbage that the history then kept alive.
 */
function nextMetadata(meta: KubeObject['metadata']): KubeObject['metadata'] {
  // A spread keeps the copy's properties inside the object (see clone()).
  if (!hasUndefined(meta as Record<string, unknown>)) return { ...meta };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(meta)) {
    const v = (meta as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as KubeObject['metadata'];
}

/** ShouldDeleteDuringUpdate: no finalizer left on an object being deleted with no grace left. */
function emptiesFinalizersOfDeleted(next: KubeObject, existing: KubeObject): boolean {
  return (
    !!existing.metadata.deletionTimestamp &&
    (next.metadata.finalizers ?? []).length === 0 &&
    (existing.metadata.deletionGracePeriodSeconds ?? 0) === 0
  );
}

function sameOwners(before: KubeObject | undefined, after: KubeObject | undefined): boolean {
  if (!before || !after) return false;
  const a = before.metadata.ownerReferences ?? [];
  const b = after.metadata.ownerReferences ?? [];
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.uid !== b[i]!.uid) return false;
  return true;
}

function splitRef(ref: string): [KindName, string] {
  const i = ref.indexOf('|');
  return [ref.slice(0, i) as KindName, ref.slice(i + 1)];
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
