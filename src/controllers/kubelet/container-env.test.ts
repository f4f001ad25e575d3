import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container, Pod } from '../../api/types.js';
import { containerEnvironment, type EnvSources, fieldRefValue, resourceFieldValue } from './container-env.js';

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-0',
    namespace: 'shop',
    uid: '1234',
    labels: { app: 'web', tier: 'front' },
    annotations: { note: 'say "hi"' },
  },
  spec: { nodeName: 'node-2', serviceAccountName: 'default', containers: [{ name: 'c', image: 'busybox' }] },
};

const sources: EnvSources = {
  pod,
  podIPs: ['10.244.1.7'],
  hostIP: '172.18.0.3',
  services: [
    { name: 'KUBERNETES_SERVICE_HOST', value: '10.96.0.1' },
    { name: 'WEB_SERVICE_HOST', value: '10.96.0.20' },
  ],
  allocatable: { cpuMilli: 4000, memoryBytes: 8 * 1024 ** 3 },
};

function env(container: Partial<Container>): ReturnType<typeof containerEnvironment> {
  return containerEnvironment({ name: 'c', ...container }, sources);
}

describe('the container environment (makeEnvironmentVariables)', () => {
  it('keeps declaration order, expands against earlier variables and Services, then adds the Services', () => {
    const result = env({
      env: [
        { name: 'A', value: 'x' },
        { name: 'B', value: '$(A)-$(WEB_SERVICE_HOST)-$(C)-$$(A)' },
        { name: 'C', value: 'late' },
        { name: 'WEB_SERVICE_HOST', value: 'mine' },
      ],
    });
    expect(result).to.deep.equal({
      ok: true,
      env: [
        ['A', 'x'],
        ['B', 'x-10.96.0.20-$(C)-$(A)'],
        ['C', 'late'],
        ['WEB_SERVICE_HOST', 'mine'],
        ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
      ],
    });
  });

  it('resolves the downward API fields', () => {
    const table: ReadonlyArray<[string, string]> = [
      ['metadata.name', 'web-0'],
      ['metadata.namespace', 'shop'],
      ['metadata.uid', '1234'],
      ["metadata.labels['app']", 'web'],
      ["metadata.annotations['note']", 'say "hi"'],
      ["metadata.labels['missing']", ''],
      ['metadata.labels', 'app="web"\ntier="front"'],
      ['spec.nodeName', 'node-2'],
      ['spec.serviceAccountName', 'default'],
      ['status.hostIP', '172.18.0.3'],
      ['status.podIP', '10.244.1.7'],
      ['status.podIPs', '10.244.1.7'],
    ];
    for (const [path, value] of table) expect(fieldRefValue(path, sources), path).to.equal(value);
    expect(fieldRefValue('spec.containers', sources)).to.equal(undefined);
  });

  it('resolves resourceFieldRef, defaulting unset limits to the node allocatable', () => {
    const c: Container = {
      name: 'c',
      resources: { limits: { cpu: '250m', memory: '64Mi' }, requests: { cpu: '100m' } },
    };
    expect(resourceFieldValue('limits.cpu', undefined, c, sources)).to.equal('1');
    expect(resourceFieldValue('limits.cpu', '1m', c, sources)).to.equal('250');
    expect(resourceFieldValue('limits.memory', '1Mi', c, sources)).to.equal('64');
    expect(resourceFieldValue('requests.cpu', '1m', c, sources)).to.equal('100');
    expect(resourceFieldValue('limits.memory', undefined, { name: 'd' }, sources)).to.equal(
      String(8 * 1024 ** 3),
    );
    expect(resourceFieldValue('limits.cpu', undefined, { name: 'd' }, sources)).to.equal('4');
  });

  it('fails like the kubelet for ConfigMaps and Secrets (kubesim has none), unless optional', () => {
    expect(
      env({ env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }] }),
    ).to.deep.equal({
      ok: false,
      message: 'configmap "cfg" not found',
    });
    expect(env({ envFrom: [{ secretRef: { name: 'creds' } }] })).to.deep.equal({
      ok: false,
      message: 'secret "creds" not found',
    });
    const optional = env({
      env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } }],
    });
    expect(optional.ok && optional.env.map(([k]) => k)).to.deep.equal([
      'KUBERNETES_SERVICE_HOST',
      'WEB_SERVICE_HOST',
    ]);
  });
});
