Feature: Memory limits and the OOM killer
  The Kubernetes docs' memory exercises (tasks/configure-pod-container/assign-memory-resource): a
  container may use more memory than it requests, but not more than its limit. polinux/stress
  allocates what `--vm-bytes` says as soon as it starts; above the limit the kernel's OOM killer
  ends it at once (Terminated, reason OOMKilled, exit code 137) and the kubelet restarts it with
  the usual back-off. CPU above the limit is only throttled (assign-cpu-resource).

  Background:
    Given a cluster
    And I run "kubectl create namespace mem-example"

  Scenario: The docs' memory-demo fits: 150M used, 100Mi requested, 200Mi allowed
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: memory-demo
        namespace: mem-example
      spec:
        containers:
        - name: memory-demo-ctr
          image: polinux/stress
          resources:
            requests:
              memory: "100Mi"
            limits:
              memory: "200Mi"
          command: ["stress"]
          args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
      """
    And 5 minutes pass
    Then pod "mem-example/memory-demo" should be in phase Running
    And container "memory-demo-ctr" of pod "mem-example/memory-demo" should have restarted 0 times
    And the QoS class of pod "mem-example/memory-demo" should be Burstable
    When I run "kubectl get pod memory-demo --output=yaml --namespace=mem-example"
    Then the output should contain:
      """
          resources:
            limits:
              memory: 200Mi
            requests:
              memory: 100Mi
      """

  Scenario: The docs' memory-demo-2 asks for 250M with a 100Mi limit and is OOM-killed again and again
    stress is killed the moment it allocates: at 0 s, again at once, then after 10 and 20 seconds
    of back-off, like any container that exits at once.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: memory-demo-2
        namespace: mem-example
      spec:
        containers:
        - name: memory-demo-2-ctr
          image: polinux/stress
          resources:
            requests:
              memory: "50Mi"
            limits:
              memory: "100Mi"
          command: ["stress"]
          args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
      """
    And 35 seconds pass
    Then container "memory-demo-2-ctr" of pod "mem-example/memory-demo-2" should have started at:
      | at  |
      | 0s  |
      | 0s  |
      | 10s |
      | 30s |
    And container "memory-demo-2-ctr" of pod "mem-example/memory-demo-2" should have restarted 3 times
    And container "memory-demo-2-ctr" of pod "mem-example/memory-demo-2" should be Waiting with reason "CrashLoopBackOff"
    And the status of pod "mem-example/memory-demo-2" should be "CrashLoopBackOff"
    And pod "mem-example/memory-demo-2" should be in phase Running
    When I run "kubectl get pod memory-demo-2 --namespace=mem-example"
    Then the output should be:
      """
      NAME            READY   STATUS             RESTARTS     AGE
      memory-demo-2   0/1     CrashLoopBackOff   3 (5s ago)   35s
      """
    When I run "kubectl get pod memory-demo-2 --output=jsonpath={.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode} --namespace=mem-example"
    Then the output should be:
      """
      OOMKilled/137
      """
    When I run "kubectl describe pod memory-demo-2 --namespace=mem-example"
    Then the output should contain:
      """
          State:          Waiting
            Reason:       CrashLoopBackOff
          Last State:     Terminated
            Reason:       OOMKilled
            Exit Code:    137
      """
    And the output should contain:
      """
          Limits:
            memory:  100Mi
          Requests:
            memory:     50Mi
      """
    And the events of pod "mem-example/memory-demo-2" should include:
      | type    | reason  | message                                                                      |
      | Normal  | Created | Created container: memory-demo-2-ctr                                         |
      | Warning | BackOff | Back-off restarting failed container memory-demo-2-ctr in pod memory-demo-2_mem-example |

  Scenario: With restartPolicy Never the OOM-killed pod fails and shows OOMKilled
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: memory-demo-2
        namespace: mem-example
      spec:
        restartPolicy: Never
        containers:
        - name: memory-demo-2-ctr
          image: polinux/stress
          resources:
            requests:
              memory: "50Mi"
            limits:
              memory: "100Mi"
          command: ["stress"]
          args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
      """
    And 5 seconds pass
    Then pod "mem-example/memory-demo-2" should be in phase Failed
    And container "memory-demo-2-ctr" of pod "mem-example/memory-demo-2" should be Terminated with reason "OOMKilled"
    And the status of pod "mem-example/memory-demo-2" should be "OOMKilled"
    When I run "kubectl get pods -n mem-example"
    Then the output should be:
      """
      NAME            READY   STATUS      RESTARTS   AGE
      memory-demo-2   0/1     OOMKilled   0          5s
      """

  Scenario: The docs' cpu-demo uses more CPU than its limit and is only throttled
    When I run "kubectl create namespace cpu-example"
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: cpu-demo
        namespace: cpu-example
      spec:
        containers:
        - name: cpu-demo-ctr
          image: vish/stress
          resources:
            limits:
              cpu: "1"
            requests:
              cpu: "0.5"
          args:
          - -cpus
          - "2"
      """
    And 10 minutes pass
    Then pod "cpu-example/cpu-demo" should be in phase Running
    And container "cpu-demo-ctr" of pod "cpu-example/cpu-demo" should have restarted 0 times
    When I run "kubectl get pod cpu-demo --output=yaml --namespace=cpu-example"
    Then the output should contain:
      """
          resources:
            limits:
              cpu: "1"
            requests:
              cpu: 500m
      """
