Feature: Determine the Reason for Pod Failure (docs: tasks/debug/debug-application/determine-reason-pod-failure)

  Background:
    Given a cluster
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: termination-demo
      spec:
        containers:
        - name: termination-demo-container
          image: debian
          command: ["/bin/sh"]
          args: ["-c", "sleep 10 && echo Sleep expired > /dev/termination-log"]
      """

  Scenario: termination.yaml: the container ends after 10 s and is restarted; -o yaml shows the message
    When I run "kubectl get pod termination-demo"
    Then the output should contain "termination-demo   1/1     Running   0          0s"
    When 12 seconds pass
    Then container "termination-demo-container" of pod "termination-demo" should have restarted 1 time
    And container "termination-demo-container" of pod "termination-demo" should have started at:
      | at  |
      | 0s  |
      | 10s |
    When I run "kubectl get pod termination-demo --output=yaml"
    Then the output should contain:
      """
          lastState:
            terminated:
              containerID: containerd://
      """
    And the output should contain:
      """
              exitCode: 0
              finishedAt: "2025-01-01T00:00:10Z"
              message: |
                Sleep expired
              reason: Completed
              startedAt: "2025-01-01T00:00:00Z"
      """
    When I run:
      """
      kubectl get pod termination-demo -o jsonpath='{range .status.containerStatuses[*]}{.lastState.terminated.message}{end}'
      """
    Then the output should be:
      """
      Sleep expired
      """

  Scenario: describe pod shows the message under Last State
    When 12 seconds pass
    And I run "kubectl describe pod termination-demo"
    # The message ends with a newline, which ends kubectl's tabwriter block (as in real kubectl).
    Then the output should contain:
      """
          State:       Running
            Started:   Wed, 01 Jan 2025 00:00:10 +0000
          Last State:  Terminated
            Reason:    Completed
            Message:   Sleep expired

            Exit Code:    0
            Started:      Wed, 01 Jan 2025 00:00:00 +0000
            Finished:     Wed, 01 Jan 2025 00:00:10 +0000
          Ready:          True
          Restart Count:  1
      """
    And the output should contain "Normal  Pulling    2s (x2 over 12s)  kubelet            Pulling image \"debian\""

  Scenario: terminationMessagePolicy FallbackToLogsOnError uses the log tail when the file is empty and the container failed
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: fallback-demo
      spec:
        restartPolicy: Never
        containers:
        - name: app
          image: busybox:1.28
          terminationMessagePolicy: FallbackToLogsOnError
          command: ["sh", "-c", "echo something went wrong; exit 3"]
      """
    And 1 second passes
    Then pod "fallback-demo" should be in phase Failed
    When I run:
      """
      kubectl get pod fallback-demo -o jsonpath='{.status.containerStatuses[0].state.terminated.message}'
      """
    Then the output should be:
      """
      something went wrong
      """

  Scenario: A custom terminationMessagePath is read instead of /dev/termination-log
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: msg-path-demo
      spec:
        restartPolicy: Never
        containers:
        - name: msg-path-demo-container
          image: busybox:1.28
          terminationMessagePath: "/tmp/my-log"
          command: ["sh", "-c", "echo custom path > /tmp/my-log"]
      """
    And 1 second passes
    When I run:
      """
      kubectl get pod msg-path-demo -o jsonpath='{.status.containerStatuses[0].state.terminated.message}'
      """
    Then the output should be:
      """
      custom path
      """
