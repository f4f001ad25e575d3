/**
 * `kubectl get deployments` and `kubectl get replicasets`: printDeployment and printReplicaSet
 * from kubernetes pkg/printers/internalversion/printers.go.
 */
import { selectorFromLabelSelector } from '../../../api/labels.js';
import type { Container, Deployment, LabelSelector, ReplicaSet } from '../../../api/types.js';
import { age, type KindTable } from '../table.js';

/** layoutContainerCells: container names and images, comma-separated. */
export function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** LabelSelectorAsSelector(sel).String(): requirements sorted by key; "" for nil or empty. */
export function selectorString(sel: LabelSelector | undefined): string {
  return selectorFromLabelSelector(sel).toString();
}

/** metav1.FormatLabelSelector: like selectorString, but `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  return selectorString(sel) || '<none>';
}

// The API server defaults spec.replicas to 1; the internal type the printer sees has no nil.
const replicasOf = (spec: { replicas?: number } | undefined): number => spec?.replicas ?? 1;

export const deploymentTable: KindTable<Deployment> = {
  columns: [
    { name: 'Name', isName: true },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  row(d, now) {
    const status = d.status ?? {};
    const [names, images] = containerCells(d.spec?.template?.spec?.containers);
    return [
      d.metadata.name,
      `${status.readyReplicas ?? 0}/${replicasOf(d.spec)}`,
      String(status.updatedReplicas ?? 0),
      String(status.availableReplicas ?? 0),
      age(d.metadata.creationTimestamp, now),
      names,
      images,
      selectorString(d.spec?.selector),
    ];
  },
};

export const replicaSetTable: KindTable<ReplicaSet> = {
  columns: [
    { name: 'Name', isName: true },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  row(rs, now) {
    const status = rs.status ?? { replicas: 0 };
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    return [
      rs.metadata.name,
      String(replicasOf(rs.spec)),
      String(status.replicas ?? 0),
      String(status.readyReplicas ?? 0),
      age(rs.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};
