Feature: agnhost, the e2e tests' image
  registry.k8s.io/e2e-test-images/agnhost is alpine with bash, ENTRYPOINT ["/agnhost"], CMD
  ["pause"]: the argv's second word picks the test server (liveness, serve-hostname, netexec,
  grpc-health-checking, pause), and a `command` that runs something else runs in its shell.
  liveness serves /healthz (200 for 10 s, then 500), /started and /redirect?loc= (302, as Go's
  http.Redirect); the kubelet follows a redirect to the same host and takes one to another host as
  a success with a ProbeWarning event.

  Background:
    Given a cluster

  # The scenarios below come from /work/notes/e2e-bugs/container_probe.feature (upstream
  # test/e2e/common/node/container_probe.go).

  Scenario: agnhost runs a /bin/sh -c command override
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        containers:
        - name: a
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          command: ["/bin/sh", "-c", "echo hi; touch /tmp/ready; sleep 600"]
          readinessProbe:
            exec:
              command: ["cat", "/tmp/ready"]
            initialDelaySeconds: 5
            periodSeconds: 2
      """
    And 6 seconds pass
    Then pod "a" should be ready
    When I run "kubectl logs a"
    Then the output should contain "hi"

  Scenario: upstream "should mark readiness on pods to false while pod is in progress of terminating" (agnhost, /bin/bash)
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: probe-test
      spec:
        terminationGracePeriodSeconds: 30
        containers:
        - name: probe-test
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          command: ["/bin/bash"]
          args:
          - -c
          - |
            _term() {
              rm -f /tmp/ready
              sleep 30
              exit 0
            }
            trap _term SIGTERM

            touch /tmp/ready

            while true; do
              echo \"hello\"
              sleep 10
            done
          readinessProbe:
            exec:
              command: ["cat", "/tmp/ready"]
            failureThreshold: 1
            initialDelaySeconds: 5
            periodSeconds: 2
      """
    And 6 seconds pass
    Then pod "probe-test" should be ready
    When I run "kubectl delete pod probe-test --wait=false"
    And 6 seconds pass
    Then pod "probe-test" should not be ready

  Scenario: should *not* be restarted with a non-local redirect http liveness probe
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: liveness
      spec:
        containers:
        - name: agnhost-container
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["liveness"]
          livenessProbe:
            httpGet:
              path: /redirect?loc=http%3A%2F%2F0.0.0.0%2F
              port: 8080
            initialDelaySeconds: 15
            failureThreshold: 1
      """
    And 4 minutes pass
    Then container "agnhost-container" of pod "liveness" should have restarted 0 times
    And the events of pod "liveness" should include:
      | type    | reason       | message                                                                         |
      | Warning | ProbeWarning | Probe terminated redirects, Response body: <a href="http://0.0.0.0/">Found</a>. |

  Scenario: should be restarted with a local redirect http liveness probe (fails on /healthz's 500, not on a 404)
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: liveness
      spec:
        containers:
        - name: agnhost-container
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["liveness"]
          livenessProbe:
            httpGet:
              path: /redirect?loc=%2Fhealthz
              port: 8080
            initialDelaySeconds: 15
            failureThreshold: 1
      """
    And 20 seconds pass
    Then container "agnhost-container" of pod "liveness" should have restarted 1 time
    And the events of pod "liveness" should include:
      | type    | reason    | message                                                       | at  |
      | Warning | Unhealthy | Liveness probe failed: HTTP probe failed with statuscode: 500 | 20s |

  Scenario: serve-hostname answers every path on 9376 through a Service
    From upstream test/e2e/apps/replica_set.go: each replica answers with its own pod name.
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: my-hostname-basic
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: my-hostname-basic
        template:
          metadata:
            labels:
              name: my-hostname-basic
          spec:
            containers:
            - name: my-hostname-basic
              image: registry.k8s.io/e2e-test-images/agnhost:2.53
              args: ["serve-hostname"]
              ports:
              - containerPort: 9376
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: my-hostname-basic
      spec:
        selector:
          name: my-hostname-basic
        ports:
        - port: 80
          targetPort: 9376
      """
    And 5 seconds pass
    Then service "my-hostname-basic" should have 1 ready endpoint
    When I send a request to "http://my-hostname-basic/anything"
    Then the response status should be 200
    And the response body should contain "my-hostname-basic-"

  Scenario: netexec echoes a message on its --http-port
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: netexec
        labels:
          app: netexec
      spec:
        containers:
        - name: netexec
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["netexec", "--http-port=80"]
          readinessProbe:
            httpGet:
              path: /healthz
              port: 80
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
        - name: client
          image: busybox:1.37
          args: ["sleep", "3600"]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: netexec
      spec:
        selector:
          app: netexec
        ports:
        - port: 8080
          targetPort: 80
      """
    And I wait until pod "netexec" is ready
    And I wait until pod "client" is ready
    When I run "kubectl exec client -- wget -qO- http://netexec:8080/echo?msg=hello"
    Then the output should be:
      """
      hello
      """

  Scenario: without args agnhost pauses: it listens on nothing and exits 0 on SIGTERM
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: c
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          readinessProbe:
            tcpSocket:
              port: 8080
      """
    And 30 seconds pass
    Then pod "p" should not be ready
    When I run "kubectl delete pod p"
    Then the command should succeed
