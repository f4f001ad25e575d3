Feature: Inject data into applications (docs: tasks/inject-data-application/*)

  Scenario: envars.yaml: the container sees DEMO_GREETING and DEMO_FAREWELL
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: envar-demo
        labels:
          purpose: demonstrate-envars
      spec:
        containers:
        - name: envar-demo-container
          image: gcr.io/google-samples/hello-app:2.0
          env:
          - name: DEMO_GREETING
            value: "Hello from the environment"
          - name: DEMO_FAREWELL
            value: "Such a sweet sorrow"
      """
    And 9 seconds pass
    When I run "kubectl get pods -l purpose=demonstrate-envars"
    Then the output should be:
      """
      NAME         READY   STATUS    RESTARTS   AGE
      envar-demo   1/1     Running   0          9s
      """
    When I run "kubectl exec envar-demo -- printenv"
    Then the output should contain "HOSTNAME=envar-demo"
    And the output should contain "DEMO_GREETING=Hello from the environment"
    And the output should contain "DEMO_FAREWELL=Such a sweet sorrow"
    And the output should contain "KUBERNETES_SERVICE_HOST=10.96.0.1"
    And the output should contain "KUBERNETES_PORT=tcp://10.96.0.1:443"

  Scenario: dependent-envars.yaml: defined references expand, undefined and escaped ones do not
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: dependent-envars-demo
      spec:
        containers:
        - name: dependent-envars-demo
          args:
          - while true; do echo -en '\n'; echo SERVICE_ADDRESS;printenv SERVICE_ADDRESS;echo UNCHANGE_REFERENCE;printenv UNCHANGE_REFERENCE;echo ESCAPED_REFERENCE;printenv ESCAPED_REFERENCE; sleep 30; done;
          command:
              - sh
              - -c
          image: busybox
          env:
          - name: SERVICE_PORT
            value: "80"
          - name: SERVICE_IP
            value: "172.17.0.1"
          - name: UNCHANGED_REFERENCE
            value: "$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)"
          - name: PROTOCOL
            value: "https"
          - name: SERVICE_ADDRESS
            value: "$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)"
          - name: ESCAPED_REFERENCE
            value: "$$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)"
      """
    And 9 seconds pass
    When I run "kubectl get pods dependent-envars-demo"
    Then the output should be:
      """
      NAME                    READY   STATUS    RESTARTS   AGE
      dependent-envars-demo   1/1     Running   0          9s
      """
    When I run "kubectl logs pod/dependent-envars-demo"
    Then the output should be:
      """

      SERVICE_ADDRESS
      https://172.17.0.1:80
      UNCHANGE_REFERENCE
      ESCAPED_REFERENCE
      $(PROTOCOL)://172.17.0.1:80
      """
    When I run "kubectl exec dependent-envars-demo -- printenv UNCHANGED_REFERENCE"
    Then the output should be:
      """
      $(PROTOCOL)://172.17.0.1:80
      """

  Scenario: dapi-envars-pod.yaml: pod fields as environment variables
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: dapi-envars-fieldref
      spec:
        containers:
          - name: test-container
            image: registry.k8s.io/busybox:1.27.2
            command: [ "sh", "-c"]
            args:
            - while true; do
                echo -en '\n';
                printenv MY_NODE_NAME MY_POD_NAME MY_POD_NAMESPACE;
                printenv MY_POD_IP MY_POD_SERVICE_ACCOUNT;
                sleep 10;
              done;
            env:
              - name: MY_NODE_NAME
                valueFrom:
                  fieldRef:
                    fieldPath: spec.nodeName
              - name: MY_POD_NAME
                valueFrom:
                  fieldRef:
                    fieldPath: metadata.name
              - name: MY_POD_NAMESPACE
                valueFrom:
                  fieldRef:
                    fieldPath: metadata.namespace
              - name: MY_POD_IP
                valueFrom:
                  fieldRef:
                    fieldPath: status.podIP
              - name: MY_POD_SERVICE_ACCOUNT
                valueFrom:
                  fieldRef:
                    fieldPath: spec.serviceAccountName
        restartPolicy: Never
      """
    And 5 seconds pass
    When I run "kubectl logs dapi-envars-fieldref"
    Then the output should be:
      """

      node-1
      dapi-envars-fieldref
      default
      10.244.0.2
      default
      """
    When I run "kubectl exec dapi-envars-fieldref -- printenv MY_POD_SERVICE_ACCOUNT MY_POD_NAMESPACE"
    Then the output should be:
      """
      default
      default
      """

  Scenario: dapi-envars-container.yaml: container resources as environment variables
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: dapi-envars-resourcefieldref
      spec:
        containers:
          - name: test-container
            image: registry.k8s.io/busybox:1.27.2
            command: [ "sh", "-c"]
            args:
            - while true; do
                echo -en '\n';
                printenv MY_CPU_REQUEST MY_CPU_LIMIT;
                printenv MY_MEM_REQUEST MY_MEM_LIMIT;
                sleep 10;
              done;
            resources:
              requests:
                memory: "32Mi"
                cpu: "125m"
              limits:
                memory: "64Mi"
                cpu: "250m"
            env:
              - name: MY_CPU_REQUEST
                valueFrom:
                  resourceFieldRef:
                    containerName: test-container
                    resource: requests.cpu
              - name: MY_CPU_LIMIT
                valueFrom:
                  resourceFieldRef:
                    containerName: test-container
                    resource: limits.cpu
              - name: MY_MEM_REQUEST
                valueFrom:
                  resourceFieldRef:
                    containerName: test-container
                    resource: requests.memory
              - name: MY_MEM_LIMIT
                valueFrom:
                  resourceFieldRef:
                    containerName: test-container
                    resource: limits.memory
        restartPolicy: Never
      """
    And 5 seconds pass
    When I run "kubectl logs dapi-envars-resourcefieldref"
    Then the output should be:
      """

      1
      1
      33554432
      67108864
      """

  Scenario: print-greeting: $(MESSAGE) in args is expanded from env
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: print-greeting
      spec:
        containers:
        - name: env-print-demo
          image: busybox
          env:
          - name: GREETING
            value: "Warm greetings to"
          - name: HONORIFIC
            value: "The Most Honorable"
          - name: NAME
            value: "Kubernetes"
          - name: MESSAGE
            value: "$(GREETING) $(HONORIFIC) $(NAME)"
          command: ["echo"]
          args: ["$(MESSAGE)"]
      """
    And 1 second passes
    When I run "kubectl logs print-greeting"
    Then the output should be:
      """
      Warm greetings to The Most Honorable Kubernetes
      """
