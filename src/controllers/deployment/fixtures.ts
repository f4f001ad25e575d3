/**
 * Object builders for the unit tests, ported from upstream's test helpers (newDeployment, rs,
 * newRSWithStatus, generateDeployment, generateRS), so the ported tables read like the originals.
 */
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { timestampOf } from '../../store/time.js';

let uidCounter = 0;
export function newUid(): string {
  uidCounter++;
  return `00000000-0000-4000-8000-${uidCounter.toString().padStart(12, '0')}`;
}

/** newDeployment: RollingUpdate with maxSurge and maxUnavailable 0 unless given. */
export function newDeployment(
  name: string,
  replicas: number,
  revisionHistoryLimit?: number,
  maxSurge?: number | string,
  maxUnavailable?: number | string,
  selector?: Record<string, string>,
): Deployment {
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { uid: newUid(), name, namespace: 'default', annotations: {}, generation: 0 },
    spec: {
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: maxUnavailable ?? 0, maxSurge: maxSurge ?? 0 },
      },
      replicas,
      selector: { matchLabels: selector ? { ...selector } : undefined },
      template: {
        metadata: { labels: selector ? { ...selector } : undefined },
        spec: { containers: [{ name: '', image: 'foo/bar' }] },
      },
    },
  };
  if (revisionHistoryLimit !== undefined) d.spec!.revisionHistoryLimit = revisionHistoryLimit;
  return clone(d);
}

/** rs: a bare ReplicaSet of a size, created at `createdMs` (undefined: the zero time). */
export function rs(
  name: string,
  replicas: number,
  selector?: Record<string, string>,
  createdMs?: number,
): ReplicaSet {
  return clone({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: newUid(),
      creationTimestamp: createdMs === undefined ? undefined : timestampOf(createdMs),
    },
    spec: { replicas, selector: { matchLabels: selector }, template: {} },
  });
}

export function newRSWithStatus(
  name: string,
  specReplicas: number,
  statusReplicas: number,
  selector?: Record<string, string>,
): ReplicaSet {
  const r = rs(name, specReplicas, selector);
  r.status = { replicas: statusReplicas };
  return r;
}

/** newRSWithAvailable (progress_test.go) */
export function newRSWithAvailable(
  name: string,
  specReplicas: number,
  statusReplicas: number,
  available: number,
) {
  const r = rs(name, specReplicas);
  r.status = { replicas: statusReplicas, availableReplicas: available };
  return r;
}

/** generateDeployment (deployment_util_test.go): one container named after the image. */
export function generateDeployment(image: string): Deployment {
  const podLabels = { name: image };
  return clone({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: image, namespace: 'default', uid: newUid(), annotations: {} },
    spec: {
      replicas: 1,
      selector: { matchLabels: podLabels },
      template: {
        metadata: { labels: podLabels },
        spec: {
          containers: [
            { name: image, image, imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log' },
          ],
          dnsPolicy: 'ClusterFirst',
          terminationGracePeriodSeconds: 30,
          restartPolicy: 'Always',
          securityContext: {},
          enableServiceLinks: true,
        },
      },
    },
  });
}

/** generateRS: a ReplicaSet with the Deployment's template, controlled by it. */
export function generateRS(d: Deployment): ReplicaSet {
  const template = clone(d.spec!.template);
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      uid: newUid(),
      name: `replicaset${newUid().slice(-5)}`,
      namespace: 'default',
      labels: { ...(template.metadata?.labels ?? {}) },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: d.metadata.name,
          uid: d.metadata.uid!,
          controller: true,
        },
      ],
    },
    spec: { replicas: 0, template, selector: { matchLabels: { ...(template.metadata?.labels ?? {}) } } },
  };
}
