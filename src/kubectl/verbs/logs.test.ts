import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Cluster } from '../../cluster/cluster.js';
import { splitCommandLine } from '../command-line.js';
import { kubectl } from '../index.js';
import { render } from './logs.js';

function cluster(manifest: string): { run: (line: string) => ReturnType<typeof kubectl>; c: Cluster } {
  const c = new Cluster({});
  const run = (line: string, stdin?: string) =>
    kubectl(c, splitCommandLine(line), stdin === undefined ? {} : { stdin });
  const applied = run('apply -f -', manifest);
  if (applied.exitCode !== 0) throw new Error(applied.stderr);
  return { run, c };
}

const COUNTER = `
apiVersion: v1
kind: Pod
metadata: {name: counter}
spec:
  containers:
  - name: count
    image: busybox:1.36
    args: [/bin/sh, -c, 'i=0; while true; do echo "$i"; i=$((i+1)); sleep 1; done']
  - name: side
    image: busybox:1.36
    command: [sh, -c, 'echo side says hi; sleep 3600']
`;

describe('kubectl logs', () => {
  it('prints the first container’s log, with kubectl’s note about the default', () => {
    const { run, c } = cluster(COUNTER);
    c.advance(3000);
    expect(run('logs counter')).to.deep.equal({
      stdout: '0\n1\n2\n3\n',
      stderr: 'Defaulted container "count" out of: count, side\n',
      exitCode: 0,
    });
    expect(run('logs counter -c side').stdout).to.equal('side says hi\n');
    expect(run('logs counter side').stdout).to.equal('side says hi\n');
  });

  it('honours --tail, --timestamps, --since and --limit-bytes', () => {
    const { run, c } = cluster(COUNTER);
    c.advance(10_000);
    expect(run('logs counter -c count --tail=2 --timestamps').stdout).to.equal(
      '2025-01-01T00:00:09.000000000Z 9\n2025-01-01T00:00:10.000000000Z 10\n',
    );
    expect(run('logs counter -c count --since=3s').stdout).to.equal('7\n8\n9\n10\n');
    expect(run('logs counter -c count --limit-bytes=5').stdout).to.equal('0\n1\n2');
    expect(run('logs counter -c count --tail=0').stdout).to.equal('');
    expect(run('logs counter --all-containers --prefix --tail=1').stdout).to.equal(
      '[pod/counter/count] 10\n[pod/counter/side] side says hi\n',
    );
  });

  it('reads the previous instance with -p, and says when there is none', () => {
    const { run, c } = cluster(`
apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  containers:
  - {name: app, image: busybox, command: [sh, -c, 'echo "attempt at $(date +%S)"; sleep 2; exit 1']}
`);
    expect(run('logs crash -p')).to.deep.equal({
      stdout: '',
      stderr:
        'Error from server (BadRequest): previous terminated container "app" in pod "crash" not found\n',
      exitCode: 1,
    });
    c.advance(3000);
    expect(run('logs crash --previous').stdout).to.equal('attempt at 00\n');
    expect(run('logs crash').stdout).to.equal('attempt at 02\n');
  });

  it('picks a workload’s pod as kubectl does, and reads every pod of a selector', () => {
    const { run } = cluster(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: app, image: busybox, command: [sh, -c, 'echo "I am $HOSTNAME"; sleep 3600']}
`);
    const r = run('logs deployment/web');
    expect(r.stderr).to.match(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    const chosen = r.stderr.slice('Found 2 pods, using pod/'.length).trim();
    expect(r.stdout).to.equal(`I am ${chosen}\n`);
    const all = run('logs -l app=web --prefix').stdout.trim().split('\n');
    expect(all).to.have.length(2);
    expect(all[0]).to.match(/^\[pod\/web-\S+\/app\] I am web-/);
    expect(run('logs -l app=none')).to.deep.include({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
    });
  });

  it('says why a container has no log yet', () => {
    const c = new Cluster({ imagePullMs: 10_000 });
    kubectl(c, ['apply', '-f', '-'], {
      stdin:
        'apiVersion: v1\nkind: Pod\nmetadata: {name: slow}\nspec:\n  containers:\n  - {name: c, image: nginx:1.25}\n',
    });
    expect(kubectl(c, ['logs', 'slow']).stderr).to.equal(
      'Error from server (BadRequest): container "c" in pod "slow" is waiting to start: ContainerCreating\n',
    );
  });

  it('fails like kubectl on bad arguments, and refuses -f', () => {
    const { run } = cluster(COUNTER);
    expect(run('logs').stderr).to.equal(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
    expect(run('logs counter -c nope').stderr).to.equal(
      'error: container nope is not valid for pod counter out of: count, side\n',
    );
    expect(run('logs counter side -c side').stderr).to.equal(
      'error: only one of -c or an inline [CONTAINER] arg is allowed\n',
    );
    expect(run('logs counter --tail=-2').stderr).to.equal(
      'error: --tail must be greater than or equal to -1\n',
    );
    expect(run('logs nope').stderr).to.equal('Error from server (NotFound): pods "nope" not found\n');
    expect(run('logs -f counter').stderr).to.include('kubesim does not simulate "kubectl logs -f"');
  });

  it('renders lines as the kubelet reads them: tail first, then since, then the byte limit', () => {
    const lines = [0, 1, 2, 3].map((i) => ({ at: i * 1000, stream: 'stdout' as const, text: `l${i}` }));
    const base = { timestamps: false, tailLines: undefined, sinceMs: undefined, limitBytes: undefined };
    expect(render(lines, { ...base, tailLines: 3, sinceMs: 2000 })).to.equal('l2\nl3\n');
    expect(render(lines, { ...base, limitBytes: 4 })).to.equal('l0\nl');
    expect(render(lines, { ...base, tailLines: 1 }, '[p] ')).to.equal('[p] l3\n');
  });
});
