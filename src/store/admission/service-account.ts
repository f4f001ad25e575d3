/**
 * The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount/admission.go), the part
 * that mutates pods on CREATE: the service account name defaults to `default`, and unless
 * automountServiceAccountToken is false the projected volume `kube-api-access-<5 random chars>`
 * (a bound token, the cluster's CA bundle, the namespace) is added and mounted read-only at
 * /var/run/secrets/kubernetes.io/serviceaccount in every container and init container that does
 * not mount something there already. Updates are never changed.
 *
 * Simplified: kubesim serves no ServiceAccount objects, so every pod's service account is taken
 * to exist with automount unset (on) and no imagePullSecrets; the Validate half (mirror pods,
 * enforce-mountable-secrets) is left out.
 */
import type { Container, KubeObject, Pod } from '../../api/types.js';
import type { FieldError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { AdmissionPlugin } from '../store.js';

export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default';
/** ServiceAccountVolumeName: the prefix of the generated volume's name. */
export const SERVICE_ACCOUNT_VOLUME_NAME = 'kube-api-access';
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: one hour and 7 s, so stale uses can be told apart. */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 3607;
/** kubetypes.ConfigMirrorAnnotationKey: mirror pods are never changed. */
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

type Volume = NonNullable<NonNullable<Pod['spec']>['volumes']>[number];
type VolumeMount = NonNullable<Container['volumeMounts']>[number];

/** TokenVolumeSource: the projected source, defaultMode set explicitly (kubernetes#104464). */
export function tokenVolumeSource(): NonNullable<Volume['projected']> {
  return {
    defaultMode: 0o644,
    sources: [
      { serviceAccountToken: { expirationSeconds: WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
        },
      },
    ],
  };
}

/** shouldAutomount: the pod's preference wins, then the service account's (always unset here). */
function shouldAutomount(pod: Pod): boolean {
  return pod.spec?.automountServiceAccountToken ?? true;
}

/**
 * mountServiceAccountToken: reuses a volume already named `kube-api-access-*` (admission may run
 * twice), else names a new one with `generateName`; adds the mount to every container lacking
 * one at the token path, and the volume only if some container took the mount.
 */
export function mountServiceAccountToken(pod: Pod, generateName: (prefix: string) => string): void {
  const spec = pod.spec;
  if (!spec) return;
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`));
  const volumeName = existing?.name ?? generateName(`${SERVICE_ACCOUNT_VOLUME_NAME}-`);
  const mount: VolumeMount = { name: volumeName, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH };
  let needsVolume = false;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const mounts = (c.volumeMounts ?? []) as VolumeMount[];
    if (mounts.some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) continue;
    (c as { volumeMounts?: VolumeMount[] }).volumeMounts = [...mounts, { ...mount }];
    needsVolume = true;
  }
  if (!existing && needsVolume) {
    (spec as { volumes?: Volume[] }).volumes = [
      ...(spec.volumes ?? []),
      { name: volumeName, projected: tokenVolumeSource() },
    ];
  }
}

/** admit() on pod CREATE; `random` names the volumes as names.SimpleNameGenerator does. */
export function admitServiceAccount(pod: Pod, random: Random): void {
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
  const spec = pod.spec as { serviceAccountName?: string } | undefined;
  if (!spec) return;
  if (!spec.serviceAccountName) spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT_NAME;
  if (shouldAutomount(pod)) mountServiceAccountToken(pod, (prefix) => prefix + random.string(5));
}

/** The plugin for the store; install it in bootstrap with a seeded generator of its own. */
export function serviceAccountAdmission(random: Random): AdmissionPlugin {
  return {
    kind: 'Pod',
    admit(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
      // "we only mutate pods during create requests"
      if (!old) admitServiceAccount(obj as Pod, random);
      return [];
    },
  };
}
