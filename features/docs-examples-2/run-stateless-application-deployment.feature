Feature: Run a Stateless Application Using a Deployment (docs: tasks/run-application/run-stateless-application-deployment)

  Background:
    Given a cluster
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        selector:
          matchLabels:
            app: nginx
        replicas: 2 # tells deployment to run 2 pods matching the template
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

  Scenario: deployment.yaml: describe deployment and list its pods
    When I run "kubectl describe deployment nginx-deployment"
    Then the output should contain:
      """
      Name:                   nginx-deployment
      Namespace:              default
      CreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000
      Labels:                 <none>
      Annotations:            deployment.kubernetes.io/revision: 1
      Selector:               app=nginx
      Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
      StrategyType:           RollingUpdate
      MinReadySeconds:        0
      RollingUpdateStrategy:  25% max unavailable, 25% max surge
      Pod Template:
        Labels:  app=nginx
        Containers:
         nginx:
          Image:         nginx:1.14.2
          Port:          80/TCP
          Host Port:     0/TCP
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
      """
    And the output should contain:
      """
      Conditions:
        Type           Status  Reason
        ----           ------  ------
        Available      True    MinimumReplicasAvailable
        Progressing    True    NewReplicaSetAvailable
      OldReplicaSets:  <none>
      NewReplicaSet:   nginx-deployment-
      """
    And the output should contain "(2/2 replicas created)"
    And the output should contain "Normal  ScalingReplicaSet  0s    deployment-controller  Scaled up replica set nginx-deployment-"
    And the output should contain "from 0 to 2"
    When 1 minute passes
    And I run "kubectl get pods -l app=nginx"
    Then the output should contain "READY   STATUS    RESTARTS   AGE"
    And the output should contain "1/1     Running   0          60s"
    And deployment "nginx-deployment" should have 2 ready pods

  Scenario: deployment-update.yaml rolls out nginx 1.16.1, then deployment-scale.yaml scales to 4
    When I wait until deployment "nginx-deployment" is rolled out
    And I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        selector:
          matchLabels:
            app: nginx
        replicas: 2
        template:
          metadata:
            labels:
              app: nginx
          spec:
            containers:
            - name: nginx
              image: nginx:1.16.1 # Update the version of nginx from 1.14.2 to 1.16.1
              ports:
              - containerPort: 80
      """
    Then the output should be:
      """
      deployment.apps/nginx-deployment configured
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then all pods of deployment "nginx-deployment" should run image "nginx:1.16.1"
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 0        | 0     |
      | 2        | nginx:1.16.1 | 2        | 2     |
    When I run "kubectl get pods -l app=nginx"
    Then the output should contain "1/1     Running   0"
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        selector:
          matchLabels:
            app: nginx
        replicas: 4 # Update the replicas from 2 to 4
        template:
          metadata:
            labels:
              app: nginx
          spec:
            containers:
            - name: nginx
              image: nginx:1.16.1
              ports:
              - containerPort: 80
      """
    And I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should have 4 ready pods
    And deployment "nginx-deployment" should be at revision 2
    And deployment "nginx-deployment" should have status:
      | replicas           | 4 |
      | updatedReplicas    | 4 |
      | readyReplicas      | 4 |
      | availableReplicas  | 4 |
      | observedGeneration | 3 |
    When I run "kubectl get pods -l app=nginx"
    Then the output should contain "1/1     Running   0          0s"
    And the events of deployment "nginx-deployment" should include:
      | type   | reason            | message      |
      | Normal | ScalingReplicaSet | from 0 to 2  |
      | Normal | ScalingReplicaSet | from 0 to 1  |
      | Normal | ScalingReplicaSet | from 2 to 1  |
      | Normal | ScalingReplicaSet | from 1 to 2  |
      | Normal | ScalingReplicaSet | from 1 to 0  |
      | Normal | ScalingReplicaSet | from 2 to 4  |

  Scenario: Deleting the deployment removes its replica sets and pods
    When I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl delete deployment nginx-deployment"
    Then the output should be:
      """
      deployment.apps "nginx-deployment" deleted
      """
    When I run "kubectl get pods -l app=nginx"
    Then the error output should contain "No resources found in default namespace."
    When I run "kubectl get rs"
    Then the error output should contain "No resources found in default namespace."
