import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod, Service } from '../../api/types.js';
import { Cluster } from '../../cluster/cluster.js';
import { splitCommandLine } from '../command-line.js';
import { kubectl } from '../index.js';
import { TestCluster } from '../testing.js';
import { getRestartPolicy } from './run.js';

const USAGE = "\nSee 'kubectl run -h' for help and examples\n";

describe('getRestartPolicy (run_test.go TestGetRestartPolicy)', () => {
  const cases: Array<[string, boolean, string | undefined]> = [
    ['', false, 'Always'],
    ['', true, 'OnFailure'],
    ['Always', true, 'Always'],
    ['Never', true, 'Never'],
    ['Always', false, 'Always'],
    ['Never', false, 'Never'],
    ['foo', false, undefined],
  ];
  for (const [input, interactive, expected] of cases) {
    it(`${JSON.stringify(input)} interactive=${interactive}`, () => {
      if (expected === undefined)
        expect(() => getRestartPolicy(input, interactive)).to.throw('invalid restart policy: foo');
      else expect(getRestartPolicy(input, interactive)).to.equal(expected);
    });
  }
});

describe('NAME and `--` (TestRunArgsFollowDashRules)', () => {
  const cases: Array<[string, string, boolean]> = [
    ['empty', 'run --image=nginx', true],
    ['no cmd', 'run foo --image=nginx', false],
    ['cmd no dash', 'run foo sleep --image=nginx', false],
    ['cmd has dash', 'run foo --image=nginx -- sleep', false],
    ['no name', 'run --image=nginx -- foo sleep', true],
  ];
  for (const [name, line, fails] of cases) {
    it(name, () => {
      const r = new TestCluster().run(line);
      if (fails) expect(r.stderr).to.equal(`error: NAME is required for run${USAGE}`);
      else expect(r.stdout).to.equal('pod/foo created\n');
    });
  }
});

describe('--expose (TestGenerateService)', () => {
  it('basic: a TCP service on the port, selecting run=NAME', () => {
    const c = new TestCluster(['default', 'test']);
    expect(c.run('run foo --image=nginx --port=80 --expose -n test').stdout).to.equal(
      'service/foo created\npod/foo created\n',
    );
    const svc = c.store.get('Service', 'test', 'foo') as Service;
    expect(svc.metadata.labels).to.equal(undefined);
    expect(svc.spec?.selector).to.deep.equal({ run: 'foo' });
    expect(svc.spec?.ports?.map((p) => [p.port, p.protocol, p.targetPort])).to.deep.equal([[80, 'TCP', 80]]);
  });

  it('custom labels: the service is labelled and selects by them', () => {
    const c = new TestCluster();
    c.run('run foo --image=nginx --port=80 --expose --labels=app=bar');
    const svc = c.store.get('Service', 'default', 'foo') as Service;
    expect(svc.metadata.labels).to.deep.equal({ app: 'bar' });
    expect(svc.spec?.selector).to.deep.equal({ app: 'bar' });
  });

  it('missing port', () => {
    expect(new TestCluster().run('run foo --image=nginx --expose').stderr).to.equal(
      `error: --port must be set when exposing a service${USAGE}`,
    );
  });

  it('dry-run: nothing is created', () => {
    const c = new TestCluster();
    expect(c.run('run foo --image=nginx --port=80 --expose --dry-run=client').stdout).to.equal(
      'service/foo created (dry run)\npod/foo created (dry run)\n',
    );
    expect(c.store.list('Service')).to.have.length(0);
    expect(c.store.list('Pod')).to.have.length(0);
  });
});

describe('validations (TestRunValidations, with the messages of kubectl v1.33)', () => {
  const cases: Array<[string, string]> = [
    ['run', 'error: required flag(s) "image" not set\n'],
    ['run test', 'error: required flag(s) "image" not set\n'],
    ['run test --image=', 'error: --image is required\n'],
    ['run --image=busybox', `error: NAME is required for run${USAGE}`],
    ['run test --image=#', 'error: Invalid image name "#": invalid reference format\n'],
    ['run test --image=NGINX', 'error: Invalid image name "NGINX": invalid reference format\n'],
    ['run test --image=busybox --rm', `error: --rm should only be used for attached containers${USAGE}`],
    [
      'run test --image=busybox --attach --dry-run=client',
      `error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)${USAGE}`,
    ],
    [
      'run test --image=busybox --stdin --dry-run=client',
      `error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)${USAGE}`,
    ],
    [
      'run test --image=busybox -it --dry-run=client',
      `error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)${USAGE}`,
    ],
    [
      'run test --image=busybox --tty',
      `error: -i/--stdin is required for containers with -t/--tty=true${USAGE}`,
    ],
    ['run test --image=nginx --restart=Foo', `error: invalid restart policy: Foo${USAGE}`],
    ['run test --image=nginx --image-pull-policy=Foo', `error: invalid image pull policy: Foo${USAGE}`],
    ['run test --image=nginx --port=abc', 'error: strconv.Atoi: parsing "abc": invalid syntax\n'],
    ['run test --image=nginx --env=FOO', 'error: invalid env: FOO\n'],
    ['run test --image=nginx --env==x', 'error: invalid env: =x\n'],
    ['run test --image=nginx --env=1A=x', 'error: invalid env: 1A=x\n'],
    ['run test --image=nginx --labels=a', 'error: unexpected label spec: a\n'],
    ['run test --image=nginx --labels==b', 'error: unexpected empty label key\n'],
    ['run test --image=nginx --labels=a=b=c', 'error: unexpected label spec: a=b=c\n'],
    ['run test --image=nginx --annotations=foo', 'error: invalid annotations format: foo\n'],
    [
      'run test --image=nginx --dry-run=foo',
      'error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n',
    ],
    [
      'run test --image=nginx -i --rm --pod-running-timeout=0s',
      `error: --pod-running-timeout must be higher than zero${USAGE}`,
    ],
    [
      'run test --image=nginx -o wide',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    ],
  ];
  for (const [line, stderr] of cases) {
    it(line, () => {
      const r = new TestCluster().run(line);
      expect(r.stderr).to.equal(stderr);
      expect(r.exitCode).to.equal(1);
    });
  }

  it('leaves an existing pod alone and a bad name to the API server', () => {
    const c = new TestCluster();
    c.run('run web --image=nginx');
    expect(c.run('run web --image=nginx').stderr).to.equal(
      'Error from server (AlreadyExists): pods "web" already exists\n',
    );
    expect(c.run('run Web --image=nginx').stderr).to.match(
      /^The Pod "Web" is invalid: \n\* metadata\.name: Invalid value: "Web"/,
    );
    // A client-side dry run sends nothing, so nothing checks the name.
    expect(c.run('run Bad_Name --image=nginx --dry-run=client').stdout).to.equal(
      'pod/Bad_Name created (dry run)\n',
    );
  });
});

describe('the pod kubectl run generates (outputs of kubectl v1.33)', () => {
  const yaml = (container: string, opts: { labels?: string; meta?: string; restart?: string } = {}) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n${opts.meta ?? ''}  creationTimestamp: null\n  labels:\n${opts.labels ?? '    run: nginx\n'}  name: nginx\n${opts.restart === undefined ? '' : ''}spec:\n  containers:\n${container}  dnsPolicy: ClusterFirst\n  restartPolicy: ${opts.restart ?? 'Always'}\nstatus: {}\n`;
  const cases: Array<[string, string]> = [
    [
      'run nginx --image=nginx --dry-run=client -o yaml',
      yaml('  - image: nginx\n    name: nginx\n    resources: {}\n'),
    ],
    [
      'run nginx --image=nginx --command --dry-run=client -o yaml -- sh -c "echo hi"',
      yaml(
        '  - command:\n    - sh\n    - -c\n    - echo hi\n    image: nginx\n    name: nginx\n    resources: {}\n',
      ),
    ],
    [
      'run nginx a b --image=nginx --dry-run=client -o yaml',
      yaml('  - args:\n    - a\n    - b\n    image: nginx\n    name: nginx\n    resources: {}\n'),
    ],
    [
      'run nginx --image=nginx --privileged --image-pull-policy=Always --dry-run=client -o yaml',
      yaml(
        '  - image: nginx\n    imagePullPolicy: Always\n    name: nginx\n    resources: {}\n    securityContext:\n      privileged: true\n',
      ),
    ],
    [
      'run nginx --image=nginx --restart=Never --port=80 --env=A=1 --env=B=2 --labels=app=web,tier=fe --annotations=x=y --dry-run=client -o yaml',
      yaml(
        '  - env:\n    - name: A\n      value: "1"\n    - name: B\n      value: "2"\n    image: nginx\n    name: nginx\n    ports:\n    - containerPort: 80\n    resources: {}\n',
        { meta: '  annotations:\n    x: "y"\n', labels: '    app: web\n    tier: fe\n', restart: 'Never' },
      ),
    ],
    [
      'run nginx --image=nginx --dry-run=client -o json',
      '{\n    "kind": "Pod",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "nginx",\n        "creationTimestamp": null,\n        "labels": {\n            "run": "nginx"\n        }\n    },\n    "spec": {\n        "containers": [\n            {\n                "name": "nginx",\n                "image": "nginx",\n                "resources": {}\n            }\n        ],\n        "restartPolicy": "Always",\n        "dnsPolicy": "ClusterFirst"\n    },\n    "status": {}\n}\n',
    ],
    ['run nginx --image=nginx --dry-run=client -o name', 'pod/nginx\n'],
    [
      'run nginx --image=nginx --dry-run=client -o jsonpath={.spec}',
      '{"containers":[{"image":"nginx","name":"nginx","resources":{}}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always"}',
    ],
    [
      'run nginx --image=nginx --port=80 --expose --dry-run=client -o yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  name: nginx\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    run: nginx\nstatus:\n  loadBalancer: {}\n---\n---\n' +
        yaml('  - image: nginx\n    name: nginx\n    ports:\n    - containerPort: 80\n    resources: {}\n'),
    ],
  ];
  for (const [line, stdout] of cases) {
    it(line, () => {
      const r = new TestCluster().run(line);
      expect(r.stderr).to.equal('');
      expect(r.stdout).to.equal(stdout);
    });
  }

  it('names the namespace of a client-side object only when -n is given', () => {
    const r = new TestCluster(['default', 'team-a']).run(
      'run nginx --image=nginx -n team-a --dry-run=client -o yaml',
    );
    expect(r.stdout).to.contain('  name: nginx\n  namespace: team-a\nspec:');
  });

  it('creates the pod: labels, container, restart policy, stdin and tty', () => {
    const c = new TestCluster();
    expect(
      c.run('run web --image=nginx:1.25 --restart=OnFailure -l app=web --port=8080 -- --flag').stdout,
    ).to.equal('pod/web created\n');
    const pod = c.store.get('Pod', 'default', 'web') as Pod;
    expect(pod.metadata.labels).to.deep.equal({ app: 'web' });
    expect(pod.spec?.restartPolicy).to.equal('OnFailure');
    const container = pod.spec!.containers[0]!;
    expect([
      container.name,
      container.image,
      container.args,
      container.ports?.[0]?.containerPort,
    ]).to.deep.equal(['web', 'nginx:1.25', ['--flag'], 8080]);
    expect(container.stdin).to.equal(undefined);
  });
});

/** A full cluster (kubelets, images): the attached sessions. */
function run(c: Cluster, line: string) {
  return kubectl(c, splitCommandLine(line));
}

describe('kubectl run -i/-t/--attach in simulated time', () => {
  it('the docs favourite: prints the output, deletes the pod, exits with the exit code', () => {
    const c = new Cluster({});
    const r = run(c, 'run dns --rm -it --restart=Never --image=busybox:1.28 -- nslookup kubernetes.default');
    expect(r.exitCode).to.equal(0);
    expect(r.stderr).to.equal("If you don't see a command prompt, try pressing enter.\n");
    expect(r.stdout).to.match(
      /^Server: {4}10\.96\.0\.10\n[\s\S]*Name: {6}kubernetes\.default\n[\s\S]*pod "dns" deleted\n$/,
    );
    c.settle();
    expect(c.store.get('Pod', 'default', 'dns')).to.equal(undefined);
  });

  it('returns the exit code of a failed container, and its output on a terminal', () => {
    const c = new Cluster({});
    const r = run(
      c,
      "run t --rm -it --restart=Never --image=busybox -- sh -c 'echo hi; echo oops >&2; exit 3'",
    );
    expect(r.exitCode).to.equal(3);
    expect(r.stdout).to.equal('hi\noops\npod "t" deleted\n');
    expect(r.stderr).to.equal(
      "If you don't see a command prompt, try pressing enter.\npod default/t terminated (Error)\n",
    );
  });

  it('keeps stderr apart without a terminal, and -q drops the prompt hint', () => {
    const c = new Cluster({});
    const r = run(c, "run t -q -i --restart=Never --image=busybox -- sh -c 'echo out; echo err >&2'");
    expect(r.exitCode).to.equal(0);
    expect(r.stdout).to.equal('out\n');
    expect(r.stderr).to.equal('err\n');
  });

  it('streams output produced over time, in simulated time', () => {
    const c = new Cluster({});
    const r = run(
      c,
      "run loop --attach --restart=Never --image=busybox -- sh -c 'for i in 1 2 3; do echo $i; sleep 1; done'",
    );
    expect(r.stdout).to.equal('1\n2\n3\n');
    expect(c.now).to.be.at.least(2000);
  });

  it('gives up after --pod-running-timeout when the pod never runs', () => {
    const c = new Cluster({ nodes: [] });
    const r = run(c, 'run p --rm -i --restart=Never --image=busybox --pod-running-timeout=5s -- true');
    expect(r.stderr).to.equal('error: timed out waiting for the condition\n');
    expect(r.stdout).to.equal('pod "p" deleted\n');
    expect(c.now).to.equal(5000);
  });

  it('detaches from a container that does not end, and with Always says how to resume', () => {
    const c = new Cluster({});
    const r = run(c, 'run sh1 -it --image=busybox --pod-running-timeout=10s -- sh');
    expect(r.exitCode).to.equal(0);
    expect(r.stderr).to.equal(
      "If you don't see a command prompt, try pressing enter.\nkubesim: detached after 10s of simulated time: the container is still running\n",
    );
    expect(r.stdout).to.equal(
      "Session ended, resume using 'kubectl attach sh1 -c sh1 -i -t' command when the pod is running\n",
    );
  });
});
