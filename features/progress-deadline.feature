Feature: The progress deadline reports a rollout that has stopped making progress
  `spec.progressDeadlineSeconds` (default 600) is how long the Deployment controller waits for
  progress before it says so in the Deployment's status: condition Progressing turns False with
  reason ProgressDeadlineExceeded, and `kubectl rollout status` fails (Kubernetes docs, "Failed
  Deployment"). The clock starts again at each step of progress (a pod more updated, ready or
  available, or an old one gone); the controller does nothing else about it, no rollback, no pause.

  Background:
    Given a cluster
    And I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out

  Scenario: Ten minutes without progress
    The docs' command sets the deadline to 600 seconds, which is already the default, so nothing
    changes. The update happens at 0 s; the controller looks again one second after the deadline.

    When I run:
      """
      kubectl patch deployment/nginx-deployment -p '{"spec":{"progressDeadlineSeconds":600}}'
      """
    Then the output should be:
      """
      deployment.apps/nginx-deployment patched (no change)
      """
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    And 10 minutes pass
    Then deployment "nginx-deployment" should have condition Progressing with reason "ReplicaSetUpdated"
    When 1 second passes
    Then deployment "nginx-deployment" should have condition Progressing with reason "ProgressDeadlineExceeded"
    And deployment "nginx-deployment" should have condition Available with reason "MinimumReplicasAvailable"
    When I run "kubectl rollout status deployment/nginx-deployment"
    Then the command should fail with 'error: deployment "nginx-deployment" exceeded its progress deadline'
    And the output should be:
      """
      """
    When I run "kubectl describe deployment nginx-deployment"
    Then the output should contain:
      """
      Conditions:
        Type           Status  Reason
        ----           ------  ------
        Available      True    MinimumReplicasAvailable
        Progressing    False   ProgressDeadlineExceeded
      """
    When I run:
      """
      kubectl get deployment nginx-deployment -o jsonpath='{.status.conditions[?(@.type=="Progressing")].message}'
      """
    Then the output should contain "has timed out progressing."
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 3        | 3     |
      | 2        | nginx:1.161  | 1        | 0     |

  Scenario: kubectl rollout status and kubectl wait end when the deadline passes
    When I run:
      """
      kubectl patch deployment/nginx-deployment -p '{"spec":{"progressDeadlineSeconds":60}}'
      """
    Then the output should be:
      """
      deployment.apps/nginx-deployment patched
      """
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    And I run "kubectl wait --for=condition=Progressing=false deployment/nginx-deployment --timeout=1m"
    Then the command should fail with "error: timed out waiting for the condition on deployments/nginx-deployment"
    When I run "kubectl rollout status deployment/nginx-deployment"
    Then the command should fail with 'error: deployment "nginx-deployment" exceeded its progress deadline'
    And the output should be:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      """
    When I run "kubectl wait --for=condition=Progressing=false deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment condition met
      """
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   3/3     1            3           61s
      """

  Scenario: A slow rollout that keeps making progress never exceeds the deadline
    Each new pod takes 10 seconds to pull its image; the whole rollout takes 30 seconds, twice the
    15-second deadline, but no step takes longer than the deadline.

    Given image pulls take 10 seconds
    When I run:
      """
      kubectl patch deployment/nginx-deployment -p '{"spec":{"progressDeadlineSeconds":15}}'
      """
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I run "kubectl rollout status deployment/nginx-deployment"
    Then the command should succeed
    And the output should contain 'deployment "nginx-deployment" successfully rolled out'
    And deployment "nginx-deployment" should have condition Progressing with reason "NewReplicaSetAvailable"
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   3/3     3            3           30s
      """

  Scenario: Fixing the image after the deadline completes the rollout
    Progress turns the condition back to True.

    When I run:
      """
      kubectl patch deployment/nginx-deployment -p '{"spec":{"progressDeadlineSeconds":60}}'
      """
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    And 2 minutes pass
    Then deployment "nginx-deployment" should have condition Progressing with reason "ProgressDeadlineExceeded"
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I run "kubectl rollout status deployment/nginx-deployment"
    Then the output should contain 'deployment "nginx-deployment" successfully rolled out'
    And deployment "nginx-deployment" should have condition Progressing with reason "NewReplicaSetAvailable"
    And deployment "nginx-deployment" should be at revision 3
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 1        | nginx:1.14.2 | 0        |
      | 2        | nginx:1.161  | 0        |
      | 3        | nginx:1.16.1 | 3        |
