import { describe, it } from 'node:test';
import { expect } from 'chai';
import { toGoYaml, yamlKeyLess } from './go-yaml.js';

describe('toGoYaml (sigs.k8s.io/yaml, go-yaml v2 emitter)', () => {
  it('prints a deployment as kubectl get -o yaml does', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        annotations: {
          'deployment.kubernetes.io/revision': '1',
          'kubectl.kubernetes.io/last-applied-configuration':
            '{"apiVersion":"apps/v1","kind":"Deployment"}\n',
        },
        creationTimestamp: '2025-01-01T00:00:00Z',
        generation: 1,
        name: 'nginx',
        namespace: 'default',
        resourceVersion: '1234',
        uid: '0f2b7c1e-2b83-4a53-9f6b-0a7f1b2c3d4e',
      },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx' } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
          spec: {
            containers: [
              {
                image: 'nginx:1.14.2',
                name: 'nginx',
                ports: [{ containerPort: 80, protocol: 'TCP' }],
                resources: {},
                terminationMessagePath: '/dev/termination-log',
              },
            ],
            securityContext: {},
          },
        },
      },
      status: {
        conditions: [
          {
            lastTransitionTime: '2025-01-01T00:00:05Z',
            message: 'Deployment has minimum availability.',
            reason: 'MinimumReplicasAvailable',
            status: 'True',
            type: 'Available',
          },
        ],
      },
    };
    expect(toGoYaml(deployment)).to.equal(`apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "1"
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"Deployment"}
  creationTimestamp: "2025-01-01T00:00:00Z"
  generation: 1
  name: nginx
  namespace: default
  resourceVersion: "1234"
  uid: 0f2b7c1e-2b83-4a53-9f6b-0a7f1b2c3d4e
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: nginx
    spec:
      containers:
      - image: nginx:1.14.2
        name: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
        terminationMessagePath: /dev/termination-log
      securityContext: {}
status:
  conditions:
  - lastTransitionTime: "2025-01-01T00:00:05Z"
    message: Deployment has minimum availability.
    reason: MinimumReplicasAvailable
    status: "True"
    type: Available
`);
  });

  it('quotes strings that would read as other types, single-quotes what plain text cannot say', () => {
    const cases: Array<[string, string]> = [
      ['', 'v: ""\n'],
      ['80', 'v: "80"\n'],
      ['1.5', 'v: "1.5"\n'],
      ['yes', 'v: "yes"\n'],
      ['off', 'v: "off"\n'],
      ['null', 'v: "null"\n'],
      ['1e3', 'v: "1e3"\n'],
      ['0x1F', 'v: "0x1F"\n'],
      ['10.96.0.1', 'v: 10.96.0.1\n'],
      ['10.244.0.0/24', 'v: 10.244.0.0/24\n'],
      ['a: b', "v: 'a: b'\n"],
      ['- x', "v: '- x'\n"],
      ['-c', 'v: -c\n'],
      ['*', "v: '*'\n"],
      ["it's", "v: it's\n"],
      ["'q'", "v: '''q'''\n"],
      ['x #y', "v: 'x #y'\n"],
      [' lead', "v: ' lead'\n"],
      ['tab\there', 'v: "tab\\there"\n'],
      ['containers with unready status: [nginx]', "v: 'containers with unready status: [nginx]'\n"],
    ];
    for (const [s, want] of cases) expect(toGoYaml({ v: s }), JSON.stringify(s)).to.equal(want);
  });

  it('escapes what goyaml.v2 cannot print and folds raw NEL as its parser does (kubectl v1.33.1)', () => {
    // Outputs of `kubectl get pod -o yaml` for annotations with these values (scripts/oracle).
    const cases: Array<[string, string]> = [
      ['😀 smile', 'v: "\\U0001F600 smile"\n'],
      ['grüße ☃', 'v: grüße ☃\n'],
      ['a\uFEFFb', 'v: "a\\uFEFFb"\n'],
      ['ding\x07', 'v: "ding\\a"\n'],
      ['a\u0085b', 'v: a b\n'],
      ['a \u0085 b', 'v: a b\n'],
      ['\u0085a', "v: ' a'\n"],
      ['a\u0085\u0085b', 'v: |-\n  a\n  b\n'],
      ['a \u0085\u0085 \u0085b', 'v: |-\n  a\n\n  b\n'],
    ];
    for (const [s, want] of cases) expect(toGoYaml({ v: s }), JSON.stringify(s)).to.equal(want);
  });

  it('uses literal blocks with chomping indicators for text with line breaks', () => {
    expect(toGoYaml({ a: 'x\ny\n' })).to.equal('a: |\n  x\n  y\n');
    expect(toGoYaml({ a: 'x\ny' })).to.equal('a: |-\n  x\n  y\n');
    expect(toGoYaml({ a: 'x\n\n' })).to.equal('a: |+\n  x\n\n');
    expect(toGoYaml({ a: 'x\n\ny\n', b: 1 })).to.equal('a: |\n  x\n\n  y\nb: 1\n');
  });

  it('folds long strings at the first space past column 80, two spaces deeper than the key', () => {
    const message =
      'Failed to pull image "nginx:1.161": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161"';
    expect(toGoYaml({ message })).to.equal(
      `message: 'Failed to pull image "nginx:1.161": rpc error: code = NotFound desc = failed\n  to pull and unpack image "docker.io/library/nginx:1.161"'\n`,
    );
    const plain = `${'word '.repeat(20)}end`;
    expect(toGoYaml({ items: [{ text: plain }] })).to.equal(
      `items:\n- text: ${'word '.repeat(14)}word\n    ${'word '.repeat(5)}end\n`,
    );
  });

  it('writes empty maps and lists inline, and nested sequences', () => {
    expect(toGoYaml({ a: {}, b: [], c: [[1, 2], []] })).to.equal('a: {}\nb: []\nc:\n- - 1\n  - 2\n- []\n');
  });

  it('sorts keys as go-yaml does: digit runs by value, non-letters before letters', () => {
    const keys = ['b', 'a10', 'a9', 'A', '_x', 'a.b', 'a'];
    const sorted = [...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
    expect(sorted).to.deep.equal(['_x', 'A', 'a', 'a.b', 'a9', 'a10', 'b']);
  });
});
