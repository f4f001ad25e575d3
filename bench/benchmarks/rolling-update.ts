import type { Cluster } from '../../src/index.js';
import {
  apply,
  type Benchmark,
  type BenchResult,
  clusterWithNodes,
  deploymentYaml,
  measure,
  readyPods,
  rolledOut,
  setImage,
  timed,
} from '../harness.js';

/** Simulated time allowed for the rollout (it needs about a minute: 5 s per wave of new pods). */
const LIMIT_MS = 30 * 60_000;
/** The 10,000 run may take at most this many times the 1,000 run: the cost grows about linearly. */
const MAX_RATIO = 12;

const READINESS = `        readinessProbe:
          httpGet:
            path: /
            port: 80
          initialDelaySeconds: 5
          periodSeconds: 5
`;

export interface Shape {
  name: string;
  replicas: number;
  nodes: number;
  /** Host milliseconds allowed; none for the 10,000 run, whose goal is its ratio to the 1,000 run. */
  goalMs?: number;
}

/**
 * A Deployment of `replicas` nginx pods with a readiness probe (period 5 s, initial delay 5 s)
 * and the default strategy (RollingUpdate, maxSurge 25%, maxUnavailable 25%). Setup (not
 * measured): the cluster, the Deployment and every pod Ready. Measured: the image change
 * (`kubectl set image`) and the simulation until the rollout is complete, as `kubectl rollout
 * status` judges it, with every pod of the new ReplicaSet Ready.
 */
export function rollingUpdate(shape: Shape): BenchResult {
  const [cluster, setupMs] = timed(() => {
    const c = clusterWithNodes(shape.nodes);
    apply(
      c,
      deploymentYaml({ name: 'web', replicas: shape.replicas, image: 'nginx:1.25', container: READINESS }),
    );
    if (!c.advanceUntil(() => rolledOut(c, 'web'), LIMIT_MS))
      throw new Error('the first rollout did not finish');
    return c;
  });
  const result = measure(shape.name, cluster, setupMs, () => {
    setImage(cluster, 'web', 'app=nginx:1.27');
    return { ok: cluster.advanceUntil(() => rolledOut(cluster, 'web'), LIMIT_MS) };
  });
  // Checked after the measured part: reading every pod is not part of the simulated work.
  const ready = readyPods(cluster);
  const images = podImages(cluster);
  result.ok = result.ok && ready === shape.replicas && images.get('nginx:1.27') === shape.replicas;
  Object.assign(result, {
    ready_pods: ready,
    replicas: shape.replicas,
    nodes: shape.nodes,
    ...(shape.goalMs !== undefined ? { goal_ms: shape.goalMs } : {}),
  });
  if (shape.goalMs !== undefined) result.ok = result.ok && result.wall_ms < shape.goalMs;
  return result;
}

function podImages(cluster: Cluster): Map<string, number> {
  const out = new Map<string, number>();
  for (const pod of cluster.store.list('Pod', 'default')) {
    const image = pod.spec?.containers[0]?.image ?? '';
    out.set(image, (out.get(image) ?? 0) + 1);
  }
  return out;
}

const SMALL: Shape = { name: 'rolling-update-1000', replicas: 1000, nodes: 100, goalMs: 2_000 };
const LARGE: Shape = { name: 'rolling-update-10000', replicas: 10_000, nodes: 1000 };

export const rollingUpdate1000: Benchmark = {
  name: SMALL.name,
  description: `${SMALL.replicas} nginx replicas with a readiness probe (5 s, delay 5 s), default 25%/25%; measured: image change until rolled out, in < ${SMALL.goalMs! / 1000} s`,
  run: () => rollingUpdate(SMALL),
};

/**
 * The same with 10,000 replicas on 1,000 nodes. Its goal is relative: at most 12 times the
 * 1,000 run, which is measured again in this process just before (a warm-up run, then the median
 * of three), so both see the same machine, load and compiled code.
 */
export const rollingUpdate10000: Benchmark = {
  name: LARGE.name,
  description: `${LARGE.replicas} replicas on ${LARGE.nodes} nodes, as rolling-update-1000; measured the same way, in at most ${MAX_RATIO} × the 1,000 run (measured in the same process)`,
  run() {
    rollingUpdate(SMALL); // warm-up: the reference below runs on compiled code, as the large run will
    // The reference is the median of three runs: one run of under a second varies too much on a
    // shared machine to divide by.
    const references = [rollingUpdate(SMALL), rollingUpdate(SMALL), rollingUpdate(SMALL)];
    const reference = references.map((r) => r.wall_ms).sort((a, b) => a - b)[1]!;
    const result = rollingUpdate(LARGE);
    const ratio = Math.round((result.wall_ms / reference) * 100) / 100;
    result.ok = result.ok && references.every((r) => r.ok) && ratio <= MAX_RATIO;
    result.ratio_to_1000 = ratio;
    result.reference_wall_ms = reference;
    result.max_ratio = MAX_RATIO;
    return result;
  },
};
