import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { PodTemplateSpec } from '../../api/types.js';
import { describePodTemplate } from './pod-template.js';
import { PrefixWriter } from './writer.js';

/** The template as rollout history prints it: PrefixWriter text, not yet aligned by a tabwriter. */
function untabbed(template: PodTemplateSpec | undefined): string {
  const w = new PrefixWriter();
  describePodTemplate(template, w);
  return w.text;
}

describe('describePodTemplate', () => {
  // The shape kubectl's history_test.go expects for a one-container template (plus the v1.33
  // Node-Selectors and Tolerations lines).
  it('describes a minimal template', () => {
    const t: PodTemplateSpec = {
      metadata: { labels: { foo: 'bar' } },
      spec: { containers: [{ name: 'test', image: 'nginx' }] },
    };
    expect(untabbed(t)).to.equal(
      'Pod Template:\n  Labels:\tfoo=bar\n  Containers:\n   test:\n    Image:\tnginx\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n',
    );
  });

  it('prints further labels and annotations on lines that start with a tab; long values get their own lines', () => {
    const long = 'x'.repeat(150);
    const t: PodTemplateSpec = {
      metadata: {
        labels: { b: '2', a: '1' },
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
          z: 'last',
          long,
          multi: 'one\ntwo\n',
        },
      },
      spec: { containers: [] },
    };
    expect(untabbed(t)).to.equal(
      [
        'Pod Template:',
        '  Labels:\ta=1',
        '\tb=2',
        '  Annotations:\tlong:',
        `\t  ${'x'.repeat(138)}...`,
        '\tmulti:',
        '\t  one',
        '\t  two',
        '\tz: last',
        '  Containers: <none>',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
      ].join('\n'),
    );
  });

  it('describes containers: ports, command, resources, probes, environment and mounts', () => {
    const t: PodTemplateSpec = {
      metadata: {},
      spec: {
        serviceAccountName: 'robot',
        initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'echo hi\necho there'] }],
        containers: [
          {
            name: 'web',
            image: 'nginx:1.25',
            args: ['--port', '80'],
            ports: [
              { containerPort: 80, protocol: 'TCP' },
              { containerPort: 53, hostPort: 5353, protocol: 'UDP' },
            ],
            resources: { limits: { memory: '512Mi', cpu: '200m' }, requests: { cpu: '100m' } },
            livenessProbe: {
              httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
              initialDelaySeconds: 3,
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 3,
            },
            readinessProbe: {
              exec: { command: ['cat', '/tmp/healthy'] },
              timeoutSeconds: 1,
              periodSeconds: 5,
              successThreshold: 1,
              failureThreshold: 3,
            },
            startupProbe: {
              tcpSocket: { port: 'http' },
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 30,
            },
            envFrom: [
              { configMapRef: { name: 'cfg' } },
              { secretRef: { name: 's', optional: true }, prefix: 'S_' },
            ],
            env: [
              { name: 'PLAIN', value: 'a\nb' },
              { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
              { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
              { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'requests.memory' } } },
              { name: 'EPH', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } },
              { name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
              { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode', optional: true } } },
            ],
            volumeMounts: [
              { name: 'data', mountPath: '/var/data', readOnly: true },
              { name: 'cache', mountPath: '/cache', subPath: 'web' },
            ],
          },
        ],
      },
    };
    expect(untabbed(t)).to.equal(
      [
        'Pod Template:',
        '  Labels:\t<none>',
        '  Service Account:\trobot',
        '  Init Containers:',
        '   init:',
        '    Image:\tbusybox',
        '    Port:\t<none>',
        '    Host Port:\t<none>',
        '    Command:',
        '      sh',
        '      -c',
        '      echo hi',
        '      echo there',
        '    Environment:\t<none>',
        '    Mounts:\t<none>',
        '  Containers:',
        '   web:',
        '    Image:\tnginx:1.25',
        '    Ports:\t80/TCP, 53/UDP',
        '    Host Ports:\t0/TCP, 5353/UDP',
        '    Args:',
        '      --port',
        '      80',
        '    Limits:',
        '      cpu:\t200m',
        '      memory:\t512Mi',
        '    Requests:',
        '      cpu:\t100m',
        '    Liveness:\thttp-get http://:8080/healthz delay=3s timeout=1s period=10s #success=1 #failure=3',
        '    Readiness:\texec [cat /tmp/healthy] delay=0s timeout=1s period=5s #success=1 #failure=3',
        '    Startup:\ttcp-socket :http delay=0s timeout=1s period=10s #success=1 #failure=30',
        '    Environment Variables from:',
        '      cfg\tConfigMap\tOptional: false',
        "      s\tSecret with prefix 'S_'\tOptional: true",
        '    Environment:',
        '      PLAIN:\ta',
        '      \tb',
        '      POD:\t (v1:metadata.name)',
        '      CPU:\t200 (limits.cpu)',
        '      MEM:\t0 (requests.memory)',
        '      EPH:\t536870912 (limits.memory)',
        "      PW:\t<set to the key 'password' in secret 'db'>\tOptional: false",
        "      MODE:\t<set to the key 'mode' of config map 'cfg'>\tOptional: true",
        '    Mounts:',
        '      /cache from cache (rw,path="web")',
        '      /var/data from data (ro)',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
      ].join('\n'),
    );
  });

  it('describes volumes, spread constraints, priority, node selectors and tolerations', () => {
    const t: PodTemplateSpec = {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'c', image: 'pause' }],
        volumes: [
          { name: 'scratch', emptyDir: {} },
          { name: 'mem', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
          { name: 'cfg', configMap: { name: 'app-config' } },
          { name: 'sec', secret: { secretName: 'tls', optional: true } },
          { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
          { name: 'claim', persistentVolumeClaim: { claimName: 'data' } },
          { name: 'nfs', nfs: { server: 'nfs', path: '/' } },
        ],
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'zone',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { app: 'web' } },
          },
          { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
        ],
        priorityClassName: 'high',
        nodeSelector: { disktype: 'ssd', 'kubernetes.io/os': 'linux' },
        tolerations: [
          {
            key: 'node.kubernetes.io/unreachable',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 300,
          },
          { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' },
          { operator: 'Exists' },
        ],
      },
    };
    expect(untabbed(t)).to.equal(
      [
        'Pod Template:',
        '  Labels:\tapp=web',
        '  Containers:',
        '   c:',
        '    Image:\tpause',
        '    Port:\t<none>',
        '    Host Port:\t<none>',
        '    Environment:\t<none>',
        '    Mounts:\t<none>',
        '  Volumes:',
        '   scratch:',
        "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:\t',
        '    SizeLimit:\t<unset>',
        '   mem:',
        "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:\tMemory',
        '    SizeLimit:\t64Mi',
        '   cfg:',
        '    Type:\tConfigMap (a volume populated by a ConfigMap)',
        '    Name:\tapp-config',
        '    Optional:\tfalse',
        '   sec:',
        '    Type:\tSecret (a volume populated by a Secret)',
        '    SecretName:\ttls',
        '    Optional:\ttrue',
        '   host:',
        '    Type:\tHostPath (bare host directory volume)',
        '    Path:\t/var/log',
        '    HostPathType:\tDirectory',
        '   claim:',
        '    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        '    ClaimName:\tdata',
        '    ReadOnly:\tfalse',
        '   nfs:',
        '    Type:\tNFS (an NFS mount that lasts the lifetime of a pod)',
        '    Server:\tnfs',
        '    Path:\t/',
        '    ReadOnly:\tfalse',
        '  Topology Spread Constraints:\tkubernetes.io/hostname:ScheduleAnyway when max skew 2 is exceeded',
        '  \tzone:DoNotSchedule when max skew 1 is exceeded for selector app=web',
        '  Priority Class Name:\thigh',
        '  Node-Selectors:\tdisktype=ssd',
        '\tkubernetes.io/os=linux',
        '  Tolerations:\top=Exists',
        '\tdedicated=web:NoSchedule',
        '\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        '',
      ].join('\n'),
    );
  });
});
