Feature: kubectl prints what a real kubectl prints
  Tables, messages and errors of `kubectl get` and `kubectl apply` as kubectl v1.33 prints them,
  byte for byte where the values are fixed (names, ages, the well-known service IPs).

  Background:
    Given a cluster

  Scenario: The namespaces of a fresh cluster
    When 5 minutes pass
    And I run "kubectl get namespaces"
    Then the output should be:
      """
      NAME              STATUS   AGE
      default           Active   5m
      kube-node-lease   Active   5m
      kube-public       Active   5m
      kube-system       Active   5m
      """

  Scenario: The kubernetes Service of a fresh cluster
    When 5 minutes pass
    And I run "kubectl get services"
    Then the output should be:
      """
      NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
      kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5m
      """
    When I run "kubectl get services -n kube-system"
    Then the output should contain "kube-dns"
    And the output should contain "10.96.0.10"

  Scenario: A running pod
    When I run "kubectl apply -f manifests/simple-pod.yaml"
    Then the output should be:
      """
      pod/nginx created
      """
    When 10 seconds pass
    And I run "kubectl get pods"
    Then the output should be:
      """
      NAME    READY   STATUS    RESTARTS   AGE
      nginx   1/1     Running   0          10s
      """
    And pod "nginx" should be ready
    And the status of pod "nginx" should be "Running"

  Scenario: A pod whose image is still being pulled
    Given image pulls take 30 seconds
    When I apply the manifest file "manifests/simple-pod.yaml"
    And 10 seconds pass
    And I run "kubectl get pods"
    Then the output should be:
      """
      NAME    READY   STATUS              RESTARTS   AGE
      nginx   0/1     ContainerCreating   0          10s
      """
    And pod "nginx" should be in phase Pending
    When I wait until pod "nginx" is ready
    And I run "kubectl get pod nginx"
    Then the output should be:
      """
      NAME    READY   STATUS    RESTARTS   AGE
      nginx   1/1     Running   0          30s
      """

  Scenario: Applying the same manifest twice
    When I run "kubectl apply -f manifests/nginx-deployment.yaml"
    Then the output should be:
      """
      deployment.apps/nginx-deployment created
      """
    When I run "kubectl apply -f manifests/nginx-deployment.yaml"
    Then the output should be:
      """
      deployment.apps/nginx-deployment unchanged
      """

  Scenario: A deployment
    When I apply the manifest file "manifests/nginx-deployment.yaml"
    And 18 seconds pass
    And I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   3/3     3            3           18s
      """

  Scenario: A NodePort Service with a fixed cluster IP
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        type: NodePort
        clusterIP: 10.96.0.100
        selector:
          app: MyApp
        ports:
          - port: 80
            nodePort: 30007
      """
    Then the output should be:
      """
      service/my-service created
      """
    When I run "kubectl get services"
    Then the output should be:
      """
      NAME         TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE
      kubernetes   ClusterIP   10.96.0.1     <none>        443/TCP        0s
      my-service   NodePort    10.96.0.100   <none>        80:30007/TCP   0s
      """

  Scenario: Nothing to list
    When I run "kubectl get pods"
    Then the command should succeed
    And the output should be:
      """
      """
    And the error output should contain "No resources found in default namespace."

  Scenario: An object that does not exist
    When I run "kubectl get deployment web"
    Then the command should fail with 'Error from server (NotFound): deployments.apps "web" not found'

  Scenario: A resource type that does not exist
    When I run "kubectl get widgets"
    Then the command should fail with "error: the server doesn't have a resource type \"widgets\""
