/**
 * `kubectl rollout …` on a TestCluster: no controllers run, so every status and ReplicaSet a
 * test relies on is written by the test itself (directly, or by timers on the simulated clock).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, DeploymentStatus } from '../../api/types.js';
import { createDeployment, createRevision } from '../rollout/fixtures.js';
import { TestCluster } from '../testing.js';

const done: DeploymentStatus = {
  observedGeneration: 1,
  replicas: 3,
  updatedReplicas: 3,
  readyReplicas: 3,
  availableReplicas: 3,
};

function setStatus(c: TestCluster, status: DeploymentStatus, name = 'web'): void {
  c.store.mutateStatus('Deployment', 'default', name, (d) => {
    d.status = status;
  });
}

function later(c: TestCluster, ms: number, fn: () => void): void {
  c.clock.schedule(fn, ms, 'test');
}

const live = (c: TestCluster, name = 'web') => c.store.get('Deployment', 'default', name) as Deployment;

describe('kubectl rollout status', () => {
  it('prints the viewer line of the object as it is, and stops when done (TestRolloutStatus)', () => {
    const c = new TestCluster();
    createDeployment(c);
    setStatus(c, done);
    expect(c.run('rollout status deployment/web')).to.deep.equal({
      stdout: 'deployment "web" successfully rolled out\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('rollout status deployment web -l app=web').exitCode).to.equal(1);
  });

  it('prints one line with --watch=false (TestRolloutStatusWatchDisabledUnavailable)', () => {
    const c = new TestCluster();
    createDeployment(c, { replicas: 1 });
    setStatus(c, {
      observedGeneration: 1,
      replicas: 1,
      updatedReplicas: 1,
      readyReplicas: 1,
      availableReplicas: 0,
    });
    expect(c.run('rollout status deployment/web --watch=false')).to.deep.equal({
      stdout: 'Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.now).to.equal(0);
  });

  it('selects with -l, reports nothing found, and goes through several objects (TestRolloutStatusWithSelector, …NoResources)', () => {
    const c = new TestCluster();
    expect(c.run('rollout status deployment')).to.deep.equal({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    createDeployment(c);
    setStatus(c, done);
    expect(c.run('rollout status deployment -l app=web').stdout).to.equal(
      'deployment "web" successfully rolled out\n',
    );
    createDeployment(c, { name: 'api' });
    // v1.33 reports on each object in turn, as kubectl v1.33.1 does (scripts/oracle).
    expect(c.run('rollout status deployment --watch=false')).to.deep.equal({
      stdout:
        'Waiting for deployment spec update to be observed...\ndeployment "web" successfully rolled out\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('rollout status deployment/nope deployment/web --watch=false')).to.deep.equal({
      stdout: 'deployment "web" successfully rolled out\n',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
  });

  it('prints a line for every stored change while it waits, repeats included', () => {
    const c = new TestCluster();
    createDeployment(c);
    setStatus(c, { observedGeneration: 1, replicas: 4, updatedReplicas: 1, availableReplicas: 3 });
    later(c, 1000, () =>
      setStatus(c, { observedGeneration: 1, replicas: 4, updatedReplicas: 1, availableReplicas: 4 }),
    );
    later(c, 2000, () =>
      setStatus(c, { observedGeneration: 1, replicas: 4, updatedReplicas: 3, availableReplicas: 3 }),
    );
    later(c, 3000, () =>
      setStatus(c, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 2 }),
    );
    later(c, 4000, () => setStatus(c, done));
    later(c, 9000, () => setStatus(c, { ...done, readyReplicas: 2 }));
    const r = c.run('rollout status deployment/web');
    expect(r.stdout).to.equal(
      [
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
        'deployment "web" successfully rolled out',
        '',
      ].join('\n'),
    );
    expect(r.exitCode).to.equal(0);
    expect(c.now).to.equal(4000);
  });

  it('waits for the spec update to be observed, and times out with --timeout', () => {
    const c = new TestCluster();
    createDeployment(c);
    expect(c.run('rollout status deployment/web --timeout=30s')).to.deep.equal({
      stdout: 'Waiting for deployment spec update to be observed...\n',
      stderr: 'error: timed out waiting for the condition\n',
      exitCode: 1,
    });
    expect(c.now).to.equal(30_000);
  });

  it('gives up after an hour of simulated time without --timeout, and says so', () => {
    const c = new TestCluster();
    createDeployment(c);
    const r = c.run('rollout status deployment/web');
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.equal(
      'error: kubesim stopped waiting after 1h0m0s of simulated time: deployment "web" has not finished rolling out (kubectl would wait forever; pass --timeout to choose how long to wait)\n',
    );
    expect(c.now).to.equal(3_600_000);
  });

  it('fails when the progress deadline is exceeded, or the object is deleted', () => {
    const c = new TestCluster();
    createDeployment(c);
    setStatus(c, { observedGeneration: 1, replicas: 3, updatedReplicas: 1 });
    later(c, 61_000, () =>
      setStatus(c, {
        observedGeneration: 1,
        replicas: 3,
        updatedReplicas: 1,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
      }),
    );
    expect(c.run('rollout status deploy/web')).to.deep.equal({
      stdout:
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: 'error: deployment "web" exceeded its progress deadline\n',
      exitCode: 1,
    });

    const c2 = new TestCluster();
    createDeployment(c2);
    later(c2, 5000, () => c2.store.delete('Deployment', 'default', 'web'));
    expect(c2.run('rollout status deploy/web').stderr).to.equal('error: object has been deleted\n');
    expect(c2.now).to.equal(5000);
  });

  it('checks arguments and kinds as kubectl does', () => {
    const c = new TestCluster();
    const d = createDeployment(c);
    createRevision(c, d, { hash: 'abc', revision: '1' });
    expect(c.run('rollout status').stderr).to.equal('error: required resource not specified\n');
    expect(c.run('rollout status deploy/web --revision=-1').stderr).to.equal(
      'error: revision must be a positive integer: -1\n',
    );
    expect(c.run('rollout status rs/web-abc').stderr).to.equal(
      'error: no status viewer has been implemented for ReplicaSet.apps\n',
    );
    expect(c.run('rollout status deploy/nope').stderr).to.equal(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });
});

describe('kubectl rollout history', () => {
  function withHistory() {
    const c = new TestCluster();
    const d = createDeployment(c, { image: 'nginx:1.16.1' });
    createRevision(c, d, { hash: 'one', revision: '1', image: 'nginx:1.14.2' });
    createRevision(c, d, {
      hash: 'two',
      revision: '2',
      image: 'nginx:1.16.1',
      annotations: {
        'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.16.1 --record=true',
      },
    });
    return c;
  }

  // TestRolloutHistory: the history text goes after the name, as the NamePrinter's operation.
  it('prints the table after the name with a trailing space and a blank line', () => {
    const c = withHistory();
    expect(c.run('rollout history deployment/web')).to.deep.equal({
      stdout:
        'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web nginx=nginx:1.16.1 --record=true\n\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('describes one revision after "with revision #N"', () => {
    const c = withHistory();
    const out = c.run('rollout history deployment web --revision=1').stdout;
    expect(out).to.match(
      /^deployment\.apps\/web with revision #1\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=one\n/,
    );
    expect(out).to.contain('    Image:\tnginx:1.14.2\n');
    expect(out.endsWith('  Tolerations:\t<none>\n\n')).to.equal(true);
    expect(c.run('rollout history deployment web --revision=7').stderr).to.equal(
      'error: unable to find the specified revision\n',
    );
  });

  // TestMultipleResourceRolloutHistory
  it('prints every resource in turn, and "No rollout history found." without ReplicaSets', () => {
    const c = withHistory();
    createDeployment(c, { name: 'api' });
    expect(c.run('rollout history deployment/api deployment/web').stdout).to.equal(
      'deployment.apps/api \nNo rollout history found.\ndeployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web nginx=nginx:1.16.1 --record=true\n\n',
    );
  });

  // TestRolloutHistoryWithOutput, TestRolloutHistoryErrors
  it('prints the ReplicaSets themselves with -o', () => {
    const c = withHistory();
    expect(c.run('rollout history deployment/web -o name').stdout).to.equal(
      'replicaset.apps/web-one\nreplicaset.apps/web-two\n',
    );
    const yaml = c.run('rollout history deployment/web -o yaml').stdout;
    expect(yaml.split('---\n')).to.have.length(2);
    // Read with the typed client, the template's zero time prints as kubectl v1.33.1 shows it.
    expect(c.run('rollout history deployment/web --revision=1 -o yaml').stdout).to.contain(
      '  template:\n    metadata:\n      creationTimestamp: null\n',
    );
    expect(c.run('rollout history deployment/web --revision=2 -o jsonpath={.metadata.name}').stdout).to.equal(
      'web-two',
    );
    expect(c.run('rollout history deployment/web --revision=999 -o yaml').stderr).to.equal(
      'error: unable to find the specified revision\n',
    );
  });

  // TestValidate
  it('validates the revision and the resources', () => {
    const c = withHistory();
    expect(c.run('rollout history deployment/web --revision=-1').stderr).to.equal(
      'error: revision must be a positive integer: -1\n',
    );
    expect(c.run('rollout history').stderr).to.equal('error: required resource not specified\n');
    expect(c.run('rollout history rs/web-one').stderr).to.equal(
      'error: no history viewer has been implemented for "ReplicaSet.apps"\n',
    );
    expect(c.run('rollout history namespace/default').stderr).to.equal(
      'error: error retrieving history for "Namespace", no visitor method exists for { Namespace}\n',
    );
  });
});

describe('kubectl rollout undo', () => {
  function withHistory(paused = false) {
    const c = new TestCluster();
    const d = createDeployment(c, { image: 'nginx:1.16.1', paused });
    createRevision(c, d, { hash: 'one', revision: '1', image: 'nginx:1.14.2' });
    createRevision(c, d, { hash: 'two', revision: '2', image: 'nginx:1.16.1' });
    return c;
  }

  it('rolls back to the previous revision by copying its template', () => {
    const c = withHistory();
    expect(c.run('rollout undo deployment/web')).to.deep.equal({
      stdout: 'deployment.apps/web rolled back\n',
      stderr: '',
      exitCode: 0,
    });
    expect(live(c).spec!.template!.spec!.containers[0]!.image).to.equal('nginx:1.14.2');
    expect(live(c).spec!.template!.metadata!.labels).to.deep.equal({ app: 'web' });
  });

  it('skips a rollback to the running template, and reports missing revisions', () => {
    const c = withHistory();
    expect(c.run('rollout undo deployment/web --to-revision=2').stdout).to.equal(
      'deployment.apps/web skipped rollback (current template already matches revision 2)\n',
    );
    expect(c.run('rollout undo deployment/web --to-revision=5').stderr).to.equal(
      'error: unable to find specified revision 5 in history\n',
    );
    expect(c.run('rollout undo deployment/web --to-revision=-1').stderr).to.equal(
      'error: unable to find specified revision -1 in history\n',
    );
    const single = new TestCluster();
    const d = createDeployment(single);
    createRevision(single, d, { hash: 'one', revision: '1' });
    expect(single.run('rollout undo deployment/web').stderr).to.equal(
      'error: no rollout history found for deployment "web"\n',
    );
  });

  it('refuses a paused Deployment, prints the template with --dry-run=client', () => {
    const c = withHistory(true);
    expect(c.run('rollout undo deployment/web').stderr).to.equal(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    const dry = c.run('rollout undo deployment/web --dry-run=client').stdout;
    expect(dry).to.match(/^deployment\.apps\/web Pod Template:\n/);
    expect(dry).to.contain('    Image:\tnginx:1.14.2\n');
    expect(dry.endsWith('  Tolerations:\t<none>\n (dry run)\n')).to.equal(true);
    expect(live(c).spec!.template!.spec!.containers[0]!.image).to.equal('nginx:1.16.1');
  });

  it('has no rollbacker for other kinds', () => {
    const c = withHistory();
    expect(c.run('rollout undo rs/web-one').stderr).to.equal(
      'error: no rollbacker has been implemented for "ReplicaSet.apps"\n',
    );
  });
});

describe('kubectl rollout pause, resume and restart', () => {
  it('pauses and resumes, refusing to do either twice', () => {
    const c = new TestCluster();
    createDeployment(c);
    expect(c.run('rollout pause deployment/web').stdout).to.equal('deployment.apps/web paused\n');
    expect(live(c).spec!.paused).to.equal(true);
    expect(live(c).metadata.generation).to.equal(2);
    expect(c.run('rollout pause deployment/web')).to.deep.equal({
      stdout: '',
      stderr: 'error: deployments.apps "web" is already paused\n',
      exitCode: 1,
    });
    expect(c.run('rollout resume deployment/web').stdout).to.equal('deployment.apps/web resumed\n');
    expect(live(c).spec!.paused).to.equal(undefined);
    expect(c.run('rollout resume deployment/web').stderr).to.equal(
      'error: deployments.apps "web" is not paused\n',
    );
    expect(c.run('rollout pause deployment/web -o name').stdout).to.equal('deployment.apps/web\n');
  });

  it('restarts by stamping the template, once per second (TestRolloutRestartOne, …Error)', () => {
    const c = new TestCluster();
    createDeployment(c);
    c.at(5_500);
    expect(c.run('rollout restart deployment/web').stdout).to.equal('deployment.apps/web restarted\n');
    expect(live(c).spec!.template!.metadata!.annotations).to.deep.equal({
      'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:05Z',
    });
    c.at(5_900);
    expect(c.run('rollout restart deployment/web')).to.deep.equal({
      stdout: '',
      stderr:
        'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
      exitCode: 1,
    });
    c.at(6_000);
    expect(c.run('rollout restart deployment/web').exitCode).to.equal(0);
    expect(live(c).spec!.template!.metadata!.annotations!['kubectl.kubernetes.io/restartedAt']).to.equal(
      '2025-01-01T00:00:06Z',
    );
  });

  it('will not restart a paused Deployment, and pauses nothing but Deployments', () => {
    const c = new TestCluster();
    const d = createDeployment(c, { paused: true });
    createRevision(c, d, { hash: 'one', revision: '1' });
    expect(c.run('rollout restart deployment/web').stderr).to.equal(
      `error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`,
    );
    expect(c.run('rollout pause rs/web-one').stderr).to.equal(
      'error: replicasets.apps "web-one" pausing is not supported\n',
    );
    expect(c.run('rollout restart rs/web-one').stderr).to.equal(
      'error: replicasets.apps "web-one" restarting is not supported\n',
    );
  });

  // TestRolloutRestartSelectorNone, TestRolloutRestartSelectorMany
  it('works on every object a selector finds, and says when it finds none', () => {
    const c = new TestCluster();
    createDeployment(c, { name: 'api' });
    createDeployment(c, { name: 'web' });
    expect(c.run('rollout restart deployment --selector=app=test')).to.deep.equal({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(c.run('rollout restart deployment -l app=web').stdout).to.equal(
      'deployment.apps/api restarted\ndeployment.apps/web restarted\n',
    );
    expect(c.run('rollout pause deployment/nope deployment/web').stdout).to.equal(
      'deployment.apps/web paused\n',
    );
  });

  it('needs a resource, and a known subcommand', () => {
    const c = new TestCluster();
    expect(c.run('rollout pause').stderr).to.equal('error: required resource not specified\n');
    expect(c.run('rollout frob').stderr).to.equal(
      `error: unknown command "frob"\nSee 'kubectl rollout -h' for help and examples\n`,
    );
    expect(c.run('rollout').exitCode).to.equal(1);
  });
});
