// node --import tsx bench/fingerprint.ts: runs a set of small scenarios that exercise the hot
// paths the benchmarks measure (probes, restarts with back-off, rolling updates, endpoints,
// events, deletion) and prints one sha256 of each scenario's history (every stored change with
// its simulated time). An optimisation must leave every line unchanged: save the output before,
// compare after. With FINGERPRINT_DUMP=DIR each history is also written to DIR/NAME.jsonl, to diff.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { type Cluster, kubectl } from '../src/index.js';
import { apply, clusterWithNodes, deploymentYaml, setImage } from './harness.js';

function run(cluster: Cluster, ...argv: string[]): void {
  const r = kubectl(cluster, argv);
  if (r.exitCode !== 0) throw new Error(`kubectl ${argv.join(' ')}: ${r.stderr}`);
}

const probes = (liveness: string, readiness: string, extra = '') => `        livenessProbe:
${liveness}
        readinessProbe:
${readiness}
${extra}`;
const http = (path: string, port: number, period: number, delay = 0) => `          httpGet:
            path: ${path}
            port: ${port}
          periodSeconds: ${period}
          initialDelaySeconds: ${delay}`;

const pod = (
  name: string,
  image: string,
  script: string,
  container = '',
  policy = 'Always',
) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${policy}
  containers:
  - name: app
    image: ${image}
    command: ['sh', '-c', '${script}']
${container}`;

const service = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
    targetPort: 80
`;

const SCENARIOS: Record<string, () => Cluster> = {
  'probes-scale-delete': () => {
    const c = clusterWithNodes(3);
    apply(
      c,
      deploymentYaml({
        name: 'web',
        replicas: 30,
        image: 'nginx:1.25',
        container: probes(http('/', 80, 10), http('/', 80, 10)),
      }),
    );
    apply(c, service('web'));
    c.advance(3_600_000);
    run(c, 'scale', 'deployment/web', '--replicas=10');
    c.advance(60_000);
    run(c, 'delete', 'deployment/web');
    c.advance(120_000);
    return c;
  },
  'crashloop-24h': () => {
    const c = clusterWithNodes(1);
    apply(c, pod('crash', 'busybox:1.36', 'exit 1'));
    c.advance(86_400_000);
    return c;
  },
  'crashloop-late-fail': () => {
    const c = clusterWithNodes(1);
    apply(c, pod('late', 'busybox:1.36', 'sleep 700; exit 3'));
    apply(c, pod('once', 'busybox:1.36', 'echo hi; exit 2', '', 'OnFailure'));
    c.advance(4 * 3_600_000);
    return c;
  },
  'rolling-update-probes': () => {
    const c = clusterWithNodes(10);
    apply(
      c,
      deploymentYaml({
        name: 'web',
        replicas: 100,
        image: 'nginx:1.25',
        container: `        readinessProbe:\n${http('/', 80, 5, 5)}\n`,
      }),
    );
    apply(c, service('web'));
    c.advance(60_000);
    setImage(c, 'web', 'app=nginx:1.27');
    c.advance(300_000);
    run(c, 'rollout', 'undo', 'deployment/web');
    c.advance(300_000);
    setImage(c, 'web', 'app=nginx:1.161');
    c.advance(900_000);
    return c;
  },
  'liveness-http-failing': () => {
    const c = clusterWithNodes(1);
    apply(
      c,
      `apiVersion: v1
kind: Pod
metadata:
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args: [liveness]
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
      initialDelaySeconds: 3
      periodSeconds: 3
`,
    );
    c.advance(1_800_000);
    return c;
  },
  'exec-probes-startup': () => {
    const c = clusterWithNodes(2);
    apply(
      c,
      pod(
        'exec',
        'busybox:1.36',
        'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600',
        `    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 5
    readinessProbe:
      exec:
        command: [cat, /tmp/healthy]
      periodSeconds: 7
`,
      ),
    );
    apply(
      c,
      pod(
        'startup',
        'busybox:1.36',
        'sleep 20; touch /tmp/up; sleep 3600',
        `    startupProbe:
      exec:
        command: [cat, /tmp/up]
      periodSeconds: 4
      failureThreshold: 10
    readinessProbe:
      exec:
        command: [cat, /tmp/up]
      periodSeconds: 3
`,
      ),
    );
    c.advance(900_000);
    return c;
  },
  'readiness-404-endpoints': () => {
    const c = clusterWithNodes(2);
    apply(
      c,
      deploymentYaml({
        name: 'web',
        replicas: 4,
        image: 'nginx:1.25',
        container: `        readinessProbe:\n${http('/missing', 80, 2)}\n          failureThreshold: 1\n`,
      }),
    );
    apply(c, service('web'));
    c.advance(600_000);
    return c;
  },
  'scheduling-filters': () => {
    const c = clusterWithNodes(6);
    c.store.mutate('Node', undefined, 'node-1', (n) => {
      n.spec = { ...n.spec, unschedulable: true };
    });
    c.store.mutate('Node', undefined, 'node-2', (n) => {
      n.spec = { ...n.spec, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] };
    });
    c.store.mutate('Node', undefined, 'node-3', (n) => {
      n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' };
    });
    c.settle();
    apply(c, deploymentYaml({ name: 'plain', replicas: 20, image: 'nginx:1.25' }));
    apply(
      c,
      deploymentYaml({
        name: 'big',
        replicas: 20,
        image: 'nginx:1.25',
        container: '        resources:\n          requests:\n            cpu: "1"\n            memory: 1Gi\n',
      }),
    );
    apply(
      c,
      `apiVersion: v1
kind: Pod
metadata:
  name: picky
spec:
  nodeSelector:
    disk: ssd
  tolerations:
  - key: dedicated
    operator: Exists
  containers:
  - name: app
    image: nginx:1.25
`,
    );
    c.advance(30_000);
    run(c, 'scale', 'deployment/big', '--replicas=4');
    run(c, 'scale', 'deployment/plain', '--replicas=35');
    c.advance(330_000);
    return c;
  },
  'image-pull-backoff-and-grace': () => {
    const c = clusterWithNodes(1);
    apply(c, deploymentYaml({ name: 'bad', replicas: 2, image: 'nginx:1.161' }));
    apply(c, pod('sleeper', 'busybox:1.36', 'sleep 100000'));
    c.advance(1_200_000);
    run(c, 'delete', 'pod', 'sleeper', '--wait=false');
    c.advance(60_000);
    return c;
  },
};

const only = process.argv.slice(2);
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const cluster = scenario();
  const history = cluster.store.history.serialize();
  const hash = createHash('sha256').update(history).digest('hex').slice(0, 16);
  const dump = process.env.FINGERPRINT_DUMP;
  if (dump) writeFileSync(`${dump}/${name}.jsonl`, `${history}\n`);
  console.log(`${name.padEnd(30)} ${hash} changes=${cluster.store.history.length} now=${cluster.now}`);
}
