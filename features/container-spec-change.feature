Feature: A changed container spec restarts the container
  pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions: containerChanged compares the
  container's hash (kubecontainer.HashContainer: its name and image only) with the running
  container's; a changed one is killed with "Container c definition changed, will be restarted"
  and the new definition is started in the same pass, whatever the restartPolicy.

  Background:
    Given a cluster

  Scenario: an image update of a running pod restarts its container with the new image
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: c
          image: nginx:1.25
      """
    And 10 seconds pass
    When I run "kubectl set image pod/p c=nginx:1.27"
    And 1 second passes
    Then the events of pod "p" should include:
      | type   | reason  | message                                          | at  |
      | Normal | Killing | Container c definition changed, will be restarted | 10s |
      | Normal | Pulling | Pulling image "nginx:1.27"                        | 10s |
    And container "c" of pod "p" should have restarted 1 time
    And container "c" of pod "p" should be Running

  Scenario: the new definition starts whatever the restartPolicy, and a resources-free edit restarts nothing
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        restartPolicy: Never
        containers:
        - name: c
          image: nginx:1.25
      """
    And 10 seconds pass
    When I run:
      """
      kubectl patch pod p -p '{"spec":{"activeDeadlineSeconds":3600}}'
      """
    Then the command should succeed
    When 5 seconds pass
    Then container "c" of pod "p" should have restarted 0 times
    When I run:
      """
      kubectl patch pod p -p '{"spec":{"containers":[{"name":"c","image":"nginx:1.27"}]}}'
      """
    Then the command should succeed
    When 5 seconds pass
    Then the events of pod "p" should include:
      | type   | reason  | message                                          | at  |
      | Normal | Killing | Container c definition changed, will be restarted | 15s |
      | Normal | Started | Started container c                               | 15s |
    And container "c" of pod "p" should have restarted 1 time
    And container "c" of pod "p" should be Running
