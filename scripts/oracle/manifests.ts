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

/** Objects full of fields and of strings that are hard to print (YAML and JSON quoting, describe). */
const zoo = `apiVersion: v1
kind: Pod
metadata:
  name: zoo
  labels:
    bool: "true"
    num: "123"
    exp: "1e3"
    hex: "0x1F"
    yes: "yes"
    "on": "on"
    nul: "null"
    date: "2025-01-01"
    float: "1.0"
    octal: "0123"
    under: "1_000"
    upper-y: "Y"
  annotations:
    empty: ""
    spaces: " leading and trailing "
    colon: "a: b"
    hash: "#not a comment"
    dash: "- item"
    multi: "line one\\nline two\\n"
    multi-no-newline: "line one\\nline two"
    multi-indented: "  indented\\nnext"
    tab: "tab\\there"
    unicode: "grüße ☃"
    emoji: "😀 smile"
    nel: "a\\Nb"
    nel-spaced: "a \\N b"
    nel-twice: "a\\N\\Nb"
    nel-first: "\\Na"
    nel-many: "a \\N\\N \\Nb"
    bom: "a\\uFEFFb"
    private-use: "\\uE000\\uFFFD"
    bell: "ding\\a"
    html: "<b>&amp;</b>"
    quote: "it's \\"quoted\\""
    long: "the quick brown fox jumps over the lazy dog the quick brown fox jumps over the lazy dog the quick brown fox jumps over the lazy dog again and again"
    longword: "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
    tilde: "~"
    star: "*star"
    amp: "&anchor"
    bang: "!tag"
    percent: "%p"
    at: "@at"
    backtick: "\`tick\`"
    brace: "{a: 1}"
    bracket: "[1, 2]"
    question: "? q"
    pipe: "| p"
    gt: "> g"
    sexagesimal: "1:20"
    off: "off"
    upper-no: "NO"
    plus: "+1"
    dot5: ".5"
    inf: ".inf"
    trailing-colon: "key:"
    comma: "a, b"
    json: '{"a":1,"b":[true,null]}'
    backslash: 'C:\\path\\to'
    crlf: "a\\r\\nb"
    trailing-newlines: "text\\n\\n"
    only-newline: "\\n"
    number-like: "12345678901234567890"
spec:
  serviceAccountName: default
  hostname: zoo-host
  subdomain: headless
  securityContext:
    runAsUser: 1000
    fsGroup: 2000
  tolerations:
  - key: dedicated
    operator: Equal
    value: gpu
    effect: NoSchedule
  - operator: Exists
    effect: NoSchedule
  - key: node.kubernetes.io/unreachable
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 60
  readinessGates:
  - conditionType: example.com/feature-1
  initContainers:
  - name: setup
    image: busybox:1.36
    command: ["sh", "-c", "echo ready > /work/flag"]
    volumeMounts:
    - name: mem
      mountPath: /work
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo \\"hello world\\"; sleep 3600"]
    workingDir: /tmp
    ports:
    - containerPort: 53
      protocol: UDP
      name: dns
    - containerPort: 9090
    env:
    - name: FROM_CM
      valueFrom:
        configMapKeyRef:
          name: cfg
          key: k
          optional: true
    - name: FROM_SECRET
      valueFrom:
        secretKeyRef:
          name: sec
          key: password
          optional: true
    - name: CPU_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.cpu
          divisor: 1m
    - name: NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
    - name: MULTI
      value: "a\\nb"
    envFrom:
    - configMapRef:
        name: cfg
        optional: true
    - prefix: S_
      secretRef:
        name: sec
        optional: true
    resources:
      limits:
        cpu: 200m
        memory: 64Mi
        ephemeral-storage: 1Gi
    readinessProbe:
      grpc:
        port: 9090
      timeoutSeconds: 2
    livenessProbe:
      exec:
        command: ["test", "-f", "/tmp/missing file"]
      periodSeconds: 60
      successThreshold: 1
      failureThreshold: 5
      terminationGracePeriodSeconds: 5
    volumeMounts:
    - name: config
      mountPath: /etc/config
      subPath: a.txt
      readOnly: true
    - name: secret
      mountPath: /etc/secret
    - name: projected
      mountPath: /var/run/projected
    - name: downward
      mountPath: /etc/podinfo
    - name: mem
      mountPath: /work
  volumes:
  - name: config
    configMap:
      name: cfg
      optional: true
      items:
      - key: a
        path: a.txt
  - name: secret
    secret:
      secretName: sec
      optional: true
      defaultMode: 256
  - name: projected
    projected:
      sources:
      - serviceAccountToken:
          path: token
          expirationSeconds: 3600
      - configMap:
          name: cfg
          optional: true
      - downwardAPI:
          items:
          - path: name
            fieldRef:
              fieldPath: metadata.name
  - name: downward
    downwardAPI:
      items:
      - path: labels
        fieldRef:
          fieldPath: metadata.labels
  - name: mem
    emptyDir:
      medium: Memory
---
apiVersion: v1
kind: Service
metadata:
  name: fancy
  annotations:
    multi: "a\\nb"
spec:
  type: LoadBalancer
  selector:
    app: nginx
  externalIPs:
  - 1.2.3.4
  loadBalancerSourceRanges:
  - 10.0.0.0/8
  externalTrafficPolicy: Local
  internalTrafficPolicy: Local
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 600
  ipFamilyPolicy: PreferDualStack
  ports:
  - name: dns
    port: 53
    protocol: UDP
    targetPort: 5353
  - name: http
    port: 80
    targetPort: http
    appProtocol: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: paused
  annotations:
    kubernetes.io/change-cause: "it's \\"quoted\\" <b>"
spec:
  replicas: 1
  revisionHistoryLimit: 2
  selector:
    matchExpressions:
    - key: app
      operator: In
      values: [paused, paused-too]
  strategy:
    rollingUpdate:
      maxSurge: 0
      maxUnavailable: 1
  template:
    metadata:
      labels:
        app: paused
      annotations:
        note: "template annotation"
    spec:
      containers:
      - name: web
        image: nginx:1.25
        args: ["nginx", "-g", "daemon off;"]
        env:
        - name: A
          value: "1"
`;

/** Pods that fail in the other ways the kubelet reports: init crash, OOM kill, bad images. */
const trouble = `apiVersion: v1
kind: Pod
metadata:
  name: init-crash
spec:
  initContainers:
  - name: migrate
    image: busybox:1.36
    command: ["sh", "-c", "exit 2"]
  containers:
  - name: app
    image: nginx:1.25
---
apiVersion: v1
kind: Pod
metadata:
  name: oom
spec:
  restartPolicy: OnFailure
  containers:
  - name: stress
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
    resources:
      requests:
        memory: 50Mi
      limits:
        memory: 100Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: never-pull
spec:
  containers:
  - name: app
    image: example.com/private/app:1.0
    imagePullPolicy: Never
---
apiVersion: v1
kind: Pod
metadata:
  name: bad-name
spec:
  containers:
  - name: app
    image: "nginx:1.25:extra"
---
apiVersion: v1
kind: Pod
metadata:
  name: slow-start
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    startupProbe:
      exec:
        command: ["cat", "/tmp/started"]
      periodSeconds: 10
      failureThreshold: 30
`;

export default { nginx, services, pods, broken, teamA, zoo, trouble };
