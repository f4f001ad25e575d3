/**
 * Which kinds the rollout helpers serve, and kubectl's errors for the others
 * (polymorphichelpers StatusViewerFor / HistoryViewerFor / RollbackerFor and the
 * apps.GroupKindElement visitor in k8s.io/kubectl/pkg/apps/kind_visitor.go). kubesim serves
 * Deployments; DaemonSets and StatefulSets do not exist in it.
 */
import type { ResourceType } from '../../api/resources.js';
import { CliError } from '../errors.js';

/** schema.GroupKind.String(): `ReplicaSet.apps`, `Pod`. */
export function groupKindString(type: ResourceType): string {
  return type.group ? `${type.kind}.${type.group}` : type.kind;
}

/** The kinds the visitor knows (and has no rollout helper for, apart from Deployment). */
function visitorKnows(type: ResourceType): boolean {
  const g = type.group;
  switch (type.kind as string) {
    case 'Deployment':
    case 'ReplicaSet':
      return g === 'apps' || g === 'extensions';
    case 'Pod':
    case 'ReplicationController':
      return g === '' || g === 'core';
    default:
      return false;
  }
}

/** `%v` of an apps.GroupKindElement (a struct without a String method): `{ Service}`. */
function groupKindElement(type: ResourceType): string {
  return `{${type.group} ${type.kind}}`;
}

/** StatusViewerFor: only Deployments have a status viewer in kubesim. */
export function requireStatusViewer(type: ResourceType): void {
  if (type.kind !== 'Deployment') {
    throw new CliError(`no status viewer has been implemented for ${groupKindString(type)}`);
  }
}

/** HistoryViewerFor / RollbackerFor: `what` is `history viewer` or `rollbacker`. */
export function requireVisitorHelper(type: ResourceType, what: 'history viewer' | 'rollbacker'): void {
  if (type.kind === 'Deployment') return;
  const name = JSON.stringify(groupKindString(type));
  if (!visitorKnows(type)) {
    const verb = what === 'history viewer' ? 'history' : 'rollbacker';
    throw new CliError(
      `error retrieving ${verb} for ${name}, no visitor method exists for ${groupKindElement(type)}`,
    );
  }
  throw new CliError(`no ${what} has been implemented for ${name}`);
}
