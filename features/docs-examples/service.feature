Feature: Service (docs: concepts/services-networking/service)

  Scenario: A Service with a selector and targetPort 9376 gets the matching pods as endpoints
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
        labels:
          app.kubernetes.io/name: proxy
      spec:
        containers:
        - name: nginx
          image: nginx:stable
          ports:
            - containerPort: 80
              name: http-web-svc

      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: nginx-service
      spec:
        selector:
          app.kubernetes.io/name: proxy
        ports:
        - name: name-of-service-port
          protocol: TCP
          port: 80
          targetPort: http-web-svc
      """
    Then service "nginx-service" should have a cluster IP
    And service "nginx-service" should have 1 ready endpoint
    When I run "kubectl get endpointslices -l kubernetes.io/service-name=nginx-service -o jsonpath={.items[0].ports[0].port}"
    Then the output should be:
      """
      80
      """
    When I send 3 requests to "http://nginx-service/"
    Then all requests should succeed
    When I send 1 request to "http://nginx-service.default.svc.cluster.local:80/"
    Then the response status should be 200

  Scenario: Multi-port Services must name their ports
    Then applying the manifest should fail with "spec.ports[1].name: Required value":
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
          - protocol: TCP
            port: 443
            targetPort: 9377
      """

  Scenario: The docs' multi-port Service with names
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
          - name: http
            protocol: TCP
            port: 80
            targetPort: 9376
          - name: https
            protocol: TCP
            port: 443
            targetPort: 9377
      """
    And I run "kubectl get svc my-service"
    Then the output should contain "80/TCP,443/TCP"
    And service "my-service" should have 0 ready endpoints

  Scenario: NodePort 30007 from the docs
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-app
      spec:
        replicas: 2
        selector:
          matchLabels:
            app.kubernetes.io/name: MyApp
        template:
          metadata:
            labels:
              app.kubernetes.io/name: MyApp
          spec:
            containers:
            - name: web
              image: nginx:1.25
              ports:
              - containerPort: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        type: NodePort
        selector:
          app.kubernetes.io/name: MyApp
        ports:
          - port: 80
            # By default and for convenience, the `targetPort` is set to
            # the same value as the `port` field.
            targetPort: 80
            # Optional field
            # By default and for convenience, the Kubernetes control plane
            # will allocate a port from a range (default: 30000-32767)
            nodePort: 30007
      """
    Then service "my-service" should have node port 30007
    When I run "kubectl get svc my-service"
    Then the output should contain "NodePort   10."
    And the output should contain "80:30007/TCP"
    When I send 10 requests to "http://node-1:30007/"
    Then all requests should succeed
    And the requests should have reached 2 different pods
    When I send 1 request to "http://172.18.0.3:30007/"
    Then the response status should be 200

  Scenario: A second Service asking for the same nodePort is refused
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: first
      spec:
        type: NodePort
        selector:
          app: x
        ports:
        - port: 80
          nodePort: 30007
      """
    Then applying the manifest should fail with "provided port is already allocated":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: second
      spec:
        type: NodePort
        selector:
          app: x
        ports:
        - port: 80
          nodePort: 30007
      """

  Scenario: A Service without a selector has no endpoints until an EndpointSlice is added by hand
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        ports:
          - name: http
            protocol: TCP
            port: 80
            targetPort: 9376
      """
    And I run "kubectl get endpointslices"
    Then the output should not contain "my-service"
    And service "my-service" should have 0 ready endpoints
    When I apply the manifest:
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: my-service-1 # by convention, use the name of the Service
                           # as a prefix for the name of the EndpointSlice
        labels:
          # You should set the "kubernetes.io/service-name" label.
          # Set its value to match the name of the Service
          kubernetes.io/service-name: my-service
      addressType: IPv4
      ports:
        - name: http # should match with the name of the service port defined above
          appProtocol: http
          protocol: TCP
          port: 9376
      endpoints:
        - addresses:
            - "10.4.5.6"
        - addresses:
            - "10.1.2.3"
      """
    And I run "kubectl get endpointslices"
    Then the output should contain "my-service-1   IPv4          9376    10.4.5.6,10.1.2.3"

  Scenario: A headless Service has no cluster IP
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: headless
      spec:
        clusterIP: None
        selector:
          app: web
        ports:
        - port: 80
      """
    And I run "kubectl get svc headless"
    Then the output should contain "headless   ClusterIP   None         <none>        80/TCP"

  Scenario: An ExternalName Service
    Then applying the manifest should fail with "namespaces \"prod\" not found":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
        namespace: prod
      spec:
        type: ExternalName
        externalName: my.database.example.com
      """
    When I run "kubectl create namespace prod"
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
        namespace: prod
      spec:
        type: ExternalName
        externalName: my.database.example.com
      """
    And I run "kubectl get svc -n prod"
    Then the output should be:
      """
      NAME         TYPE           CLUSTER-IP   EXTERNAL-IP               PORT(S)   AGE
      my-service   ExternalName   <none>       my.database.example.com   <none>    0s
      """
