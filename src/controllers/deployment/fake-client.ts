/**
 * A DeploymentClient for unit tests, like upstream's fake clientset: writes are recorded as
 * actions and echo their input; reads come from what the test put in.
 */
import type { Deployment, Pod, ReplicaSet } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { alreadyExists } from '../../core/errors.js';
import type { EventType } from '../../sim/events.js';
import type { DeploymentClient } from './client.js';

export interface Action {
  verb: 'create' | 'update' | 'updateStatus' | 'delete';
  resource: 'replicasets' | 'deployments';
  object?: ReplicaSet | Deployment;
  name?: string;
}

export interface RecordedEvent {
  type: EventType;
  reason: string;
  message: string;
}

export class FakeDeploymentClient implements DeploymentClient {
  now = 0;
  readonly actions: Action[] = [];
  readonly events: RecordedEvent[] = [];
  readonly requeues: Array<{ key: string; ms: number }> = [];
  deployments: Deployment[] = [];
  replicaSets: ReplicaSet[] = [];
  pods: Pod[] = [];

  getDeployment(namespace: string, name: string): Deployment | undefined {
    return this.deployments.find((d) => d.metadata.namespace === namespace && d.metadata.name === name);
  }

  listDeployments(namespace: string): Deployment[] {
    return this.deployments.filter((d) => d.metadata.namespace === namespace);
  }

  getReplicaSet(namespace: string, name: string): ReplicaSet | undefined {
    return this.replicaSets.find((rs) => rs.metadata.namespace === namespace && rs.metadata.name === name);
  }

  listReplicaSets(namespace: string): ReplicaSet[] {
    return this.replicaSets.filter((rs) => rs.metadata.namespace === namespace);
  }

  podsControlledBy(rsUid: string): Pod[] {
    return this.pods.filter((p) => p.metadata.ownerReferences?.some((o) => o.controller && o.uid === rsUid));
  }

  createReplicaSet(rs: ReplicaSet): ReplicaSet {
    if (this.getReplicaSet(rs.metadata.namespace!, rs.metadata.name)) {
      throw alreadyExists('replicasets.apps', rs.metadata.name);
    }
    this.actions.push({ verb: 'create', resource: 'replicasets', object: clone(rs) });
    return clone(rs);
  }

  updateReplicaSet(rs: ReplicaSet): ReplicaSet {
    this.actions.push({ verb: 'update', resource: 'replicasets', object: clone(rs) });
    return clone(rs);
  }

  deleteReplicaSet(_namespace: string, name: string): void {
    this.actions.push({ verb: 'delete', resource: 'replicasets', name });
  }

  updateDeployment(d: Deployment): Deployment {
    this.actions.push({ verb: 'update', resource: 'deployments', object: clone(d) });
    return clone(d);
  }

  updateDeploymentStatus(d: Deployment): Deployment {
    this.actions.push({ verb: 'updateStatus', resource: 'deployments', object: clone(d) });
    return clone(d);
  }

  event(_d: Deployment, type: EventType, reason: string, message: string): void {
    this.events.push({ type, reason, message });
  }

  enqueueAfter(d: Deployment, ms: number): void {
    this.requeues.push({ key: `${d.metadata.namespace}/${d.metadata.name}`, ms });
  }

  enqueueRateLimited(d: Deployment): void {
    this.requeues.push({ key: `${d.metadata.namespace}/${d.metadata.name}`, ms: 0 });
  }

  /** The ReplicaSets written by update actions. */
  updatedReplicaSets(): ReplicaSet[] {
    return this.actions
      .filter((a) => a.verb === 'update' && a.resource === 'replicasets')
      .map((a) => a.object as ReplicaSet);
  }
}
