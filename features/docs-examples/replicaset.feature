Feature: ReplicaSet (docs: concepts/workloads/controllers/replicaset)

  Scenario: frontend.yaml creates three pods it owns
    When I run "kubectl apply -f manifests/frontend.yaml"
    Then the output should be:
      """
      replicaset.apps/frontend created
      """
    When 6 seconds pass
    And I run "kubectl get rs"
    Then the output should be:
      """
      NAME       DESIRED   CURRENT   READY   AGE
      frontend   3         3         3       6s
      """
    When I run "kubectl describe rs/frontend"
    Then the output should contain:
      """
      Name:         frontend
      Namespace:    default
      Selector:     tier=frontend
      Labels:       app=guestbook
                    tier=frontend
      """
    And the output should contain "Replicas:     3 current / 3 desired"
    And the output should contain "Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed"
    And the output should contain "Normal  SuccessfulCreate  6s    replicaset-controller  Created pod: frontend-"
    When I run "kubectl get pods -o jsonpath={.items[0].metadata.ownerReferences[0].kind}/{.items[0].metadata.ownerReferences[0].name}/{.items[0].metadata.ownerReferences[0].controller}"
    Then the output should be:
      """
      ReplicaSet/frontend/true
      """

  Scenario: Bare pods created after the ReplicaSet are acquired and terminated at once
    When I run "kubectl apply -f manifests/frontend.yaml"
    And 10 seconds pass
    And I run "kubectl apply -f manifests/pod-rs.yaml"
    Then the output should be:
      """
      pod/pod1 created
      pod/pod2 created
      """
    When I run "kubectl get pods"
    Then the output should not contain "pod1"
    And the output should not contain "pod2"
    When I run "kubectl get rs frontend"
    Then the output should contain "frontend   3         3         3"

  Scenario: Bare pods created first are acquired, and the ReplicaSet creates only one more
    When I run "kubectl apply -f manifests/pod-rs.yaml"
    And 27 seconds pass
    And I run "kubectl apply -f manifests/frontend.yaml"
    And 9 seconds pass
    And I run "kubectl get pods"
    Then the output should contain "pod1             1/1     Running   0          36s"
    And the output should contain "pod2             1/1     Running   0          36s"
    And the output should contain "1/1     Running   0          9s"
    When I run "kubectl get pod pod1 -o jsonpath={.metadata.ownerReferences[0].name}"
    Then the output should be:
      """
      frontend
      """

  Scenario: Deleting a pod gets it replaced; isolating one by relabelling gets it replaced too
    When I run "kubectl apply -f manifests/frontend.yaml"
    And 5 seconds pass
    And I run "kubectl scale rs frontend --replicas=2"
    Then the output should be:
      """
      replicaset.apps/frontend scaled
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: loose
        labels:
          tier: frontend
      spec:
        containers:
        - name: c
          image: nginx
      """
    And I run "kubectl get pods"
    Then the output should not contain "loose"
    When I run "kubectl delete rs frontend --cascade=orphan"
    Then the output should be:
      """
      replicaset.apps "frontend" deleted
      """
    When I run "kubectl get pods -l tier=frontend"
    Then the output should contain "Running"
