/**
 * The controllerRef manager (pkg/controller/controller_ref_manager.go): how a controller claims
 * the objects its selector matches. It keeps what it controls and still selects, releases what it
 * controls but no longer selects, adopts matching orphans, and leaves objects controlled by anyone
 * else alone. The ReplicaSet controller claims pods with it, the Deployment controller ReplicaSets.
 *
 * Differences from upstream, on purpose:
 * - a claimed object that was adopted is returned as stored after the adoption (upstream keeps
 *   its cached copy), so later writes of the same sync carry the new resourceVersion;
 * - failures are thrown, not returned: after every object was tried, a single failure is thrown
 *   as it is and several as one aggregate (utilerrors.NewAggregate);
 * - ClaimPods' filters are left out: no controller here passes any.
 */
import type { Selector } from '../api/labels.js';
import type { KubeObject, OwnerReference, Pod, ReplicaSet } from '../api/types.js';
import { clone } from '../core/clone.js';
import { invalid, KubesimError, notFound, StatusError } from '../core/errors.js';

/** schema.GroupVersionKind, with the group and version as one apiVersion (`apps/v1`). */
export interface GroupVersionKind {
  readonly apiVersion: string;
  readonly kind: string;
}

/** metav1.GetControllerOf: the ownerReference with controller: true, if any. */
export function getControllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller === true);
}

/** metav1.NewControllerRef: the ownerReference a controller puts on what it creates or adopts. */
export function newControllerRef(owner: KubeObject, gvk: GroupVersionKind): OwnerReference {
  return {
    apiVersion: gvk.apiVersion,
    kind: gvk.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

// ---- the patches adopt and release send ----

/** ownerRefControllerPatch's patch, as the JSON value it marshals (same keys, same order). */
export interface AddOwnerRefPatch {
  metadata: { ownerReferences: OwnerReference[]; uid: string; finalizers?: string[] };
}

/** GenerateDeleteOwnerRefStrategicMergeBytes' patch, as the JSON value it marshals. */
export interface DeleteOwnerRefPatch {
  metadata: {
    uid: string;
    ownerReferences: Array<{ $patch: 'delete'; uid: string }>;
    '$deleteFromPrimitiveList/finalizers'?: string[];
  };
}

export type OwnerRefPatch = AddOwnerRefPatch | DeleteOwnerRefPatch;

/** ownerRefControllerPatch: make `controller` the controller of the object with this uid. */
export function ownerRefControllerPatch(
  controller: KubeObject,
  gvk: GroupVersionKind,
  uid: string,
  finalizers: readonly string[] = [],
): AddOwnerRefPatch {
  const metadata: AddOwnerRefPatch['metadata'] = {
    ownerReferences: [newControllerRef(controller, gvk)],
    uid,
  };
  if (finalizers.length > 0) metadata.finalizers = [...finalizers];
  return { metadata };
}

/** GenerateDeleteOwnerRefStrategicMergeBytes: drop these owners (and finalizers) from the dependent. */
export function generateDeleteOwnerRefStrategicMergePatch(
  dependentUid: string,
  ownerUids: readonly string[],
  finalizers: readonly string[] = [],
): DeleteOwnerRefPatch {
  const metadata: DeleteOwnerRefPatch['metadata'] = {
    uid: dependentUid,
    ownerReferences: ownerUids.map((uid) => ({ $patch: 'delete', uid })),
  };
  if (finalizers.length > 0) metadata['$deleteFromPrimitiveList/finalizers'] = [...finalizers];
  return { metadata };
}

/**
 * What the API server's strategic merge makes of one of those patches: ownerReferences merge by
 * uid (`$patch: delete` removes one), finalizers merge as a set, and a metadata.uid that is not the
 * object's is Invalid (that uid is the patch's guard against a deleted and recreated namesake).
 * Returns a changed copy; an empty ownerReferences list is dropped, as the server omits it.
 */
export function applyOwnerRefPatch<T extends KubeObject>(obj: T, patch: OwnerRefPatch): T {
  const { metadata: meta } = patch;
  if (meta.uid !== obj.metadata.uid) {
    const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0]! : '';
    throw invalid(obj.kind, group, obj.metadata.name, [
      { type: 'Invalid value', field: 'metadata.uid', value: meta.uid, detail: 'field is immutable' },
    ]);
  }
  const draft = clone(obj);
  let refs = [...(draft.metadata.ownerReferences ?? [])];
  for (const ref of meta.ownerReferences) {
    if ('$patch' in ref) {
      refs = refs.filter((o) => o.uid !== ref.uid);
      continue;
    }
    const at = refs.findIndex((o) => o.uid === ref.uid);
    if (at >= 0) refs[at] = { ...refs[at]!, ...ref };
    else refs.push({ ...ref });
  }
  if (refs.length > 0) draft.metadata.ownerReferences = refs;
  else delete draft.metadata.ownerReferences;

  const lists: { finalizers?: string[]; '$deleteFromPrimitiveList/finalizers'?: string[] } = meta;
  const added = lists.finalizers ?? [];
  const removed = lists['$deleteFromPrimitiveList/finalizers'] ?? [];
  if (added.length + removed.length > 0) {
    const finalizers = (draft.metadata.finalizers ?? []).filter((f) => !removed.includes(f));
    for (const f of added) if (!finalizers.includes(f)) finalizers.push(f);
    if (finalizers.length > 0) draft.metadata.finalizers = finalizers;
    else delete draft.metadata.finalizers;
  }
  return draft;
}

// ---- the manager ----

/**
 * The check before the first adoption of a sync (a live GET in upstream): an Error denies every
 * adoption of that manager.
 */
export type CanAdopt = () => Error | undefined;

/** PodControl.PatchPod / RSControl.PatchReplicaSet: sends the patch, returns the stored object. */
export type PatchControl<T> = (obj: T, patch: OwnerRefPatch) => T;

/** BaseControllerRefManager: the claim decision, shared by every kind of dependent. */
export class BaseControllerRefManager {
  private canAdoptVerdict: { err: Error | undefined } | undefined;

  constructor(
    readonly controller: KubeObject,
    readonly selector: Selector,
    private readonly canAdoptFunc?: CanAdopt,
  ) {}

  /** CanAdopt: canAdoptFunc's verdict, asked at most once per manager (sync.Once). */
  canAdopt(): Error | undefined {
    this.canAdoptVerdict ??= { err: this.canAdoptFunc?.() };
    return this.canAdoptVerdict.err;
  }

  /**
   * ClaimObject: obj if this controller owns it now (the adopted copy if it was just adopted),
   * else undefined. Throws what adopt or release threw, except NotFound: a vanished object is
   * simply not ours. Nothing is adopted or released while the controller is being deleted.
   */
  claimObject<T extends KubeObject>(
    obj: T,
    match: (obj: T) => boolean,
    adopt: (obj: T) => T,
    release: (obj: T) => void,
  ): T | undefined {
    const deleting = Boolean(this.controller.metadata.deletionTimestamp);
    const controllerRef = getControllerOf(obj);
    if (controllerRef) {
      if (controllerRef.uid !== this.controller.metadata.uid) return undefined;
      // Already ours and selected: claimed even while we are being deleted, as that takes no action.
      if (match(obj)) return obj;
      if (deleting) return undefined;
      ignoreNotFound(() => release(obj));
      return undefined;
    }
    // An orphan: adopted only if selected, neither side is being deleted, and (for a namespaced
    // controller) it lives in the controller's namespace.
    if (deleting || !match(obj)) return undefined;
    if (obj.metadata.deletionTimestamp) return undefined;
    const namespace = this.controller.metadata.namespace;
    if (namespace && namespace !== obj.metadata.namespace) return undefined;
    return ignoreNotFound(() => adopt(obj));
  }
}

/**
 * What PodControllerRefManager and ReplicaSetControllerRefManager share: claiming a list, and
 * adopting and releasing by patch. `finalizers` (upstream's, for pods only) are added on adoption
 * and removed on release.
 */
class PatchingControllerRefManager<T extends KubeObject> extends BaseControllerRefManager {
  constructor(
    private readonly patch: PatchControl<T>,
    controller: KubeObject,
    selector: Selector,
    readonly controllerKind: GroupVersionKind,
    canAdopt?: CanAdopt,
    readonly finalizers: readonly string[] = [],
  ) {
    super(controller, selector, canAdopt);
  }

  /** AdoptPod / AdoptReplicaSet: patch in our controllerRef, unless canAdopt says no. */
  adopt(obj: T): T {
    const err = this.canAdopt();
    if (err) {
      const { namespace, name, uid } = obj.metadata;
      throw new KubesimError(`can't adopt ${obj.kind} ${namespace}/${name} (${uid}): ${err.message}`);
    }
    return this.patch(
      obj,
      ownerRefControllerPatch(this.controller, this.controllerKind, obj.metadata.uid ?? '', this.finalizers),
    );
  }

  /** ReleasePod / ReleaseReplicaSet: NotFound and Invalid mean it is gone or no longer ours. */
  release(obj: T): void {
    const ownerUid = this.controller.metadata.uid ?? '';
    const patch = generateDeleteOwnerRefStrategicMergePatch(
      obj.metadata.uid ?? '',
      [ownerUid],
      this.finalizers,
    );
    try {
      this.patch(obj, patch);
    } catch (err) {
      if (err instanceof StatusError && (err.reason === 'NotFound' || err.reason === 'Invalid')) return;
      throw err;
    }
  }

  protected claimAll(objects: Iterable<T>): T[] {
    const match = (obj: T) => this.selector.matches(obj.metadata.labels);
    const adopt = (obj: T) => this.adopt(obj);
    const release = (obj: T) => this.release(obj);
    const claimed: T[] = [];
    const errors: KubesimError[] = [];
    for (const obj of objects) {
      try {
        const ours = this.claimObject(obj, match, adopt, release);
        if (ours) claimed.push(ours);
      } catch (err) {
        if (!(err instanceof KubesimError)) throw err;
        errors.push(err);
      }
    }
    if (errors.length > 0) throw aggregate(errors);
    return claimed;
  }
}

/** PodControllerRefManager: a controller's claim on pods. */
export class PodControllerRefManager extends PatchingControllerRefManager<Pod> {
  /** ClaimPods: the pods this controller owns now. */
  claimPods(pods: Iterable<Pod>): Pod[] {
    return this.claimAll(pods);
  }
}

/** ReplicaSetControllerRefManager: a Deployment's claim on ReplicaSets. */
export class ReplicaSetControllerRefManager extends PatchingControllerRefManager<ReplicaSet> {
  /** ClaimReplicaSets: the ReplicaSets this controller owns now. */
  claimReplicaSets(sets: Iterable<ReplicaSet>): ReplicaSet[] {
    return this.claimAll(sets);
  }
}

// ---- canAdopt ----

/**
 * RecheckDeletionTimestamp: a CanAdopt that fetches the controller again and denies adoption if it
 * is being deleted. getObject throws (a StatusError) when the fetch fails.
 */
export function recheckDeletionTimestamp(getObject: () => KubeObject): CanAdopt {
  return () => {
    let obj: KubeObject;
    try {
      obj = getObject();
    } catch (err) {
      if (!(err instanceof KubesimError)) throw err;
      return new KubesimError(`can't recheck DeletionTimestamp: ${err.message}`);
    }
    const { namespace, name, deletionTimestamp } = obj.metadata;
    if (!deletionTimestamp) return undefined;
    return new KubesimError(`${namespace}/${name} has just been deleted at ${goTime(deletionTimestamp)}`);
  };
}

/**
 * The CanAdopt the ReplicaSet and Deployment controllers build: RecheckDeletionTimestamp over a
 * live GET of `original` that fails if it is gone or was replaced by a namesake. `resource` names
 * it in the NotFound message (`replicasets.apps`).
 */
export function recheckLiveController<T extends KubeObject>(
  original: T,
  resource: string,
  get: () => T | undefined,
): CanAdopt {
  return recheckDeletionTimestamp(() => {
    const { namespace, name, uid } = original.metadata;
    const fresh = get();
    if (!fresh) throw notFound(resource, name);
    if (fresh.metadata.uid !== uid) {
      throw new KubesimError(
        `original ${original.kind} ${namespace}/${name} is gone: got uid ${fresh.metadata.uid}, wanted ${uid}`,
      );
    }
    return fresh;
  });
}

// ---- helpers ----

function ignoreNotFound<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (err instanceof StatusError && err.reason === 'NotFound') return undefined;
    throw err;
  }
}

/** utilerrors.NewAggregate: one error as it is; several as `[a, b]`, each message once. */
function aggregate(errors: KubesimError[]): KubesimError {
  if (errors.length === 1) return errors[0]!;
  const messages = [...new Set(errors.map((e) => e.message))];
  return new KubesimError(messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`);
}

/** A metav1.Time as Go's %v prints it: `2025-01-01 00:00:05 +0000 UTC`. */
function goTime(rfc3339: string): string {
  return rfc3339.replace('T', ' ').replace(/Z$/, ' +0000 UTC');
}
