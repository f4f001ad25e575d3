Feature: Bad manifests are rejected with the API server's message and store nothing
  Every kind of mistake fails the way `kubectl apply` fails against a real v1.33 cluster, and the
  rejected object is not stored. Valid documents of the same manifest are still applied, as
  kubectl applies them one by one.

  Background:
    Given a cluster

  Scenario: An unknown field
    Then applying the manifest should fail with 'strict decoding error: unknown field "spec.replicaz"':
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicaz: 3
        selector:
          matchLabels:
            app: nginx
        template:
          metadata:
            labels:
              app: nginx
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
      """
    And the error output should contain 'Deployment in version "v1" cannot be handled as a Deployment'
    When I run "kubectl get deployments"
    Then the error output should contain "No resources found in default namespace."

  Scenario: A number written as a string
    Then applying the manifest should fail with "cannot unmarshal string into Go struct field":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: "3"
        selector:
          matchLabels:
            app: nginx
        template:
          metadata:
            labels:
              app: nginx
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
      """
    And the error output should contain "DeploymentSpec.spec.replicas of type int32"
    When I run "kubectl get deployments"
    Then the error output should contain "No resources found in default namespace."

  Scenario: The study note's liveness probe with // comments
    In YAML `//` starts no comment: `5 //…` is the string "5 //…", not the number 5.

    Then applying the manifest should fail with "cannot unmarshal string into Go struct field":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: liveness-exec
      spec:
        containers:
        - name: liveness
          image: busybox
          args:
          - /bin/sh
          - -c
          - touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600
          livenessProbe:
            exec:
              command:
              - cat
              - /tmp/healthy
            initialDelaySeconds: 5 //第一次执行探针需要等待的时间
            periodSeconds: 5 //让kubelet每隔5秒执行一次探针
      """
    And the error output should contain "initialDelaySeconds of type int32"
    When I run "kubectl get pod liveness-exec"
    Then the command should fail with 'pods "liveness-exec" not found'

  Scenario: A selector that does not match the template's labels
    Then applying the manifest should fail with 'The Deployment "nginx-deployment" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`':
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: nginx
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
      """
    When I run "kubectl get deployments"
    Then the error output should contain "No resources found in default namespace."

  Scenario: A node port outside the node port range
    Then applying the manifest should fail with 'The Service "my-service" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767':
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        type: NodePort
        selector:
          app: MyApp
        ports:
          - port: 80
            targetPort: 80
            nodePort: 40000
      """
    When I run "kubectl get service my-service"
    Then the command should fail with 'services "my-service" not found'

  Scenario: A node port another Service has
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
      spec:
        type: NodePort
        selector:
          app: MyApp
        ports:
          - port: 80
            nodePort: 30007
      """
    Then applying the manifest should fail with 'The Service "other-service" is invalid: spec.ports[0].nodePort: Invalid value: 30007: provided port is already allocated':
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: other-service
      spec:
        type: NodePort
        selector:
          app: other
        ports:
          - port: 80
            nodePort: 30007
      """
    When I run "kubectl get service other-service"
    Then the command should fail with 'services "other-service" not found'
    And service "my-service" should have node port 30007

  Scenario: Broken YAML
    Then applying the manifest should fail with "yaml: line 5: mapping values are not allowed in this context":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
        labels: app: nginx
      spec:
        containers:
        - name: nginx
          image: nginx:1.14.2
      """
    And the error output should contain "error parsing STDIN"
    When I run "kubectl get pods"
    Then the error output should contain "No resources found in default namespace."

  Scenario: A namespace that does not exist
    Then applying the manifest should fail with 'namespaces "staging" not found':
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
        namespace: staging
      spec:
        containers:
        - name: nginx
          image: nginx:1.14.2
      """
    When I run "kubectl get pods --all-namespaces"
    Then the error output should contain "No resources found"

  Scenario: The valid documents of a manifest are applied, the invalid one is not
    Then applying the manifest should fail with "provided port is not in the valid range":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: good
      spec:
        selector:
          app: MyApp
        ports:
          - port: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: bad
      spec:
        type: NodePort
        selector:
          app: MyApp
        ports:
          - port: 80
            nodePort: 8080
      """
    And the output should contain "service/good created"
    And service "good" should have a cluster IP
    When I run "kubectl get service bad"
    Then the command should fail with 'services "bad" not found'
