/**
 * The rollout commands against a whole simulated cluster (controllers, scheduler, kubelets):
 * what a user sees when they drive a Deployment with kubectl. Image pulls take 3 s so that a
 * rollout spreads over simulated time and `rollout status` has progress to report.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { Cluster } from '../../cluster/cluster.js';
import { splitCommandLine } from '../command-line.js';
import { kubectl } from '../index.js';

const NGINX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`;

class World {
  readonly cluster: Cluster;

  constructor(imagePullMs = 3000) {
    this.cluster = new Cluster({ imagePullMs });
  }

  run(line: string, stdin?: string) {
    return kubectl(this.cluster, splitCommandLine(line), stdin === undefined ? {} : { stdin });
  }

  /** Runs a command that must succeed; returns its standard output. */
  ok(line: string, stdin?: string): string {
    const r = this.run(line, stdin);
    expect(r.exitCode, `${line}: ${r.stderr}`).to.equal(0);
    return r.stdout;
  }

  get deployment(): Deployment {
    return this.cluster.store.get('Deployment', 'default', 'web') as Deployment;
  }

  /** ReplicaSet name → [revision, image, spec.replicas]. */
  replicaSets(): Record<string, [string | undefined, string | undefined, number | undefined]> {
    const out: Record<string, [string | undefined, string | undefined, number | undefined]> = {};
    for (const rs of this.cluster.store.list('ReplicaSet', 'default') as ReplicaSet[]) {
      out[rs.metadata.name] = [
        rs.metadata.annotations?.['deployment.kubernetes.io/revision'],
        rs.spec?.template?.spec?.containers[0]?.image,
        rs.spec?.replicas,
      ];
    }
    return out;
  }

  /** The ReplicaSet that runs `image`. */
  replicaSetOf(image: string): string {
    const found = Object.entries(this.replicaSets()).find(([, [, i]]) => i === image);
    expect(found, `no ReplicaSet runs ${image}`).to.not.equal(undefined);
    return found![0];
  }

  /** A Deployment rolled out at revision 1. */
  static rolledOut(imagePullMs = 3000): World {
    const w = new World(imagePullMs);
    w.ok('apply -f -', NGINX);
    w.ok('rollout status deployment/web');
    return w;
  }
}

const waiting = (rest: string) => `Waiting for deployment "web" rollout to finish: ${rest}`;

describe('rollout commands on a simulated cluster', () => {
  it('follows an image update with `rollout status`, printing every line kubectl prints', () => {
    const w = World.rolledOut();
    expect(w.cluster.now).to.equal(3000);
    expect(w.ok('set image deployment/web nginx=nginx:1.16.1')).to.equal(
      'deployment.apps/web image updated\n',
    );
    const status = w.ok('rollout status deployment/web');
    expect(status).to.equal(
      [
        waiting('1 out of 3 new replicas have been updated...'),
        waiting('1 out of 3 new replicas have been updated...'),
        waiting('1 out of 3 new replicas have been updated...'),
        waiting('2 out of 3 new replicas have been updated...'),
        waiting('2 out of 3 new replicas have been updated...'),
        waiting('2 out of 3 new replicas have been updated...'),
        waiting('1 old replicas are pending termination...'),
        waiting('1 old replicas are pending termination...'),
        'deployment "web" successfully rolled out',
        '',
      ].join('\n'),
    );
    // Three new pods, one after another, each pulling the new image for 3 s.
    expect(w.cluster.now).to.equal(12_000);
    expect(w.ok('rollout status deployment/web')).to.equal('deployment "web" successfully rolled out\n');
  });

  it('shows the history with change-causes, and undo renumbers the revision it goes back to', () => {
    const w = World.rolledOut();
    w.ok('annotate deployment/web kubernetes.io/change-cause="nginx 1.14.2"');
    w.ok('set image deployment/web nginx=nginx:1.16.1');
    w.ok('annotate deployment/web kubernetes.io/change-cause="update to 1.16.1"');
    w.ok('rollout status deployment/web');
    expect(w.ok('rollout history deployment/web')).to.equal(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         nginx 1.14.2\n2         update to 1.16.1\n\n',
    );
    const first = w.replicaSetOf('nginx:1.14.2');
    const second = w.replicaSetOf('nginx:1.16.1');

    expect(w.ok('rollout undo deployment/web')).to.equal('deployment.apps/web rolled back\n');
    w.ok('rollout status deployment/web');
    // The ReplicaSet of revision 1 is the new one again, as revision 3; the change-cause came back.
    expect(w.replicaSets()[first]).to.deep.equal(['3', 'nginx:1.14.2', 3]);
    expect(w.replicaSets()[second]).to.deep.equal(['2', 'nginx:1.16.1', 0]);
    expect(w.deployment.metadata.annotations!['kubernetes.io/change-cause']).to.equal('nginx 1.14.2');
    expect(w.ok('rollout history deployment/web')).to.equal(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         update to 1.16.1\n3         nginx 1.14.2\n\n',
    );
    expect(w.cluster.store.get('ReplicaSet', 'default', first)!.metadata.annotations).to.include({
      'deployment.kubernetes.io/revision-history': '1',
    });

    expect(w.ok('rollout undo deployment/web --to-revision=2')).to.equal('deployment.apps/web rolled back\n');
    w.ok('rollout status deployment/web');
    expect(w.replicaSets()[second]).to.deep.equal(['4', 'nginx:1.16.1', 3]);
    expect(w.ok('rollout history deployment/web')).to.equal(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n3         nginx 1.14.2\n4         update to 1.16.1\n\n',
    );
    expect(w.ok('rollout undo deployment/web --to-revision=4')).to.equal(
      'deployment.apps/web skipped rollback (current template already matches revision 4)\n',
    );
    expect(w.run('rollout undo deployment/web --to-revision=1').stderr).to.equal(
      'error: unable to find specified revision 1 in history\n',
    );
    expect(w.ok('rollout history deployment/web --revision=4')).to.contain(
      '  Annotations:\tkubernetes.io/change-cause: update to 1.16.1\n  Containers:\n   nginx:\n    Image:\tnginx:1.16.1\n    Port:\t80/TCP\n    Host Port:\t0/TCP\n',
    );
  });

  it('pause, two edits and resume make one new revision', () => {
    const w = World.rolledOut();
    expect(w.ok('rollout pause deployment/web')).to.equal('deployment.apps/web paused\n');
    w.ok('set image deployment/web nginx=nginx:1.16.1');
    w.ok('set resources deployment/web --limits=cpu=200m,memory=512Mi');
    w.cluster.advance(60_000);
    // Paused: no ReplicaSet for the new template, nothing rolls.
    expect(Object.keys(w.replicaSets())).to.have.length(1);
    expect(w.run('rollout status deployment/web --timeout=10s')).to.deep.equal({
      stdout: `${waiting('0 out of 3 new replicas have been updated...')}\n`,
      stderr: 'error: timed out waiting for the condition\n',
      exitCode: 1,
    });
    // kubectl looks for the previous revision before it checks for a pause: there is none yet.
    expect(w.run('rollout undo deployment/web').stderr).to.equal(
      'error: no rollout history found for deployment "web"\n',
    );
    expect(w.ok('rollout resume deployment/web')).to.equal('deployment.apps/web resumed\n');
    w.ok('rollout status deployment/web');
    const rss = w.replicaSets();
    expect(Object.keys(rss)).to.have.length(2);
    const newRS = w.replicaSetOf('nginx:1.16.1');
    expect(rss[newRS]).to.deep.equal(['2', 'nginx:1.16.1', 3]);
    const template = w.cluster.store.get('ReplicaSet', 'default', newRS)!.spec!.template!.spec!
      .containers[0]!;
    expect(template.resources).to.deep.equal({ limits: { cpu: '200m', memory: '512Mi' } });
    expect(w.ok('rollout history deployment/web')).to.equal(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
  });

  it('restart makes a new ReplicaSet with the restartedAt stamp', () => {
    const w = World.rolledOut();
    w.cluster.advance(7_000);
    expect(w.ok('rollout restart deployment/web')).to.equal('deployment.apps/web restarted\n');
    expect(w.run('rollout restart deployment/web').stderr).to.equal(
      'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    );
    w.ok('rollout status deployment/web');
    const rss = Object.values(w.replicaSets());
    expect(rss).to.have.length(2);
    expect(rss.map(([revision, , replicas]) => [revision, replicas]).sort()).to.deep.equal([
      ['1', 0],
      ['2', 3],
    ]);
    expect(w.deployment.spec!.template!.metadata!.annotations).to.deep.equal({
      'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:10Z',
    });
  });

  it('reports an image that never pulls once the progress deadline passes', () => {
    const w = World.rolledOut(0);
    w.ok('patch deployment web -p \'{"spec":{"progressDeadlineSeconds":60}}\'');
    w.ok('set image deployment/web nginx=nginx:1.161');
    const start = w.cluster.now;
    expect(w.run('rollout status deployment/web')).to.deep.equal({
      stdout: `${waiting('1 out of 3 new replicas have been updated...')}\n`,
      stderr: 'error: deployment "web" exceeded its progress deadline\n',
      exitCode: 1,
    });
    // The controller notices one second after the 60 s deadline (its requeue).
    expect(w.cluster.now - start).to.equal(61_000);
    expect(w.run('rollout status deployment/web --watch=false').stderr).to.equal(
      'error: deployment "web" exceeded its progress deadline\n',
    );
    // Going back heals it.
    expect(w.ok('rollout undo deployment/web')).to.equal('deployment.apps/web rolled back\n');
    expect(w.ok('rollout status deployment/web')).to.equal('deployment "web" successfully rolled out\n');
  });

  it('waits for the spec update to be observed after an annotation bumps the generation', () => {
    const w = World.rolledOut();
    const before = w.deployment.metadata.generation!;
    w.ok('annotate deployment/web team=blue');
    w.ok('label deployment/web tier=frontend');
    expect(w.deployment.metadata.generation).to.equal(before + 1);
    expect(w.deployment.status!.observedGeneration).to.equal(before + 1);
  });
});
