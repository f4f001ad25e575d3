import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { SimClock } from '../../core/clock.js';
import { Random } from '../../core/random.js';
import { Store } from '../store.js';
import {
  admitServiceAccount,
  DEFAULT_API_TOKEN_MOUNT_PATH,
  mountServiceAccountToken,
  serviceAccountAdmission,
  tokenVolumeSource,
} from './service-account.js';

/** testGenerateName in admission_test.go. */
const testGenerateName = (prefix: string) => `${prefix}abc123`;
const GENERATED = 'kube-api-access-abc123';
const EXPECTED_MOUNT = { name: GENERATED, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH };

function pod(spec: Partial<NonNullable<Pod['spec']>>, annotations?: Record<string, string>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'myname', namespace: 'myns', ...(annotations ? { annotations } : {}) },
    spec: { containers: [], ...spec },
  } as Pod;
}

describe('ServiceAccount admission (plugin/pkg/admission/serviceaccount)', () => {
  it('TokenVolumeSource: token, CA bundle and namespace, defaultMode 0644', () => {
    expect(tokenVolumeSource()).to.deep.equal({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
    });
  });

  it('TestAutomountsAPIToken: containers and init containers get the volume and the mount', () => {
    for (const key of ['containers', 'initContainers'] as const) {
      const p = pod({ [key]: [{ name: 'c' }] });
      mountServiceAccountToken(p, testGenerateName);
      expect(p.spec!.volumes).to.deep.equal([{ name: GENERATED, projected: tokenVolumeSource() }]);
      expect(p.spec![key]![0]!.volumeMounts).to.deep.equal([EXPECTED_MOUNT]);
    }
  });

  it('TestRespectsExistingMount: a mount at the token path stays, and no volume is added', () => {
    const custom = { name: 'my-custom-mount', readOnly: false, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH };
    for (const key of ['containers', 'initContainers'] as const) {
      const p = pod({ [key]: [{ name: 'c', volumeMounts: [custom] }] });
      admitServiceAccount(p, new Random(1));
      expect(p.spec!.serviceAccountName).to.equal('default');
      expect(p.spec!.volumes ?? []).to.have.length(0);
      expect(p.spec![key]![0]!.volumeMounts).to.deep.equal([custom]);
    }
  });

  it('mounts only into containers without a mount at that path, one shared volume', () => {
    const custom = { name: 'mine', mountPath: DEFAULT_API_TOKEN_MOUNT_PATH };
    const p = pod({
      containers: [
        { name: 'a', volumeMounts: [custom] },
        { name: 'b', volumeMounts: [{ name: 'x', mountPath: '/x' }] },
      ],
      volumes: [{ name: 'x', emptyDir: {} }],
    });
    mountServiceAccountToken(p, testGenerateName);
    expect(p.spec!.containers[0]!.volumeMounts).to.deep.equal([custom]);
    expect(p.spec!.containers[1]!.volumeMounts).to.deep.equal([
      { name: 'x', mountPath: '/x' },
      EXPECTED_MOUNT,
    ]);
    expect(p.spec!.volumes!.map((v) => v.name)).to.deep.equal(['x', GENERATED]);
  });

  it('reinvocation reuses the kube-api-access volume instead of adding another', () => {
    const p = pod({ containers: [{ name: 'c' }] });
    mountServiceAccountToken(p, testGenerateName);
    mountServiceAccountToken(p, () => 'kube-api-access-other');
    expect(p.spec!.volumes).to.have.length(1);
    expect(p.spec!.containers[0]!.volumeMounts).to.deep.equal([EXPECTED_MOUNT]);
  });

  it('shouldAutomount: automountServiceAccountToken false on the pod mounts nothing', () => {
    const p = pod({ automountServiceAccountToken: false, containers: [{ name: 'c' }] });
    admitServiceAccount(p, new Random(1));
    expect(p.spec!.serviceAccountName).to.equal('default');
    expect(p.spec!.volumes).to.equal(undefined);
    expect(p.spec!.containers[0]!.volumeMounts).to.equal(undefined);
  });

  it('TestIgnoresMirrorPod: a mirror pod is left as it is', () => {
    const p = pod({ containers: [{ name: 'c' }] }, { 'kubernetes.io/config.mirror': 'true' });
    admitServiceAccount(p, new Random(1));
    expect(p.spec!.volumes).to.equal(undefined);
  });

  it('in the store: names the volume from the seeded generator on create, never on update', () => {
    const make = (seed: number) => {
      const store = new Store(new SimClock(), new Random(seed));
      store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
      store.addAdmission(serviceAccountAdmission(new Random(seed).fork('service-account')));
      return store;
    };
    const input = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    } as Pod;
    const a = make(1).create(input);
    const b = make(1).create(input);
    const name = a.spec!.volumes![0]!.name;
    expect(name).to.match(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(b.spec!.volumes![0]!.name).to.equal(name);
    expect(a.spec!.containers[0]!.volumeMounts).to.deep.equal([
      { name, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH },
    ]);

    const store = make(2);
    const created = store.create(input);
    const updated = store.mutate('Pod', 'default', 'p', (draft) => {
      draft.metadata.labels = { app: 'x' };
    });
    expect(updated.spec!.volumes).to.deep.equal(created.spec!.volumes);
  });
});
