Feature: Configure Quality of Service for Pods (docs: tasks/configure-pod-container/quality-service-pod)

  Background:
    Given a cluster
    When I run "kubectl create namespace qos-example"

  Scenario: qos-pod.yaml: equal requests and limits for cpu and memory are Guaranteed
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: qos-demo
        namespace: qos-example
      spec:
        containers:
        - name: qos-demo-ctr
          image: nginx
          resources:
            limits:
              memory: "200Mi"
              cpu: "700m"
            requests:
              memory: "200Mi"
              cpu: "700m"
      """
    Then the QoS class of pod "qos-example/qos-demo" should be Guaranteed
    When I run "kubectl get pod qos-demo --namespace=qos-example --output=yaml"
    Then the output should contain:
      """
          resources:
            limits:
              cpu: 700m
              memory: 200Mi
            requests:
              cpu: 700m
              memory: 200Mi
      """
    And the output should contain "  qosClass: Guaranteed"
    When I run "kubectl delete pod qos-demo --namespace=qos-example"
    Then the output should be:
      """
      pod "qos-demo" deleted
      """

  Scenario: Limits without requests: the requests default to the limits, and the pod is Guaranteed
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: qos-limits-only
        namespace: qos-example
      spec:
        containers:
        - name: ctr
          image: nginx
          resources:
            limits:
              memory: "200Mi"
              cpu: "700m"
      """
    Then the QoS class of pod "qos-example/qos-limits-only" should be Guaranteed
    When I run "kubectl get pod qos-limits-only --namespace=qos-example -o jsonpath={.spec.containers[0].resources.requests}"
    Then the output should be:
      """
      {"cpu":"700m","memory":"200Mi"}
      """

  Scenario: qos-pod-2.yaml: a memory request below its limit is Burstable
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: qos-demo-2
        namespace: qos-example
      spec:
        containers:
        - name: qos-demo-2-ctr
          image: nginx
          resources:
            limits:
              memory: "200Mi"
            requests:
              memory: "100Mi"
      """
    Then the QoS class of pod "qos-example/qos-demo-2" should be Burstable
    When I run "kubectl describe pod qos-demo-2 --namespace=qos-example"
    Then the output should contain "QoS Class:                   Burstable"

  Scenario: qos-pod-3.yaml: no requests or limits is BestEffort
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: qos-demo-3
        namespace: qos-example
      spec:
        containers:
        - name: qos-demo-3-ctr
          image: nginx
      """
    Then the QoS class of pod "qos-example/qos-demo-3" should be BestEffort
    When I run "kubectl get pod qos-demo-3 --namespace=qos-example --output=yaml"
    Then the output should contain:
      """
          resources: {}
      """

  Scenario: qos-pod-4.yaml: two containers, one with a memory request, is Burstable
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: qos-demo-4
        namespace: qos-example
      spec:
        containers:

        - name: qos-demo-4-ctr-1
          image: nginx
          resources:
            requests:
              memory: "200Mi"

        - name: qos-demo-4-ctr-2
          image: redis
      """
    Then the QoS class of pod "qos-example/qos-demo-4" should be Burstable
    And pod "qos-example/qos-demo-4" should be in phase Running
    When I run "kubectl get pod qos-demo-4 --namespace=qos-example"
    Then the output should contain "qos-demo-4   2/2     Running   0"
    When I run "kubectl delete namespace qos-example"
    Then the output should be:
      """
      namespace "qos-example" deleted
      """
