/**
 * claimPods (replica_set.go): the pods a ReplicaSet owns after the claim (controller-ref-manager.ts)
 * adopted matching orphans and released those it no longer selects.
 *
 * The store has no patch verb: a patch is applied to the pod just read and written as an update,
 * which is the same while a sync runs without interruption.
 */
import type { Selector } from '../../api/labels.js';
import type { Pod, ReplicaSet } from '../../api/types.js';
import {
  applyOwnerRefPatch,
  type GroupVersionKind,
  type OwnerRefPatch,
  PodControllerRefManager,
  recheckLiveController,
} from '../controller-ref-manager.js';
import type { ReplicaSetEnv } from './env.js';

/** apps.SchemeGroupVersion.WithKind("ReplicaSet"): the kind in the controllerRef of its pods. */
export const controllerKind: GroupVersionKind = { apiVersion: 'apps/v1', kind: 'ReplicaSet' };

export function claimPods(
  env: ReplicaSetEnv,
  rs: ReplicaSet,
  selector: Selector,
  pods: Iterable<Pod>,
): Pod[] {
  const { store } = env.ctx;
  const { namespace, name } = rs.metadata;
  const canAdopt = recheckLiveController(rs, 'replicasets.apps', () =>
    store.get('ReplicaSet', namespace, name),
  );
  const patchPod = (pod: Pod, patch: OwnerRefPatch) => store.update(applyOwnerRefPatch(pod, patch));
  const cm = new PodControllerRefManager(patchPod, rs, selector, controllerKind, canAdopt);
  return cm.claimPods(pods);
}
