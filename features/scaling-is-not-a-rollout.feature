Feature: Only a change of the pod template starts a rollout
  "当且仅当 Deployment 的 Pod 模板（即.spec.template）发生更改时，才会触发 Deployment 的推出，例如，
  如果模板的标签或容器映像已更新。其他更新，例如扩展部署，不会触发推出。" (seed note, "更新部署"; Kubernetes
  docs, "Updating a Deployment"). Changes to replicas, strategy, minReadySeconds,
  revisionHistoryLimit, progressDeadlineSeconds or the Deployment's own metadata keep the same
  ReplicaSet and the same revision; a change of the template's labels, annotations or containers
  makes a new ReplicaSet and a new revision.

  Background:
    Given a cluster
    And I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out
    And 1 minute passes

  Scenario: Applying the same manifest again changes nothing
    When I run "kubectl apply -f manifests/nginx-deployment.yaml"
    Then the output should be:
      """
      deployment.apps/nginx-deployment unchanged
      """
    And deployment "nginx-deployment" should be at revision 1
    And deployment "nginx-deployment" should have status:
      | observedGeneration | 1 |

  Scenario: Changing everything but the template keeps the ReplicaSet and the pods
    The two added pods count as available 5 seconds after they are ready (minReadySeconds); the
    ReplicaSet controller looks again one second after that. The three old pods have been ready for
    a minute already.

    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
        labels:
          app: nginx
      spec:
        replicas: 5
        minReadySeconds: 5
        revisionHistoryLimit: 3
        progressDeadlineSeconds: 300
        strategy:
          type: RollingUpdate
          rollingUpdate:
            maxSurge: 1
            maxUnavailable: 0
        selector:
          matchLabels:
            app: nginx
        template:
          metadata:
            labels:
              app: nginx
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
              ports:
              - containerPort: 80
      """
    And I run "kubectl rollout status deployment/nginx-deployment"
    Then the output should be:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 3 of 5 updated replicas are available...
      deployment "nginx-deployment" successfully rolled out
      """
    And deployment "nginx-deployment" should be at revision 1
    And deployment "nginx-deployment" should have status:
      | replicas           | 5 |
      | updatedReplicas    | 5 |
      | availableReplicas  | 5 |
      | observedGeneration | 2 |
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | available |
      | 1        | nginx:1.14.2 | 5        | 5         |
    And the events of deployment "nginx-deployment" should include:
      | message     | at    |
      | from 0 to 3 | 0s    |
      | from 3 to 5 | 1m0s  |
    When I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      1         <none>
      """
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   5/5     5            5           66s
      """

  Scenario: Annotating the Deployment is a new generation but not a new revision
    The API server counts a change of the Deployment's annotations as a new generation (they are
    copied to its ReplicaSets), and the controller observes it; no pod is replaced.

    When I run "kubectl annotate deployment/nginx-deployment team=web"
    Then the output should be:
      """
      deployment.apps/nginx-deployment annotated
      """
    And deployment "nginx-deployment" should have status:
      | observedGeneration | 2 |
      | updatedReplicas    | 3 |
    And deployment "nginx-deployment" should be at revision 1
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | replicas |
      | 1        | 3        |

  Scenario: A new label in the pod template is a new revision
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
        labels:
          app: nginx
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: nginx
        template:
          metadata:
            labels:
              app: nginx
              tier: frontend
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
              ports:
              - containerPort: 80
      """
    And I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should be at revision 2
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 1        | nginx:1.14.2 | 0        |
      | 2        | nginx:1.14.2 | 3        |
    When I run "kubectl get pods -l tier=frontend"
    Then the command should succeed
    And the output should contain "Running"

  Scenario: A new annotation in the pod template is a new revision too
    This is how `kubectl rollout restart` works (see rollout-restart.feature).

    When I run:
      """
      kubectl patch deployment nginx-deployment -p '{"spec":{"template":{"metadata":{"annotations":{"team":"web"}}}}}'
      """
    Then the output should be:
      """
      deployment.apps/nginx-deployment patched
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should be at revision 2
    And deployment "nginx-deployment" should have 3 ready pods
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | replicas |
      | 1        | 0        |
      | 2        | 3        |
