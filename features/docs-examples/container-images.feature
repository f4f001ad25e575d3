Feature: Images (docs: concepts/containers/images "Default image pull policy")

  Scenario: An image without a tag is pulled again at every restart (imagePullPolicy defaults to Always)
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: crash
      spec:
        containers:
        - name: c
          image: busybox
          command: ["sh", "-c", "exit 1"]
      """
    And 15 seconds pass
    Then the events of pod "crash" should include:
      | type   | reason  | message                    | at  |
      | Normal | Pulling | Pulling image "busybox"    | 0s  |
      | Normal | Pulling | Pulling image "busybox"    | 0s  |
      | Normal | Pulling | Pulling image "busybox"    | 10s |
    When I run "kubectl get pod crash -o jsonpath={.spec.containers[0].imagePullPolicy}"
    Then the output should be:
      """
      Always
      """

  Scenario: A tagged image defaults to IfNotPresent and is pulled only once
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: crash
      spec:
        containers:
        - name: c
          image: busybox:1.36
          command: ["sh", "-c", "exit 1"]
      """
    And 15 seconds pass
    Then the events of pod "crash" should include:
      | type   | reason  | message                                                  | at  |
      | Normal | Pulling | Pulling image "busybox:1.36"                             | 0s  |
      | Normal | Pulled  | Container image "busybox:1.36" already present on machine | 0s  |
      | Normal | Pulled  | Container image "busybox:1.36" already present on machine | 10s |
