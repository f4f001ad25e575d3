Feature: Services (upstream test/e2e/network/service.go)

  Background:
    Given a cluster

  Scenario: should serve a basic endpoint from pods
    The endpoints follow the pods: none, pod1, pod1 and pod2, pod2, none.
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: endpoint-test2
      spec:
        selector:
          name-endpoint-test2: endpoint-test2
        ports:
        - port: 80
          targetPort: 80
      """
    Then service "endpoint-test2" should have 0 ready endpoints
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod1
        labels:
          name-endpoint-test2: endpoint-test2
      spec:
        containers:
        - name: agnhost-container
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["netexec", "--http-port=80"]
          ports:
          - containerPort: 80
      """
    Then service "endpoint-test2" should have 1 ready endpoint
    When I run:
      """
      kubectl get endpoints endpoint-test2 -o 'jsonpath={range .subsets[*].addresses[*]}{.targetRef.name}{" "}{end}{.subsets[0].ports[0].port}'
      """
    Then the output should be:
      """
      pod1 80
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod2
        labels:
          name-endpoint-test2: endpoint-test2
      spec:
        containers:
        - name: agnhost-container
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["netexec", "--http-port=80"]
          ports:
          - containerPort: 80
      """
    Then service "endpoint-test2" should have 2 ready endpoints
    When I send 10 requests to "http://endpoint-test2/"
    Then all requests should succeed
    When I run "kubectl delete pod pod1"
    Then service "endpoint-test2" should have 1 ready endpoint
    When I run:
      """
      kubectl get endpoints endpoint-test2 -o 'jsonpath={range .subsets[*].addresses[*]}{.targetRef.name}{end}'
      """
    Then the output should be:
      """
      pod2
      """
    When I run "kubectl delete pod pod2"
    Then service "endpoint-test2" should have 0 ready endpoints
    And service "endpoint-test2" should have 0 not-ready endpoints

  Scenario: should be able to change the type from ExternalName to ClusterIP
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: externalname-service
      spec:
        type: ExternalName
        externalName: foo.example.com
      """
    When I run "kubectl get service externalname-service -o jsonpath={.spec.clusterIP}"
    Then the output should be:
      """
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: externalname-service
      spec:
        type: ClusterIP
        externalName: ""
        selector:
          name: externalname-service
        ports:
        - name: http
          port: 80
          protocol: TCP
          targetPort: 9376
      """
    Then service "externalname-service" should have a cluster IP
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: externalname-service-backend
        labels:
          name: externalname-service
      spec:
        containers:
        - name: agnhost-container
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["serve-hostname"]
          ports:
          - containerPort: 9376
      """
    And 2 seconds pass
    And I send 5 requests to "http://externalname-service:80/"
    Then all requests should succeed

  Scenario: should release NodePorts on delete
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: nodeport-reuse
      spec:
        type: NodePort
        selector:
          testid: nodeport-reuse
        ports:
        - port: 80
          nodePort: 31234
      """
    Then service "nodeport-reuse" should have node port 31234
    When I run "kubectl delete service nodeport-reuse"
    Then the command should succeed
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: nodeport-reuse
      spec:
        type: NodePort
        selector:
          testid: nodeport-reuse
        ports:
        - port: 80
          nodePort: 31234
      """
    Then service "nodeport-reuse" should have node port 31234

  Scenario: should prevent NodePort collisions
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: nodeport-collision-1
      spec:
        type: NodePort
        ports:
        - port: 80
          nodePort: 31235
      """
    Then applying the manifest should fail with "provided port is already allocated":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: nodeport-collision-2
      spec:
        type: NodePort
        ports:
        - port: 80
          nodePort: 31235
      """

  Scenario: should create endpoints for unready pods
    With publishNotReadyAddresses the pod's address is published (as ready) although its
    readiness probe never passes.
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: tolerate-unready
      spec:
        publishNotReadyAddresses: true
        selector:
          testid: tolerate-unready
        ports:
        - name: http
          port: 80
          targetPort: 80
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: unready
        labels:
          testid: tolerate-unready
      spec:
        containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["netexec", "--http-port=80"]
          ports:
          - containerPort: 80
          readinessProbe:
            exec:
              command: ["/bin/false"]
      """
    And 30 seconds pass
    Then pod "unready" should not be ready
    And service "tolerate-unready" should have 1 ready endpoint
    And service "tolerate-unready" should have 0 not-ready endpoints
    When I run:
      """
      kubectl get endpointslices -l kubernetes.io/service-name=tolerate-unready -o 'jsonpath={.items[0].endpoints[0].conditions.ready} {.items[0].endpoints[0].targetRef.name}'
      """
    Then the output should be:
      """
      true unready
      """
    When I send a request to "http://tolerate-unready/"
    Then the response status should be 200

  Scenario: without publishNotReadyAddresses an unready pod is a not-ready endpoint
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: unready-svc
      spec:
        selector:
          testid: unready
        ports:
        - port: 80
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: unready
        labels:
          testid: unready
      spec:
        containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["netexec", "--http-port=80"]
          ports:
          - containerPort: 80
          readinessProbe:
            exec:
              command: ["/bin/false"]
      """
    And 30 seconds pass
    Then service "unready-svc" should have 0 ready endpoints
    And service "unready-svc" should have 1 not-ready endpoint
