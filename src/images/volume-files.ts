/**
 * The files the kubelet's volume plugins write into a pod's projected and downwardAPI volumes
 * (pkg/volume/projected, pkg/volume/downwardapi): the service account token, the cluster's CA
 * bundle from the kube-root-ca.crt ConfigMap, and downward API fields. Called once, when the pod's
 * volume is first set up; emptyDir and the other sources stay empty directories.
 *
 * Simplified: the files are written plainly (no `..data` symlink and timestamped directory of
 * the atomic writer); the token is never rotated; kube-root-ca.crt is the only ConfigMap there
 * is (kubesim serves no ConfigMaps or Secrets, so their sources write nothing); a fixed fake CA.
 */
import { podMetadataField } from '../api/fieldpath.js';
import type { Pod } from '../api/types.js';
import { Random, seedFrom } from '../core/random.js';
import type { Store } from '../store/store.js';
import type { Volume } from './sh/vfs.js';

type Obj = Record<string, unknown>;
type PodVolume = NonNullable<NonNullable<Pod['spec']>['volumes']>[number];

/** 2025-01-01T00:00:00Z, the wall-clock time at simulated 0 (store/time.ts), in Unix seconds. */
const EPOCH_UNIX_SECONDS = 1_735_689_600;
/** serviceaccount.ExpirationExtensionSeconds: the apiserver extends a 3607 s kubelet token to a year. */
const EXTENDED_EXPIRATION_SECONDS = 365 * 24 * 60 * 60;
const ISSUER = 'https://kubernetes.default.svc.cluster.local';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A fixed PEM-looking CA certificate (kubeadm's is 1 KiB of DER), the same in every cluster. */
export const KUBE_ROOT_CA_CRT = ((): string => {
  const random = new Random(seedFrom('kube-root-ca.crt'));
  const body = `MIIDBTCCAe2gAwIBAgII${random.string(1016, BASE64)}`;
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}=\n-----END CERTIFICATE-----\n`;
})();

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * A JWT-looking bound service account token, as the TokenRequest API issues it for a pod: RS256
 * header with the signing key's id, the claims kube-apiserver writes (sorted, as its JSON is), and
 * a signature of random characters. Everything derives from uids the cluster's seed made.
 */
export function serviceAccountToken(
  store: Store,
  pod: Pod,
  nowMs: number,
  expirationSeconds: number,
): string {
  const namespace = pod.metadata.namespace ?? 'default';
  const account = pod.spec?.serviceAccountName || 'default';
  const clusterUid = store.get('Namespace', undefined, 'kube-system')?.metadata.uid ?? '';
  const namespaceUid = store.get('Namespace', undefined, namespace)?.metadata.uid ?? '';
  const nodeName = pod.spec?.nodeName ?? '';
  const nodeUid = nodeName ? (store.get('Node', undefined, nodeName)?.metadata.uid ?? '') : '';
  const random = new Random(seedFrom(`${pod.metadata.uid ?? ''}/token/${nowMs}`));
  const iat = EPOCH_UNIX_SECONDS + Math.floor(nowMs / 1000);
  const kid = new Random(seedFrom(`${clusterUid}/sa-signing-key`)).string(43, BASE64URL);
  const header = { alg: 'RS256', kid };
  const claims = {
    aud: [ISSUER],
    exp: iat + Math.max(expirationSeconds, EXTENDED_EXPIRATION_SECONDS),
    iat,
    iss: ISSUER,
    jti: random.uuid(),
    'kubernetes.io': {
      namespace,
      ...(nodeName ? { node: { name: nodeName, uid: nodeUid } } : {}),
      pod: { name: pod.metadata.name, uid: pod.metadata.uid ?? '' },
      serviceaccount: {
        name: account,
        uid: new Random(seedFrom(`${namespaceUid}/serviceaccount/${account}`)).uuid(),
      },
      warnafter: iat + expirationSeconds,
    },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${account}`,
  };
  // A 2048-bit RSA signature is 256 bytes: 342 base64url characters.
  return `${b64url(header)}.${b64url(claims)}.${random.string(342, BASE64URL)}`;
}

function writeDownwardAPI(volume: Volume, pod: Pod, items: readonly Obj[], defaultMode: number): void {
  for (const item of items) {
    const fieldRef = item.fieldRef as Obj | undefined;
    const value = fieldRef ? podMetadataField(pod, String(fieldRef.fieldPath ?? '')) : undefined;
    if (value !== undefined) volume.writeFile(String(item.path), value, (item.mode as number) ?? defaultMode);
  }
}

export interface VolumeFilesContext {
  readonly store: Store;
  readonly pod: Pod;
  /** Simulated ms now: when the token is issued. */
  readonly now: number;
}

/** Writes the files of a projected or downwardAPI pod volume into `volume`; other sources are left empty. */
export function writeVolumeFiles(volume: Volume, spec: PodVolume, ctx: VolumeFilesContext): void {
  const { pod } = ctx;
  if (spec.downwardAPI) {
    const d = spec.downwardAPI as Obj;
    writeDownwardAPI(volume, pod, (d.items ?? []) as Obj[], (d.defaultMode as number) ?? 0o644);
  }
  const projected = spec.projected as Obj | undefined;
  if (!projected) return;
  const defaultMode = (projected.defaultMode as number) ?? 0o644;
  for (const source of (projected.sources ?? []) as Obj[]) {
    const token = source.serviceAccountToken as Obj | undefined;
    const configMap = source.configMap as Obj | undefined;
    const downward = source.downwardAPI as Obj | undefined;
    if (token) {
      const seconds = (token.expirationSeconds as number) ?? 3600;
      volume.writeFile(
        String(token.path),
        serviceAccountToken(ctx.store, pod, ctx.now, seconds),
        defaultMode,
      );
    } else if (configMap?.name === 'kube-root-ca.crt') {
      const data: Record<string, string> = { 'ca.crt': KUBE_ROOT_CA_CRT };
      const items =
        (configMap.items as Obj[] | undefined) ?? Object.keys(data).map((key): Obj => ({ key, path: key }));
      for (const item of items) {
        const content = data[String(item.key)];
        if (content !== undefined)
          volume.writeFile(String(item.path), content, (item.mode as number) ?? defaultMode);
      }
    } else if (downward) {
      writeDownwardAPI(volume, pod, (downward.items ?? []) as Obj[], defaultMode);
    }
  }
}
