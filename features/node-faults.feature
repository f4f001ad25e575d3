Feature: Node faults
  Pods do not heal themselves (seed note, "Pod"): when a node stops answering, the node
  lifecycle controller marks it NotReady after the node-monitor grace period (50 s in v1.33), its
  pods turn not ready and leave the endpoints, and after their default 300 s toleration of the
  unreachable taint they are evicted. A Deployment's ReplicaSet replaces its pod on another node;
  a bare pod is gone for good. Under memory pressure the kubelet evicts the pods that use more
  than they request first, so Guaranteed pods (requests equal to limits) go last.

  Background:
    Given a cluster with 3 nodes

  Scenario: An unreachable node: the Deployment's pod is replaced, the bare pod is lost
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
              image: nginx:1.25
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: solo
      spec:
        nodeSelector:
          kubernetes.io/hostname: node-2
        containers:
        - name: nginx
          image: nginx:1.25
      """
    And I wait until deployment "web" is rolled out
    Then pod "solo" should be scheduled on node "node-2"
    And pod "solo" should be ready
    When node "node-2" becomes unreachable
    And 49 seconds pass
    Then pod "solo" should be ready
    When 1 second passes
    Then pod "solo" should not be ready
    And deployment "web" should have 2 ready pods
    When I run "kubectl get node node-2"
    Then the output should contain "NotReady"
    When 5 minutes pass
    Then pod "solo" should not be ready
    When 5 seconds pass
    Then the status of pod "solo" should be "Terminating"
    And deployment "web" should have 3 ready pods
    And the events of pod "solo" should include:
      | type    | reason               | message                              |
      | Warning | NodeNotReady         | Node is not ready                    |
      | Normal  | TaintManagerEviction | Marking for deletion Pod default/solo |
    When node "node-2" recovers
    And I run "kubectl get pod solo"
    Then the command should fail with "pods \"solo\" not found"
    And deployment "web" should have 3 ready pods

  Scenario: Memory pressure evicts BestEffort before Burstable before Guaranteed
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: guaranteed
      spec:
        nodeSelector:
          kubernetes.io/hostname: node-1
        containers:
        - name: app
          image: nginx
          resources:
            requests: {memory: 64Mi, cpu: 100m}
            limits: {memory: 64Mi, cpu: 100m}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: burstable
      spec:
        nodeSelector:
          kubernetes.io/hostname: node-1
        containers:
        - name: app
          image: nginx
          resources:
            requests: {memory: 1Mi}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: besteffort
      spec:
        nodeSelector:
          kubernetes.io/hostname: node-1
        containers:
        - name: app
          image: nginx
      """
    And I wait until pod "guaranteed" is ready
    Then the QoS class of pod "besteffort" should be BestEffort
    When node "node-1" comes under memory pressure
    Then the events of pod "besteffort" should include:
      | type    | reason  | message                              |
      | Warning | Evicted | The node was low on resource: memory. |
    And pod "burstable" should be ready
    And pod "guaranteed" should be ready
    When node "node-1" comes under memory pressure
    Then the events of pod "burstable" should include:
      | type    | reason  | message                              |
      | Warning | Evicted | The node was low on resource: memory. |
    And pod "guaranteed" should be ready
    When I run "kubectl get node node-1 -o jsonpath={.spec.taints[0].key}"
    Then the output should be:
      """
      node.kubernetes.io/memory-pressure
      """
