/**
 * getReplicaSetsForDeployment (deployment_controller.go): the ReplicaSets of the Deployment's
 * namespace that it owns after the claim (controller-ref-manager.ts) adopted and released.
 *
 * The store has no patch verb: a patch is applied to the ReplicaSet just listed and written as an
 * update, which is the same while a sync runs without interruption.
 */
import { selectorFromLabelSelector } from '../../api/labels.js';
import type { Deployment, ReplicaSet } from '../../api/types.js';
import {
  applyOwnerRefPatch,
  type GroupVersionKind,
  type OwnerRefPatch,
  ReplicaSetControllerRefManager,
  recheckLiveController,
} from '../controller-ref-manager.js';
import type { DeploymentClient } from './client.js';

/** apps.SchemeGroupVersion.WithKind("Deployment") */
export const controllerKind: GroupVersionKind = { apiVersion: 'apps/v1', kind: 'Deployment' };

export function getReplicaSetsForDeployment(c: DeploymentClient, d: Deployment): ReplicaSet[] {
  const namespace = d.metadata.namespace ?? 'default';
  const canAdopt = recheckLiveController(d, 'deployments.apps', () =>
    c.getDeployment(namespace, d.metadata.name),
  );
  const patchReplicaSet = (rs: ReplicaSet, patch: OwnerRefPatch) =>
    c.updateReplicaSet(applyOwnerRefPatch(rs, patch));
  const selector = selectorFromLabelSelector(d.spec?.selector);
  const cm = new ReplicaSetControllerRefManager(patchReplicaSet, d, selector, controllerKind, canAdopt);
  return cm.claimReplicaSets(c.listReplicaSets(namespace));
}
