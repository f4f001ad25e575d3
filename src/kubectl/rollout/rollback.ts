/**
 * DeploymentRollbacker (k8s.io/kubectl/pkg/polymorphichelpers/rollback.go, v1.33): apps/v1
 * rollback is client-side. kubectl finds the ReplicaSet of the wanted revision and sends one JSON
 * patch that replaces /spec/template (the ReplicaSet's template without the pod-template-hash
 * label) and /metadata/annotations (the Deployment's own skip-listed annotations plus the
 * ReplicaSet's others, so the change-cause goes back too). The controller then adopts that
 * ReplicaSet as the new one and gives it the next revision number.
 */
import type { Deployment, ReplicaSet } from '../../api/types.js';
import {
  equalIgnoreHash,
  revision,
  setDeploymentAnnotationsTo,
  setFromReplicaSetTemplate,
} from '../../controllers/deployment/util.js';
import { clone } from '../../core/clone.js';
import type { Store } from '../../store/store.js';
import { CliError } from '../errors.js';
import { printTemplate } from './print-template.js';
import { deploymentReplicaSets } from './replica-sets.js';

export type RollbackDryRun = 'none' | 'client' | 'server';

function revisionNotFound(toRevision: number): CliError {
  return new CliError(`unable to find specified revision ${toRevision} in history`);
}

/** deploymentRevision: the ReplicaSet of `toRevision`, or of the previous revision when it is 0. */
export function deploymentRevision(store: Store, d: Deployment, toRevision: number): ReplicaSet {
  const wanted = BigInt(toRevision);
  let latest: ReplicaSet | undefined;
  let latestRevision = -1n;
  let previous: ReplicaSet | undefined;
  let previousRevision = -1n;
  for (const rs of deploymentReplicaSets(store, d).all) {
    let v: bigint;
    try {
      v = revision(rs);
    } catch {
      continue;
    }
    if (wanted === 0n) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (wanted === v) {
      return rs;
    }
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous)
    throw new CliError(`no rollout history found for deployment ${JSON.stringify(d.metadata.name)}`);
  return previous;
}

/**
 * Rollback: returns the operation kubectl prints after the name (`rolled back`, the skipped
 * message, or with --dry-run=client the target's pod template), or throws kubectl's error.
 */
export function rollbackDeployment(
  store: Store,
  d: Deployment,
  toRevision: number,
  dryRun: RollbackDryRun,
): string {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const target = deploymentRevision(store, d, toRevision);
  if (dryRun === 'client') return printTemplate(target.spec?.template);
  // kubectl v1.26+ (kubernetes PR #111795) names no command: one without -n would not work.
  if (d.spec?.paused) {
    throw new CliError(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  }
  if (equalIgnoreHash(target.spec?.template, d.spec?.template)) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  const patched = clone(d) as Deployment;
  setFromReplicaSetTemplate(patched, target.spec!.template!);
  setDeploymentAnnotationsTo(patched, target);
  if (Object.keys(patched.metadata.annotations ?? {}).length === 0) delete patched.metadata.annotations;
  try {
    store.update(patched, { dryRun: dryRun === 'server' });
  } catch (e) {
    throw new CliError(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
  }
  return 'rolled back';
}
