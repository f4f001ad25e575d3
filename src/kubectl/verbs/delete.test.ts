import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, KindName, Pod, ReplicaSet } from '../../api/types.js';
import type { DeleteOptions } from '../../store/store.js';
import { TestCluster } from '../testing.js';
import { cascadingStrategy } from './delete.js';

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
    c.clock.schedule(
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

/** Records the options of every delete request the store receives (the fake REST client's view). */
function spyDeletes(c: TestCluster): Array<{ kind: KindName; name: string; opts: DeleteOptions }> {
  const seen: Array<{ kind: KindName; name: string; opts: DeleteOptions }> = [];
  const real = c.store.delete.bind(c.store);
  c.store.delete = (kind, namespace, name, opts = {}) => {
    seen.push({ kind, name, opts });
    return real(kind, namespace, name, opts);
  };
  return seen;
}

function replicaSetWithPods(c: TestCluster, name: string, pods: number, nodeName?: string): ReplicaSet {
  const rs = c.create<ReplicaSet>({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, labels: { app: name } },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
    },
  });
  for (let i = 0; i < pods; i++) {
    c.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${name}-${i}`,
        labels: { app: name },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name,
            uid: rs.metadata.uid!,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { containers: [{ name: 'c', image: 'nginx' }], ...(nodeName ? { nodeName } : {}) },
    });
  }
  return rs;
}

describe('kubectl delete --cascade', () => {
  // k8s.io/kubectl/pkg/cmd/delete/delete_flags.go parseCascadingFlag
  const cases: Array<[string, DeleteOptions['propagationPolicy'] | Error, string]> = [
    ['background', 'Background', ''],
    ['foreground', 'Foreground', ''],
    ['orphan', 'Orphan', ''],
    [
      'true',
      'Background',
      'warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n',
    ],
    [
      'false',
      'Orphan',
      'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    ],
    [
      '1',
      'Background',
      'warning: --cascade=1 is deprecated (boolean value) and can be replaced with --cascade=background.\n',
    ],
    [
      '0',
      'Orphan',
      'warning: --cascade=0 is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    ],
    [
      'T',
      'Background',
      'warning: --cascade=T is deprecated (boolean value) and can be replaced with --cascade=background.\n',
    ],
    [
      'False',
      'Orphan',
      'warning: --cascade=False is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    ],
    [
      'Orphan',
      new Error('invalid cascade value (Orphan). Must be "background", "foreground", or "orphan"'),
      '',
    ],
    ['yes', new Error('invalid cascade value (yes). Must be "background", "foreground", or "orphan"'), ''],
    [
      'constructor',
      new Error('invalid cascade value (constructor). Must be "background", "foreground", or "orphan"'),
      '',
    ],
  ];
  for (const [value, expected, warning] of cases) {
    it(`parseCascadingFlag(${JSON.stringify(value)})`, () => {
      const warnings: string[] = [];
      const parse = () => cascadingStrategy(value, (w) => warnings.push(w));
      if (expected instanceof Error) {
        expect(parse).to.throw(expected.message);
        return;
      }
      expect(parse()).to.equal(expected);
      expect(warnings.join('')).to.equal(warning);
    });
  }

  // delete_test.go TestCascadingStrategy: the policy the request carries, Background by default.
  it('TestCascadingStrategy: sends Background by default, else what --cascade says', () => {
    const c = new TestCluster();
    const seen = spyDeletes(c);
    for (const name of ['a', 'b', 'c', 'd']) pod(c, name);
    expect(c.run('delete pod a -o name').stdout).to.equal('pod/a\n');
    expect(c.run('delete pod b --cascade=foreground -o name').stdout).to.equal('pod/b\n');
    expect(c.run('delete pod c --cascade=orphan -o name').stdout).to.equal('pod/c\n');
    expect(c.run('delete pod d --cascade -o name').stdout).to.equal('pod/d\n');
    expect(seen.map((s) => s.opts.propagationPolicy)).to.deep.equal([
      'Background',
      'Foreground',
      'Orphan',
      'Background',
    ]);
  });

  // TestDeleteObjectByTuple / TestDeleteNamedObject with --cascade=false.
  it('TestDeleteNamedObject: TYPE NAME and TYPE/NAME with --cascade=false orphan, with the warning', () => {
    const c = new TestCluster();
    const seen = spyDeletes(c);
    pod(c, 'redis-master-controller');
    pod(c, 'mysecret');
    expect(c.run('delete pods/redis-master-controller --cascade=false -o name')).to.deep.equal({
      stdout: 'pod/redis-master-controller\n',
      stderr:
        'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
      exitCode: 0,
    });
    expect(c.run('delete pods mysecret --cascade=false -o name').stdout).to.equal('pod/mysecret\n');
    expect(seen.map((s) => s.opts.propagationPolicy)).to.deep.equal(['Orphan', 'Orphan']);
  });

  it('rejects an unknown --cascade value before anything is deleted', () => {
    const c = new TestCluster();
    pod(c, 'a');
    expect(c.run('delete pod a --cascade=maybe')).to.deep.equal({
      stdout: '',
      stderr: 'error: invalid cascade value (maybe). Must be "background", "foreground", or "orphan"\n',
      exitCode: 1,
    });
    expect(c.store.get('Pod', 'default', 'a')).to.not.equal(undefined);
  });

  // TestDeleteMultipleSelector
  it('TestDeleteMultipleSelector: -l over several types, orphaning', () => {
    const c = new TestCluster();
    const seen = spyDeletes(c);
    pod(c, 'foo', undefined, { a: 'b' });
    pod(c, 'bar', undefined, { a: 'b' });
    pod(c, 'other', undefined, { a: 'c' });
    c.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'baz', labels: { a: 'b' } },
      spec: { ports: [{ port: 80 }] },
    });
    expect(c.run('delete pods,services -l a=b --cascade=false -o name').stdout).to.equal(
      'pod/bar\npod/foo\nservice/baz\n',
    );
    expect(seen.every((s) => s.opts.propagationPolicy === 'Orphan')).to.equal(true);
    expect(c.store.list('Pod').map((p) => p.metadata.name)).to.deep.equal(['other']);
  });

  it('orphans a ReplicaSet’s pods: they stay, with no ownerReferences', () => {
    const c = new TestCluster();
    replicaSetWithPods(c, 'frontend', 2);
    expect(c.run('delete rs frontend --cascade=orphan')).to.deep.equal({
      stdout: 'replicaset.apps "frontend" deleted\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.store.list('ReplicaSet')).to.have.length(0);
    expect(c.store.list('Pod').map((p) => p.metadata.ownerReferences)).to.deep.equal([undefined, undefined]);
  });

  it('deletes in the foreground: the ReplicaSet stays, marked, until its pods are gone', () => {
    const c = new TestCluster();
    fakeKubelet(c);
    replicaSetWithPods(c, 'frontend', 2, 'node-1');
    expect(c.run('delete rs frontend --cascade=foreground --wait=false').stdout).to.equal(
      'replicaset.apps "frontend" deleted\n',
    );
    expect(c.run('get rs frontend -o jsonpath={.metadata.finalizers}').stdout).to.equal(
      '["foregroundDeletion"]',
    );
    expect(c.run('get pods --no-headers').stdout).to.contain('Terminating');
    c.advance(30_000);
    expect(c.store.list('ReplicaSet')).to.have.length(0);
  });

  it('waits for a foreground deletion to finish, in simulated time', () => {
    const c = new TestCluster();
    fakeKubelet(c);
    replicaSetWithPods(c, 'frontend', 1, 'node-1');
    expect(c.run('delete rs frontend --cascade=foreground').stdout).to.equal(
      'replicaset.apps "frontend" deleted\n',
    );
    expect(c.now).to.equal(30_000);
    expect(c.store.count('ReplicaSet') + c.store.count('Pod')).to.equal(0);
  });
});

describe('kubectl delete -f with -l', () => {
  const manifest = [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\n  labels:\n    app: db\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
  ].join('---\n');

  it("deletes only the file's objects whose labels match", () => {
    const c = new TestCluster();
    pod(c, 'web');
    pod(c, 'db', undefined, { app: 'db' });
    expect(c.run('delete -f - -l app=web', { stdin: manifest }).stdout).to.equal('pod "web" deleted\n');
    expect(c.store.list('Pod').map((p) => p.metadata.name)).to.deep.equal(['db']);
    expect(c.run('delete -f - -l app=none', { stdin: manifest })).to.deep.equal({
      stdout: 'No resources found\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('matches the labels written in the file, not those of the live object', () => {
    const c = new TestCluster();
    pod(c, 'web', undefined, { app: 'relabelled' });
    expect(c.run('delete -f - -l app=web', { stdin: manifest }).stdout).to.equal('pod "web" deleted\n');
  });

  it('rejects a selector that does not parse, on the client, before deleting anything', () => {
    const c = new TestCluster();
    pod(c, 'web');
    expect(c.run("delete -f - -l 'app in (web'", { stdin: manifest })).to.deep.equal({
      stdout: '',
      stderr: `error: the provided selector "app in (web" is not valid: unable to parse requirement: found '', expected: ',' or ')'\n`,
      exitCode: 1,
    });
    expect(c.store.list('Pod')).to.have.length(1);
  });
});
