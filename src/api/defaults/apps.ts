/** SetDefaults_Deployment and SetDefaults_ReplicaSet (pkg/apis/apps/v1/defaults.go), plus their templates. */
import type { Deployment, DeploymentSpec, ReplicaSet, ReplicaSetSpec } from '../types.js';
import { defaultPodSpec } from './pod.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function defaultDeployment(d: Deployment): void {
  d.spec ??= {} as DeploymentSpec;
  const spec = d.spec as Mutable<DeploymentSpec>;
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {}) as Mutable<NonNullable<DeploymentSpec['strategy']>>;
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {}) as Record<string, unknown>;
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodSpec(spec.template?.spec);
}

export function defaultReplicaSet(rs: ReplicaSet): void {
  rs.spec ??= {} as ReplicaSetSpec;
  const spec = rs.spec as Mutable<ReplicaSetSpec>;
  spec.replicas ??= 1;
  defaultPodSpec(spec.template?.spec);
}
