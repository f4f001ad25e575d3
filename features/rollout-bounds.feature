Feature: How far a rolling update may go above and below the desired replicas
  A rolling update keeps the number of pods between two bounds (Kubernetes docs, "Max Surge" and
  "Max Unavailable"; seed note, "部署会控制pod的数量"): at most replicas + maxSurge pods, and at
  least replicas - maxUnavailable available. A percentage is taken of the replicas and rounded:
  maxSurge up, maxUnavailable down; when both come out as 0, maxUnavailable counts as 1. Image
  pulls take 5 seconds here, so each new pod is unavailable for a while.

  Background:
    Given a cluster
    And image pulls take 5 seconds

  Scenario: The docs' Deployment keeps at least 3 pods available and at most 4 in total
    "It makes sure that at least 3 Pods are available and that at max 4 Pods in total are
    available": 25% of 3 is 0.75, so maxSurge is 1 (rounded up) and maxUnavailable 0 (rounded
    down). The new ReplicaSet starts with 1 pod; an old pod goes only when a new one is available.

    When I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out
    Then from now on, deployment "nginx-deployment" should always have at least 3 available replicas
    And from now on, deployment "nginx-deployment" should never have more than 4 pods
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should never have had more than 4 pods
    And deployment "nginx-deployment" should never have had fewer than 3 available replicas
    And the events of deployment "nginx-deployment" should include:
      | message                 | at  |
      | from 0 to 1             | 5s  |
      | Scaled down replica set | 10s |
      | from 1 to 2             | 10s |
      | Scaled down replica set | 15s |
      | from 2 to 3             | 15s |
      | from 1 to 0             | 20s |

  Scenario Outline: <replicas> replicas with maxSurge <surge> and maxUnavailable <unavailable>: between <min> available and <max> pods
    <why>

    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
        labels:
          app: nginx
      spec:
        replicas: <replicas>
        strategy:
          type: RollingUpdate
          rollingUpdate:
            maxSurge: <surge>
            maxUnavailable: <unavailable>
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
    Then from now on, deployment "nginx-deployment" should always have at least <min> available replicas
    And from now on, deployment "nginx-deployment" should never have more than <max> pods
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out
    Then all pods of deployment "nginx-deployment" should run image "nginx:1.16.1"
    And deployment "nginx-deployment" should never have had more than <max> pods
    And deployment "nginx-deployment" should never have had fewer than <min> available replicas

    Examples:
      | replicas | surge | unavailable | min | max | why                                                                         |
      | 4        | 25%   | 25%         | 3   | 5   | The docs: "In case of a Deployment with 4 replicas, the number of Pods would be between 3 and 5". |
      | 10       | 25%   | 25%         | 8   | 13  | 25% of 10 is 2.5: 3 more pods at most (up), 2 fewer available at most (down). |
      | 10       | 30%   | 30%         | 7   | 13  | The docs' 30% examples: at least 70% available, at most 130% of the pods.  |
      | 3        | 30%   | 30%         | 3   | 4   | 30% of 3 is 0.9: 1 up, 0 down.                                              |
      | 10       | 1%    | 1%          | 10  | 11  | 1% of 10 is 0.1: 1 up, 0 down, so no pod is ever unavailable.              |
      | 10       | 3     | 2           | 8   | 13  | Whole numbers are used as they are.                                        |
      | 10       | 0     | 1           | 9   | 10  | No surge: an old pod must go before each new one comes.                    |
      | 3        | 0     | 10%         | 2   | 3   | Both come out as 0 (10% of 3 rounds down), so maxUnavailable counts as 1.   |

  Scenario: Ten replicas with the defaults: 3 new pods at once, 2 old ones down at once
    The Deployment controller's own worked example (rolling.go): 10 replicas, maxSurge 3,
    maxUnavailable 2. The new ReplicaSet is created with 3 pods (13 in all), and the old one goes
    down to 8 at the same moment, since 8 available are enough.

    When I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl scale deployment/nginx-deployment --replicas=10"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | available |
      | 1        | nginx:1.14.2 | 8        | 8         |
      | 2        | nginx:1.16.1 | 5        | 0         |
    And the events of deployment "nginx-deployment" should include:
      | message                  | at |
      | from 0 to 3              | 5s |
      | from 10 to 8             | 5s |
      | from 3 to 5              | 5s |
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should never have had more than 13 pods
    And deployment "nginx-deployment" should never have had fewer than 8 available replicas

  Scenario: Without surge, an old pod goes first
    With maxSurge 0 the Deployment may never have more pods than replicas, so the new ReplicaSet
    is created empty, an old pod is removed, and only then a new pod is created.

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
        strategy:
          rollingUpdate:
            maxSurge: 0
            maxUnavailable: 1
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
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    Then the events of deployment "nginx-deployment" should include:
      | message                               | at |
      | Scaled down replica set               | 5s |
      | Scaled up replica set                 | 5s |
    And the events of deployment "nginx-deployment" should include:
      | message     |
      | from 3 to 2 |
      | from 0 to 1 |
    And deployment "nginx-deployment" should have 2 ready pods
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should never have had more than 3 pods
    And deployment "nginx-deployment" should never have had fewer than 2 available replicas

  Scenario: maxSurge and maxUnavailable may not both be 0
    Nothing could ever change: no pod may be added and none taken away.

    Then applying the manifest should fail with "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: may not be 0 when `maxSurge` is 0":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: 3
        strategy:
          rollingUpdate:
            maxSurge: 0
            maxUnavailable: 0%
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
      """
    And applying the manifest should fail with "must not be greater than 100%":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: 3
        strategy:
          rollingUpdate:
            maxUnavailable: 110%
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
      """
    When I run "kubectl get deployments"
    Then the error output should contain "No resources found in default namespace."
