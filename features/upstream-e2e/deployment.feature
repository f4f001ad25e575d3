Feature: Deployment (upstream test/e2e/apps/deployment.go)
  WebserverImage is registry.k8s.io/e2e-test-images/httpd:2.4.38-4 (container "httpd"),
  AgnhostImage registry.k8s.io/e2e-test-images/agnhost:2.53 (container "agnhost");
  e2edeployment.NewDeployment sets terminationGracePeriodSeconds 0 and selector = pod labels.

  Background:
    Given a cluster

  Scenario: RollingUpdateDeployment should delete old pods and create new ones (testRollingUpdateDeployment, small revision)
    The deployment adopts the ReplicaSet and takes the revision after the adopted one's. Upstream uses
    revision 3546343826724305832, which kubesim gets wrong (notes/e2e-bugs/deployment.feature).
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: test-rolling-update-controller
        labels:
          name: sample-pod
          pod: httpd
        annotations:
          deployment.kubernetes.io/revision: "41"
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: sample-pod
            pod: httpd
        template:
          metadata:
            labels:
              name: sample-pod
              pod: httpd
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: httpd
              image: registry.k8s.io/e2e-test-images/httpd:2.4.38-4
      """
    And I run "kubectl get pods -l name=sample-pod --no-headers"
    Then the output should contain "Running"
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: test-rolling-update-deployment
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: sample-pod
        strategy:
          type: RollingUpdate
        template:
          metadata:
            labels:
              name: sample-pod
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: agnhost
              image: registry.k8s.io/e2e-test-images/agnhost:2.53
      """
    And I wait until deployment "test-rolling-update-deployment" is rolled out
    When I run:
      """
      kubectl get deployment test-rolling-update-deployment -o 'jsonpath={.metadata.annotations.deployment\.kubernetes\.io/revision}'
      """
    Then the output should be:
      """
      42
      """
    And the replica sets of deployment "test-rolling-update-deployment" should be:
      | revision            | image                                          | replicas |
      | 41 | registry.k8s.io/e2e-test-images/httpd:2.4.38-4 | 0        |
      | 42 | registry.k8s.io/e2e-test-images/agnhost:2.53   | 1        |
    And all pods of deployment "test-rolling-update-deployment" should run image "registry.k8s.io/e2e-test-images/agnhost:2.53"
    When I run "kubectl get rs test-rolling-update-controller -o jsonpath={.metadata.ownerReferences[0].name}"
    Then the output should be:
      """
      test-rolling-update-deployment
      """

  Scenario: RecreateDeployment should delete old pods and create new ones (testRecreateDeployment)
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: test-recreate-deployment
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: sample-pod-3
        strategy:
          type: Recreate
        template:
          metadata:
            labels:
              name: sample-pod-3
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: agnhost
              image: registry.k8s.io/e2e-test-images/agnhost:2.53
      """
    And I wait until deployment "test-recreate-deployment" is rolled out
    Then deployment "test-recreate-deployment" should be at revision 1
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: test-recreate-deployment
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: sample-pod-3
        strategy:
          type: Recreate
        template:
          metadata:
            labels:
              name: sample-pod-3
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: httpd
              image: registry.k8s.io/e2e-test-images/httpd:2.4.38-4
      """
    And I wait until deployment "test-recreate-deployment" is rolled out
    Then deployment "test-recreate-deployment" should never have had more than 1 pods
    And deployment "test-recreate-deployment" should be at revision 2
    And the replica sets of deployment "test-recreate-deployment" should be:
      | revision | image                                          | replicas |
      | 1        | registry.k8s.io/e2e-test-images/agnhost:2.53   | 0        |
      | 2        | registry.k8s.io/e2e-test-images/httpd:2.4.38-4 | 1        |

  Scenario: deployment should delete old replica sets (testDeploymentCleanUpPolicy)
    The adopted ReplicaSet is scaled down and, with revisionHistoryLimit 0, deleted; only one pod
    (the agnhost one) is ever created after the ReplicaSet's own.
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: test-cleanup-controller
        labels:
          name: cleanup-pod
          pod: httpd
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: cleanup-pod
            pod: httpd
        template:
          metadata:
            labels:
              name: cleanup-pod
              pod: httpd
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: httpd
              image: registry.k8s.io/e2e-test-images/httpd:2.4.38-4
      """
    And I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: test-cleanup-deployment
      spec:
        replicas: 1
        revisionHistoryLimit: 0
        selector:
          matchLabels:
            name: cleanup-pod
        template:
          metadata:
            labels:
              name: cleanup-pod
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: agnhost
              image: registry.k8s.io/e2e-test-images/agnhost:2.53
      """
    And I wait until deployment "test-cleanup-deployment" is rolled out
    And 10 seconds pass
    Then the replica sets of deployment "test-cleanup-deployment" should be:
      | revision | image                                        | replicas |
      | 1        | registry.k8s.io/e2e-test-images/agnhost:2.53 | 1        |
    When I run "kubectl get rs test-cleanup-controller"
    Then the command should fail with "not found"
    When I run "kubectl get events --field-selector reason=SuccessfulCreate -o custom-columns=OBJ:.involvedObject.name --no-headers"
    Then the output should match "^test-cleanup-controller\ntest-cleanup-deployment-[a-z0-9]+\n?$"

  Scenario: deployment should support rollover (testRolloverDeployment)
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: test-rollover-controller
        labels:
          name: rollover-pod
          pod: httpd
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: rollover-pod
            pod: httpd
        template:
          metadata:
            labels:
              name: rollover-pod
              pod: httpd
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: httpd
              image: registry.k8s.io/e2e-test-images/httpd:2.4.38-4
      """
    And I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: test-rollover-deployment
      spec:
        replicas: 1
        minReadySeconds: 10
        strategy:
          type: RollingUpdate
          rollingUpdate:
            maxUnavailable: 0
            maxSurge: 1
        selector:
          matchLabels:
            name: rollover-pod
        template:
          metadata:
            labels:
              name: rollover-pod
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: redis-slave
              image: gcr.io/google_samples/gb-redisslave:nonexistent
      """
    Then deployment "test-rollover-deployment" should have status:
      | updatedReplicas | 1 |
    And deployment "test-rollover-deployment" should be at revision 1
    And the replica sets of deployment "test-rollover-deployment" should be:
      | revision | image                                            | replicas |
      | 0        | registry.k8s.io/e2e-test-images/httpd:2.4.38-4   | 1        |
      | 1        | gcr.io/google_samples/gb-redisslave:nonexistent  | 1        |
    When I run "kubectl get rs test-rollover-controller -o jsonpath={.spec.replicas}/{.status.replicas}"
    Then the output should be:
      """
      1/1
      """
    When I run "kubectl set image deployment/test-rollover-deployment redis-slave=registry.k8s.io/e2e-test-images/agnhost:2.53"
    And I wait until deployment "test-rollover-deployment" is rolled out
    Then deployment "test-rollover-deployment" should be at revision 2
    And all pods of deployment "test-rollover-deployment" should run image "registry.k8s.io/e2e-test-images/agnhost:2.53"
    When I run "kubectl get rs test-rollover-controller -o jsonpath={.spec.replicas}/{.status.replicas}"
    Then the output should be:
      """
      0/0
      """

  Scenario: deployment should support proportional scaling (testProportionalScalingDeployment)
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: webserver-deployment
      spec:
        replicas: 10
        strategy:
          type: RollingUpdate
          rollingUpdate:
            maxSurge: 3
            maxUnavailable: 2
        selector:
          matchLabels:
            name: httpd
        template:
          metadata:
            labels:
              name: httpd
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: httpd
              image: registry.k8s.io/e2e-test-images/httpd:2.4.38-4
      """
    And I wait until deployment "webserver-deployment" is rolled out
    # kubesim pulls any unknown image, so "webserver:404" would run; nginx:404 is a tag nginx never
    # published, which fails to pull as webserver:404 does on a real cluster.
    When I run "kubectl set image deployment/webserver-deployment httpd=nginx:404"
    And 1 minute passes
    Then the replica sets of deployment "webserver-deployment" should be:
      | revision | image                                          | replicas | available |
      | 1        | registry.k8s.io/e2e-test-images/httpd:2.4.38-4 | 8        | 8         |
      | 2        | nginx:404                                      | 5        | 0         |
    When I run "kubectl scale deployment/webserver-deployment --replicas=30"
    And 1 second passes
    Then the replica sets of deployment "webserver-deployment" should be:
      | revision | image                                          | replicas |
      | 1        | registry.k8s.io/e2e-test-images/httpd:2.4.38-4 | 20       |
      | 2        | nginx:404                                      | 13       |

  Scenario: deployment reaping should cascade to its replica sets and pods, and adopt an orphan (testDeploymentsControllerRef)
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: test-orphan-deployment
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: httpd
        template:
          metadata:
            labels:
              name: httpd
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: httpd
              image: registry.k8s.io/e2e-test-images/httpd:2.4.38-4
      """
    And I wait until deployment "test-orphan-deployment" is rolled out
    And I run "kubectl get rs -l name=httpd -o jsonpath={.items[0].metadata.name}"
    And I run "kubectl delete deployment test-orphan-deployment --cascade=orphan"
    Then the command should succeed
    When I run "kubectl get rs -l name=httpd -o jsonpath={.items[*].metadata.ownerReferences}"
    Then the output should be:
      """
      """
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: test-adopt-deployment
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: httpd
        template:
          metadata:
            labels:
              name: httpd
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: httpd
              image: registry.k8s.io/e2e-test-images/httpd:2.4.38-4
      """
    And I wait until deployment "test-adopt-deployment" is rolled out
    And I run:
      """
      kubectl get rs -l name=httpd -o 'jsonpath={range .items[*]}{.metadata.ownerReferences[0].name}{"\n"}{end}'
      """
    Then the output should be:
      """
      test-adopt-deployment
      """
    And the replica sets of deployment "test-adopt-deployment" should be:
      | revision | replicas |
      | 1        | 1        |

  Scenario: iterative rollouts should eventually progress (testIterativeDeployments, one fixed sequence)
    Upstream picks 20 random steps; this is one fixed sequence of them: a new rollout (an env
    var, set with kubectl patch: kubesim has no `kubectl set env`), scaling, a rollback through the deprecated.deployment.rollback.to annotation (what the
    test writes), pausing, resuming and deleting pods.
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: webserver
      spec:
        replicas: 6
        progressDeadlineSeconds: 300
        revisionHistoryLimit: 2
        selector:
          matchLabels:
            name: httpd
        template:
          metadata:
            labels:
              name: httpd
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: httpd
              image: registry.k8s.io/e2e-test-images/httpd:2.4.38-4
      """
    And I run:
      """
      kubectl patch deployment webserver --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/env","value":[{"name":"A0","value":"0"}]}]'
      """
    And I run "kubectl scale deployment/webserver --replicas=7"
    And 1 second passes
    And I run "kubectl annotate deployment/webserver deprecated.deployment.rollback.to=0"
    And 1 second passes
    And I run "kubectl rollout pause deployment/webserver"
    And I run:
      """
      kubectl patch deployment webserver --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/env","value":[{"name":"A4","value":"4"}]}]'
      """
    And I run "kubectl scale deployment/webserver --replicas=5"
    And 2 seconds pass
    And I run "kubectl rollout resume deployment/webserver"
    And I run:
      """
      kubectl patch deployment webserver --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/env","value":[{"name":"A7","value":"7"}]}]'
      """
    And 1 second passes
    And I run "kubectl annotate deployment/webserver deprecated.deployment.rollback.to=0"
    And I wait until deployment "webserver" is rolled out
    Then deployment "webserver" should have condition Progressing with reason "NewReplicaSetAvailable"
    And deployment "webserver" should have status:
      | replicas          | 5 |
      | updatedReplicas   | 5 |
      | availableReplicas | 5 |
    And the events of deployment "webserver" should include:
      | type   | reason            | message                                     |
      | Normal | DeploymentRollback | Rolled back deployment "webserver" to revision 1 |
      | Normal | DeploymentRollback | Rolled back deployment "webserver" to revision 4 |
    When I run "kubectl get deployment webserver -o jsonpath={.metadata.annotations}"
    Then the output should not contain "rollback"
    When I run "kubectl get rs --no-headers"
    Then the output should match "^(\S+ +\d+ +\d+ +\d+ +\S+\n?){1,3}$"

  Scenario: RollingUpdateDeployment should delete old pods and create new ones (testRollingUpdateDeployment)
    The deployment adopts the ReplicaSet and takes the revision after the adopted one's.
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: test-rolling-update-controller
        labels:
          name: sample-pod
          pod: httpd
        annotations:
          deployment.kubernetes.io/revision: "3546343826724305832"
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: sample-pod
            pod: httpd
        template:
          metadata:
            labels:
              name: sample-pod
              pod: httpd
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: httpd
              image: registry.k8s.io/e2e-test-images/httpd:2.4.38-4
      """
    And I run "kubectl get pods -l name=sample-pod --no-headers"
    Then the output should contain "Running"
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: test-rolling-update-deployment
      spec:
        replicas: 1
        selector:
          matchLabels:
            name: sample-pod
        strategy:
          type: RollingUpdate
        template:
          metadata:
            labels:
              name: sample-pod
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: agnhost
              image: registry.k8s.io/e2e-test-images/agnhost:2.53
      """
    And I wait until deployment "test-rolling-update-deployment" is rolled out
    When I run:
      """
      kubectl get deployment test-rolling-update-deployment -o 'jsonpath={.metadata.annotations.deployment\.kubernetes\.io/revision}'
      """
    Then the output should be:
      """
      3546343826724305833
      """
    And the replica sets of deployment "test-rolling-update-deployment" should be:
      | revision            | image                                          | replicas |
      | 3546343826724305832 | registry.k8s.io/e2e-test-images/httpd:2.4.38-4 | 0        |
      | 3546343826724305833 | registry.k8s.io/e2e-test-images/agnhost:2.53   | 1        |
    And all pods of deployment "test-rolling-update-deployment" should run image "registry.k8s.io/e2e-test-images/agnhost:2.53"
    When I run "kubectl get rs test-rolling-update-controller -o jsonpath={.metadata.ownerReferences[0].name}"
    Then the output should be:
      """
      test-rolling-update-deployment
      """
