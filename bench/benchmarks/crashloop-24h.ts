import { performance } from 'node:perf_hooks';
import type { Cluster } from '../../src/index.js';
import { apply, type Benchmark, type BenchResult, clusterWithNodes, measure, timed } from '../harness.js';

const DAY_MS = 24 * 3_600_000;
const GOAL_MS = 50;
/** Whole runs before the measured ones, so that the figure is the simulator's steady cost. */
const WARMUP_RUNS = 5;
const MEASURED_RUNS = 5;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  restartPolicy: Always
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'exit 1']
`;

/**
 * One busybox pod whose container exits 1 at once, restartPolicy Always: it crash-loops with the
 * kubelet's back-off (10 s doubling to 300 s), so a day holds about 290 restarts and long
 * stretches with nothing due. Setup (not measured): the cluster and the pod's first start at t=0.
 * Measured: the following 24 simulated hours.
 *
 * The day is short work (about 2,000 stored changes), so a first run in a fresh process is mostly
 * the JavaScript engine compiling the code it runs. The benchmark therefore runs the whole day
 * WARMUP_RUNS times first (each in a new cluster), then MEASURED_RUNS times, and reports the
 * median of those as `wall_ms` (the goal applies to it) and the very first run as `first_run_ms`.
 */
export const crashloop24h: Benchmark = {
  name: 'crashloop-24h',
  description: `one busybox pod running \`exit 1\` (restartPolicy Always); measured: 24 simulated hours of crash-looping in < ${GOAL_MS} ms (median of ${MEASURED_RUNS} after ${WARMUP_RUNS} warm-up runs)`,
  run() {
    const first = crashDay(this.name);
    for (let i = 1; i < WARMUP_RUNS; i++) crashDay(this.name);
    const runs = Array.from({ length: MEASURED_RUNS }, () => crashDay(this.name));
    const sorted = [...runs].sort((a, b) => a.wall_ms - b.wall_ms);
    const result = sorted[Math.floor(sorted.length / 2)]!;
    result.runs_ms = runs.map((r) => r.wall_ms);
    result.first_run_ms = first.wall_ms;
    result.us_per_restart = Math.round((result.wall_ms * 1000) / Math.max(1, result.restarts as number));
    result.ok = runs.every((r) => r.ok) && first.ok && result.wall_ms < GOAL_MS;
    return result;
  },
};

/** One fresh cluster, its pod started, then a measured simulated day. */
function crashDay(name: string): BenchResult {
  const [cluster, setupMs] = timed(() => {
    const c = clusterWithNodes(1);
    apply(c, POD);
    c.settle();
    return c;
  });
  const restartsAtStart = restarts(cluster);
  const result = measure(name, cluster, setupMs, () => {
    cluster.advance(DAY_MS);
    const n = restarts(cluster);
    const pod = cluster.store.get('Pod', 'default', 'crash');
    const waiting = pod?.status?.containerStatuses?.[0]?.state?.waiting?.reason;
    // The first exit restarts at once (no back-off yet), so setup ends with one restart; after the
    // back-off reaches its 300 s cap a restart comes every 300 s: far more than 250 a day.
    return {
      ok: n - restartsAtStart > 250 && restartsAtStart <= 1,
      restarts: n,
      state: waiting ?? 'running',
      goal_ms: GOAL_MS,
    };
  });
  result.idle_24h_ms = idleDay(cluster);
  return result;
}

/**
 * Time with nothing due costs nothing: with the pod gone, another simulated day is one jump of
 * the clock. Host milliseconds for it (not part of the measured time).
 */
function idleDay(cluster: Cluster): number {
  cluster.store.delete('Pod', 'default', 'crash', { gracePeriodSeconds: 0 });
  cluster.advance(60_000);
  const t0 = performance.now();
  cluster.advance(DAY_MS);
  return Math.round((performance.now() - t0) * 1000) / 1000;
}

function restarts(cluster: Cluster): number {
  return cluster.store.get('Pod', 'default', 'crash')?.status?.containerStatuses?.[0]?.restartCount ?? -1;
}
