Feature: Base images run their command, and nginx obeys its signals
  debian, ubuntu, bash, centos and fedora are a distribution's userland with nothing running: a
  container of one runs its `command`/`args` over the image's ENTRYPOINT and CMD (debian: CMD
  ["bash"]; ubuntu, centos, fedora: CMD ["/bin/bash"]; bash: ENTRYPOINT ["docker-entrypoint.sh"],
  CMD ["bash"]) in kubesim's POSIX-sh interpreter, and ends when the command ends. Debian's /bin/sh
  is dash and its image has no wget, ps or killall. nginx's master process quits gracefully on
  `nginx -s quit` (SIGQUIT) and fast on `nginx -s stop` (SIGTERM), so its container ends; busybox's
  `killall` finds processes by name.

  Background:
    Given a cluster

  Scenario: commands.yaml prints HOSTNAME and KUBERNETES_PORT and completes
    tasks/inject-data-application/define-command-argument-container (pods/commands.yaml).

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: command-demo
        labels:
          purpose: demonstrate-command
      spec:
        containers:
        - name: command-demo-container
          image: debian
          command: ["printenv"]
          args: ["HOSTNAME", "KUBERNETES_PORT"]
        restartPolicy: OnFailure
      """
    And 5 seconds pass
    And I run "kubectl logs command-demo"
    Then the output should be:
      """
      command-demo
      tcp://10.96.0.1:443
      """
    And pod "command-demo" should be in phase Succeeded
    And the status of pod "command-demo" should be "Completed"

  Scenario: print-greeting echoes the message the kubelet expanded
    tasks/inject-data-application/define-environment-variable-container (the bash image).

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: print-greeting
      spec:
        containers:
        - name: env-print-demo
          image: bash
          env:
          - name: GREETING
            value: "Warm greetings to"
          - name: HONORIFIC
            value: "The Most Honorable"
          - name: NAME
            value: "Kubernetes"
          - name: MESSAGE
            value: "$(GREETING) $(HONORIFIC) $(NAME)"
          command: ["echo"]
          args: ["$(MESSAGE)"]
      """
    And 1 second passes
    And I run "kubectl logs print-greeting"
    Then the output should be:
      """
      Warm greetings to The Most Honorable Kubernetes
      """

  Scenario: The bash image's entrypoint hands options to bash
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: bash-args
      spec:
        restartPolicy: Never
        containers:
        - name: c
          image: bash:5.2
          args: ["-c", "echo hello from $0; nope"]
      """
    And 1 second passes
    And I run "kubectl logs bash-args"
    Then the output should be:
      """
      hello from bash
      bash: line 1: nope: command not found
      """
    And the status of pod "bash-args" should be "Error"

  Scenario: debian without a command runs bash with no terminal: it exits at once, again and again
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: debian
      spec:
        containers:
        - name: debian
          image: debian
      """
    And 15 seconds pass
    Then the status of pod "debian" should be "CrashLoopBackOff"
    And container "debian" of pod "debian" should be Waiting with reason "CrashLoopBackOff"

  Scenario: ubuntu with stdin open keeps bash waiting
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: ubuntu
      spec:
        containers:
        - name: ubuntu
          image: ubuntu:24.04
          stdin: true
      """
    And 1 minute passes
    Then the status of pod "ubuntu" should be "Running"
    When I run "kubectl exec ubuntu -- cat /etc/os-release"
    Then the output should contain 'PRETTY_NAME="Ubuntu 24.04.2 LTS"'

  Scenario: Debian's tools: dash's words for a missing command, no wget, no ps
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: deb
      spec:
        containers:
        - name: deb
          image: debian:bookworm
          command: ["sleep", "infinity"]
      """
    And I wait until pod "deb" is ready
    And I run "kubectl exec deb -- sh -c 'wget -qO- http://example.com/'"
    Then the command should fail with "sh: 1: wget: not found"
    And the error output should contain "command terminated with exit code 127"
    When I run "kubectl exec deb -- bash -c 'nope'"
    Then the command should fail with "bash: line 1: nope: command not found"
    When I run "kubectl exec deb -- ps"
    Then the command should fail with 'exec: "ps": executable file not found in $PATH: unknown'
    When I run "kubectl exec deb -- sh -c 'printenv HOSTNAME | tr a-z A-Z'"
    Then the output should be:
      """
      DEB
      """

  Scenario: CentOS's sh is bash 4
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: centos
      spec:
        restartPolicy: Never
        containers:
        - name: centos
          image: centos:7
          command: ["sh", "-c", "nope"]
      """
    And 1 second passes
    And I run "kubectl logs centos"
    Then the output should be:
      """
      sh: nope: command not found
      """

  Scenario: python is not simulated: it runs for ever, whatever its command
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: py
      spec:
        containers:
        - name: py
          image: python:3.12
          command: ["python", "-c", "print('hi')"]
      """
    And 1 minute passes
    Then the status of pod "py" should be "Running"

  Scenario: nginx -s quit ends the master gracefully; the container is restarted
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.25
      """
    And 5 seconds pass
    And I run "kubectl exec web -- nginx -s quit"
    Then the command should succeed
    And the error output should contain "[notice] 8#8: signal process started"
    When 1 second passes
    Then container "nginx" of pod "web" should have restarted 1 time
    When I run "kubectl logs web --previous --tail=2"
    Then the output should be:
      """
      2025/01/01 00:00:05 [notice] 1#1: worker process 32 exited with code 0
      2025/01/01 00:00:05 [notice] 1#1: exit
      """
    When I run "kubectl logs web --previous"
    Then the output should contain "[notice] 1#1: signal 3 (SIGQUIT) received from 8, shutting down"

  Scenario: nginx -s stop is the fast shutdown
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        restartPolicy: Never
        containers:
        - name: nginx
          image: nginx:1.27
      """
    And 5 seconds pass
    And I run "kubectl exec web -- nginx -s stop"
    And 1 second passes
    Then the status of pod "web" should be "Completed"
    When I run "kubectl logs web"
    Then the output should contain "[notice] 1#1: signal 15 (SIGTERM) received from 8, exiting"

  Scenario: killall finds nginx in the alpine image; the Debian image has no killall
    The docs' preStop hook (pods/lifecycle-events.yaml) runs `nginx -s quit; while killall -0
    nginx; do sleep 1; done`. With the default (Debian) nginx image the loop ends at once, because
    dash prints `/bin/sh: 1: killall: not found`; with nginx:alpine it waits until nginx is gone.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.25
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-alpine
      spec:
        containers:
        - name: nginx
          image: nginx:1.25-alpine
      """
    And 5 seconds pass
    And I run "kubectl exec web-alpine -- killall -0 nginx"
    Then the command should succeed
    When I run "kubectl exec web-alpine -- killall -0 redis"
    Then the command should fail with "killall: redis: no process killed"
    When I run "kubectl exec web -- killall -0 nginx"
    Then the command should fail with 'exec: "killall": executable file not found in $PATH: unknown'
    When I run "kubectl exec web -- /bin/sh -c 'while killall -0 nginx; do sleep 1; done'"
    Then the command should succeed
    And the error output should contain "/bin/sh: 1: killall: not found"

  Scenario: lifecycle-events.yaml on nginx:alpine: the preStop hook waits until nginx has quit
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: lifecycle-demo
      spec:
        containers:
        - name: lifecycle-demo-container
          image: nginx:alpine
          lifecycle:
            postStart:
              exec:
                command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]
            preStop:
              exec:
                command: ["/bin/sh","-c","nginx -s quit; while killall -0 nginx; do sleep 1; done"]
      """
    And 5 seconds pass
    And I run "kubectl delete pod lifecycle-demo --wait=false"
    And 2 seconds pass
    Then the events of pod "lifecycle-demo" should include:
      | type   | reason  | message                                     |
      | Normal | Killing | Stopping container lifecycle-demo-container |
    When I run "kubectl get pod lifecycle-demo"
    Then the command should fail with "pods \"lifecycle-demo\" not found"
