Feature: Recreate Deployment (docs: concepts/workloads/controllers/deployment "Recreate Deployment")
  "All existing Pods are killed before new ones are created when .spec.strategy.type==Recreate."
  Upstream (pkg/controller/deployment/recreate.go) waits until no old pod is running any more.

  Scenario: Recreate waits until the old pods are gone (a shell ignoring SIGTERM takes the 30 s grace period)
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: slow
      spec:
        replicas: 2
        strategy:
          type: Recreate
        selector:
          matchLabels: {app: slow}
        template:
          metadata:
            labels: {app: slow}
          spec:
            containers:
            - name: c
              image: busybox
              command: ["sh", "-c", "sleep 3600"]
      """
    And I wait until deployment "slow" is rolled out
    And I run "kubectl set image deployment/slow c=busybox:1.36"
    And 29 seconds pass
    Then deployment "slow" should have 0 running pods
    And the events of deployment "slow" should include:
      | type   | reason            | message     | at  |
      | Normal | ScalingReplicaSet | from 2 to 0 | 0s  |
    When 2 seconds pass
    Then the events of deployment "slow" should include:
      | type   | reason            | message     | at  |
      | Normal | ScalingReplicaSet | from 0 to 2 | 30s |
