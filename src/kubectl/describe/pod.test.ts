import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Event, Pod } from '../../api/types.js';
import { TestCluster } from '../testing.js';
import type { DescribeContext } from './context.js';
import { describePod } from './pod.js';

function ctxOf(c: TestCluster, showEvents = true): DescribeContext {
  return { store: c.store, now: c.now, showEvents };
}

/** A pod as the fake clientset of describe_test.go holds it: nothing defaulted. */
function barPod(spec: Partial<NonNullable<Pod['spec']>> = {}, extra: Partial<Pod> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'bar', namespace: 'foo' },
    spec: { containers: [], ...spec } as Pod['spec'],
    ...extra,
  } as Pod;
}

const TEN_YEARS_AGO = '2015-01-01T00:00:00Z';

describe('describe pod', () => {
  // TestDescribePodVolumes: the whole output, literally.
  it('prints a bare pod with an image volume exactly (TestDescribePodVolumes)', () => {
    const c = new TestCluster();
    const pod = barPod({
      volumes: [{ name: 'image', image: { reference: 'image', pullPolicy: 'IfNotPresent' } }],
    } as unknown as Partial<NonNullable<Pod['spec']>>);
    pod.spec!.containers = undefined as unknown as [];
    expect(describePod(pod, ctxOf(c))).to.equal(
      [
        'Name:         bar',
        'Namespace:    foo',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       ',
        'IP:           ',
        'IPs:          <none>',
        'Containers: <none>',
        'Volumes:',
        '  image:',
        '    Type:        Image (a container image or OCI artifact)',
        '    Reference:   image',
        '    PullPolicy:  IfNotPresent',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  // TestDescribePod: a deleted pod is Terminating until it reaches a terminal phase.
  it('shows Terminating (lasts …) and the grace period unless the pod finished (TestDescribePod)', () => {
    const c = new TestCluster();
    const cases: Array<[string, string[]]> = [
      ['Running', ['bar', 'Status:', 'Terminating (lasts 10y)', 'Termination Grace Period', '1234s']],
      ['Pending', ['bar', 'foo', 'Terminating (lasts 10y)', 'Termination Grace Period', '1234s']],
      ['Succeeded', ['bar', 'foo', 'Succeeded']],
      ['Failed', ['bar', 'foo', 'Failed']],
    ];
    for (const [phase, wants] of cases) {
      const pod = barPod(
        { readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }] },
        { status: { phase, conditions: [{ type: 'condition1', status: 'True' }] } },
      );
      pod.metadata.deletionTimestamp = TEN_YEARS_AGO;
      pod.metadata.deletionGracePeriodSeconds = 1234;
      const out = describePod(pod, ctxOf(c));
      for (const want of wants) expect(out).to.include(want);
      expect(out).to.include(
        'Readiness Gates:\n  Type         Status\n  condition1   True \n  condition2   <none> \n',
      );
      if (phase === 'Succeeded') expect(out).not.to.include('Terminating');
    }
  });

  it('shows the small pod fields describe_test.go checks one by one', () => {
    const c = new TestCluster();
    const out = describePod(
      barPod(
        {
          serviceAccountName: 'fooaccount',
          nodeName: 'all-in-one',
          priority: 1000,
          priorityClassName: 'high-priority',
          runtimeClassName: 'test1',
          securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'lauseafoodpod' } },
          topologySpreadConstraints: [
            {
              maxSkew: 3,
              topologyKey: 'topology.kubernetes.io/test1',
              whenUnsatisfiable: 'DoNotSchedule',
              labelSelector: { matchLabels: { key1: 'val1', key2: 'val2' } },
            },
            { maxSkew: 1, topologyKey: 'topology.kubernetes.io/test2', whenUnsatisfiable: 'ScheduleAnyway' },
          ],
        },
        { status: { hostIP: '127.0.0.1', nominatedNodeName: 'nodeA' } },
      ),
      ctxOf(c),
    );
    for (const want of [
      'Service Account:',
      'fooaccount',
      'all-in-one/127.0.0.1',
      'nodeA',
      'high-priority',
      '1000',
      'Runtime Class Name',
      'SeccompProfile',
      'LocalhostProfile',
      'lauseafoodpod',
      'topology.kubernetes.io/test1:DoNotSchedule when max skew 3 is exceeded for selector key1=val1,key2=val2\n',
      'topology.kubernetes.io/test2:ScheduleAnyway when max skew 1 is exceeded\n',
    ]) {
      expect(out).to.include(want);
    }
    // TestDescribeProjectedVolumesOptionalSecret
    const projected = barPod({
      volumes: [
        {
          name: 'optional-secret',
          projected: { sources: [{ secret: { name: 'optional-secret', optional: true } }] },
        },
      ],
    });
    expect(describePod(projected, ctxOf(c))).to.include(
      'SecretName:  optional-secret\n    Optional:    true',
    );
    expect(describePod(barPod({ runtimeClassName: '' }), ctxOf(c))).not.to.include('Runtime Class Name');
  });

  it('prints a running pod of a ReplicaSet with restarts and folded events, exactly', () => {
    const c = new TestCluster();
    c.at(125_000);
    const pod = c.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-7c5ddbdf54-x2x4z',
        namespace: 'default',
        labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' },
        annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'web-7c5ddbdf54',
            uid: 'rs-uid',
            controller: true,
          },
        ],
      },
      spec: {
        nodeName: 'node-1',
        containers: [
          {
            name: 'web',
            image: 'registry.k8s.io/liveness',
            args: ['/server'],
            ports: [{ containerPort: 8080 }],
            livenessProbe: {
              httpGet: { path: '/healthz', port: 8080 },
              initialDelaySeconds: 3,
              periodSeconds: 3,
            },
            resources: { limits: { memory: '128Mi' }, requests: { cpu: '100m', memory: '64Mi' } },
          },
        ],
      },
      status: {
        phase: 'Running',
        hostIP: '172.18.0.2',
        podIP: '10.244.0.5',
        podIPs: [{ ip: '10.244.0.5' }],
        startTime: '2025-01-01T00:00:05Z',
        qosClass: 'Burstable',
        conditions: [
          { type: 'PodReadyToStartContainers', status: 'True' },
          { type: 'Initialized', status: 'True' },
          { type: 'Ready', status: 'True' },
          { type: 'ContainersReady', status: 'True' },
          { type: 'PodScheduled', status: 'True' },
        ],
        containerStatuses: [
          {
            name: 'web',
            image: 'registry.k8s.io/liveness:latest',
            imageID:
              'registry.k8s.io/liveness@sha256:1aef943db82cf1370d0504a51061fb082b4d351171b304ad194f6297c0bb726a',
            containerID: 'containerd://4e9a1d7c',
            ready: true,
            restartCount: 3,
            state: { running: { startedAt: '2025-01-01T00:01:41Z' } },
            lastState: {
              terminated: {
                reason: 'Error',
                exitCode: 2,
                startedAt: '2025-01-01T00:01:23Z',
                finishedAt: '2025-01-01T00:01:41Z',
              },
            },
          },
        ],
      },
    } as Pod);
    const ev = (name: string, fields: Partial<Event>) =>
      c.create<Event>({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: 'default' },
        involvedObject: { kind: 'Pod', name: pod.metadata.name, namespace: 'default', uid: pod.metadata.uid },
        type: 'Normal',
        count: 1,
        source: { component: 'kubelet', host: 'node-1' },
        ...fields,
      } as Event);
    ev('e0', {
      reason: 'Scheduled',
      message: `Successfully assigned default/${pod.metadata.name} to node-1`,
      source: { component: 'default-scheduler' },
      firstTimestamp: '2025-01-01T00:00:05Z',
      lastTimestamp: '2025-01-01T00:00:05Z',
    });
    ev('e1', {
      type: 'Warning',
      reason: 'Unhealthy',
      message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
      count: 9,
      firstTimestamp: '2025-01-01T00:00:20Z',
      lastTimestamp: '2025-01-01T00:01:40Z',
    });
    ev('e2', {
      reason: 'Pulled',
      message: 'Container image "registry.k8s.io/liveness" already present on machine',
      count: 4,
      firstTimestamp: '2025-01-01T00:00:05Z',
      lastTimestamp: '2025-01-01T00:01:41Z',
    });
    expect(describePod(c.store.get('Pod', 'default', pod.metadata.name)!, ctxOf(c))).to.equal(
      [
        'Name:             web-7c5ddbdf54-x2x4z',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node-1/172.18.0.2',
        'Start Time:       Wed, 01 Jan 2025 00:00:05 +0000',
        'Labels:           app=web',
        '                  pod-template-hash=7c5ddbdf54',
        'Annotations:      kubectl.kubernetes.io/restartedAt: 2025-01-01T00:00:00Z',
        'Status:           Running',
        'IP:               10.244.0.5',
        'IPs:',
        '  IP:           10.244.0.5',
        'Controlled By:  ReplicaSet/web-7c5ddbdf54',
        'Containers:',
        '  web:',
        '    Container ID:  containerd://4e9a1d7c',
        '    Image:         registry.k8s.io/liveness',
        '    Image ID:      registry.k8s.io/liveness@sha256:1aef943db82cf1370d0504a51061fb082b4d351171b304ad194f6297c0bb726a',
        '    Port:          8080/TCP',
        '    Host Port:     0/TCP',
        '    Args:',
        '      /server',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:01:41 +0000',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    2',
        '      Started:      Wed, 01 Jan 2025 00:01:23 +0000',
        '      Finished:     Wed, 01 Jan 2025 00:01:41 +0000',
        '    Ready:          True',
        '    Restart Count:  3',
        '    Limits:',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:        100m',
        '      memory:     64Mi',
        '    Liveness:     http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:                      <none>',
        'QoS Class:                    Burstable',
        'Node-Selectors:               <none>',
        'Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason     Age                 From               Message',
        '  ----     ------     ----                ----               -------',
        '  Normal   Scheduled  2m                  default-scheduler  Successfully assigned default/web-7c5ddbdf54-x2x4z to node-1',
        '  Warning  Unhealthy  25s (x9 over 105s)  kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500',
        '  Normal   Pulled     24s (x4 over 2m)    kubelet            Container image "registry.k8s.io/liveness" already present on machine',
        '',
      ].join('\n'),
    );
  });

  it('reads a pod being deleted as Terminating (lasts <invalid>) until its grace period has passed', () => {
    const c = new TestCluster();
    const pod = barPod({}, { status: { phase: 'Running' } });
    pod.metadata.deletionTimestamp = '2025-01-01T00:00:30Z';
    pod.metadata.deletionGracePeriodSeconds = 30;
    c.at(5_000);
    expect(describePod(pod, ctxOf(c))).to.include(
      'Status:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n',
    );
    c.at(60_000);
    expect(describePod(pod, ctxOf(c))).to.include('Terminating (lasts 30s)');
  });

  it('leaves the Events section out with --show-events=false', () => {
    const c = new TestCluster();
    expect(describePod(barPod(), ctxOf(c, false))).not.to.include('Events');
  });
});
