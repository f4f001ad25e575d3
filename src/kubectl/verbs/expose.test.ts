import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KubeObject, Pod, Service, ServiceSpec } from '../../api/types.js';
import { deployment, setUp, trafficCluster } from '../../network/testing.js';
import { splitCommandLine } from '../command-line.js';
import { kubectl } from '../index.js';
import { TestCluster } from '../testing.js';

const svc = (
  name: string,
  namespace: string,
  spec: ServiceSpec,
  labels?: Record<string, string>,
): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace, ...(labels ? { labels } : {}) },
  spec,
});

// The upstream inputs go to a fake client; kubesim's store validates them, so they get the ports
// (and port names) a real apiserver requires. Cases that read the input's ports keep their meaning.
const baz = (ns = 'test') => svc('baz', ns, { selector: { app: 'go' }, ports: [{ port: 8080 }] });

interface Case {
  name: string;
  args: string;
  ns: string;
  input: KubeObject;
  /** The Service sent: metadata.name, labels and the spec fields that matter. */
  output: { name: string; labels?: Record<string, string>; spec: ServiceSpec };
  expected: string;
}

// TestRunExposeService (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose_test.go).
const CASES: Case[] = [
  {
    name: 'expose-service-from-service-no-selector-defined',
    args: 'service baz --protocol=UDP --port=14 --name=foo --labels=svc=test',
    ns: 'test',
    input: baz(),
    output: {
      name: 'foo',
      labels: { svc: 'test' },
      spec: { ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }], selector: { app: 'go' } },
    },
    expected: 'service/foo exposed',
  },
  {
    name: 'expose-service-from-service',
    args: 'service baz --selector=func=stream --protocol=UDP --port=14 --name=foo --labels=svc=test',
    ns: 'test',
    input: baz(),
    output: {
      name: 'foo',
      labels: { svc: 'test' },
      spec: { ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }], selector: { func: 'stream' } },
    },
    expected: 'service/foo exposed',
  },
  {
    name: 'no-name-passed-from-the-cli',
    // A client dry run here: the real apiserver already holds a Service named mayor.
    args: 'service mayor --selector=run=this --port=80 --labels=runas=amayor --dry-run=client',
    ns: 'default',
    input: svc('mayor', 'default', { selector: { run: 'this' }, ports: [{ port: 8080 }] }),
    output: {
      name: 'mayor',
      labels: { runas: 'amayor' },
      spec: { ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }], selector: { run: 'this' } },
    },
    expected: 'service/mayor exposed (dry run)',
  },
  {
    name: 'expose-service',
    args: 'service baz --selector=func=stream --protocol=UDP --port=14 --name=foo --labels=svc=test --type=LoadBalancer --dry-run=client',
    ns: 'test',
    input: baz(),
    output: {
      name: 'foo',
      labels: { svc: 'test' },
      spec: {
        ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }],
        selector: { func: 'stream' },
        type: 'LoadBalancer',
      },
    },
    expected: 'service/foo exposed (dry run)',
  },
  {
    name: 'expose-affinity-service',
    args: 'service baz --selector=func=stream --protocol=UDP --port=14 --name=foo --labels=svc=test --type=LoadBalancer --session-affinity=ClientIP --dry-run=client',
    ns: 'test',
    input: baz(),
    output: {
      name: 'foo',
      labels: { svc: 'test' },
      spec: {
        ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }],
        selector: { func: 'stream' },
        type: 'LoadBalancer',
        sessionAffinity: 'ClientIP',
      },
    },
    expected: 'service/foo exposed (dry run)',
  },
  {
    name: 'expose-service-cluster-ip',
    args: 'service baz --selector=func=stream --protocol=UDP --port=14 --name=foo --labels=svc=test --cluster-ip=10.10.10.10 --dry-run=client',
    ns: 'test',
    input: baz(),
    output: {
      name: 'foo',
      labels: { svc: 'test' },
      spec: {
        ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }],
        selector: { func: 'stream' },
        clusterIP: '10.10.10.10',
      },
    },
    expected: 'service/foo exposed (dry run)',
  },
  {
    name: 'expose-headless-service',
    args: 'service baz --selector=func=stream --protocol=UDP --port=14 --name=foo --labels=svc=test --cluster-ip=None --dry-run=client',
    ns: 'test',
    input: baz(),
    output: {
      name: 'foo',
      labels: { svc: 'test' },
      spec: {
        ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }],
        selector: { func: 'stream' },
        clusterIP: 'None',
      },
    },
    expected: 'service/foo exposed (dry run)',
  },
  {
    name: 'expose-headless-service-no-port',
    args: 'service baz --selector=func=stream --name=foo --labels=svc=test --cluster-ip=None --dry-run=client',
    ns: 'test',
    input: svc('baz', 'test', { clusterIP: 'None', selector: { app: 'go' } }),
    output: {
      name: 'foo',
      labels: { svc: 'test' },
      spec: { ports: [], selector: { func: 'stream' }, clusterIP: 'None' },
    },
    expected: 'service/foo exposed (dry run)',
  },
  {
    name: 'truncate-name',
    args: 'pod a-name-that-is-toooo-big-for-a-service-because-it-can-only-handle-63-characters --selector=svc=frompod --port=90 --labels=svc=frompod',
    ns: 'test',
    input: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'a-name-that-is-toooo-big-for-a-service-because-it-can-only-handle-63-characters',
        namespace: 'test',
      },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    } as Pod,
    output: {
      name: 'a-name-that-is-toooo-big-for-a-service-because-it-can-only-hand',
      labels: { svc: 'frompod' },
      spec: { ports: [{ protocol: 'TCP', port: 90, targetPort: 90 }], selector: { svc: 'frompod' } },
    },
    expected: 'service/a-name-that-is-toooo-big-for-a-service-because-it-can-only-hand exposed',
  },
  {
    name: 'expose-multiport-object',
    args: 'service foo --selector=svc=fromfoo --name=fromfoo --dry-run=client',
    ns: 'test',
    input: svc(
      'foo',
      'test',
      {
        ports: [
          { name: 'a', protocol: 'TCP', port: 80, targetPort: 80 },
          { name: 'b', protocol: 'TCP', port: 443, targetPort: 443 },
        ],
      },
      { svc: 'multiport' },
    ),
    output: {
      name: 'fromfoo',
      labels: { svc: 'multiport' },
      spec: {
        ports: [
          { name: 'port-1', protocol: 'TCP', port: 80, targetPort: 80 },
          { name: 'port-2', protocol: 'TCP', port: 443, targetPort: 443 },
        ],
        selector: { svc: 'fromfoo' },
      },
    },
    expected: 'service/fromfoo exposed (dry run)',
  },
  {
    name: 'expose-multiprotocol-object',
    args: 'service foo --selector=svc=fromfoo --name=fromfoo --dry-run=client',
    ns: 'test',
    input: svc(
      'foo',
      'test',
      {
        ports: [
          { name: 'a', protocol: 'TCP', port: 80, targetPort: 80 },
          { name: 'b', protocol: 'UDP', port: 8080, targetPort: 8080 },
          { name: 'c', protocol: 'UDP', port: 8081, targetPort: 8081 },
          { name: 'd', protocol: 'SCTP', port: 8082, targetPort: 8082 },
        ],
      },
      { svc: 'multiport' },
    ),
    output: {
      name: 'fromfoo',
      labels: { svc: 'multiport' },
      spec: {
        ports: [
          { name: 'port-1', protocol: 'TCP', port: 80, targetPort: 80 },
          { name: 'port-2', protocol: 'UDP', port: 8080, targetPort: 8080 },
          { name: 'port-3', protocol: 'UDP', port: 8081, targetPort: 8081 },
          { name: 'port-4', protocol: 'SCTP', port: 8082, targetPort: 8082 },
        ],
        selector: { svc: 'fromfoo' },
      },
    },
    expected: 'service/fromfoo exposed (dry run)',
  },
  {
    name: 'expose-service-from-service-no-selector-defined-sctp',
    args: 'service baz --protocol=SCTP --port=14 --name=foo --labels=svc=test',
    ns: 'test',
    input: baz(),
    output: {
      name: 'foo',
      labels: { svc: 'test' },
      spec: { ports: [{ protocol: 'SCTP', port: 14, targetPort: 14 }], selector: { app: 'go' } },
    },
    expected: 'service/foo exposed',
  },
  {
    name: 'expose-headless-service-sctp',
    args: 'service baz --selector=func=stream --protocol=SCTP --port=14 --name=foo --labels=svc=test --cluster-ip=None --dry-run=client',
    ns: 'test',
    input: baz(),
    output: {
      name: 'foo',
      labels: { svc: 'test' },
      spec: {
        ports: [{ protocol: 'SCTP', port: 14, targetPort: 14 }],
        selector: { func: 'stream' },
        clusterIP: 'None',
      },
    },
    expected: 'service/foo exposed (dry run)',
  },
];

describe('kubectl expose (expose_test.go TestRunExposeService)', () => {
  for (const tc of CASES) {
    it(tc.name, () => {
      const c = new TestCluster(['default', 'test', 'testns']);
      c.create(tc.input);
      const dryRun = tc.args.includes('--dry-run=client');
      // The Service kubectl sends, as -o json prints it (dry run) or as the server stored it.
      const asJson = c.run(`expose ${tc.args} -n ${tc.ns} -o json --dry-run=client`);
      expect(asJson.stderr).to.equal('');
      const sent = JSON.parse(asJson.stdout) as Service;
      expect(sent.metadata.name).to.equal(tc.output.name);
      expect(sent.metadata.labels).to.deep.equal(tc.output.labels);
      for (const [field, value] of Object.entries(tc.output.spec)) {
        expect((sent.spec as Record<string, unknown>)[field], field).to.deep.equal(value);
      }
      const result = c.run(`expose ${tc.args} -n ${tc.ns}`);
      expect(result).to.deep.equal({ stdout: `${tc.expected}\n`, stderr: '', exitCode: 0 });
      if (tc.output.name !== tc.input.metadata.name) {
        expect(!!c.store.get('Service', tc.ns, tc.output.name)).to.equal(!dryRun);
      }
    });
  }

  it('namespace-yaml: prints the namespace given with -n in a client dry run', () => {
    const c = new TestCluster(['default', 'testns']);
    c.create(baz('testns'));
    const out = c.run(
      'expose service baz -n testns --selector=func=stream --protocol=UDP --port=14 --name=foo --labels=svc=test --type=LoadBalancer --dry-run=client -o yaml',
    ).stdout;
    expect(out).to.include('namespace: testns');
    expect(out).to.include('creationTimestamp: null');
    expect(out).to.include('loadBalancer: {}');
  });

  it('exposes a Service from a file', () => {
    const c = new TestCluster(['default', 'test']);
    const manifest = `apiVersion: v1
kind: Service
metadata:
  name: redis-master
  labels: {app: redis}
spec:
  ports: [{port: 6379, targetPort: 6379}]
  selector: {app: redis, role: master}
`;
    const result = kubectl(c, splitCommandLine('expose -f - --port=14 --protocol=UDP --name=foo -n test'), {
      stdin: manifest,
    });
    expect(result).to.deep.equal({ stdout: 'service/foo exposed\n', stderr: '', exitCode: 0 });
    expect(c.store.get('Service', 'test', 'foo')!.spec!.selector).to.deep.equal({
      app: 'redis',
      role: 'master',
    });
  });
});

describe('kubectl expose deployment', () => {
  it('makes a NodePort Service with the Deployment selector that carries traffic', () => {
    const c = trafficCluster();
    setUp(c, [deployment('web', 2, 'example/app-8080', [{ containerPort: 8080 }])]);
    const result = kubectl(
      c,
      splitCommandLine('expose deployment web --port=80 --target-port=8080 --type=NodePort --name=web-np'),
    );
    expect(result).to.deep.equal({ stdout: 'service/web-np exposed\n', stderr: '', exitCode: 0 });
    const created = c.store.get('Service', 'default', 'web-np')!;
    expect(created.metadata.labels).to.deep.equal({ app: 'web' });
    expect(created.spec!.selector).to.deep.equal({ app: 'web' });
    expect(created.spec!.ports).to.have.length(1);
    expect(created.spec!.ports![0]).to.deep.include({ port: 80, protocol: 'TCP', targetPort: 8080 });
    const nodePort = created.spec!.ports![0]!.nodePort!;
    c.advance(1_000);
    const records = c.network.send(`http://node-1:${nodePort}/`, { from: 'outside', count: 10 });
    expect(records.every((r) => r.ok && r.body === '8080')).to.equal(true);
    // Without --port the container's port is reused.
    expect(kubectl(c, splitCommandLine('expose deploy web --name=web-default')).stdout).to.equal(
      'service/web-default exposed\n',
    );
    expect(c.store.get('Service', 'default', 'web-default')!.spec!.ports![0]).to.deep.include({
      port: 8080,
      targetPort: 8080,
    });
  });

  it('reports what cannot be exposed as kubectl does', () => {
    const c = new TestCluster();
    c.create(deployment('noports', 1, 'nginx'));
    c.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'bare', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    } as Pod);
    c.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } });
    expect(c.run('expose deployment noports').stderr).to.equal(
      "error: couldn't find port via --port flag or introspection\n",
    );
    expect(c.run('expose pod bare --port=80').stderr).to.equal(
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n",
    );
    expect(c.run('expose node node-1 --port=80').stderr).to.equal('error: cannot expose a Node\n');
    expect(c.run('expose deployment noports --port=http').stderr).to.equal(
      'error: strconv.Atoi: parsing "http": invalid syntax\n',
    );
    expect(c.run('expose deployment noports --port=80 --session-affinity=Sticky').stderr).to.equal(
      'error: unknown session affinity: Sticky\n',
    );
    expect(c.run('expose deployment noports --port=80 --selector=app').stderr).to.equal(
      'error: unexpected label spec: app\n',
    );
    expect(c.run('expose deployment ghost --port=80').stderr).to.equal(
      'Error from server (NotFound): deployments.apps "ghost" not found\n',
    );
    expect(c.run('expose deployment').stderr).to.equal(
      'error: resource(s) were provided, but no name was specified\n',
    );
  });
});
