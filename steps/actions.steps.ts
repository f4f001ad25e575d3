/**
 * Actions a docs reader writes as sentences: deleting a pod, scaling a Deployment, changing its
 * image. Each is the kubectl command a user would run (`kubectl delete pod`, `kubectl scale`,
 * `kubectl set image`), run like `I run "…"` (so the output steps read its result, and
 * `kubectl delete` waits in simulated time until the pod is gone), and, like `I apply the
 * manifest`, a failure fails the step with kubectl's error.
 */
import { mustSucceed } from './support/command-checks.js';
import { defineSteps } from './support/define.js';
import { getDeployment } from './support/objects.js';
import { onlyContainer } from './support/pods.js';
import { type ObjectRef, showRef } from './support/syntax.js';
import type { KubesimWorld } from './world.js';

function run(world: KubesimWorld, argv: string[]): void {
  const result = world.kubectl(argv);
  mustSucceed(`\`${world.lastCommand}\``, result);
}

defineSteps(['I delete (the )pod {ref}'], function (ref: ObjectRef) {
  run(this, ['delete', 'pod', ref.name, '-n', ref.namespace]);
});

defineSteps(['I scale (the )deployment {ref} to {int} replica(s)'], function (ref: ObjectRef, count: number) {
  run(this, ['scale', 'deployment', ref.name, `--replicas=${count}`, '-n', ref.namespace]);
});

// `kubectl set image` needs the container's name; the sentence names none, so it only works for a
// Deployment with one container (init containers aside), and otherwise asks which one.
defineSteps(
  ['I update/set the image of (the )deployment {ref} to {string}'],
  function (ref: ObjectRef, image: string) {
    const containers = getDeployment(this.cluster, ref).spec?.template?.spec?.containers ?? [];
    const container = onlyContainer(
      containers.map((c) => c.name),
      `deployment ${showRef(ref)}`,
      (c) => `I run "kubectl set image deployment/${ref.name} ${c}=${image} -n ${ref.namespace}"`,
    );
    run(this, ['set', 'image', `deployment/${ref.name}`, `${container}=${image}`, '-n', ref.namespace]);
  },
);
