import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Volume } from 'kubernetes-types/core/v1.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { Pod, ReplicaSet } from '../../api/types.js';
import type { DeleteOptions } from '../../store/store.js';
import { TestCluster } from '../testing.js';

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

function cluster(...nodes: string[]): TestCluster {
  const c = new TestCluster();
  for (const name of nodes.length ? nodes : ['node-1']) {
    c.store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { name } } });
  }
  fakeKubelet(c);
  return c;
}

function replicaSet(c: TestCluster, name = 'rs'): OwnerReference {
  const rs = c.create<ReplicaSet>({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
    },
  });
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid: rs.metadata.uid!, controller: true };
}

interface PodSpecOpts {
  owner?: OwnerReference;
  node?: string;
  phase?: 'Running' | 'Succeeded' | 'Failed';
  volumes?: Volume[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  grace?: number;
}

function pod(c: TestCluster, name: string, o: PodSpecOpts = {}): Pod {
  const p = c.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(o.owner ? { ownerReferences: [o.owner] } : {}),
      ...(o.annotations ? { annotations: o.annotations } : {}),
      ...(o.labels ? { labels: o.labels } : {}),
    },
    spec: {
      nodeName: o.node ?? 'node-1',
      containers: [{ name: 'c', image: 'nginx' }],
      ...(o.volumes ? { volumes: o.volumes } : {}),
      ...(o.grace !== undefined ? { terminationGracePeriodSeconds: o.grace } : {}),
    },
  });
  return (
    c.store.mutateStatus('Pod', 'default', name, (d) => {
      d.status = { phase: o.phase ?? 'Running' };
    }) ?? p
  );
}

const DS_OWNER: OwnerReference = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  name: 'ds',
  uid: 'ds-uid',
  controller: true,
};
const JOB_OWNER: OwnerReference = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  name: 'job',
  uid: 'job-uid',
  controller: true,
};
const EMPTY_DIR: Volume[] = [{ name: 'scratch', emptyDir: {} }];

/** Records the pod deletes the store receives. */
function spyDeletes(c: TestCluster): Array<{ name: string; opts: DeleteOptions }> {
  const seen: Array<{ name: string; opts: DeleteOptions }> = [];
  const real = c.store.delete.bind(c.store);
  c.store.delete = (kind, namespace, name, opts = {}) => {
    if (kind === 'Pod' && opts.gracePeriodSeconds !== 0) seen.push({ name, opts });
    return real(kind, namespace, name, opts);
  };
  return seen;
}

describe('kubectl drain: TestDrain (cmd/drain/drain_test.go, adapted to kubesim)', () => {
  // ReplicationControllers and StatefulSets become ReplicaSets; kubesim has no DaemonSets, so
  // every DaemonSet-managed pod is an orphaned one (its DaemonSet is not found).
  const cases: Array<{
    description: string;
    pods: (c: TestCluster) => void;
    args: string;
    expectFatal?: string;
    expectDelete: string[];
    expectWarning?: string;
  }> = [
    {
      description: 'RC-managed pod (here RS)',
      pods: (c) => void pod(c, 'bar', { owner: replicaSet(c) }),
      args: '',
      expectDelete: ['bar'],
    },
    {
      description: 'orphaned DS-managed pod',
      pods: (c) => void pod(c, 'bar', { owner: DS_OWNER }),
      args: '',
      expectFatal: 'cannot delete daemonsets.apps "ds" not found: default/bar',
      expectDelete: [],
    },
    {
      description: 'orphaned DS-managed pod with --force',
      pods: (c) => void pod(c, 'bar', { owner: DS_OWNER }),
      args: '--force',
      // The DaemonSet filter's warning is replaced by the next filters' Okay (filters.go's TODO).
      expectDelete: ['bar'],
    },
    {
      description: 'DS-managed terminated pod',
      pods: (c) => void pod(c, 'bar', { owner: DS_OWNER, phase: 'Succeeded' }),
      args: '',
      expectDelete: ['bar'],
    },
    {
      description: 'Job-managed pod with local storage',
      pods: (c) => void pod(c, 'bar', { owner: JOB_OWNER, volumes: EMPTY_DIR }),
      args: '--force --delete-emptydir-data=true',
      expectDelete: ['bar'],
    },
    {
      description: 'Ensure compatibility for --delete-local-data until fully deprecated',
      pods: (c) => void pod(c, 'bar', { owner: JOB_OWNER, volumes: EMPTY_DIR }),
      args: '--force --delete-local-data=true',
      expectDelete: ['bar'],
    },
    {
      description: 'Job-managed terminated pod',
      pods: (c) => void pod(c, 'bar', { owner: JOB_OWNER, phase: 'Succeeded' }),
      args: '',
      expectDelete: ['bar'],
    },
    {
      description: 'naked pod',
      pods: (c) => void pod(c, 'bar'),
      args: '',
      expectFatal: 'cannot delete Pods that declare no controller (use --force to override): default/bar',
      expectDelete: [],
    },
    {
      description: 'naked terminated pod',
      pods: (c) => void pod(c, 'bar', { phase: 'Failed' }),
      args: '',
      expectDelete: ['bar'],
    },
    {
      description: 'naked pod with --force',
      pods: (c) => void pod(c, 'bar'),
      args: '--force',
      expectDelete: ['bar'],
      expectWarning: 'Warning: deleting Pods that declare no controller: default/bar',
    },
    {
      description: 'pod with EmptyDir',
      pods: (c) => void pod(c, 'bar', { owner: replicaSet(c), volumes: EMPTY_DIR }),
      args: '',
      expectFatal:
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/bar',
      expectDelete: [],
    },
    {
      description: 'terminated pod with emptyDir',
      pods: (c) => void pod(c, 'bar', { owner: replicaSet(c), volumes: EMPTY_DIR, phase: 'Succeeded' }),
      args: '',
      expectDelete: ['bar'],
    },
    {
      description: 'pod with EmptyDir and --delete-emptydir-data',
      pods: (c) => void pod(c, 'bar', { owner: replicaSet(c), volumes: EMPTY_DIR }),
      args: '--delete-emptydir-data=true',
      expectDelete: ['bar'],
    },
    { description: 'empty node', pods: () => {}, args: '', expectDelete: [] },
    {
      description: 'mirror pod is skipped',
      pods: (c) => void pod(c, 'bar', { annotations: { 'kubernetes.io/config.mirror': 'x' } }),
      args: '',
      expectDelete: [],
    },
    {
      description: 'two reasons at once (Go aggregates them)',
      pods: (c) => {
        pod(c, 'a');
        pod(c, 'b', { owner: replicaSet(c), volumes: EMPTY_DIR });
      },
      args: '',
      expectFatal:
        '[cannot delete Pods that declare no controller (use --force to override): default/a, cannot delete Pods with local storage (use --delete-emptydir-data to override): default/b]',
      expectDelete: [],
    },
  ];

  for (const tc of cases) {
    it(tc.description, () => {
      const c = cluster();
      tc.pods(c);
      const deletes = spyDeletes(c);
      const r = c.run(`drain node-1 ${tc.args}`);
      expect(c.store.get('Node', undefined, 'node-1')?.spec?.unschedulable).to.equal(true);
      expect(deletes.map((d) => d.name)).to.deep.equal(tc.expectDelete);
      if (tc.expectFatal) {
        expect(r.exitCode).to.equal(1);
        expect(r.stdout).to.equal('node/node-1 cordoned\n');
        expect(r.stderr).to.equal(
          `error: unable to drain node "node-1" due to error: ${tc.expectFatal}, continuing command...\n` +
            'There are pending nodes to be drained:\n node-1\n' +
            `error: ${tc.expectFatal}\n`,
        );
        return;
      }
      expect(r.exitCode, r.stderr).to.equal(0);
      const evictions = tc.expectDelete.map((n) => `evicting pod default/${n}\n`).join('');
      const evicted = tc.expectDelete.map((n) => `pod/${n} evicted\n`).join('');
      expect(r.stdout).to.equal(`node/node-1 cordoned\n${evictions}${evicted}node/node-1 drained\n`);
      const warnings = tc.expectWarning ? `${tc.expectWarning}\n` : '';
      const deprecation = tc.args.includes('--delete-local-data')
        ? 'Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n'
        : '';
      expect(r.stderr).to.equal(deprecation + warnings);
      for (const name of tc.expectDelete) expect(c.store.get('Pod', 'default', name)).to.equal(undefined);
    });
  }
});

describe('kubectl drain: evicting and waiting', () => {
  it('evicts every pod, then prints each as it goes (after its grace period), in simulated time', () => {
    const c = cluster('node-1', 'node-2');
    const owner = replicaSet(c);
    pod(c, 'slow', { owner, grace: 20 });
    pod(c, 'fast', { owner, grace: 5 });
    pod(c, 'elsewhere', { owner, node: 'node-2' });
    const r = c.run('drain node-1 --ignore-daemonsets');
    expect(r.stdout).to.equal(
      [
        'node/node-1 cordoned',
        'evicting pod default/fast',
        'evicting pod default/slow',
        'pod/fast evicted',
        'pod/slow evicted',
        'node/node-1 drained',
        '',
      ].join('\n'),
    );
    expect(c.now).to.equal(20_000);
    expect(c.store.get('Pod', 'default', 'elsewhere')).to.not.equal(undefined);
  });

  it('marks an evicted pod DisruptionTarget (EvictionByEvictionAPI) and records no Event', () => {
    const c = new TestCluster();
    c.store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } });
    pod(c, 'web', { owner: replicaSet(c) });
    // No kubelet: the pod stays terminating, so the drain times out (and says which pods remain).
    const r = c.run('drain node-1 --timeout=10s');
    const live = c.store.get('Pod', 'default', 'web')!;
    expect(live.metadata.deletionTimestamp).to.be.a('string');
    const cond = live.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
    expect(cond).to.include({
      status: 'True',
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    });
    expect(c.store.list('Event', 'default')).to.have.length(0);
    expect(c.now).to.equal(10_000);
    const waitErr =
      'error when waiting for pod "web" in namespace "default" to terminate: context deadline exceeded';
    expect(r.exitCode).to.equal(1);
    expect(r.stdout).to.equal('node/node-1 cordoned\nevicting pod default/web\n');
    expect(r.stderr).to.equal(
      `There are pending pods in node "node-1" when an error occurred: ${waitErr}\npod/web\n` +
        `error: unable to drain node "node-1" due to error: ${waitErr}, continuing command...\n` +
        'There are pending nodes to be drained:\n node-1\n' +
        `error: ${waitErr}\n`,
    );
  });

  it('with --timeout=0 (infinite) still stops: at the longest grace period plus a minute', () => {
    const c = new TestCluster();
    c.store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } });
    pod(c, 'web', { owner: replicaSet(c), grace: 30 });
    const r = c.run('drain node-1');
    expect(r.exitCode).to.equal(1);
    expect(c.now).to.equal(90_000);
  });

  it('passes --grace-period on to the eviction, and the pod grace otherwise', () => {
    const c = cluster();
    const owner = replicaSet(c);
    pod(c, 'a', { owner, grace: 40 });
    const deletes = spyDeletes(c);
    c.run('drain node-1 --grace-period=3');
    expect(deletes).to.deep.equal([{ name: 'a', opts: { gracePeriodSeconds: 3 } }]);
    expect(c.now).to.equal(3_000);
    c.run('uncordon node-1');
    pod(c, 'b', { owner, grace: 7 });
    c.run('drain node-1');
    expect(deletes[1]).to.deep.equal({ name: 'b', opts: {} });
    expect(c.now).to.equal(10_000);
  });

  it('deletes instead with --disable-eviction (no `evicting` lines, `deleted` at the end)', () => {
    const c = cluster();
    pod(c, 'web', { owner: replicaSet(c), grace: 1 });
    const r = c.run('drain node-1 --disable-eviction');
    expect(r.stdout).to.equal('node/node-1 cordoned\npod/web deleted\nnode/node-1 drained\n');
    expect(c.store.get('Pod', 'default', 'web')).to.equal(undefined);
  });

  it('changes nothing with --dry-run=client or --dry-run=server, and says so', () => {
    const c = cluster();
    pod(c, 'web', { owner: replicaSet(c) });
    expect(c.run('drain node-1 --dry-run=client').stdout).to.equal(
      'node/node-1 cordoned (dry run)\nevicting pod default/web (dry run)\nnode/node-1 drained (dry run)\n',
    );
    expect(c.run('drain node-1 --dry-run=server').stdout).to.equal(
      'node/node-1 cordoned (server dry run)\nevicting pod default/web (server dry run)\nnode/node-1 drained (server dry run)\n',
    );
    expect(c.store.get('Node', undefined, 'node-1')?.spec?.unschedulable).to.equal(undefined);
    expect(c.store.get('Pod', 'default', 'web')?.metadata.deletionTimestamp).to.equal(undefined);
  });

  it('takes only the pods --pod-selector matches, and rejects a bad one', () => {
    const c = cluster();
    const owner = replicaSet(c);
    pod(c, 'a', { owner, labels: { tier: 'web' }, grace: 1 });
    pod(c, 'b', { owner, labels: { tier: 'db' }, grace: 1 });
    expect(c.run('drain node-1 --pod-selector=tier=web').stdout).to.equal(
      'node/node-1 cordoned\nevicting pod default/a\npod/a evicted\nnode/node-1 drained\n',
    );
    expect(c.store.get('Pod', 'default', 'b')).to.not.equal(undefined);
    expect(c.run('drain node-1 --pod-selector=a=(').stderr).to.equal(
      'error: --pod-selector=<pod_selector> must be a valid label selector\n',
    );
  });

  it('drains the nodes -l selects; a missing node or a name with -l is an error', () => {
    const c = cluster('node-1', 'node-2');
    expect(c.run('drain -l name=node-2').stdout).to.equal('node/node-2 cordoned\nnode/node-2 drained\n');
    expect(c.run('drain nope').stderr).to.equal('Error from server (NotFound): nodes "nope" not found\n');
    expect(c.run('drain node-1 -l name=node-2').stderr).to.equal(
      "error: cannot specify both a node name and a --selector option\nSee 'kubectl drain -h' for help and examples\n",
    );
    expect(c.run('drain').stderr).to.equal(
      "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n",
    );
  });

  it('goes on with the next node when one fails, and lists the pending ones', () => {
    const c = cluster('node-1', 'node-2');
    pod(c, 'bare');
    const r = c.run('drain node-1 node-2');
    expect(r.stdout).to.equal('node/node-1 cordoned\nnode/node-2 cordoned\nnode/node-2 drained\n');
    expect(r.stderr).to.contain('There are pending nodes to be drained:\n node-1\n');
  });
});
