/** ReplicaSetDescriber (describe.go describeReplicaSet) with getPodStatusForController. */
import { selectorFromLabelSelector } from '../../api/labels.js';
import type { KubeObject, LabelSelector, ReplicaSet } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import type { DescribeContext } from './context.js';
import { describeEvents, searchEvents, targetOf } from './events.js';
import {
  controllerOf,
  formatLabelSelector,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './format.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer.js';

/** Phases of the pods the selector matches and the controller (by uid) controls. */
export function podStatusForController(
  store: Store,
  namespace: string | undefined,
  selector: LabelSelector | undefined,
  uid: string | undefined,
): { running: number; waiting: number; succeeded: number; failed: number } {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of store.list('Pod', namespace, selectorFromLabelSelector(selector))) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.uid !== uid) continue;
    switch (pod.status?.phase) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}

export function describeReplicaSet(obj: KubeObject, ctx: DescribeContext): string {
  const rs = obj as ReplicaSet;
  const pods = podStatusForController(ctx.store, rs.metadata.namespace, rs.spec?.selector, rs.metadata.uid);
  const events = ctx.showEvents ? searchEvents(ctx.events ?? ctx.store, targetOf(rs)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = controllerOf(rs.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(
      LEVEL_0,
      `${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`,
    );
    describePodTemplate(rs.spec?.template, w);
    const conditions = rs.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    describeEvents(events, w, ctx.now);
  });
}
