Feature: The study note's Deployment: minReadySeconds 5, maxSurge 1, maxUnavailable 1 (seed note "滚动更新")

  Background:
    Given a cluster
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deploy
        labels:
          app: nginx
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: nginx
        minReadySeconds: 5
        strategy:
          type: RollingUpdate
          rollingUpdate:
            maxSurge: 1
            maxUnavailable: 1
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

  Scenario: Pods count as available only 5 seconds after they are ready
    When 4 seconds pass
    Then deployment "nginx-deploy" should have 3 ready pods
    And deployment "nginx-deploy" should have status:
      | readyReplicas     | 3 |
      | availableReplicas | 0 |
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME           READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deploy   3/3     3            0           4s
      """
    When 1 second passes
    Then deployment "nginx-deploy" should have status:
      | availableReplicas | 0 |
    When 1 second passes
    Then deployment "nginx-deploy" should have status:
      | availableReplicas | 3 |
    And deployment "nginx-deploy" should be rolled out

  Scenario: The rolling update keeps 2..4 pods and finishes after two rounds of minReadySeconds
    When I wait until deployment "nginx-deploy" is rolled out
    Then from now on, deployment "nginx-deploy" should always have at least 2 available replicas
    And from now on, deployment "nginx-deploy" should never have more than 4 pods
    When I run "kubectl set image deployment/nginx-deploy nginx=nginx:1.16.1"
    And I run "kubectl rollout status deployment/nginx-deploy"
    Then the output should contain:
      """
      Waiting for deployment "nginx-deploy" rollout to finish: 2 out of 3 new replicas have been updated...
      """
    And the output should contain:
      """
      Waiting for deployment "nginx-deploy" rollout to finish: 2 of 3 updated replicas are available...
      deployment "nginx-deploy" successfully rolled out
      """
    And the events of deployment "nginx-deploy" should include:
      | type   | reason            | message                | at  |
      | Normal | ScalingReplicaSet | from 0 to 3            | 0s  |
      | Normal | ScalingReplicaSet | from 0 to 1            | 6s  |
      | Normal | ScalingReplicaSet | from 3 to 2            | 6s  |
      | Normal | ScalingReplicaSet | from 1 to 2            | 6s  |
      | Normal | ScalingReplicaSet | from 2 to 0            | 12s |
      | Normal | ScalingReplicaSet | from 2 to 3            | 12s |

  Scenario: Pause, several changes, resume: one new revision
    When I wait until deployment "nginx-deploy" is rolled out
    And I run:
      """
      kubectl rollout pause deployment/nginx-deploy
      kubectl set image deployment/nginx-deploy nginx=nginx:1.16.1
      kubectl set resources deployment/nginx-deploy -c=nginx --limits=cpu=200m,memory=512Mi
      """
    And 1 minute passes
    Then deployment "nginx-deploy" should be at revision 1
    And all pods of deployment "nginx-deploy" should run image "nginx:1.14.2"
    When I run "kubectl rollout resume deployment/nginx-deploy"
    And I wait until deployment "nginx-deploy" is rolled out
    Then deployment "nginx-deploy" should be at revision 2
    And all pods of deployment "nginx-deploy" should run image "nginx:1.16.1"
    When I run "kubectl get pods -l app=nginx -o jsonpath={.items[*].status.qosClass}"
    Then the output should be:
      """
      Guaranteed Guaranteed Guaranteed
      """
