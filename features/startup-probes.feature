Feature: Startup probes protect slow starting containers
  The Kubernetes docs' startup probe (tasks/configure-pod-container/configure-liveness-readiness-
  startup-probes, "Protect slow starting containers with startup probes"): the same HTTP check as
  the liveness probe, with failureThreshold × periodSeconds (30 × 10 s = 300 s) long enough for
  the worst start. Until the startup probe succeeds the liveness probe does not run; once it has,
  the liveness probe takes over. A startup probe that never succeeds kills the container after
  300 s, and the pod's restartPolicy decides what follows.

  The probe workers tick every 10 s from the moment the kubelet admits the pod (0 s, 10 s, …);
  at 0 s the container does not exist yet, so the first startup probe runs at 10 s. An answer
  that changes at an instant is seen by the next tick after it (SEMANTICS.md "Probes").

  Background:
    Given a cluster
    And the image "example.com/legacy-app:1.0" behaves as:
      """
      listen: [8080]
      http:
        /healthz:
          - status: 500
          - after: 2m
            status: 200
      """
    And the image "example.com/never-starts:1.0" behaves as:
      """
      listen: [8080]
      http:
        /healthz: 500
      """

  Scenario: A slow starter is not killed while its startup probe keeps failing
    The application answers /healthz with 200 only after 2 minutes. The startup probes at 10 s
    … 120 s fail (the one at 120 s still sees the old answer), the one at 130 s succeeds: the
    container has started and, with no readiness probe, is ready.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: legacy
      spec:
        containers:
        - name: app
          image: example.com/legacy-app:1.0
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
    Then pod "legacy" should be in phase Running
    And container "app" of pod "legacy" should be Running
    And pod "legacy" should not be ready
    And container "app" of pod "legacy" should have restarted 0 times
    When 10 seconds pass
    Then pod "legacy" should be ready
    When 5 minutes pass
    Then container "app" of pod "legacy" should have restarted 0 times
    And pod "legacy" should be ready
    And the events of pod "legacy" should include:
      | type    | reason    | message                                                     | at  |
      | Normal  | Started   | Started container app                                       | 0s  |
      | Warning | Unhealthy | Startup probe failed: HTTP probe failed with statuscode: 500 | 10s |
      | Warning | Unhealthy | Startup probe failed: HTTP probe failed with statuscode: 500 | 20s |
      | Warning | Unhealthy | Startup probe failed: HTTP probe failed with statuscode: 500 | 2m  |
    When I run "kubectl get events --field-selector involvedObject.name=legacy"
    Then the output should contain "Startup probe failed: HTTP probe failed with statuscode: 500"
    And the output should not contain "Liveness probe failed"
    And the output should not contain "Killing"

  Scenario: Without the startup probe the same container is killed by its first liveness probe
    The liveness probe alone (failureThreshold 1) fails at 10 s and kills the container, which
    starts again at once; it never lives long enough to answer 200.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: legacy
      spec:
        containers:
        - name: app
          image: example.com/legacy-app:1.0
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
      """
    And 25 seconds pass
    Then the events of pod "legacy" should include:
      | type    | reason    | message                                                      | at  |
      | Warning | Unhealthy | Liveness probe failed: HTTP probe failed with statuscode: 500 | 10s |
      | Normal  | Killing   | Container app failed liveness probe, will be restarted        | 10s |
      | Warning | Unhealthy | Liveness probe failed: HTTP probe failed with statuscode: 500 | 20s |
      | Normal  | Killing   | Container app failed liveness probe, will be restarted        | 20s |
    And container "app" of pod "legacy" should have started at:
      | at  |
      | 0s  |
      | 10s |
      | 20s |

  Scenario: A startup probe that never succeeds kills the container after failureThreshold × period
    The 30th failure, at 300 s, kills the container; it starts again at once. The next kill, at
    600 s, finds the first instance's exit 300 s old: the back-off entry is created (10 s) and the
    container starts at once. The liveness probe never runs.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: never
      spec:
        containers:
        - name: app
          image: example.com/never-starts:1.0
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
    And 4m59s pass
    Then container "app" of pod "never" should have restarted 0 times
    When 1 second passes
    Then container "app" of pod "never" should have restarted 1 time
    And the events of pod "never" should include:
      | type    | reason    | message                                                      | at  |
      | Warning | Unhealthy | Startup probe failed: HTTP probe failed with statuscode: 500 | 10s |
      | Warning | Unhealthy | Startup probe failed: HTTP probe failed with statuscode: 500 | 5m  |
      | Normal  | Killing   | Container app failed startup probe, will be restarted        | 5m  |
      | Normal  | Started   | Started container app                                        | 5m  |
    When 5 minutes pass
    Then container "app" of pod "never" should have started at:
      | at  |
      | 0s  |
      | 5m  |
      | 10m |
    And pod "never" should not be ready
    When I run "kubectl get events --field-selector involvedObject.name=never"
    Then the output should not contain "Liveness probe failed"

  Scenario: A fast failing startup probe restarts the container with back-off
    failureThreshold 3 and period 10 s: each instance is killed 30 s after it starts. Each kill
    is judged on the instance before it: no exited instance at 30 s (start at once), no back-off
    entry at 60 s (created: 10 s), 30 s since the last exit at 90 s and 120 s (≥ 10 s, ≥ 20 s:
    start at once; the delay doubles to 40 s), then at 150 s only 30 s since the exit at 120 s:
    back-off until 40 s after the exit at 150 s, 190 s.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: quick
      spec:
        containers:
        - name: app
          image: example.com/never-starts:1.0
          ports:
          - containerPort: 8080
          startupProbe:
            httpGet:
              path: /healthz
              port: 8080
            failureThreshold: 3
            periodSeconds: 10
      """
    And 160 seconds pass
    Then the status of pod "quick" should be "CrashLoopBackOff"
    And container "app" of pod "quick" should be Waiting with reason "CrashLoopBackOff"
    And container "app" of pod "quick" should have restarted 4 times
    And the events of pod "quick" should include:
      | type    | reason    | message                                                      | at    |
      | Warning | Unhealthy | Startup probe failed: HTTP probe failed with statuscode: 500 | 10s   |
      | Warning | Unhealthy | Startup probe failed: HTTP probe failed with statuscode: 500 | 20s   |
      | Warning | Unhealthy | Startup probe failed: HTTP probe failed with statuscode: 500 | 30s   |
      | Normal  | Killing   | Container app failed startup probe, will be restarted        | 30s   |
      | Normal  | Started   | Started container app                                        | 30s   |
      | Normal  | Killing   | Container app failed startup probe, will be restarted        | 1m    |
      | Normal  | Killing   | Container app failed startup probe, will be restarted        | 1m30s |
      | Normal  | Killing   | Container app failed startup probe, will be restarted        | 2m    |
      | Normal  | Killing   | Container app failed startup probe, will be restarted        | 2m30s |
      | Warning | BackOff   | Back-off restarting failed container app in pod quick_default | 2m30s |
    When 40 seconds pass
    Then container "app" of pod "quick" should have started at:
      | at    |
      | 0s    |
      | 30s   |
      | 1m    |
      | 1m30s |
      | 2m    |
      | 3m10s |
    And container "app" of pod "quick" should be Running
