Feature: kubectl run
  `kubectl run NAME --image=IMAGE` creates a bare pod: labelled `run=NAME`, one container named
  NAME, restart policy Always unless --restart says otherwise, the words after `--` as the
  container's args (its command with --command), and prints `pod/NAME created`
  (k8s.io/kubectl/pkg/cmd/run, v1.33).

  With -i, -t or --attach kubectl waits (at most --pod-running-timeout, 1m) for the pod to run
  and attaches to it; --rm deletes the pod afterwards and --restart=Never makes kubectl exit with
  the container's exit code. kubesim has no terminal: it plays a user at one who types nothing,
  in simulated time. The container's output is printed as it is produced, the prompt hint goes to
  stderr, and a container that does not end within --pod-running-timeout of attached time is
  left running (kubesim says so on stderr).

  Background:
    Given a cluster

  Scenario: The docs' example: run nginx
    When I run "kubectl run nginx --image=nginx --restart=Never"
    Then the output should be:
      """
      pod/nginx created
      """
    And pod "nginx" should be in phase Running
    When I run "kubectl get pod nginx -o jsonpath={.metadata.labels.run}/{.spec.containers[0].name}/{.spec.restartPolicy}"
    Then the output should be:
      """
      nginx/nginx/Never
      """

  Scenario: Arguments, a command, labels, a port and environment variables
    When I run "kubectl run hazelcast --image=hazelcast/hazelcast --port=5701 --env=DNS_DOMAIN=cluster --labels=app=hazelcast,env=prod"
    And I run "kubectl get pod hazelcast -o jsonpath={.metadata.labels}{.spec.containers[0].ports}{.spec.containers[0].env}"
    Then the output should be:
      """
      {"app":"hazelcast","env":"prod"}[{"containerPort":5701,"protocol":"TCP"}][{"name":"DNS_DOMAIN","value":"cluster"}]
      """
    When I run "kubectl run once --image=busybox --restart=Never --command -- sh -c 'echo hello from once'"
    Then pod "once" should be in phase Succeeded
    When I run "kubectl logs once"
    Then the output should be:
      """
      hello from once
      """

  Scenario: A client-side dry run prints the pod kubectl would send
    When I run "kubectl run nginx --image=nginx --dry-run=client -o yaml"
    Then the output should be:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        creationTimestamp: null
        labels:
          run: nginx
        name: nginx
      spec:
        containers:
        - image: nginx
          name: nginx
          resources: {}
        dnsPolicy: ClusterFirst
        restartPolicy: Always
      status: {}
      """
    When I run "kubectl get pods"
    Then the error output should contain "No resources found in default namespace."

  Scenario: The docs' DNS check: an interactive pod that is removed when it exits
    When I run "kubectl run dns-test --rm -it --restart=Never --image=busybox:1.28 -- nslookup kubernetes.default"
    Then the command should succeed
    And the output should contain "Name:      kubernetes.default"
    And the output should contain:
      """
      pod "dns-test" deleted
      """
    And the error output should contain "If you don't see a command prompt, try pressing enter."
    When I run "kubectl get pods"
    Then the error output should contain "No resources found in default namespace."

  Scenario: kubectl run -i returns the container's exit code
    When I run "kubectl run fail --rm -i --restart=Never --image=busybox -- sh -c 'echo about to fail; exit 3'"
    Then the command should fail with "pod default/fail terminated (Error)"
    And the output should be:
      """
      about to fail
      pod "fail" deleted
      """

  Scenario: Mistakes kubectl catches
    When I run "kubectl run web"
    Then the command should fail with 'error: required flag(s) "image" not set'
    When I run "kubectl run web --image="
    Then the command should fail with "error: --image is required"
    When I run "kubectl run web --image=NGINX"
    Then the command should fail with 'error: Invalid image name "NGINX": invalid reference format'
    When I run "kubectl run web --image=nginx --restart=Sometimes"
    Then the command should fail with "error: invalid restart policy: Sometimes"
    When I run "kubectl run web --image=nginx --rm"
    Then the command should fail with "error: --rm should only be used for attached containers"
    When I run "kubectl run Web --image=nginx"
    Then the command should fail with 'The Pod "Web" is invalid'
    When I run "kubectl run web --image=nginx"
    And I run "kubectl run web --image=nginx"
    Then the command should fail with 'Error from server (AlreadyExists): pods "web" already exists'
