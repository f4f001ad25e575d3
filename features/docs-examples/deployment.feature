Feature: Deployments (docs: concepts/workloads/controllers/deployment)

  Background:
    Given a cluster
    And image pulls take 2 seconds
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

  Scenario: Creating a Deployment: get deployments, rollout status, get rs, get pods --show-labels
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   0/3     3            0           0s
      """
    When I run "kubectl rollout status deployment/nginx-deployment"
    Then the command should succeed
    And the output should be:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 0 of 3 updated replicas are available...
      deployment "nginx-deployment" successfully rolled out
      """
    When 16 seconds pass
    And I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   3/3     3            3           18s
      """
    When I run "kubectl get rs"
    Then the output should contain "3         3         3       18s"
    And the output should contain "nginx-deployment-"
    When I run "kubectl get pods --show-labels"
    Then the output should contain "1/1     Running   0          18s   app=nginx,pod-template-hash="
    And deployment "nginx-deployment" should have 3 ready pods
    And deployment "nginx-deployment" should be at revision 1
    And deployment "nginx-deployment" should have condition Progressing with reason "NewReplicaSetAvailable"
    And deployment "nginx-deployment" should have condition Available with reason "MinimumReplicasAvailable"

  Scenario: Updating a Deployment rolls one pod at a time within 3..4 pods
    When I wait until deployment "nginx-deployment" is rolled out
    Then from now on, deployment "nginx-deployment" should always have at least 3 available replicas
    And from now on, deployment "nginx-deployment" should never have more than 4 pods
    When I run "kubectl set image deployment.v1.apps/nginx-deployment nginx=nginx:1.16.1"
    Then the output should be:
      """
      deployment.apps/nginx-deployment image updated
      """
    When I run "kubectl rollout status deployment/nginx-deployment"
    Then the output should contain:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      """
    And the output should contain:
      """
      deployment "nginx-deployment" successfully rolled out
      """
    And the events of deployment "nginx-deployment" should include:
      | type   | reason            | message                                   |
      | Normal | ScalingReplicaSet | from 0 to 3                               |
      | Normal | ScalingReplicaSet | from 0 to 1                               |
      | Normal | ScalingReplicaSet | from 3 to 2                               |
      | Normal | ScalingReplicaSet | from 1 to 2                               |
      | Normal | ScalingReplicaSet | from 2 to 1                               |
      | Normal | ScalingReplicaSet | from 2 to 3                               |
      | Normal | ScalingReplicaSet | from 1 to 0                               |
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready | available |
      | 1        | nginx:1.14.2 | 0        | 0     | 0         |
      | 2        | nginx:1.16.1 | 3        | 3     | 3         |
    And all pods of deployment "nginx-deployment" should run image "nginx:1.16.1"
    When I run "kubectl describe deployments"
    Then the output should contain "Annotations:            deployment.kubernetes.io/revision: 2"
    And the output should contain "Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable"
    And the output should contain "StrategyType:           RollingUpdate"
    And the output should contain "RollingUpdateStrategy:  25% max unavailable, 25% max surge"
    And the output should contain "Image:         nginx:1.16.1"
    And the output should contain "OldReplicaSets:  nginx-deployment-"
    And the output should contain "(0/0 replicas created)"
    And the output should contain "(3/3 replicas created)"
    And the output should contain:
      """
      Conditions:
        Type           Status  Reason
        ----           ------  ------
        Available      True    MinimumReplicasAvailable
        Progressing    True    NewReplicaSetAvailable
      """

  Scenario: A typo in the image (nginx:1.161) gets the rollout stuck; rolling back fixes it
    When I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    Then the output should be:
      """
      deployment.apps/nginx-deployment image updated
      """
    When I run "kubectl rollout status deployment/nginx-deployment --timeout=45s"
    Then the command should fail with "error: timed out waiting for the condition"
    And the output should contain:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...
      """
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 0        | 0     |
      | 2        | nginx:1.16.1 | 3        | 3     |
      | 3        | nginx:1.161  | 1        | 0     |
    When I run "kubectl get pods"
    Then the output should contain "0/1     ImagePullBackOff   0"
    When I run "kubectl describe deployment"
    Then the output should contain "Replicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable"
    And the output should contain "Progressing    True    ReplicaSetUpdated"
    When I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      1         <none>
      2         <none>
      3         <none>
      """
    When I run "kubectl rollout history deployment/nginx-deployment --revision=2"
    Then the output should contain "deployment.apps/nginx-deployment with revision #2"
    And the output should contain "Image:	nginx:1.16.1"
    When I run "kubectl rollout undo deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment rolled back
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should be at revision 4
    And all pods of deployment "nginx-deployment" should run image "nginx:1.16.1"
    When I run "kubectl get deployment nginx-deployment"
    Then the output should contain "nginx-deployment   3/3     3            3"
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 1        | nginx:1.14.2 | 0        |
      | 3        | nginx:1.161  | 0        |
      | 4        | nginx:1.16.1 | 3        |

  Scenario: The stuck rollout exceeds its progress deadline after 10 minutes
    When I wait until deployment "nginx-deployment" is rolled out
    And I run:
      """
      kubectl patch deployment/nginx-deployment -p '{"spec":{"progressDeadlineSeconds":600}}'
      """
    Then the output should be:
      """
      deployment.apps/nginx-deployment patched (no change)
      """
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    And 9 minutes pass
    Then deployment "nginx-deployment" should have condition Progressing with reason "ReplicaSetUpdated"
    When 2 minutes pass
    Then deployment "nginx-deployment" should have condition Progressing with reason "ProgressDeadlineExceeded"
    And deployment "nginx-deployment" should have condition Available with reason "MinimumReplicasAvailable"
    When I run "kubectl rollout status deployment/nginx-deployment"
    Then the command should fail with "error: deployment \"nginx-deployment\" exceeded its progress deadline"
    When I run:
      """
      kubectl get deployment nginx-deployment -o jsonpath="{.status.conditions[?(@.type=='Progressing')].message}"
      """
    Then the output should contain "has timed out progressing."

  Scenario: Scaling a Deployment
    When I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl scale deployment/nginx-deployment --replicas=10"
    Then the output should be:
      """
      deployment.apps/nginx-deployment scaled
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should have 10 ready pods
    And deployment "nginx-deployment" should be at revision 1
    And the events of deployment "nginx-deployment" should include:
      | type   | reason            | message      |
      | Normal | ScalingReplicaSet | from 3 to 10 |

  Scenario: Proportional scaling spreads 5 more replicas as 3 old and 2 new
    When I wait until deployment "nginx-deployment" is rolled out
    And I run:
      """
      kubectl scale deployment/nginx-deployment --replicas=10
      kubectl patch deployment/nginx-deployment -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":3,"maxUnavailable":2}}}}'
      """
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:sometag"
    And 10 seconds pass
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image         | replicas | ready |
      | 1        | nginx:1.14.2  | 8        | 8     |
      | 2        | nginx:sometag | 5        | 0     |
    When I run "kubectl scale deployment/nginx-deployment --replicas=15"
    And 10 seconds pass
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image         | replicas | ready |
      | 1        | nginx:1.14.2  | 11       | 11    |
      | 2        | nginx:sometag | 7        | 0     |
    When I run "kubectl get deploy"
    Then the output should contain "nginx-deployment   11/15   7            11"

  Scenario: Pausing and resuming a rollout
    When I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl rollout pause deployment/nginx-deployment"
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
    When I run "kubectl rollout undo deployment/nginx-deployment"
    Then the command should fail with "no rollout history found for deployment \"nginx-deployment\""
    When I run "kubectl rollout resume deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment resumed
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 0        | 0     |
      | 2        | nginx:1.16.1 | 3        | 3     |
    When I run "kubectl get deployment nginx-deployment -o jsonpath={.spec.template.spec.containers[0].resources.limits.memory}"
    Then the output should be:
      """
      512Mi
      """
    When I run "kubectl rollout pause deployment/nginx-deployment"
    And I run "kubectl rollout undo deployment/nginx-deployment"
    Then the command should fail with "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"

  Scenario: Rolling back to a revision that does not exist
    When I run "kubectl rollout undo deployment/nginx-deployment --to-revision=99"
    Then the command should fail with "error: unable to find specified revision 99 in history"
