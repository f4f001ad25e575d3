Feature: A Service sends traffic to the ready pods its selector matches
  The study note's ClusterIP Service (seed note, "CluserIP"): the IPs and ports of the pods that
  match its labels make up its Endpoints; without matching pods it has none. A pod that is not
  ready is listed as not ready, and a pod that goes away leaves at once.

  Background:
    Given a cluster

  Scenario: The matching pods become the Service's endpoints
    When I apply the manifest file "manifests/my-app.yaml"
    And I apply the manifest file "manifests/my-service.yaml"
    And I wait until deployment "my-app" is rolled out
    Then service "my-service" should have a cluster IP
    And service "my-service" should have 3 ready endpoints
    And service "my-service" should have 0 not-ready endpoints
    And the endpoints of service "my-service" should be the ready pods of deployment "my-app"
    When I run "kubectl get endpoints my-service"
    Then the output should contain ":9376"
    And the error output should contain "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"

  Scenario: A Service whose selector matches no pod has no endpoints
    When I apply the manifest file "manifests/my-service.yaml"
    Then service "my-service" should have a cluster IP
    And service "my-service" should have 0 ready endpoints
    When I run "kubectl get endpoints my-service"
    Then the output should be:
      """
      NAME         ENDPOINTS   AGE
      my-service   <none>      0s
      """

  Scenario: Pods scaled away leave the endpoints
    When I apply the manifest file "manifests/my-app.yaml"
    And I apply the manifest file "manifests/my-service.yaml"
    And I wait until deployment "my-app" is rolled out
    And I run "kubectl scale deployment my-app --replicas=1"
    And 30 seconds pass
    Then service "my-service" should have 1 ready endpoint
    And the endpoints of service "my-service" should be the ready pods of deployment "my-app"

  Scenario: A pod that is not ready is a not-ready endpoint
    Its readiness probe asks nginx for a page nginx does not have (404), so it never becomes ready.

    When I apply the manifest file "manifests/my-service.yaml"
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: not-ready
        labels:
          app: MyApp
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
          readinessProbe:
            httpGet:
              path: /ready
              port: 80
            periodSeconds: 5
      """
    And 10 seconds pass
    Then pod "not-ready" should be in phase Running
    And pod "not-ready" should not be ready
    And service "my-service" should have 0 ready endpoints
    And service "my-service" should have 1 not-ready endpoint
    And the events of pod "not-ready" should include:
      | type    | reason    | message                                                    | at |
      | Warning | Unhealthy | Readiness probe failed: HTTP probe failed with statuscode: 404 | 0s |
      | Warning | Unhealthy | Readiness probe failed: HTTP probe failed with statuscode: 404 | 5s |
    When I run "kubectl get endpoints my-service"
    Then the output should be:
      """
      NAME         ENDPOINTS   AGE
      my-service               10s
      """

  Scenario: The Service keeps enough ready endpoints through a rolling update
    With 3 replicas the default strategy (25% max surge, 25% max unavailable) rounds to one extra
    pod and none unavailable, so the Service never has fewer than 3 ready endpoints.

    When I apply the manifest file "manifests/my-app.yaml"
    And I apply the manifest file "manifests/my-service.yaml"
    And I wait until deployment "my-app" is rolled out
    Then from now on, service "my-service" should always have at least 3 ready endpoints
    And from now on, deployment "my-app" should never have more than 4 pods
    When I run "kubectl set image deployment/my-app serve-hostname=registry.k8s.io/serve_hostname:v1.5"
    And I wait until deployment "my-app" is rolled out
    Then all pods of deployment "my-app" should run image "registry.k8s.io/serve_hostname:v1.5"
    And the endpoints of service "my-service" should be the ready pods of deployment "my-app"
    And service "my-service" should never have had fewer than 3 ready endpoints
