Feature: Deployments, the sections not covered yet (docs: concepts/workloads/controllers/deployment)

  Background:
    Given a cluster
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
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
              ports:
              - containerPort: 80
      """

  Scenario: Rollover: an update while the first rollout is still creating pods changes course at once
    Given image pulls take 10 seconds
    When I run "kubectl scale deployment/nginx-deployment --replicas=5"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And 1 second passes
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.17"
    And 1 second passes
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 4        | 4     |
      | 2        | nginx:1.16.1 | 0        | 0     |
      | 3        | nginx:1.17   | 3        | 0     |
    # rev 2's three unready pods went at once (cleanupUnhealthyReplicas); rev 1 keeps minAvailable 4.
    When I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 0        | 0     |
      | 2        | nginx:1.16.1 | 0        | 0     |
      | 3        | nginx:1.17   | 5        | 5     |
    And the events of deployment "nginx-deployment" should include:
      | type   | reason            | message      |
      | Normal | ScalingReplicaSet | from 0 to 2  |
      | Normal | ScalingReplicaSet | from 5 to 4  |
      | Normal | ScalingReplicaSet | from 2 to 3  |
      | Normal | ScalingReplicaSet | from 3 to 0  |

  Scenario: Label selector updates: the selector of an apps/v1 Deployment is immutable
    When I wait until deployment "nginx-deployment" is rolled out
    Then applying the manifest should fail with "field is immutable":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: nginx
            tier: web
        template:
          metadata:
            labels:
              app: nginx
              tier: web
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
      """
    And deployment "nginx-deployment" should be at revision 1

  Scenario: Label selector updates: template labels must match the selector
    Then applying the manifest should fail with "`selector` does not match template `labels`":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: other
      spec:
        selector:
          matchLabels:
            app: nginx
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
      """

  Scenario: Adding a template label (the selector unchanged) is a new revision
    When I wait until deployment "nginx-deployment" is rolled out
    And I run:
      """
      kubectl patch deployment/nginx-deployment -p '{"spec":{"template":{"metadata":{"labels":{"tier":"web"}}}}}'
      """
    Then the output should be:
      """
      deployment.apps/nginx-deployment patched
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should be at revision 2
    When I run "kubectl get pods -l tier=web"
    Then the output should contain "1/1     Running"

  Scenario: Checking rollout history: kubectl annotate sets the CHANGE-CAUSE
    When I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I run:
      """
      kubectl annotate deployment/nginx-deployment kubernetes.io/change-cause="image updated to 1.16.1"
      """
    Then the output should be:
      """
      deployment.apps/nginx-deployment annotated
      """
    When I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      1         <none>
      2         image updated to 1.16.1
      """
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | change-cause            |
      | 1        | nginx:1.14.2 | 0        | <none>                  |
      | 2        | nginx:1.16.1 | 3        | image updated to 1.16.1 |
    When I run "kubectl rollout history deployment/nginx-deployment --revision=2"
    Then the output should contain "deployment.apps/nginx-deployment with revision #2"
    And the output should contain "kubernetes.io/change-cause: image updated to 1.16.1"
    And the output should contain "Image:	nginx:1.16.1"

  Scenario: Rolling back to a previous revision with --to-revision; no DeploymentRollback event (kubectl rolls back itself)
    When I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    And 30 seconds pass
    And I run "kubectl rollout undo deployment/nginx-deployment --to-revision=2"
    Then the output should be:
      """
      deployment.apps/nginx-deployment rolled back
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should be at revision 4
    And all pods of deployment "nginx-deployment" should run image "nginx:1.16.1"
    When I run "kubectl get deployment nginx-deployment"
    Then the output should contain "nginx-deployment   3/3     3            3"
    When I run "kubectl describe deployment nginx-deployment"
    Then the output should contain "Annotations:            deployment.kubernetes.io/revision: 4"
    And the output should not contain "DeploymentRollback"

  Scenario: Clean up Policy: revisionHistoryLimit 0 removes the old ReplicaSets, so there is nothing to roll back to
    When I wait until deployment "nginx-deployment" is rolled out
    And I run:
      """
      kubectl patch deployment/nginx-deployment -p '{"spec":{"revisionHistoryLimit":0}}'
      """
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 2        | nginx:1.16.1 | 3        |
    When I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      2         <none>
      """
    When I run "kubectl rollout undo deployment/nginx-deployment"
    Then the command should fail with "no rollout history found for deployment \"nginx-deployment\""

  Scenario: Clean up Policy: the default keeps 10 old ReplicaSets
    When I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl get deployment nginx-deployment -o jsonpath={.spec.revisionHistoryLimit}"
    Then the output should be:
      """
      10
      """

  Scenario: Complete Deployment: rollout status exits 0 and the Progressing condition says NewReplicaSetAvailable
    When I run "kubectl rollout status deployment/nginx-deployment"
    Then the command should succeed
    And deployment "nginx-deployment" should have condition Progressing with reason "NewReplicaSetAvailable"
    When I run:
      """
      kubectl get deployment nginx-deployment -o jsonpath="{.status.conditions[?(@.type=='Progressing')].message}"
      """
    Then the output should contain:
      """
      ReplicaSet "nginx-deployment-
      """
