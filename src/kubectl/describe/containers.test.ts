import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container, ContainerStatus, Pod, Probe } from '../../api/types.js';
import { describeContainers, describeProbe, describeResources, envValueRetriever } from './containers.js';
import { LEVEL_1, PrefixWriter, tabbedString } from './writer.js';

const T0 = '2025-01-01T00:00:05Z';

function containerText(container: Container, status?: ContainerStatus): string {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'ns' },
    spec: { containers: [container] },
  } as Pod;
  const w = new PrefixWriter();
  describeContainers('Containers', [container], status ? [status] : [], envValueRetriever(pod), w, '');
  return w.text;
}

const base = { timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };

describe('describe containers', () => {
  it('prints probes as DescribeProbe does', () => {
    const cases: Array<[Probe, string]> = [
      [
        {
          ...base,
          httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
          initialDelaySeconds: 3,
          periodSeconds: 3,
        },
        'http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3',
      ],
      [
        { ...base, exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
        'exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
      ],
      [
        { ...base, tcpSocket: { port: 8080 }, initialDelaySeconds: 15, periodSeconds: 20 },
        'tcp-socket :8080 delay=15s timeout=1s period=20s #success=1 #failure=3',
      ],
      [
        { ...base, grpc: { port: 2379 }, initialDelaySeconds: 10, periodSeconds: 10 },
        'grpc <pod>:2379  delay=10s timeout=1s period=10s #success=1 #failure=3',
      ],
      [
        {
          ...base,
          httpGet: { host: 'example.com', path: '/a b?c', port: 'http', scheme: 'HTTPS' },
          periodSeconds: 10,
        },
        'http-get https://example.com:http/a%20b%3Fc delay=0s timeout=1s period=10s #success=1 #failure=3',
      ],
      [
        {
          ...base,
          httpGet: { host: 'example.com', port: 443, path: 'ready', scheme: 'HTTPS' },
          periodSeconds: 10,
        },
        'http-get https://example.com:443/ready delay=0s timeout=1s period=10s #success=1 #failure=3',
      ],
      [
        { ...base, httpGet: { host: '::1', path: 'x', port: 80, scheme: 'HTTP' }, periodSeconds: 10 },
        'http-get http://[::1]:80/x delay=0s timeout=1s period=10s #success=1 #failure=3',
      ],
    ];
    for (const [probe, want] of cases) expect(describeProbe(probe)).to.equal(want);
  });

  // TestDescribeContainers (describe_test.go): what each container state and setting shows.
  it('shows states, restarts, env, command and mounts (TestDescribeContainers)', () => {
    const cases: Array<{ container: Container; status?: ContainerStatus; expected: string[] }> = [
      {
        container: { name: 'test', image: 'image' },
        status: {
          name: 'test',
          image: 'image',
          imageID: '',
          ready: true,
          restartCount: 7,
          state: { running: { startedAt: T0 } },
        },
        expected: [
          'test',
          'State',
          'Running',
          'Ready',
          'True',
          'Restart Count',
          '7',
          'Image',
          'image',
          'Started',
        ],
      },
      {
        container: { name: 'test', image: 'image' },
        status: {
          name: 'test',
          image: 'image',
          imageID: '',
          ready: true,
          restartCount: 7,
          state: { waiting: { reason: 'potato' } },
        },
        expected: [
          'test',
          'State',
          'Waiting',
          'Ready',
          'True',
          'Restart Count',
          '7',
          'Image',
          'image',
          'Reason',
          'potato',
        ],
      },
      {
        container: { name: 'test', image: 'image' },
        status: {
          name: 'test',
          image: 'image',
          imageID: '',
          ready: true,
          restartCount: 7,
          state: { terminated: { startedAt: T0, finishedAt: T0, reason: 'potato', exitCode: 2 } },
        },
        expected: [
          'test',
          'State',
          'Terminated',
          'Ready',
          'True',
          'Restart Count',
          '7',
          'Image',
          'image',
          'Reason',
          'potato',
          'Started',
          'Finished',
          'Exit Code',
          '2',
        ],
      },
      {
        container: { name: 'test', image: 'image' },
        status: {
          name: 'test',
          image: 'image',
          imageID: '',
          ready: true,
          restartCount: 7,
          state: { running: { startedAt: T0 } },
          lastState: { terminated: { startedAt: T0, finishedAt: T0, reason: 'crashing', exitCode: 3 } },
        },
        expected: [
          'test',
          'State',
          'Terminated',
          'Ready',
          'True',
          'Restart Count',
          '7',
          'Image',
          'image',
          'Started',
          'Finished',
          'Exit Code',
          'crashing',
          '3',
        ],
      },
      {
        container: { name: 'test', image: 'image' },
        status: { name: 'test', image: 'image', imageID: '', ready: true, restartCount: 7 },
        expected: ['test', 'State', 'Waiting', 'Ready', 'True', 'Restart Count', '7', 'Image', 'image'],
      },
      {
        container: {
          name: 'test',
          image: 'image',
          env: [{ name: 'envname', value: 'xyz' }],
          envFrom: [{ configMapRef: { name: 'a123' } }],
        },
        expected: ['envname', 'xyz', 'a123\tConfigMap\tOptional: false'],
      },
      {
        container: {
          name: 'test',
          image: 'image',
          envFrom: [{ prefix: 'p_', configMapRef: { name: 'a123' } }],
        },
        expected: ["a123\tConfigMap with prefix 'p_'\tOptional: false"],
      },
      {
        container: {
          name: 'test',
          image: 'image',
          envFrom: [{ secretRef: { name: 'a123', optional: true } }],
        },
        expected: ['a123\tSecret\tOptional: true'],
      },
      {
        container: { name: 'test', image: 'image', command: ['sleep', '1000\n2000'] },
        expected: ['1000\n      2000'],
      },
      {
        container: { name: 'test', image: 'image', args: ['time', '1000\n2000'] },
        expected: ['1000\n      2000'],
      },
      {
        container: {
          name: 'test',
          image: 'image',
          resources: { limits: { cpu: '1000', memory: '4G', storage: '20G' } },
        },
        expected: ['cpu', '1k', 'memory', '4G', 'storage', '20G'],
      },
      {
        container: {
          name: 'test',
          image: 'image',
          volumeMounts: [{ name: 'mounted-volume', mountPath: '/opt/' }],
        },
        expected: ['mounted-volume', '/opt/', '(rw)'],
      },
      {
        container: {
          name: 'test',
          image: 'image',
          volumeMounts: [{ name: 'mounted-volume', mountPath: '/opt/', readOnly: true }],
        },
        expected: ['Mounts', 'mounted-volume', '/opt/', '(ro)'],
      },
      {
        container: {
          name: 'test',
          image: 'image',
          volumeMounts: [{ name: 'mounted-volume', mountPath: '/opt/', subPath: 'foo' }],
        },
        expected: ['Mounts', 'mounted-volume', '/opt/', '(rw,path="foo")'],
      },
      {
        container: {
          name: 'test',
          image: 'image',
          volumeDevices: [{ name: 'volume-device', devicePath: '/dev/xvda' }],
        },
        expected: ['Devices', 'volume-device', '/dev/xvda'],
      },
    ];
    for (const c of cases) {
      const out = containerText(c.container, c.status);
      for (const want of c.expected) expect(out, out).to.include(want);
    }
  });

  it('prints resources sorted, with canonical quantities (TestDescribeResources)', () => {
    const w = new PrefixWriter();
    describeResources(
      { requests: { memory: '100Mi', cpu: '1000' }, limits: { cpu: '1000', memory: '100Mi' } },
      w,
      LEVEL_1,
    );
    expect(w.text).to.equal(
      '  Limits:\n    cpu:\t1k\n    memory:\t100Mi\n  Requests:\n    cpu:\t1k\n    memory:\t100Mi\n',
    );
  });

  it('aligns one full container block as kubectl does', () => {
    const container: Container = {
      name: 'liveness',
      image: 'registry.k8s.io/liveness',
      args: ['/server'],
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
      livenessProbe: {
        ...base,
        httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
        initialDelaySeconds: 3,
        periodSeconds: 3,
      },
      env: [
        { name: 'MY_POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'MY_NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
        { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } },
      ],
      resources: { requests: { cpu: '250m' } },
    };
    const status: ContainerStatus = {
      name: 'liveness',
      image: 'registry.k8s.io/liveness:latest',
      imageID: 'registry.k8s.io/liveness@sha256:abc',
      containerID: 'containerd://0123',
      ready: true,
      restartCount: 2,
      state: { running: { startedAt: '2025-01-01T00:00:36Z' } },
      lastState: {
        terminated: {
          reason: 'Error',
          exitCode: 2,
          startedAt: '2025-01-01T00:00:18Z',
          finishedAt: '2025-01-01T00:00:36Z',
        },
      },
    };
    const out = tabbedString((w) => {
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'liveness-http' } } as Pod;
      describeContainers('Containers', [container], [status], envValueRetriever(pod), w, '');
    });
    expect(out).to.equal(
      [
        'Containers:',
        '  liveness:',
        '    Container ID:  containerd://0123',
        '    Image:         registry.k8s.io/liveness',
        '    Image ID:      registry.k8s.io/liveness@sha256:abc',
        '    Port:          8080/TCP',
        '    Host Port:     0/TCP',
        '    Args:',
        '      /server',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:00:36 +0000',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    2',
        '      Started:      Wed, 01 Jan 2025 00:00:18 +0000',
        '      Finished:     Wed, 01 Jan 2025 00:00:36 +0000',
        '    Ready:          True',
        '    Restart Count:  2',
        '    Requests:',
        '      cpu:     250m',
        '    Liveness:  http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3',
        '    Environment:',
        '      MY_POD_NAME:   liveness-http (v1:metadata.name)',
        '      MY_NODE_NAME:   (v1:spec.nodeName)',
        "      PASSWORD:      <set to the key 'pw' in secret 'db'>  Optional: false",
        '      MEM:           node allocatable (limits.memory)',
        '    Mounts:          <none>',
        '',
      ].join('\n'),
    );
  });
});
