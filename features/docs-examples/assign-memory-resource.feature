Feature: Assign Memory Resources to Containers and Pods (docs: tasks/configure-pod-container/assign-memory-resource)

  Background:
    Given a cluster
    When I run "kubectl create namespace mem-example"
    Then the output should be:
      """
      namespace/mem-example created
      """

  Scenario: memory-request-limit.yaml runs within its limit
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: memory-demo
        namespace: mem-example
      spec:
        containers:
        - name: memory-demo-ctr
          image: polinux/stress
          resources:
            requests:
              memory: "100Mi"
            limits:
              memory: "200Mi"
          command: ["stress"]
          args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
      """
    And 10 seconds pass
    When I run "kubectl get pod memory-demo --namespace=mem-example"
    Then the output should be:
      """
      NAME          READY   STATUS    RESTARTS   AGE
      memory-demo   1/1     Running   0          10s
      """
    When I run "kubectl get pod memory-demo --output=yaml --namespace=mem-example"
    Then the output should contain:
      """
          resources:
            limits:
              memory: 200Mi
            requests:
              memory: 100Mi
      """
    When I run "kubectl delete pod memory-demo --namespace=mem-example"
    Then the output should be:
      """
      pod "memory-demo" deleted
      """
    When I run "kubectl get pods --namespace=mem-example"
    Then the error output should contain "No resources found in mem-example namespace."

  Scenario: memory-request-limit-2.yaml exceeds its limit: OOMKilled, exit code 137, restarted
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: memory-demo-2
        namespace: mem-example
      spec:
        containers:
        - name: memory-demo-2-ctr
          image: polinux/stress
          resources:
            requests:
              memory: "50Mi"
            limits:
              memory: "100Mi"
          command: ["stress"]
          args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
      """
    And 24 seconds pass
    When I run "kubectl get pod memory-demo-2 --output=yaml --namespace=mem-example"
    Then the output should contain:
      """
          lastState:
            terminated:
      """
    And the output should contain "      exitCode: 137"
    And the output should contain "      reason: OOMKilled"
    And container "memory-demo-2-ctr" of pod "mem-example/memory-demo-2" should have restarted 2 times
    When I run "kubectl describe pod memory-demo-2 --namespace=mem-example"
    Then the output should contain "Back-off restarting failed container memory-demo-2-ctr in pod memory-demo-2_mem-example"
    And the output should contain "Created container: memory-demo-2-ctr"

  Scenario: memory-request-limit-3.yaml asks for more memory than any node has and stays Pending
    When I apply the manifest:
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
    When I run "kubectl get pod memory-demo-3 --namespace=mem-example"
    Then the output should be:
      """
      NAME            READY   STATUS    RESTARTS   AGE
      memory-demo-3   0/1     Pending   0          25s
      """
    And pod "mem-example/memory-demo-3" should not be scheduled
    And the events of pod "mem-example/memory-demo-3" should include:
      | type    | reason           | message                                                                                                                      |
      | Warning | FailedScheduling | 0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.. |
    When I run "kubectl describe pod memory-demo-3 --namespace=mem-example"
    Then the output should contain "FailedScheduling  25s   default-scheduler  0/3 nodes are available: 3 Insufficient memory."
    When I run "kubectl delete namespace mem-example"
    Then the output should be:
      """
      namespace "mem-example" deleted
      """
