import {
  apply,
  type Benchmark,
  clusterWithNodes,
  deploymentYaml,
  measure,
  readyPods,
  timed,
} from '../harness.js';

const NODES = 20;
const SERVICES = 100;
const REPLICAS = 10;
const REQUESTS = 100_000;
/** The goal: every request routed and recorded within this much host time. */
const GOAL_MS = 2_000;

function serviceYaml(name: string): string {
  return `apiVersion: v1
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
}

/**
 * 100 nginx Deployments of 10 pods with a Service each (1,000 pods on 20 nodes), set up and
 * Ready first; then 100,000 requests through the Services by name from inside the cluster, each
 * routed by kube-proxy's rules to a ready pod and recorded.
 */
export const serviceTraffic: Benchmark = {
  name: 'service-traffic',
  description: `${SERVICES} Services over ${SERVICES * REPLICAS} pods; ${REQUESTS} requests routed and recorded in < ${GOAL_MS / 1000} s`,
  run() {
    const [cluster, setupMs] = timed(() => {
      const c = clusterWithNodes(NODES);
      const docs: string[] = [];
      for (let i = 0; i < SERVICES; i++) {
        const name = `svc-${i}`;
        docs.push(deploymentYaml({ name, replicas: REPLICAS, image: 'nginx:1.25' }), serviceYaml(name));
      }
      apply(c, docs.join('---\n'));
      c.advance(10_000);
      return c;
    });
    const ready = readyPods(cluster);
    const result = measure(this.name, cluster, setupMs, () => {
      const perService = REQUESTS / SERVICES;
      let ok = 0;
      for (let i = 0; i < SERVICES; i++) {
        for (const r of cluster.network.send(`http://svc-${i}/`, { count: perService })) if (r.ok) ok++;
      }
      const recorded = cluster.network.requests.length;
      return {
        ok: ok === REQUESTS && recorded === REQUESTS,
        ok_requests: ok,
        recorded,
        ready_pods: ready,
        goal_ms: GOAL_MS,
      };
    });
    result.ok = result.ok && result.wall_ms < GOAL_MS;
    return result;
  },
};
