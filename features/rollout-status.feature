Feature: Following a rollout with kubectl rollout status and kubectl wait
  `kubectl rollout status` (seed note, "查看部署推出状态"; Kubernetes docs, "Updating a
  Deployment" and "Deployment status") watches the Deployment and prints one line for every change
  of it, the same line again when the counts it shows did not move, until the rollout is complete.
  `kubectl wait` blocks until a condition of the object holds, or its timeout (30 seconds unless
  --timeout says otherwise) has passed.

  Background:
    Given a cluster
    And image pulls take 10 seconds
    And I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out

  Scenario: Every line kubectl prints while three replicas are replaced one at a time
    With 3 replicas and the default 25% / 25%, a rolling update may add 1 pod (25% of 3 rounded
    up) and take away none (25% of 3 rounded down). Each new pod pulls nginx:1.16.1 for 10 seconds
    on a node of its own (the scheduler spreads a ReplicaSet's pods), so one old pod is replaced
    every 10 seconds. kubectl prints a line for the Deployment as it finds it, then one for every
    status the Deployment controller writes:
    at 10 s, what it finds: 1 updated pod (pulling) of 4;
    at 20 s, the new pod is available (4 available), an old pod goes (3 pods), the second new pod
    is created (2 updated of 4);
    at 30 s, the second new pod is available, an old pod goes, the third is created (3 updated,
    1 old of 4);
    at 40 s, the third new pod is available, then the last old pod goes.

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    Then the output should be:
      """
      deployment.apps/nginx-deployment image updated
      """
    When I run "kubectl rollout status deployment/nginx-deployment"
    Then the output should be:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      Waiting for deployment "nginx-deployment" rollout to finish: 2 out of 3 new replicas have been updated...
      Waiting for deployment "nginx-deployment" rollout to finish: 2 out of 3 new replicas have been updated...
      Waiting for deployment "nginx-deployment" rollout to finish: 2 out of 3 new replicas have been updated...
      Waiting for deployment "nginx-deployment" rollout to finish: 1 old replicas are pending termination...
      Waiting for deployment "nginx-deployment" rollout to finish: 1 old replicas are pending termination...
      deployment "nginx-deployment" successfully rolled out
      """
    And deployment "nginx-deployment" should be rolled out
    And deployment "nginx-deployment" should never have had fewer than 3 available replicas
    And deployment "nginx-deployment" should never have had more than 4 pods
    And the events of deployment "nginx-deployment" should include:
      | reason            | message                   | at  |
      | ScalingReplicaSet | from 0 to 3               | 0s  |
      | ScalingReplicaSet | from 0 to 1               | 10s |
      | ScalingReplicaSet | Scaled down replica set   | 20s |
      | ScalingReplicaSet | from 1 to 2               | 20s |
      | ScalingReplicaSet | Scaled down replica set   | 30s |
      | ScalingReplicaSet | from 2 to 3               | 30s |
      | ScalingReplicaSet | from 1 to 0               | 40s |
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   3/3     3            3           40s
      """

  Scenario: --watch=false prints the current line only; --revision pins the revision to follow
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I run "kubectl rollout status deployment/nginx-deployment --watch=false"
    Then the command should succeed
    And the output should be:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      """
    When I run "kubectl rollout status deployment/nginx-deployment --revision=1"
    Then the command should fail with "error: desired revision (1) is different from the running revision (2)"
    When I run "kubectl rollout status deployment/nginx-deployment --revision=2 --timeout=15s"
    Then the command should fail with "error: timed out waiting for the condition"
    And the output should be:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      Waiting for deployment "nginx-deployment" rollout to finish: 2 out of 3 new replicas have been updated...
      """
    When I run "kubectl rollout status deployment/nginx-deployment --revision=2"
    Then the output should contain 'deployment "nginx-deployment" successfully rolled out'

  Scenario: kubectl wait for a field value or a condition, and its timeout
    kubectl prints `condition met` for each object as soon as what it waits for holds, and fails
    with `timed out waiting for the condition on deployments/…` once its timeout has passed. The
    third replica is up to date 20 seconds after the update (see the first scenario).

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I run "kubectl wait --for=jsonpath='{.status.updatedReplicas}'=3 deployment/nginx-deployment --timeout=5s"
    Then the command should fail with "error: timed out waiting for the condition on deployments/nginx-deployment"
    When I run "kubectl wait --for=jsonpath='{.status.updatedReplicas}'=3 deployment nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment condition met
      """
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   3/3     3            3           30s
      """
    When I run "kubectl wait --for=condition=Available deployment --all --timeout=0"
    Then the output should be:
      """
      deployment.apps/nginx-deployment condition met
      """
    When I run "kubectl wait --for=condition=Progressing=false deployment/nginx-deployment --timeout=0"
    Then the command should fail with "error: condition not met for deployments/nginx-deployment"
    When I run "kubectl wait --for=condition=Ready pod -l app=web"
    Then the command should fail with "error: no matching resources found"
