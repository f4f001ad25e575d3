Feature: Old ReplicaSets are kept up to revisionHistoryLimit, for rolling back
  The Kubernetes docs, "Clean up Policy": "You can set .spec.revisionHistoryLimit field in a
  Deployment to specify how many old ReplicaSets for this Deployment you want to retain. The rest
  will be garbage-collected in the background. By default, it is 10." The Deployment controller
  cleans up after a rollout is complete, oldest revision first, and never deletes a ReplicaSet
  that still has pods. "Explicitly setting this field to 0, will result in cleaning up all the
  history of your Deployment thus that Deployment will not be able to roll back."

  Background:
    Given a cluster

  Scenario: By default, ten old ReplicaSets are kept
    Twelve revisions: the oldest old ReplicaSet goes, ten old ones stay beside the current one.

    When I apply the manifest file "manifests/nginx-deployment.yaml"
    And I run:
      """
      kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
      kubectl set image deployment/nginx-deployment nginx=nginx:1.17
      kubectl set image deployment/nginx-deployment nginx=nginx:1.18
      kubectl set image deployment/nginx-deployment nginx=nginx:1.19
      """
    And 1 minute passes
    And I run:
      """
      kubectl set image deployment/nginx-deployment nginx=nginx:1.20
      kubectl set image deployment/nginx-deployment nginx=nginx:1.21
      kubectl set image deployment/nginx-deployment nginx=nginx:1.22
      kubectl set image deployment/nginx-deployment nginx=nginx:1.23
      """
    And 1 minute passes
    And I run:
      """
      kubectl set image deployment/nginx-deployment nginx=nginx:1.24
      kubectl set image deployment/nginx-deployment nginx=nginx:1.25
      kubectl set image deployment/nginx-deployment nginx=nginx:1.26
      """
    And I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should be at revision 12
    When I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      2         <none>
      3         <none>
      4         <none>
      5         <none>
      6         <none>
      7         <none>
      8         <none>
      9         <none>
      10        <none>
      11        <none>
      12        <none>
      """
    When I run "kubectl rollout undo deployment/nginx-deployment --to-revision=1"
    Then the command should fail with "error: unable to find specified revision 1 in history"

  Scenario: revisionHistoryLimit 2 keeps the two most recent old ReplicaSets
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
        revisionHistoryLimit: 2
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
    And I run:
      """
      kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
      kubectl set image deployment/nginx-deployment nginx=nginx:1.25
      kubectl set image deployment/nginx-deployment nginx=nginx:1.27
      """
    And I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 2        | nginx:1.16.1 | 0        |
      | 3        | nginx:1.25   | 0        |
      | 4        | nginx:1.27   | 3        |

  Scenario: Nothing is cleaned up while a rollout is stuck, nor a ReplicaSet that has pods
    With revisionHistoryLimit 1, the stuck rollout to nginx:1.161 leaves two old ReplicaSets, one
    of them still with its 3 pods. Rolling back completes a rollout again, and then only one old
    ReplicaSet is kept: the oldest revision goes first.

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
        revisionHistoryLimit: 1
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
    And I run:
      """
      kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
      kubectl set image deployment/nginx-deployment nginx=nginx:1.161
      """
    And 1 minute passes
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 1        | nginx:1.14.2 | 0        |
      | 2        | nginx:1.16.1 | 3        |
      | 3        | nginx:1.161  | 1        |
    When I run "kubectl rollout undo deployment/nginx-deployment"
    And I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 3        | nginx:1.161  | 0        |
      | 4        | nginx:1.16.1 | 3        |

  Scenario: With revisionHistoryLimit 0 there is nothing to roll back to
    When I apply the manifest file "manifests/nginx-deployment.yaml"
    And I run:
      """
      kubectl patch deployment nginx-deployment -p '{"spec":{"revisionHistoryLimit":0}}'
      kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
      """
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
    Then the command should fail with 'error: no rollout history found for deployment "nginx-deployment"'
