Feature: Attach Handlers to Container Lifecycle Events (docs: tasks/configure-pod-container/attach-handler-lifecycle-event)

  Scenario: lifecycle-events.yaml runs, and its preStop hook lets nginx quit when the pod is deleted
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: lifecycle-demo
      spec:
        containers:
        - name: lifecycle-demo-container
          image: nginx
          lifecycle:
            postStart:
              exec:
                command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]
            preStop:
              exec:
                command: ["/bin/sh","-c","nginx -s quit; while killall -0 nginx; do sleep 1; done"]
      """
    And 5 seconds pass
    When I run "kubectl get pod lifecycle-demo"
    Then the output should be:
      """
      NAME             READY   STATUS    RESTARTS   AGE
      lifecycle-demo   1/1     Running   0          5s
      """
    When I run "kubectl delete pod lifecycle-demo --wait=false"
    Then the output should be:
      """
      pod "lifecycle-demo" deleted
      """
    When 2 seconds pass
    Then the events of pod "lifecycle-demo" should include:
      | type   | reason  | message                                   |
      | Normal | Killing | Stopping container lifecycle-demo-container |
    When I run "kubectl get pod lifecycle-demo"
    Then the command should fail with "pods \"lifecycle-demo\" not found"

  Scenario: lifecycle-events.yaml: the postStart handler writes /usr/share/message
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: lifecycle-demo
      spec:
        containers:
        - name: lifecycle-demo-container
          image: nginx
          lifecycle:
            postStart:
              exec:
                command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]
            preStop:
              exec:
                command: ["/bin/sh","-c","nginx -s quit; while killall -0 nginx; do sleep 1; done"]
      """
    And 5 seconds pass
    When I run "kubectl exec lifecycle-demo -- cat /usr/share/message"
    Then the output should be:
      """
      Hello from the postStart handler
      """

  Scenario: A failing postStart hook kills the container and records FailedPostStartHook
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: bad-hook
      spec:
        containers:
        - name: app
          image: nginx
          lifecycle:
            postStart:
              exec:
                command: ["/bin/sh", "-c", "exit 1"]
      """
    And 1 second passes
    Then the events of pod "bad-hook" should include:
      | type    | reason              | message              |
      | Warning | FailedPostStartHook | PostStartHook failed |
