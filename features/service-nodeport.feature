Feature: A NodePort Service gets a port on every node
  The study note's NodePort Service (seed note, "Nodeport"): the port it asks for, 30007, or,
  when it asks for none, one the control plane picks from the range 30000-32767.

  Background:
    Given a cluster

  Scenario: The node port the Service asks for
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        type: NodePort
        selector:
          app: MyApp
        ports:
            # By default and for convenience, the `targetPort` is set to the same value as the `port` field.
          - port: 80
            targetPort: 80
            # Optional field
            # By default and for convenience, the Kubernetes control plane will allocate a port from a range (default: 30000-32767)
            nodePort: 30007
      """
    Then service "my-service" should have a cluster IP
    And service "my-service" should have node port 30007
    When I run "kubectl get service my-service"
    Then the output should contain "NodePort"
    And the output should contain "80:30007/TCP"

  Scenario: A node port chosen by the control plane
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        type: NodePort
        selector:
          app: MyApp
        ports:
          - port: 80
            targetPort: 80
      """
    Then service "my-service" should have a cluster IP
    And the node port of service "my-service" should be between 30000 and 32767
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        type: NodePort
        selector:
          app: MyApp
        ports:
          - port: 80
            targetPort: 80
      """
    Then the output should be:
      """
      service/my-service unchanged
      """

  Scenario: Each Service port gets its own node port
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: NodePort
        selector:
          app: web
        ports:
          - name: http
            port: 80
          - name: https
            port: 443
      """
    Then the node port of service "web" should be between 30000 and 32767
    When I run "kubectl get service web"
    Then the output should contain "80:3"
    And the output should contain "/TCP,443:3"

  Scenario: A ClusterIP Service has no node port
    When I apply the manifest file "manifests/my-service.yaml"
    And I run "kubectl get service my-service"
    Then the output should contain "ClusterIP"
    And the output should contain "80/TCP"
