/**
 * The cluster states the oracle compares on, as stages of one cluster's life:
 *  1. "settled": a few minutes into a study session. An nginx Deployment rolled from 1.14.2 to
 *     1.16.1 with change causes, a NodePort and a ClusterIP Service in front of it, a pod in
 *     CrashLoopBackOff, a pod restarted by its liveness probe, a pod too big for any node, a
 *     Deployment stuck on an image tag nginx never published, finished and failed pods, a
 *     multi-container pod with an init container, a pod that is never ready, pods failing in
 *     the other ways (init crash, OOM kill, ErrImageNeverPull, InvalidImageName, a startup probe),
 *     a pod full of fields and awkward strings, more Service types, a cordoned node, a paused
 *     Deployment, a second namespace, and the events all of that recorded.
 *  2. "rolling": nginx halfway through a rollout to 1.25 (minReadySeconds holds it), a pod
 *     Terminating for its grace period.
 *  3. "history": nginx rolled back to revision 1 and forward to 1.27 (revisions 3, 4, 5), the
 *     paused Deployment resumed (its revisionHistoryLimit of 2 trims its history).
 *  4. "faults": later still: the stuck rollout past its progress deadline, node-3 unreachable
 *     (NotReady, tainted, its pods not ready and then Terminating), a Terminating namespace.
 * Each stage ends on a whole second, so that ages are exact.
 */
import { Cluster } from '../../src/cluster/cluster.js';
import { nodeUnreachable } from '../../src/cluster/faults.js';
import { splitCommandLine } from '../../src/kubectl/command-line.js';
import { kubectl } from '../../src/kubectl/index.js';
import manifests from './manifests.js';

export interface Stage {
  readonly name: string;
  /** Brings the cluster into this stage's state (from the previous stage's). */
  enter(cluster: Cluster): void;
}

/** Runs a kubesim kubectl command that must succeed. */
function must(cluster: Cluster, line: string, stdin?: string): void {
  const r = kubectl(cluster, splitCommandLine(line), { stdin });
  if (r.exitCode !== 0) throw new Error(`scenario step failed: kubectl ${line}\n${r.stderr}`);
}

export const STAGES: readonly Stage[] = [
  {
    name: 'settled',
    enter(cluster) {
      must(cluster, 'apply -f -', manifests.nginx);
      must(cluster, "annotate deployment/nginx kubernetes.io/change-cause='kubectl create nginx 1.14.2'");
      cluster.advance(40_000);
      must(cluster, 'apply -f -', manifests.services);
      must(cluster, 'set image deployment/nginx nginx=nginx:1.16.1');
      must(
        cluster,
        "annotate deployment/nginx kubernetes.io/change-cause='kubectl set image nginx=nginx:1.16.1'",
      );
      cluster.advance(30_000);
      must(cluster, 'apply -f -', manifests.pods);
      must(cluster, 'apply -f -', manifests.broken);
      must(cluster, 'apply -f -', manifests.teamA);
      must(cluster, 'apply -f -', manifests.zoo);
      must(cluster, 'apply -f -', manifests.trouble);
      must(cluster, `patch node node-2 -p '{"spec":{"unschedulable":true}}'`);
      must(cluster, 'label node node-1 node-role.kubernetes.io/control-plane=');
      must(cluster, 'annotate node node-1 example.com/note=first');
      must(cluster, 'rollout pause deployment/paused');
      must(cluster, 'set image deployment/paused web=nginx:1.27');
      cluster.advance(20_000);
      must(cluster, 'set image deployment/broken web=nginx:1.161');
      cluster.advance(105_000);
    },
  },
  {
    name: 'rolling',
    enter(cluster) {
      must(cluster, `patch deployment nginx -p '{"spec":{"minReadySeconds":30}}'`);
      must(cluster, 'set image deployment/nginx nginx=nginx:1.25');
      cluster.advance(40_000);
      must(cluster, 'delete pod sleeper --wait=false');
      cluster.advance(3_000);
    },
  },
  {
    name: 'history',
    enter(cluster) {
      // Finish the rollout to 1.25, roll back to revision 1, then roll forward once more.
      cluster.advance(120_000);
      must(cluster, 'rollout undo deployment/nginx --to-revision=1');
      cluster.advance(120_000);
      must(cluster, 'set image deployment/nginx nginx=nginx:1.27');
      must(cluster, "annotate deployment/nginx kubernetes.io/change-cause='to 1.27' --overwrite");
      cluster.advance(120_000);
      must(cluster, 'rollout resume deployment/paused');
      cluster.advance(30_000);
    },
  },
  {
    name: 'faults',
    enter(cluster) {
      cluster.advance(300_000);
      nodeUnreachable(cluster, 'node-3');
      // Past the 300 s toleration of the unreachable taint: node-3's pods are being evicted.
      cluster.advance(360_000);
      must(cluster, 'delete namespace team-a --wait=false');
      cluster.advance(2_000);
    },
  },
];

export function newCluster(): Cluster {
  return new Cluster();
}
