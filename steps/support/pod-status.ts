/** A pod's STATUS column and Ready condition, as `kubectl get pods` and the pod steps read them. */

import { podStatusColumn as kubectlStatusColumn, type Pod } from '../../src/index.js';

/** The STATUS column of `kubectl get pods`, from kubectl's own printer, so the two never disagree. */
export function podStatusColumn(pod: Pod): string {
  return kubectlStatusColumn(pod);
}

/** The pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}
