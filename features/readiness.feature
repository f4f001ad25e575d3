Feature: Readiness probes take a pod in and out of service without restarting it
  A failed readiness probe only marks the container not ready: the kubelet keeps it running and
  keeps probing, the pod's Ready condition turns False and the endpoints controller moves its
  address to the not-ready addresses, so Services stop sending it traffic (seed note, "就绪态探针";
  the Kubernetes docs, "Define readiness probes"). When the probe passes again the pod is back,
  with its restart count still 0.

  The probe runs every 5 seconds with the default failureThreshold 3 and successThreshold 1. It
  runs once at once when the container starts (initialDelaySeconds 0), so the pod is ready at
  0 s. An answer that changes at an instant is seen by the next tick after it.

  Background:
    Given a cluster
    And the image "example.com/flaky-backend:1.0" behaves as:
      """
      listen: [8080]
      http:
        /ready:
          - status: 200
          - after: 30s
            status: 503
          - after: 1m
            status: 200
          - after: 1m30s
            status: 503
          - after: 2m
            status: 200
        /: 200
      """
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: backend
        labels:
          app: backend
      spec:
        containers:
        - name: backend
          image: example.com/flaky-backend:1.0
          ports:
          - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
            periodSeconds: 5
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: backend
      spec:
        selector:
          app: backend
        ports:
        - port: 80
          targetPort: 8080
      """

  Scenario: The pod turns not ready after three failures and ready again after one success
    /ready answers 503 from 30 s to 60 s: the probes at 35, 40 and 45 s fail, the third makes the
    pod not ready; the probe at 60 s still sees 503, the one at 65 s passes.

    Then pod "backend" should be ready
    And service "backend" should have 1 ready endpoint
    When 44 seconds pass
    Then pod "backend" should be ready
    And service "backend" should have 1 ready endpoint
    When 1 second passes
    Then pod "backend" should not be ready
    And the status of pod "backend" should be "Running"
    And container "backend" of pod "backend" should be Running
    And service "backend" should have 0 ready endpoints
    And service "backend" should have 1 not-ready endpoint
    When 19 seconds pass
    Then pod "backend" should not be ready
    When 1 second passes
    Then pod "backend" should be ready
    And service "backend" should have 1 ready endpoint
    And service "backend" should have 0 not-ready endpoints
    And container "backend" of pod "backend" should have restarted 0 times
    And the events of pod "backend" should include:
      | type    | reason    | message                                                       | at  |
      | Warning | Unhealthy | Readiness probe failed: HTTP probe failed with statuscode: 503 | 35s |
      | Warning | Unhealthy | Readiness probe failed: HTTP probe failed with statuscode: 503 | 40s |
      | Warning | Unhealthy | Readiness probe failed: HTTP probe failed with statuscode: 503 | 45s |
      | Warning | Unhealthy | Readiness probe failed: HTTP probe failed with statuscode: 503 | 50s |
      | Warning | Unhealthy | Readiness probe failed: HTTP probe failed with statuscode: 503 | 55s |
      | Warning | Unhealthy | Readiness probe failed: HTTP probe failed with statuscode: 503 | 60s |

  Scenario: Flapping readiness never restarts the container
    Then pod "backend" should be ready
    When 1m46s pass
    Then pod "backend" should not be ready
    When 2 minutes pass
    Then pod "backend" should be ready
    And container "backend" of pod "backend" should have restarted 0 times
    And container "backend" of pod "backend" should have started at:
      | at |
      | 0s |
    When I run "kubectl get pods"
    Then the output should be:
      """
      NAME      READY   STATUS    RESTARTS   AGE
      backend   1/1     Running   0          3m46s
      """
    When I run "kubectl get events --field-selector reason=Killing"
    Then the error output should contain "No resources found in default namespace."

  Scenario: Requests reach the pod only while it is ready
    When I send 3 requests to "http://backend/"
    Then all requests should succeed
    When 45 seconds pass
    And I send 3 requests to "http://backend/"
    Then 3 requests should fail
    When 20 seconds pass
    And I send 3 requests to "http://backend/"
    Then all requests should succeed

  Scenario: kubectl shows the pod not ready while it is out of service
    When 50 seconds pass
    And I run "kubectl get pods"
    Then the output should be:
      """
      NAME      READY   STATUS    RESTARTS   AGE
      backend   0/1     Running   0          50s
      """
    When I run "kubectl get endpoints backend"
    Then the output should be:
      """
      NAME      ENDPOINTS   AGE
      backend               50s
      """
    And the error output should contain "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"
    When I run:
      """
      kubectl get pod backend -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'
      """
    Then the output should be:
      """
      False
      """
    When 15 seconds pass
    And I run "kubectl get endpoints backend"
    Then the output should be:
      """
      NAME      ENDPOINTS         AGE
      backend   10.244.0.2:8080   65s
      """
