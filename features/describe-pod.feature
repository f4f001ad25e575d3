Feature: kubectl describe pod
  `kubectl describe pod` as the Kubernetes docs show it for their exec liveness pod
  (tasks/configure-pod-container/configure-liveness-readiness-startup-probes, "Define a liveness
  command"): the probe line, the container's state, the pod's conditions and QoS class, and the
  Events table, where kubectl folds repeats of one event into one line: `10s (x3 over 20s)` is
  the age of the last occurrence, the count, and the age of the first.

  kubesim's v1.33 prints From as just `kubelet` (the docs' `kubelet, node01` is from older
  releases) and `Created container: liveness` (the v1.33 wording).

  Background:
    Given a cluster
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        labels:
          test: liveness
        name: liveness-exec
      spec:
        containers:
        - name: liveness
          image: registry.k8s.io/busybox:1.27.2
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

  Scenario: Within 30 seconds no liveness probe has failed yet
    When 11 seconds pass
    And I run "kubectl describe pod liveness-exec"
    Then the output should contain:
      """
          Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3
      """
    And the output should contain:
      """
          State:          Running
            Started:      Wed, 01 Jan 2025 00:00:00 +0000
          Ready:          True
          Restart Count:  0
      """
    And the output should contain "Successfully assigned default/liveness-exec to node-1"
    And the output should contain:
      """
        Normal  Created    11s   kubelet            Created container: liveness
        Normal  Started    11s   kubelet            Started container liveness
      """
    And the output should not contain "Unhealthy"

  Scenario: At the third failure kubectl shows one line for the three
    When 45 seconds pass
    And I run "kubectl describe pod liveness-exec"
    Then the output should contain:
      """
        Warning  Unhealthy  0s (x3 over 10s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
        Normal   Killing    0s                kubelet            Container liveness failed liveness probe, will be restarted
      """

  Scenario: After the third failure the Events table folds the probe failures into one line
    The probes fail at 35, 40 and 45 seconds; at 55 seconds the last one is 10 s old and the
    first 20 s old, as in the docs' output.

    When 55 seconds pass
    And I run "kubectl describe pod liveness-exec"
    Then the output should contain:
      """
      Name:             liveness-exec
      Namespace:        default
      Priority:         0
      Service Account:  default
      Node:             node-1/172.18.0.2
      Start Time:       Wed, 01 Jan 2025 00:00:00 +0000
      Labels:           test=liveness
      Annotations:      <none>
      Status:           Running
      """
    And the output should contain:
      """
          Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3
      """
    And the output should contain:
      """
      Conditions:
        Type                        Status
        PodReadyToStartContainers   True
        Initialized                 True
      """
    And the output should contain:
      """
      Events:
        Type     Reason     Age                From               Message
        ----     ------     ----               ----               -------
        Normal   Scheduled  55s                default-scheduler  Successfully assigned default/liveness-exec to node-1
        Normal   Pulling    55s                kubelet            Pulling image "registry.k8s.io/busybox:1.27.2"
      """
    And the output should contain:
      """
        Normal   Created    55s                kubelet            Created container: liveness
        Normal   Started    55s                kubelet            Started container liveness
        Warning  Unhealthy  10s (x3 over 20s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
        Normal   Killing    10s                kubelet            Container liveness failed liveness probe, will be restarted
      """
    And the events of pod "liveness-exec" should include:
      | type    | reason    | message               | at  |
      | Warning | Unhealthy | Liveness probe failed | 35s |
      | Warning | Unhealthy | Liveness probe failed | 40s |
      | Warning | Unhealthy | Liveness probe failed | 45s |
      | Normal  | Killing   | Container liveness    | 45s |
    And the QoS class of pod "liveness-exec" should be BestEffort

  Scenario: After the restart the last state and the restart count show the killed instance
    The shell ignores SIGTERM: it is killed when the 30-second grace period ends, at 75 s, with
    exit code 137, and started again at once; the image is already on the node. kubectl sorts the
    events by their last time only, keeping the API's order (by name, so by creation) for equal
    times: the Created and Started events, first created at 0 s and counted again at 75 s, come
    before the Pulled event created at 75 s.

    When 80 seconds pass
    And I run "kubectl describe pod liveness-exec"
    Then the output should contain:
      """
          State:          Running
            Started:      Wed, 01 Jan 2025 00:01:15 +0000
          Last State:     Terminated
            Reason:       Error
            Exit Code:    137
            Started:      Wed, 01 Jan 2025 00:00:00 +0000
            Finished:     Wed, 01 Jan 2025 00:01:15 +0000
          Ready:          True
          Restart Count:  1
      """
    And the output should contain:
      """
        Warning  Unhealthy  35s (x3 over 45s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
        Normal   Killing    35s                kubelet            Container liveness failed liveness probe, will be restarted
        Normal   Created    5s (x2 over 80s)   kubelet            Created container: liveness
        Normal   Started    5s (x2 over 80s)   kubelet            Started container liveness
        Normal   Pulled     5s                 kubelet            Container image "registry.k8s.io/busybox:1.27.2" already present on machine
      """
    When I run "kubectl get pod liveness-exec"
    Then the output should be:
      """
      NAME            READY   STATUS    RESTARTS     AGE
      liveness-exec   1/1     Running   1 (5s ago)   80s
      """

  Scenario: A pod that cannot be scheduled has no node, one condition and a FailedScheduling event
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: too-big
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: "16"
      """
    And 5 seconds pass
    And I run "kubectl describe pod too-big"
    Then the output should contain:
      """
      Node:             <none>
      """
    And the output should contain:
      """
      Status:           Pending
      """
    And the output should contain:
      """
      Conditions:
        Type           Status
        PodScheduled   False
      """
    And the QoS class of pod "too-big" should be Burstable
    And the output should contain:
      """
        Warning  FailedScheduling  5s    default-scheduler  0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..
      """

  Scenario: The service account's token is mounted into every container, and shown as a volume
    The ServiceAccount admission plugin adds the projected volume kube-api-access-<5 random
    characters> and mounts it read-only in every container (automountServiceAccountToken
    defaults to true). The QoS Class line is aligned with the volume's fields.

    When 5 seconds pass
    And I run "kubectl describe pod liveness-exec"
    Then the output should contain "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-"
    And the output should contain:
      """
          Type:                    Projected (a volume that contains injected data from multiple sources)
          TokenExpirationSeconds:  3607
      """
    And the output should contain:
      """
      QoS Class:                   BestEffort
      Node-Selectors:              <none>
      Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                   node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
      """
