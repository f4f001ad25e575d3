Feature: Host ports limit where pods can be scheduled
  "When you bind a Pod to a hostPort, it limits the number of places the Pod can be scheduled,
  because each <hostIP, hostPort, protocol> combination must be unique" (Kubernetes docs,
  concepts/configuration/overview). The scheduler's NodePorts filter turns away a node where a pod
  already uses a wanted host port: an empty hostIP means 0.0.0.0, which conflicts with every
  address, and an empty protocol means TCP. It runs after NodeAffinity and before
  NodeResourcesFit, so a node is counted under the first filter it fails. Evicting the pod that
  holds the port would free it, so preemption looks at such nodes; among pods of equal priority it
  finds no victim.

  Scenario: The second pod asking for hostPort 8080 on a one-node cluster stays Pending
    Given a cluster with 1 node
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        containers:
        - name: c
          image: nginx
          ports:
          - containerPort: 8080
            hostPort: 8080
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        containers:
        - name: c
          image: nginx
          ports:
          - containerPort: 8080
            hostPort: 8080
      """
    Then pod "a" should be in phase Running
    And pod "b" should not be scheduled
    And the events of pod "b" should include:
      | type    | reason           | message                                                                                                                                                                      |
      | Warning | FailedScheduling | 0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.. |

  Scenario: A Deployment of 4 replicas with a hostPort fits on 3 nodes only
    The docs' named-port example (tasks/configure-pod-container/configure-liveness-readiness-startup-probes,
    "Use a named port") asks for hostPort 8080: one such pod per node.

    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: hostport
      spec:
        replicas: 4
        selector:
          matchLabels: {app: hostport}
        template:
          metadata:
            labels: {app: hostport}
          spec:
            containers:
            - name: c
              image: registry.k8s.io/goproxy:0.1
              ports:
              - name: liveness-port
                containerPort: 8080
                hostPort: 8080
      """
    And 1 minute passes
    Then deployment "hostport" should have 3 running pods
    When I run "kubectl get pods -l app=hostport --field-selector=status.phase=Pending -o name"
    Then the output should contain "pod/hostport-"

  Scenario: The port comes free when the pod holding it is deleted
    Given a cluster with 1 node
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: first
      spec:
        containers:
        - name: web
          image: nginx
          ports:
          - containerPort: 80
            hostPort: 8080
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: second
      spec:
        containers:
        - name: web
          image: nginx
          ports:
          - containerPort: 80
            hostPort: 8080
      """
    Then pod "second" should not be scheduled
    When 10 seconds pass
    And I run "kubectl delete pod first"
    Then pod "second" should be scheduled on node "node-1"
    And the events of pod "second" should include:
      | type    | reason           | message                                            | at  |
      | Warning | FailedScheduling | didn't have free ports for the requested pod ports | 0s  |
      | Normal  | Scheduled        | Successfully assigned default/second to node-1     | 10s |

  Scenario: Another protocol or another host address is another port
    Given a cluster with 1 node
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tcp
      spec:
        containers:
        - name: dns
          image: registry.k8s.io/pause
          ports:
          - containerPort: 53
            hostPort: 5353
            hostIP: 10.0.0.1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: udp
      spec:
        containers:
        - name: dns
          image: registry.k8s.io/pause
          ports:
          - containerPort: 53
            hostPort: 5353
            hostIP: 10.0.0.1
            protocol: UDP
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: other-address
      spec:
        containers:
        - name: dns
          image: registry.k8s.io/pause
          ports:
          - containerPort: 53
            hostPort: 5353
            hostIP: 10.0.0.2
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: every-address
      spec:
        containers:
        - name: dns
          image: registry.k8s.io/pause
          ports:
          - containerPort: 53
            hostPort: 5353
      """
    Then pod "tcp" should be scheduled on node "node-1"
    And pod "udp" should be scheduled on node "node-1"
    And pod "other-address" should be scheduled on node "node-1"
    But pod "every-address" should not be scheduled

  Scenario: Each node is counted under the first filter it fails
    node-1 has no room for the cpu asked for; node-2 and node-3 have it, but their port 8080 is
    taken. NodePorts runs before NodeResourcesFit, so a node that fails both counts as a port
    conflict. The reasons are sorted as text.

    Given a cluster with nodes:
      | name   | cpu | memory |
      | node-1 | 1   | 2Gi    |
      | node-2 | 2   | 2Gi    |
      | node-3 | 2   | 2Gi    |
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: busy
      spec:
        nodeSelector: {kubernetes.io/hostname: node-1}
        containers:
        - name: app
          image: nginx
          resources:
            requests: {cpu: 800m}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: port-2
      spec:
        nodeSelector: {kubernetes.io/hostname: node-2}
        containers:
        - name: app
          image: nginx
          ports:
          - containerPort: 80
            hostPort: 8080
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: port-3
      spec:
        nodeSelector: {kubernetes.io/hostname: node-3}
        containers:
        - name: app
          image: nginx
          ports:
          - containerPort: 80
            hostPort: 8080
      """
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: late
      spec:
        containers:
        - name: app
          image: nginx
          resources:
            requests: {cpu: 500m}
          ports:
          - containerPort: 80
            hostPort: 8080
      """
    Then pod "late" should not be scheduled
    And the events of pod "late" should include:
      | type    | reason           | message                                                                                                                                                                                          |
      | Warning | FailedScheduling | 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.. |
