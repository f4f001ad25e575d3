/**
 * rollback.go: the controller side of the deprecated `rollbackTo` (extensions/v1beta1 and
 * apps/v1beta1), carried on apps/v1 as the `deprecated.deployment.rollback.to` annotation.
 * `kubectl rollout undo` on apps/v1 works client-side instead (it rewrites the template).
 * Either way the target ReplicaSet becomes the new one again and gets revision max+1.
 */
import type { Deployment, ReplicaSet } from '../../api/types.js';
import type { DeploymentClient } from './client.js';
import { getAllReplicaSetsAndSyncRevision, getRollbackTo } from './sync.js';
import {
  DeprecatedRollbackTo,
  equalIgnoreHash,
  lastRevision,
  RollbackDone,
  RollbackRevisionNotFound,
  RollbackTemplateUnchanged,
  revision,
  setDeploymentAnnotationsTo,
  setFromReplicaSetTemplate,
} from './util.js';

/** rollback: revision 0 means the previous one. The rollbackTo annotation is always cleared. */
export function rollback(c: DeploymentClient, d: Deployment, rsList: ReplicaSet[]): void {
  const [newRS, allOldRSs] = getAllReplicaSetsAndSyncRevision(c, d, rsList, true);
  const allRSs = [...allOldRSs, newRS].filter((rs): rs is ReplicaSet => rs !== undefined);
  let target = BigInt(getRollbackTo(d)!.revision);
  if (target === 0n) {
    target = lastRevision(allRSs);
    if (target === 0n) {
      c.event(d, 'Warning', RollbackRevisionNotFound, 'Unable to find last revision.');
      updateDeploymentAndClearRollbackTo(c, d);
      return;
    }
  }
  for (const rs of allRSs) {
    let v: bigint;
    try {
      v = revision(rs);
    } catch {
      continue;
    }
    if (v === target) {
      // Revision numbers move on at the next getAllReplicaSetsAndSyncRevision.
      if (rollbackToTemplate(c, d, rs)) {
        c.event(
          d,
          'Normal',
          RollbackDone,
          `Rolled back deployment "${d.metadata.name}" to revision ${target}`,
        );
      }
      return;
    }
  }
  c.event(d, 'Warning', RollbackRevisionNotFound, 'Unable to find the revision to rollback to.');
  updateDeploymentAndClearRollbackTo(c, d);
}

/**
 * rollbackToTemplate: copy the ReplicaSet's template (without the hash label) and its annotations
 * back to the Deployment, unless the templates already match.
 */
export function rollbackToTemplate(c: DeploymentClient, d: Deployment, rs: ReplicaSet): boolean {
  let performedRollback = false;
  if (!equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
    setFromReplicaSetTemplate(d, rs.spec!.template!);
    // Otherwise the Deployment's current annotations (change-cause…) would be copied onto the
    // ReplicaSet we return to.
    setDeploymentAnnotationsTo(d, rs);
    performedRollback = true;
  } else {
    c.event(
      d,
      'Warning',
      RollbackTemplateUnchanged,
      `The rollback revision contains the same template as current deployment "${d.metadata.name}"`,
    );
  }
  updateDeploymentAndClearRollbackTo(c, d);
  return performedRollback;
}

function updateDeploymentAndClearRollbackTo(c: DeploymentClient, d: Deployment): void {
  if (d.metadata.annotations) delete d.metadata.annotations[DeprecatedRollbackTo];
  c.updateDeployment(d);
}
