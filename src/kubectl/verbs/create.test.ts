import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment } from '../../api/types.js';
import { LAST_APPLIED } from '../apply/last-applied.js';
import { TestCluster } from '../testing.js';
import { containerNameFor } from './create.js';

const pod =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n';

describe('kubectl create', () => {
  it('creates a namespace, and says when it already exists', () => {
    const c = new TestCluster();
    expect(c.run('create namespace demo')).to.deep.equal({
      stdout: 'namespace/demo created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('create ns demo')).to.deep.equal({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): namespaces "demo" already exists\n',
      exitCode: 1,
    });
    expect(c.run('create namespace').stderr).to.equal(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n",
    );
  });

  it('creates from a manifest, naming the source when the object exists', () => {
    const c = new TestCluster();
    expect(c.run('create -f -', { stdin: pod }).stdout).to.equal('pod/web created\n');
    expect(c.store.get('Pod', 'default', 'web')!.metadata.annotations?.[LAST_APPLIED]).to.equal(undefined);
    expect(c.run('create -f -', { stdin: pod })).to.deep.equal({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "STDIN": pods "web" already exists\n',
      exitCode: 1,
    });
  });

  it('keeps the applied configuration with --save-config', () => {
    const c = new TestCluster();
    c.run('create --save-config -f -', { stdin: pod });
    expect(c.store.get('Pod', 'default', 'web')!.metadata.annotations?.[LAST_APPLIED]).to.equal(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"c"}]}}\n',
    );
  });

  it('creates a deployment as kubectl create deployment builds it', () => {
    const c = new TestCluster();
    expect(c.run('create deployment web --image=nginx:1.25 --replicas=2 --port=80').stdout).to.equal(
      'deployment.apps/web created\n',
    );
    const d = c.store.get('Deployment', 'default', 'web') as Deployment;
    expect(d.metadata.labels).to.deep.equal({ app: 'web' });
    expect(d.spec!.replicas).to.equal(2);
    expect(d.spec!.selector).to.deep.equal({ matchLabels: { app: 'web' } });
    expect(d.spec!.template.metadata!.labels).to.deep.equal({ app: 'web' });
    const container = d.spec!.template.spec!.containers[0]!;
    expect([container.name, container.image, container.ports?.[0]?.containerPort]).to.deep.equal([
      'nginx',
      'nginx:1.25',
      80,
    ]);
    expect(c.run('create deployment x').stderr).to.equal('error: required flag(s) "image" not set\n');
  });

  it('derives container names from images', () => {
    expect(containerNameFor('registry.k8s.io/e2e-test-images/agnhost:2.40')).to.equal('agnhost');
    expect(containerNameFor('nginx@sha256:abc')).to.equal('nginx');
    expect(containerNameFor('my_app')).to.equal('my-app');
  });

  it('says what kubesim does not simulate, and rejects stray arguments', () => {
    const c = new TestCluster();
    expect(c.run('create service clusterip web --tcp=80').stderr).to.equal(
      'error: kubesim does not simulate "kubectl create service" yet\n',
    );
    expect(c.run('create').stderr).to.equal('error: must specify one of -f and -k\n');
    expect(c.run('cp web:/tmp/x /tmp/y').stderr).to.equal(
      'error: kubesim does not simulate "kubectl cp" yet\n',
    );
  });
});

describe('kubectl create --dry-run=client -o yaml', () => {
  it('prints the object kubectl builds, as it marshals it', () => {
    const c = new TestCluster();
    expect(
      c.run('create deployment web --image=nginx --dry-run=client -o yaml').stdout,
    ).to.equal(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
    expect(c.run('create namespace demo --dry-run=client -o yaml').stdout).to.equal(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: demo\nspec: {}\nstatus: {}\n',
    );
    expect(c.store.get('Deployment', 'default', 'web')).to.equal(undefined);
  });
});
