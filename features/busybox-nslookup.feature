Feature: busybox's two nslookups: 1.28 and older ask libc, 1.29 and later ask DNS themselves
  The Kubernetes docs pin busybox:1.28 for DNS checks (tasks/administer-cluster/dns-debugging-resolution,
  concepts/workloads/pods/init-containers). Its nslookup (networking/nslookup.c before the 1.29
  rewrite) resolves through libc's getaddrinfo(): /etc/hosts, then DNS with the search list and
  ndots:5 from /etc/resolv.conf, so `kubernetes.default` finds kubernetes.default.svc.cluster.local.
  It prints each address with its reverse name, and `nslookup: can't resolve 'NAME'` (exit 1) when
  there is none. busybox 1.29 and later (busybox:1.36, the default) have their own DNS client: a
  name with a dot is sent as it is, so `kubernetes.default` is NXDOMAIN there.

  Background:
    Given a cluster
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: busybox
      spec:
        containers:
        - name: busybox
          image: busybox:1.28
          command: ["sleep", "3600"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: busybox-new
      spec:
        containers:
        - name: busybox
          image: busybox:1.36
          command: ["sleep", "3600"]
      """
    And I wait until pod "busybox" is ready
    And I wait until pod "busybox-new" is ready

  Scenario: nslookup kubernetes.default from busybox:1.28, as the DNS debugging page runs it
    When I run "kubectl exec -ti busybox -- nslookup kubernetes.default"
    Then the command should succeed
    And the output should contain:
      """
      Server:    10.96.0.10
      Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local
      """
    And the output should contain:
      """

      Name:      kubernetes.default
      Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local
      """

  Scenario: A name that does not resolve prints the server, then can't resolve, and exits 1
    When I run "kubectl exec busybox -- nslookup myservice.default.svc.cluster.local"
    Then the command should fail with "nslookup: can't resolve 'myservice.default.svc.cluster.local'"
    And the output should contain "Server:    10.96.0.10"
    And the error output should contain "command terminated with exit code 1"

  Scenario: A short Service name and a namespaced one resolve through the search list
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nginx
      spec:
        clusterIP: 10.96.100.40
        selector:
          run: my-nginx
        ports:
        - port: 80
      """
    And I run "kubectl exec busybox -- nslookup my-nginx"
    Then the output should contain:
      """
      Name:      my-nginx
      Address 1: 10.96.100.40 my-nginx.default.svc.cluster.local
      """
    When I run "kubectl exec busybox -- nslookup my-nginx.default"
    Then the output should contain "Address 1: 10.96.100.40 my-nginx.default.svc.cluster.local"

  Scenario: A headless Service's addresses are named by their dashed IPs
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: db-0
        labels:
          app: db
      spec:
        containers:
        - name: db
          image: redis
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: db-1
        labels:
          app: db
      spec:
        containers:
        - name: db
          image: redis
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: db
      spec:
        clusterIP: None
        selector:
          app: db
        ports:
        - port: 6379
      """
    And I wait until pod "db-0" is ready
    And I wait until pod "db-1" is ready
    And 1 second passes
    And I run "kubectl get pods db-0 db-1 -o jsonpath={.items[*].status.podIP}"
    Then the output should be:
      """
      10.244.2.2 10.244.0.3
      """
    When I run "kubectl exec busybox -- nslookup db"
    Then the output should contain:
      """
      Name:      db
      Address 1: 10.244.2.2 10-244-2-2.db.default.svc.cluster.local
      Address 2: 10.244.0.3 10-244-0-3.db.default.svc.cluster.local
      """

  Scenario: The pod's own name and localhost come from /etc/hosts
    When I run "kubectl exec busybox -- nslookup localhost"
    Then the output should contain:
      """
      Name:      localhost
      Address 1: ::1 localhost
      Address 2: 127.0.0.1 localhost
      """

  Scenario: busybox 1.36 sends kubernetes.default unsearched: NXDOMAIN, exit 1
    When I run "kubectl exec busybox-new -- nslookup kubernetes.default"
    Then the command should fail with "command terminated with exit code 1"
    And the output should contain "** server can't find kubernetes.default: NXDOMAIN"
    When I run "kubectl exec busybox-new -- nslookup kubernetes.default.svc.cluster.local"
    Then the output should contain:
      """
      Name:	kubernetes.default.svc.cluster.local
      Address: 10.96.0.1
      """

  Scenario: The init containers of myapp.yaml wait with busybox 1.28's words
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: myapp-pod
      spec:
        containers:
        - name: myapp-container
          image: busybox:1.28
          command: ['sh', '-c', 'echo The app is running! && sleep 3600']
        initContainers:
        - name: init-myservice
          image: busybox:1.28
          command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
      """
    And 5 seconds pass
    And I run "kubectl logs myapp-pod -c init-myservice"
    Then the output should contain:
      """
      Server:    10.96.0.10
      Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

      nslookup: can't resolve 'myservice.default.svc.cluster.local'
      waiting for myservice
      """
