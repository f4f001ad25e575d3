Feature: Connecting Applications with Services (docs: tutorials/services/connect-applications-service)

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

  Scenario: Exposing the pods: kubectl expose, get svc, describe svc, endpointslices
    When I run "kubectl get pods -l run=my-nginx -o wide"
    Then the output should contain "1/1     Running   0          13s   10.244."
    When I run "kubectl expose deployment/my-nginx"
    Then the output should be:
      """
      service/my-nginx exposed
      """
    And service "my-nginx" should have a cluster IP
    And service "my-nginx" should have 2 ready endpoints
    And the endpoints of service "my-nginx" should be the ready pods of deployment "my-nginx"
    When I run "kubectl get svc my-nginx"
    Then the output should contain "NAME       TYPE        CLUSTER-IP"
    And the output should contain "<none>        80/TCP    0s"
    When I run "kubectl describe svc my-nginx"
    Then the output should contain:
      """
      Name:                     my-nginx
      Namespace:                default
      Labels:                   <none>
      Annotations:              <none>
      Selector:                 run=my-nginx
      Type:                     ClusterIP
      IP Family Policy:         SingleStack
      IP Families:              IPv4
      """
    And the output should contain "Port:                     <unset>  80/TCP"
    And the output should contain "TargetPort:               80/TCP"
    And the output should contain "Endpoints:                10.244."
    And the output should contain "Session Affinity:         None"
    When I run "kubectl get endpointslices -l kubernetes.io/service-name=my-nginx"
    Then the output should contain "NAME             ADDRESSTYPE   PORTS   ENDPOINTS"
    And the output should contain "IPv4          80      10.244."
    When I send 10 requests to "http://my-nginx/"
    Then all requests should succeed
    And the requests should have reached 2 different pods

  Scenario: Service environment variables appear only in pods created after the Service
    When I run "kubectl expose deployment/my-nginx"
    And I run:
      """
      kubectl exec deploy/my-nginx -- sh -c "printenv | grep SERVICE | sort"
      """
    Then the output should be:
      """
      KUBERNETES_SERVICE_HOST=10.96.0.1
      KUBERNETES_SERVICE_PORT=443
      KUBERNETES_SERVICE_PORT_HTTPS=443
      """
    When I run "kubectl scale deployment my-nginx --replicas=0"
    And I run "kubectl scale deployment my-nginx --replicas=2"
    And 5 seconds pass
    And I run:
      """
      kubectl exec deploy/my-nginx -- sh -c "printenv | grep SERVICE | sort"
      """
    Then the output should contain "MY_NGINX_SERVICE_HOST=10."
    And the output should contain "MY_NGINX_SERVICE_PORT=80"
    And the output should contain "KUBERNETES_SERVICE_PORT_HTTPS=443"

  Scenario: DNS: kube-dns exists and a busybox pod resolves my-nginx
    When I run "kubectl expose deployment/my-nginx"
    And I run "kubectl get services kube-dns --namespace=kube-system"
    Then the output should contain "kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP"
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: dns-test
      spec:
        restartPolicy: Never
        containers:
        - name: dns-test
          image: busybox:1.37
          args: ["sleep", "3600"]
      """
    When I wait until pod "dns-test" is in phase Running
    And I run "kubectl exec dns-test -- nslookup my-nginx"
    Then the output should contain "Server:		10.96.0.10"
    And the output should contain "Name:	my-nginx.default.svc.cluster.local"
