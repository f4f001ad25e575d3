Feature: Rolling back reuses the old ReplicaSet under a new revision number
  `kubectl rollout undo` (Kubernetes docs, "Rolling Back to a Previous Revision"; seed note, "回滚")
  copies the pod template of an earlier revision back into the Deployment. The Deployment controller
  then finds the ReplicaSet that already has that template and scales it up again instead of making
  a new one; that ReplicaSet takes the next revision number, so its old number disappears from the
  history. Without --to-revision, undo goes to the second-highest revision.

  Background:
    Given a cluster
    And I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out

  Scenario: Undoing twice goes back and forth between two ReplicaSets
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 1        | nginx:1.14.2 | 0        |
      | 2        | nginx:1.16.1 | 3        |
    When I run "kubectl rollout undo deployment/nginx-deployment"
    And I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 2        | nginx:1.16.1 | 0        |
      | 3        | nginx:1.14.2 | 3        |
    When I run "kubectl rollout undo deployment/nginx-deployment"
    And I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 3        | nginx:1.14.2 | 0        |
      | 4        | nginx:1.16.1 | 3        |
    And deployment "nginx-deployment" should be at revision 4
    And all pods of deployment "nginx-deployment" should run image "nginx:1.16.1"
    When I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      3         <none>
      4         <none>
      """
    When I run "kubectl rollout history deployment/nginx-deployment --revision=2"
    Then the command should fail with "error: unable to find the specified revision"
    When I run "kubectl rollout undo deployment/nginx-deployment --to-revision=2"
    Then the command should fail with "error: unable to find specified revision 2 in history"

  Scenario: Rolling back past the previous revision with --to-revision
    Three revisions; going back to the first skips the second, which keeps its number.

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.25"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl rollout undo deployment/nginx-deployment --to-revision=1"
    Then the output should be:
      """
      deployment.apps/nginx-deployment rolled back
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 2        | nginx:1.16.1 | 0        |
      | 3        | nginx:1.25   | 0        |
      | 4        | nginx:1.14.2 | 3        |
    When I run "kubectl rollout undo deployment/nginx-deployment"
    And I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 2        | nginx:1.16.1 | 0        |
      | 4        | nginx:1.14.2 | 0        |
      | 5        | nginx:1.25   | 3        |

  Scenario: Rolling back to the template the Deployment already has is skipped
    When I run "kubectl rollout undo deployment/nginx-deployment --to-revision=2"
    Then the output should be:
      """
      deployment.apps/nginx-deployment skipped rollback (current template already matches revision 2)
      """
    And deployment "nginx-deployment" should be at revision 2
    And deployment "nginx-deployment" should have status:
      | observedGeneration | 2 |

  Scenario: Applying the first manifest again is a rollback too
    The Deployment controller does not care who changed the template: the ReplicaSet of revision 1
    has the same template again, so it is reused as revision 3.

    When I run "kubectl apply -f manifests/nginx-deployment.yaml"
    Then the output should be:
      """
      deployment.apps/nginx-deployment configured
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 2        | nginx:1.16.1 | 0        |
      | 3        | nginx:1.14.2 | 3        |

  Scenario: --dry-run=client shows the template it would go back to and changes nothing
    When I run "kubectl rollout undo deployment/nginx-deployment --dry-run=client"
    Then the output should contain:
      """
      deployment.apps/nginx-deployment Pod Template:
        Labels:	app=nginx
      """
    And the output should contain:
      """
          Image:	nginx:1.14.2
      """
    And the output should contain " (dry run)"
    And deployment "nginx-deployment" should be at revision 2
    And all pods of deployment "nginx-deployment" should run image "nginx:1.16.1"

  Scenario: Nothing to roll back to
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
      """
    And I run "kubectl rollout undo deployment/web"
    Then the command should fail with 'error: no rollout history found for deployment "web"'
    When I run "kubectl rollout undo deployment/nginx-deployment --to-revision=-1"
    Then the command should fail with "error: unable to find specified revision -1 in history"

  Scenario: Undoing a rollout that is still going on
    Halfway through (15 seconds in, one new pod available and one old pod gone), undo makes the
    ReplicaSet of revision 2 the current one again. Its pods pull no image: nginx:1.16.1 is on
    every node already. The ReplicaSet of revision 3 gives its pods back.

    Given image pulls take 10 seconds
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.25"
    And 15 seconds pass
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | available |
      | 1        | nginx:1.14.2 | 0        | 0         |
      | 2        | nginx:1.16.1 | 2        | 2         |
      | 3        | nginx:1.25   | 2        | 1         |
    When I run "kubectl rollout undo deployment/nginx-deployment"
    And I run "kubectl rollout status deployment/nginx-deployment"
    Then the output should contain 'deployment "nginx-deployment" successfully rolled out'
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | available |
      | 1        | nginx:1.14.2 | 0        | 0         |
      | 3        | nginx:1.25   | 0        | 0         |
      | 4        | nginx:1.16.1 | 3        | 3         |
    And deployment "nginx-deployment" should never have had fewer than 3 available replicas
