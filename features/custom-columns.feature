Feature: kubectl get -o custom-columns
  `-o custom-columns=HEADER:PATH,…` prints one column per HEADER:PATH pair, each PATH a JSONPath
  without braces (`.status.phase`; `{.status.phase}` works too), and `<none>` where an object has
  no such field; `-o custom-columns-file=FILE` reads a line of headers and a line of paths
  (k8s.io/kubectl/pkg/cmd/get/customcolumn.go, v1.33). Lists and maps print as Go prints them.

  Background:
    Given a cluster
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
        - name: web
          image: nginx
      """

  Scenario: The docs' example: the IPs of a pod
    When I run "kubectl get pods -o custom-columns=POD_IP:.status.podIPs"
    Then the output should be:
      """
      POD_IP
      [map[ip:10.244.0.2]]
      """

  Scenario: Several columns, aligned, with <none> for a missing field
    When I run "kubectl run job --image=busybox --restart=Never -- sh -c 'echo done'"
    And I run "kubectl get pods -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,NODE:.spec.nodeName,LABELS:.metadata.labels,READY:.status.containerStatuses[*].ready"
    Then the output should be:
      """
      NAME   STATUS      NODE     LABELS         READY
      job    Succeeded   node-2   map[run:job]   false
      web    Running     node-1   map[app:web]   true
      """
    When I run "kubectl get pods -o custom-columns=NAME:metadata.name,OWNER:.metadata.ownerReferences[0].name --no-headers"
    Then the output should be:
      """
      job   <none>
      web   <none>
      """

  Scenario: A list with no objects prints the header alone
    When I run "kubectl get pods -l app=nope -o custom-columns=NAME:.metadata.name"
    Then the output should be:
      """
      NAME
      """

  Scenario: Mistakes in the columns
    When I run "kubectl get pods -o custom-columns=NAME"
    Then the command should fail with "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>"
    When I run "kubectl get pods -o custom-columns=NAME:{.metadata.name"
    Then the command should fail with "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"
    When I run "kubectl get pods -o custom-columns=C:.spec.containers[1].name"
    Then the command should fail with "error: array index out of bounds: index 1, length 1"
    And the output should be:
      """
      C
      """
