Feature: Scheduling by resource requests
  A pod is scheduled only on a node whose allocatable resources, less the requests of the pods
  already there, cover its requests; limits and real usage do not count (Kubernetes docs,
  tasks/configure-pod-container/assign-memory-resource and assign-cpu-resource, "Specify a …
  request that is too big for your Nodes"). A pod that fits nowhere stays Pending and the
  scheduler says why in a FailedScheduling event and the PodScheduled condition, in the v1.33
  form: each reason with its node count, sorted as text, then what preemption found.

  Scenario: The docs' memory-demo-3 asks for 1000Gi and stays Pending
    No node has that much memory at all, so evicting pods would not help either.

    Given a cluster
    When I run "kubectl create namespace mem-example"
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: memory-demo-3
        namespace: mem-example
      spec:
        containers:
        - name: memory-demo-3-ctr
          image: polinux/stress
          resources:
            requests:
              memory: "1000Gi"
            limits:
              memory: "1000Gi"
          command: ["stress"]
          args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
      """
    And 25 seconds pass
    Then pod "mem-example/memory-demo-3" should be in phase Pending
    And pod "mem-example/memory-demo-3" should not be scheduled
    And the events of pod "mem-example/memory-demo-3" should include:
      | type    | reason           | message                                                                                                                    | at |
      | Warning | FailedScheduling | 0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.. | 0s |
    When I run "kubectl get pod memory-demo-3 --namespace=mem-example"
    Then the output should be:
      """
      NAME            READY   STATUS    RESTARTS   AGE
      memory-demo-3   0/1     Pending   0          25s
      """
    When I run:
      """
      kubectl get pod memory-demo-3 -n mem-example -o jsonpath='{.status.conditions[0].type} {.status.conditions[0].status} {.status.conditions[0].reason}: {.status.conditions[0].message}'
      """
    Then the output should be:
      """
      PodScheduled False Unschedulable: 0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..
      """

  Scenario: The docs' cpu-demo-2 asks for 100 CPUs and stays Pending
    Given a cluster
    When I run "kubectl create namespace cpu-example"
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: cpu-demo-2
        namespace: cpu-example
      spec:
        containers:
        - name: cpu-demo-ctr-2
          image: vish/stress
          resources:
            limits:
              cpu: "100"
            requests:
              cpu: "100"
          args:
          - -cpus
          - "2"
      """
    And 10 seconds pass
    Then pod "cpu-example/cpu-demo-2" should be in phase Pending
    And the status of pod "cpu-example/cpu-demo-2" should be "Pending"
    And the events of pod "cpu-example/cpu-demo-2" should include:
      | type    | reason           | message                                                                                                                 |
      | Warning | FailedScheduling | 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.. |

  Scenario: Every resource that does not fit is counted, and the reasons are sorted as text
    Neither node has 3 CPUs; only node-a lacks the memory as well.

    Given a cluster with nodes:
      | name   | cpu | memory |
      | node-a | 2   | 4Gi    |
      | node-b | 2   | 16Gi   |
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: greedy
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: "3"
              memory: 8Gi
      """
    Then pod "greedy" should not be scheduled
    And the events of pod "greedy" should include:
      | type    | reason           | message                                                                                                                                         |
      | Warning | FailedScheduling | 0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.. |

  Scenario: A pod that would fit an empty node waits for room, and is scheduled once there is some
    The first pod takes 6Gi of the node's 8Gi; the second asks for 4Gi. Preemption could only
    help by evicting a pod of lower priority, and there is none. When the first pod is deleted the
    scheduler tries again at once.

    Given a cluster with nodes:
      | name   | cpu | memory |
      | node-1 | 4   | 8Gi    |
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: first
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              memory: 6Gi
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: second
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              memory: 4Gi
      """
    Then pod "first" should be scheduled on node "node-1"
    And pod "second" should not be scheduled
    And the events of pod "second" should include:
      | type    | reason           | message                                                                                                                       | at |
      | Warning | FailedScheduling | 0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.. | 0s |
    When 1 minute passes
    Then pod "second" should be in phase Pending
    When I run "kubectl delete pod first"
    Then pod "second" should be scheduled on node "node-1"
    And pod "second" should be in phase Running
    And the events of pod "second" should include:
      | type    | reason    | message                                      | at |
      | Normal  | Scheduled | Successfully assigned default/second to node-1 | 1m |

  Scenario: A node takes no more pods than its pod capacity
    Given a cluster with nodes:
      | name   | cpu | memory | pods |
      | node-1 | 4   | 8Gi    | 2    |
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
    And 10 seconds pass
    Then deployment "web" should have 2 running pods
    When I run "kubectl get pods --field-selector=status.phase=Pending -o name"
    Then the output should contain "pod/web-"
    When I run "kubectl get events --field-selector reason=FailedScheduling"
    Then the output should contain "0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.."

  Scenario: Requests decide, not limits: a pod with a large limit and a small request is scheduled
    Given a cluster with nodes:
      | name   | cpu | memory |
      | node-1 | 2   | 4Gi    |
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: bursty
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              cpu: "8"
              memory: 32Gi
      """
    Then pod "bursty" should be scheduled on node "node-1"
    And pod "bursty" should be in phase Running
    And the QoS class of pod "bursty" should be Burstable
