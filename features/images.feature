Feature: Images that a scenario declares
  A real cluster runs images; kubesim runs image behaviours. A scenario declares what its own
  images do, in YAML (docs/images.md): the ports they listen on, how they answer HTTP over time,
  what they print, when they exit, how much memory they use and what SIGTERM does to them.

  Background:
    Given a cluster

  Scenario: A Deployment of a declared image turns unready when its health check starts failing
    The shop answers /healthz with 200 for 30 seconds after it starts, then 500. The readiness
    probe runs every 5 seconds: the one at 30 s still sees the old answer (the process acts a
    moment after the probe's tick), the one at 35 s fails and the pods leave the endpoints.

    Given the image "example.com/shop:1.0" behaves as:
      """
      listen: [8080]
      http:
        /healthz:
          - status: 200
          - after: 30s
            status: 500
        /: 200
      stdout:
        - shop 1.0 listening on :8080
        - after: 10s
          every: 10s
          line: orders processed
      """
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: shop
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: shop
        template:
          metadata:
            labels:
              app: shop
          spec:
            containers:
            - name: shop
              image: example.com/shop:1.0
              ports:
              - containerPort: 8080
              readinessProbe:
                httpGet:
                  path: /healthz
                  port: 8080
                periodSeconds: 5
                failureThreshold: 1
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: shop
      spec:
        selector:
          app: shop
        ports:
        - port: 80
          targetPort: 8080
      """
    And I wait until deployment "shop" is rolled out
    Then deployment "shop" should have 2 ready pods
    And service "shop" should have 2 ready endpoints
    When 25 seconds pass
    And I run "kubectl logs deployment/shop"
    Then the output should be:
      """
      shop 1.0 listening on :8080
      orders processed
      orders processed
      """
    And the error output should contain "Found 2 pods, using pod/shop-"
    When 5 seconds pass
    Then deployment "shop" should have 2 ready pods
    When 5 seconds pass
    Then deployment "shop" should have 0 ready pods
    And service "shop" should have 2 not-ready endpoints

  Scenario: A declared image that fails after a while is restarted with back-off
    The worker exits with code 1 five seconds after it starts: the kubelet restarts it at once,
    then 10 seconds after the second failure.

    Given the image "example.com/worker:2.1" behaves as:
      """
      stdout: [connecting to the queue]
      stderr:
        - after: 5s
          line: "fatal: queue unreachable"
      exit:
        after: 5s
        code: 1
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: worker
      spec:
        containers:
        - name: worker
          image: example.com/worker:2.1
      """
    And 15 seconds pass
    Then container "worker" of pod "worker" should have started at:
      | at  |
      | 0s  |
      | 5s  |
    And the status of pod "worker" should be "CrashLoopBackOff"
    When I run "kubectl logs worker --previous"
    Then the output should be:
      """
      connecting to the queue
      fatal: queue unreachable
      """
    When 5 seconds pass
    Then container "worker" of pod "worker" should have started at:
      | at  |
      | 0s  |
      | 5s  |
      | 20s |

  Scenario: A declared image whose memory grows is OOM-killed at its limit
    The cache starts at 50Mi and grows 10Mi every 10 seconds: above its 100Mi limit at 60 s.

    Given the image "example.com/cache:1.0" behaves as:
      """
      memory:
        start: 50Mi
        grow: 10Mi
        every: 10s
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: cache
      spec:
        containers:
        - name: cache
          image: example.com/cache:1.0
          resources:
            limits:
              memory: 100Mi
      """
    And 59 seconds pass
    Then container "cache" of pod "cache" should have restarted 0 times
    When 1 second passes
    Then container "cache" of pod "cache" should have restarted 1 time
    When I run "kubectl get pod cache -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason}"
    Then the output should be:
      """
      OOMKilled
      """

  Scenario: A declared image that takes its time on SIGTERM
    The server needs 10 seconds to drain after SIGTERM, well within the 30-second grace period.

    Given the image "example.com/api:3.0" behaves as:
      """
      listen: [8080]
      sigterm:
        after: 10s
        code: 0
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
      spec:
        containers:
        - name: api
          image: example.com/api:3.0
      """
    And I run "kubectl delete pod api --wait=false"
    And 9 seconds pass
    Then the status of pod "api" should be "Terminating"
    When 1 second passes
    And I run "kubectl get pods"
    Then the error output should contain "No resources found in default namespace."

  Scenario: A declared image that runs a shell command, like busybox
    Given the image "example.com/ticker:1.0" behaves as:
      """
      command: 'n=0; while true; do n=$((n+1)); echo "tick $n"; sleep 5; done'
      files:
        /etc/ticker.conf: "interval=5\n"
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: ticker
      spec:
        containers:
        - name: ticker
          image: example.com/ticker:1.0
      """
    And 10 seconds pass
    And I run "kubectl logs ticker"
    Then the output should be:
      """
      tick 1
      tick 2
      tick 3
      """
    When I run "kubectl exec ticker -- cat /etc/ticker.conf"
    Then the output should be:
      """
      interval=5
      """
