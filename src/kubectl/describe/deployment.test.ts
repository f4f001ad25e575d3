import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, Event, ReplicaSet } from '../../api/types.js';
import { microTimestampOf, timestampOf } from '../../store/time.js';
import { TestCluster } from '../testing.js';
import { describeDeployment } from './deployment.js';
import { describeReplicaSet } from './replicaset.js';

const MIN = 60_000;
const labels = { 'k8s-app': 'bar' };

function template(image: string) {
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: 'c',
          image,
          volumeMounts: [
            { name: 'vol-foo', mountPath: '/tmp/vol-foo' },
            { name: 'vol-bar', mountPath: '/tmp/vol-bar' },
          ],
        },
      ],
      volumes: [
        { name: 'vol-foo', emptyDir: {} },
        { name: 'vol-bar', emptyDir: {} },
      ],
    },
  };
}

/** The objects of one TestDescribeDeployment case, in a store with no controllers. */
function setup(
  c: TestCluster,
  d: { replicas: number; image: string; status?: Deployment['status'] },
  rss: Array<{ name: string; image: string; replicas: number; status: number }>,
): Deployment {
  const dep = c.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'bar', namespace: 'foo', labels },
    spec: { replicas: d.replicas, selector: { matchLabels: labels }, template: template(d.image) },
    status: d.status ?? {},
  });
  for (const rs of rss) {
    c.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rs.name,
        namespace: 'foo',
        labels,
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'bar',
            uid: dep.metadata.uid!,
            controller: true,
          },
        ],
      },
      spec: { replicas: rs.replicas, selector: { matchLabels: labels }, template: template(rs.image) },
      status: { replicas: rs.status, readyReplicas: rs.status, availableReplicas: rs.status },
    });
  }
  // As describe_test.go's fake clientset holds it: created in 2021, nothing defaulted.
  const { strategy: _defaulted, ...spec } = dep.spec!;
  return { ...dep, metadata: { ...dep.metadata, creationTimestamp: '2021-01-01T00:00:00Z' }, spec };
}

function addEvents(c: TestCluster, dep: Deployment, now: number): void {
  const ev = (name: string, message: string, fields: Partial<Event>) =>
    c.create<Event>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'foo' },
      involvedObject: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'bar',
        namespace: 'foo',
        uid: dep.metadata.uid,
      },
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message,
      ...fields,
    } as Event);
  ev('bar-000', 'Scaled up replica set bar-002 from 0 to 1', {
    reportingComponent: 'deployment-controller',
    eventTime: microTimestampOf(now - 20 * MIN),
    series: { count: 3, lastObservedTime: microTimestampOf(now - 12 * MIN) },
  });
  ev('bar-001', 'Scaled up replica set bar-001 from 0 to 2', {
    source: { component: 'deployment-controller' },
    firstTimestamp: timestampOf(now - 10 * MIN),
  });
  ev('bar-002', 'Scaled up replica set bar-002 from 0 to 1', {
    source: { component: 'deployment-controller' },
    firstTimestamp: timestampOf(now - 2 * MIN),
  });
  ev('bar-003', 'Scaled down replica set bar-002 from 2 to 1', {
    reportingComponent: 'deployment-controller',
    eventTime: microTimestampOf(now - 1 * MIN),
  });
}

describe('describe deployment', () => {
  // TestDescribeDeployment (describe_test.go), its three cases' expected fragments.
  it('shows one new ReplicaSet and mounted volumes (TestDescribeDeployment case 1)', () => {
    const c = new TestCluster(['default', 'foo']);
    const d = setup(c, { replicas: 1, image: 'mytest-image:latest' }, [
      { name: 'bar-001', image: 'mytest-image:latest', replicas: 1, status: 1 },
    ]);
    const out = describeDeployment(d, { store: c.store, now: c.now, showEvents: true });
    for (const want of [
      'Name:               bar\nNamespace:          foo',
      'CreationTimestamp:  Fri, 01 Jan 2021 00:00:00 +0000',
      'Labels:             k8s-app=bar',
      'Selector:           k8s-app=bar',
      'Replicas:           1 desired | 0 updated | 0 total | 0 available | 0 unavailable',
      'Image:        mytest-image:latest',
      'Mounts:\n      /tmp/vol-bar from vol-bar (rw)\n      /tmp/vol-foo from vol-foo (rw)',
      'OldReplicaSets:    <none>',
      'NewReplicaSet:     bar-001 (1/1 replicas created)',
      'Events:            <none>',
      'Node-Selectors:  <none>',
      'Tolerations:     <none>',
    ]) {
      expect(out).to.include(want);
    }
  });

  it('lists old and new ReplicaSets and the events of a rollout (TestDescribeDeployment case 2)', () => {
    const c = new TestCluster(['default', 'foo']);
    c.at(30 * MIN);
    const d = setup(
      c,
      {
        replicas: 2,
        image: 'mytest-image:v2.0',
        status: { replicas: 3, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 1 },
      },
      [
        { name: 'bar-001', image: 'mytest-image:v1.0', replicas: 2, status: 2 },
        { name: 'bar-002', image: 'mytest-image:v2.0', replicas: 1, status: 1 },
      ],
    );
    addEvents(c, d, c.now);
    const out = describeDeployment(d, { store: c.store, now: c.now, showEvents: true });
    for (const want of [
      'Replicas:           2 desired | 1 updated | 3 total | 2 available | 1 unavailable',
      'Image:        mytest-image:v2.0',
      'OldReplicaSets:    bar-001 (2/2 replicas created)',
      'NewReplicaSet:     bar-002 (1/1 replicas created)',
      'Events:\n',
      'Normal  ScalingReplicaSet  12m (x3 over 20m)  deployment-controller  Scaled up replica set bar-002 from 0 to 1',
      'Normal  ScalingReplicaSet  10m                deployment-controller  Scaled up replica set bar-001 from 0 to 2',
      'Normal  ScalingReplicaSet  2m                 deployment-controller  Scaled up replica set bar-002 from 0 to 1',
      'Normal  ScalingReplicaSet  60s                deployment-controller  Scaled down replica set bar-002 from 2 to 1',
    ]) {
      expect(out).to.include(want);
    }
  });

  it('keeps old ReplicaSets scaled to zero in OldReplicaSets (TestDescribeDeployment case 3)', () => {
    const c = new TestCluster(['default', 'foo']);
    const d = setup(
      c,
      {
        replicas: 2,
        image: 'mytest-image:v2.0',
        status: { replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 },
      },
      [
        { name: 'bar-001', image: 'mytest-image:v1.0', replicas: 0, status: 0 },
        { name: 'bar-002', image: 'mytest-image:v2.0', replicas: 2, status: 2 },
      ],
    );
    const out = describeDeployment(d, { store: c.store, now: c.now, showEvents: true });
    expect(out).to.include(
      'Replicas:           2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
    );
    expect(out).to.include('OldReplicaSets:    bar-001 (0/0 replicas created)');
    expect(out).to.include('NewReplicaSet:     bar-002 (2/2 replicas created)');
  });

  it('prints a rolled-out deployment exactly, with strategy, conditions and events', () => {
    const c = new TestCluster();
    const dep = c.create<Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx' } },
        template: {
          metadata: { labels: { app: 'nginx' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] },
        },
      },
      status: {
        observedGeneration: 1,
        replicas: 3,
        updatedReplicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: 'ReplicaSet "nginx-86dcfdf4c6" has successfully progressed.',
          },
        ],
      },
    });
    c.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'nginx-86dcfdf4c6',
        namespace: 'default',
        labels: { app: 'nginx', 'pod-template-hash': '86dcfdf4c6' },
        annotations: {
          'deployment.kubernetes.io/desired-replicas': '3',
          'deployment.kubernetes.io/max-replicas': '4',
          'deployment.kubernetes.io/revision': '1',
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'nginx',
            uid: dep.metadata.uid!,
            controller: true,
          },
        ],
      },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '86dcfdf4c6' } },
        template: {
          metadata: { labels: { app: 'nginx', 'pod-template-hash': '86dcfdf4c6' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] },
        },
      },
      status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
    });
    c.create<Event>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'nginx.1', namespace: 'default' },
      involvedObject: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'nginx',
        namespace: 'default',
        uid: dep.metadata.uid,
      },
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set nginx-86dcfdf4c6 from 0 to 3',
      source: { component: 'deployment-controller' },
      count: 1,
      firstTimestamp: timestampOf(0),
      lastTimestamp: timestampOf(0),
    } as Event);
    c.at(10_000);
    const ctx = { store: c.store, now: c.now, showEvents: true };
    expect(describeDeployment(c.store.get('Deployment', 'default', 'nginx')!, ctx)).to.equal(
      [
        'Name:                   nginx',
        'Namespace:              default',
        'CreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000',
        'Labels:                 app=nginx',
        'Annotations:            <none>',
        'Selector:               app=nginx',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.14.2',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   nginx-86dcfdf4c6 (3/3 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  10s   deployment-controller  Scaled up replica set nginx-86dcfdf4c6 from 0 to 3',
        '',
      ].join('\n'),
    );
    expect(describeReplicaSet(c.store.get('ReplicaSet', 'default', 'nginx-86dcfdf4c6')!, ctx)).to.equal(
      [
        'Name:           nginx-86dcfdf4c6',
        'Namespace:      default',
        'Selector:       app=nginx,pod-template-hash=86dcfdf4c6',
        'Labels:         app=nginx',
        '                pod-template-hash=86dcfdf4c6',
        'Annotations:    deployment.kubernetes.io/desired-replicas: 3',
        '                deployment.kubernetes.io/max-replicas: 4',
        '                deployment.kubernetes.io/revision: 1',
        'Controlled By:  Deployment/nginx',
        'Replicas:       3 current / 3 desired',
        'Pods Status:    0 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=nginx',
        '           pod-template-hash=86dcfdf4c6',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.14.2',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });
});
