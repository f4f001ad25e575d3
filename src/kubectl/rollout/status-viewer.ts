/**
 * DeploymentStatusViewer.Status (k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go): one
 * line about a Deployment's rollout and whether it is done. Errors (a pinned revision that is not
 * the running one, an exceeded progress deadline) are thrown as kubectl reports them.
 */

import type { Deployment } from '../../api/types.js';
import {
  DeploymentProgressing,
  getDeploymentCondition,
  revision,
  TimedOutReason,
} from '../../controllers/deployment/util.js';
import { CliError } from '../errors.js';

export interface RolloutStatus {
  /** The text kubectl prints, with its newline. */
  readonly message: string;
  readonly done: boolean;
}

/** `pinnedRevision` 0 means "the latest revision". */
export function deploymentStatus(d: Deployment, pinnedRevision = 0): RolloutStatus {
  const name = JSON.stringify(d.metadata.name);
  if (pinnedRevision > 0) {
    let running: bigint;
    try {
      running = revision(d);
    } catch (e) {
      throw new CliError(`cannot get the revision of deployment ${name}: ${(e as Error).message}`);
    }
    if (BigInt(pinnedRevision) !== running) {
      throw new CliError(
        `desired revision (${pinnedRevision}) is different from the running revision (${running})`,
      );
    }
  }
  const status = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = getDeploymentCondition(status, DeploymentProgressing);
  if (progressing?.reason === TimedOutReason) {
    throw new CliError(`deployment ${name} exceeded its progress deadline`);
  }
  const wanted = d.spec?.replicas;
  const updated = status.updatedReplicas ?? 0;
  const replicas = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const waiting = `Waiting for deployment ${name} rollout to finish: `;
  if (wanted !== undefined && wanted !== null && updated < wanted) {
    return {
      message: `${waiting}${updated} out of ${wanted} new replicas have been updated...\n`,
      done: false,
    };
  }
  if (replicas > updated) {
    return {
      message: `${waiting}${replicas - updated} old replicas are pending termination...\n`,
      done: false,
    };
  }
  if (available < updated) {
    return {
      message: `${waiting}${available} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  }
  return { message: `deployment ${name} successfully rolled out\n`, done: true };
}
