Feature: SchedulerPredicates (upstream test/e2e/scheduling/predicates.go)

  Background:
    Given a cluster

  Scenario: validates resource limits of pods that are allowed to run
    Each node gets a filler pod asking for 70% of its 4 CPUs; a pod asking for 50% fits nowhere.
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: filler-pod-1
      spec:
        nodeSelector:
          kubernetes.io/hostname: node-1
        containers:
        - name: filler-pod-1
          image: registry.k8s.io/pause:3.10
          resources:
            requests:
              cpu: 2800m
            limits:
              cpu: 2800m
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: filler-pod-2
      spec:
        nodeSelector:
          kubernetes.io/hostname: node-2
        containers:
        - name: filler-pod-2
          image: registry.k8s.io/pause:3.10
          resources:
            requests:
              cpu: 2800m
            limits:
              cpu: 2800m
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: filler-pod-3
      spec:
        nodeSelector:
          kubernetes.io/hostname: node-3
        containers:
        - name: filler-pod-3
          image: registry.k8s.io/pause:3.10
          resources:
            requests:
              cpu: 2800m
            limits:
              cpu: 2800m
      """
    Then pod "filler-pod-1" should be scheduled on node "node-1"
    And pod "filler-pod-2" should be scheduled on node "node-2"
    And pod "filler-pod-3" should be scheduled on node "node-3"
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: additional-pod
      spec:
        containers:
        - name: additional-pod
          image: registry.k8s.io/pause:3.10
          resources:
            requests:
              cpu: "2"
            limits:
              cpu: "2"
      """
    And 10 seconds pass
    Then pod "additional-pod" should not be scheduled
    And pod "additional-pod" should be in phase Pending
    And the events of pod "additional-pod" should include:
      | type    | reason           | message                                                                                                                   |
      | Warning | FailedScheduling | 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod. |

  Scenario: validates that NodeSelector is respected if not matching
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: restricted-pod
      spec:
        nodeSelector:
          label: nonempty
        containers:
        - name: restricted-pod
          image: registry.k8s.io/pause:3.10
      """
    And 10 seconds pass
    Then pod "restricted-pod" should not be scheduled
    And the events of pod "restricted-pod" should include:
      | type    | reason           | message                                                                                                                                    |
      | Warning | FailedScheduling | 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling. |

  Scenario: validates that NodeSelector is respected if matching
    When I run "kubectl label node node-2 kubernetes.io/e2e-42=42"
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: with-labels
      spec:
        nodeSelector:
          kubernetes.io/e2e-42: "42"
        containers:
        - name: with-labels
          image: registry.k8s.io/pause:3.10
      """
    Then pod "with-labels" should be scheduled on node "node-2"
    And pod "with-labels" should be in phase Running
