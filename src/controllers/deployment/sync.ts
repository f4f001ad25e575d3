/**
 * sync.go: the parts of a Deployment sync every strategy shares: finding (or creating) the new
 * ReplicaSet and syncing revisions, scaling (proportionally during a rollout), cleaning up old
 * revisions, and writing the status.
 */
import type { Deployment, LabelSelector, ReplicaSet } from '../../api/types.js';
import { clone, deepEqual } from '../../core/clone.js';
import { StatusError } from '../../core/errors.js';
import { newControllerRef } from '../controller-ref-manager.js';
import { controllerKind } from './claim.js';
import type { DeploymentClient } from './client.js';
import { computeHash } from './hash.js';
import { calculateStatus, normalizeDeploymentStatus } from './status.js';
import {
  compareByRevision,
  compareBySizeNewer,
  compareBySizeOlder,
  DefaultDeploymentUniqueLabelKey,
  DeploymentProgressing,
  DeprecatedRollbackTo,
  equalIgnoreHash,
  FailedRSCreateReason,
  FoundNewRSReason,
  filterActiveReplicaSets,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getDeploymentCondition,
  getDesiredReplicasAnnotation,
  getProportion,
  getReplicaCountForReplicaSets,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  NewReplicaSetReason,
  newDeploymentCondition,
  newRSNewReplicas,
  PausedDeployReason,
  ResumedDeployReason,
  RevisionAnnotation,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  setDeploymentCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  TimedOutReason,
} from './util.js';

/** maxRevHistoryLengthInChars: the revision-history annotation keeps about 100 entries. */
const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** syncStatusOnly: a Deployment being deleted only gets its status written. */
export function syncStatusOnly(c: DeploymentClient, d: Deployment, rsList: ReplicaSet[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(c, d, rsList, false);
  syncDeploymentStatus(c, [...oldRSs, newRS], newRS, d);
}

/** sync: scaling events and paused Deployments. Scales, cleans up when paused, writes status. */
export function sync(c: DeploymentClient, d: Deployment, rsList: ReplicaSet[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(c, d, rsList, false);
  scale(c, d, newRS, oldRSs);
  // Clean up the deployment when it's paused and no rollback is in flight.
  if (d.spec?.paused && getRollbackTo(d) === undefined) cleanupDeployment(c, oldRSs, d);
  syncDeploymentStatus(c, [...oldRSs, newRS], newRS, d);
}

/**
 * checkPausedConditions: pausing sets Progressing=Unknown/DeploymentPaused and resuming
 * Progressing=Unknown/DeploymentResumed, so a long pause never counts against the deadline. A
 * ProgressDeadlineExceeded condition is never overwritten.
 */
export function checkPausedConditions(c: DeploymentClient, d: Deployment): void {
  if (!hasProgressDeadline(d)) return;
  const cond = getDeploymentCondition(d.status, DeploymentProgressing);
  if (cond?.reason === TimedOutReason) return;
  const pausedCondExists = cond?.reason === PausedDeployReason;
  const status = (d.status ??= {});
  if (d.spec?.paused && !pausedCondExists) {
    setDeploymentCondition(
      status,
      newDeploymentCondition(
        DeploymentProgressing,
        'Unknown',
        PausedDeployReason,
        'Deployment is paused',
        c.now,
      ),
    );
  } else if (!d.spec?.paused && pausedCondExists) {
    setDeploymentCondition(
      status,
      newDeploymentCondition(
        DeploymentProgressing,
        'Unknown',
        ResumedDeployReason,
        'Deployment is resumed',
        c.now,
      ),
    );
  } else {
    return;
  }
  c.updateDeploymentStatus(d);
}

/**
 * getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created if asked and missing) with its
 * revision brought up to max(old)+1, and all the old ones.
 */
export function getAllReplicaSetsAndSyncRevision(
  c: DeploymentClient,
  d: Deployment,
  rsList: ReplicaSet[],
  createIfNotExisted: boolean,
): [newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]] {
  const [, allOldRSs] = findOldReplicaSets(d, rsList);
  const newRS = getNewReplicaSet(c, d, rsList, allOldRSs, createIfNotExisted);
  return [newRS, allOldRSs];
}

/** CloneSelectorAndAddLabel */
function cloneSelectorAndAddLabel(
  selector: LabelSelector | undefined,
  key: string,
  value: string,
): LabelSelector {
  const out: LabelSelector = { matchLabels: { ...(selector?.matchLabels ?? {}), [key]: value } };
  if (selector?.matchExpressions) out.matchExpressions = clone(selector.matchExpressions);
  return out;
}

/** metav1.NewControllerRef(d, apps/v1 Deployment) */
/**
 * getNewReplicaSet: the ReplicaSet whose template matches the Deployment's. An existing one gets
 * the Deployment's annotations, a raised revision and minReadySeconds (returning at once if it had
 * to be written); the Deployment then takes its revision. A missing one is created (when asked)
 * as `<deployment>-<hash>` at NewRSNewReplicas; a name taken by a different template bumps
 * status.collisionCount and fails the sync so the next one tries another hash.
 */
export function getNewReplicaSet(
  c: DeploymentClient,
  d: Deployment,
  rsList: ReplicaSet[],
  oldRSs: ReplicaSet[],
  createIfNotExisted: boolean,
): ReplicaSet | undefined {
  const existingNewRS = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1n);

  if (existingNewRS) {
    const rsCopy = clone(existingNewRS);
    const annotationsUpdated = setNewReplicaSetAnnotations(
      d,
      rsCopy,
      newRevision,
      true,
      MAX_REV_HISTORY_LENGTH_IN_CHARS,
    );
    const minReadySeconds = d.spec?.minReadySeconds ?? 0;
    const minReadySecondsNeedsUpdate = (rsCopy.spec?.minReadySeconds ?? 0) !== minReadySeconds;
    if (annotationsUpdated || minReadySecondsNeedsUpdate) {
      setMinReadySeconds(rsCopy, minReadySeconds);
      return c.updateReplicaSet(rsCopy);
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[RevisionAnnotation] ?? '');
    // No Progressing condition yet: start estimating progress from the first time we saw it.
    const cond = getDeploymentCondition(d.status, DeploymentProgressing);
    if (hasProgressDeadline(d) && !cond) {
      setDeploymentCondition(
        (d.status ??= {}),
        newDeploymentCondition(
          DeploymentProgressing,
          'True',
          FoundNewRSReason,
          `Found new replica set "${rsCopy.metadata.name}"`,
          c.now,
        ),
      );
      needsUpdate = true;
    }
    if (needsUpdate) c.updateDeploymentStatus(d);
    return rsCopy;
  }

  if (!createIfNotExisted) return undefined;

  const template = clone(d.spec!.template);
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata = {
    ...(template.metadata ?? {}),
    labels: { ...(d.spec!.template.metadata?.labels ?? {}), [DefaultDeploymentUniqueLabelKey]: hash },
  };
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      // Deterministic, so that a retried create is idempotent.
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      ownerReferences: [newControllerRef(d, controllerKind)],
      labels: { ...template.metadata.labels },
    },
    spec: {
      replicas: 0,
      selector: cloneSelectorAndAddLabel(d.spec?.selector, DefaultDeploymentUniqueLabelKey, hash),
      template,
    },
  };
  setMinReadySeconds(newRS, d.spec?.minReadySeconds ?? 0);
  const newReplicasCount = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec!.replicas = newReplicasCount;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, MAX_REV_HISTORY_LENGTH_IN_CHARS);

  let createdRS: ReplicaSet;
  let alreadyExists = false;
  try {
    createdRS = c.createReplicaSet(newRS);
  } catch (err) {
    if (err instanceof StatusError && err.reason === 'AlreadyExists') {
      // A slow cache, or a hash collision: the same name with another template.
      const rs = c.getReplicaSet(d.metadata.namespace!, newRS.metadata.name);
      if (!rs) throw err;
      const ref = rs.metadata.ownerReferences?.find((o) => o.controller === true);
      if (ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
        createdRS = rs;
        alreadyExists = true;
      } else {
        const status = (d.status ??= {});
        status.collisionCount = (status.collisionCount ?? 0) + 1;
        try {
          c.updateDeploymentStatus(d);
        } catch {
          // The original error is the one to report; the next sync retries.
        }
        throw err;
      }
    } else if (isNamespaceTerminating(err)) {
      throw err;
    } else {
      const msg = `Failed to create new replica set "${newRS.metadata.name}": ${(err as Error).message}`;
      if (hasProgressDeadline(d)) {
        setDeploymentCondition(
          (d.status ??= {}),
          newDeploymentCondition(DeploymentProgressing, 'False', FailedRSCreateReason, msg, c.now),
        );
        try {
          c.updateDeploymentStatus(d);
        } catch {
          // There is a bigger problem to report.
        }
      }
      c.event(d, 'Warning', FailedRSCreateReason, msg);
      throw err;
    }
  }
  if (!alreadyExists && newReplicasCount > 0) {
    c.event(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${createdRS.metadata.name} from 0 to ${newReplicasCount}`,
    );
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    setDeploymentCondition(
      (d.status ??= {}),
      newDeploymentCondition(
        DeploymentProgressing,
        'True',
        NewReplicaSetReason,
        `Created new replica set "${createdRS.metadata.name}"`,
        c.now,
      ),
    );
    needsUpdate = true;
  }
  if (needsUpdate) c.updateDeploymentStatus(d);
  return createdRS;
}

function setMinReadySeconds(rs: ReplicaSet, seconds: number): void {
  const spec = (rs.spec ??= { selector: {} });
  if (seconds) spec.minReadySeconds = seconds;
  else delete spec.minReadySeconds;
}

/** True for the API error of a create in a namespace that is being deleted. */
export function isNamespaceTerminating(err: unknown): boolean {
  return err instanceof StatusError && err.reason === 'Forbidden' && /is being terminated/.test(err.message);
}

/**
 * scale: scaling events and paused Deployments.
 * - One active ReplicaSet (or none: the newest): it takes the whole new size.
 * - A saturated new ReplicaSet: the old ones go to 0.
 * - Otherwise, for RollingUpdate, the difference is spread in proportion to each ReplicaSet's
 *   size against its max-replicas annotation. Worked example: 10 replicas, maxSurge 3,
 *   maxUnavailable 2, mid-rollout at old 8 / new 5, scaled to 15: allowed 18, 5 to add; old gets
 *   round(8*18/13)-8 = 3, new round(5*18/13)-5 = 2: old 11, new 7.
 */
export function scale(
  c: DeploymentClient,
  d: Deployment,
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): void {
  const replicas = replicasOf(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (replicasOf(activeOrLatest) === replicas) return;
    scaleReplicaSetAndRecordEvent(c, activeOrLatest, replicas, d);
    return;
  }

  // A saturated new ReplicaSet (e.g. after adopting one): the old ones are no longer needed.
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(c, old, 0, d);
    return;
  }

  if (!isRollingUpdate(d)) return;
  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allRSsReplicas = getReplicaCountForReplicaSets(allRSs);
  const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0;
  // What can be added (or, negative, removed), spread from the largest ReplicaSet down; among
  // equal sizes newer ones grow first and older ones shrink first.
  const toAdd = allowedSize - allRSsReplicas;
  if (toAdd > 0) allRSs.sort(compareBySizeNewer);
  else if (toAdd < 0) allRSs.sort(compareBySizeOlder);

  let added = 0;
  const nameToSize = new Map<string, number>();
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const proportion = getProportion(rs, d, toAdd, added);
      nameToSize.set(rs.metadata.name, replicasOf(rs) + proportion);
      added += proportion;
    } else {
      nameToSize.set(rs.metadata.name, replicasOf(rs));
    }
  }
  allRSs.forEach((rs, i) => {
    let size = nameToSize.get(rs.metadata.name)!;
    // The leftover goes to the largest ReplicaSet.
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    scaleReplicaSet(c, rs, size, d);
  });
}

/** scaleReplicaSetAndRecordEvent: scale if the size differs. */
export function scaleReplicaSetAndRecordEvent(
  c: DeploymentClient,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
): [scaled: boolean, rs: ReplicaSet] {
  if (replicasOf(rs) === newScale) return [false, rs];
  return scaleReplicaSet(c, rs, newScale, d);
}

/**
 * scaleReplicaSet: writes the size and the desired/max-replicas annotations (also when only the
 * annotations are stale); a size change records `Scaled up|down replica set X from A to B`.
 */
export function scaleReplicaSet(
  c: DeploymentClient,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
): [scaled: boolean, rs: ReplicaSet] {
  const oldScale = replicasOf(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  const desired = replicasOf(d);
  const max = desired + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return [false, rs];
  const rsCopy = clone(rs);
  rsCopy.spec!.replicas = newScale;
  setReplicasAnnotations(rsCopy, desired, max);
  const updated = c.updateReplicaSet(rsCopy);
  if (!sizeNeedsUpdate) return [false, updated];
  const operation = oldScale < newScale ? 'up' : 'down';
  c.event(
    d,
    'Normal',
    'ScalingReplicaSet',
    `Scaled ${operation} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`,
  );
  return [true, updated];
}

/**
 * cleanupDeployment: keeps revisionHistoryLimit old ReplicaSets. Looks at the `diff` oldest by
 * revision and deletes those that are fully scaled down and observed; skips the others.
 */
export function cleanupDeployment(c: DeploymentClient, oldRSs: ReplicaSet[], d: Deployment): void {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => rs && !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - d.spec!.revisionHistoryLimit!;
  if (diff <= 0) return;
  cleanable.sort(compareByRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i]!;
    if (
      (rs.status?.replicas ?? 0) !== 0 ||
      replicasOf(rs) !== 0 ||
      (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) ||
      rs.metadata.deletionTimestamp
    ) {
      continue;
    }
    try {
      c.deleteReplicaSet(rs.metadata.namespace!, rs.metadata.name);
    } catch (err) {
      if (!(err instanceof StatusError && err.reason === 'NotFound')) throw err;
    }
  }
}

/** syncDeploymentStatus: writes the calculated status if it differs. */
export function syncDeploymentStatus(
  c: DeploymentClient,
  allRSs: Array<ReplicaSet | undefined>,
  newRS: ReplicaSet | undefined,
  d: Deployment,
): void {
  const newStatus = calculateStatus(allRSs, newRS, d, c.now);
  if (deepEqual(normalizeDeploymentStatus(d.status), newStatus)) return;
  d.status = newStatus;
  c.updateDeploymentStatus(d);
}

/**
 * isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas,
 * so the user changed the size (not the template).
 */
export function isScalingEvent(c: DeploymentClient, d: Deployment, rsList: ReplicaSet[]): boolean {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(c, d, rsList, false);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = getDesiredReplicasAnnotation(rs);
    if (desired === undefined) continue;
    if (desired !== replicasOf(d)) return true;
  }
  return false;
}

/** getRollbackTo: the revision of the deprecated rollbackTo annotation, if set and valid. */
export function getRollbackTo(d: Deployment): { revision: number } | undefined {
  const v = d.metadata.annotations?.[DeprecatedRollbackTo];
  if (!v || !/^[+-]?\d+$/.test(v)) return undefined;
  return { revision: Number(v) };
}
