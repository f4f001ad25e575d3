Feature: TCP readiness and liveness probes
  The Kubernetes docs' goproxy pod (tasks/configure-pod-container/configure-liveness-readiness-
  startup-probes, "Define a TCP liveness probe"): the kubelet opens a TCP connection to port 8080
  for both probes, 15 seconds after the container starts and every 10 seconds after that. The
  probe workers tick from the moment the kubelet admits the pod (0 s, 10 s, 20 s, …) and skip
  while the initial delay has not passed, so the first probes run at 20 s (SEMANTICS.md "Probes").

  Background:
    Given a cluster

  Scenario: The goproxy pod becomes ready after its initial delay and keeps running
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
    Then pod "goproxy" should be in phase Running
    And container "goproxy" of pod "goproxy" should be Running
    And pod "goproxy" should not be ready
    When 19 seconds pass
    Then pod "goproxy" should not be ready
    When 1 second passes
    Then pod "goproxy" should be ready
    When 10 minutes pass
    Then pod "goproxy" should be ready
    And container "goproxy" of pod "goproxy" should have restarted 0 times
    When I run "kubectl get pod goproxy"
    Then the output should be:
      """
      NAME      READY   STATUS    RESTARTS   AGE
      goproxy   1/1     Running   0          10m
      """
    When I run "kubectl describe pod goproxy"
    Then the output should contain:
      """
          Liveness:       tcp-socket :8080 delay=15s timeout=1s period=10s #success=1 #failure=3
          Readiness:      tcp-socket :8080 delay=15s timeout=1s period=10s #success=1 #failure=3
      """
    And the output should not contain "Unhealthy"

  Scenario: A TCP liveness probe on a port nothing listens on kills the container
    The same pod probing port 8081, where goproxy does not listen: the probes at 20, 30 and 40
    seconds fail with the dialer's error, the third kills the container; goproxy exits on SIGTERM
    at once and starts again.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: goproxy
      spec:
        containers:
        - name: goproxy
          image: registry.k8s.io/goproxy:0.1
          ports:
          - containerPort: 8080
          livenessProbe:
            tcpSocket:
              port: 8081
            initialDelaySeconds: 15
            periodSeconds: 10
      """
    And 45 seconds pass
    Then the events of pod "goproxy" should include:
      | type    | reason    | message                                                                    | at  |
      | Warning | Unhealthy | Liveness probe failed: dial tcp 10.244.0.2:8081: connect: connection refused | 20s |
      | Warning | Unhealthy | Liveness probe failed: dial tcp 10.244.0.2:8081: connect: connection refused | 30s |
      | Warning | Unhealthy | Liveness probe failed: dial tcp 10.244.0.2:8081: connect: connection refused | 40s |
      | Normal  | Killing   | Container goproxy failed liveness probe, will be restarted                 | 40s |
    And container "goproxy" of pod "goproxy" should have started at:
      | at  |
      | 0s  |
      | 40s |
    And container "goproxy" of pod "goproxy" should have restarted 1 time
