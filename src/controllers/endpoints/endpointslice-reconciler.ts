import type { Endpoint, EndpointSlice, Node, Pod, Service } from '../../api/types.js';
import { clone, deepEqual } from '../../core/clone.js';
import { ANNOTATION_TRIGGER_TIME, MAX_ENDPOINTS_PER_SLICE } from './constants.js';
import {
  type AddressType,
  addressTypesFor,
  type EndpointMeta,
  endpointKey,
  endpointPorts,
  endpointsEqualBeyondHash,
  newEndpointSlice,
  ownedBy,
  podToEndpoint,
  portMapKey,
  sliceLabels,
} from './endpointslice-util.js';
import { shouldPodBeInEndpoints } from './pod-util.js';

/** What a sync writes: slices to create (generateName set), update (by name) and delete. */
export interface SliceChanges {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
  /** Pods skipped because their node is missing; the sync is retried (upstream returns an error). */
  errors: string[];
}

export interface ReconcileInput {
  service: Service;
  /** The pods the Service selects, in the order new endpoints are placed. */
  pods: readonly Pod[];
  /** The slices labelled with this Service's name and managed by this controller. */
  existing: readonly EndpointSlice[];
  node: (name: string) => Node | undefined;
  triggerTime: string | undefined;
  maxEndpointsPerSlice?: number;
}

/**
 * The EndpointSlice Reconciler (k8s.io/endpointslice/reconciler.go): for each address type and
 * each distinct set of ports, keep the pods' endpoints in as few slices as possible while
 * changing as few slices as possible.
 *
 * 1. Existing slices keep the endpoints still wanted (updated in place when their conditions
 *    changed); slices left empty are deleted; slices whose Service labels changed are updated.
 * 2. Leftover endpoints fill the slices already being updated, fullest first, up to 100.
 * 3. What remains goes into the unchanged slice that fits best, or into new slices.
 * A Service with no endpoints keeps one placeholder slice with no ports. Creates are turned
 * into updates of slices that would otherwise be deleted.
 *
 * Where upstream iterates Go maps (random order), kubesim keeps insertion order: existing
 * slices as listed, new endpoints in pod order.
 */
export function reconcileSlices(input: ReconcileInput): SliceChanges {
  const { service } = input;
  const supported = addressTypesFor(service);
  const changes: SliceChanges = { create: [], update: [], delete: [], errors: [] };
  const byAddressType = new Map<AddressType, EndpointSlice[]>();
  for (const slice of input.existing) {
    const type = slice.addressType as AddressType;
    if (!supported.includes(type)) {
      changes.delete.push(slice);
      continue;
    }
    byAddressType.set(type, [...(byAddressType.get(type) ?? []), slice]);
  }
  const staleTypes = changes.delete.splice(0);
  for (const type of supported) {
    const result = reconcileByAddressType(input, byAddressType.get(type) ?? [], type);
    changes.create.push(...result.create);
    changes.update.push(...result.update);
    changes.delete.push(...result.delete);
    changes.errors.push(...result.errors);
  }
  changes.delete.push(...staleTypes);
  return changes;
}

function reconcileByAddressType(
  input: ReconcileInput,
  existing: EndpointSlice[],
  addressType: AddressType,
): SliceChanges {
  const { service } = input;
  const max = input.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const errors: string[] = [];
  let toCreate: EndpointSlice[] = [];
  let toUpdate: EndpointSlice[] = [];
  let toDelete: EndpointSlice[] = [];

  const existingByPorts = new Map<string, EndpointSlice[]>();
  for (const slice of existing) {
    if (!ownedBy(slice, service)) {
      toDelete.push(slice);
      continue;
    }
    const key = portMapKey(slice.ports);
    existingByPorts.set(key, [...(existingByPorts.get(key) ?? []), slice]);
  }

  const desiredByPorts = new Map<string, { meta: EndpointMeta; endpoints: Map<string, Endpoint> }>();
  for (const pod of input.pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(service, pod);
    const key = portMapKey(ports);
    let desired = desiredByPorts.get(key);
    if (!desired) desiredByPorts.set(key, (desired = { meta: { ports, addressType }, endpoints: new Map() }));
    const nodeName = pod.spec?.nodeName ?? '';
    const node = input.node(nodeName);
    if (!node && !service.spec?.publishNotReadyAddresses) {
      const ns = service.metadata.namespace ?? 'default';
      errors.push(
        `skipping Pod ${pod.metadata.name} for Service ${ns}/${service.metadata.name}: Node ${nodeName} Not Found`,
      );
      continue;
    }
    const endpoint = podToEndpoint(pod, node, service, addressType);
    if (endpoint.addresses.length > 0) desired.endpoints.set(endpointKey(endpoint), endpoint);
  }

  for (const [key, desired] of desiredByPorts) {
    const result = reconcileByPortMapping(
      service,
      existingByPorts.get(key) ?? [],
      desired.endpoints,
      desired.meta,
      max,
    );
    toCreate.push(...result.create);
    toUpdate.push(...result.update);
    toDelete.push(...result.delete);
  }
  for (const [key, slices] of existingByPorts) if (!desiredByPorts.has(key)) toDelete.push(...slices);

  // No endpoints at all: keep (or create) one placeholder slice.
  if (existing.length === toDelete.length && toCreate.length < 1) {
    const placeholder = newEndpointSlice(service, { ports: [], addressType });
    if (toDelete.length === 1 && samePlaceholder(toDelete[0]!, placeholder)) toDelete = [];
    else toCreate.push(placeholder);
  }

  ({ toCreate, toUpdate, toDelete } = reuseDeletedSlices(service, toCreate, toUpdate, toDelete));
  if (service.metadata.deletionTimestamp) toCreate = [];
  for (const slice of [...toCreate, ...toUpdate]) setTriggerTime(slice, input.triggerTime);
  return { create: toCreate, update: toUpdate, delete: toDelete, errors };
}

/** reconcileByPortMapping for one set of ports. */
function reconcileByPortMapping(
  service: Service,
  existing: readonly EndpointSlice[],
  desired: Map<string, Endpoint>,
  meta: EndpointMeta,
  max: number,
): { create: EndpointSlice[]; update: EndpointSlice[]; delete: EndpointSlice[] } {
  const byName = new Map<string, EndpointSlice>();
  const unchanged = new Set<string>();
  const toUpdate = new Set<string>();
  const toDelete = new Set<string>();

  // 1. Keep wanted endpoints (in their new form), drop the rest.
  for (const slice of existing) {
    byName.set(slice.metadata.name, slice);
    const kept: Endpoint[] = [];
    let endpointUpdated = false;
    for (const ep of slice.endpoints ?? []) {
      const key = endpointKey(ep);
      const want = desired.get(key);
      if (!want) continue;
      kept.push(want);
      if (!endpointsEqualBeyondHash(want, ep)) endpointUpdated = true;
      desired.delete(key);
    }
    const [labels, labelsChanged] = sliceLabels(slice.metadata.labels, service);
    if (endpointUpdated || kept.length !== (slice.endpoints ?? []).length) {
      if (kept.length === 0) toDelete.add(slice.metadata.name);
      else {
        const copy = clone(slice);
        copy.endpoints = kept;
        copy.metadata.labels = labels;
        byName.set(copy.metadata.name, copy);
        toUpdate.add(copy.metadata.name);
      }
    } else if (labelsChanged) {
      const copy = clone(slice);
      copy.metadata.labels = labels;
      byName.set(copy.metadata.name, copy);
      toUpdate.add(copy.metadata.name);
    } else {
      unchanged.add(slice.metadata.name);
    }
  }

  const pending = [...desired.values()];
  // 2. Fill the slices being updated anyway, fullest first.
  if (pending.length > 0 && toUpdate.size > 0) {
    const slices = [...toUpdate]
      .map((name) => byName.get(name)!)
      .sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0));
    for (const slice of slices) {
      while (pending.length > 0 && slice.endpoints.length < max) slice.endpoints.push(pending.shift()!);
    }
  }

  // 3. Fit the rest into the unchanged slice closest to full, or new slices.
  const toCreate: EndpointSlice[] = [];
  while (pending.length > 0) {
    let fill: EndpointSlice | undefined;
    if (pending.length < max && unchanged.size > 0) {
      const candidate = sliceToFill(
        [...unchanged].map((name) => byName.get(name)!),
        pending.length,
        max,
      );
      if (candidate) {
        fill = clone(candidate);
        byName.set(fill.metadata.name, fill);
      }
    }
    fill ??= newEndpointSlice(service, meta);
    while (pending.length > 0 && fill.endpoints.length < max) fill.endpoints.push(pending.shift()!);
    if (fill.metadata.name) {
      toUpdate.add(fill.metadata.name);
      unchanged.delete(fill.metadata.name);
    } else toCreate.push(fill);
  }

  return {
    create: toCreate,
    update: [...toUpdate].map((name) => byName.get(name)!),
    delete: [...toDelete].map((name) => byName.get(name)!),
  };
}

/** getSliceToFill: the slice that ends up closest to full after taking n endpoints. */
function sliceToFill(slices: readonly EndpointSlice[], n: number, max: number): EndpointSlice | undefined {
  let closestDiff = max;
  let closest: EndpointSlice | undefined;
  for (const slice of slices) {
    const diff = max - (n + (slice.endpoints?.length ?? 0));
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = slice;
      if (diff === 0) return closest;
    }
  }
  return closest;
}

/**
 * finalize's first step: when slices are both created and deleted, the creates become updates
 * of the slices that would be deleted (same address type, owned by the Service), so churn
 * rewrites slices in place instead of replacing them.
 */
function reuseDeletedSlices(
  service: Service,
  toCreate: EndpointSlice[],
  toUpdate: EndpointSlice[],
  toDelete: EndpointSlice[],
): { toCreate: EndpointSlice[]; toUpdate: EndpointSlice[]; toDelete: EndpointSlice[] } {
  const create = [...toCreate];
  const update = [...toUpdate];
  const remove = [...toDelete];
  for (let i = 0; i < remove.length && create.length > 0; ) {
    const victim = remove[i]!;
    const slice = create[create.length - 1]!;
    if (victim.addressType === slice.addressType && ownedBy(victim, service)) {
      // The new slice takes the old one's name; upstream writes it as it is (an unconditional update).
      const reused = clone(slice);
      reused.metadata.name = victim.metadata.name;
      create.pop();
      update.push(reused);
      remove.splice(i, 1);
    } else i++;
  }
  return { toCreate: create, toUpdate: update, toDelete: remove };
}

/** placeholderSliceCompare: namespace, labels, address type, no endpoints, no ports. */
function samePlaceholder(existing: EndpointSlice, placeholder: EndpointSlice): boolean {
  return (
    existing.metadata.namespace === placeholder.metadata.namespace &&
    deepEqual(existing.metadata.labels ?? {}, placeholder.metadata.labels ?? {}) &&
    existing.addressType === placeholder.addressType &&
    (existing.endpoints ?? []).length === 0 &&
    (existing.ports ?? []).length === 0
  );
}

/** addTriggerTimeAnnotation. */
function setTriggerTime(slice: EndpointSlice, triggerTime: string | undefined): void {
  const annotations = { ...(slice.metadata.annotations ?? {}) };
  if (triggerTime) annotations[ANNOTATION_TRIGGER_TIME] = triggerTime;
  else delete annotations[ANNOTATION_TRIGGER_TIME];
  if (Object.keys(annotations).length > 0) slice.metadata.annotations = annotations;
  else delete slice.metadata.annotations;
}
