Feature: kubectl drain
  `kubectl drain NODE` (tasks/administer-cluster/safely-drain-node) cordons the node, then evicts
  its pods through the Eviction API and waits until each is gone: `evicting pod NS/NAME` as each
  eviction starts, `pod/NAME evicted` as each pod goes, `node/NAME drained` at the end. The
  Deployment's ReplicaSet replaces them on the nodes that are still schedulable. A pod that
  declares no controller blocks the drain unless --force, which deletes it for good.

  Background:
    Given a cluster with 2 nodes
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: nginx
              image: nginx:1.27
      """
    And I wait until deployment "web" is rolled out

  Scenario: Draining a node moves its pods to the other node
    When I run "kubectl get pods -l app=web -o jsonpath={.items[*].spec.nodeName}"
    Then the output should contain "node-1"
    When I run "kubectl drain --ignore-daemonsets node-1"
    Then the output should contain:
      """
      node/node-1 cordoned
      evicting pod default/web-
      """
    And the output should contain "evicted"
    And the output should contain "node/node-1 drained"
    When I run "kubectl get nodes"
    Then the output should contain "Ready,SchedulingDisabled"
    When I wait until deployment "web" is rolled out
    And I run "kubectl get pods -l app=web -o jsonpath={.items[*].spec.nodeName}"
    Then the output should be:
      """
      node-2 node-2 node-2
      """
    When I run "kubectl drain node-1"
    Then the output should be:
      """
      node/node-1 already cordoned
      node/node-1 drained
      """
    When I run "kubectl uncordon node-1"
    Then the output should be:
      """
      node/node-1 uncordoned
      """

  Scenario: A pod that declares no controller blocks the drain until --force
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: bare
      spec:
        nodeName: node-1
        containers:
        - name: nginx
          image: nginx:1.27
      """
    And 5 seconds pass
    When I run "kubectl drain node-1 --ignore-daemonsets"
    Then the command should fail with "cannot delete Pods that declare no controller (use --force to override): default/bare"
    And the output should be:
      """
      node/node-1 cordoned
      """
    And the error output should contain "error: unable to drain node \"node-1\" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command..."
    And the error output should contain "There are pending nodes to be drained:"
    And pod "bare" should be in phase Running
    When I run "kubectl drain node-1 --ignore-daemonsets --force --dry-run=client"
    Then the output should contain "evicting pod default/bare (dry run)"
    And the output should contain "node/node-1 drained (dry run)"
    When I run "kubectl drain node-1 --ignore-daemonsets --force"
    Then the error output should contain "Warning: deleting Pods that declare no controller: default/bare"
    And the output should contain:
      """
      evicting pod default/bare
      """
    And the output should contain "pod/bare evicted"
    And the output should contain "node/node-1 drained"
    When I run "kubectl get pod bare"
    Then the command should fail with "pods \"bare\" not found"
    When 1 minute passes
    And I run "kubectl get pods -o wide"
    Then the output should not contain "bare"
    When I run "kubectl uncordon node-1"
    Then the output should be:
      """
      node/node-1 uncordoned
      """
