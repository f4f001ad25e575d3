Feature: Restart back-off
  The kubelet restarts an exited container of a pod whose restartPolicy allows it, with an
  exponential back-off: 10 s, 20 s, 40 s, … capped at 5 minutes, and reset once a container has
  run for 10 minutes (Kubernetes docs, concepts/workloads/pods/pod-lifecycle, "Container restart
  policy"; seed note, "重启策略"). kubesim follows the kubelet's own bookkeeping (kuberuntime
  doBackOff with client-go's flowcontrol.Backoff): the first restart of a container is at once,
  and the entry expires when an instance finished more than 600 s after the entry was last
  updated (SEMANTICS.md "Restarts").

  Background:
    Given a cluster

  Scenario: A container that exits at once starts at 0, 0, 10, 30, 70, 150, 310, 610 and 910 s
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: crash
      spec:
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "echo starting; exit 1"]
      """
    And 15m20s pass
    Then container "main" of pod "crash" should have started at:
      | at     |
      | 0s     |
      | 0s     |
      | 10s    |
      | 30s    |
      | 1m10s  |
      | 2m30s  |
      | 5m10s  |
      | 10m10s |
      | 15m10s |
    And container "main" of pod "crash" should have restarted 8 times
    And the status of pod "crash" should be "CrashLoopBackOff"
    And pod "crash" should be in phase Running

  Scenario: kubectl shows CrashLoopBackOff and when the last restart happened
    Started at 0, 0, 10 and 30 s: at 40 s the fourth instance has exited 10 s ago and the kubelet
    waits 40 s before the next start.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: crash
      spec:
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "echo starting; exit 1"]
      """
    And 40 seconds pass
    And I run "kubectl get pods"
    Then the output should be:
      """
      NAME    READY   STATUS             RESTARTS      AGE
      crash   0/1     CrashLoopBackOff   3 (10s ago)   40s
      """
    And container "main" of pod "crash" should be Waiting with reason "CrashLoopBackOff"
    When I run "kubectl get pod crash -o jsonpath={.status.containerStatuses[0].state.waiting.message}"
    Then the output should contain "back-off 40s restarting failed container=main pod=crash_default("
    When I run "kubectl get pod crash -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason}"
    Then the output should be:
      """
      Error
      """
    And the events of pod "crash" should include:
      | type    | reason  | message                                                   | at  |
      | Normal  | Started | Started container main                                    | 0s  |
      | Warning | BackOff | Back-off restarting failed container main in pod crash_default | 0s  |
      | Normal  | Started | Started container main                                    | 10s |
      | Normal  | Started | Started container main                                    | 30s |
    When 30 seconds pass
    And I run "kubectl get pods"
    Then the output should be:
      """
      NAME    READY   STATUS             RESTARTS     AGE
      crash   0/1     CrashLoopBackOff   4 (0s ago)   70s
      """

  Scenario: The back-off resets after a container ran for more than 10 minutes
    Each instance runs 700 s before it fails. At 700 s there is no back-off entry yet: the
    container starts at once and the entry is created. At 1400 s the exit comes more than 600 s
    after the entry was last updated: the entry has expired and the container starts at once again.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: long-runner
      spec:
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "sleep 700; exit 1"]
      """
    And 30 minutes pass
    Then container "main" of pod "long-runner" should have started at:
      | at     |
      | 0s     |
      | 11m40s |
      | 23m20s |
    And container "main" of pod "long-runner" should have restarted 2 times
    And container "main" of pod "long-runner" should be Running

  Scenario: A container that runs 5 minutes before failing keeps its back-off
    At 300 s the container starts at once and the entry is created (10 s). The exit at 600 s is
    only 300 s after the entry was updated: the kubelet waits 10 s, then 20 s after the next exit.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: five-minutes
      spec:
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "sleep 300; exit 1"]
      """
    And 16 minutes pass
    Then container "main" of pod "five-minutes" should have started at:
      | at     |
      | 0s     |
      | 5m     |
      | 10m10s |
      | 15m30s |

  Scenario: restartPolicy OnFailure backs off the same way; Never does not restart
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: on-failure
      spec:
        restartPolicy: OnFailure
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "exit 2"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: never
      spec:
        restartPolicy: Never
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "exit 2"]
      """
    And 1m15s pass
    Then container "main" of pod "on-failure" should have started at:
      | at    |
      | 0s    |
      | 0s    |
      | 10s   |
      | 30s   |
      | 1m10s |
    And container "main" of pod "never" should have started at:
      | at |
      | 0s |
    And pod "never" should be in phase Failed
    And the status of pod "never" should be "Error"
    When I run "kubectl get pods"
    Then the output should be:
      """
      NAME         READY   STATUS             RESTARTS     AGE
      never        0/1     Error              0            75s
      on-failure   0/1     CrashLoopBackOff   4 (5s ago)   75s
      """
