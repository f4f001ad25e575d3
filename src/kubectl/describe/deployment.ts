/**
 * DeploymentDescriber (describe.go describeDeployment), with the replica sets found as kubectl's
 * deploymentutil.GetAllReplicaSetsInChunks finds them (rollout/replica-sets.ts): those the
 * Deployment's selector matches and it controls, in creation order; the new one has the
 * Deployment's template (ignoring the pod-template-hash), and OldReplicaSets lists every other
 * one, scaled to zero or not (kubectl 1.33 prints them all, unlike the older output in the docs).
 */

import type { Deployment, KubeObject, ReplicaSet } from '../../api/types.js';
import { deploymentReplicaSets } from '../rollout/replica-sets.js';
import type { DescribeContext } from './context.js';
import { describeEvents, searchEvents, targetOf } from './events.js';
import { intOrString, printAnnotationsMultiline, printLabelsMultiline, selectorString } from './format.js';
import { describePodTemplate } from './pod-template.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer.js';

/** printReplicaSetsByLabels: `name (status/spec replicas created)`, joined, or `<none>`. */
function replicaSetList(rss: readonly ReplicaSet[]): string {
  const list = rss
    .map(
      (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`,
    )
    .join(', ');
  return list || '<none>';
}

export function describeDeployment(obj: KubeObject, ctx: DescribeContext): string {
  const d = obj as Deployment;
  const events = ctx.showEvents ? searchEvents(ctx.events ?? ctx.store, targetOf(d)) : undefined;
  const { allOld: oldRSs, newRS } = deploymentReplicaSets(ctx.store, d);
  const spec = d.spec!;
  const status = d.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) {
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable as number | string | undefined)} max unavailable, ${intOrString(ru.maxSurge as number | string | undefined)} max surge\n`,
      );
    }
    describePodTemplate(spec.template, w);
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
    }
    describeEvents(events, w, ctx.now);
  });
}
