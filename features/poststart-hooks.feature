Feature: postStart hooks
  Right after the runtime starts a container, the kubelet runs its postStart hook and waits for it:
  until the hook returns, the container is still Waiting (ContainerCreating), the pod is not
  Running, and the pod's next containers are not started. A hook that fails is reported as a
  FailedPostStartHook event (without the hook's output), and the container is killed and restarted
  with the usual back-off (concepts/containers/container-lifecycle-hooks; kuberuntime
  startContainer). A hook that succeeds records nothing.

  Background:
    Given a cluster

  Scenario: The docs' lifecycle-demo writes its message before the pod runs
    tasks/configure-pod-container/attach-handler-lifecycle-event, with
    content/en/examples/pods/lifecycle-events.yaml.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: lifecycle-demo
      spec:
        containers:
        - name: lifecycle-demo-container
          image: nginx
          lifecycle:
            postStart:
              exec:
                command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]
            preStop:
              exec:
                command: ["/bin/sh","-c","nginx -s quit; while killall -0 nginx; do sleep 1; done"]
      """
    And I wait until pod "lifecycle-demo" is ready
    And I run "kubectl exec lifecycle-demo -- cat /usr/share/message"
    Then the output should be:
      """
      Hello from the postStart handler
      """
    And the status of pod "lifecycle-demo" should be "Running"
    And the events of pod "lifecycle-demo" should include:
      | type   | reason  | message                                     |
      | Normal | Created | Created container: lifecycle-demo-container |
      | Normal | Started | Started container lifecycle-demo-container  |
    When I run "kubectl get events --field-selector reason=FailedPostStartHook"
    Then the error output should contain "No resources found in default namespace."

  Scenario: A sleep hook holds the pod in ContainerCreating, and the next container waits for it
    The kubelet starts a pod's containers one after another in one pass; the pass waits for each
    postStart hook, so "sidecar" starts only when the hook of "web" has returned.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: warmup
      spec:
        containers:
        - name: web
          image: nginx:1.27
          lifecycle:
            postStart:
              sleep:
                seconds: 15
        - name: sidecar
          image: busybox:1.36
          command: ["sh", "-c", "sleep 3600"]
      """
    And 14 seconds pass
    Then the status of pod "warmup" should be "ContainerCreating"
    And pod "warmup" should be in phase Pending
    And container "web" of pod "warmup" should be Waiting with reason "ContainerCreating"
    And container "sidecar" of pod "warmup" should be Waiting with reason "ContainerCreating"
    When 1 second passes
    Then the status of pod "warmup" should be "Running"
    And pod "warmup" should be ready
    And the events of pod "warmup" should include:
      | type   | reason  | message                   | at  |
      | Normal | Started | Started container web     | 0s  |
      | Normal | Started | Started container sidecar | 15s |
    And container "web" of pod "warmup" should have started at:
      | at  |
      | 15s |
    When I run:
      """
      kubectl get pod warmup -o jsonpath='{.status.containerStatuses[?(@.name=="web")].state.running.startedAt}'
      """
    Then the output should be:
      """
      2025-01-01T00:00:00Z
      """

  Scenario: A failing hook kills the container, which restarts with back-off
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: broken-hook
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
          lifecycle:
            postStart:
              exec:
                command: ["/bin/sh", "-c", "exit 1"]
      """
    And 45 seconds pass
    Then container "nginx" of pod "broken-hook" should have restarted 3 times
    And the status of pod "broken-hook" should be "CrashLoopBackOff"
    And the events of pod "broken-hook" should include:
      | type    | reason              | message                                    | at  |
      | Normal  | Started             | Started container nginx                    | 0s  |
      | Warning | FailedPostStartHook | PostStartHook failed                       | 0s  |
      | Normal  | Killing             | FailedPostStartHook                        | 0s  |
      | Warning | BackOff             | Back-off restarting failed container nginx | 0s  |
      | Normal  | Started             | Started container nginx                    | 10s |
      | Warning | FailedPostStartHook | PostStartHook failed                       | 10s |
    When I run "kubectl get pod broken-hook"
    Then the output should contain "CrashLoopBackOff   3 (15s ago)"

  Scenario: While the kill of a failed hook's container runs, the pod shows PostStartHookError
    A shell that ignores SIGTERM stops only at SIGKILL, when the grace period (here 20 s) ends.
    The kubelet waits for that, then restarts the container at once (its first restart); the
    second kill takes 20 s again, and meanwhile the pod shows the start's error.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow-kill
      spec:
        terminationGracePeriodSeconds: 20
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "sleep 3600"]
          lifecycle:
            postStart:
              exec:
                command: ["sh", "-c", "echo not ready >&2; exit 3"]
      """
    And 10 seconds pass
    Then the status of pod "slow-kill" should be "ContainerCreating"
    When 20 seconds pass
    Then the status of pod "slow-kill" should be "PostStartHookError"
    And container "main" of pod "slow-kill" should have restarted 0 times
    When I run "kubectl get pod slow-kill -o jsonpath={.status.containerStatuses[0].state.waiting.message}"
    Then the output should contain "failed - error: command 'sh -c echo not ready >&2; exit 3' exited with 3: not ready"
    When I run "kubectl get pod slow-kill -o jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}"
    Then the output should be:
      """
      137
      """

  Scenario: An httpGet hook fails only when no answer comes back
    The kubelet's client takes any HTTP answer, even a 404, as success; a refused connection fails.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: answered
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
          lifecycle:
            postStart:
              httpGet:
                path: /warm-up
                port: 80
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: refused
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
          lifecycle:
            postStart:
              httpGet:
                path: /warm-up
                port: 8080
      """
    Then the status of pod "answered" should be "Running"
    And the status of pod "refused" should be "CrashLoopBackOff"
    And the events of pod "refused" should include:
      | type    | reason              | message              |
      | Warning | FailedPostStartHook | PostStartHook failed |
