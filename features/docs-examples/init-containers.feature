Feature: Init containers (docs: concepts/workloads/pods/init-containers, tasks/configure-pod-container/configure-pod-initialization)

  Scenario: myapp-pod waits in Init:0/2 until its two Services exist, then runs
    When I run "kubectl apply -f manifests/myapp.yaml"
    Then the output should be:
      """
      pod/myapp-pod created
      """
    When 6 minutes pass
    And I run "kubectl get -f manifests/myapp.yaml"
    Then the output should be:
      """
      NAME        READY   STATUS     RESTARTS   AGE
      myapp-pod   0/1     Init:0/2   0          6m
      """
    And pod "myapp-pod" should be in phase Pending
    And container "init-myservice" of pod "myapp-pod" should be Running
    And container "init-mydb" of pod "myapp-pod" should be Waiting with reason "PodInitializing"
    And container "myapp-container" of pod "myapp-pod" should be Waiting with reason "PodInitializing"
    When I run "kubectl describe -f manifests/myapp.yaml"
    Then the output should contain "Status:           Pending"
    And the output should contain "Init Containers:"
    And the output should contain:
      """
        init-mydb:
      """
    When I run "kubectl logs myapp-pod -c init-myservice --tail=1"
    Then the output should be:
      """
      waiting for myservice
      """
    When I run "kubectl apply -f manifests/myapp-services.yaml"
    Then the output should be:
      """
      service/myservice created
      service/mydb created
      """
    When 3 minutes pass
    And I run "kubectl get -f manifests/myapp.yaml"
    Then the output should be:
      """
      NAME        READY   STATUS    RESTARTS   AGE
      myapp-pod   1/1     Running   0          9m
      """
    And container "init-myservice" of pod "myapp-pod" should be Terminated with reason "Completed"
    When I run "kubectl logs myapp-pod"
    Then the output should be:
      """
      The app is running!
      """

  Scenario: An init container that fails is retried with back-off; the pod shows Init:Error then Init:CrashLoopBackOff
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: init-fails
      spec:
        containers:
        - name: app
          image: nginx
        initContainers:
        - name: setup
          image: busybox:1.28
          command: ['sh', '-c', 'exit 1']
      """
    And 15 seconds pass
    Then the status of pod "init-fails" should be "Init:CrashLoopBackOff"
    And container "setup" of pod "init-fails" should have restarted 2 times
    And pod "init-fails" should be in phase Pending

  Scenario: With restartPolicy Never a failing init container fails the pod
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: init-never
      spec:
        restartPolicy: Never
        containers:
        - name: app
          image: nginx
        initContainers:
        - name: setup
          image: busybox:1.28
          command: ['sh', '-c', 'exit 1']
      """
    And 5 seconds pass
    Then pod "init-never" should be in phase Failed
    And the status of pod "init-never" should be "Init:Error"
