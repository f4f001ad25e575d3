/**
 * Test fixtures for the rollout commands: a Deployment and ReplicaSets of its revisions written
 * straight into a TestCluster's store (no controllers run), so each test states the history it
 * reads.
 */
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/types.js';
import type { TestCluster } from '../testing.js';

export interface DeploymentFixture {
  readonly name?: string;
  readonly replicas?: number;
  readonly image?: string;
  readonly annotations?: Record<string, string>;
  readonly paused?: boolean;
}

export function templateFor(image: string, extra: Partial<PodTemplateSpec> = {}): PodTemplateSpec {
  return {
    ...extra,
    metadata: { labels: { app: 'web' }, ...(extra.metadata ?? {}) },
    spec: { containers: [{ name: 'nginx', image }], ...(extra.spec ?? {}) },
  };
}

export function createDeployment(c: TestCluster, f: DeploymentFixture = {}): Deployment {
  return c.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: f.name ?? 'web',
      labels: { app: 'web' },
      ...(f.annotations ? { annotations: f.annotations } : {}),
    },
    spec: {
      replicas: f.replicas ?? 3,
      ...(f.paused ? { paused: true } : {}),
      selector: { matchLabels: { app: 'web' } },
      template: templateFor(f.image ?? 'nginx:1.14.2'),
    },
  });
}

export interface RevisionFixture {
  readonly hash: string;
  readonly revision?: string;
  readonly image?: string;
  readonly template?: PodTemplateSpec;
  readonly annotations?: Record<string, string>;
  readonly replicas?: number;
  /** False: a ReplicaSet that matches the selector but is not controlled by the Deployment. */
  readonly owned?: boolean;
}

/** A ReplicaSet of the Deployment with the pod-template-hash label and revision annotation. */
export function createRevision(c: TestCluster, d: Deployment, f: RevisionFixture): ReplicaSet {
  const template = structuredClone(f.template ?? templateFor(f.image ?? 'nginx:1.14.2'));
  template.metadata = { ...(template.metadata ?? {}) };
  template.metadata.labels = { ...(template.metadata.labels ?? {}), 'pod-template-hash': f.hash };
  const annotations = { ...(f.annotations ?? {}) };
  if (f.revision !== undefined) annotations['deployment.kubernetes.io/revision'] = f.revision;
  return c.create<ReplicaSet>({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${f.hash}`,
      labels: { app: 'web', 'pod-template-hash': f.hash },
      annotations,
      ...(f.owned === false
        ? {}
        : {
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                name: d.metadata.name,
                uid: d.metadata.uid!,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }),
    },
    spec: {
      replicas: f.replicas ?? 0,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': f.hash } },
      template,
    },
  });
}
