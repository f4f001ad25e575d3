Feature: preStop hooks
  When a container is stopped, the kubelet first runs its preStop hook and waits for it (at most
  the grace period), then sends SIGTERM; the hook's time comes off the grace period, and SIGKILL
  follows when what is left of it runs out (concepts/containers/container-lifecycle-hooks).

  Background:
    Given a cluster

  Scenario: SIGTERM waits for an exec preStop hook
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.25
          lifecycle:
            preStop:
              exec:
                command: ["/bin/sh", "-c", "sleep 5"]
      """
    And I wait until pod "web" is ready
    And I run "kubectl delete pod web --wait=false"
    And 4 seconds pass
    Then the status of pod "web" should be "Terminating"
    When 1 second passes
    And I run "kubectl get pod web"
    Then the command should fail with "pods \"web\" not found"

  Scenario: The sleep action delays SIGTERM, and a failing hook is reported
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: sleeper
      spec:
        containers:
        - name: nginx
          image: nginx:1.25
          lifecycle:
            preStop:
              sleep:
                seconds: 3
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: failing
      spec:
        containers:
        - name: nginx
          image: nginx:1.25
          lifecycle:
            preStop:
              exec:
                command: ["/bin/sh", "-c", "exit 1"]
      """
    And I wait until pod "failing" is ready
    And I run "kubectl delete pod sleeper failing --wait=false"
    And 2 seconds pass
    Then the status of pod "sleeper" should be "Terminating"
    And the events of pod "failing" should include:
      | type    | reason            | message                 |
      | Normal  | Killing           | Stopping container nginx |
      | Warning | FailedPreStopHook | PreStopHook failed      |
    When 1 second passes
    And I run "kubectl get pods"
    Then the error output should contain "No resources found in default namespace."
