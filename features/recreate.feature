Feature: The Recreate strategy replaces every pod at once
  With `strategy.type: Recreate` (seed note, "滚动更新": "Recreate表示全部重新创建"; Kubernetes docs,
  "Recreate Deployment"), "all existing Pods are killed before new ones are created": the old
  ReplicaSet is scaled to 0, and the new one is created only once the old pods are gone. Until the
  new pods are available, no pod serves.

  Background:
    Given a cluster
    And image pulls take 10 seconds
    And I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
        labels:
          app: nginx
      spec:
        replicas: 3
        strategy:
          type: Recreate
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
    And I wait until deployment "nginx-deployment" is rolled out

  Scenario: The old pods go first, then all the new ones come
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    Then the events of deployment "nginx-deployment" should include:
      | reason            | message                 | at  |
      | ScalingReplicaSet | Scaled up replica set   | 0s  |
      | ScalingReplicaSet | Scaled down replica set | 10s |
      | ScalingReplicaSet | Scaled up replica set   | 10s |
    And the events of deployment "nginx-deployment" should include:
      | message     |
      | from 0 to 3 |
      | from 3 to 0 |
      | from 0 to 3 |
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 0        | 0     |
      | 2        | nginx:1.16.1 | 3        | 0     |
    And deployment "nginx-deployment" should have 0 ready pods
    And deployment "nginx-deployment" should have condition Available with reason "MinimumReplicasUnavailable"
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   0/3     3            0           10s
      """
    When 10 seconds pass
    Then deployment "nginx-deployment" should be rolled out
    And deployment "nginx-deployment" should be at revision 2
    And all pods of deployment "nginx-deployment" should run image "nginx:1.16.1"
    And deployment "nginx-deployment" should have condition Available with reason "MinimumReplicasAvailable"
    And deployment "nginx-deployment" should never have had more than 3 pods
    When I run "kubectl describe deployment nginx-deployment"
    Then the output should contain:
      """
      StrategyType:       Recreate
      MinReadySeconds:    0
      """

  Scenario: A Recreate update to an image that cannot be pulled leaves no pod serving
    Unlike a rolling update, which keeps the old pods until new ones are available, Recreate has
    already removed them.

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
    And 1 minute passes
    Then deployment "nginx-deployment" should have 0 ready pods
    And deployment "nginx-deployment" should have status:
      | replicas            | 3 |
      | updatedReplicas     | 3 |
      | availableReplicas   | 0 |
      | unavailableReplicas | 3 |
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 0        | 0     |
      | 2        | nginx:1.161  | 3        | 0     |
    When I run "kubectl get pods"
    Then the output should contain "ImagePullBackOff"
    When I run "kubectl rollout undo deployment/nginx-deployment"
    And I wait until deployment "nginx-deployment" is rolled out
    Then all pods of deployment "nginx-deployment" should run image "nginx:1.14.2"
    And deployment "nginx-deployment" should be at revision 3

  Scenario: Recreate takes no rollingUpdate settings
    Then applying the manifest should fail with "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
        labels:
          app: nginx
      spec:
        replicas: 3
        strategy:
          type: Recreate
          rollingUpdate:
            maxSurge: 1
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
              image: nginx:1.16.1
      """
    And deployment "nginx-deployment" should be at revision 1
    And all pods of deployment "nginx-deployment" should run image "nginx:1.14.2"
