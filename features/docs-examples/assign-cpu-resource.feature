Feature: Assign CPU Resources to Containers and Pods (docs: tasks/configure-pod-container/assign-cpu-resource)

  Background:
    Given a cluster
    When I run "kubectl create namespace cpu-example"

  Scenario: cpu-request-limit.yaml uses more CPU than its limit and is only throttled
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: cpu-demo
        namespace: cpu-example
      spec:
        containers:
        - name: cpu-demo-ctr
          image: vish/stress
          resources:
            limits:
              cpu: "1"
            requests:
              cpu: "0.5"
          args:
          - -cpus
          - "2"
      """
    And 1 minute passes
    When I run "kubectl get pod cpu-demo --namespace=cpu-example"
    Then the output should be:
      """
      NAME       READY   STATUS    RESTARTS   AGE
      cpu-demo   1/1     Running   0          60s
      """
    When I run "kubectl get pod cpu-demo --output=yaml --namespace=cpu-example"
    Then the output should contain:
      """
          resources:
            limits:
              cpu: "1"
            requests:
              cpu: 500m
      """
    And the QoS class of pod "cpu-example/cpu-demo" should be Burstable

  Scenario: cpu-request-limit-2.yaml asks for 100 CPUs and stays Pending
    When I apply the manifest:
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
    When I run "kubectl get pod cpu-demo-2 --namespace=cpu-example"
    Then the output should be:
      """
      NAME         READY   STATUS    RESTARTS   AGE
      cpu-demo-2   0/1     Pending   0          10s
      """
    And pod "cpu-example/cpu-demo-2" should be in phase Pending
    And the events of pod "cpu-example/cpu-demo-2" should include:
      | type    | reason           | message                                               |
      | Warning | FailedScheduling | 0/3 nodes are available: 3 Insufficient cpu. |
    And the QoS class of pod "cpu-example/cpu-demo-2" should be Burstable
