Feature: kubectl get -o go-template
  `-o go-template=TEMPLATE` (also `-o template=…`, `-o go-template --template TEMPLATE`, or
  `--template` alone) runs a Go text/template on each object's JSON form, or on a `kind: List` of
  them when several are shown; `-o go-template-file=FILE` reads it from a file. The functions are
  text/template's (index, len, printf, eq, and, …) plus kubectl's `exists` and `base64decode`
  (k8s.io/cli-runtime/pkg/printers/template.go, v1.33). A missing field prints `<no value>`, or
  fails with --allow-missing-template-keys=false.

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

  Scenario: The docs' example: the termination message of a pod's containers
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: termination-demo
      spec:
        containers:
        - name: termination-demo-container
          image: busybox
          command: ["/bin/sh"]
          args: ["-c", "sleep 10 && echo Sleep expired > /dev/termination-log"]
      """
    And 12 seconds pass
    And I run:
      """
      kubectl get pod termination-demo -o go-template="{{range .status.containerStatuses}}{{.lastState.terminated.message}}{{end}}"
      """
    Then the output should be:
      """
      Sleep expired
      """

  Scenario: The docs' example: the node port of a service
    When I run "kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1"
    And I run "kubectl expose deployment/kubernetes-bootcamp --type=NodePort --port 8080"
    And I run "kubectl get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}'"
    # The port the NodePort allocator drew with the scenario's seed.
    Then the output should be:
      """
      30295
      """
    And the node port of service "kubernetes-bootcamp" should be between 30000 and 32767

  Scenario: The docs' examples: a line per pod of the List
    When I run "kubectl run job --image=busybox --restart=Never -- sh -c 'echo done'"
    And I run:
      """
      kubectl get pods -o go-template --template '{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}'
      """
    Then the output should be:
      """
      job
      web
      """
    When I run:
      """
      kubectl get pods -o go-template='{{range .items}}{{.metadata.name}} {{.status.phase}}{{"\n"}}{{end}}'
      """
    Then the output should be:
      """
      job Succeeded
      web Running
      """
    When I run "kubectl get pods --template '{{len .items}} {{.kind}} {{.metadata}}'"
    Then the output should be:
      """
      2 List map[resourceVersion:]
      """

  Scenario: Conditions, variables, printf and missing fields
    When I run:
      """
      kubectl get pod web -o go-template='{{$name := .metadata.name}}{{range $i, $c := .spec.containers}}{{$i}}:{{$c.name}}@{{$name}} {{end}}{{if eq .status.phase "Running"}}up{{else}}down{{end}} {{printf "%5d|%-6s|" (len .spec.containers) .kind}} {{.spec.nope}} {{index .metadata.labels "app"}}'
      """
    Then the output should be:
      """
      0:web@web up     1|Pod   | <no value> web
      """

  Scenario: Mistakes in the template
    When I run "kubectl get pod web -o go-template='{{.metadata.name'"
    Then the command should fail with "error: error parsing template {{.metadata.name, template: output:1: unclosed action"
    When I run "kubectl get pod web -o go-template"
    Then the command should fail with "error: template format specified but no template given"
    When I run "kubectl get pod web -o go-template='{{upper .kind}}'"
    Then the command should fail with "error: error parsing template {{upper .kind}}, template: output:1: function \"upper\" not defined"
    When I run "kubectl get pod web -o go-template='{{.kind}} {{.spec.nope}}' --allow-missing-template-keys=false"
    Then the command should fail with "template: output:1:17: executing \"output\" at <.spec.nope>: map has no entry for key \"nope\""
    And the output should contain:
      """
      Pod Error executing template: template: output:1:17: executing "output" at <.spec.nope>: map has no entry for key "nope". Printing more information for debugging the template:
      	template was:
      		{{.kind}} {{.spec.nope}}
      """
