Feature: A container's command replaces a server image's ENTRYPOINT
  nginx, httpd and agnhost run their server only when the container's argv starts it. A
  `command` replaces the image's ENTRYPOINT (and drops its CMD), so `/bin/sh -c "sleep 5"` runs the
  shell of the image's userland (Debian's dash for nginx and httpd, busybox's ash for their alpine
  images and the e2e test images, ash or bash for agnhost) and the container ends with it. `args`
  that name the server (`nginx -g 'daemon off;'`) still serve, and a script that ends by exec'ing
  the server serves too.

  Background:
    Given a cluster

  # From /work/notes/e2e-bugs/pods.feature (upstream test/e2e/common/node/pods.go images).
  Scenario Outline: a shell command override runs in <image>
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: c
          image: <image>
          command: ["/bin/sh", "-c", "sleep 5"]
      """
    And 30 seconds pass
    Then container "c" of pod "p" should have restarted 2 times
    Examples:
      | image                                          |
      | nginx:1.27                                     |
      | registry.k8s.io/e2e-test-images/nginx:1.14-4   |
      | registry.k8s.io/e2e-test-images/httpd:2.4.38-4 |
      | registry.k8s.io/e2e-test-images/agnhost:2.53   |

  Scenario: args that run nginx itself still serve; a one-shot nginx command prints and exits
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        restartPolicy: Never
        containers:
        - name: web
          image: nginx:1.27
          args: ["nginx", "-g", "daemon off;"]
        - name: version
          image: nginx:1.27
          command: ["nginx", "-v"]
      """
    And 3 seconds pass
    When I run "kubectl logs p -c web"
    Then the output should contain "start worker process"
    When I run "kubectl logs p -c version"
    Then the output should be:
      """
      nginx version: nginx/1.27.5
      """
    And container "version" of pod "p" should be Terminated with reason "Completed"

  Scenario: a script that ends by exec'ing nginx runs, then serves
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: c
          image: nginx:1.27
          command: ["/bin/sh", "-c", "echo hello > /usr/share/nginx/html/index.html && exec nginx -g 'daemon off;'"]
      """
    And 30 seconds pass
    Then container "c" of pod "p" should have restarted 0 times
    When I run "kubectl logs p"
    Then the output should contain "start worker process"
    When I run "kubectl exec p -- cat /usr/share/nginx/html/index.html"
    Then the output should be:
      """
      hello
      """

  Scenario: Debian's dash runs an nginx command override; it has no wget
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        restartPolicy: Never
        containers:
        - name: c
          image: nginx:1.27
          command: ["/bin/sh", "-c", "wget -q http://example.com/"]
      """
    And 2 seconds pass
    When I run "kubectl logs p"
    Then the output should be:
      """
      /bin/sh: 1: wget: not found
      """
    And container "c" of pod "p" should be Terminated with reason "Error"

  Scenario: radial/busyboxplus:curl runs its args as busybox does (nslookup from a kubectl run pod)
    From /work/notes/docs-bugs-2/busyboxplus-image.feature (older revisions of
    tutorials/services/connect-applications-service). busyboxplus is busybox 1.22 with curl,
    CMD ["/bin/sh"]; kubesim has no curl.
    When I run "kubectl create deployment my-nginx --image=nginx --replicas=2 --port=80"
    And I run "kubectl expose deployment/my-nginx"
    And I run "kubectl run curl --image=radial/busyboxplus:curl -i --tty --rm --restart=Never -- nslookup my-nginx"
    Then the output should contain "my-nginx"
    And the output should contain "10.96.0.10"
