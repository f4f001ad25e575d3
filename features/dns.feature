Feature: Cluster DNS for Services
  Every Service gets the DNS name `<service>.<namespace>.svc.cluster.local`, which resolves to its
  cluster IP; a pod's /etc/resolv.conf searches `<its namespace>.svc.cluster.local`,
  `svc.cluster.local` and `cluster.local`, so `my-nginx` and `my-nginx.default` work from the same
  namespace and `<service>.<namespace>` from any (Kubernetes docs, concepts/services-networking/
  dns-pod-service and service, "DNS"; tutorials/services/connect-applications-service). A
  headless Service (clusterIP: None) resolves to the IPs of its ready pods instead.

  busybox's `wget` resolves through the search list like any libc program. busybox's own
  `nslookup` (1.30 and later) applies the search list only to names without a dot, so the
  scenarios ask it for short names and full names only.

  Scenario: The resolver points at kube-dns, and nslookup finds a Service by its short and full names
    Given a cluster
    And I apply the manifest:
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
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nginx
        labels:
          run: my-nginx
      spec:
        clusterIP: 10.96.100.40
        ports:
        - port: 80
          protocol: TCP
        selector:
          run: my-nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: dns-test
      spec:
        containers:
        - name: dns-test
          image: busybox:1.37
          command: ["sleep", "3600"]
      """
    And I wait until deployment "my-nginx" is rolled out
    When I run "kubectl exec dns-test -- cat /etc/resolv.conf"
    Then the output should contain "nameserver 10.96.0.10"
    And the output should contain "search default.svc.cluster.local svc.cluster.local cluster.local"
    And the output should contain "options ndots:5"
    When I run "kubectl get service kube-dns --namespace=kube-system"
    Then the output should contain "kube-dns   ClusterIP   10.96.0.10"
    When I run "kubectl exec dns-test -- nslookup my-nginx"
    Then the output should contain "Server:"
    And the output should contain "10.96.0.10"
    And the output should contain "my-nginx.default.svc.cluster.local"
    And the output should contain "Address: 10.96.100.40"
    When I run "kubectl exec dns-test -- nslookup my-nginx.default.svc.cluster.local"
    Then the output should contain "Address: 10.96.100.40"
    When I run "kubectl exec dns-test -- nslookup kubernetes.default.svc.cluster.local"
    Then the output should contain "Address: 10.96.0.1"
    When I run "kubectl exec dns-test -- nslookup kube-dns.kube-system.svc.cluster.local"
    Then the output should contain "Address: 10.96.0.10"

  Scenario: wget reaches the Service by its short, namespaced and full names, and not by a wrong one
    Given a cluster
    And I apply the manifest:
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
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nginx
        labels:
          run: my-nginx
      spec:
        clusterIP: 10.96.100.40
        ports:
        - port: 80
          protocol: TCP
        selector:
          run: my-nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: dns-test
      spec:
        containers:
        - name: dns-test
          image: busybox:1.37
          command: ["sleep", "3600"]
      """
    And I wait until deployment "my-nginx" is rolled out
    When I run "kubectl exec dns-test -- wget -qO- http://my-nginx"
    Then the output should contain "<title>Welcome to nginx!</title>"
    When I run "kubectl exec dns-test -- wget -qO- http://my-nginx.default"
    Then the output should contain "<title>Welcome to nginx!</title>"
    When I run "kubectl exec dns-test -- wget -qO- http://my-nginx.default.svc"
    Then the output should contain "<title>Welcome to nginx!</title>"
    When I run "kubectl exec dns-test -- wget -qO- http://my-nginx.default.svc.cluster.local:80/"
    Then the output should contain "<title>Welcome to nginx!</title>"
    When I run "kubectl exec dns-test -- wget -qO- http://10.96.100.40/"
    Then the output should contain "<title>Welcome to nginx!</title>"
    When I run "kubectl exec dns-test -- wget -qO- http://my-ngnix"
    Then the command should fail with "command terminated with exit code 1"
    And the error output should contain "wget: bad address 'my-ngnix'"
    When I run "kubectl exec dns-test -- nslookup my-ngnix.default.svc.cluster.local"
    Then the output should contain "** server can't find my-ngnix.default.svc.cluster.local: NXDOMAIN"

  Scenario: A Service in another namespace needs its namespace in the name
    Given a cluster
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: dns-test
      spec:
        containers:
        - name: dns-test
          image: busybox:1.37
          command: ["sleep", "3600"]
      """
    And I run "kubectl create namespace other"
    And I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: backend
        namespace: other
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: backend
        template:
          metadata:
            labels:
              app: backend
          spec:
            containers:
            - name: httpd
              image: httpd:2.4
              ports:
              - containerPort: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: backend
        namespace: other
      spec:
        clusterIP: 10.96.100.50
        selector:
          app: backend
        ports:
        - port: 80
      """
    And I wait until deployment "other/backend" is rolled out
    And I run "kubectl exec dns-test -- wget -qO- http://backend"
    Then the command should fail with "command terminated with exit code 1"
    And the error output should contain "wget: bad address 'backend'"
    When I run "kubectl exec dns-test -- wget -qO- http://backend.other"
    Then the output should contain "It works!"
    When I run "kubectl exec dns-test -- wget -qO- http://backend.other.svc.cluster.local"
    Then the output should contain "It works!"
    When I run "kubectl exec dns-test -- nslookup backend.other.svc.cluster.local"
    Then the output should contain "Address: 10.96.100.50"
    When I send 3 requests to "http://backend.other/"
    Then all requests should succeed

  Scenario: A headless Service resolves to the IPs of its ready pods
    With one node the pods get 10.244.0.2, .3 and .4 in the order they start; the pod that is
    not ready is left out of the answer, and the name has no cluster IP to connect to.

    Given a cluster with 1 node
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
          image: redis:7
          ports:
          - containerPort: 6379
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
          image: redis:7
          ports:
          - containerPort: 6379
          readinessProbe:
            exec:
              command: ["false"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
        - name: shell
          image: busybox:1.37
          command: ["sleep", "3600"]
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
    And 10 seconds pass
    And I run "kubectl get service db"
    Then the output should contain "db     ClusterIP   None"
    When I run "kubectl get pods -o wide"
    Then the output should contain "db-0     1/1     Running   0          10s   10.244.0.2"
    And the output should contain "db-1     0/1     Running   0          10s   10.244.0.3"
    When I run "kubectl exec client -- nslookup db.default.svc.cluster.local"
    Then the output should contain "Address: 10.244.0.2"
    And the output should not contain "10.244.0.3"
    When I run "kubectl exec client -- nc -z db 6379"
    Then the command should succeed
