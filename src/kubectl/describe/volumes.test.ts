import { describe, it } from 'node:test';
import { expect } from 'chai';
import { describeVolumes } from './volumes.js';
import { tabbedString } from './writer.js';

describe('describe volumes', () => {
  it('prints the common volume sources as describe.go does', () => {
    const out = tabbedString((w) =>
      describeVolumes(
        [
          { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
          { name: 'host', hostPath: { path: '/var/log', type: '' } },
          { name: 'config', configMap: { name: 'app-config', defaultMode: 420 } },
          { name: 'creds', secret: { secretName: 'db', optional: true } },
          { name: 'data', persistentVolumeClaim: { claimName: 'data-0' } },
          {
            name: 'info',
            downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
          },
          {
            name: 'kube-api-access-x7k2p',
            projected: {
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { name: 'kube-root-ca.crt' } },
                { downwardAPI: { items: [] } },
              ],
            },
          },
        ],
        w,
        '',
      ),
    );
    expect(out).to.equal(
      [
        'Volumes:',
        '  cache:',
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:     Memory',
        '    SizeLimit:  64Mi',
        '  host:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/log',
        '    HostPathType:  ',
        '  config:',
        '    Type:      ConfigMap (a volume populated by a ConfigMap)',
        '    Name:      app-config',
        '    Optional:  false',
        '  creds:',
        '    Type:        Secret (a volume populated by a Secret)',
        '    SecretName:  db',
        '    Optional:    true',
        '  data:',
        '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        '    ClaimName:  data-0',
        '    ReadOnly:   false',
        '  info:',
        '    Type:  DownwardAPI (a volume populated by information about the pod)',
        '    Items:',
        '      metadata.labels -> labels',
        '  kube-api-access-x7k2p:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    Optional:                false',
        '    DownwardAPI:             true',
        '',
      ].join('\n'),
    );
    expect(tabbedString((w) => describeVolumes([], w, '  '))).to.equal('  Volumes:  <none>\n');
  });
});
