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
/** Simulated time allowed for every pod to become Ready (with zero latencies it takes 0 s). */
const LIMIT_MS = 10 * 60_000;

/** 100 nodes, a 1,000-replica nginx Deployment applied, run until every pod is Ready. */
export const deployment1000Ready: Benchmark = {
  name: 'deployment-1000-ready',
  description: `${NODES} nodes; apply an nginx Deployment with ${REPLICAS} replicas; advance until all pods are Ready`,
  run() {
    const [cluster, setupMs] = timed(() => clusterWithNodes(NODES));
    return measure(this.name, cluster, setupMs, () => {
      apply(cluster, deploymentYaml({ name: 'web', replicas: REPLICAS, image: 'nginx:1.25' }));
      // The Deployment's status is one object to read, where counting ready pods after every
      // instant would cost 1,000 reads; the final count below checks the pods themselves.
      const done = () =>
        (cluster.store.get('Deployment', 'default', 'web')?.status?.readyReplicas ?? 0) >= REPLICAS;
      const reached = cluster.advanceUntil(done, LIMIT_MS);
      const ready = readyPods(cluster);
      return { ok: reached && ready === REPLICAS, ready_pods: ready, nodes: NODES };
    });
  },
};
