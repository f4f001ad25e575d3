import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Cluster } from '../../cluster/cluster.js';
import { splitCommandLine } from '../command-line.js';
import { kubectl } from '../index.js';

const PODS = `
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.25
  - name: shell
    image: busybox:1.36
    command: [sh, -c, 'mkdir -p /data && echo hello > /data/greeting && sleep 3600']
---
apiVersion: v1
kind: Pod
metadata: {name: proxy}
spec:
  containers:
  - {name: goproxy, image: 'registry.k8s.io/goproxy:0.1'}
---
apiVersion: v1
kind: Pod
metadata: {name: done}
spec:
  restartPolicy: Never
  containers:
  - {name: c, image: busybox, command: [sh, -c, 'exit 0']}
`;

function cluster(settings: ConstructorParameters<typeof Cluster>[0] = {}) {
  const c = new Cluster(settings);
  const run = (line: string, stdin?: string) =>
    kubectl(c, splitCommandLine(line), stdin === undefined ? {} : { stdin });
  return { c, run };
}

describe('kubectl exec', () => {
  const { run, c } = cluster();
  run('apply -f -', PODS);

  it('runs a command in the named container’s file system', () => {
    expect(run('exec web -c shell -- cat /data/greeting')).to.deep.equal({
      stdout: 'hello\n',
      stderr: '',
      exitCode: 0,
    });
    expect(run('exec web -c shell -- ls /data')).to.deep.include({ stdout: 'greeting\n', exitCode: 0 });
    expect(run('exec web -- cat /usr/share/nginx/html/index.html')).to.deep.include({
      stderr: 'Defaulted container "nginx" out of: nginx, shell\n',
      exitCode: 0,
    });
  });

  it('exits with the command’s exit code, as kubectl does', () => {
    expect(run('exec web -c shell -- cat /nope')).to.deep.equal({
      stdout: '',
      stderr: "cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
    expect(run(`exec web -c shell -- sh -c 'exit 7'`).exitCode).to.equal(7);
  });

  it('passes stdin with -i, and says there is no terminal for -it', () => {
    expect(run('exec -i web -c shell -- cat', 'from stdin\n').stdout).to.equal('from stdin\n');
    expect(run('exec -it web -c shell -- true')).to.deep.equal({
      stdout: '',
      stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n',
      exitCode: 0,
    });
  });

  it('lets the command’s time pass in the cluster', () => {
    const before = c.now;
    run('exec web -c shell -- sleep 2');
    expect(c.now - before).to.equal(2000);
  });

  it('supports the deprecated form without --', () => {
    expect(run('exec web -c shell ls /data')).to.deep.equal({
      stdout: 'greeting\n',
      stderr:
        'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n',
      exitCode: 0,
    });
  });

  it('prints containerd’s error for a program the image does not have', () => {
    const r = run('exec proxy -- sh');
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.match(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it('fails like kubectl for missing arguments, unknown containers and finished pods', () => {
    const table: ReadonlyArray<[string, string]> = [
      ['exec web', 'error: you must specify at least one command for the container\n'],
      ['exec -- ls', 'error: pod, type/name or --filename must be specified\n'],
      ['exec nope -- ls', 'Error from server (NotFound): pods "nope" not found\n'],
      ['exec web -c nope -- ls', 'Error from server (BadRequest): container nope is not valid for pod web\n'],
      [
        'exec done -- ls',
        'error: cannot exec into a container in a completed pod; current phase is Succeeded\n',
      ],
    ];
    for (const [line, stderr] of table) expect(run(line).stderr, line).to.equal(stderr);
  });

  it('finds no container in a pod that is not running yet', () => {
    const slow = cluster({ imagePullMs: 30_000 });
    slow.run(
      'apply -f -',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: busybox}\n',
    );
    expect(slow.run('exec p -- ls').stderr).to.equal(
      'error: unable to upgrade connection: container not found ("c")\n',
    );
  });
});
