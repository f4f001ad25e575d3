/** The manifests the oracle's scenario applies (scenario.ts says when). */

const nginx = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
        tier: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
          name: http
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
          limits:
            memory: 128Mi
        readinessProbe:
          httpGet:
            path: /
            port: http
          periodSeconds: 5
`;

const services = `apiVersion: v1
kind: Service
metadata:
  name: nginx-nodeport
  labels:
    app: nginx
spec:
  type: NodePort
  selector:
    app: nginx
  ports:
  - port: 80
    targetPort: 80
    nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    team: frontend
spec:
  selector:
    app: nginx
  ports:
  - name: http
    port: 8080
    targetPort: http
  - name: metrics
    port: 9113
    targetPort: 9113
    protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: lb
spec:
  type: LoadBalancer
  selector:
    app: nginx
  ports:
  - port: 443
    targetPort: 80
    protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: headless
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: external
spec:
  type: ExternalName
  externalName: example.com
---
apiVersion: v1
kind: Service
metadata:
  name: no-selector
spec:
  ports:
  - port: 5432
    protocol: TCP
  sessionAffinity: ClientIP
`;

const pods = `apiVersion: v1
kind: Pod
metadata:
  name: crasher
  labels:
    app: crasher
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "exit 1"]
---
apiVersion: v1
kind: Pod
metadata:
  name: liveness-http
  labels:
    test: liveness
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args: ["liveness"]
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: Custom-Header
          value: Awesome
      initialDelaySeconds: 3
      periodSeconds: 3
---
apiVersion: v1
kind: Pod
metadata:
  name: too-big
spec:
  containers:
  - name: app
    image: nginx:1.16.1
    resources:
      requests:
        cpu: "100"
        memory: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: done
  labels:
    job: once
spec:
  restartPolicy: Never
  containers:
  - name: task
    image: busybox:1.36
    command: ["sh", "-c", "echo done"]
---
apiVersion: v1
kind: Pod
metadata:
  name: failed
  labels:
    job: once
spec:
  restartPolicy: Never
  containers:
  - name: task
    image: busybox:1.36
    command: ["sh", "-c", "exit 3"]
---
apiVersion: v1
kind: Pod
metadata:
  name: never-ready
  labels:
    app: never-ready
  annotations:
    owner: oracle
    description: a pod whose readiness probe reads a file that is never there
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    readinessProbe:
      exec:
        command: ["cat", "/tmp/ready"]
      initialDelaySeconds: 5
      periodSeconds: 10
      failureThreshold: 2
---
apiVersion: v1
kind: Pod
metadata:
  name: sidecars
  labels:
    app: sidecars
    tier: backend
spec:
  nodeSelector:
    kubernetes.io/os: linux
  terminationGracePeriodSeconds: 10
  initContainers:
  - name: init
    image: busybox:1.36
    command: ["sh", "-c", "echo init"]
  containers:
  - name: web
    image: nginx:1.25
    ports:
    - containerPort: 80
      protocol: TCP
    - containerPort: 8443
      hostPort: 8443
    env:
    - name: MODE
      value: production
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    resources:
      requests:
        cpu: 250m
        memory: 128Mi
      limits:
        cpu: 500m
        memory: 256Mi
    volumeMounts:
    - name: cache
      mountPath: /cache
    - name: host
      mountPath: /host
      readOnly: true
    livenessProbe:
      tcpSocket:
        port: 80
      periodSeconds: 20
    startupProbe:
      httpGet:
        path: /
        port: 80
      failureThreshold: 30
      periodSeconds: 2
  - name: redis
    image: redis:7.4.1
    args: ["--port", "6379"]
    resources:
      requests:
        cpu: 250m
        memory: 128Mi
      limits:
        cpu: 500m
        memory: 256Mi
  volumes:
  - name: cache
    emptyDir:
      sizeLimit: 500Mi
  - name: host
    hostPath:
      path: /var/log
      type: Directory
---
apiVersion: v1
kind: Pod
metadata:
  name: sleeper
spec:
  containers:
  - name: sleep
    image: busybox:1.36
    command: ["sleep", "3600"]
`;

/** A Deployment whose second rollout is stuck on an image tag nginx never published. */
const broken = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
spec:
  replicas: 2
  progressDeadlineSeconds: 600
  selector:
    matchLabels:
      app: broken
  template:
    metadata:
      labels:
        app: broken
    spec:
      containers:
      - name: web
        image: nginx:1.16.1
`;

const teamA = `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels:
    team: a
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: team-a
spec:
  replicas: 2
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: busybox:1.36
        command: ["sleep", "3600"]
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: team-a
spec:
  selector:
    app: api
  ports:
  - port: 80
    targetPort: 8080
`;

export default { nginx, services, pods, broken, teamA };
