Feature: Lifecycle Sleep Hook (upstream test/e2e/common/node/lifecycle_hook.go)
  The exec and HTTP hook tests check the logs of an agnhost netexec handler pod, which kubesim does
  not model; the sleep-action tests measure how long a delete takes.

  Background:
    Given a cluster

  Scenario: valid prestop hook using sleep action
    The delete takes the 5-second sleep, then pause exits on SIGTERM: between 5 and 30 s.
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-with-prestop-sleep-hook
      spec:
        containers:
        - name: pod-with-prestop-sleep-hook
          image: registry.k8s.io/pause:3.10
          lifecycle:
            preStop:
              sleep:
                seconds: 5
      """
    And I wait until pod "pod-with-prestop-sleep-hook" is in phase Running
    And I run "kubectl delete pod pod-with-prestop-sleep-hook --wait=false"
    And 4 seconds pass
    Then the status of pod "pod-with-prestop-sleep-hook" should be "Terminating"
    When 1 second passes
    And I run "kubectl get pod pod-with-prestop-sleep-hook"
    Then the command should fail with "not found"

  Scenario: reduce GracePeriodSeconds during runtime
    The delete with a 2-second grace period cuts the 15-second sleep short: the hook gets the 2 s,
    then SIGTERM (with the 2 s minimum grace) ends pause at once.
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-with-prestop-sleep-hook
      spec:
        containers:
        - name: pod-with-prestop-sleep-hook
          image: registry.k8s.io/pause:3.10
          lifecycle:
            preStop:
              sleep:
                seconds: 15
      """
    And I wait until pod "pod-with-prestop-sleep-hook" is in phase Running
    And I run "kubectl delete pod pod-with-prestop-sleep-hook --grace-period=2 --wait=false"
    And 1 second passes
    Then the status of pod "pod-with-prestop-sleep-hook" should be "Terminating"
    When 1 second passes
    And I run "kubectl get pod pod-with-prestop-sleep-hook"
    Then the command should fail with "not found"

  Scenario: ignore terminated container
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-with-prestop-sleep-hook
      spec:
        restartPolicy: Never
        containers:
        - name: pod-with-prestop-sleep-hook
          image: registry.k8s.io/e2e-test-images/busybox:1.36.1-1
          command: ["/bin/sh"]
          args: ["-c", "exit 0"]
          lifecycle:
            preStop:
              sleep:
                seconds: 20
      """
    And 1 second passes
    Then container "pod-with-prestop-sleep-hook" of pod "pod-with-prestop-sleep-hook" should be Terminated with reason "Completed"
    When I run "kubectl delete pod pod-with-prestop-sleep-hook --wait=false"
    And 15 seconds pass
    And I run "kubectl get pod pod-with-prestop-sleep-hook"
    Then the command should fail with "not found"
