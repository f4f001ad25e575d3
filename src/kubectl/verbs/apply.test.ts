import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment } from '../../api/types.js';
import { LAST_APPLIED } from '../apply/last-applied.js';
import { TestCluster } from '../testing.js';

const deployment = (extra = '', container = 'image: nginx:1.25') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:${extra}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        ${container}
        ports:
        - containerPort: 80
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

const getDeployment = (c: TestCluster, ns = 'default') => c.store.get('Deployment', ns, 'web') as Deployment;

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured', () => {
    const c = new TestCluster();
    const manifest = `${deployment()}---\n${service}`;
    expect(c.run('apply -f -', { stdin: manifest })).to.deep.equal({
      stdout: 'deployment.apps/web created\nservice/web created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('apply -f -', { stdin: manifest }).stdout).to.equal(
      'deployment.apps/web unchanged\nservice/web unchanged\n',
    );
    const r = c.run('apply -f -', { stdin: deployment('', 'image: nginx:1.27') });
    expect(r.stdout).to.equal('deployment.apps/web configured\n');
    expect(getDeployment(c).spec!.template.spec!.containers[0]!.image).to.equal('nginx:1.27');
  });

  it('keeps the last-applied configuration as kubectl encodes it', () => {
    const c = new TestCluster();
    c.run('apply -f -', { stdin: service });
    expect(c.store.get('Service', 'default', 'web')!.metadata.annotations![LAST_APPLIED]).to.equal(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"web"}}}\n',
    );
  });

  it('keeps replicas set by kubectl scale when the manifest has none', () => {
    const c = new TestCluster();
    c.run('apply -f -', { stdin: deployment() });
    expect(c.run('scale deployment web --replicas=5').stdout).to.equal('deployment.apps/web scaled\n');
    expect(c.run('apply -f -', { stdin: deployment() }).stdout).to.equal('deployment.apps/web unchanged\n');
    expect(getDeployment(c).spec!.replicas).to.equal(5);
  });

  it('sets replicas back when the manifest names them', () => {
    const c = new TestCluster();
    const manifest = deployment('\n  replicas: 3');
    c.run('apply -f -', { stdin: manifest });
    c.run('scale deploy/web --replicas=5');
    expect(c.run('apply -f -', { stdin: manifest }).stdout).to.equal('deployment.apps/web configured\n');
    expect(getDeployment(c).spec!.replicas).to.equal(3);
  });

  it('removes what the last apply set and this one does not, keeps what others set', () => {
    const c = new TestCluster();
    const withTier = deployment().replace('    app: web\nspec:', '    app: web\n    tier: front\nspec:');
    c.run('apply -f -', { stdin: withTier });
    c.store.mutate('Deployment', 'default', 'web', (d) => {
      d.metadata.labels = { ...d.metadata.labels, owner: 'ops' };
    });
    c.run('apply -f -', { stdin: deployment() });
    expect(getDeployment(c).metadata.labels).to.deep.equal({ app: 'web', owner: 'ops' });
  });

  it('merges containers by name and drops an env var the manifest no longer has', () => {
    const c = new TestCluster();
    const withEnv = deployment(
      '',
      'image: nginx:1.25\n        env:\n        - name: A\n          value: "1"\n        - name: B\n          value: "2"',
    );
    c.run('apply -f -', { stdin: withEnv });
    const withoutB = deployment(
      '',
      'image: nginx:1.25\n        env:\n        - name: A\n          value: "1"',
    );
    expect(c.run('apply -f -', { stdin: withoutB }).stdout).to.equal('deployment.apps/web configured\n');
    expect(getDeployment(c).spec!.template.spec!.containers[0]!.env).to.deep.equal([
      { name: 'A', value: '1' },
    ]);
  });

  it('fills in -n, and refuses an object from another namespace', () => {
    const c = new TestCluster(['default', 'demo']);
    expect(c.run('apply -n demo -f -', { stdin: deployment() }).stdout).to.equal(
      'deployment.apps/web created\n',
    );
    expect(getDeployment(c, 'demo').metadata.namespace).to.equal('demo');
    const other = deployment().replace('  name: web\n', '  name: web\n  namespace: a\n');
    expect(c.run('apply -n demo -f -', { stdin: other })).to.deep.equal({
      stdout: '',
      stderr:
        'error: the namespace from the provided object "a" does not match the namespace "demo". You must pass \'--namespace=a\' to perform this operation.\n',
      exitCode: 1,
    });
  });

  it('reports a missing namespace as the server does, and still applies the other documents', () => {
    const c = new TestCluster();
    const inX = deployment().replace('  name: web\n', '  name: web\n  namespace: x\n');
    expect(c.run('apply -f -', { stdin: `${inX}---\n${service}` })).to.deep.equal({
      stdout: 'service/web created\n',
      stderr: 'Error from server (NotFound): error when creating "STDIN": namespaces "x" not found\n',
      exitCode: 1,
    });
  });

  it('reports unknown fields as the API server does with strict field validation', () => {
    const c = new TestCluster();
    const path = join(mkdtempSync(join(tmpdir(), 'kubesim-')), 'x.yaml');
    writeFileSync(path, deployment('\n  replicaz: 3'));
    const r = c.run('apply -f x.yaml', { resolvePath: () => path });
    expect(r.stderr).to.equal(
      'Error from server (BadRequest): error when creating "x.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicaz"\n',
    );
    expect(r.exitCode).to.equal(1);
    expect(c.store.get('Deployment', 'default', 'web')).to.equal(undefined);
  });

  it('prints an invalid object as CheckErr does', () => {
    const c = new TestCluster();
    const mismatched = deployment().replace(
      '      labels:\n        app: web\n    spec:',
      '      labels:\n        app: x\n    spec:',
    );
    const r = c.run('apply -f -', { stdin: mismatched });
    expect(r.stderr).to.equal(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`\n',
    );
    expect(r.exitCode).to.equal(1);
  });

  it('prints several failures one per line in standard form', () => {
    const c = new TestCluster();
    const inX = deployment().replace('  name: web\n', '  name: web\n  namespace: x\n');
    const svcInY = service.replace('  name: web\n', '  name: web\n  namespace: other\n');
    expect(c.run('apply -f -', { stdin: `${inX}---\n${svcInY}` }).stderr).to.equal(
      'Error from server (NotFound): error when creating "STDIN": namespaces "x" not found\n' +
        'Error from server (NotFound): error when creating "STDIN": namespaces "other" not found\n',
    );
  });

  it('warns about a missing last-applied annotation and patches it in', () => {
    const c = new TestCluster();
    c.run('create -f -', { stdin: service });
    const r = c.run('apply -f -', { stdin: service });
    expect(r.stderr).to.equal(
      'Warning: resource services/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(r.stdout).to.equal('service/web configured\n');
    expect(c.store.get('Service', 'default', 'web')!.metadata.annotations![LAST_APPLIED]).to.be.a('string');
  });

  it('supports --dry-run=client and --dry-run=server without storing anything', () => {
    const c = new TestCluster();
    expect(c.run('apply --dry-run=client -f -', { stdin: service }).stdout).to.equal(
      'service/web created (dry run)\n',
    );
    expect(c.run('apply --dry-run=server -f -', { stdin: service }).stdout).to.equal(
      'service/web created (server dry run)\n',
    );
    expect(c.store.get('Service', 'default', 'web')).to.equal(undefined);
    expect(c.run('apply -f - -o name', { stdin: service }).stdout).to.equal('service/web\n');
  });

  it('needs -f, and a path that exists', () => {
    const c = new TestCluster();
    expect(c.run('apply').stderr).to.equal('error: must specify one of -f and -k\n');
    expect(c.run('apply -f nope.yaml', { resolvePath: (p) => `/nonexistent/${p}` }).stderr).to.equal(
      'error: the path "nope.yaml" does not exist\n',
    );
    expect(c.run('apply -f -', { stdin: '' }).stderr).to.equal('error: no objects passed to apply\n');
  });
});

describe('kubectl apply: files and patch errors', () => {
  it('reads directories and several -f, naming each file in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-'));
    writeFileSync(join(dir, 'b-svc.yaml'), service);
    writeFileSync(join(dir, 'a-deploy.yml'), deployment());
    writeFileSync(join(dir, 'notes.txt'), 'not a manifest');
    const c = new TestCluster();
    const resolvePath = (p: string) => join(dir, p.replace(/^manifests\/?/, ''));
    expect(c.run('apply -f manifests', { resolvePath }).stdout).to.equal(
      'deployment.apps/web created\nservice/web created\n',
    );
    expect(c.run('get -f manifests/b-svc.yaml -o name', { resolvePath }).stdout).to.equal('service/web\n');
    expect(c.run('create -f manifests/b-svc.yaml', { resolvePath }).stderr).to.equal(
      'Error from server (AlreadyExists): error when creating "manifests/b-svc.yaml": services "web" already exists\n',
    );
  });

  it('shows a failed update as CheckErr does, and as "error when applying patch" among several errors', () => {
    const c = new TestCluster();
    c.run('apply -f -', { stdin: deployment() });
    const newSelector = deployment().replaceAll('app: web', 'app: web2');
    const alone = c.run('apply -f -', { stdin: newSelector });
    expect(alone.stderr).to.match(
      /^The Deployment "web" is invalid: spec\.selector: Invalid value: .*: field is immutable\n$/,
    );
    const inX = service.replace('  name: web\n', '  name: web\n  namespace: x\n');
    const two = c.run('apply -f -', { stdin: `${newSelector}---\n${inX}` });
    const lines = two.stderr.split('\n');
    expect(lines[0]).to.equal('Error from server (Invalid): error when applying patch:');
    expect(lines[1]).to.match(
      /^\{"metadata":\{"annotations":\{"kubectl\.kubernetes\.io\/last-applied-configuration":/,
    );
    expect(lines.slice(2, 6)).to.deep.equal([
      'to:',
      'Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"',
      'Name: "web", Namespace: "default"',
      lines[5],
    ]);
    expect(lines[5]).to.match(
      /^for: "STDIN": error when patching "STDIN": Deployment\.apps "web" is invalid: \[?spec\.selector: Invalid value: .*field is immutable/,
    );
    expect(lines[6]).to.equal(
      'Error from server (NotFound): error when creating "STDIN": namespaces "x" not found',
    );
  });
});
