Feature: Scaling in the middle of a rollout spreads the change over the ReplicaSets
  The Kubernetes docs, "Proportional scaling": "RollingUpdate Deployments support running multiple
  versions of an application at the same time. When you or an autoscaler scales a RollingUpdate
  Deployment that is in the middle of a rollout (either in progress or paused), the Deployment
  controller balances the additional replicas in the existing active ReplicaSets (ReplicaSets with
  Pods) in order to mitigate risk." Each ReplicaSet gets a share in proportion to its size; what is
  left over goes to the biggest one.

  Background:
    "For example, you are running a Deployment with 10 replicas, maxSurge=3, and maxUnavailable=2."

    Given a cluster
    And I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
        labels:
          app: nginx
      spec:
        replicas: 10
        strategy:
          rollingUpdate:
            maxSurge: 3
            maxUnavailable: 2
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

  Scenario: The docs' worked example: 10 replicas scaled to 15 during a stuck rollout
    "You update to a new image which happens to be unresolvable from inside the cluster": the new
    ReplicaSet grows to 5 (13 pods at most, 8 available at least) and stops. Scaled to 15, the
    Deployment may have 15 + 3 = 18 pods, 5 more than the 13 it has: the old ReplicaSet (8) gets
    round(8 × 18 / 13) − 8 = 3, the new one (5) gets round(5 × 18 / 13) − 5 = 2.

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:sometag"
    And 1 minute passes
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image         | replicas | ready |
      | 1        | nginx:1.14.2  | 8        | 8     |
      | 2        | nginx:sometag | 5        | 0     |
    When I run "kubectl scale deployment/nginx-deployment --replicas=15"
    Then the output should be:
      """
      deployment.apps/nginx-deployment scaled
      """
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image         | replicas | ready |
      | 1        | nginx:1.14.2  | 11       | 11    |
      | 2        | nginx:sometag | 7        | 0     |
    And the events of deployment "nginx-deployment" should include:
      | message      | at |
      | from 8 to 11 | 1m |
      | from 5 to 7  | 1m |
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   11/15   7            11          60s
      """
    And deployment "nginx-deployment" should have condition Available with reason "MinimumReplicasUnavailable"
    And deployment "nginx-deployment" should never have had more than 18 pods

  Scenario: The rollout goes on from the new sizes once the new image can be pulled
    "The rollout process should eventually move all replicas to the new ReplicaSet, assuming the
    new replicas become healthy."

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:sometag"
    And I run "kubectl scale deployment/nginx-deployment --replicas=15"
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image         | replicas | ready |
      | 1        | nginx:1.14.2  | 0        | 0     |
      | 2        | nginx:sometag | 0        | 0     |
      | 3        | nginx:1.16.1  | 15       | 15    |
    And deployment "nginx-deployment" should never have had more than 18 pods

  Scenario: Scaling down during a stuck rollout takes from both ReplicaSets
    Scaled to 5, the Deployment may have 5 + 3 = 8 pods, 5 fewer than 13: the old ReplicaSet gives
    round(8 × 8 / 13) − 8 = −3, the new one round(5 × 8 / 13) − 5 = −2. The rolling update then
    goes on within the new bounds (8 pods, 3 available): 2 more old pods go, 2 more new ones come.

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:sometag"
    And 1 minute passes
    And I run "kubectl scale deployment/nginx-deployment --replicas=5"
    Then the events of deployment "nginx-deployment" should include:
      | message     | at |
      | from 8 to 5 | 1m |
      | from 5 to 3 | 1m |
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image         | replicas | ready |
      | 1        | nginx:1.14.2  | 3        | 3     |
      | 2        | nginx:sometag | 5        | 0     |
    And deployment "nginx-deployment" should have 3 ready pods

  Scenario: With a single active ReplicaSet, scaling is not proportional
    Once a rollout is complete, only the newest ReplicaSet has pods, and it takes the whole change.

    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl scale deployment/nginx-deployment --replicas=15"
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas |
      | 1        | nginx:1.14.2 | 0        |
      | 2        | nginx:1.16.1 | 15       |
    And the events of deployment "nginx-deployment" should include:
      | message      |
      | from 10 to 15 |
