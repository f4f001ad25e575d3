import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, Pod } from '../../api/types.js';
import { TestCluster } from '../testing.js';

function pod(
  c: TestCluster,
  name: string,
  nodeName?: string,
  labels: Record<string, string> = { app: 'web' },
): Pod {
  return c.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...(nodeName ? { nodeName } : {}) },
  });
}

/** A stand-in kubelet: removes a deleted pod once its grace period has passed. */
function fakeKubelet(c: TestCluster): void {
  c.store.watch('Pod', (e) => {
    const p = e.object;
    if (e.type !== 'MODIFIED' || !p.metadata.deletionTimestamp || e.old?.metadata.deletionTimestamp) return;
    const grace = (p.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    c.clock.setTimeout(
      () => {
        if (c.store.get('Pod', p.metadata.namespace, p.metadata.name))
          c.store.delete('Pod', p.metadata.namespace, p.metadata.name, { gracePeriodSeconds: 0 });
      },
      grace,
      'fake kubelet',
    );
  });
}

describe('kubectl delete', () => {
  it('deletes a pod and waits until it is gone (its grace period, in simulated time)', () => {
    const c = new TestCluster();
    fakeKubelet(c);
    pod(c, 'web', 'node-1');
    expect(c.run('delete pod web')).to.deep.equal({ stdout: 'pod "web" deleted\n', stderr: '', exitCode: 0 });
    expect(c.now).to.equal(30_000);
    expect(c.store.get('Pod', 'default', 'web')).to.equal(undefined);
  });

  it('honours --grace-period and --now', () => {
    const c = new TestCluster();
    fakeKubelet(c);
    pod(c, 'a', 'node-1');
    pod(c, 'b', 'node-1');
    c.run('delete pod a --grace-period=5');
    expect(c.now).to.equal(5_000);
    c.run('delete pod b --now');
    expect(c.now).to.equal(6_000);
  });

  it('returns at once with --wait=false, leaving the pod Terminating', () => {
    const c = new TestCluster();
    fakeKubelet(c);
    pod(c, 'web', 'node-1');
    expect(c.run('delete pod web --wait=false').stdout).to.equal('pod "web" deleted\n');
    expect(c.now).to.equal(0);
    expect(c.run('get pods --no-headers').stdout).to.equal('web   0/1   Terminating   0     0s\n');
  });

  it("force-deletes with --force --grace-period=0, with kubectl's warning", () => {
    const c = new TestCluster();
    pod(c, 'web', 'node-1');
    expect(c.run('delete pod web --force --grace-period=0')).to.deep.equal({
      stdout: 'pod "web" force deleted\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect(c.store.get('Pod', 'default', 'web')).to.equal(undefined);
    expect(c.run('delete pod x --force --grace-period=5').stderr).to.equal(
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    );
  });

  it('deletes by label, and says No resources found when nothing matches', () => {
    const c = new TestCluster();
    pod(c, 'a');
    pod(c, 'b');
    pod(c, 'db', undefined, { app: 'db' });
    expect(c.run('delete pods -l app=web').stdout).to.equal('pod "a" deleted\npod "b" deleted\n');
    expect(c.run('delete pods -l app=web')).to.deep.equal({
      stdout: 'No resources found\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('delete pods --all').stdout).to.equal('pod "db" deleted\n');
  });

  it('names the group of non-core kinds, and -o name', () => {
    const c = new TestCluster();
    c.create<Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    });
    pod(c, 'p');
    expect(c.run('delete deployment web').stdout).to.equal('deployment.apps "web" deleted\n');
    expect(c.run('delete pod p -o name').stdout).to.equal('pod/p\n');
  });

  it('reports missing objects, unless --ignore-not-found', () => {
    const c = new TestCluster();
    pod(c, 'a');
    expect(c.run('delete pod a nope')).to.deep.equal({
      stdout: 'pod "a" deleted\n',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(c.run('delete pod nope --ignore-not-found')).to.deep.equal({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });

  it('deletes what a manifest names, naming the file in errors', () => {
    const c = new TestCluster();
    pod(c, 'web');
    const manifest =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
    expect(c.run('delete -f -', { stdin: manifest }).stdout).to.equal('pod "web" deleted\n');
    expect(c.run('delete -f -', { stdin: manifest }).stderr).to.equal(
      'Error from server (NotFound): error when deleting "STDIN": pods "web" not found\n',
    );
  });

  it('explains missing arguments as kubectl does', () => {
    const c = new TestCluster();
    expect(c.run('delete pods').stderr).to.equal(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(c.run('delete').stderr).to.equal(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(c.run('delete pods --all -l a=b').stderr).to.equal(
      'error: cannot set --all and --selector at the same time\n',
    );
  });

  it('gives up waiting after the grace period and a minute when nothing removes the pod', () => {
    const c = new TestCluster();
    pod(c, 'stuck', 'node-1');
    const r = c.run('delete pod stuck');
    expect(r.stdout).to.equal('pod "stuck" deleted\n');
    expect(r.stderr).to.equal('error: timed out waiting for the condition on pods/stuck\n');
    expect(r.exitCode).to.equal(1);
    expect(c.now).to.equal(90_000);
  });

  it('waits for a namespace to go away with its pods', () => {
    const c = new TestCluster(['default', 'demo']);
    fakeKubelet(c);
    c.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'demo' },
      spec: {
        containers: [{ name: 'c', image: 'nginx' }],
        nodeName: 'node-1',
        terminationGracePeriodSeconds: 10,
      },
    });
    expect(c.store.get('Namespace', undefined, 'demo')).to.not.equal(undefined);
    expect(c.run('delete namespace demo').stdout).to.equal('namespace "demo" deleted\n');
    expect(c.store.get('Namespace', undefined, 'demo')).to.equal(undefined);
    expect(c.now).to.equal(10_000);
  });
});
