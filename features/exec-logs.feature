Feature: Container logs and commands run in containers
  What a container prints is kept per container instance with its time, and `kubectl logs` reads
  it as a real cluster shows it; `kubectl exec` and exec probes run in the container's own shell
  and file system. busybox containers run their command in kubesim's POSIX-sh interpreter (see
  the README and docs/images.md).

  Background:
    Given a cluster

  Scenario: kubectl logs shows what a busybox loop prints, with its times
    The counter from the Kubernetes docs (concepts/cluster-administration/logging): one line a
    second, the first as the container starts.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: counter
      spec:
        containers:
        - name: count
          image: busybox:1.28
          args: [/bin/sh, -c, 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done']
      """
    And 3 seconds pass
    And I run "kubectl logs counter"
    Then the output should be:
      """
      0: Wed Jan  1 00:00:00 UTC 2025
      1: Wed Jan  1 00:00:01 UTC 2025
      2: Wed Jan  1 00:00:02 UTC 2025
      3: Wed Jan  1 00:00:03 UTC 2025
      """
    When I run "kubectl logs counter --tail=1 --timestamps"
    Then the output should be:
      """
      2025-01-01T00:00:03.000000000Z 3: Wed Jan  1 00:00:03 UTC 2025
      """
    When I run "kubectl logs counter -f"
    Then the command should fail with "kubesim does not simulate \"kubectl logs -f\""
    When I run "kubectl logs counter --previous"
    Then the command should fail with "previous terminated container \"count\" in pod \"counter\" not found"

  Scenario: The log of the previous instance survives a restart
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: flaky
      spec:
        containers:
        - name: app
          image: busybox
          command: ["sh", "-c", "echo starting; sleep 5; echo 'giving up' >&2; exit 1"]
      """
    And 6 seconds pass
    Then container "app" of pod "flaky" should have restarted 1 time
    When I run "kubectl logs flaky --previous"
    Then the output should be:
      """
      starting
      giving up
      """
    When I run "kubectl logs flaky"
    Then the output should be:
      """
      starting
      """

  Scenario: kubectl exec runs cat and ls in the container's file system
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: notes
      spec:
        containers:
        - name: shell
          image: busybox
          command: ["sh", "-c", "mkdir -p /data && echo 'hello from the pod' > /data/note.txt && sleep 3600"]
      """
    And I run "kubectl exec notes -- cat /data/note.txt"
    Then the output should be:
      """
      hello from the pod
      """
    When I run "kubectl exec notes -- ls /data"
    Then the output should be:
      """
      note.txt
      """
    When I run "kubectl exec notes -- cat /data/missing.txt"
    Then the command should fail with "command terminated with exit code 1"
    And the error output should contain "cat: can't open '/data/missing.txt': No such file or directory"
    When I run "kubectl exec notes -- sh -c 'echo $HOSTNAME'"
    Then the output should be:
      """
      notes
      """

  Scenario: The docs' exec liveness probe fails once the file is gone, and the container restarts
    The file exists for 30 seconds: `kubectl exec` sees it until then, the probes at 35, 40 and
    45 seconds fail with cat's message, the third failure kills the container. The shell as PID 1
    ignores SIGTERM, so it dies when the 30-second grace period ends and starts again at once.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: liveness-exec
      spec:
        containers:
        - name: liveness
          image: registry.k8s.io/busybox
          args:
          - /bin/sh
          - -c
          - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
          livenessProbe:
            exec:
              command:
              - cat
              - /tmp/healthy
            initialDelaySeconds: 5
            periodSeconds: 5
      """
    And 10 seconds pass
    And I run "kubectl exec liveness-exec -- ls /tmp"
    Then the output should be:
      """
      healthy
      """
    When 21 seconds pass
    And I run "kubectl exec liveness-exec -- cat /tmp/healthy"
    Then the command should fail with "command terminated with exit code 1"
    When 19 seconds pass
    Then the events of pod "liveness-exec" should include:
      | type    | reason    | message                                                                          | at  |
      | Normal  | Started   | Started container liveness                                                       | 0s  |
      | Warning | Unhealthy | Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory | 35s |
      | Warning | Unhealthy | Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory | 40s |
      | Warning | Unhealthy | Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory | 45s |
      | Normal  | Killing   | Container liveness failed liveness probe, will be restarted                      | 45s |
    When 40 seconds pass
    Then container "liveness" of pod "liveness-exec" should have started at:
      | at    |
      | 0s    |
      | 1m15s |
    When I run "kubectl exec liveness-exec -- ls /tmp"
    Then the output should be:
      """
      healthy
      """

  Scenario: A sidecar reaches its neighbour on localhost
    Containers of a pod share its network: busybox's wget reaches nginx at localhost.

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
          ports:
          - containerPort: 80
        - name: sidecar
          image: busybox:1.36
          command: ["sh", "-c", "while true; do wget -qO- http://localhost/ | grep title; sleep 10; done"]
      """
    And 1 second passes
    And I run "kubectl logs web -c sidecar"
    Then the output should be:
      """
      <title>Welcome to nginx!</title>
      """
    When I run "kubectl exec web -c sidecar -- wget -O- http://localhost:80/nope"
    Then the command should fail with "command terminated with exit code 1"
    And the error output should contain "wget: server returned error: HTTP/1.1 404 Not Found"
    When I run "kubectl logs web -c nginx --tail=2"
    Then the output should contain "[notice] 1#1: start worker process"

  Scenario: A second container that binds a port already taken in the pod fails
    Both containers want port 80 of the pod's one network namespace: the second nginx retries
    bind() for 2.5 seconds, exits 1 and is restarted with back-off.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: clash
      spec:
        containers:
        - name: first
          image: nginx:1.25
        - name: second
          image: nginx:1.25
      """
    And 10 seconds pass
    Then the status of pod "clash" should be "CrashLoopBackOff"
    And container "first" of pod "clash" should be Running
    And container "second" of pod "clash" should be Waiting with reason "CrashLoopBackOff"
    And container "second" of pod "clash" should have started at:
      | at   |
      | 0s   |
      | 2.5s |
    When I run "kubectl logs clash -c second --previous --tail=2"
    Then the output should be:
      """
      2025/01/01 00:00:05 [emerg] 1#1: still could not bind()
      nginx: [emerg] still could not bind()
      """
    When I run "kubectl logs clash -c second --previous"
    Then the output should contain "nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)"
