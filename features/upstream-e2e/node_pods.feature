Feature: Pods Extended (upstream test/e2e/node/pods.go)

  Background:
    Given a cluster

  Scenario: Pods Set QOS Class should be set on Pods with matching resource requests and limits for memory and cpu
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-qos-class
        labels:
          name: foo
      spec:
        containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["pause"]
          resources:
            limits:
              cpu: 100m
              memory: 100Mi
            requests:
              cpu: 100m
              memory: 100Mi
      """
    Then the QoS class of pod "pod-qos-class" should be Guaranteed
    When I run "kubectl get pod pod-qos-class -o jsonpath={.status.qosClass}"
    Then the output should be:
      """
      Guaranteed
      """

  Scenario: Delete Grace Period should be submitted and removed
    agnhost pause exits on SIGTERM, so the pod is gone at once after the graceful delete.
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-submit-remove
        labels:
          name: foo
      spec:
        containers:
        - name: agnhost-container
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["pause"]
      """
    And I wait until pod "pod-submit-remove" is in phase Running
    And I run "kubectl delete pod pod-submit-remove --grace-period=30"
    Then the command should succeed
    And the output should contain "pod \"pod-submit-remove\" deleted"
    When I run "kubectl get pods -l name=foo"
    Then the error output should contain "No resources found in default namespace."
    And the events of pod "pod-submit-remove" should include:
      | type   | reason  | message                            |
      | Normal | Killing | Stopping container agnhost-container |

  Scenario: Pod Container Status should never report success for a pending container
    A container that exits 1 at once under restartPolicy Never ends Failed, never Succeeded.
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-terminate-status
      spec:
        restartPolicy: Never
        containers:
        - name: fail
          image: registry.k8s.io/e2e-test-images/busybox:1.36.1-1
          command: ["/bin/false"]
      """
    And 5 seconds pass
    Then pod "pod-terminate-status" should be in phase Failed
    And container "fail" of pod "pod-terminate-status" should be Terminated with reason "Error"
