Feature: Probe mechanisms: gRPC health checks, HTTP headers, redirects and timeouts
  How the kubelet's probes talk to a container (pkg/probe/grpc, pkg/probe/http): a gRPC probe
  asks the grpc.health.v1 service and passes on SERVING; an HTTP probe sends its httpHeaders,
  passes on 200-399, follows redirects to the same host (10 requests at most), and gives up when
  the answer takes timeoutSeconds. Failures are Unhealthy events with Go's error texts.

  Background:
    Given a cluster with 1 node

  Scenario: The docs' gRPC liveness example: etcd answers SERVING and is never restarted
    The Kubernetes docs' etcd pod (tasks/configure-pod-container/configure-liveness-readiness-
    startup-probes, "Define a gRPC liveness probe"): etcd serves the gRPC health service on its
    client port 2379, and the kubelet checks it 10 seconds after the start and every 10 seconds.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: etcd-with-grpc
      spec:
        containers:
        - name: etcd
          image: registry.k8s.io/etcd:3.5.1-0
          command: [ "/usr/local/bin/etcd", "--data-dir",  "/var/lib/etcd", "--listen-client-urls", "http://0.0.0.0:2379", "--advertise-client-urls", "http://127.0.0.1:2379", "--log-level", "debug"]
          ports:
          - containerPort: 2379
          livenessProbe:
            grpc:
              port: 2379
            initialDelaySeconds: 10
      """
    And 15 seconds pass
    And I run "kubectl describe pod etcd-with-grpc"
    Then the output should contain:
      """
          Liveness:       grpc <pod>:2379  delay=10s timeout=1s period=10s #success=1 #failure=3
      """
    When 5 minutes pass
    Then container "etcd" of pod "etcd-with-grpc" should have restarted 0 times
    And pod "etcd-with-grpc" should be ready
    When I run "kubectl get pod etcd-with-grpc"
    Then the output should be:
      """
      NAME             READY   STATUS    RESTARTS   AGE
      etcd-with-grpc   1/1     Running   0          5m15s
      """

  Scenario: An HTTP probe sends its custom header, and the server answers by it
    The server answers /healthz with 200 only to requests that carry `Custom-Header: Awesome`,
    and with 401 to others. The pod whose probe sends the header becomes ready; the other fails
    its probes with the status code, never the body.

    Given the image "example.com/guarded:1.0" behaves as:
      """
      listen: [8080]
      http:
        /healthz:
          - {status: 401, body: who are you?}
          - when: {Custom-Header: Awesome}
            status: 200
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: with-header
      spec:
        containers:
        - name: app
          image: example.com/guarded:1.0
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
              httpHeaders:
              - name: Custom-Header
                value: Awesome
            periodSeconds: 3
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: without-header
      spec:
        containers:
        - name: app
          image: example.com/guarded:1.0
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
            periodSeconds: 3
      """
    And 10 seconds pass
    Then pod "with-header" should be ready
    And pod "without-header" should not be ready
    And the events of pod "without-header" should include:
      | type    | reason    | message                                                        | at |
      | Warning | Unhealthy | Readiness probe failed: HTTP probe failed with statuscode: 401 | 0s |
      | Warning | Unhealthy | Readiness probe failed: HTTP probe failed with statuscode: 401 | 3s |

  Scenario: A redirect loop fails the liveness probe after 10 requests
    /healthz redirects to itself. Go's HTTP client stops after 10 requests, so every probe fails
    with "stopped after 10 redirects": at 5, 10 and 15 seconds (the tick at 0 comes before the
    container runs), and the third failure restarts the container.

    Given the image "example.com/loop:1.0" behaves as:
      """
      listen: [8080]
      http:
        /healthz: {status: 302, location: /healthz}
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: loop
      spec:
        containers:
        - name: app
          image: example.com/loop:1.0
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
            periodSeconds: 5
      """
    And 16 seconds pass
    Then the events of pod "loop" should include:
      | type    | reason    | message                                                           | at  |
      | Warning | Unhealthy | Liveness probe failed: Get "/healthz": stopped after 10 redirects | 5s  |
      | Warning | Unhealthy | Liveness probe failed: Get "/healthz": stopped after 10 redirects | 10s |
      | Warning | Unhealthy | Liveness probe failed: Get "/healthz": stopped after 10 redirects | 15s |
      | Normal  | Killing   | Container app failed liveness probe, will be restarted            | 15s |
    And container "app" of pod "loop" should have restarted 1 time

  Scenario: A redirect to another host is not followed: a success with a ProbeWarning
    The kubelet follows redirects only to the host it probed. A redirect elsewhere is a success,
    reported as a ProbeWarning event with the redirect's body.

    Given the image "example.com/portal:1.0" behaves as:
      """
      listen: [8080]
      http:
        /: {status: 302, location: "https://login.example.com/", body: see login}
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: portal
      spec:
        containers:
        - name: app
          image: example.com/portal:1.0
          readinessProbe:
            httpGet:
              path: /
              port: 8080
      """
    And 5 seconds pass
    Then pod "portal" should be ready
    And the events of pod "portal" should include:
      | type    | reason       | message                                                                      | at |
      | Warning | ProbeWarning | Readiness probe warning: Probe terminated redirects, Response body: see login | 0s |

  Scenario: A /healthz that slows down times out after timeoutSeconds
    From 20 seconds on, the server takes 3 seconds to answer /healthz. With timeoutSeconds 1 the
    kubelet's client gives up first, 1 second after each probe: the probes at 30, 40 and 50
    seconds fail at 31, 41 and 51 seconds (the one at 20 seconds still sees the quick answer),
    and the pod is not ready after the third.

    Given the image "example.com/slow:1.0" behaves as:
      """
      listen: [8080]
      http:
        /healthz:
          - status: 200
          - after: 20s
            status: 200
            delay: 3s
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow
      spec:
        containers:
        - name: app
          image: example.com/slow:1.0
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
            timeoutSeconds: 1
            periodSeconds: 10
      """
    And 45 seconds pass
    Then pod "slow" should be ready
    When 6 seconds pass
    Then pod "slow" should not be ready
    And the events of pod "slow" should include:
      | type    | reason    | message                                                                                                                     | at  |
      | Warning | Unhealthy | Readiness probe failed: Get "http://10.244.0.2:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers) | 31s |
      | Warning | Unhealthy | Readiness probe failed: Get "http://10.244.0.2:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers) | 41s |
      | Warning | Unhealthy | Readiness probe failed: Get "http://10.244.0.2:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers) | 51s |
