Feature: kubectl taint
  `kubectl taint nodes NAME KEY=VALUE:EFFECT` adds a taint to the node's spec.taints,
  `KEY:EFFECT-` removes the taint with that key and effect, `KEY-` every taint with that key
  (k8s.io/kubectl/pkg/cmd/taint, v1.33). A taint the node already has with the same effect needs
  --overwrite; -l and --all pick nodes by label or all of them. The messages are kubectl's.

  Background:
    Given a cluster

  Scenario: The docs' example: taint a node, then remove the taint
    When I run "kubectl taint nodes node-1 key1=value1:NoSchedule"
    Then the output should be:
      """
      node/node-1 tainted
      """
    When I run "kubectl get node node-1 -o jsonpath={.spec.taints}"
    Then the output should be:
      """
      [{"effect":"NoSchedule","key":"key1","value":"value1"}]
      """
    When I run "kubectl taint nodes node-1 key1=value1:NoSchedule-"
    Then the output should be:
      """
      node/node-1 untainted
      """
    When I run "kubectl get node node-1 -o jsonpath={.spec.taints}"
    Then the output should be:
      """
      """

  Scenario: A NoSchedule taint keeps new pods off the node
    Given a cluster with 1 node
    When I run "kubectl taint nodes node-1 dedicated=special-user:NoSchedule"
    And I run "kubectl run web --image=nginx"
    Then pod "web" should not be scheduled
    When I run "kubectl taint nodes node-1 dedicated-"
    Then the output should be:
      """
      node/node-1 untainted
      """
    And pod "web" should be scheduled on node "node-1"

  Scenario: Replacing a taint needs --overwrite
    When I run "kubectl taint nodes node-1 key1=value1:NoSchedule"
    And I run "kubectl taint nodes node-1 key1=value2:NoSchedule"
    Then the command should fail with "error: node node-1 already has key1 taint(s) with same effect(s) and --overwrite is false"
    When I run "kubectl taint nodes node-1 key1=value2:NoSchedule --overwrite"
    Then the output should be:
      """
      node/node-1 modified
      """

  Scenario: Taints on every node, or on the nodes a selector picks
    When I run "kubectl taint nodes --all maintenance=true:PreferNoSchedule"
    Then the output should be:
      """
      node/node-1 tainted
      node/node-2 tainted
      node/node-3 tainted
      """
    When I run "kubectl taint nodes -l kubernetes.io/hostname=node-2 maintenance:PreferNoSchedule-"
    Then the output should be:
      """
      node/node-2 untainted
      """

  Scenario: Mistakes in taint arguments
    When I run "kubectl taint nodes node-1 key1=value1:NoExcute"
    Then the command should fail with "error: invalid taint effect: NoExcute, unsupported taint effect"
    When I run "kubectl taint nodes node-1 key1:NoSchedule-"
    Then the command should fail with 'error: taint "key1:NoSchedule" not found'
    When I run "kubectl taint pods web key1=value1:NoSchedule"
    Then the command should fail with "error: invalid resource type pods, only node types are supported"
    When I run "kubectl taint nodes node-9 key1=value1:NoSchedule"
    Then the command should fail with 'Error from server (NotFound): nodes "node-9" not found'
