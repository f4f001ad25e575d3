Feature: kubectl port-forward
  `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT` forwards a local port to a port of one
  pod: named directly, or picked from a Deployment, ReplicaSet or Service's selector. A Service's
  port is translated to its targetPort. Every connection goes to that one pod, never through the
  Service's balancing, and the forward ends when that pod goes away (Kubernetes docs,
  tasks/access-application-cluster/port-forward-access-application-cluster; seed note, "端口转发").
  In kubesim the command returns at once with kubectl's `Forwarding from` lines and the forward
  stays open for the scenario's later requests to localhost.

  Background:
    Given a cluster

  Scenario: The docs' Redis forwarded through its Deployment or its Service
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
              image: redis
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
    And I run "kubectl port-forward deployment/redis-master 7000:6379"
    Then the output should be:
      """
      Forwarding from 127.0.0.1:7000 -> 6379
      Forwarding from [::1]:7000 -> 6379
      """
    When I run "kubectl port-forward service/redis-master 7001:6379"
    Then the output should be:
      """
      Forwarding from 127.0.0.1:7001 -> 6379
      Forwarding from [::1]:7001 -> 6379
      """
    When I run "kubectl port-forward replicaset/redis-master 7002:6379"
    Then the command should fail with "Error from server (NotFound): replicasets.apps \"redis-master\" not found"

  Scenario: A pod forwarded by name, with one port or a local and a remote port
    kubectl does not check that anything listens on the remote port: the forward to 8082 is set
    up, and its connections fail because nginx listens on 80 only.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
          ports:
          - name: http
            containerPort: 80
      """
    And I run "kubectl port-forward web 8080:80"
    Then the output should be:
      """
      Forwarding from 127.0.0.1:8080 -> 80
      Forwarding from [::1]:8080 -> 80
      """
    When I send 3 requests to "http://localhost:8080/"
    Then all requests should succeed
    When I run "kubectl port-forward pods/web 8081:http"
    Then the output should be:
      """
      Forwarding from 127.0.0.1:8081 -> 80
      Forwarding from [::1]:8081 -> 80
      """
    When I send 1 request to "http://localhost:8081/nothing-here"
    Then the response status should be 404
    When I run "kubectl port-forward pod/web 8082"
    Then the output should be:
      """
      Forwarding from 127.0.0.1:8082 -> 8082
      Forwarding from [::1]:8082 -> 8082
      """
    When I send 1 request to "http://localhost:8082/"
    Then 1 request should fail

  Scenario: Every request through the forward reaches the same single pod
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-nginx
      spec:
        selector:
          matchLabels:
            run: my-nginx
        replicas: 3
        template:
          metadata:
            labels:
              run: my-nginx
          spec:
            containers:
            - name: my-nginx
              image: nginx
              ports:
              - containerPort: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nginx
      spec:
        ports:
        - name: web
          port: 8080
          targetPort: 80
        selector:
          run: my-nginx
      """
    And I wait until deployment "my-nginx" is rolled out
    And I run "kubectl port-forward service/my-nginx 9000:web"
    Then the output should be:
      """
      Forwarding from 127.0.0.1:9000 -> 80
      Forwarding from [::1]:9000 -> 80
      """
    When I send 30 requests to "http://localhost:9000/"
    Then all requests should succeed
    And the requests should have reached 1 different pod
    When I send 30 requests to "http://my-nginx:8080/"
    Then all requests should succeed
    And the requests should have reached 3 different pods

  Scenario: The forward ends when its pod is deleted, even if the Deployment replaces the pod
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-nginx
      spec:
        selector:
          matchLabels:
            run: my-nginx
        replicas: 1
        template:
          metadata:
            labels:
              run: my-nginx
          spec:
            containers:
            - name: my-nginx
              image: nginx
              ports:
              - containerPort: 80
      """
    And I wait until deployment "my-nginx" is rolled out
    And I run "kubectl port-forward deployment/my-nginx 8080:80"
    And I send 2 requests to "http://localhost:8080/"
    Then all requests should succeed
    When I run "kubectl delete pods -l run=my-nginx"
    And I wait until deployment "my-nginx" is rolled out
    Then deployment "my-nginx" should have 1 ready pods
    When I send 2 requests to "http://localhost:8080/"
    Then 2 requests should fail
    When I run "kubectl port-forward deployment/my-nginx 8080:80"
    And I send 2 requests to "http://localhost:8080/"
    Then all requests should succeed

  Scenario: A pod that is not running cannot be forwarded
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: stuck
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: "64"
      """
    And I run "kubectl port-forward pod/stuck 8080:80"
    Then the command should fail with "error: unable to forward port because pod is not running. Current status=Pending"
    When I run "kubectl port-forward pod/missing 8080:80"
    Then the command should fail with "Error from server (NotFound): pods \"missing\" not found"

  Scenario: Malformed ports and ports the pod or the Service does not have
    kubectl splits LOCAL:REMOTE at the colon and parses both as 16-bit numbers, a remote port that
    is not a number as a port name. A pair with more than two parts is read as its first part
    alone (kubectl's splitPort), so `8080:80:90` forwards 8080 to 8080.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels:
          app: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
          ports:
          - containerPort: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        ports:
        - port: 80
      """
    And I run "kubectl port-forward pod/web abc:80"
    Then the command should fail with "error: error parsing local port 'abc': strconv.ParseUint: parsing \"abc\": invalid syntax"
    When I run "kubectl port-forward pod/web 70000:80"
    Then the command should fail with "error: error parsing local port '70000': strconv.ParseUint: parsing \"70000\": value out of range"
    When I run "kubectl port-forward pod/web 8080:0"
    Then the command should fail with "error: remote port must be > 0"
    When I run "kubectl port-forward pod/web 8080:http"
    Then the command should fail with "error: Pod 'web' does not have a named port 'http'"
    When I run "kubectl port-forward pod/web 8080:"
    Then the command should fail with "error: Pod 'web' does not have a named port ''"
    When I run "kubectl port-forward service/web 8080:8080"
    Then the command should fail with "error: Service web does not have a service port 8080"
    When I run "kubectl port-forward service/web 8080:http"
    Then the command should fail with "error: Service 'web' does not have a named port 'http'"
    When I run "kubectl port-forward pod/web 8080:80:90"
    Then the output should be:
      """
      Forwarding from 127.0.0.1:8080 -> 8080
      Forwarding from [::1]:8080 -> 8080
      """
    When I run "kubectl port-forward pod/web"
    Then the command should fail with "error: TYPE/NAME and list of ports are required for port-forward"
