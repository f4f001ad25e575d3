/**
 * Pure helpers of the Deployment controller, ported from
 * pkg/controller/deployment/util/deployment_util.go. kubectl's rollout commands use them too
 * (new/old ReplicaSets, revisions, template equality, fenceposts, completeness).
 *
 * Functions that "set" something change the draft they are given and return whether anything
 * changed, as upstream does; callers pass private copies, never stored (frozen) objects.
 */

import { selectorFromLabelSelector } from '../../api/labels.js';
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  PodTemplateSpec,
  ReplicaSet,
  ReplicaSetCondition,
} from '../../api/types.js';
import { clone, deepEqual } from '../../core/clone.js';
import { simTimeOf, timestampOf } from '../../store/time.js';
import {
  compareByCreationTimestamp,
  controllerRefOf,
  filterActiveReplicaSets,
  replicasOf,
  timeOf,
} from './replica-sets.js';

export {
  compareByCreationTimestamp,
  compareBySizeNewer,
  compareBySizeOlder,
  controllerRefOf,
  filterActiveReplicaSets,
  replicasOf,
} from './replica-sets.js';

// ---- annotations, labels and reasons ----

export const RevisionAnnotation = 'deployment.kubernetes.io/revision';
export const RevisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
export const DesiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const MaxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
/** apps.DeprecatedRollbackTo: round-trips the extensions/v1beta1 spec.rollbackTo field. */
export const DeprecatedRollbackTo = 'deprecated.deployment.rollback.to';
export const LastAppliedConfigAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';
/** apps.DefaultDeploymentUniqueLabelKey */
export const DefaultDeploymentUniqueLabelKey = 'pod-template-hash';

export const RollbackRevisionNotFound = 'DeploymentRollbackRevisionNotFound';
export const RollbackTemplateUnchanged = 'DeploymentRollbackTemplateUnchanged';
export const RollbackDone = 'DeploymentRollback';

export const ReplicaSetUpdatedReason = 'ReplicaSetUpdated';
export const FailedRSCreateReason = 'ReplicaSetCreateError';
export const NewReplicaSetReason = 'NewReplicaSetCreated';
export const FoundNewRSReason = 'FoundNewReplicaSet';
export const NewRSAvailableReason = 'NewReplicaSetAvailable';
export const TimedOutReason = 'ProgressDeadlineExceeded';
export const PausedDeployReason = 'DeploymentPaused';
export const ResumedDeployReason = 'DeploymentResumed';
export const MinimumReplicasAvailable = 'MinimumReplicasAvailable';
export const MinimumReplicasUnavailable = 'MinimumReplicasUnavailable';

export const DeploymentAvailable = 'Available';
export const DeploymentProgressing = 'Progressing';
export const DeploymentReplicaFailure = 'ReplicaFailure';

/** math.MaxInt32: the "keep forever" value of progressDeadlineSeconds and revisionHistoryLimit. */
export const MaxInt32 = 2147483647;

// ---- defaulted views of the spec (SetDefaults_Deployment) ----

export type StrategyType = 'RollingUpdate' | 'Recreate';

export function strategyTypeOf(d: Deployment): string {
  return d.spec?.strategy?.type ?? 'RollingUpdate';
}

/**
 * The rolling-update parameters as the API server stores them: a RollingUpdate deployment without
 * them gets 25%/25% (apps/v1 defaulting). ResolveFenceposts itself treats a missing value as 0.
 */
export function rollingUpdateOf(d: Deployment): {
  maxSurge?: number | string;
  maxUnavailable?: number | string;
} {
  const ru = d.spec?.strategy?.rollingUpdate;
  return { maxSurge: ru?.maxSurge ?? '25%', maxUnavailable: ru?.maxUnavailable ?? '25%' };
}

// ---- conditions ----

/** NewDeploymentCondition: both times are "now" (second precision, as stored). */
export function newDeploymentCondition(
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
  nowMs: number,
): DeploymentCondition {
  const now = timestampOf(nowMs);
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export function getDeploymentCondition(
  status: DeploymentStatus | undefined,
  type: string,
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: same type, status and reason → no change at all; same status → keep
 * lastTransitionTime; the new condition goes to the end of the list.
 */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getDeploymentCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...filterOutCondition(status.conditions, condition.type), next];
}

export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  const rest = filterOutCondition(status.conditions, type);
  if (rest.length > 0) status.conditions = rest;
  else delete status.conditions;
}

function filterOutCondition(
  conditions: DeploymentCondition[] | undefined,
  type: string,
): DeploymentCondition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

/** ReplicaSetToDeploymentCondition: promotes a ReplicaFailure into the Deployment's conditions. */
export function replicaSetToDeploymentCondition(cond: ReplicaSetCondition): DeploymentCondition {
  return {
    type: cond.type,
    status: cond.status,
    lastTransitionTime: cond.lastTransitionTime,
    lastUpdateTime: cond.lastTransitionTime,
    reason: cond.reason,
    message: cond.message,
  };
}

// ---- revisions ----

export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const annotations = (d.metadata.annotations ??= {});
  if (annotations[RevisionAnnotation] === revision) return false;
  annotations[RevisionAnnotation] = revision;
  return true;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Go's strconv.ParseInt(s, 10, 64), as far as revisions need it: a bigint, since revisions are
 * int64 upstream and the conformance tests use ones beyond 2^53.
 */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/**
 * Revision: the revision annotation as a number; 0 when absent. Throws on a value that is not an
 * integer, as upstream returns an error (callers skip such ReplicaSets).
 */
export function revision(obj: { metadata: { annotations?: Record<string, string> } }): bigint {
  const v = obj.metadata.annotations?.[RevisionAnnotation];
  if (v === undefined) return 0n;
  const n = parseInt64(v);
  if (n === undefined) {
    const why = /^[+-]?\d+$/.test(v) ? 'value out of range' : 'invalid syntax';
    throw new Error(`strconv.ParseInt: parsing "${v}": ${why}`);
  }
  return n;
}

function revisionOrUndefined(rs: ReplicaSet): bigint | undefined {
  try {
    return revision(rs);
  } catch {
    return undefined;
  }
}

/** MaxRevision: the highest revision among the ReplicaSets (unparsable ones skipped). */
export function maxRevision(rss: ReadonlyArray<ReplicaSet | undefined>): bigint {
  let max = 0n;
  for (const rs of rss) {
    if (!rs) continue;
    const v = revisionOrUndefined(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/** LastRevision: the second-highest revision (what `rollout undo` goes back to). */
export function lastRevision(rss: ReadonlyArray<ReplicaSet | undefined>): bigint {
  let max = 0n;
  let secMax = 0n;
  for (const rs of rss) {
    if (!rs) continue;
    const v = revisionOrUndefined(rs);
    if (v === undefined) continue;
    if (v >= max) {
      secMax = max;
      max = v;
    } else if (v > secMax) {
      secMax = v;
    }
  }
  return secMax;
}

/**
 * SetNewReplicaSetAnnotations: copies the Deployment's annotations, raises the revision to
 * `newRevision` if it is lower (appending the old one to revision-history when the ReplicaSet is
 * being reused: a rollback), and on creation sets the replica annotations.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: string,
  exists: boolean,
  revHistoryLimitInChars: number,
): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const annotations = (rs.metadata.annotations ??= {});
  const hadRevision = Object.hasOwn(annotations, RevisionAnnotation);
  const oldRevision = annotations[RevisionAnnotation] ?? '';
  let oldRevisionInt = parseInt64(oldRevision);
  if (oldRevisionInt === undefined) {
    if (oldRevision !== '') return false;
    oldRevisionInt = 0n;
  }
  const newRevisionInt = parseInt64(newRevision);
  if (newRevisionInt === undefined) return false;
  if (oldRevisionInt < newRevisionInt) {
    annotations[RevisionAnnotation] = newRevision;
    changed = true;
  }
  if (hadRevision && oldRevisionInt < newRevisionInt) {
    const history = annotations[RevisionHistoryAnnotation] ?? '';
    const oldRevisions = history.split(',');
    if (oldRevisions[0]!.length === 0) {
      annotations[RevisionHistoryAnnotation] = oldRevision;
    } else {
      let totalLen = history.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > revHistoryLimitInChars && start < oldRevisions.length) {
        totalLen = totalLen - oldRevisions[start]!.length - 1;
        start++;
      }
      if (totalLen <= revHistoryLimitInChars) {
        annotations[RevisionHistoryAnnotation] = [...oldRevisions.slice(start), oldRevision].join(',');
      }
    }
  }
  const replicas = replicasOf(d);
  if (!exists && setReplicasAnnotations(rs, replicas, replicas + maxSurge(d))) changed = true;
  return changed;
}

const annotationsToSkip = new Set([
  LastAppliedConfigAnnotation,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  DesiredReplicasAnnotation,
  MaxReplicasAnnotation,
  DeprecatedRollbackTo,
]);

/** skipCopyAnnotation: the annotations that belong to the Deployment or the ReplicaSet alone. */
export function skipCopyAnnotation(key: string): boolean {
  return annotationsToSkip.has(key);
}

/** Copies the Deployment's annotations (but the skip-list) onto the ReplicaSet; never removes. */
export function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSet): boolean {
  let changed = false;
  const annotations = (rs.metadata.annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || (Object.hasOwn(annotations, k) && annotations[k] === v)) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/** SetDeploymentAnnotationsTo: on rollback the Deployment takes the target ReplicaSet's annotations. */
export function setDeploymentAnnotationsTo(d: Deployment, rollbackToRS: ReplicaSet): void {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(k)) kept[k] = v;
  for (const [k, v] of Object.entries(rollbackToRS.metadata.annotations ?? {})) {
    if (!skipCopyAnnotation(k)) kept[k] = v;
  }
  d.metadata.annotations = kept;
}

// ---- replica annotations ----

function intFromAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number(v);
}

export function getDesiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intFromAnnotation(rs, DesiredReplicasAnnotation);
}

export function getMaxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intFromAnnotation(rs, MaxReplicasAnnotation);
}

export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let updated = false;
  if (annotations[DesiredReplicasAnnotation] !== String(desired)) {
    annotations[DesiredReplicasAnnotation] = String(desired);
    updated = true;
  }
  if (annotations[MaxReplicasAnnotation] !== String(max)) {
    annotations[MaxReplicasAnnotation] = String(max);
    updated = true;
  }
  return updated;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = rs.metadata.annotations;
  if (!annotations) return true;
  return (
    annotations[DesiredReplicasAnnotation] !== String(desired) ||
    annotations[MaxReplicasAnnotation] !== String(max)
  );
}

// ---- fenceposts ----

/**
 * intstr.GetScaledValueFromIntOrPercent: an integer as given, or `pct * total / 100` rounded up
 * (surge) or down (unavailable).
 */
export function getScaledValueFromIntOrPercent(
  value: number | string,
  total: number,
  roundUp: boolean,
): number {
  if (typeof value === 'number') return value;
  if (!value.endsWith('%')) {
    throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  }
  const digits = value.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) {
    throw new Error(`invalid value "${value}": strconv.Atoi: parsing "${digits}": invalid syntax`);
  }
  const scaled = (Number(digits) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down; a missing value counts as 0; if
 * both come out 0, unavailable becomes 1 (e.g. 1% of 2), so a rollout can always make progress.
 */
export function resolveFenceposts(
  maxSurgeValue: number | string | undefined,
  maxUnavailableValue: number | string | undefined,
  desired: number,
): [surge: number, unavailable: number] {
  const surge = getScaledValueFromIntOrPercent(maxSurgeValue ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailableValue ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function isRollingUpdate(d: Deployment): boolean {
  return strategyTypeOf(d) === 'RollingUpdate';
}

/** MaxUnavailable: 0 for Recreate or 0 replicas; never more than spec.replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const [, unavailable] = fenceposts(d);
  return Math.min(unavailable, replicas);
}

/** MinAvailable: spec.replicas - MaxUnavailable, or 0 for Recreate. */
export function minAvailable(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return replicasOf(d) - maxUnavailable(d);
}

/** MaxSurge: 0 for Recreate; not capped. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return fenceposts(d)[0];
}

/** The Deployment's fenceposts; an invalid value (validation rejects those) counts as 0, as upstream ignores the error. */
function fenceposts(d: Deployment): [number, number] {
  const ru = rollingUpdateOf(d);
  try {
    return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d));
  } catch {
    return [0, 0];
  }
}

// ---- proportional scaling ----

/** integer.RoundToInt32: math.Round, half away from zero. */
function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * GetProportion: how many replicas this ReplicaSet gets of `toAdd` (negative when scaling down),
 * bounded by what is left to hand out.
 */
export function getProportion(
  rs: ReplicaSet | undefined,
  d: Deployment,
  toAdd: number,
  added: number,
): number {
  if (!rs || replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/**
 * getReplicaSetFraction: `round(spec(rs) * (spec(d) + maxSurge) / maxReplicasAnnotation) - spec(rs)`.
 * Scaling to 0 takes the whole ReplicaSet. A missing, 0 or invalid max-replicas annotation falls
 * back to the Deployment's status.replicas, and to no change at all when that is 0 too (the
 * newer upstream guard against dividing by zero).
 */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const rsReplicas = replicasOf(rs);
  if (replicasOf(d) === 0) return -rsReplicas;
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  let annotated = getMaxReplicasAnnotation(rs);
  if (annotated === undefined || annotated <= 0) annotated = d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  return roundHalfAwayFromZero((rsReplicas * deploymentReplicas) / annotated) - rsReplicas;
}

// ---- new and old ReplicaSets ----

function withoutHashLabel(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const t = template ?? {};
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[DefaultDeploymentUniqueLabelKey];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/**
 * EqualIgnoreHash: two pod templates are the same revision if they are semantically equal once
 * the pod-template-hash label is removed from both.
 */
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  return deepEqual(normalizeEmpty(withoutHashLabel(t1)), normalizeEmpty(withoutHashLabel(t2)));
}

/** Semantic equality treats an empty map or list like an absent one (as Go's nil vs empty does). */
function normalizeEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(normalizeEmpty);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const n = normalizeEmpty(v);
    if (n !== undefined) out[k] = n;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's, ignoring the hash. */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  const sorted = [...rsList].sort(compareByCreationTimestamp);
  return sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/**
 * FindOldReplicaSets: every ReplicaSet but the new one; the first list keeps only those with
 * replicas (spec.replicas > 0), the second is all of them. Both in creation order: upstream's
 * FindNewReplicaSet sorts the list it is given in place, and this walks that sorted list.
 */
export function findOldReplicaSets(
  d: Deployment,
  rsList: readonly ReplicaSet[],
): [required: ReplicaSet[], all: ReplicaSet[]] {
  const sorted = [...rsList].sort(compareByCreationTimestamp);
  const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  const all: ReplicaSet[] = [];
  const required: ReplicaSet[] = [];
  for (const rs of sorted) {
    if (newRS && rs.metadata.uid === newRS.metadata.uid) continue;
    all.push(rs);
    if (replicasOf(rs) !== 0) required.push(rs);
  }
  return [required, all];
}

/** FindActiveOrLatest: the one active ReplicaSet (or the newest if none is active); none if several are. */
export function findActiveOrLatest(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => compareByCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** SetFromReplicaSetTemplate: the Deployment's template becomes the ReplicaSet's, minus the hash label. */
export function setFromReplicaSetTemplate(d: Deployment, template: PodTemplateSpec): Deployment {
  d.spec!.template = withoutHashLabel(clone(template));
  return d;
}

/**
 * ListReplicaSets: the ReplicaSets the Deployment selects and controls (no adoption; only the
 * controller adopts). `candidates` are the ReplicaSets of the Deployment's namespace.
 */
export function listReplicaSets(d: Deployment, candidates: readonly ReplicaSet[]): ReplicaSet[] {
  const selector = selectorFromLabelSelector(d.spec?.selector);
  return candidates.filter(
    (rs) =>
      rs.metadata.namespace === d.metadata.namespace &&
      selector.matches(rs.metadata.labels) &&
      controllerRefOf(rs)?.uid === d.metadata.uid,
  );
}

// ---- counting ----

export function getReplicaCountForReplicaSets(rss: ReadonlyArray<ReplicaSet | undefined>): number {
  return rss.reduce((sum, rs) => sum + (rs ? replicasOf(rs) : 0), 0);
}

export function getActualReplicaCountForReplicaSets(rss: ReadonlyArray<ReplicaSet | undefined>): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.replicas ?? 0), 0);
}

export function getReadyReplicaCountForReplicaSets(rss: ReadonlyArray<ReplicaSet | undefined>): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.readyReplicas ?? 0), 0);
}

export function getAvailableReplicaCountForReplicaSets(rss: ReadonlyArray<ReplicaSet | undefined>): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.availableReplicas ?? 0), 0);
}

// ---- completeness, progress, deadline ----

/** DeploymentComplete: every desired replica updated and available, no old ones, spec observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus | undefined): boolean {
  const replicas = replicasOf(d);
  return (
    (status?.updatedReplicas ?? 0) === replicas &&
    (status?.replicas ?? 0) === replicas &&
    (status?.availableReplicas ?? 0) === replicas &&
    (status?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/**
 * DeploymentProgressing: comparing the Deployment's current status with the new one, more
 * updated, fewer old, more ready or more available replicas is progress.
 */
export function deploymentProgressing(d: Deployment, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (
    (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * DeploymentTimedOut: the Progressing condition already says ProgressDeadlineExceeded, or it was
 * last updated more than progressDeadlineSeconds ago (strictly) and the rollout is not complete.
 */
export function deploymentTimedOut(d: Deployment, newStatus: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getDeploymentCondition(newStatus, DeploymentProgressing);
  if (!condition) return false;
  if (condition.reason === NewRSAvailableReason) return false;
  if (condition.reason === TimedOutReason) return true;
  const from = timeOf(condition.lastUpdateTime);
  return from + d.spec!.progressDeadlineSeconds! * 1000 < nowMs;
}

/**
 * NewRSNewReplicas: the size of the new ReplicaSet for this step of the rollout. Rolling: grow
 * by what the surge allows (ceil, without the both-zero rule), never past spec.replicas.
 * Recreate: spec.replicas at once.
 */
export function newRSNewReplicas(
  d: Deployment,
  allRSs: ReadonlyArray<ReplicaSet | undefined>,
  newRS: ReplicaSet,
): number {
  const replicas = replicasOf(d);
  switch (strategyTypeOf(d)) {
    case 'RollingUpdate': {
      const surge = getScaledValueFromIntOrPercent(rollingUpdateOf(d).maxSurge ?? 0, replicas, true);
      const current = getReplicaCountForReplicaSets(allRSs);
      const maxTotal = replicas + surge;
      if (current >= maxTotal) return replicasOf(newRS);
      const scaleUp = Math.min(maxTotal - current, replicas - replicasOf(newRS));
      return replicasOf(newRS) + scaleUp;
    }
    case 'Recreate':
      return replicas;
    default:
      throw new Error(`deployment type ${strategyTypeOf(d)} isn't supported`);
  }
}

/**
 * IsSaturated: the new ReplicaSet holds all desired replicas, believes so itself (desired-replicas
 * annotation) and all of them are available.
 */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = getDesiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const replicas = replicasOf(d);
  return (
    replicasOf(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas
  );
}

/** HasProgressDeadline: set and not MaxInt32. */
export function hasProgressDeadline(d: Deployment): boolean {
  const pds = d.spec?.progressDeadlineSeconds;
  return pds !== undefined && pds !== null && pds !== MaxInt32;
}

/** HasRevisionHistoryLimit: set and not MaxInt32 (0 keeps nothing). */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const limit = d.spec?.revisionHistoryLimit;
  return limit !== undefined && limit !== null && limit !== MaxInt32;
}

/**
 * GetDeploymentsForReplicaSet: the Deployments of the ReplicaSet's namespace whose (non-empty)
 * selector matches its labels. Only the one named in its controllerRef really manages it.
 */
export function getDeploymentsForReplicaSet(
  deployments: readonly Deployment[],
  rs: ReplicaSet,
): Deployment[] {
  const labels = rs.metadata.labels ?? {};
  if (Object.keys(labels).length === 0) return [];
  return deployments.filter((d) => {
    if (d.metadata.namespace !== rs.metadata.namespace) return false;
    // A nil or empty selector matches nothing here, never everything.
    const selector = selectorFromLabelSelector(d.spec?.selector);
    return !selector.empty && selector.matches(labels);
  });
}

/** ReplicaSetsByRevision: by revision, oldest first; ties and unparsable revisions by creation. */
export function compareByRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOrUndefined(a);
  const rb = revisionOrUndefined(b);
  if (ra === undefined || rb === undefined || ra === rb) return compareByCreationTimestamp(a, b);
  return ra < rb ? -1 : 1;
}

/** The time of a condition's lastUpdateTime in simulated ms (undefined when unset). */
export function conditionUpdateTime(cond: DeploymentCondition | undefined): number | undefined {
  return simTimeOf(cond?.lastUpdateTime);
}
