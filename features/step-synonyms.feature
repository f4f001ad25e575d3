Feature: Step synonyms
  The phrasings a reader of the Kubernetes docs writes naturally mean exactly what the canonical
  phrases mean (README, "Synonyms"): each check below would fail if its synonym meant something
  else, and the canonical phrase beside it pins the meaning where one exists.

  Scenario: A Kubernetes cluster is the default cluster
    Given a Kubernetes cluster
    When I run `kubectl get nodes -o name`
    Then the output should be:
      """
      node/node-1
      node/node-2
      node/node-3
      """

  Scenario: The cluster has N nodes, and the cluster has nodes
    Given the cluster has 2 nodes
    When I run `kubectl get nodes -o name`
    Then the output should be:
      """
      node/node-1
      node/node-2
      """

  Scenario: The cluster has nodes, from a table
    Given the cluster has nodes:
      | name   | cpu | memory |
      | node-a | 2   | 4Gi    |
    When I run `kubectl get nodes -o name`
    Then the output should be:
      """
      node/node-a
      """
    When I run "kubectl get node node-a -o jsonpath={.status.capacity.cpu}"
    Then the output should be:
      """
      2
      """

  Scenario: A Kubernetes cluster with N nodes
    Given a Kubernetes cluster with 1 node
    When I run `kubectl get nodes -o name`
    Then the output should be:
      """
      node/node-1
      """

  Scenario: A Kubernetes cluster with nodes, from a table
    Given a Kubernetes cluster with nodes:
      | name   | cpu | memory |
      | node-x | 3   | 4Gi    |
    When I run "kubectl get node node-x -o jsonpath={.status.capacity.cpu}"
    Then the output should be:
      """
      3
      """

  Scenario: Waiting for a duration, and durations that have passed
    Given a cluster
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.25
      """
    And I wait for 20 seconds
    And 10 seconds have passed
    And 15s has passed
    And I run "kubectl get pod web"
    Then the output should match "^web +1/1 +Running +0 +45s$"

  Scenario: Applying a manifest file by its path
    When I apply the manifest "manifests/simple-pod.yaml"
    And I apply the file "manifests/nginx-deployment.yaml"
    Then pod "nginx" should be running
    And deployment "nginx-deployment" should have 3 ready pods

  Scenario: Commands in backticks, failures, exit codes and patterns
    When I run `kubectl get pod nope`
    Then the command should fail
    And the exit code should be 1
    And the error output should be:
      """
      Error from server (NotFound): pods "nope" not found
      """
    And the error output should contain:
      """
      pods "nope" not found
      """
    When I run `kubectl get namespaces -o "jsonpath={.items[*].metadata.name}"`
    Then the exit code should be 0
    And the output should match "^default kube-node-lease"
    And the output should match /KUBE-SYSTEM$/i
    And the output should contain "kube-system"

  Scenario: Pod phases, any case, with or without "in phase"
    Given image pulls take 10 seconds
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.25
      """
    Then pod "web" should be pending
    And the pod "web" should be Pending
    And the pod "web" should not be ready
    And pod "web" should be in phase "Pending"
    And the status of pod "web" should be ContainerCreating
    And pod "web" should have status "ContainerCreating"
    And pod "web" should be scheduled
    And the pod "web" should be scheduled on node "node-1"
    When I wait until pod "web" is running
    Then pod "web" should be Running
    And the pod "web" should be running
    And pod "web" should be in phase running
    And the pod "web" should be ready
    And the status of the pod "web" should be Running
    And the status of pod "web" should be 'Running'
    And the QoS class of the pod "web" should be BestEffort
    When I run "kubectl get pod web"
    Then the output should match "^web +1/1 +Running +0 +10s$"

  Scenario: A pod that cannot be scheduled is not scheduled
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: huge
      spec:
        containers:
        - name: app
          image: nginx:1.25
          resources:
            requests:
              cpu: "64"
      """
    Then the pod "huge" should not be scheduled
    And pod "huge" should be Pending

  Scenario: Waiting until a pod is in a phase, or ready, by name
    Given image pulls take 5 seconds
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: once
      spec:
        restartPolicy: Never
        containers:
        - name: job
          image: busybox
          command: ["sh", "-c", "sleep 20"]
      """
    And I wait until the pod "once" is Running
    And I run "kubectl get pod once"
    Then the output should match "^once +1/1 +Running +0 +5s$"
    When I wait until pod "once" is succeeded
    Then pod "once" should be succeeded
    And the status of pod "once" should be Completed
    When I run "kubectl get pod once"
    Then the output should match "^once +0/1 +Completed +0 +25s$"

  Scenario: Ready within a duration waits only until the pod is ready
    Given image pulls take 20 seconds
    When I apply the manifest file "manifests/simple-pod.yaml"
    Then pod "nginx" should be ready within 30 seconds
    When I run "kubectl get pod nginx"
    Then the output should match "^nginx +1/1 +Running +0 +20s$"
    When I wait until the pod "nginx" is ready
    And I run "kubectl get pod nginx"
    Then the output should match " 20s$"

  Scenario: Restarts of a pod's only container, and of a named container
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: flaky
      spec:
        containers:
        - name: app
          image: busybox
          command: ["sh", "-c", "echo starting; sleep 5; exit 1"]
      """
    And 6 seconds pass
    Then pod "flaky" should have restarted 1 time
    And the pod "flaky" should have restarted 1 time
    And container "app" in pod "flaky" should have restarted 1 time
    And the container "app" of pod "flaky" should have restarted 1 time
    And the container "app" in pod "flaky" should be running
    When 5 seconds pass
    Then container "app" of the pod "flaky" should be waiting with reason "CrashLoopBackOff"
    And the container "app" in pod "flaky" should be Waiting
    And the events of pod "flaky" should contain:
      | type    | reason  | message                                  |
      | Normal  | Started | Started container app                    |
      | Warning | BackOff | Back-off restarting failed container app |
    And the events for pod "flaky" should include:
      | reason    |
      | Scheduled |
      | Pulled    |
    And the events for the pod "flaky" should contain:
      | reason  |
      | BackOff |
    When 10 seconds pass
    Then pod "flaky" should have restarted 2 times
    And container "app" of pod "flaky" should have started at:
      | at  |
      | 0s  |
      | 5s  |
      | 20s |

  Scenario: The logs of a pod, or of one of its containers
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: talk
      spec:
        containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "echo hello from main; sleep 3600"]
        - name: side
          image: busybox
          command: ["sh", "-c", "echo hello from side; sleep 3600"]
      """
    And I run "kubectl get pods"
    Then the logs of pod "talk" should contain "hello from main"
    And the logs of container "side" in pod "talk" should contain "hello from side"
    And the logs of the container "main" of the pod "talk" should contain "hello from main"
    # The logs checks leave the last command's result alone.
    And the output should contain "talk"
    And the output should match "^talk +2/2 +Running"

  Scenario: Deployments: rolled out, replicas, revisions, conditions, scaling and a new image
    Given image pulls take 10 seconds
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
        strategy:
          rollingUpdate:
            maxSurge: 1
            maxUnavailable: 0
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: nginx
              image: nginx:1.25
      """
    And I wait until deployment "web" is available
    Then the deployment "web" should be rolled out
    And the rollout status of deployment "web" should be successful
    And deployment "web" should have 3 available replicas
    And deployment "web" should be at revision "1"
    And deployment "web" should have condition Progressing with status "True"
    And the deployment "web" should have condition Available with status True
    And deployment "web" should have condition Progressing with reason NewReplicaSetAvailable
    When I run "kubectl get deployment web"
    Then the output should match "^web +3/3 +3 +3 +10s$"
    And the deployment "web" should have 3 running pods
    When I update the image of deployment "web" to "nginx:1.26"
    Then deployment "web" should have 4 replicas
    And deployment "web" should have 3 ready replicas
    And deployment "web" should have 3 available replicas
    And deployment "web" should have 1 updated replica
    And deployment "web" should have 1 unavailable replica
    And the deployment "web" should have status:
      | replicas          | 4 |
      | availableReplicas | 3 |
    And deployment "web" should be at revision 2
    And the deployment "web" should be at revision "2"
    And deployment "web" should have condition Progressing with reason "ReplicaSetUpdated"
    # Available already: the old pods keep it available during the rollout.
    When I wait until deployment "web" is available
    Then deployment "web" should have 1 updated replica
    When I wait until the deployment "web" is rolled out
    Then all pods of the deployment "web" should run image "nginx:1.26"
    And the replica sets of the deployment "web" should be:
      | revision | image      | replicas |
      | 1        | nginx:1.25 | 0        |
      | 2        | nginx:1.26 | 3        |
    And the events for deployment "web" should contain:
      | reason            | message                 |
      | ScalingReplicaSet | from 0 to 3             |
      | ScalingReplicaSet | from 0 to 1             |
    When I scale deployment "web" to 5 replicas
    And I wait until the deployment "web" is rolled out
    Then deployment "web" should have 5 replicas
    And the deployment "web" should have 5 ready pods
    And deployment "web" should be at revision 2
    When I scale the deployment "web" to 1 replica
    Then deployment "web" should have 1 replica
    When I set the image of the deployment "web" to "nginx:1.27"
    And I wait until deployment "web" is rolled out
    Then deployment "web" should be at revision 3
    And all pods of deployment "web" should run image "nginx:1.27"

  Scenario: Services: endpoints, a request and its response
    Given the image "example.com/hello:1" behaves as:
      """
      listen: [8080]
      http:
        /: { status: 200, body: hello from web }
        /missing: 404
      """
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: hello
              image: example.com/hello:1
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        type: NodePort
        ports:
        - port: 80
          targetPort: 8080
          nodePort: 30080
      """
    And I wait until all pods are ready
    Then service "web" should have 2 endpoints
    And the service "web" should have 2 ready endpoints
    And the service "web" should have 0 not-ready endpoints
    And the service "web" should have a cluster IP
    And the service "web" should have node port 30080
    And the node port of the service "web" should be between 30080 and 30080
    And the endpoints of the service "web" should be the ready pods of the deployment "web"
    When I send a request to "http://web/"
    Then the request should succeed
    And the response should be "hello from web"
    And the response body should be "hello from web"
    And the response should contain "from web"
    And the response status code should be 200
    And the response should have status 200
    When I send 4 requests to "http://web/"
    Then the requests should succeed
    And the response should be 200
    When I send a request to "http://web/missing"
    Then 1 request should fail
    And the response should have status 404
    And the response should be 404

  Scenario: Waiting until all pods are ready waits for the slowest
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: quick
      spec:
        containers:
        - name: app
          image: nginx:1.25
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow
      spec:
        containers:
        - name: app
          image: nginx:1.25
          readinessProbe:
            tcpSocket:
              port: 80
            initialDelaySeconds: 15
            periodSeconds: 5
      """
    Then pod "quick" should be ready
    And pod "slow" should not be ready
    When I wait until all pods are ready
    Then pod "slow" should be ready
    When I run "kubectl get pod slow"
    Then the output should match "^slow +1/1 +Running +0 +15s$"

  Scenario: Deleting a pod waits until it is gone, as kubectl delete does
    When I apply the manifest file "manifests/simple-pod.yaml"
    And I delete the pod "nginx"
    Then the output should be:
      """
      pod "nginx" deleted
      """
    When I run "kubectl get pods"
    Then the error output should contain "No resources found in default namespace."

  Scenario: A node that fails or goes down is unreachable, and comes back up
    Given a cluster with 3 nodes
    When node "node-1" fails
    And the node "node-2" goes down
    And the node "node-3" becomes unreachable
    And 49 seconds pass
    And I run "kubectl get nodes"
    Then the output should match "^node-1 +Ready"
    When 1 second passes
    And I run "kubectl get nodes"
    Then the output should match "^node-1 +NotReady"
    And the output should match "^node-2 +NotReady"
    And the output should match "^node-3 +NotReady"
    When node "node-1" comes back up
    And the node "node-2" comes back
    And the node "node-3" recovers
    And 1 second passes
    And I run "kubectl get nodes"
    Then the output should match "^node-1 +Ready"
    And the output should match "^node-2 +Ready"
    And the output should match "^node-3 +Ready"
