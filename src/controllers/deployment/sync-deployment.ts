/**
 * syncDeployment (deployment_controller.go): the dispatch, a ladder of early returns.
 *  1. gone → nothing; 2. empty selector → SelectingAll warning; 3. claim ReplicaSets;
 *  4. being deleted → status only; 5. paused/resumed conditions; 6. paused → sync;
 *  7. rollbackTo annotation → rollback; 8. scaling event → sync; 9. Recreate or RollingUpdate.
 */
import { selectorFromLabelSelector } from '../../api/labels.js';
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { getReplicaSetsForDeployment } from './claim.js';
import type { DeploymentClient } from './client.js';
import type { PodMap } from './recreate.js';
import { rolloutRecreate } from './recreate.js';
import { rollback } from './rollback.js';
import { rolloutRolling } from './rolling.js';
import { normalizeDeploymentStatus } from './status.js';
import { checkPausedConditions, getRollbackTo, isScalingEvent, sync, syncStatusOnly } from './sync.js';
import { controllerRefOf, strategyTypeOf } from './util.js';

export function syncDeployment(c: DeploymentClient, namespace: string, name: string): void {
  const stored = c.getDeployment(namespace, name);
  if (!stored) return;
  const d = clone(stored);

  if (selectsEverything(d)) {
    c.event(
      d,
      'Warning',
      'SelectingAll',
      'This deployment is selecting all pods. A non-empty selector is required.',
    );
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      d.status = normalizeDeploymentStatus({
        ...(d.status ?? {}),
        observedGeneration: d.metadata.generation,
      });
      c.updateDeploymentStatus(d);
    }
    return;
  }

  const rsList = getReplicaSetsForDeployment(c, d);

  if (d.metadata.deletionTimestamp) {
    syncStatusOnly(c, d, rsList);
    return;
  }
  // Unknown conditions on pause and resume, so that a resumed Deployment does not time out for
  // the time it spent paused.
  checkPausedConditions(c, d);
  if (d.spec?.paused) {
    sync(c, d, rsList);
    return;
  }
  // rollback is not re-entrant: the rollbackTo annotation is cleared before anything else runs.
  if (getRollbackTo(d)) {
    rollback(c, d, rsList);
    return;
  }
  if (isScalingEvent(c, d, rsList)) {
    sync(c, d, rsList);
    return;
  }
  switch (strategyTypeOf(d)) {
    case 'Recreate':
      rolloutRecreate(c, d, rsList, podMapFor(c, d, rsList));
      return;
    case 'RollingUpdate':
      rolloutRolling(c, d, rsList);
      return;
    default:
      throw new Error(`unexpected deployment strategy type: ${strategyTypeOf(d)}`);
  }
}

/** reflect.DeepEqual(d.Spec.Selector, &metav1.LabelSelector{}) */
function selectsEverything(d: Deployment): boolean {
  const sel = d.spec?.selector;
  if (!sel) return false;
  return Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

/**
 * getPodMapForDeployment: the pods of each claimed ReplicaSet, inactive ones included, because
 * Recreate must see that no old pod is still running. Read from an index by controller uid
 * rather than by listing every pod of the namespace.
 */
export function podMapFor(c: DeploymentClient, d: Deployment, rsList: ReplicaSet[]): PodMap {
  const selector = selectorFromLabelSelector(d.spec?.selector);
  const map: PodMap = new Map();
  for (const rs of rsList) {
    const uid = rs.metadata.uid!;
    map.set(
      uid,
      c
        .podsControlledBy(uid)
        .filter((p) => controllerRefOf(p)?.uid === uid && selector.matches(p.metadata.labels)),
    );
  }
  return map;
}
