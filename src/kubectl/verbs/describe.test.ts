import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { Cluster } from '../../cluster/cluster.js';
import { kubectl } from '../index.js';
import { TestCluster } from '../testing.js';

function pod(c: TestCluster, name: string, namespace = 'default', labels: Record<string, string> = {}): void {
  c.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: 'Pending' },
  });
}

/** The describe text of one pod, as `describe pod NAME` prints it. */
const one = (c: TestCluster, name: string, ns = 'default') => c.run(`describe pod ${name} -n ${ns}`).stdout;

describe('kubectl describe', () => {
  it('asks for a resource type when given none', () => {
    expect(new TestCluster().run('describe')).to.deep.equal({
      stdout: '',
      stderr:
        'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
  });

  it('describes every object of a type, separated by two newlines, in name order', () => {
    const c = new TestCluster();
    pod(c, 'b');
    pod(c, 'a');
    const r = c.run('describe pods');
    expect(r.exitCode).to.equal(0);
    expect(r.stdout).to.equal(`${one(c, 'a')}\n\n${one(c, 'b')}`);
    expect(one(c, 'a')).to.match(/^Name:\s+a\nNamespace:\s+default\n/);
    expect(c.run('describe pod/a').stdout).to.equal(one(c, 'a'));
    expect(c.run('describe po a b').stdout).to.equal(`${one(c, 'a')}\n\n${one(c, 'b')}`);
  });

  it('falls back to a name prefix for TYPE NAME, each description followed by a newline', () => {
    const c = new TestCluster();
    pod(c, 'web-1');
    pod(c, 'web-2');
    pod(c, 'api');
    expect(c.run('describe pods web')).to.deep.equal({
      stdout: `${one(c, 'web-1')}\n${one(c, 'web-2')}\n`,
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('describe pods zzz')).to.deep.equal({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "zzz" not found\n',
      exitCode: 1,
    });
    // The exact name wins: no trailing newline, no prefix search.
    expect(c.run('describe pods api').stdout).to.equal(one(c, 'api'));
  });

  it('describes what it finds and then reports what it did not', () => {
    const c = new TestCluster();
    pod(c, 'a');
    pod(c, 'b');
    expect(c.run('describe pods a missing b')).to.deep.equal({
      stdout: `${one(c, 'a')}\n\n${one(c, 'b')}`,
      stderr: 'Error from server (NotFound): pods "missing" not found\n',
      exitCode: 1,
    });
    expect(c.run('describe pods x y').stderr).to.equal(
      'Error from server (NotFound): pods "x" not found\nError from server (NotFound): pods "y" not found\n',
    );
    // Two arguments and one NotFound: kubectl searches by prefix with the first argument as the
    // type, so `pods/a` is not printed either.
    expect(c.run('describe pods/a pods/missing')).to.deep.equal({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "missing" not found\n',
      exitCode: 1,
    });
  });

  it('selects with -l and says when nothing matched', () => {
    const c = new TestCluster();
    pod(c, 'a', 'default', { app: 'web' });
    pod(c, 'b', 'default', { app: 'db' });
    expect(c.run('describe pods -l app=web').stdout).to.equal(one(c, 'a'));
    expect(c.run('describe pods -l app=none')).to.deep.equal({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(c.run('describe pods -l app=none -A').stderr).to.equal('No resources found\n');
    expect(c.run('describe pods a -l app=web').stderr).to.equal(
      'error: name cannot be provided when a selector is specified\n',
    );
  });

  it('looks in the namespace given by -n, or in all of them with -A', () => {
    const c = new TestCluster(['default', 'kube-system', 'other']);
    pod(c, 'a');
    pod(c, 'z', 'other');
    expect(c.run('describe pods -n other').stdout).to.equal(one(c, 'z', 'other'));
    expect(c.run('describe pods -A').stdout).to.equal(`${one(c, 'a')}\n\n${one(c, 'z', 'other')}`);
    expect(c.run('describe pods z -A').stderr).to.equal(
      'error: a resource cannot be retrieved by name across all namespaces\n',
    );
    expect(c.run('describe pods -n empty').stderr).to.equal('No resources found in empty namespace.\n');
  });

  it('leaves out events with --show-events=false', () => {
    const c = new TestCluster();
    pod(c, 'a');
    expect(c.run('describe pod a').stdout).to.include('Events:');
    expect(c.run('describe pod a --show-events=false').stdout).not.to.include('Events:');
  });

  it('reports unknown types and warns about v1 Endpoints', () => {
    const c = new TestCluster();
    expect(c.run('describe foos').stderr).to.equal(
      'error: the server doesn\'t have a resource type "foos"\n',
    );
    c.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default' },
    });
    const r = c.run('describe endpoints web');
    expect(r.stdout).to.match(/^Name:\s+web\n/);
    expect(r.stderr).to.equal(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
  });

  it('describes cluster-scoped objects and the objects a manifest names', () => {
    const c = new TestCluster();
    expect(c.run('describe ns default').stdout).to.match(/^Name:\s+default\nLabels:/);
    expect(c.run('describe namespaces').stdout).to.equal(
      `${c.run('describe ns default').stdout}\n\n${c.run('describe ns kube-system').stdout}`,
    );
    pod(c, 'a');
    const manifest =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: gone\n';
    expect(c.run('describe -f -', { stdin: manifest })).to.deep.equal({
      stdout: one(c, 'a'),
      stderr: 'Error from server (NotFound): pods "gone" not found\n',
      exitCode: 1,
    });
    expect(c.run('describe pods -f -', { stdin: manifest }).stderr).to.equal(
      'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n',
    );
  });

  it('shows a new nginx pod scheduled, pulled, created and started, in that order (real cluster)', () => {
    const cluster = new Cluster();
    expect(kubectl(cluster, ['create', 'deployment', 'nginx', '--image=nginx']).exitCode).to.equal(0);
    cluster.advance(10_000);
    const r = kubectl(cluster, ['describe', 'pods', '-l', 'app=nginx']);
    expect(r.exitCode).to.equal(0);
    const events = r.stdout.slice(r.stdout.indexOf('Events:'));
    const rows = events.split('\n').slice(3, -1);
    expect(rows.map((l) => l.trim().split(/\s+/).slice(0, 4))).to.deep.equal([
      ['Normal', 'Scheduled', '10s', 'default-scheduler'],
      ['Normal', 'Pulling', '10s', 'kubelet'],
      ['Normal', 'Pulled', '10s', 'kubelet'],
      ['Normal', 'Created', '10s', 'kubelet'],
      ['Normal', 'Started', '10s', 'kubelet'],
    ]);
    expect(events).to.match(/Created container: nginx\n/);
    expect(r.stdout).to.match(/^Status:\s+Running$/m);
    expect(r.stdout).to.match(/^Controlled By:\s+ReplicaSet\/nginx-[bcdfghjklmnpqrstvwxz2456789]+$/m);
    expect(r.stdout).to.match(/^Node:\s+node-\d\/172\.18\.0\.\d$/m);
    const d = kubectl(cluster, ['describe', 'deploy', 'nginx']).stdout;
    expect(d).to.match(/^Replicas:\s+1 desired \| 1 updated \| 1 total \| 1 available \| 0 unavailable$/m);
    expect(d).to.match(
      /Normal {2}ScalingReplicaSet {2}10s {3}deployment-controller {2}Scaled up replica set nginx-\w+ from 0 to 1\n$/,
    );
  });
});
