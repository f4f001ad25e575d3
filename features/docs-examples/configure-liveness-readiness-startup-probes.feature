Feature: Configure Liveness, Readiness and Startup Probes (docs: tasks/configure-pod-container/configure-liveness-readiness-startup-probes)

  Scenario: exec-liveness.yaml, written as the docs' JSON form, is healthy for 30 seconds then restarted
    When I apply the manifest:
      """
      ---
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          labels: {
            test: "liveness",
          },
          name: "liveness-exec",
        },
        spec: {
          containers: [{
            name: "liveness",
            image: "registry.k8s.io/busybox:1.27.2",
            args: [
              "/bin/sh",
              "-c",
              "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600",
            ],
            livenessProbe: {
              exec: {
                command: [
                  "cat",
                  "/tmp/healthy",
                ],
              },
              initialDelaySeconds: 5,
              periodSeconds: 5,
            },
          }],
        },
      }
      """
    And 11 seconds pass
    When I run "kubectl describe pod liveness-exec"
    Then the output should contain "Successfully assigned default/liveness-exec to node-"
    And the output should contain "Pulling image \"registry.k8s.io/busybox:1.27.2\""
    And the output should contain "Created container: liveness"
    And the output should contain "Started container liveness"
    And the output should not contain "Unhealthy"
    When 46 seconds pass
    And I run "kubectl describe pod liveness-exec"
    Then the output should contain "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory"
    And the output should contain "(x3 over 22s)"
    And the output should contain "Container liveness failed liveness probe, will be restarted"
    And the events of pod "liveness-exec" should include:
      | type    | reason    | message                                                     | at  |
      | Warning | Unhealthy | Liveness probe failed                                       | 35s |
      | Warning | Unhealthy | Liveness probe failed                                       | 40s |
      | Warning | Unhealthy | Liveness probe failed                                       | 45s |
      | Normal  | Killing   | Container liveness failed liveness probe, will be restarted | 45s |
    When 30 seconds pass
    And I run "kubectl get pod liveness-exec"
    Then the output should contain "liveness-exec   1/1     Running   1 ("
    And container "liveness" of pod "liveness-exec" should have restarted 1 time

  Scenario: http-liveness.yaml with agnhost liveness fails after 10 seconds and is restarted
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        labels:
          test: liveness
        name: liveness-http
      spec:
        containers:
        - name: liveness
          image: registry.k8s.io/e2e-test-images/agnhost:2.40
          args:
          - liveness
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
              httpHeaders:
              - name: Custom-Header
                value: Awesome
            initialDelaySeconds: 3
            periodSeconds: 3
      """
    And 10 seconds pass
    Then container "liveness" of pod "liveness-http" should have restarted 0 times
    When 10 seconds pass
    Then the events of pod "liveness-http" should include:
      | type    | reason    | message                                                     | at  |
      | Warning | Unhealthy | Liveness probe failed: HTTP probe failed with statuscode: 500 | 12s |
      | Warning | Unhealthy | Liveness probe failed: HTTP probe failed with statuscode: 500 | 15s |
      | Warning | Unhealthy | Liveness probe failed: HTTP probe failed with statuscode: 500 | 18s |
      | Normal  | Killing   | Container liveness failed liveness probe, will be restarted | 18s |
    And container "liveness" of pod "liveness-http" should have restarted 1 time
    And container "liveness" of pod "liveness-http" should have started at:
      | at  |
      | 0s  |
      | 18s |

  Scenario: tcp-liveness-readiness.yaml becomes ready at the first readiness probe, 15 seconds in
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: goproxy
        labels:
          app.kubernetes.io/name: goproxy
      spec:
        containers:
        - name: goproxy
          image: registry.k8s.io/goproxy:0.1
          ports:
          - containerPort: 8080
          readinessProbe:
            tcpSocket:
              port: 8080
            initialDelaySeconds: 15
            periodSeconds: 10
          livenessProbe:
            tcpSocket:
              port: 8080
            initialDelaySeconds: 15
            periodSeconds: 10
      """
    And 14 seconds pass
    Then pod "goproxy" should be in phase Running
    And pod "goproxy" should not be ready
    When 6 seconds pass
    Then pod "goproxy" should be ready
    When 5 minutes pass
    Then container "goproxy" of pod "goproxy" should have restarted 0 times
    When I run "kubectl describe pod goproxy"
    Then the output should contain "Liveness:       tcp-socket :8080 delay=15s timeout=1s period=10s #success=1 #failure=3"
    And the output should contain "Readiness:      tcp-socket :8080 delay=15s timeout=1s period=10s #success=1 #failure=3"
    And the output should not contain "Unhealthy"

  Scenario: grpc-liveness.yaml: etcd answers the gRPC health check, so nothing fails
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
    When I run "kubectl describe pod etcd-with-grpc"
    Then the output should contain "Liveness:       grpc <pod>:2379  delay=10s timeout=1s period=10s #success=1 #failure=3"
    And the output should not contain "Unhealthy"
    And pod "etcd-with-grpc" should be ready
    When 10 minutes pass
    Then container "etcd" of pod "etcd-with-grpc" should have restarted 0 times

  Scenario: a named liveness port with a startup probe protects a slow start
    Given the image "example.com/slow:1" behaves as:
      """
      listen: [8080]
      http:
        /healthz:
          - status: 500
          - after: 60s
            status: 200
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
          image: example.com/slow:1
          ports:
          - name: liveness-port
            containerPort: 8080
            hostPort: 8080
          livenessProbe:
            httpGet:
              path: /healthz
              port: liveness-port
            failureThreshold: 1
            periodSeconds: 10
          startupProbe:
            httpGet:
              path: /healthz
              port: liveness-port
            failureThreshold: 30
            periodSeconds: 10
      """
    And 2 minutes pass
    Then container "app" of pod "slow" should have restarted 0 times
    And pod "slow" should be ready
    And the events of pod "slow" should include:
      | type    | reason    | message                                                     |
      | Warning | Unhealthy | Startup probe failed: HTTP probe failed with statuscode: 500 |

  Scenario: a startup probe that never succeeds kills the container after failureThreshold * periodSeconds
    Given the image "example.com/never:1" behaves as:
      """
      listen: [8080]
      http:
        /healthz:
          - status: 500
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: never
      spec:
        containers:
        - name: app
          image: example.com/never:1
          ports:
          - name: liveness-port
            containerPort: 8080
          startupProbe:
            httpGet:
              path: /healthz
              port: liveness-port
            failureThreshold: 30
            periodSeconds: 10
      """
    And 4m55s pass
    Then container "app" of pod "never" should have restarted 0 times
    When 20 seconds pass
    Then the events of pod "never" should include:
      | type    | reason  | message                                                    | at    |
      | Normal  | Killing | Container app failed startup probe, will be restarted      | 5m0s  |
    And container "app" of pod "never" should have restarted 1 time

  Scenario: nginx killed by its liveness probe exits 0 on SIGTERM: Last State Completed
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: c
          image: nginx:1.25
          livenessProbe:
            httpGet:
              path: /healthz
              port: 80
            periodSeconds: 5
      """
    And 16 seconds pass
    And I run "kubectl describe pod web"
    Then the output should contain:
      """
          Last State:     Terminated
            Reason:       Completed
            Exit Code:    0
      """
    And the output should contain "Liveness probe failed: HTTP probe failed with statuscode: 404"
