Feature: Liveness probes restart containers that stop being healthy
  The study note's two liveness probes (seed note, "容器探针"), which are also the Kubernetes docs'
  (tasks/configure-pod-container/configure-liveness-readiness-startup-probes), with the times
  kubesim's ideal schedule gives (no jitter; see the README).

  Background:
    Given a cluster

  Scenario: An exec probe fails once the file is gone, and the container is restarted
    The file exists for 30 seconds; the probes at 35, 40 and 45 seconds fail, the third failure
    kills the container. A shell running as PID 1 ignores SIGTERM, so it dies only when the
    30-second grace period ends, at 75 seconds, and is started again at once.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: liveness-exec
      spec:
        containers:
        - name: liveness
          image: busybox
          args:
          - /bin/sh
          - -c
          - touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600
          livenessProbe:
            exec:
              command:
              - cat
              - /tmp/healthy
            initialDelaySeconds: 5
            periodSeconds: 5
      """
    And 30 seconds pass
    Then container "liveness" of pod "liveness-exec" should be Running
    And container "liveness" of pod "liveness-exec" should have restarted 0 times
    When 15 seconds pass
    Then the events of pod "liveness-exec" should include:
      | type    | reason    | message                                                                            | at  |
      | Normal  | Scheduled | Successfully assigned default/liveness-exec to                                     | 0s  |
      | Normal  | Started   | Started container liveness                                                         | 0s  |
      | Warning | Unhealthy | Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory | 35s |
      | Warning | Unhealthy | Liveness probe failed                                                              | 40s |
      | Warning | Unhealthy | Liveness probe failed                                                              | 45s |
      | Normal  | Killing   | Container liveness failed liveness probe, will be restarted                        | 45s |
    When 30 seconds pass
    Then container "liveness" of pod "liveness-exec" should have restarted 1 time
    And container "liveness" of pod "liveness-exec" should have started at:
      | at    |
      | 0s    |
      | 1m15s |
    And pod "liveness-exec" should be in phase Running

  Scenario: An HTTP probe fails after 10 seconds, again and again, until the container backs off
    The server answers /healthz with 200 for its first 10 seconds and 500 after that. Probes every
    3 seconds fail at 12, 15 and 18 seconds after each start; the server exits on SIGTERM at once.
    The restarts back off: 0 s, then 10 s, then 20 s before the fourth start.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: liveness-http
      spec:
        containers:
        - name: liveness
          image: cnych/liveness
          args:
          - /server
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
              httpHeaders:
              - name: X-Custom-Header
                value: Awesome
            initialDelaySeconds: 3
            periodSeconds: 3
      """
    And 80 seconds pass
    Then the status of pod "liveness-http" should be "CrashLoopBackOff"
    And container "liveness" of pod "liveness-http" should be Waiting with reason "CrashLoopBackOff"
    And container "liveness" of pod "liveness-http" should have restarted 3 times
    And the events of pod "liveness-http" should include:
      | type    | reason    | message                                                      | at  |
      | Warning | Unhealthy | Liveness probe failed: HTTP probe failed with statuscode: 500 | 12s |
      | Warning | Unhealthy | Liveness probe failed: HTTP probe failed with statuscode: 500 | 15s |
      | Warning | Unhealthy | Liveness probe failed: HTTP probe failed with statuscode: 500 | 18s |
      | Normal  | Killing   | Container liveness failed liveness probe, will be restarted   | 18s |
      | Warning | BackOff   | Back-off restarting failed container liveness                 | 72s |
    When 20 seconds pass
    Then container "liveness" of pod "liveness-http" should have started at:
      | at    |
      | 0s    |
      | 18s   |
      | 36s   |
      | 54s   |
      | 1m32s |
    And container "liveness" of pod "liveness-http" should be Running
