Feature: Probe timeouts: a probe that waits for its answer reports when it returns
  The kubelet's prober blocks on each probe (pkg/kubelet/prober/worker.go doProbe → prober.go
  runProbe): the HTTP client has a timeout of timeoutSeconds (pkg/probe/http), so when the server
  answers later than that, the probe fails timeoutSeconds after the tick, with Go's client error.
  The Unhealthy event and a liveness kill come at that moment, not at the tick.

  Background:
    Given a cluster with 1 node

  Scenario: A /healthz slower than timeoutSeconds fails the liveness probe 2 seconds after each tick
    The server takes 5 seconds to answer /healthz; the probe gives up after 2. Ticks come at 10,
    20 and 30 seconds, so the failures land at 12, 22 and 32 seconds, and the third one kills the
    container, which the kubelet starts again at once (it exits on SIGTERM at once).

    Given the image "example.com/slow-health:1.0" behaves as:
      """
      listen: [8080]
      http:
        /healthz: {status: 200, delay: 5s}
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow-health
      spec:
        containers:
        - name: app
          image: example.com/slow-health:1.0
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
            initialDelaySeconds: 10
            periodSeconds: 10
            timeoutSeconds: 2
      """
    And 31 seconds pass
    Then container "app" of pod "slow-health" should have restarted 0 times
    When 5 seconds pass
    Then the events of pod "slow-health" should include:
      | type    | reason    | message                                                                                                                        | at  |
      | Warning | Unhealthy | Liveness probe failed: Get "http://10.244.0.2:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers) | 12s |
      | Warning | Unhealthy | Liveness probe failed: Get "http://10.244.0.2:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers) | 22s |
      | Warning | Unhealthy | Liveness probe failed: Get "http://10.244.0.2:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers) | 32s |
      | Normal  | Killing   | Container app failed liveness probe, will be restarted                                                                         | 32s |
    And container "app" of pod "slow-health" should have restarted 1 time
    And container "app" of pod "slow-health" should have started at:
      | at  |
      | 0s  |
      | 32s |
