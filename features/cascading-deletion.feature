Feature: Cascading deletion: orphan, foreground and background propagation
  What `kubectl delete --cascade=…` does to an owner's dependents (Kubernetes docs:
  concepts/architecture/garbage-collection, tasks/administer-cluster/use-cascading-deletion and
  concepts/workloads/controllers/replicaset). kubectl sends the choice as the request's
  propagationPolicy; the API server turns Orphan and Foreground into the `orphan` and
  `foregroundDeletion` finalizers, and the garbage collector does the rest:
  - orphan: the dependents lose their ownerReference to the owner and stay; then the owner goes.
  - foreground: the owner stays, with a deletionTimestamp and the `foregroundDeletion` finalizer,
    until its dependents (those whose reference blocks the owner's deletion) are gone.
  - background (the default): the owner goes at once; its dependents are deleted after it.

  Background:
    Given a cluster

  Scenario: Orphaned pods lose their owner reference and a new ReplicaSet adopts them
    When I run "kubectl apply -f docs-examples/manifests/frontend.yaml"
    And 5 seconds pass
    And I run "kubectl delete rs frontend --cascade=orphan"
    Then the output should be:
      """
      replicaset.apps "frontend" deleted
      """
    When I run "kubectl get pods -l tier=frontend -o jsonpath={.items[*].metadata.ownerReferences}"
    Then the output should be:
      """
      """
    When I run "kubectl get rs"
    Then the error output should contain "No resources found in default namespace."
    When I run "kubectl apply -f docs-examples/manifests/frontend.yaml"
    And 5 seconds pass
    And I run "kubectl get pods -l tier=frontend"
    Then the output should not contain "5s"
    When I run "kubectl get pods -l tier=frontend -o jsonpath={.items[*].metadata.ownerReferences[*].name}"
    Then the output should be:
      """
      frontend frontend frontend
      """

  Scenario: The old boolean --cascade=false still orphans, with kubectl's deprecation warning
    When I run "kubectl apply -f docs-examples/manifests/frontend.yaml"
    And I run "kubectl delete rs frontend --cascade=false"
    Then the output should be:
      """
      replicaset.apps "frontend" deleted
      """
    And the error output should contain "warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan."
    When I run "kubectl get pods -l tier=frontend -o name"
    Then the output should contain "pod/frontend-"

  Scenario: Orphaning a Deployment's ReplicaSet (use-cascading-deletion)
    When I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl delete deployment nginx-deployment --cascade=orphan"
    Then the output should be:
      """
      deployment.apps "nginx-deployment" deleted
      """
    When I run "kubectl get rs -o jsonpath={.items[*].metadata.ownerReferences}"
    Then the output should be:
      """
      """
    When I run "kubectl get rs -l app=nginx"
    Then the output should contain "   3         3         3       "

  Scenario: Foreground deletion keeps the owner, marked, until its pods have terminated
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: sleepers
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: sleepers
        template:
          metadata:
            labels:
              app: sleepers
          spec:
            terminationGracePeriodSeconds: 10
            containers:
            - name: sleep
              image: busybox
              command: ["sh", "-c", "sleep 3600"]
      """
    And 5 seconds pass
    And I run "kubectl delete rs sleepers --cascade=foreground --wait=false"
    Then the output should be:
      """
      replicaset.apps "sleepers" deleted
      """
    When I run "kubectl get rs sleepers -o jsonpath={.metadata.finalizers}"
    Then the output should be:
      """
      ["foregroundDeletion"]
      """
    When I run "kubectl get rs sleepers -o jsonpath={.metadata.deletionTimestamp}"
    Then the output should be:
      """
      2025-01-01T00:00:05Z
      """
    When I run "kubectl get pods -l app=sleepers"
    Then the output should contain "Terminating"
    When 9 seconds pass
    And I run "kubectl get rs sleepers -o name"
    Then the output should be:
      """
      replicaset.apps/sleepers
      """
    When 1 second passes
    And I run "kubectl get rs,pods -l app=sleepers"
    Then the error output should contain "No resources found in default namespace."

  Scenario: kubectl waits for a foreground deletion to finish
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: sleepers
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: sleepers
        template:
          metadata:
            labels:
              app: sleepers
          spec:
            terminationGracePeriodSeconds: 20
            containers:
            - name: sleep
              image: busybox
              command: ["sh", "-c", "sleep 3600"]
      """
    And I wait until deployment "sleepers" is rolled out
    And I run "kubectl delete deployment sleepers --cascade=foreground"
    Then the output should be:
      """
      deployment.apps "sleepers" deleted
      """
    When I run "kubectl get deployments,rs,pods"
    Then the error output should contain "No resources found in default namespace."

  Scenario: Background deletion removes the owner at once and its pods after it
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: sleepers
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: sleepers
        template:
          metadata:
            labels:
              app: sleepers
          spec:
            terminationGracePeriodSeconds: 10
            containers:
            - name: sleep
              image: busybox
              command: ["sh", "-c", "sleep 3600"]
      """
    And 5 seconds pass
    And I run "kubectl delete rs sleepers --wait=false"
    Then the output should be:
      """
      replicaset.apps "sleepers" deleted
      """
    When I run "kubectl get rs"
    Then the error output should contain "No resources found in default namespace."
    When I run "kubectl get pods -l app=sleepers"
    Then the output should contain "Terminating"
    When 10 seconds pass
    And I run "kubectl get pods -l app=sleepers"
    Then the error output should contain "No resources found in default namespace."

  Scenario: delete -f with -l deletes only the file's objects that match the selector
    When I run "kubectl apply -f docs-examples/manifests/frontend.yaml"
    And I run "kubectl delete -f docs-examples/manifests/frontend.yaml -l tier=backend"
    Then the output should be:
      """
      No resources found
      """
    When I run "kubectl delete -f docs-examples/manifests/frontend.yaml -l 'tier in (frontend'"
    Then the command should fail with "the provided selector"
    When I run "kubectl delete -f docs-examples/manifests/frontend.yaml -l tier=frontend --wait=false"
    Then the output should be:
      """
      replicaset.apps "frontend" deleted
      """
