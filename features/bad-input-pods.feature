Feature: Pods the API server rejects, and images the kubelet cannot parse
  The API server validates a pod before it stores anything, and answers with every field that is
  wrong, in its own words (pkg/apis/core/validation). kubectl prints that answer; nothing is
  created. Some mistakes only show later: an image reference that is not valid syntax is
  accepted by the API server and refused by the kubelet (InvalidImageName).

  Background:
    Given a cluster

  Scenario: successThreshold must be 1 on liveness and startup probes
    The docs: "Must be 1 for liveness and startup Probes" (configure-liveness-readiness-startup-
    probes, "Configure Probes").

    Then applying the manifest should fail with 'The Pod "probes" is invalid':
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: probes
      spec:
        containers:
        - name: app
          image: nginx:1.27
          livenessProbe:
            httpGet:
              path: /
              port: 80
            successThreshold: 2
          startupProbe:
            httpGet:
              path: /
              port: 80
            successThreshold: 3
      """
    And the error output should contain "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"
    And the error output should contain "spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1"
    When I run "kubectl get pod probes"
    Then the command should fail with 'Error from server (NotFound): pods "probes" not found'

  Scenario: A readiness probe may not set terminationGracePeriodSeconds; a liveness probe may
    "Probe-level terminationGracePeriodSeconds cannot be set for readiness probes. It will be
    rejected by the API server."

    Then applying the manifest should fail with 'The Pod "ready" is invalid: spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 60: must not be set for readinessProbes':
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: ready
      spec:
        containers:
        - name: app
          image: nginx:1.27
          readinessProbe:
            httpGet:
              path: /
              port: 80
            terminationGracePeriodSeconds: 60
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: live
      spec:
        terminationGracePeriodSeconds: 3600
        containers:
        - name: app
          image: nginx:1.27
          livenessProbe:
            httpGet:
              path: /
              port: 80
            failureThreshold: 1
            periodSeconds: 60
            terminationGracePeriodSeconds: 60
      """
    Then the command should succeed
    And pod "live" should be in phase Running

  Scenario: A gRPC probe's port is a number, never a name
    "Unlike HTTP or TCP probes, you cannot specify the health check port by name": the field is
    an int32, so the API server cannot even decode the name.

    Then applying the manifest should fail with "cannot unmarshal string into Go struct field":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: etcd-with-grpc
      spec:
        containers:
        - name: etcd
          image: registry.k8s.io/etcd:3.5.1-0
          command: [ "/usr/local/bin/etcd", "--data-dir",  "/var/lib/etcd", "--listen-client-urls", "http://0.0.0.0:2379", "--advertise-client-urls", "http://127.0.0.1:2379", "--log-level", "debug"]
          ports:
          - name: client
            containerPort: 2379
          livenessProbe:
            grpc:
              port: client
            initialDelaySeconds: 10
      """
    And the error output should contain "GRPCAction.spec.containers.livenessProbe.grpc.port of type int32"
    And the error output should contain 'Pod in version "v1" cannot be handled as a Pod'

  Scenario: Container names are required and unique
    Then applying the manifest should fail with 'The Pod "nameless" is invalid: spec.containers[0].name: Required value':
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: nameless
      spec:
        containers:
        - image: nginx:1.27
      """
    And applying the manifest should fail with 'The Pod "twins" is invalid: spec.containers[1].name: Duplicate value: "app"':
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: twins
      spec:
        containers:
        - name: app
          image: nginx:1.27
        - name: app
          image: busybox:1.36
          command: ["sleep", "3600"]
      """

  Scenario: Port names are unique within a container
    Then applying the manifest should fail with 'The Pod "ports" is invalid: spec.containers[0].ports[1].name: Duplicate value: "http"':
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: ports
      spec:
        containers:
        - name: app
          image: nginx:1.27
          ports:
          - name: http
            containerPort: 80
          - name: http
            containerPort: 8080
      """

  Scenario: A quantity that is not a quantity
    Then applying the manifest should fail with "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: greedy
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: lots
      """
    And the error output should contain 'Pod in version "v1" cannot be handled as a Pod'

  Scenario: Requests may not exceed limits
    The API server names the field `requests`, without the resource (ValidateResourceRequirements
    uses the path of the whole map), and says which limit it broke. It reports each resource in
    Go's map order, which is random: the two lines may come in either order.

    Then applying the manifest should fail with 'The Pod "upside-down" is invalid':
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: upside-down
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: "2"
              memory: 200Mi
            limits:
              cpu: "1"
              memory: 100Mi
      """
    And the error output should contain 'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'
    And the error output should contain 'spec.containers[0].resources.requests: Invalid value: "200Mi": must be less than or equal to memory limit of 100Mi'

  Scenario: An image reference that is not valid syntax is InvalidImageName
    The API server only checks that the image is not empty; the kubelet cannot parse the
    reference and never pulls it.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: bad-image
      spec:
        containers:
        - name: app
          image: NGINX:1.27
      """
    And 1 minute passes
    Then pod "bad-image" should be in phase Pending
    And the status of pod "bad-image" should be "InvalidImageName"
    And container "app" of pod "bad-image" should be Waiting with reason "InvalidImageName"
    And container "app" of pod "bad-image" should have restarted 0 times
    And the events of pod "bad-image" should include:
      | type    | reason        | message                                                                                                                             | at |
      | Warning | InspectFailed | Failed to apply default image tag "NGINX:1.27": couldn't parse image name "NGINX:1.27": invalid reference format: repository name (library/NGINX) must be lowercase | 0s |
      | Warning | Failed        | Error: InvalidImageName                                                                                                             | 0s |
    When I run "kubectl get pod bad-image"
    Then the output should be:
      """
      NAME        READY   STATUS             RESTARTS   AGE
      bad-image   0/1     InvalidImageName   0          60s
      """
    When I run "kubectl get events --field-selector reason=Pulling"
    Then the error output should contain "No resources found in default namespace."

  Scenario: An image reference with two tags is InvalidImageName too
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: two-tags
      spec:
        containers:
        - name: app
          image: nginx:1.27:latest
      """
    Then container "app" of pod "two-tags" should be Waiting with reason "InvalidImageName"
    When I run "kubectl get pod two-tags -o jsonpath={.status.containerStatuses[0].state.waiting.message}"
    Then the output should be:
      """
      Failed to apply default image tag "nginx:1.27:latest": couldn't parse image name "nginx:1.27:latest": invalid reference format
      """

  Scenario: An image with white space around it is rejected by the API server
    Then applying the manifest should fail with 'The Pod "spaced" is invalid: spec.containers[0].image: Invalid value: " nginx:1.27": must not have leading or trailing whitespace':
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: spaced
      spec:
        containers:
        - name: app
          image: " nginx:1.27"
      """

  Scenario: An image behaviour with an unknown key or a bad duration is refused before time passes
    Then declaring the image "example.com/app:1" should fail with "unknown key \"ports\"":
      """
      ports: [8080]
      """
    And declaring the image "example.com/app:1" should fail with "\"soon\" is not a duration":
      """
      listen: [8080]
      exit:
        after: soon
        code: 1
      """
