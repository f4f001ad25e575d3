Feature: Quality of service classes
  The study note's resource quotas (seed note, "资源配额"): a pod whose requests equal its limits
  for every container is Guaranteed, the last to be killed when a node runs short; one with some
  requests or limits is Burstable; one with none is BestEffort (Kubernetes docs,
  tasks/configure-pod-container/quality-service-pod).

  Background:
    Given a cluster

  Scenario: The three classes
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: qos-demo
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
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: qos-demo-2
      spec:
        containers:
        - name: qos-demo-2-ctr
          image: nginx
          resources:
            limits:
              memory: "200Mi"
            requests:
              memory: "100Mi"
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: qos-demo-3
      spec:
        containers:
        - name: qos-demo-3-ctr
          image: nginx
      """
    Then the QoS class of pod "qos-demo" should be Guaranteed
    And the QoS class of pod "qos-demo-2" should be Burstable
    And the QoS class of pod "qos-demo-3" should be BestEffort

  Scenario: Limits alone make a pod Guaranteed, because requests default to limits
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: limits-only
      spec:
        containers:
        - name: app
          image: nginx
          resources:
            limits:
              memory: "128Mi"
              cpu: "500m"
      """
    Then the QoS class of pod "limits-only" should be Guaranteed

  Scenario: One container without limits makes the whole pod Burstable
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: qos-demo-4
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
    Then the QoS class of pod "qos-demo-4" should be Burstable
