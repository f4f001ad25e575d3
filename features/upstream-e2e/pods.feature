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
