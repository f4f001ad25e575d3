/**
 * deploymentutil.GetAllReplicaSets as kubectl uses it (k8s.io/kubectl/pkg/util/deployment): the
 * ReplicaSets a Deployment selects and controls, split into the new one and the old ones, with the
 * Deployment controller's own pure helpers.
 */
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { findNewReplicaSet, findOldReplicaSets, listReplicaSets } from '../../controllers/deployment/util.js';
import type { Store } from '../../store/store.js';

export interface DeploymentReplicaSets {
  readonly newRS: ReplicaSet | undefined;
  /** Every old ReplicaSet, with or without replicas, oldest first (as describe lists them). */
  readonly allOld: ReplicaSet[];
  /** kubectl's `allRSs`: the old ones, then the new one. */
  readonly all: ReplicaSet[];
}

export function deploymentReplicaSets(store: Store, d: Deployment): DeploymentReplicaSets {
  const rsList = listReplicaSets(d, store.list('ReplicaSet', d.metadata.namespace));
  const newRS = findNewReplicaSet(d, rsList);
  const [, allOld] = findOldReplicaSets(d, rsList);
  return { newRS, allOld, all: newRS ? [...allOld, newRS] : allOld };
}
