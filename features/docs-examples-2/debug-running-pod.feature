Feature: Debug Pods and Debug Running Pods (docs: tasks/debug/debug-application/debug-pods, debug-running-pod)

  Scenario: nginx-with-request.yaml: two Guaranteed pods; describe pod shows limits, requests and events
    Given a cluster
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        selector:
          matchLabels:
            app: nginx
        replicas: 2
        template:
          metadata:
            labels:
              app: nginx
          spec:
            containers:
            - name: nginx
              image: nginx
              resources:
                limits:
                  memory: "128Mi"
                  cpu: "500m"
              ports:
              - containerPort: 80
      """
    Then the output should be:
      """
      deployment.apps/nginx-deployment created
      """
    When 13 seconds pass
    And I run "kubectl get pods"
    Then the output should contain "1/1     Running   0          13s"
    And deployment "nginx-deployment" should have 2 ready pods
    When I run "kubectl describe pod -l app=nginx"
    Then the output should contain "Name:             nginx-deployment-"
    And the output should contain "Priority:         0"
    And the output should contain "Node:             node-"
    And the output should contain:
      """
      Labels:           app=nginx
                        pod-template-hash=
      """
    And the output should contain "Status:           Running"
    And the output should contain "Controlled By:  ReplicaSet/nginx-deployment-"
    And the output should contain:
      """
          Image:          nginx
      """
    And the output should contain:
      """
          Port:           80/TCP
          Host Port:      0/TCP
          State:          Running
      """
    And the output should contain:
      """
          Ready:          True
          Restart Count:  0
          Limits:
            cpu:     500m
            memory:  128Mi
          Requests:
            cpu:        500m
            memory:     128Mi
          Environment:  <none>
      """
    And the output should contain:
      """
      QoS Class:                   Guaranteed
      Node-Selectors:              <none>
      Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                   node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
      Events:
        Type    Reason     Age   From               Message
        ----    ------     ----  ----               -------
      """
    And the output should contain "Normal  Scheduled  13s   default-scheduler  Successfully assigned default/nginx-deployment-"
    And the output should contain "Normal  Pulling    13s   kubelet            Pulling image \"nginx\""
    And the output should contain "Normal  Pulled     13s   kubelet            Successfully pulled image \"nginx\" in "
    And the output should contain "Normal  Created    13s   kubelet            Created container: nginx"
    And the output should contain "Normal  Started    13s   kubelet            Started container nginx"

  Scenario: get pod -o yaml shows the defaulted spec and the status fields from the docs
    Given a cluster
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
        labels:
          app: nginx
      spec:
        containers:
        - name: nginx
          image: nginx
          resources:
            limits:
              memory: "128Mi"
              cpu: "500m"
          ports:
          - containerPort: 80
      """
    And I run "kubectl get pod nginx -o yaml"
    Then the output should contain:
      """
      spec:
        containers:
        - image: nginx
          imagePullPolicy: Always
          name: nginx
          ports:
          - containerPort: 80
            protocol: TCP
          resources:
            limits:
              cpu: 500m
              memory: 128Mi
            requests:
              cpu: 500m
              memory: 128Mi
          terminationMessagePath: /dev/termination-log
          terminationMessagePolicy: File
          volumeMounts:
          - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
            name: kube-api-access-
      """
    And the output should contain:
      """
        dnsPolicy: ClusterFirst
        enableServiceLinks: true
        nodeName: node-
      """
    And the output should contain:
      """
        preemptionPolicy: PreemptLowerPriority
        priority: 0
        restartPolicy: Always
        schedulerName: default-scheduler
        securityContext: {}
        serviceAccount: default
        serviceAccountName: default
        terminationGracePeriodSeconds: 30
        tolerations:
        - effect: NoExecute
          key: node.kubernetes.io/not-ready
          operator: Exists
          tolerationSeconds: 300
        - effect: NoExecute
          key: node.kubernetes.io/unreachable
          operator: Exists
          tolerationSeconds: 300
      """
    And the output should contain:
      """
          image: docker.io/library/nginx:latest
          imageID: docker.io/library/nginx@sha256:
      """
    And the output should contain:
      """
          lastState: {}
          name: nginx
          ready: true
      """
    And the output should contain:
      """
          restartCount: 0
          started: true
          state:
            running:
              startedAt: "2025-01-01T00:00:00Z"
      """
    And the output should contain "  phase: Running"
    And the output should contain "  qosClass: Guaranteed"
    And the output should contain "  startTime: \"2025-01-01T00:00:00Z\""

  Scenario: Debugging Pending pods: 5 replicas of 600m on four 1-CPU nodes leave one Pending with FailedScheduling
    Given a cluster with nodes:
      | name   | cpu | memory |
      | node-1 | 1   | 4Gi    |
      | node-2 | 1   | 4Gi    |
      | node-3 | 1   | 4Gi    |
      | node-4 | 1   | 4Gi    |
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        selector:
          matchLabels:
            app: nginx
        replicas: 5
        template:
          metadata:
            labels:
              app: nginx
          spec:
            containers:
            - name: nginx
              image: nginx
              resources:
                limits:
                  memory: "128Mi"
                  cpu: "600m"
              ports:
              - containerPort: 80
      """
    And 1 minute passes
    And I run "kubectl get pods"
    Then the output should contain "0/1     Pending   0          60s"
    And deployment "nginx-deployment" should have 4 ready pods
    When I run "kubectl describe pods"
    Then the output should contain "Node:             <none>"
    And the output should contain "Status:           Pending"
    And the output should contain:
      """
      Conditions:
        Type           Status
        PodScheduled   False
      """
    And the output should contain "Warning  FailedScheduling  60s   default-scheduler  0/4 nodes are available: 4 Insufficient cpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod."
    When I run "kubectl get events"
    Then the output should contain "LAST SEEN   TYPE      REASON              OBJECT                                  MESSAGE"
    And the output should contain "Warning   FailedScheduling    pod/nginx-deployment-"
    And the output should contain "Normal    ScalingReplicaSet   deployment/nginx-deployment             Scaled up replica set nginx-deployment-"
    When I run "kubectl scale deployment nginx-deployment --replicas=4"
    And I run "kubectl get pods --field-selector=status.phase=Pending"
    Then the error output should contain "No resources found in default namespace."
    And deployment "nginx-deployment" should have 4 ready pods

  Scenario: Events are namespaced: kubectl get events --namespace=my-namespace
    Given a cluster
    When I run "kubectl create namespace my-namespace"
    And I run "kubectl run nginx --image=nginx --namespace=my-namespace"
    And I run "kubectl get events"
    Then the error output should contain "No resources found in default namespace."
    When I run "kubectl get events --namespace=my-namespace"
    Then the output should contain "Normal   Scheduled   pod/nginx   Successfully assigned my-namespace/nginx to node-"
    When I run "kubectl get events --all-namespaces"
    Then the output should contain "NAMESPACE      LAST SEEN   TYPE     REASON      OBJECT      MESSAGE"

  Scenario: A crashing container: CrashLoopBackOff, describe shows Last State, logs --previous shows the crashed run
    Given a cluster
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: crasher
      spec:
        containers:
        - name: app
          image: busybox:1.28
          command: ["sh", "-c", "echo starting; echo fatal error >&2; exit 1"]
      """
    And 15 seconds pass
    Then the status of pod "crasher" should be "CrashLoopBackOff"
    And container "app" of pod "crasher" should have restarted 2 times
    When I run "kubectl get pod crasher"
    Then the output should contain "crasher   0/1     CrashLoopBackOff   2 (5s ago)   15s"
    When I run "kubectl describe pod crasher"
    Then the output should contain:
      """
          State:          Waiting
            Reason:       CrashLoopBackOff
          Last State:     Terminated
            Reason:       Error
            Exit Code:    1
      """
    And the output should contain "Warning  BackOff    "
    And the output should contain "Back-off restarting failed container app in pod crasher_default("
    When I run "kubectl logs --previous crasher app"
    Then the output should contain "starting"
    When I run "kubectl exec crasher -c app -- ls"
    Then the command should fail with "container not found"
