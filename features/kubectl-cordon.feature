Feature: kubectl cordon and uncordon
  `kubectl cordon NODE` marks a node unschedulable (spec.unschedulable); the node lifecycle
  controller taints it node.kubernetes.io/unschedulable:NoSchedule, so the scheduler leaves it
  out; the pods already there keep running. `kubectl uncordon` undoes it.

  Scenario: A cordoned node takes no new pods until it is uncordoned
    Given a cluster with 1 node
    When I run "kubectl cordon node-1"
    Then the output should be:
      """
      node/node-1 cordoned
      """
    When I run "kubectl cordon node-1"
    Then the output should be:
      """
      node/node-1 already cordoned
      """
    When I run "kubectl get nodes"
    Then the output should contain "Ready,SchedulingDisabled"
    When I run "kubectl get node node-1 -o jsonpath={.spec.taints[0].key}:{.spec.taints[0].effect}"
    Then the output should be:
      """
      node.kubernetes.io/unschedulable:NoSchedule
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
      """
    And 5 seconds pass
    Then pod "web" should be Pending
    When I run "kubectl uncordon node-1 --dry-run=client"
    Then the output should be:
      """
      node/node-1 uncordoned (dry run)
      """
    And pod "web" should be Pending
    When I run "kubectl uncordon node-1"
    Then the output should be:
      """
      node/node-1 uncordoned
      """
    When 5 seconds pass
    Then pod "web" should be scheduled on node "node-1"

  Scenario: Bad use
    Given a cluster
    When I run "kubectl cordon"
    Then the command should fail with "USAGE: cordon NODE [flags]"
    When I run "kubectl uncordon nope"
    Then the command should fail with "nodes \"nope\" not found"
