Feature: Assign Pods to Nodes (docs: tasks/configure-pod-container/assign-pods-nodes, concepts/scheduling-eviction/taint-and-toleration)

  Scenario: pod-nginx.yaml with nodeSelector disktype=ssd lands on the labelled node
    When I run "kubectl label nodes node-2 disktype=ssd"
    Then the output should be:
      """
      node/node-2 labeled
      """
    When I run "kubectl get nodes --show-labels"
    Then the output should contain "disktype=ssd"
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
        labels:
          env: test
      spec:
        containers:
        - name: nginx
          image: nginx
          imagePullPolicy: IfNotPresent
        nodeSelector:
          disktype: ssd
      """
    Then pod "nginx" should be scheduled on node "node-2"
    When I run "kubectl get pods --output=wide"
    Then the output should contain "node-2"

  Scenario: A nodeSelector no node matches keeps the pod Pending
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
      spec:
        containers:
        - name: nginx
          image: nginx
        nodeSelector:
          disktype: ssd
      """
    Then pod "nginx" should not be scheduled
    And the events of pod "nginx" should include:
      | type    | reason           | message                                                                                                                                     |
      | Warning | FailedScheduling | 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.. |
    When I run "kubectl label nodes node-3 disktype=ssd"
    And 1 second passes
    Then pod "nginx" should be scheduled on node "node-3"
    And pod "nginx" should be in phase Running

  Scenario: pod-nginx-specific-node.yaml with nodeName skips the scheduler
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
      spec:
        nodeName: node-3 # schedule pod to specific node
        containers:
        - name: nginx
          image: nginx
          imagePullPolicy: IfNotPresent
      """
    Then pod "nginx" should be scheduled on node "node-3"
    And pod "nginx" should be in phase Running
    When I run "kubectl describe pod nginx"
    Then the output should not contain "default-scheduler"

  Scenario: A NoSchedule taint keeps pods off unless they tolerate it
    When I run:
      """
      kubectl patch node node-1 -p '{"spec":{"taints":[{"key":"key1","value":"value1","effect":"NoSchedule"}]}}'
      kubectl patch node node-2 -p '{"spec":{"taints":[{"key":"key1","value":"value1","effect":"NoSchedule"}]}}'
      kubectl patch node node-3 -p '{"spec":{"taints":[{"key":"key1","value":"value1","effect":"NoSchedule"}]}}'
      """
    Then the output should be:
      """
      node/node-1 patched
      node/node-2 patched
      node/node-3 patched
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: intolerant
      spec:
        containers:
        - name: nginx
          image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
        labels:
          env: test
      spec:
        containers:
        - name: nginx
          image: nginx
          imagePullPolicy: IfNotPresent
        tolerations:
        - key: "key1"
          operator: "Exists"
          effect: "NoSchedule"
      """
    Then pod "intolerant" should not be scheduled
    And the events of pod "intolerant" should include:
      | type    | reason           | message                                                                  |
      | Warning | FailedScheduling | 0/3 nodes are available: 3 node(s) had untolerated taint {key1: value1}. |
    And pod "nginx" should be in phase Running
    When I run:
      """
      kubectl patch node node-1 --type=json -p '[{"op":"remove","path":"/spec/taints"}]'
      """
    Then the output should be:
      """
      node/node-1 patched
      """
    When 1 second passes
    Then pod "intolerant" should be scheduled on node "node-1"

  Scenario: A NoExecute taint evicts pods that do not tolerate it, and tolerationSeconds delays it
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: plain
      spec:
        nodeName: node-1
        containers:
        - name: nginx
          image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: patient
      spec:
        nodeName: node-1
        containers:
        - name: nginx
          image: nginx
        tolerations:
        - key: "key1"
          operator: "Equal"
          value: "value1"
          effect: "NoExecute"
          tolerationSeconds: 3600
      """
    And I run:
      """
      kubectl patch node node-1 -p '{"spec":{"taints":[{"key":"key1","value":"value1","effect":"NoExecute"}]}}'
      """
    Then the command should succeed
    And 1 second passes
    Then the events of pod "plain" should include:
      | type   | reason               | message                          |
      | Normal | TaintManagerEviction | Marking for deletion Pod default/plain |
    When I run "kubectl get pods"
    Then the output should not contain "plain"
    And pod "patient" should be in phase Running
    When 1 hour passes
    And I run "kubectl get pods"
    Then the error output should contain "No resources found in default namespace."
