// Benchmark plumbing: building a cluster, applying manifests, measuring a run. Benchmarks may use
// the host's clock (performance.now) to measure; the simulation under src/ never does.
import { performance } from 'node:perf_hooks';
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

/** Counts the timers that fire on the cluster's clock from now on. */
export function countTimers(cluster: Cluster): () => number {
  let fired = 0;
  const clock = cluster.clock;
  const fireNext = clock.fireNext.bind(clock);
  clock.fireNext = (limit: number) => {
    const timer = fireNext(limit);
    if (timer) fired++;
    return timer;
  };
  return () => fired;
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
  const timers = countTimers(cluster);
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
    timers_fired: timers(),
    setup_ms: round(setupMs),
    heap_mb: round(process.memoryUsage().heapUsed / 1048576),
    ...extra,
  };
}

/** Builds the cluster with host timing, for `measure`'s setup_ms. */
export function timed<T>(build: () => T): [T, number] {
  const t0 = performance.now();
  const value = build();
  return [value, performance.now() - t0];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
