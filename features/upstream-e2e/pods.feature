Feature: Pods (upstream test/e2e/common/node/pods.go): restart back-off
  getRestartDelay measures a restart's delay as the new instance's startedAt minus the previous
  instance's finishedAt. The container runs `sleep 5` and exits 0; restartPolicy Always.

  Background:
    Given a cluster

  Scenario: should cap back-off at MaxContainerBackOff
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: back-off-cap
        labels:
          test: liveness
      spec:
        containers:
        - name: back-off-cap
          image: registry.k8s.io/e2e-test-images/busybox:1.36.1-1
          command: ["/bin/sh", "-c", "sleep 5", "/crash/missing"]
      """
    And 20 minutes pass
    Then container "back-off-cap" of pod "back-off-cap" should have started at:
      | at     |
      | 0s     |
      | 5s     |
      | 20s    |
      | 45s    |
      | 1m30s  |
      | 2m55s  |
      | 5m40s  |
      | 10m45s |
      | 15m50s |
    And the status of pod "back-off-cap" should be "CrashLoopBackOff"
    And container "back-off-cap" of pod "back-off-cap" should be Waiting with reason "CrashLoopBackOff"
    And the events of pod "back-off-cap" should include:
      | type    | reason  | message                                                                       |
      | Warning | BackOff | Back-off restarting failed container back-off-cap in pod back-off-cap_default |

  # pkg/kubelet/kuberuntime/helpers.go getStableKey = name_namespace_uid_container_hash: a new
  # image (a new hash) starts with no back-off.
  Scenario: should have their auto-restart back-off timer reset on image update
    Delays before the update: 10, 20, 40, 80, 160 s. Changing the image changes the container's
    hash, so the kubelet keys a fresh back-off entry: the first delay after the update is 0 and
    the next 10 s, far below twice the last delay.
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: back-off-image
        labels:
          test: back-off-image
      spec:
        containers:
        - name: back-off-image
          image: registry.k8s.io/e2e-test-images/busybox:1.36.1-1
          command: ["/bin/sh", "-c", "sleep 5", "/crash/missing"]
      """
    And 341 seconds pass
    Then container "back-off-image" of pod "back-off-image" should have started at:
      | at    |
      | 0s    |
      | 5s    |
      | 20s   |
      | 45s   |
      | 1m30s |
      | 2m55s |
      | 5m40s |
    When I run "kubectl set image pod/back-off-image back-off-image=docker.io/library/nginx:1.27"
    Then the command should succeed
    When 30 seconds pass
    Then container "back-off-image" of pod "back-off-image" should have started at:
      | at    |
      | 0s    |
      | 5s    |
      | 20s   |
      | 45s   |
      | 1m30s |
      | 2m55s |
      | 5m40s |
      | 5m45s |
      | 6m    |

  # containerStatuses[].allocatedResources needs InPlacePodVerticalScalingAllocatedStatus, Deprecated
  # and off by default in v1.33 (pkg/features/kube_features.go): `resources:` only
  # (docs: tasks/debug/debug-application/debug-running-pod).
  Scenario: get pod -o yaml has no allocatedResources in the container status
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
      spec:
        containers:
        - name: nginx
          image: nginx
          resources:
            limits:
              memory: "128Mi"
              cpu: "500m"
      """
    And I run "kubectl get pod nginx -o yaml"
    Then the output should contain:
      """
        containerStatuses:
        - containerID: containerd://
      """
    And the output should not contain "allocatedResources"
