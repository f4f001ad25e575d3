import { ProbeWorker } from '../../src/controllers/kubelet/prober.js';
import {
  apply,
  type Benchmark,
  clusterWithNodes,
  deploymentYaml,
  measure,
  readyPods,
  timed,
} from '../harness.js';

const NODES = 100;
const REPLICAS = 1000;
const PERIOD_S = 10;
const HOUR_MS = 3_600_000;
/** Probe runs in the hour: 1,000 pods × 2 probes × 360 ticks (at 10 s, 20 s, … 3,600 s). */
const EXPECTED_PROBES = REPLICAS * 2 * (HOUR_MS / (PERIOD_S * 1000));
const GOAL_MS = 3_000;

const PROBES = `        livenessProbe:
          httpGet:
            path: /
            port: 80
          periodSeconds: ${PERIOD_S}
        readinessProbe:
          httpGet:
            path: /
            port: 80
          periodSeconds: ${PERIOD_S}
`;

/**
 * Counts probe runs: every call of ProbeWorker.run (the probe itself, after the worker's
 * checks for initial delay, a stopped container…), by probe type. Returns a reader and an undo.
 */
function countProbeRuns(): { read(): Record<string, number>; restore(): void } {
  const proto = ProbeWorker.prototype as unknown as { run: (instance: unknown) => unknown };
  const original = proto.run;
  const counts: Record<string, number> = { liveness: 0, readiness: 0, startup: 0 };
  proto.run = function (this: ProbeWorker, instance: unknown) {
    counts[this.type]!++;
    return original.call(this, instance);
  };
  return {
    read: () => ({ ...counts }),
    restore: () => {
      proto.run = original;
    },
  };
}

/**
 * 100 nodes and a 1,000-replica nginx Deployment whose container has an HTTP liveness probe and
 * an HTTP readiness probe (httpGet / on port 80, every 10 s). Setup (not measured): the cluster,
 * the apply and the instant at t=0 when every pod starts and is Ready (its first readiness probe
 * runs at container start). Measured: one simulated hour from there, 720,000 probe runs.
 */
export const probes1000x1h: Benchmark = {
  name: 'probes-1000x1h',
  description: `${REPLICAS} nginx pods on ${NODES} nodes, httpGet liveness + readiness probes every ${PERIOD_S} s; measured: one simulated hour after all are Ready (${EXPECTED_PROBES} probe runs) in < ${GOAL_MS / 1000} s`,
  run() {
    const counter = countProbeRuns();
    try {
      const [cluster, setupMs] = timed(() => {
        const c = clusterWithNodes(NODES);
        apply(c, deploymentYaml({ name: 'web', replicas: REPLICAS, image: 'nginx:1.25', container: PROBES }));
        c.settle();
        return c;
      });
      const readyAtStart = readyPods(cluster);
      const setupProbes = counter.read();
      const result = measure(this.name, cluster, setupMs, () => {
        cluster.advance(HOUR_MS);
        return { ok: true };
      });
      // Counted after the measured part (reading every pod is not simulated work).
      const after = counter.read();
      const liveness = after.liveness! - setupProbes.liveness!;
      const readiness = after.readiness! - setupProbes.readiness!;
      const ready = readyPods(cluster);
      result.ok = liveness + readiness === EXPECTED_PROBES && ready === REPLICAS && readyAtStart === REPLICAS;
      Object.assign(result, {
        probes: liveness + readiness,
        liveness_probes: liveness,
        readiness_probes: readiness,
        expected_probes: EXPECTED_PROBES,
        // The startup edge: readiness probed once as each container started (at t=0, in setup).
        setup_probes: setupProbes.liveness! + setupProbes.readiness!,
        ready_pods: ready,
        goal_ms: GOAL_MS,
      });
      result.ok = result.ok && result.wall_ms < GOAL_MS;
      return result;
    } finally {
      counter.restore();
    }
  },
};
