Feature: Pod phases, container states and restart policies
  The study note's pod lifecycle (seed note, "Pod阶段", "容器状态", "重启策略"): a pod is Pending until
  its containers run, Running while one does, then Succeeded or Failed; the kubelet restarts
  exited containers as restartPolicy says, with an exponential back-off of 10 s, 20 s, 40 s, …
  capped at 5 minutes.

  Background:
    Given a cluster

  Scenario: A pod whose container exits 0 succeeds
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: once
      spec:
        restartPolicy: Never
        containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "sleep 5; exit 0"]
      """
    Then pod "once" should be in phase Running
    And container "main" of pod "once" should be Running
    When I wait until pod "once" is in phase Succeeded
    Then container "main" of pod "once" should be Terminated with reason "Completed"
    And the status of pod "once" should be "Completed"
    And pod "once" should not be ready

  Scenario: A pod whose container exits 1 and is never restarted fails
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: broken
      spec:
        restartPolicy: Never
        containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "exit 1"]
      """
    And 1 second passes
    Then pod "broken" should be in phase Failed
    And container "main" of pod "broken" should be Terminated with reason "Error"
    And the status of pod "broken" should be "Error"
    And container "main" of pod "broken" should have restarted 0 times

  Scenario: OnFailure restarts a failing container but not a finished one
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
          image: busybox
          command: ["sh", "-c", "exit 3"]
      """
    And 1 minute passes
    Then pod "on-failure" should be in phase Running
    And container "main" of pod "on-failure" should have restarted 3 times

  Scenario: A container that keeps exiting is restarted with exponential back-off
    It exits at once, every time: started at 0 s, again at once, then after 10, 20, 40, 80 and
    160 seconds.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: crash
      spec:
        containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "echo starting; exit 1"]
      """
    And 6 minutes pass
    Then container "main" of pod "crash" should have started at:
      | at    |
      | 0s    |
      | 0s    |
      | 10s   |
      | 30s   |
      | 1m10s |
      | 2m30s |
      | 5m10s |
    And the status of pod "crash" should be "CrashLoopBackOff"
    And container "main" of pod "crash" should be Waiting with reason "CrashLoopBackOff"
    And container "main" of pod "crash" should have restarted 6 times
    And pod "crash" should be in phase Running
    And the events of pod "crash" should include:
      | type    | reason  | message                                    |
      | Warning | BackOff | Back-off restarting failed container main |

  Scenario: A pod that fits on no node stays Pending
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: huge
      spec:
        containers:
        - name: main
          image: nginx:1.27
          resources:
            requests:
              cpu: "16"
      """
    And 10 seconds pass
    Then pod "huge" should be in phase Pending
    And pod "huge" should not be scheduled
    And the status of pod "huge" should be "Pending"
    And the events of pod "huge" should include:
      | type    | reason           | message                                          |
      | Warning | FailedScheduling | 0/3 nodes are available: 3 Insufficient cpu.     |

  Scenario: The scheduler places a pod on the node that has room
    Given a cluster with nodes:
      | name   | cpu | memory |
      | small  | 1   | 2Gi    |
      | large  | 8   | 16Gi   |
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: needs-room
      spec:
        containers:
        - name: main
          image: nginx:1.27
          resources:
            requests:
              cpu: "2"
              memory: 1Gi
      """
    Then pod "needs-room" should be scheduled on node "large"
    And the events of pod "needs-room" should include:
      | reason    | message                                          | at |
      | Scheduled | Successfully assigned default/needs-room to large | 0s |
