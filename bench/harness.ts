// Benchmark plumbing: building a cluster, applying manifests, measuring a run. Benchmarks may use
// the host's clock (performance.now) to measure; the simulation under src/ never does.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Cluster, defaultNode, kubectl } from '../src/index.js';

/** One benchmark: a name for `npm run bench NAME` and a body that returns its measurement. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(): BenchResult;
}

/** The one JSON line a benchmark prints. `ok` is false when the run did not reach its goal. */
export interface BenchResult {
  name: string;
  ok: boolean;
  /** Host milliseconds for the measured part (after the cluster was built). */
  wall_ms: number;
  /** Simulated milliseconds that passed in the measured part. */
  sim_ms: number;
  /** Stored changes (cluster.store.history.length) at the end. */
  events: number;
  [field: string]: unknown;
}

/** A cluster with `nodes` default nodes (4 CPU, 8Gi, 110 pods each). */
export function clusterWithNodes(nodes: number, seed = 1): Cluster {
  return new Cluster({ seed, nodes: Array.from({ length: nodes }, (_, i) => defaultNode(`node-${i + 1}`)) });
}

/** `kubectl apply -f -` with the given YAML; a rejected manifest stops the benchmark. */
export function apply(cluster: Cluster, yaml: string): void {
  const result = kubectl(cluster, ['apply', '-f', '-'], { stdin: yaml });
  if (result.exitCode !== 0) throw new Error(`kubectl apply failed:\n${result.stderr}`);
}

export interface DeploymentShape {
  name: string;
  replicas: number;
  image: string;
  /** Extra YAML for the container, indented to sit under `- name: app` (probes, resources…). */
  container?: string;
}

export function deploymentYaml(d: DeploymentShape): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${d.name}
spec:
  replicas: ${d.replicas}
  selector:
    matchLabels:
      app: ${d.name}
  template:
    metadata:
      labels:
        app: ${d.name}
    spec:
      containers:
      - name: app
        image: ${d.image}
${d.container ?? ''}`;
}

/**
 * Runs `body` against `cluster` and measures it: host time, simulated time, stored changes,
 * timers fired and heap. `body` returns whether it reached its goal and any extra fields.
 */
export function measure(
  name: string,
  cluster: Cluster,
  setupMs: number,
  body: () => { ok: boolean } & Record<string, unknown>,
): BenchResult {
  collectGarbage();
  const fired0 = cluster.clock.fired;
  const sim0 = cluster.now;
  const t0 = performance.now();
  const extra = body();
  const wall = performance.now() - t0;
  return {
    name,
    wall_ms: round(wall),
    sim_ms: cluster.now - sim0,
    events: cluster.store.history.length,
    pods: cluster.store.count('Pod'),
    timers_fired: cluster.clock.fired - fired0,
    setup_ms: round(setupMs),
    heap_mb: round(process.memoryUsage().heapUsed / 1048576),
    ...extra,
  };
}

/**
 * A full garbage collection before a measured part, so that it does not pay for what earlier
 * benchmarks (or its own setup) left behind. Node exposes `gc` only with --expose-gc; the flag
 * can be turned on at run time and the function taken from a fresh context.
 */
function collectGarbage(): void {
  if (!gcFunction) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  gcFunction();
}
let gcFunction: (() => void) | undefined;

/** Builds the cluster with host timing, for `measure`'s setup_ms. */
export function timed<T>(build: () => T): [T, number] {
  const t0 = performance.now();
  const value = build();
  return [value, performance.now() - t0];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Pods in `namespace` whose Ready condition is True. */
export function readyPods(cluster: Cluster, namespace = 'default'): number {
  let n = 0;
  for (const pod of cluster.store.list('Pod', namespace)) {
    if (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) n++;
  }
  return n;
}

/**
 * Whether a Deployment's rollout is complete, as `kubectl rollout status` decides it
 * (DeploymentStatusViewer): the controller has seen the latest spec, every replica is updated,
 * no old replica is left and every updated replica is available.
 */
export function rolledOut(cluster: Cluster, name: string, namespace = 'default'): boolean {
  const d = cluster.store.get('Deployment', namespace, name);
  if (!d?.status || (d.metadata.generation ?? 0) > (d.status.observedGeneration ?? 0)) return false;
  const replicas = d.spec?.replicas ?? 1;
  const updated = d.status.updatedReplicas ?? 0;
  return (
    updated >= replicas && (d.status.replicas ?? 0) <= updated && (d.status.availableReplicas ?? 0) >= updated
  );
}

/** `kubectl set image deployment/NAME CONTAINER=IMAGE`; a failure stops the benchmark. */
export function setImage(cluster: Cluster, deployment: string, assignment: string): void {
  const result = kubectl(cluster, ['set', 'image', `deployment/${deployment}`, assignment]);
  if (result.exitCode !== 0) throw new Error(`kubectl set image failed:\n${result.stderr}`);
}
