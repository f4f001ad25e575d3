Feature: Service traffic policies keep traffic on the node
  The Service page's "Traffic policies" and concepts/services-networking/service-traffic-policy.md:
  with `internalTrafficPolicy: Local` kube-proxy sends a pod's traffic to the ClusterIP only to
  ready endpoints on the pod's own node, and drops it (the client times out) when that node has
  none. `externalTrafficPolicy: Local` does the same for traffic from outside to a node port
  (tasks/access-application-cluster/create-external-load-balancer.md, "Preserving the client
  source IP"); a LoadBalancer with it gets a `healthCheckNodePort` from the node-port range.
  Pods are pinned to nodes with `nodeName` so the example does not depend on scheduling.

  Background:
    Given a cluster with 3 nodes
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: server-1
        labels:
          app.kubernetes.io/name: MyApp
      spec:
        nodeName: node-1
        containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["serve-hostname"]
          ports:
          - containerPort: 9376
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: server-2
        labels:
          app.kubernetes.io/name: MyApp
      spec:
        nodeName: node-2
        containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["serve-hostname"]
          ports:
          - containerPort: 9376
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client-1
      spec:
        nodeName: node-1
        containers:
        - name: client
          image: busybox:1.37
          command: ["sleep", "3600"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client-3
      spec:
        nodeName: node-3
        containers:
        - name: client
          image: busybox:1.37
          command: ["sleep", "3600"]
      """

  Scenario: internalTrafficPolicy Local answers from the client's own node only
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        selector:
          app.kubernetes.io/name: MyApp
        ports:
          - protocol: TCP
            port: 80
            targetPort: 9376
        internalTrafficPolicy: Local
      """
    And 5 seconds pass
    Then service "my-service" should have 2 ready endpoints
    When I run "kubectl exec client-1 -- wget -qO- http://my-service"
    Then the output should be:
      """
      server-1
      """
    When I run "kubectl exec client-1 -- wget -qO- http://my-service/again"
    Then the output should be:
      """
      server-1
      """
    When I run "kubectl exec client-3 -- wget -qO- -T 2 http://my-service"
    Then the command should fail with "wget: download timed out"
    When I run "kubectl describe service my-service"
    Then the output should contain "Internal Traffic Policy:  Local"
    When I send 20 requests to "http://my-service/" from pod "client-1"
    Then all requests should succeed
    And the requests should have reached 1 different pod
    When I send 5 requests to "http://my-service/" from pod "client-3"
    Then 5 requests should fail

  Scenario: externalTrafficPolicy Local: a node port answers only from the node's own endpoints
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nodeport
      spec:
        type: NodePort
        externalTrafficPolicy: Local
        selector:
          app.kubernetes.io/name: MyApp
        ports:
          - port: 80
            targetPort: 9376
            nodePort: 30080
      """
    And 5 seconds pass
    When I send 10 requests to "http://node-1:30080/"
    Then all requests should succeed
    And the requests should have reached 1 different pod
    And the response body should be "server-1"
    When I send 3 requests to "http://node-3:30080/"
    Then 3 requests should fail
    When I send 10 requests to "http://my-nodeport/" from pod "client-3"
    Then all requests should succeed
    And the requests should have reached 2 different pods

  Scenario: With the default Cluster policy every node reaches every endpoint
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        selector:
          app.kubernetes.io/name: MyApp
        ports:
          - protocol: TCP
            port: 80
            targetPort: 9376
      """
    And 5 seconds pass
    When I run "kubectl get service my-service -o jsonpath={.spec.internalTrafficPolicy}"
    Then the output should be:
      """
      Cluster
      """
    When I run "kubectl exec client-3 -- wget -qO- http://my-service"
    Then the output should contain "server-"

  Scenario: externalTrafficPolicy Local gives a LoadBalancer a health check node port
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: example-service
      spec:
        selector:
          app.kubernetes.io/name: MyApp
        ports:
          - port: 8765
            targetPort: 9376
        externalTrafficPolicy: Local
        type: LoadBalancer
      """
    And 5 seconds pass
    When I run "kubectl get service example-service -o jsonpath={.spec.healthCheckNodePort}"
    Then the output should match "^3[0-2][0-9]{3}$"
    When I run "kubectl describe service example-service"
    Then the output should contain "External Traffic Policy:  Local"
    And the output should contain "HealthCheck NodePort:"
    # Traffic from inside the cluster to the ClusterIP keeps Cluster semantics.
    When I run "kubectl exec client-3 -- wget -qO- http://example-service:8765"
    Then the output should contain "server-"

  Scenario: A health check node port only for a LoadBalancer with the Local policy
    Then applying the manifest should fail with "spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: example-service
      spec:
        selector:
          app.kubernetes.io/name: MyApp
        ports:
          - port: 8765
            targetPort: 9376
        type: NodePort
        healthCheckNodePort: 30100
      """
