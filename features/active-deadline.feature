Feature: A pod's activeDeadlineSeconds
  spec.activeDeadlineSeconds is how long a pod may be active on its node, counted from its
  status.startTime (when the kubelet admitted it), init containers, image pulls and restart
  back-off included (Kubernetes docs, api reference PodSpec; concepts/workloads/pods/init-containers).
  When it has passed, the kubelet's active deadline handler (pkg/kubelet/active_deadline.go) fails
  the pod: generateAPIPodStatus sets phase Failed, reason DeadlineExceeded and the message "Pod
  was active on the node longer than the specified deadline", and records a Normal event with
  that reason and message each time it runs (SyncPod, SyncTerminatingPod twice, SyncTerminatedPod:
  four times in all). The pod worker then stops the containers with the pod's own grace period
  (terminationGracePeriodSeconds, 30 s by default), restarts nothing, and reports the pod Failed
  once they have stopped (until then the status manager keeps the old phase, but the pod is no
  longer Ready). Containers that never ran, or were waiting to be restarted, are reported
  terminated with ContainerStatusUnknown (TerminatePod).

  `kubectl get pods` prints status.reason only when no container status has a reason of its own,
  so after the deadline its STATUS column shows the last container's end: Completed for nginx,
  which exits 0 on SIGTERM, Error for a process killed by SIGKILL. `-o jsonpath={.status.reason}`
  shows DeadlineExceeded. kubesim acts at the deadline itself, where the kubelet's sync loop looks
  once a second.

  Background:
    Given a cluster

  Scenario: The kubelet fails a pod at its active deadline and stops its containers
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: deadline
      spec:
        activeDeadlineSeconds: 30
        containers:
        - name: c
          image: nginx:1.25
      """
    And 29 seconds pass
    Then pod "deadline" should be in phase Running
    And pod "deadline" should be ready
    When 1 second passes
    Then pod "deadline" should be in phase Failed
    And pod "deadline" should not be ready
    And container "c" of pod "deadline" should be Terminated with reason "Completed"
    And the status of pod "deadline" should be "Completed"
    And the events of pod "deadline" should include:
      | type   | reason           | message                                                       | at  |
      | Normal | Started          | Started container c                                           | 0s  |
      | Normal | DeadlineExceeded | Pod was active on the node longer than the specified deadline | 30s |
      | Normal | Killing          | Stopping container c                                          | 30s |
    When I run:
      """
      kubectl get pod deadline -o jsonpath='{.status.phase}/{.status.reason}: {.status.message}'
      """
    Then the output should be:
      """
      Failed/DeadlineExceeded: Pod was active on the node longer than the specified deadline
      """
    When 5 minutes pass
    Then container "c" of pod "deadline" should have restarted 0 times
    And container "c" of pod "deadline" should have started at:
      | at |
      | 0s |
    When I run "kubectl get pod deadline"
    Then the output should be:
      """
      NAME       READY   STATUS      RESTARTS   AGE
      deadline   0/1     Completed   0          5m30s
      """

  Scenario: The containers get the pod's grace period; the pod is Failed once they have stopped
    A shell running as PID 1 ignores SIGTERM: it is killed when the 10 s grace period ends (exit
    137). Until then the pod keeps its phase but is no longer ready; the handler's event is
    recorded twice at the deadline and twice when the containers have stopped.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow
      spec:
        activeDeadlineSeconds: 20
        terminationGracePeriodSeconds: 10
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "sleep 3600"]
      """
    And 20 seconds pass
    Then pod "slow" should be in phase Running
    And pod "slow" should not be ready
    And container "main" of pod "slow" should be Running
    When I run:
      """
      kubectl get pod slow -o jsonpath='{.status.conditions[?(@.type=="Ready")].reason}'
      """
    Then the output should be:
      """
      PodFailed
      """
    When 9 seconds pass
    Then pod "slow" should be in phase Running
    When 1 second passes
    Then pod "slow" should be in phase Failed
    And container "main" of pod "slow" should be Terminated with reason "Error"
    And the status of pod "slow" should be "Error"
    And the events of pod "slow" should include:
      | type   | reason           | message                                                       | at  |
      | Normal | DeadlineExceeded | Pod was active on the node longer than the specified deadline | 20s |
      | Normal | DeadlineExceeded | Pod was active on the node longer than the specified deadline | 20s |
      | Normal | Killing          | Stopping container main                                       | 20s |
      | Normal | DeadlineExceeded | Pod was active on the node longer than the specified deadline | 30s |
      | Normal | DeadlineExceeded | Pod was active on the node longer than the specified deadline | 30s |
    When I run "kubectl get pod slow -o jsonpath={.status.containerStatuses[0].state.terminated.exitCode}"
    Then the output should be:
      """
      137
      """

  Scenario: A deadline that passes during an image pull is acted on when the pull is over
    The pod worker's SyncPod waits for the pull, then starts the container; the next sync finds
    the deadline past and stops it.

    Given image pulls take 1 minute
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow-pull
      spec:
        activeDeadlineSeconds: 30
        containers:
        - name: web
          image: nginx:1.25
      """
    And 59 seconds pass
    Then pod "slow-pull" should be in phase Pending
    And the status of pod "slow-pull" should be "ContainerCreating"
    When 1 second passes
    Then pod "slow-pull" should be in phase Failed
    And the events of pod "slow-pull" should include:
      | type   | reason           | message                                                       | at |
      | Normal | Pulling          | Pulling image "nginx:1.25"                                    | 0s |
      | Normal | Pulled           | Successfully pulled image "nginx:1.25"                        | 1m |
      | Normal | Created          | Created container: web                                        | 1m |
      | Normal | Started          | Started container web                                         | 1m |
      | Normal | DeadlineExceeded | Pod was active on the node longer than the specified deadline | 1m |
      | Normal | Killing          | Stopping container web                                        | 1m |

  Scenario: A deadline that passes during image pull back-off fails the pod at once
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: bad-tag
      spec:
        activeDeadlineSeconds: 25
        containers:
        - name: web
          image: nginx:1.161
      """
    And 24 seconds pass
    Then the status of pod "bad-tag" should be "ImagePullBackOff"
    When 1 second passes
    Then pod "bad-tag" should be in phase Failed
    And container "web" of pod "bad-tag" should be Terminated with reason "ContainerStatusUnknown"
    And the status of pod "bad-tag" should be "ContainerStatusUnknown"
    When 2 minutes pass
    Then the events of pod "bad-tag" should include:
      | type   | reason           | message                                                       | at  |
      | Normal | Pulling          | Pulling image "nginx:1.161"                                   | 0s  |
      | Normal | Pulling          | Pulling image "nginx:1.161"                                   | 10s |
      | Normal | DeadlineExceeded | Pod was active on the node longer than the specified deadline | 25s |
    When I run "kubectl get events --field-selector reason=Pulling -o jsonpath={.items[*].count}"
    Then the output should be:
      """
      2
      """
    When I run "kubectl get pod bad-tag -o jsonpath={.status.containerStatuses[0].state.terminated.message}"
    Then the output should be:
      """
      The container could not be located when the pod was terminated
      """

  Scenario: A deadline that passes during crash-loop back-off fails the pod without another restart
    Started at 0, 0 and 10 s, the container waits in CrashLoopBackOff until 30 s; the deadline
    comes first.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: crash
      spec:
        activeDeadlineSeconds: 25
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "exit 1"]
      """
    And 24 seconds pass
    Then the status of pod "crash" should be "CrashLoopBackOff"
    And pod "crash" should be in phase Running
    When 5 minutes pass
    Then pod "crash" should be in phase Failed
    And container "main" of pod "crash" should have started at:
      | at  |
      | 0s  |
      | 0s  |
      | 10s |
    And container "main" of pod "crash" should be Terminated with reason "ContainerStatusUnknown"
    And container "main" of pod "crash" should have restarted 2 times
    When I run "kubectl get pod crash -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}"
    Then the output should be:
      """
      Error/1
      """

  Scenario: With restartPolicy Never a pod stopped at its deadline is Failed even if its containers exit 0
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: batch
      spec:
        restartPolicy: Never
        activeDeadlineSeconds: 10
        containers:
        - name: work
          image: busybox:1.36
          command: ["sh", "-c", "trap 'exit 0' TERM; sleep 60 & wait"]
      """
    And 10 seconds pass
    Then pod "batch" should be in phase Failed
    And container "work" of pod "batch" should be Terminated with reason "Completed"
    And the status of pod "batch" should be "Completed"
    When I run "kubectl get pod batch -o jsonpath={.status.reason}"
    Then the output should be:
      """
      DeadlineExceeded
      """

  Scenario: The deadline includes the time spent in init containers
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: init-slow
      spec:
        activeDeadlineSeconds: 15
        terminationGracePeriodSeconds: 5
        initContainers:
        - name: wait
          image: busybox:1.36
          command: ["sh", "-c", "sleep 3600"]
        containers:
        - name: app
          image: nginx:1.25
      """
    And 15 seconds pass
    Then the status of pod "init-slow" should be "Init:0/1"
    When 5 seconds pass
    Then pod "init-slow" should be in phase Failed
    And the status of pod "init-slow" should be "Init:Error"
    And container "app" of pod "init-slow" should be Waiting with reason "PodInitializing"

  Scenario: Lowering the deadline of a running pod applies at once
    The deadline may be lowered (never raised or removed) on a running pod, as the e2e test
    "should allow activeDeadlineSeconds to be updated" does.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: lowered
      spec:
        activeDeadlineSeconds: 300
        containers:
        - name: web
          image: nginx:1.25
      """
    And 10 seconds pass
    Then pod "lowered" should be in phase Running
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: lowered
      spec:
        activeDeadlineSeconds: 5
        containers:
        - name: web
          image: nginx:1.25
      """
    Then pod "lowered" should be in phase Failed
    When I run "kubectl get pod lowered -o jsonpath={.status.reason}"
    Then the output should be:
      """
      DeadlineExceeded
      """

  Scenario: A Deployment or ReplicaSet cannot give its pods an active deadline
    Applying the manifest should fail with the API server's message (apps validation,
    ValidatePodTemplateSpecForReplicaSet).

    Then applying the manifest should fail with "spec.template.spec.activeDeadlineSeconds: Invalid value: 60: activeDeadlineSeconds in ReplicaSet is not Supported":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            activeDeadlineSeconds: 60
            containers:
            - name: web
              image: nginx:1.25
      """

  Scenario: A ReplicaSet replaces a pod of its own that failed at its deadline
    The ReplicaSet adopts a matching pod that has a deadline; once that pod is Failed it is no
    longer active, and the ReplicaSet creates a new one.

    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: adopted
        labels:
          app: web
      spec:
        activeDeadlineSeconds: 30
        containers:
        - name: web
          image: nginx:1.25
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
              image: nginx:1.25
      """
    And 29 seconds pass
    When I run "kubectl get pods -l app=web -o name"
    Then the output should be:
      """
      pod/adopted
      """
    When I run "kubectl get pod adopted -o jsonpath={.metadata.ownerReferences[0].name}"
    Then the output should be:
      """
      web
      """
    When 1 second passes
    Then pod "adopted" should be in phase Failed
    When I run "kubectl get pods -l app=web --field-selector=status.phase=Running -o name"
    Then the output should contain "pod/web-"
    When I run "kubectl get rs web"
    Then the output should be:
      """
      NAME   DESIRED   CURRENT   READY   AGE
      web    1         1         1       30s
      """
