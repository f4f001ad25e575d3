/** controllerutil.MarkPodsNotReady (pkg/controller/util/node/controller_utils.go). */
import type { Pod, PodCondition } from '../../api/types.js';
import type { EventRecorder } from '../../sim/events.js';
import type { Store } from '../../store/store.js';
import { NODE_CONTROLLER } from './constants.js';

/**
 * Sets the Ready condition of each pod on the node to False (UpdatePodCondition: only the
 * status and lastTransitionTime change; reason and message stay as they were, usually none) and
 * records a Warning `NodeNotReady` "Node is not ready" for each pod it changed. Pods without a
 * Ready condition, or already not ready, are left alone. Returns the pods it changed.
 */
export function markPodsNotReady(
  store: Store,
  events: EventRecorder,
  pods: readonly Pod[],
  nodeName: string,
  now: string,
): string[] {
  const changed: string[] = [];
  for (const pod of pods) {
    if (pod.spec?.nodeName !== nodeName) continue;
    const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const updated = store.mutateStatus('Pod', pod.metadata.namespace, pod.metadata.name, (draft) => {
      draft.status!.conditions = draft.status!.conditions!.map(
        (c): PodCondition => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c),
      );
    });
    changed.push(pod.metadata.name);
    try {
      events.record(updated, 'Warning', 'NodeNotReady', 'Node is not ready', { component: NODE_CONTROLLER });
    } catch {
      // The namespace is being deleted: the API refuses new events.
    }
  }
  return changed;
}
