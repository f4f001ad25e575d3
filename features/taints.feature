Feature: Taints and tolerations
  A taint lets a node repel pods that do not tolerate it (Kubernetes docs,
  concepts/scheduling-eviction/taint-and-toleration). NoSchedule keeps new pods off the node:
  the scheduler's TaintToleration filter names the first taint a pod does not tolerate, as
  `node(s) had untolerated taint {key: value}`, and preemption cannot help. PreferNoSchedule is a
  preference: the scheduler scores such a node lower. NoExecute also evicts the pods already
  there: the taint eviction controller deletes a pod that does not tolerate it at once, and one
  that tolerates it with tolerationSeconds when that time has passed, recording
  `TaintManagerEviction` events; if the taint goes before then, the deletion is cancelled.

  The taints are added and removed with `kubectl taint nodes`, as the docs do.

  Scenario: A NoSchedule taint keeps pods off the node unless they tolerate it
    Given a cluster with 1 node
    When I run:
      """
      kubectl taint nodes node-1 example-key=value1:NoSchedule
      """
    And I apply the manifest:
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
        - key: "example-key"
          operator: "Exists"
          effect: "NoSchedule"
      """
    Then pod "nginx" should be scheduled on node "node-1"
    And pod "nginx" should be in phase Running
    And pod "intolerant" should not be scheduled
    And the events of pod "intolerant" should include:
      | type    | reason           | message                                                                                                                                                           |
      | Warning | FailedScheduling | 0/1 nodes are available: 1 node(s) had untolerated taint {example-key: value1}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.. |
    When 10 seconds pass
    And I run:
      """
      kubectl taint nodes node-1 example-key=value1:NoSchedule-
      """
    Then pod "intolerant" should be scheduled on node "node-1"

  Scenario: An Equal toleration must match the value too
    Given a cluster with 1 node
    When I run:
      """
      kubectl taint nodes node-1 key1=value1:NoSchedule
      """
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: right-value
      spec:
        containers:
        - name: nginx
          image: nginx
        tolerations:
        - key: "key1"
          operator: "Equal"
          value: "value1"
          effect: "NoSchedule"
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: wrong-value
      spec:
        containers:
        - name: nginx
          image: nginx
        tolerations:
        - key: "key1"
          operator: "Equal"
          value: "value2"
          effect: "NoSchedule"
      """
    Then pod "right-value" should be scheduled on node "node-1"
    And pod "wrong-value" should not be scheduled

  Scenario: The docs' three taints: the pod cannot be scheduled, but keeps running if already there
    The pod tolerates both key1 taints but not key2:NoSchedule. Scheduling needs every NoSchedule
    and NoExecute taint tolerated; eviction looks only at the NoExecute ones.

    Given a cluster with 1 node
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: running
      spec:
        containers:
        - name: nginx
          image: nginx
        tolerations:
        - key: "key1"
          operator: "Equal"
          value: "value1"
          effect: "NoSchedule"
        - key: "key1"
          operator: "Equal"
          value: "value1"
          effect: "NoExecute"
      """
    And I wait until pod "running" is ready
    And I run:
      """
      kubectl taint nodes node-1 key1=value1:NoSchedule
      kubectl taint nodes node-1 key1=value1:NoExecute
      kubectl taint nodes node-1 key2=value2:NoSchedule
      """
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: newcomer
      spec:
        containers:
        - name: nginx
          image: nginx
        tolerations:
        - key: "key1"
          operator: "Equal"
          value: "value1"
          effect: "NoSchedule"
        - key: "key1"
          operator: "Equal"
          value: "value1"
          effect: "NoExecute"
      """
    And 1 hour passes
    Then pod "running" should be ready
    And pod "newcomer" should not be scheduled
    And the events of pod "newcomer" should include:
      | type    | reason           | message                                                                  |
      | Warning | FailedScheduling | 0/1 nodes are available: 1 node(s) had untolerated taint {key2: value2}. |

  Scenario: A NoExecute taint evicts the pods that do not tolerate it at once
    Given a cluster with 2 nodes
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: victim
      spec:
        nodeSelector: {kubernetes.io/hostname: node-1}
        containers:
        - name: nginx
          image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: stays
      spec:
        nodeSelector: {kubernetes.io/hostname: node-1}
        containers:
        - name: nginx
          image: nginx
        tolerations:
        - key: "key1"
          operator: "Exists"
          effect: "NoExecute"
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 4
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: nginx
              image: nginx
      """
    And I wait until deployment "web" is rolled out
    And I run "kubectl get pods -l app=web --field-selector=spec.nodeName=node-1 -o name"
    Then the output should contain "pod/web-"
    When 5 seconds pass
    And I run:
      """
      kubectl taint nodes node-1 key1=value1:NoExecute
      """
    Then the events of pod "victim" should include:
      | type   | reason               | message                                 | at |
      | Normal | TaintManagerEviction | Marking for deletion Pod default/victim | 5s |
      | Normal | Killing              | Stopping container nginx                | 5s |
    And pod "stays" should be ready
    And deployment "web" should have 4 ready pods
    When I run "kubectl get pods -l app=web --field-selector=spec.nodeName=node-1"
    Then the error output should contain "No resources found in default namespace."
    When I run "kubectl get pod victim"
    Then the command should fail with "pods \"victim\" not found"

  Scenario: tolerationSeconds: the pod stays bound for that long after the taint, then is evicted
    Given a cluster with 1 node
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: hour
      spec:
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
      kubectl taint nodes node-1 key1=value1:NoExecute
      """
    And 59 minutes pass
    Then pod "hour" should be ready
    When 1 minute passes
    Then the events of pod "hour" should include:
      | type   | reason               | message                               | at     |
      | Normal | TaintManagerEviction | Marking for deletion Pod default/hour | 1h0m0s |

  Scenario: A taint removed before tolerationSeconds run out cancels the eviction
    Given a cluster with 1 node
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: hour
      spec:
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
      kubectl taint nodes node-1 key1=value1:NoExecute
      """
    And 30 minutes pass
    And I run:
      """
      kubectl taint nodes node-1 key1=value1:NoExecute-
      """
    And 2 hours pass
    Then pod "hour" should be ready
    And the events of pod "hour" should include:
      | type   | reason               | message                                 | at    |
      | Normal | TaintManagerEviction | Cancelling deletion of Pod default/hour | 30m0s |

  Scenario: PreferNoSchedule: the scheduler avoids the node, but uses it if it must
    Given a cluster with 2 nodes
    When I run:
      """
      kubectl taint nodes node-1 key1=value1:PreferNoSchedule
      """
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: elsewhere
      spec:
        containers:
        - name: nginx
          image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: only-node-1
      spec:
        nodeSelector: {kubernetes.io/hostname: node-1}
        containers:
        - name: nginx
          image: nginx
      """
    Then pod "elsewhere" should be scheduled on node "node-2"
    And pod "only-node-1" should be scheduled on node "node-1"
