Feature: Rolling updates, history, rollback, pause and resume
  The study note's rolling update (seed note, "滚动更新"): a new ReplicaSet grows while the old one
  shrinks, within maxSurge and maxUnavailable; the old ReplicaSet is kept for rolling back; only a
  change of the pod template makes a new revision.

  Background:
    Given a cluster
    And I apply the manifest file "manifests/nginx-deploy.yaml"
    And I wait until deployment "nginx-deploy" is rolled out

  Scenario: A rolling update stays within maxSurge and maxUnavailable
    Given from now on, deployment "nginx-deploy" should always have at least 2 available replicas
    And from now on, deployment "nginx-deploy" should never have more than 4 pods
    When I run "kubectl set image deployment/nginx-deploy nginx=nginx:1.16.1"
    Then the output should be:
      """
      deployment.apps/nginx-deploy image updated
      """
    When I run "kubectl rollout status deployment/nginx-deploy"
    Then the output should contain:
      """
      deployment "nginx-deploy" successfully rolled out
      """
    And deployment "nginx-deploy" should be rolled out
    And deployment "nginx-deploy" should be at revision 2
    And all pods of deployment "nginx-deploy" should run image "nginx:1.16.1"
    And the replica sets of deployment "nginx-deploy" should be:
      | revision | image        | replicas | ready | available |
      | 1        | nginx:1.14.2 | 0        | 0     | 0         |
      | 2        | nginx:1.16.1 | 3        | 3     | 3         |
    And deployment "nginx-deploy" should never have had more than 4 pods
    And deployment "nginx-deploy" should never have had fewer than 2 available replicas

  Scenario: The rollout history shows each revision's change cause
    When I run "kubectl set image deployment/nginx-deploy nginx=nginx:1.16.1"
    And I run "kubectl annotate deployment/nginx-deploy kubernetes.io/change-cause='image updated to 1.16.1'"
    And I wait until deployment "nginx-deploy" is rolled out
    And I run "kubectl rollout history deployment nginx-deploy"
    Then the output should be:
      """
      deployment.apps/nginx-deploy
      REVISION  CHANGE-CAUSE
      1         <none>
      2         image updated to 1.16.1
      """
    And the replica sets of deployment "nginx-deploy" should be:
      | revision | change-cause            |
      | 1        | <none>                  |
      | 2        | image updated to 1.16.1 |

  Scenario: Rolling back to the previous revision
    When I run "kubectl set image deployment/nginx-deploy nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deploy" is rolled out
    And I run "kubectl rollout undo deployment nginx-deploy"
    Then the output should be:
      """
      deployment.apps/nginx-deploy rolled back
      """
    When I wait until deployment "nginx-deploy" is rolled out
    Then deployment "nginx-deploy" should be at revision 3
    And all pods of deployment "nginx-deploy" should run image "nginx:1.14.2"
    And the replica sets of deployment "nginx-deploy" should be:
      | revision | image        | replicas |
      | 2        | nginx:1.16.1 | 0        |
      | 3        | nginx:1.14.2 | 3        |

  Scenario: Rolling back to a given revision
    When I run "kubectl set image deployment/nginx-deploy nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deploy" is rolled out
    And I run "kubectl set image deployment/nginx-deploy nginx=nginx:1.25"
    And I wait until deployment "nginx-deploy" is rolled out
    And I run "kubectl rollout undo deployment nginx-deploy --to-revision=1"
    And I wait until deployment "nginx-deploy" is rolled out
    Then deployment "nginx-deploy" should be at revision 4
    And all pods of deployment "nginx-deploy" should run image "nginx:1.14.2"
    When I run "kubectl rollout undo deployment nginx-deploy --to-revision=9"
    Then the command should fail with "unable to find specified revision 9 in history"

  Scenario: A paused Deployment does not roll out until it is resumed
    When I run "kubectl rollout pause deployment/nginx-deploy"
    Then the output should be:
      """
      deployment.apps/nginx-deploy paused
      """
    When I run "kubectl set image deployment/nginx-deploy nginx=nginx:1.16.1"
    And 1 minute passes
    Then deployment "nginx-deploy" should be at revision 1
    And all pods of deployment "nginx-deploy" should run image "nginx:1.14.2"
    And deployment "nginx-deploy" should have condition Progressing with reason "DeploymentPaused"
    When I run "kubectl rollout resume deployment/nginx-deploy"
    Then the output should be:
      """
      deployment.apps/nginx-deploy resumed
      """
    When I wait until deployment "nginx-deploy" is rolled out
    Then deployment "nginx-deploy" should be at revision 2
    And all pods of deployment "nginx-deploy" should run image "nginx:1.16.1"

  Scenario: Only a change of the pod template makes a new revision
    When I run "kubectl scale deployment nginx-deploy --replicas=4"
    And I wait until deployment "nginx-deploy" is rolled out
    Then deployment "nginx-deploy" should be at revision 1
    When I run "kubectl label deployment nginx-deploy tier=web"
    And 10 seconds pass
    Then deployment "nginx-deploy" should be at revision 1
    When I run "kubectl rollout restart deployment/nginx-deploy"
    And I wait until deployment "nginx-deploy" is rolled out
    Then deployment "nginx-deploy" should be at revision 2
    And deployment "nginx-deploy" should have 4 ready pods
