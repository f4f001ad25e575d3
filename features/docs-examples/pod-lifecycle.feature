Feature: Pod Lifecycle (docs: concepts/workloads/pods/pod-lifecycle)

  Scenario: restartPolicy Never, a container that exits 0: Succeeded and Completed
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: once
      spec:
        restartPolicy: Never
        containers:
        - name: c
          image: busybox:1.28
          command: ['sh', '-c', 'echo done']
      """
    And 3 seconds pass
    Then pod "once" should be in phase Succeeded
    And container "c" of pod "once" should be Terminated with reason "Completed"
    When I run "kubectl get pod once"
    Then the output should be:
      """
      NAME   READY   STATUS      RESTARTS   AGE
      once   0/1     Completed   0          3s
      """

  Scenario: restartPolicy Never, a container that exits 1: Failed and Error
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: fails
      spec:
        restartPolicy: Never
        containers:
        - name: c
          image: busybox:1.28
          command: ['sh', '-c', 'exit 1']
      """
    And 3 seconds pass
    Then pod "fails" should be in phase Failed
    And the status of pod "fails" should be "Error"
    When I run "kubectl get pod fails -o jsonpath={.status.containerStatuses[0].state.terminated.exitCode}"
    Then the output should be:
      """
      1
      """

  Scenario: restartPolicy OnFailure restarts a failing container with the doubling back-off
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: onfailure
      spec:
        restartPolicy: OnFailure
        containers:
        - name: c
          image: busybox:1.28
          command: ['sh', '-c', 'sleep 1; exit 3']
      """
    And 80 seconds pass
    Then container "c" of pod "onfailure" should have started at:
      | at  |
      | 0s  |
      | 1s  |
      | 12s |
      | 33s |
      | 74s |
    And pod "onfailure" should be in phase Running
    And container "c" of pod "onfailure" should be Waiting with reason "CrashLoopBackOff"
    And the status of pod "onfailure" should be "CrashLoopBackOff"
    When I run "kubectl describe pod onfailure"
    Then the output should contain:
      """
          Last State:     Terminated
            Reason:       Error
            Exit Code:    3
      """

  Scenario: restartPolicy OnFailure, a container that exits 0 is not restarted
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: onfailure-ok
      spec:
        restartPolicy: OnFailure
        containers:
        - name: c
          image: busybox:1.28
          command: ['sh', '-c', 'sleep 5']
      """
    And 1 minute passes
    Then pod "onfailure-ok" should be in phase Succeeded
    And container "c" of pod "onfailure-ok" should have restarted 0 times

  Scenario: restartPolicy Always restarts even a container that succeeded
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: always
      spec:
        containers:
        - name: c
          image: busybox:1.28
          command: ['sh', '-c', 'sleep 5']
      """
    And 20 seconds pass
    Then container "c" of pod "always" should have started at:
      | at  |
      | 0s  |
      | 5s  |
      | 20s |
    When I run "kubectl get pod always -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason}"
    Then the output should be:
      """
      Completed
      """

  Scenario: Two containers, one finished and one running: the pod is Running but NotReady
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: two
      spec:
        restartPolicy: Never
        containers:
        - name: quick
          image: busybox:1.28
          command: ['sh', '-c', 'true']
        - name: server
          image: nginx:1.25
      """
    And 5 seconds pass
    Then pod "two" should be in phase Running
    And pod "two" should not be ready
    When I run "kubectl get pod two"
    Then the output should be:
      """
      NAME   READY   STATUS     RESTARTS   AGE
      two    1/2     NotReady   0          5s
      """

  Scenario: Two containers, one failed and one running: the pod shows Error
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: two-bad
      spec:
        restartPolicy: Never
        containers:
        - name: quick
          image: busybox:1.28
          command: ['sh', '-c', 'exit 2']
        - name: server
          image: nginx:1.25
      """
    And 5 seconds pass
    Then pod "two-bad" should be in phase Running
    When I run "kubectl get pod two-bad"
    Then the output should be:
      """
      NAME      READY   STATUS   RESTARTS   AGE
      two-bad   1/2     Error    0          5s
      """

  Scenario: Deleting a pod whose shell ignores SIGTERM takes the 30 s grace period, then exit 137
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: sleeper
      spec:
        containers:
        - name: c
          image: busybox:1.28
          command: ['sh', '-c', 'sleep 3600']
      """
    And 5 seconds pass
    When I run "kubectl delete pod sleeper --wait=false"
    And 29 seconds pass
    Then the status of pod "sleeper" should be "Terminating"
    When 2 seconds pass
    And I run "kubectl get pod sleeper"
    Then the command should fail with "Error from server (NotFound): pods \"sleeper\" not found"

  Scenario: A shell that traps SIGTERM ends at once
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: trapper
      spec:
        containers:
        - name: c
          image: busybox:1.28
          command: ['sh', '-c', "trap 'exit 0' TERM; sleep 3600 & wait"]
      """
    And 5 seconds pass
    When I run "kubectl delete pod trapper"
    Then the output should be:
      """
      pod "trapper" deleted
      """
    When I run "kubectl get pods"
    Then the error output should contain "No resources found in default namespace."

  Scenario: The back-off is forgotten after a container ran for more than 10 minutes
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: long
      spec:
        containers:
        - name: c
          image: busybox
          command: ["sh", "-c", "sleep 700; exit 1"]
      """
    And 25 minutes pass
    Then container "c" of pod "long" should have started at:
      | at    |
      | 0s    |
      | 11m40s |
      | 23m20s |

  Scenario: kubectl logs --previous shows the instance before the restart
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: crash
      spec:
        containers:
        - name: c
          image: busybox
          command: ["sh", "-c", "echo starting; sleep 2; echo boom; exit 1"]
      """
    And 5 seconds pass
    And I run "kubectl logs crash --previous"
    Then the output should be:
      """
      starting
      boom
      """
