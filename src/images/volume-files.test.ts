import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../api/types.js';
import { SimClock } from '../core/clock.js';
import { Random } from '../core/random.js';
import { tokenVolumeSource } from '../store/admission/service-account.js';
import { Store } from '../store/store.js';
import { Vfs, Volume } from './sh/vfs.js';
import { KUBE_ROOT_CA_CRT, writeVolumeFiles } from './volume-files.js';

const MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

function setup(): { store: Store; pod: Pod } {
  const store = new Store(new SimClock(), new Random(7));
  for (const name of ['kube-system', 'shop'])
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const pod = store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-0', namespace: 'shop', labels: { app: 'web', tier: 'front' } },
    spec: { containers: [{ name: 'c', image: 'busybox' }], serviceAccountName: 'default' },
  } as Pod);
  return { store, pod };
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('volume files', () => {
  it('fills the kube-api-access volume: token, ca.crt and namespace, mounted read-only', () => {
    const { store, pod } = setup();
    const volume = new Volume('kube-api-access-x');
    writeVolumeFiles(
      volume,
      { name: 'kube-api-access-x', projected: tokenVolumeSource() },
      { store, pod, now: 2000 },
    );
    const fs = new Vfs();
    fs.mount(MOUNT, volume, { readOnly: true });
    expect(fs.readdir(MOUNT)).to.deep.equal(['ca.crt', 'namespace', 'token']);
    expect(fs.readFile(`${MOUNT}/namespace`)).to.equal('shop');
    expect(fs.readFile(`${MOUNT}/ca.crt`)).to.equal(KUBE_ROOT_CA_CRT);
    expect(KUBE_ROOT_CA_CRT).to.match(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/,
    );
    expect(fs.stat(`${MOUNT}/token`)?.mode).to.equal(0o644);
    expect(() => fs.writeFile(`${MOUNT}/token`, 'x')).to.throw('Read-only file system');

    const token = fs.readFile(`${MOUNT}/token`);
    const [header, claims, signature] = token.split('.');
    expect(decode(header!).alg).to.equal('RS256');
    const c = decode(claims!);
    expect(c.sub).to.equal('system:serviceaccount:shop:default');
    expect(c.iat).to.equal(1_735_689_602);
    expect(c.exp - c.iat).to.equal(365 * 24 * 3600);
    expect(c['kubernetes.io'].warnafter - c.iat).to.equal(3607);
    expect(c['kubernetes.io'].pod).to.deep.equal({ name: 'web-0', uid: pod.metadata.uid });
    expect(signature).to.match(/^[A-Za-z0-9_-]{342}$/);

    // The same pod at the same time gets the same token: it derives from the seed only.
    const again = new Volume('v');
    writeVolumeFiles(again, { name: 'v', projected: tokenVolumeSource() }, { store, pod, now: 2000 });
    expect(again.readFile('token')).to.equal(token);
  });

  it('writes downwardAPI items as fieldpath.FormatMap does', () => {
    const { store, pod } = setup();
    const volume = new Volume('info');
    writeVolumeFiles(
      volume,
      {
        name: 'info',
        downwardAPI: {
          items: [
            { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
            { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
          ],
        },
      },
      { store, pod, now: 0 },
    );
    expect(volume.readFile('labels')).to.equal('app="web"\ntier="front"');
    expect(volume.readFile('name')).to.equal('web-0');
  });
});
