Feature: A rollout to an image that does not exist gets stuck, and the old pods keep serving
  The Kubernetes docs, "Rolling Back a Deployment": "Suppose that you made a typo while updating
  the Deployment, by putting the image name as nginx:1.161 instead of nginx:1.16.1". The new pod
  never gets its image (ErrImagePull, then ImagePullBackOff), so it never becomes available, and
  the Deployment controller goes no further than maxSurge and maxUnavailable let it: "The rollout
  gets stuck", and the old pods are left serving.

  Background:
    Given a cluster
    And I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out

  Scenario: The rollout stops after one new pod, and kubectl rollout status waits for ever
    With 3 replicas, maxSurge is 1 and maxUnavailable 0: one new pod is added, and no old pod may
    go before a new one is available. No status change follows the first line.

    Given from now on, deployment "nginx-deployment" should always have at least 3 available replicas
    And from now on, deployment "nginx-deployment" should never have more than 4 pods
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    And I run "kubectl rollout status deployment/nginx-deployment --timeout=2m"
    Then the command should fail with "error: timed out waiting for the condition"
    And the output should be:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      """
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready | available |
      | 1        | nginx:1.14.2 | 0        | 0     | 0         |
      | 2        | nginx:1.16.1 | 3        | 3     | 3         |
      | 3        | nginx:1.161  | 1        | 0     | 0         |
    And deployment "nginx-deployment" should have status:
      | replicas            | 4 |
      | updatedReplicas     | 1 |
      | readyReplicas       | 3 |
      | availableReplicas   | 3 |
      | unavailableReplicas | 1 |
    And deployment "nginx-deployment" should have condition Available with reason "MinimumReplicasAvailable"
    And deployment "nginx-deployment" should be at revision 3
    When I run "kubectl get pods"
    Then the output should contain "ImagePullBackOff"
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   3/3     1            3           2m
      """

  Scenario: The new pod alternates between ErrImagePull and ImagePullBackOff
    A failed pull is ErrImagePull; the kubelet then waits (10 s, doubling) before it pulls again,
    and the container shows ImagePullBackOff meanwhile.

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    And I run "kubectl get pods"
    Then the output should contain "ErrImagePull"
    When 1 second passes
    And I run "kubectl get pods"
    Then the output should contain "ImagePullBackOff"
    When I run "kubectl get events --field-selector reason=Failed"
    Then the output should contain:
      """
      Failed to pull image "nginx:1.161"
      """

  Scenario: Requests to the Deployment's pods keep succeeding
    When I run "kubectl expose deployment nginx-deployment --port=80"
    Then the output should be:
      """
      service/nginx-deployment exposed
      """
    Given from now on, service "nginx-deployment" should always have at least 3 ready endpoints
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    And 5 minutes pass
    And I send 20 requests to "http://nginx-deployment/"
    Then all requests should succeed
    And the requests should have reached 3 different pods
    And service "nginx-deployment" should have 3 ready endpoints
    And service "nginx-deployment" should have 1 not-ready endpoint

  Scenario: The study note's Deployment, with maxUnavailable 1, is left with 2 old pods
    "This depends on the rollingUpdate parameters (maxUnavailable specifically) that you have
    specified." With maxSurge 1 and maxUnavailable 1, 2 of the 3 pods are enough: an old pod goes
    at once, and a second new one takes its place within the 4 pods allowed.

    When I apply the manifest file "manifests/nginx-deploy.yaml"
    And I wait until deployment "nginx-deploy" is rolled out
    And I run "kubectl set image deployment/nginx-deploy nginx=nginx:1.161"
    And 5 minutes pass
    Then the replica sets of deployment "nginx-deploy" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 2        | 2     |
      | 2        | nginx:1.161  | 2        | 0     |
    And deployment "nginx-deploy" should have 2 ready pods
    And deployment "nginx-deploy" should never have had fewer than 2 available replicas
    And deployment "nginx-deploy" should never have had more than 4 pods

  Scenario: Rolling back ends the stuck rollout at once
    "Now you've decided to undo the current rollout and rollback to the previous revision". The
    ReplicaSet of revision 2 still has its 3 pods, so only the stuck pod has to go.

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    And 1 minute passes
    And I run "kubectl rollout undo deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment rolled back
      """
    When I run "kubectl rollout status deployment/nginx-deployment"
    Then the output should be:
      """
      deployment "nginx-deployment" successfully rolled out
      """
    And deployment "nginx-deployment" should be at revision 4
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 0        | 0     |
      | 3        | nginx:1.161  | 0        | 0     |
      | 4        | nginx:1.16.1 | 3        | 3     |
    And all pods of deployment "nginx-deployment" should run image "nginx:1.16.1"
