Feature: Service environment variables
  When a container starts, the kubelet gives it variables for every active Service of its
  namespace that has a cluster IP: `<NAME>_SERVICE_HOST`, `<NAME>_SERVICE_PORT` and, for each
  named port, `<NAME>_SERVICE_PORT_<PORT NAME>`, plus the Docker-link variables `<NAME>_PORT`,
  `<NAME>_PORT_<PORT>_<PROTO>` and its `_PROTO`, `_PORT` and `_ADDR` (Kubernetes docs,
  concepts/services-networking/service, "Environment variables"; pkg/kubelet/envvars). The
  `kubernetes` Service of the default namespace is always there. A Service created after the
  container started is not: the docs' tutorial (tutorials/services/connect-applications-service)
  scales its Deployment to 0 and back so that new pods see the Service.

  Background:
    Given a cluster

  Scenario: Pods created before the Service do not see it; pods created after it do
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
        replicas: 2
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
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nginx
        labels:
          run: my-nginx
      spec:
        ports:
        - port: 80
          protocol: TCP
        selector:
          run: my-nginx
      """
    And I run "kubectl exec deploy/my-nginx -- printenv"
    Then the output should contain "KUBERNETES_SERVICE_HOST=10.96.0.1"
    And the output should contain "KUBERNETES_SERVICE_PORT=443"
    And the output should contain "KUBERNETES_SERVICE_PORT_HTTPS=443"
    And the output should not contain "MY_NGINX"
    When I run "kubectl scale deployment my-nginx --replicas=0"
    And I run "kubectl scale deployment my-nginx --replicas=2"
    And I wait until deployment "my-nginx" is rolled out
    And I run "kubectl exec deploy/my-nginx -- printenv"
    Then the output should contain "MY_NGINX_SERVICE_HOST=10."
    And the output should contain "MY_NGINX_SERVICE_PORT=80"
    And the output should contain "MY_NGINX_PORT=tcp://10."
    And the output should contain "MY_NGINX_PORT_80_TCP_PROTO=tcp"
    And the output should contain "MY_NGINX_PORT_80_TCP_PORT=80"
    And the output should contain "KUBERNETES_SERVICE_HOST=10.96.0.1"
    And the output should contain "KUBERNETES_PORT=tcp://10.96.0.1:443"
    And the output should contain "KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443"
    And the output should contain "KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1"

  Scenario: Every variable of a Service with two named ports
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web-frontend
      spec:
        clusterIP: 10.96.100.20
        selector:
          app: web
        ports:
        - name: http
          port: 80
          targetPort: 8080
        - name: metrics
          port: 9090
          protocol: TCP
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
        - name: shell
          image: busybox:1.36
          command: ["sleep", "3600"]
      """
    And I run "kubectl exec client -- printenv WEB_FRONTEND_SERVICE_HOST WEB_FRONTEND_SERVICE_PORT WEB_FRONTEND_SERVICE_PORT_HTTP WEB_FRONTEND_SERVICE_PORT_METRICS WEB_FRONTEND_PORT"
    Then the output should be:
      """
      10.96.100.20
      80
      80
      9090
      tcp://10.96.100.20:80
      """
    When I run "kubectl exec client -- printenv WEB_FRONTEND_PORT_80_TCP WEB_FRONTEND_PORT_80_TCP_PROTO WEB_FRONTEND_PORT_80_TCP_PORT WEB_FRONTEND_PORT_80_TCP_ADDR"
    Then the output should be:
      """
      tcp://10.96.100.20:80
      tcp
      80
      10.96.100.20
      """
    When I run "kubectl exec client -- printenv WEB_FRONTEND_PORT_9090_TCP WEB_FRONTEND_PORT_9090_TCP_ADDR"
    Then the output should be:
      """
      tcp://10.96.100.20:9090
      10.96.100.20
      """
    When I run "kubectl exec client -- sh -c 'echo $WEB_FRONTEND_SERVICE_HOST:$WEB_FRONTEND_SERVICE_PORT_METRICS'"
    Then the output should be:
      """
      10.96.100.20:9090
      """

  Scenario: Headless Services, Services of other namespaces and enableServiceLinks: false give none
    When I run "kubectl create namespace other"
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: headless
      spec:
        clusterIP: None
        selector:
          app: db
        ports:
        - port: 5432
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: elsewhere
        namespace: other
      spec:
        selector:
          app: x
        ports:
        - port: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: local
      spec:
        selector:
          app: x
        ports:
        - port: 80
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: linked
      spec:
        containers:
        - name: shell
          image: busybox:1.36
          command: ["sleep", "3600"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: unlinked
      spec:
        enableServiceLinks: false
        containers:
        - name: shell
          image: busybox:1.36
          command: ["sleep", "3600"]
      """
    And I run "kubectl exec linked -- printenv"
    Then the output should contain "LOCAL_SERVICE_PORT=80"
    And the output should not contain "HEADLESS"
    And the output should not contain "ELSEWHERE"
    When I run "kubectl exec unlinked -- printenv"
    Then the output should not contain "LOCAL_SERVICE"
    And the output should contain "KUBERNETES_SERVICE_HOST=10.96.0.1"
    When I run "kubectl exec linked -- printenv HEADLESS_SERVICE_HOST"
    Then the command should fail with "command terminated with exit code 1"

  Scenario: A container restarted after the Service was created sees it
    The kubelet computes the variables each time it creates a container, so the second instance
    of a container that exits after 30 seconds has them.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: restarter
      spec:
        containers:
        - name: shell
          image: busybox:1.36
          command: ["sh", "-c", "sleep 30; exit 1"]
      """
    And 10 seconds pass
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: late
      spec:
        clusterIP: 10.96.100.30
        selector:
          app: late
        ports:
        - port: 8080
      """
    And I run "kubectl exec restarter -- printenv"
    Then the output should not contain "LATE_SERVICE_HOST"
    When 25 seconds pass
    Then container "shell" of pod "restarter" should have restarted 1 time
    When I run "kubectl exec restarter -- printenv LATE_SERVICE_HOST"
    Then the output should be:
      """
      10.96.100.30
      """
