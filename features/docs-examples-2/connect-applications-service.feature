Feature: Connecting Applications with Services, the parts not yet covered (docs: tutorials/services/connect-applications-service)

  Background:
    Given a cluster
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-nginx
      spec:
        selector:
          matchLabels:
            run: my-nginx
        replicas: 2
        template:
          metadata:
            labels:
              run: my-nginx
          spec:
            containers:
            - name: my-nginx
              image: nginx
              ports:
              - containerPort: 80
      """
    And 13 seconds pass

  Scenario: The pods' IPs with -o custom-columns=POD_IP:.status.podIPs
    When I run "kubectl get pods -l run=my-nginx -o wide"
    Then the output should contain "NAME                        READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES"
    When I run "kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs"
    Then the output should contain "POD_IP"
    And the output should contain "[map[ip:10.244."

  Scenario: nginx-svc.yaml is the same Service as kubectl expose
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nginx
        labels:
          run: my-nginx
      spec:
        ports:
        - port: 80
          protocol: TCP
        selector:
          run: my-nginx
      """
    And I run "kubectl get svc my-nginx"
    Then the output should contain "my-nginx   ClusterIP   10."
    And the output should contain "<none>        80/TCP    0s"
    When I run "kubectl describe svc my-nginx"
    Then the output should contain "Labels:                   run=my-nginx"
    And the output should contain "Selector:                 run=my-nginx"
    And the output should contain "TargetPort:               80/TCP"
    And the output should contain "Events:                   <none>"
    And service "my-nginx" should have 2 ready endpoints
    And the endpoints of service "my-nginx" should be the ready pods of deployment "my-nginx"
    When I send 10 requests to "http://my-nginx.default.svc.cluster.local/"
    Then all requests should succeed

  Scenario: A dead pod leaves the EndpointSlice and its replacement joins it
    Given image pulls take 2 seconds
    When I run "kubectl expose deployment/my-nginx"
    And I run "kubectl delete pods -l run=my-nginx --wait=false"
    Then service "my-nginx" should have 0 ready endpoints
    When 5 seconds pass
    Then service "my-nginx" should have 2 ready endpoints
    And the endpoints of service "my-nginx" should be the ready pods of deployment "my-nginx"

  Scenario: After scaling 0 then 2 the new pods have names and ages of 5 s
    When I run "kubectl expose deployment/my-nginx"
    And I run:
      """
      kubectl scale deployment my-nginx --replicas=0
      kubectl scale deployment my-nginx --replicas=2
      """
    And 5 seconds pass
    And I run "kubectl get pods -l run=my-nginx -o wide"
    Then the output should contain "1/1     Running   0          5s    10.244."
    And deployment "my-nginx" should have 2 ready pods

  Scenario: Cleaning up with kubectl delete deployments,svc my-nginx
    When I run "kubectl expose deployment/my-nginx"
    And I run "kubectl delete deployments,svc my-nginx"
    Then the output should be:
      """
      deployment.apps "my-nginx" deleted
      service "my-nginx" deleted
      """
