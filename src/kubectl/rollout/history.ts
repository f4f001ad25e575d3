/**
 * DeploymentHistoryViewer (k8s.io/kubectl/pkg/polymorphichelpers/history.go, v1.33): the revisions
 * of a Deployment, one per ReplicaSet revision annotation, with the change-cause each ReplicaSet
 * carries. Two ReplicaSets with the same revision: the later one in kubectl's order wins (a map).
 */
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/types.js';
import { revision } from '../../controllers/deployment/util.js';
import { clone } from '../../core/clone.js';
import type { Store } from '../../store/store.js';
import { CliError } from '../errors.js';
import { printTemplate } from './print-template.js';
import { deploymentReplicaSets } from './replica-sets.js';

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** Column alignment of history.go's tabbedString: tabwriter(minwidth 0, tabwidth 8, padding 2). */
function tabbed(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([first]) => [...first].length)) + 2;
  return rows.map(([a, b]) => `${a}${' '.repeat(width - [...a].length)}${b}\n`).join('');
}

/** GetHistory: the ReplicaSet of each revision (unparsable revisions are skipped). */
export function revisionReplicaSets(store: Store, d: Deployment): Map<bigint, ReplicaSet> {
  const out = new Map<bigint, ReplicaSet>();
  for (const rs of deploymentReplicaSets(store, d).all) {
    let v: bigint;
    try {
      v = revision(rs);
    } catch {
      continue; // kubectl logs a warning (klog) and skips it
    }
    out.set(v, rs);
  }
  return out;
}

/**
 * ViewHistory's text: `No rollout history found.`, the REVISION / CHANGE-CAUSE table, or with a
 * revision the pod template of that revision, its change-cause copied into the template's
 * annotations as kubectl does.
 */
export function viewDeploymentHistory(store: Store, d: Deployment, wanted: number): string {
  const templates = new Map<bigint, PodTemplateSpec>();
  for (const [v, rs] of revisionReplicaSets(store, d)) {
    const template = clone(rs.spec?.template ?? {}) as PodTemplateSpec;
    template.metadata = { ...(template.metadata ?? {}) };
    template.metadata.annotations = { ...(template.metadata.annotations ?? {}) };
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
    if (cause) template.metadata.annotations[CHANGE_CAUSE_ANNOTATION] = cause;
    templates.set(v, template);
  }
  if (templates.size === 0) return 'No rollout history found.';
  if (wanted > 0) {
    const template = templates.get(BigInt(wanted));
    if (!template) throw new CliError('unable to find the specified revision');
    return printTemplate(template);
  }
  const revisions = [...templates.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows: Array<[string, string]> = [['REVISION', 'CHANGE-CAUSE']];
  for (const r of revisions) {
    rows.push([String(r), templates.get(r)!.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>']);
  }
  return tabbed(rows);
}
