Feature: Service traffic
  A Service gives a stable virtual IP and DNS name; kube-proxy spreads the connections over the
  ready endpoints the selector matches (seed note, "Service"). Requests here come from a pod
  inside the cluster, or from outside through a node port or a port-forward.

  Background:
    Given a cluster
    And I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-app
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: MyApp
        template:
          metadata:
            labels:
              app: MyApp
          spec:
            containers:
            - name: app
              image: registry.example.com/my-app:1.0
              ports:
              - name: http
                containerPort: 9376
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        selector:
          app: MyApp
        ports:
          - protocol: TCP
            port: 80
            targetPort: 9376
      """
    And I wait until deployment "my-app" is rolled out

  Scenario: Port 80 of the Service reaches port 9376 of every ready pod
    When I send 30 requests to "http://my-service/"
    Then all requests should succeed
    And the requests should have reached 3 different pods

  Scenario: Every DNS form of the Service name resolves
    When I send 1 request to "http://my-service.default/"
    Then the response status should be 200
    When I send 1 request to "http://my-service.default.svc/"
    Then the response status should be 200
    When I send 1 request to "http://my-service.default.svc.cluster.local:80/"
    Then the response status should be 200
    When I send 1 request to "http://my-servce/"
    Then 1 request should fail

  Scenario: A named targetPort is resolved in each pod
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: named
      spec:
        selector:
          app: MyApp
        ports:
          - port: 8080
            targetPort: http
      """
    And I send 10 requests to "http://named:8080/"
    Then all requests should succeed

  Scenario: No ready endpoint means the connection is refused
    When I run "kubectl scale deployment my-app --replicas=0"
    And I wait until deployment "my-app" is rolled out
    Then service "my-service" should have 0 ready endpoints
    When I send 5 requests to "http://my-service/"
    Then 5 requests should fail

  Scenario: A NodePort answers on every node
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nodeport
      spec:
        type: NodePort
        selector:
          app: MyApp
        ports:
          - port: 80
            targetPort: 9376
            nodePort: 30007
      """
    And I send 3 requests to "http://node-1:30007/"
    Then all requests should succeed
    When I send 3 requests to "http://172.18.0.4:30007/"
    Then all requests should succeed

  Scenario: A rolling update never sends a request to a pod that is not ready
    Given from now on, requests to service "my-service" should only reach ready pods
    And from now on, service "my-service" should always have at least 2 ready endpoints
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-app
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: MyApp
        template:
          metadata:
            labels:
              app: MyApp
          spec:
            containers:
            - name: app
              image: registry.example.com/my-app:2.0
              ports:
              - name: http
                containerPort: 9376
              readinessProbe:
                tcpSocket:
                  port: 9376
                initialDelaySeconds: 5
                periodSeconds: 5
      """
    And I send 10 requests to "http://my-service/"
    And 5 seconds pass
    And I send 10 requests to "http://my-service/"
    And 5 seconds pass
    And I send 10 requests to "http://my-service/"
    And I wait until deployment "my-app" is rolled out
    And I send 10 requests to "http://my-service/"
    Then all requests should succeed
    And all pods of deployment "my-app" should run image "registry.example.com/my-app:2.0"

  Scenario: Port-forward reaches one pod, never the Service's balancing
    When I run "kubectl port-forward service/my-service 8080:80"
    Then the output should contain "Forwarding from 127.0.0.1:8080 -> 9376"
    When I send 20 requests to "http://localhost:8080/"
    Then all requests should succeed
    And the requests should have reached 1 different pod

  Scenario: A Service without a selector uses the Endpoints you give it
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: manual
      spec:
        ports:
          - port: 80
            targetPort: 9376
      ---
      apiVersion: v1
      kind: Endpoints
      metadata:
        name: manual
      subsets:
        - addresses:
            - ip: 10.244.0.2
          ports:
            - port: 9376
      """
    Then service "manual" should have 1 ready endpoint
    When I send 2 requests to "http://manual/"
    Then all requests should succeed
