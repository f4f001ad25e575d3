Feature: Explore Termination Behavior for Pods And Their Endpoints (docs: tutorials/services/pods-and-endpoint-termination-flow)

  Scenario: A deleted pod's endpoint stays, terminating and serving, until its 120 s grace period ends
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
        labels:
          app: nginx
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: nginx
        template:
          metadata:
            labels:
              app: nginx
          spec:
            terminationGracePeriodSeconds: 120 # extra long grace period
            containers:
            - name: nginx
              image: nginx:latest
              ports:
              - containerPort: 80
              lifecycle:
                preStop:
                  exec:
                    command: [
                      "/bin/sh", "-c", "sleep 180"
                    ]

      ---

      apiVersion: v1
      kind: Service
      metadata:
        name: nginx-service
      spec:
        selector:
          app: nginx
        ports:
          - protocol: TCP
            port: 80
            targetPort: 80
      """
    And 4 minutes pass
    When I run:
      """
      kubectl get endpointslices -o jsonpath="{.items[0].endpoints[0].conditions}" -l kubernetes.io/service-name=nginx-service
      """
    Then the output should be:
      """
      {"ready":true,"serving":true,"terminating":false}
      """
    When I run "kubectl delete pod -l app=nginx --wait=false"
    And 8 seconds pass
    And I run "kubectl get pods"
    Then the output should contain "1/1     Terminating   0          4m8s"
    And the output should contain "1/1     Running       0          8s"
    When I run:
      """
      kubectl get endpointslices -o jsonpath="{range .items[0].endpoints[*]}{.conditions}{'\n'}{end}" -l kubernetes.io/service-name=nginx-service
      """
    Then the output should contain:
      """
      {"ready":false,"serving":true,"terminating":true}
      """
    And the output should contain:
      """
      {"ready":true,"serving":true,"terminating":false}
      """
    And service "nginx-service" should have 1 ready endpoint
    When 2 minutes pass
    And I run "kubectl get pods"
    Then the output should not contain "Terminating"
    And the events of deployment "nginx-deployment" should include:
      | type   | reason            | message     |
      | Normal | ScalingReplicaSet | from 0 to 1 |
