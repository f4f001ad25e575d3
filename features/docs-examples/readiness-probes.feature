Feature: Readiness probes take pods out of Service endpoints (docs: configure-liveness-readiness-startup-probes "Define readiness probes")

  Scenario: The docs' exec readiness probe: ready from 5 s, unready after three failures from 35 s
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: readiness-exec
        labels:
          app: readiness
      spec:
        containers:
        - name: readiness
          image: registry.k8s.io/busybox:1.27.2
          args:
          - /bin/sh
          - -c
          - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
          readinessProbe:
            exec:
              command:
              - cat
              - /tmp/healthy
            initialDelaySeconds: 5
            periodSeconds: 5
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: readiness
      spec:
        selector:
          app: readiness
        ports:
        - port: 80
      """
    And 4 seconds pass
    Then pod "readiness-exec" should not be ready
    And service "readiness" should have 0 ready endpoints
    And service "readiness" should have 1 not-ready endpoint
    When 1 second passes
    Then pod "readiness-exec" should be ready
    And service "readiness" should have 1 ready endpoint
    When 39 seconds pass
    Then pod "readiness-exec" should be ready
    When 1 second passes
    Then pod "readiness-exec" should not be ready
    And service "readiness" should have 0 ready endpoints
    And the events of pod "readiness-exec" should include:
      | type    | reason    | message                                                                         | at  |
      | Warning | Unhealthy | Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory | 35s |
      | Warning | Unhealthy | Readiness probe failed                                                           | 40s |
      | Warning | Unhealthy | Readiness probe failed                                                           | 45s |
    And container "readiness" of pod "readiness-exec" should have restarted 0 times
    When I run "kubectl get pod readiness-exec"
    Then the output should contain "readiness-exec   0/1     Running   0          45s"

  Scenario: Port-forwarding to the docs' redis (tasks/access-application-cluster/port-forward-access-application-cluster)
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: redis-master
        labels:
          app: redis
      spec:
        selector:
          matchLabels:
            app: redis
            role: master
            tier: backend
        replicas: 1
        template:
          metadata:
            labels:
              app: redis
              role: master
              tier: backend
          spec:
            containers:
            - name: master
              image: "docker.io/redis:6.0.5"
              resources:
                requests:
                  cpu: 100m
                  memory: 100Mi
              ports:
              - containerPort: 6379
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: redis-master
        labels:
          app: redis
          role: master
          tier: backend
      spec:
        ports:
        - port: 6379
          targetPort: 6379
        selector:
          app: redis
          role: master
          tier: backend
      """
    And I wait until deployment "redis-master" is rolled out
    When I run "kubectl get service redis-master"
    Then the output should contain "redis-master   ClusterIP   10."
    And the output should contain "<none>        6379/TCP   0s"
    When I run "kubectl get pod -l app=redis -o jsonpath={.items[0].spec.containers[0].ports[0].containerPort}"
    Then the output should be:
      """
      6379
      """
    When I run "kubectl port-forward service/redis-master 7000:redis"
    Then the command should fail with "error: Service 'redis-master' does not have a named port 'redis'"
    When I run "kubectl port-forward service/redis-master 7000:6379"
    Then the output should be:
      """
      Forwarding from 127.0.0.1:7000 -> 6379
      Forwarding from [::1]:7000 -> 6379
      """
    When I run "kubectl port-forward deployment/redis-master 7001:6379"
    Then the output should contain "Forwarding from 127.0.0.1:7001 -> 6379"
