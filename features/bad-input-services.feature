Feature: Services, endpoints and traffic with wrong input
  Mistakes around Services show in different places: the API server rejects an EndpointSlice
  whose address type or addresses are wrong; kubectl rejects a port-forward pair it cannot parse
  or a port the Service does not have; a targetPort name that no pod declares is accepted, and
  the endpoints controllers leave those pods out of that port (pkg/api/v1/pod FindPort: "no
  suitable port"); a request to a name or port that nothing serves fails.

  Background:
    Given a cluster
    And I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-app
      spec:
        replicas: 2
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

  Scenario: Requests to a name no Service has, or to a port the Service does not expose, fail
    When I send 1 request to "http://my-servce/"
    Then 1 request should fail
    When I send 2 requests to "http://my-service:8080/"
    Then 2 requests should fail
    When I send 2 requests to "http://my-service:80/"
    Then all requests should succeed

  Scenario: A port-forward pair kubectl cannot parse, and a port the Service does not have
    When I run "kubectl port-forward service/my-service abc:80"
    Then the command should fail with "error: error parsing local port 'abc': strconv.ParseUint: parsing \"abc\": invalid syntax"
    When I run "kubectl port-forward service/my-service 8080:9376"
    Then the command should fail with "error: Service my-service does not have a service port 9376"
    When I run "kubectl port-forward service/my-service 8080:http"
    Then the command should fail with "error: Service 'my-service' does not have a named port 'http'"
    When I run "kubectl port-forward service/no-such-service 8080:80"
    Then the command should fail with 'Error from server (NotFound): services "no-such-service" not found'

  Scenario: An EndpointSlice with an address type that does not exist
    Then applying the manifest should fail with 'The EndpointSlice "manual-1" is invalid: addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"':
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: manual-1
        labels:
          kubernetes.io/service-name: manual
      addressType: IPv5
      ports:
        - name: http
          protocol: TCP
          port: 9376
      endpoints:
        - addresses:
            - "10.244.0.2"
      """

  Scenario: An EndpointSlice with addresses that are not IPv4 addresses
    Then applying the manifest should fail with 'The EndpointSlice "manual-1" is invalid':
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: manual-1
        labels:
          kubernetes.io/service-name: manual
      addressType: IPv4
      ports:
        - name: http
          protocol: TCP
          port: 9376
      endpoints:
        - addresses:
            - "10.244.0.300"
        - addresses:
            - "127.0.0.1"
        - addresses: []
      """
    And the error output should contain 'endpoints[0].addresses[0]: Invalid value: "10.244.0.300": must be a valid IPv4 address'
    And the error output should contain 'endpoints[1].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'
    And the error output should contain "endpoints[2].addresses: Required value: must contain at least 1 address"
    When I run "kubectl get endpointslices -l kubernetes.io/service-name=manual"
    Then the error output should contain "No resources found in default namespace."

  Scenario: A targetPort name that no pod declares leaves the pods out of the endpoints
    The pods name their port `http`; the Service asks for `web`. The Service is valid, but for each
    pod FindPort finds no port called `web`. The Endpoints controller leaves the pods out: no
    address at all. The EndpointSlice controller keeps them, in a slice without ports (`<unset>`),
    which is also what `kubectl describe service` lists: bare addresses, no port
    (kubernetes/kubernetes#109627). Requests to the Service find no endpoint.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: misnamed
      spec:
        selector:
          app: MyApp
        ports:
          - name: web
            port: 80
            targetPort: web
      """
    And I run "kubectl get endpoints misnamed"
    Then the output should be:
      """
      NAME       ENDPOINTS   AGE
      misnamed   <none>      0s
      """
    When I run "kubectl get endpointslices -l kubernetes.io/service-name=misnamed"
    Then the output should contain "IPv4          <unset>   10.244."
    When I run "kubectl describe service misnamed"
    Then the output should contain "web  80/TCP"
    And the output should contain "web/TCP"
    And the output should contain "Endpoints:                10.244."
    And the output should not contain ":9376"
    When I send 2 requests to "http://misnamed/"
    Then 2 requests should fail
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: misnamed
      spec:
        selector:
          app: MyApp
        ports:
          - name: web
            port: 80
            targetPort: http
      """
    Then service "misnamed" should have 2 ready endpoints
    When I run "kubectl describe service misnamed"
    Then the output should contain ":9376,"
    When I send 4 requests to "http://misnamed/"
    Then all requests should succeed

  Scenario: A request URL that cannot be parsed is a clear error, not a failed request
    Then sending a request to "http:///healthz" should fail with "cannot parse the URL"
    And sending a request to "http://my-service:http/" should fail with "cannot parse the URL"
    And sending a request to "ftp://my-service/" should fail with "kubesim simulates http and https requests only"
    And sending a request to "http://no-such-service/" should fail with "wget: bad address 'no-such-service'"
