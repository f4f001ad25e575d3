import { describe, it } from 'node:test';
import { expect } from 'chai';
import { clone } from '../../core/clone.js';
import { imageTag } from '../defaults/pod.js';
import type { Container, Pod } from '../types.js';
import { defaulted, errorsOf, messagesOf, updateErrorsOf } from './testing.js';

function pod(...containers: Array<Partial<Container>>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: {
      containers: (containers.length ? containers : [{}]).map((c, i) => ({
        name: `c${i}`,
        image: 'nginx',
        ...c,
      })),
    },
  } as Pod;
}

describe('Pod defaults (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container, admission)', () => {
  it('fills what `kubectl get pod -o yaml` shows', () => {
    const p = defaulted(
      pod({
        ports: [{ containerPort: 80 }],
        livenessProbe: { httpGet: { port: 80 } },
        readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
        resources: { limits: { cpu: '500m' } },
      }),
    );
    const s = p.spec!;
    expect(s.restartPolicy).to.equal('Always');
    expect(s.dnsPolicy).to.equal('ClusterFirst');
    expect(s.schedulerName).to.equal('default-scheduler');
    expect(s.terminationGracePeriodSeconds).to.equal(30);
    expect(s.securityContext).to.deep.equal({});
    expect(s.enableServiceLinks).to.equal(true);
    expect(s.serviceAccountName).to.equal('default');
    expect(s.priority).to.equal(0);
    expect(s.preemptionPolicy).to.equal('PreemptLowerPriority');
    expect(s.tolerations).to.deep.equal([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
    const c = s.containers[0]!;
    expect(c.imagePullPolicy).to.equal('Always');
    expect(c.terminationMessagePath).to.equal('/dev/termination-log');
    expect(c.terminationMessagePolicy).to.equal('File');
    expect(c.ports![0]!.protocol).to.equal('TCP');
    expect(c.livenessProbe).to.deep.equal({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c.readinessProbe!.periodSeconds).to.equal(5);
    expect(c.resources!.requests).to.deep.equal({ cpu: '500m' });
    expect(p.status).to.deep.equal({ phase: 'Pending', qosClass: 'Burstable' });
  });

  it('does not add tolerations the pod already has', () => {
    const p = pod();
    p.spec!.tolerations = [{ operator: 'Exists' }];
    expect(defaulted(p).spec!.tolerations).to.deep.equal([{ operator: 'Exists' }]);
  });

  it('is idempotent', () => {
    const once = defaulted(pod({ ports: [{ containerPort: 80 }] }));
    expect(defaulted(once)).to.deep.equal(once);
  });

  it('pulls :latest and untagged images always, others if not present (SetDefaults_Container)', () => {
    const cases: Array<[string, string]> = [
      ['nginx', 'latest'],
      ['nginx:latest', 'latest'],
      ['nginx:1.25', '1.25'],
      ['localhost:5000/app', 'latest'],
      ['localhost:5000/app:v2', 'v2'],
      ['nginx@sha256:abc', ''],
    ];
    for (const [image, tag] of cases) expect(imageTag(image), image).to.equal(tag);
    expect(defaulted(pod({ image: 'nginx:1.25' })).spec!.containers[0]!.imagePullPolicy).to.equal(
      'IfNotPresent',
    );
  });
});

describe('Pod validation (TestValidateContainers, TestValidateProbe, TestValidatePorts, TestValidateResourceRequirements)', () => {
  it('accepts a valid pod', () => {
    expect(errorsOf(pod())).to.deep.equal([]);
  });

  const cases: Array<[string, Pod, string[]]> = [
    ['zero-length name', pod({ name: '' }), ['Required value spec.containers[0].name']],
    ['name > 63 characters', pod({ name: 'a'.repeat(64) }), ['Invalid value spec.containers[0].name']],
    ['name not a DNS label', pod({ name: 'a.b' }), ['Invalid value spec.containers[0].name']],
    ['name not unique', pod({ name: 'a' }, { name: 'a' }), ['Duplicate value spec.containers[1].name']],
    ['zero-length image', pod({ image: '' }), ['Required value spec.containers[0].image']],
    ['image with spaces', pod({ image: ' nginx' }), ['Invalid value spec.containers[0].image']],
    [
      'invalid image pull policy',
      pod({ imagePullPolicy: 'Sometimes' }),
      ['Unsupported value spec.containers[0].imagePullPolicy'],
    ],
    ['no containers', { ...pod(), spec: { containers: [] } } as Pod, ['Required value spec.containers']],
    [
      'invalid restart policy',
      { ...pod(), spec: { ...pod().spec!, restartPolicy: 'Sometimes' } } as Pod,
      ['Unsupported value spec.restartPolicy'],
    ],
    [
      'invalid dns policy',
      { ...pod(), spec: { ...pod().spec!, dnsPolicy: 'Google' } } as Pod,
      ['Unsupported value spec.dnsPolicy'],
    ],
    [
      'port 0',
      pod({ ports: [{ containerPort: 0 }] }),
      ['Required value spec.containers[0].ports[0].containerPort'],
    ],
    [
      'port out of range',
      pod({ ports: [{ containerPort: 65536 }] }),
      ['Invalid value spec.containers[0].ports[0].containerPort'],
    ],
    [
      'host port out of range',
      pod({ ports: [{ containerPort: 80, hostPort: 65536 }] }),
      ['Invalid value spec.containers[0].ports[0].hostPort'],
    ],
    [
      'invalid protocol',
      pod({ ports: [{ containerPort: 80, protocol: 'XTCP' }] }),
      ['Unsupported value spec.containers[0].ports[0].protocol'],
    ],
    [
      'invalid port name',
      pod({ ports: [{ containerPort: 80, name: 'Http' }] }),
      ['Invalid value spec.containers[0].ports[0].name'],
    ],
    [
      'duplicate port names',
      pod({
        ports: [
          { containerPort: 80, name: 'http' },
          { containerPort: 81, name: 'http' },
        ],
      }),
      ['Duplicate value spec.containers[0].ports[1].name'],
    ],
    [
      'probe without a handler',
      pod({ livenessProbe: {} }),
      ['Required value spec.containers[0].livenessProbe'],
    ],
    [
      'probe with two handlers',
      pod({ readinessProbe: { exec: { command: ['true'] }, httpGet: { port: 80 } } }),
      ['Forbidden spec.containers[0].readinessProbe.httpGet'],
    ],
    [
      'exec without a command',
      pod({ livenessProbe: { exec: {} } }),
      ['Required value spec.containers[0].livenessProbe.exec.command'],
    ],
    [
      'liveness successThreshold 2',
      pod({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }),
      ['Invalid value spec.containers[0].livenessProbe.successThreshold'],
    ],
    [
      'startup successThreshold 2',
      pod({ startupProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }),
      ['Invalid value spec.containers[0].startupProbe.successThreshold'],
    ],
    [
      'readiness successThreshold 2 is fine',
      pod({ readinessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }),
      [],
    ],
    [
      'readiness terminationGracePeriodSeconds',
      pod({ readinessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 10 } }),
      ['Invalid value spec.containers[0].readinessProbe.terminationGracePeriodSeconds'],
    ],
    [
      'negative periodSeconds',
      pod({ livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: -1 } }),
      ['Invalid value spec.containers[0].livenessProbe.periodSeconds'],
    ],
    [
      'grpc port 0',
      pod({ livenessProbe: { grpc: { port: 0 } } }),
      ['Invalid value spec.containers[0].livenessProbe.grpc.port'],
    ],
    [
      'named httpGet port with bad name',
      pod({ livenessProbe: { httpGet: { port: 'Web_Port' } } }),
      ['Invalid value spec.containers[0].livenessProbe.httpGet.port'],
    ],
    [
      'request above limit',
      pod({ resources: { limits: { cpu: '500m' }, requests: { cpu: '1' } } }),
      ['Invalid value spec.containers[0].resources.requests'],
    ],
    [
      'non-standard resource',
      pod({ resources: { limits: { cpus: '1' } } }),
      [
        'Invalid value spec.containers[0].resources.limits[cpus]',
        'Invalid value spec.containers[0].resources.requests[cpus]',
      ],
    ],
    [
      'negative quantity',
      pod({ resources: { requests: { memory: '-1Mi' } } }),
      ['Invalid value spec.containers[0].resources.requests[memory]'],
    ],
    [
      'volume mount without volume',
      pod({ volumeMounts: [{ name: 'data', mountPath: '/data' }] }),
      ['Not found spec.containers[0].volumeMounts[0].name'],
    ],
  ];
  for (const [name, obj, want] of cases)
    it(name, () => {
      expect(errorsOf(obj)).to.deep.equal(want);
    });

  it('says a request must not exceed its limit, with the limit', () => {
    expect(messagesOf(pod({ resources: { limits: { cpu: '500m' }, requests: { cpu: '1' } } }))).to.deep.equal(
      [
        'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
      ],
    );
  });

  it('prints probe messages as the API server does', () => {
    expect(
      messagesOf(pod({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 3 } })),
    ).to.deep.equal(['spec.containers[0].livenessProbe.successThreshold: Invalid value: 3: must be 1']);
    expect(messagesOf(pod({ livenessProbe: {} }))).to.deep.equal([
      'spec.containers[0].livenessProbe: Required value: must specify a handler type',
    ]);
  });
});

describe('Pod update (ValidatePodUpdate)', () => {
  const base = () => pod({ ports: [{ containerPort: 80 }] });
  it('allows an image change (the stored object keeps its other defaults)', () => {
    const next = clone(defaulted(base()));
    next.spec!.containers[0]!.image = 'nginx:1.27';
    expect(updateErrorsOf(next, base())).to.deep.equal([]);
  });
  it('forbids other spec changes', () => {
    const next = clone(base());
    next.spec!.containers[0]!.ports = [{ containerPort: 8080 }];
    const msgs = updateErrorsOf(next, base());
    expect(msgs).to.have.length(1);
    expect(msgs[0]).to.match(
      /^spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,`spec\.initContainers\[\*\]\.image`,`spec\.activeDeadlineSeconds`,`spec\.tolerations` \(only additions to existing tolerations\),`spec\.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n {2}core\.PodSpec\{/,
    );
  });
  it('forbids adding containers', () => {
    expect(updateErrorsOf(pod({}, {}), pod({}))).to.deep.equal([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
  });
  it('forbids setting the node by update (only the binding subresource may)', () => {
    const next = defaulted(base());
    next.spec!.nodeName = 'node-1';
    const errors = updateErrorsOf(next, base());
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/^spec: Forbidden: pod updates may not change fields other than/);
  });
});
