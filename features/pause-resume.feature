Feature: Pausing a Deployment to make several changes in one rollout
  "You can pause a rollout for a Deployment before triggering one or more updates and then resume
  it. This allows you to apply multiple fixes in between pausing and resuming without triggering
  unnecessary rollouts" (Kubernetes docs, "Pausing and Resuming a rollout of a Deployment"; seed
  note, "暂停更新" / "恢复更新"). While paused, the Deployment controller makes no new ReplicaSet and
  moves no pod from one ReplicaSet to another, but it still scales.

  Background:
    Given a cluster
    And image pulls take 10 seconds
    And I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out

  Scenario: Two changes while paused become one revision
    When I run "kubectl rollout pause deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment paused
      """
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      1         <none>
      """
    When I run "kubectl set resources deployment/nginx-deployment -c=nginx --limits=cpu=200m,memory=512Mi"
    Then the output should be:
      """
      deployment.apps/nginx-deployment resource requirements updated
      """
    When 1 minute passes
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 3        | 3     |
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   3/3     0            3           70s
      """
    When I run "kubectl rollout resume deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment resumed
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should be at revision 2
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 0        | 0     |
      | 2        | nginx:1.16.1 | 3        | 3     |
    When I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      1         <none>
      2         <none>
      """
    When I run "kubectl rollout history deployment/nginx-deployment --revision=2"
    Then the output should contain:
      """
      deployment.apps/nginx-deployment with revision #2
      Pod Template:
      """
    And the output should contain:
      """
          Image:	nginx:1.16.1
          Port:	80/TCP
          Host Port:	0/TCP
          Limits:
            cpu:	200m
            memory:	512Mi
      """

  Scenario: kubectl rollout status waits in vain while the Deployment is paused
    No ReplicaSet has the new template yet, so none of its replicas is updated.

    When I run "kubectl rollout pause deployment/nginx-deployment"
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I run "kubectl rollout status deployment/nginx-deployment --timeout=1m"
    Then the command should fail with "error: timed out waiting for the condition"
    And the output should be:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 0 out of 3 new replicas have been updated...
      """
    And deployment "nginx-deployment" should have status:
      | updatedReplicas    | 0 |
      | availableReplicas  | 3 |
      | observedGeneration | 3 |
    And all pods of deployment "nginx-deployment" should run image "nginx:1.14.2"

  Scenario: What a paused Deployment refuses
    kubectl looks for the revision to go back to first, so the Deployment needs two revisions for
    `rollout undo` to get as far as the pause.

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl rollout pause deployment/nginx-deployment"
    And I run "kubectl rollout pause deployment/nginx-deployment"
    Then the command should fail with 'error: deployments.apps "nginx-deployment" is already paused'
    When I run "kubectl rollout undo deployment/nginx-deployment"
    Then the command should fail with "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"
    When I run "kubectl rollout resume deployment/nginx-deployment"
    And I run "kubectl rollout resume deployment/nginx-deployment"
    Then the command should fail with 'error: deployments.apps "nginx-deployment" is not paused'
    When I run "kubectl rollout pause deployment/nope"
    Then the command should fail with 'Error from server (NotFound): deployments.apps "nope" not found'

  Scenario: Pausing in the middle of a rollout holds both ReplicaSets where they are
    15 seconds after the update, the first new pod is available and an old one is gone; the second
    new pod is still pulling. Paused, the Deployment stays at 2 old and 2 new pods. Scaling to 5
    still works, proportionally: 5 + 2 (25% of 5, rounded up) = 7 pods, 3 more, split between the
    two ReplicaSets by their size (the newer one first on a tie).

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And 15 seconds pass
    And I run "kubectl rollout pause deployment/nginx-deployment"
    And 1 minute passes
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 2        | 2     |
      | 2        | nginx:1.16.1 | 2        | 2     |
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   4/3     2            4           85s
      """
    When I run "kubectl scale deployment/nginx-deployment --replicas=5"
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 1        | nginx:1.14.2 | 3        |
      | 2        | nginx:1.16.1 | 4        |
    And the events of deployment "nginx-deployment" should include:
      | message     | at    |
      | from 2 to 4 | 1m25s |
      | from 2 to 3 | 1m25s |
    When I run "kubectl rollout resume deployment/nginx-deployment"
    And I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 0        | 0     |
      | 2        | nginx:1.16.1 | 5        | 5     |
    And deployment "nginx-deployment" should never have had more than 7 pods
