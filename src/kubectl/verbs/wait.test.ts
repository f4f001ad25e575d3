import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parse } from 'yaml';
import type { KubeObject, Pod } from '../../api/types.js';
import { TestCluster } from '../testing.js';
import { conditionMet, jsonPathWait, parseWaitCondition } from './wait.js';

function pod(c: TestCluster, name: string, labels: Record<string, string> = { app: 'web' }): Pod {
  return c.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  });
}

/** Sets the pod's Ready condition `ms` from now. */
function readyAfter(c: TestCluster, name: string, ms: number, status: 'True' | 'False' = 'True'): void {
  c.clock.schedule(
    () =>
      c.store.mutateStatus('Pod', 'default', name, (p) => {
        p.status = { ...p.status, conditions: [{ type: 'Ready', status }] };
      }),
    ms,
    'test readiness',
  );
}

function deleteAfter(c: TestCluster, name: string, ms: number): void {
  c.clock.schedule(() => c.store.delete('Pod', 'default', name), ms, 'test deletion');
}

function withConditions(
  generation: number | undefined,
  conditions: Array<Record<string, unknown>>,
  observedGeneration?: number,
): KubeObject {
  return {
    apiVersion: 'group/version',
    kind: 'TheKind',
    metadata: { name: 'name-foo', namespace: 'ns-foo', ...(generation ? { generation } : {}) },
    status: { conditions, ...(observedGeneration !== undefined ? { observedGeneration } : {}) },
  } as unknown as KubeObject;
}

// wait_test.go TestWaitForCondition: the checks on one object, without the fake client.
describe('ConditionalWait.checkCondition', () => {
  const cases: Array<[string, KubeObject, boolean]> = [
    ['present', withConditions(undefined, [{ type: 'the-condition', status: 'status-value' }]), true],
    [
      'another condition',
      withConditions(undefined, [{ type: 'some-other-condition', status: 'status-value' }]),
      false,
    ],
    ['no conditions', withConditions(undefined, []), false],
    [
      'stale .status.conditions[0].observedGeneration',
      withConditions(2, [{ type: 'the-condition', status: 'status-value', observedGeneration: 1 }]),
      false,
    ],
    [
      'current .status.conditions[0].observedGeneration',
      withConditions(2, [{ type: 'the-condition', status: 'status-value', observedGeneration: 2 }]),
      true,
    ],
    [
      'stale .status.observedGeneration',
      withConditions(2, [{ type: 'the-condition', status: 'status-value' }], 1),
      false,
    ],
    [
      'current .status.observedGeneration',
      withConditions(2, [{ type: 'the-condition', status: 'status-value' }], 2),
      true,
    ],
    [
      'case-insensitive type and status',
      withConditions(undefined, [{ type: 'THE-condition', status: 'Status-Value' }]),
      true,
    ],
    [
      'the first condition of the type with a status decides',
      withConditions(undefined, [
        { type: 'the-condition' },
        { type: 'the-condition', status: 'other' },
        { type: 'the-condition', status: 'status-value' },
      ]),
      false,
    ],
  ];
  for (const [name, obj, want] of cases) {
    it(name, () => {
      expect(conditionMet(obj, 'the-condition', 'status-value')).to.equal(want);
    });
  }
});

// wait_test.go podYAML, trimmed to the fields the JSONPath table reads.
const POD = parse(`
apiVersion: v1
kind: Pod
metadata:
  name: foo-b6699dcfb-rnv7t
  namespace: default
spec:
  containers:
  - image: nginx
    name: nginx
    ports:
    - containerPort: 80
      protocol: TCP
  nodeName: knode0
status:
  conditions:
  - status: "True"
    type: Initialized
  - status: "True"
    type: Ready
  containerStatuses:
  - name: nginx
    ready: true
    restartCount: 0
  phase: Running
`) as KubeObject;

// wait_test.go TestWaitForDifferentJSONPathExpression: "false" means it would time out.
describe('JSONPathWait.checkCondition', () => {
  const cases: Array<[string, string, string, boolean | string]> = [
    ['JSONPath entry not exist', '{.foo.bar}', 'baz', false],
    ['compare boolean JSONPath entry', '{.status.containerStatuses[0].ready}', 'true', true],
    ['compare boolean JSONPath entry wrong value', '{.status.containerStatuses[0].ready}', 'false', false],
    ['compare integer JSONPath entry', '{.spec.containers[0].ports[0].containerPort}', '80', true],
    [
      'compare integer JSONPath entry wrong value',
      '{.spec.containers[0].ports[0].containerPort}',
      '81',
      false,
    ],
    ['compare string JSONPath entry', '{.spec.nodeName}', 'knode0', true],
    ['compare string JSONPath entry wrong value', '{.spec.nodeName}', 'kmaster', false],
    ['matches more than one value', '{.status.conditions[*]}', 'foo', 'more than one value'],
    [
      'matches more than one list',
      '{range .status.conditions[*]}[{.status}] {end}',
      'foo',
      'more than one list',
    ],
    ['unsupported type []interface{}', '{.status.conditions}', 'True', 'nested object or list'],
    ['unsupported type map[string]interface{}', '{.spec}', 'foo', 'nested object or list'],
    ['any value when none is given', '{.status.phase}', '', true],
    ['a filter', '{.status.conditions[?(@.type=="Ready")].status}', 'True', true],
  ];
  for (const [name, expression, value, want] of cases) {
    it(name, () => {
      const met = jsonPathWait(expression, value);
      if (typeof want === 'string') expect(() => met(POD)).to.throw(want);
      else expect(met(POD)).to.equal(want);
    });
  }
});

describe('--for', () => {
  const cases: Array<[string, string]> = [
    ['', 'unrecognized condition: ""'],
    ['foo', 'unrecognized condition: "foo"'],
    [
      'jsonpath={.a}=',
      "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
    ],
    [
      'jsonpath={.a}=b=c',
      "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    ],
    ['jsonpath=', 'jsonpath expression cannot be empty'],
    [
      'jsonpath={{.a}',
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    ],
  ];
  for (const [value, error] of cases) {
    it(`rejects ${JSON.stringify(value)} as kubectl v1.32 does`, () => {
      expect(() => parseWaitCondition(value)).to.throw(error);
    });
  }

  it('reads condition=NAME[=VALUE], delete, create and jsonpath with == inside', () => {
    expect(parseWaitCondition('DELETE').kind).to.equal('delete');
    expect(parseWaitCondition('create').kind).to.equal('create');
    const ready = parseWaitCondition('condition=Ready=false');
    const obj = withConditions(undefined, [{ type: 'Ready', status: 'False' }]);
    expect(ready.kind === 'state' && ready.met(obj)).to.equal(true);
    const filter = parseWaitCondition('jsonpath={.status.conditions[?(@.type=="Ready")].status}=True');
    expect(filter.kind === 'state' && filter.met(POD)).to.equal(true);
    const relaxed = parseWaitCondition('jsonpath=spec.nodeName="knode0"');
    expect(relaxed.kind === 'state' && relaxed.met(POD)).to.equal(true);
  });
});

describe('kubectl wait', () => {
  it('waits in simulated time until the condition holds and prints "condition met"', () => {
    const c = new TestCluster();
    pod(c, 'busybox1');
    readyAfter(c, 'busybox1', 5_000);
    expect(c.run('wait --for=condition=Ready pod/busybox1')).to.deep.equal({
      stdout: 'pod/busybox1 condition met\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.now).to.equal(5_000);
  });

  it('times out after 30 seconds by default, naming the resource and the object', () => {
    const c = new TestCluster();
    pod(c, 'busybox1');
    expect(c.run('wait --for=condition=Ready pod/busybox1')).to.deep.equal({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on pods/busybox1\n',
      exitCode: 1,
    });
    expect(c.now).to.equal(30_000);
    c.run('wait --for=condition=Ready pod busybox1 --timeout=1m30s');
    expect(c.now).to.equal(120_000);
  });

  it('checks once with --timeout=0', () => {
    const c = new TestCluster();
    pod(c, 'busybox1');
    expect(c.run('wait --for=condition=Ready pod/busybox1 --timeout=0').stderr).to.equal(
      'error: condition not met for pods/busybox1\n',
    );
    expect(c.run('wait --for=delete pod/busybox1 --timeout=0').stderr).to.equal(
      'error: condition not met for pods/busybox1\n',
    );
    expect(c.now).to.equal(0);
  });

  it('sees a state that lasts no simulated time (it watches every change)', () => {
    const c = new TestCluster();
    pod(c, 'busybox1');
    c.clock.schedule(
      () => {
        c.store.mutateStatus('Pod', 'default', 'busybox1', (p) => {
          p.status = { conditions: [{ type: 'Ready', status: 'True' }] };
        });
        c.store.mutateStatus('Pod', 'default', 'busybox1', (p) => {
          p.status = { conditions: [{ type: 'Ready', status: 'False' }] };
        });
      },
      2_000,
      'flap',
    );
    expect(c.run('wait --for=condition=Ready pod/busybox1').exitCode).to.equal(0);
    expect(c.now).to.equal(2_000);
  });

  it('visits the objects in order with one shared deadline; late ones time out at once', () => {
    const c = new TestCluster();
    pod(c, 'a');
    pod(c, 'b');
    pod(c, 'c', { app: 'other' });
    readyAfter(c, 'a', 40_000);
    readyAfter(c, 'b', 1_000);
    const r = c.run('wait --for=condition=Ready pod -l app=web --timeout=50s');
    expect(r).to.deep.equal({
      stdout: 'pod/a condition met\npod/b condition met\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.now).to.equal(40_000);
    pod(c, 'd');
    pod(c, 'e');
    const late = c.run('wait --for=condition=Ready=false pod --all --timeout=10s');
    expect(late.stdout).to.equal('');
    expect(late.stderr).to.equal(
      [
        'timed out waiting for the condition on pods/a',
        'timed out waiting for the condition on pods/b',
        'timed out waiting for the condition on pods/c',
        'timed out waiting for the condition on pods/d',
        'timed out waiting for the condition on pods/e',
        '',
      ].join('\n'),
    );
    expect(c.now).to.equal(50_000);
  });

  it('waits for deletion; objects already gone print nothing, and -o name prints the bare name', () => {
    const c = new TestCluster();
    pod(c, 'a');
    pod(c, 'b');
    deleteAfter(c, 'b', 12_000);
    expect(c.run('wait --for=delete pod/a pod/b pod/gone -o name --timeout=5s')).to.deep.equal({
      stdout: '',
      stderr:
        'timed out waiting for the condition on pods/a\ntimed out waiting for the condition on pods/b\n',
      exitCode: 1,
    });
    c.run('delete pod a --wait=false');
    // pod/a is gone before the wait starts: the builder's NotFound is ignored, nothing is printed.
    expect(c.run('wait --for=delete pod/a pod/b')).to.deep.equal({
      stdout: 'pod/b condition met\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.now).to.equal(12_000);
    expect(c.run('wait --for=delete pod --all')).to.deep.equal({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('reports names that do not exist and selectors that match nothing', () => {
    const c = new TestCluster();
    expect(c.run('wait --for=condition=Ready pod/nope').stderr).to.equal(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(c.run('wait --for=condition=Ready pod -l app=web').stderr).to.equal(
      'error: no matching resources found\n',
    );
    expect(c.run('wait --for=condition=Ready pod').stderr).to.equal(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(c.now).to.equal(0);
  });

  it('waits for a jsonpath value', () => {
    const c = new TestCluster();
    pod(c, 'busybox1');
    c.clock.schedule(
      () =>
        c.store.mutateStatus('Pod', 'default', 'busybox1', (p) => {
          p.status = { phase: 'Running' };
        }),
      7_000,
      'run',
    );
    expect(c.run("wait --for=jsonpath='{.status.phase}'=Running pod/busybox1").stdout).to.equal(
      'pod/busybox1 condition met\n',
    );
    expect(c.now).to.equal(7_000);
  });

  it('--for=create polls every half second until the object exists', () => {
    const c = new TestCluster();
    c.clock.schedule(() => pod(c, 'late'), 1_200, 'create');
    expect(c.run('wait --for=create pod/late').stdout).to.equal('pod/late condition met\n');
    expect(c.now).to.equal(1_500);
    expect(c.run('wait --for=create pod/never --timeout=2s').stderr).to.equal(
      'error: timed out waiting for the condition\n',
    );
    expect(c.now).to.equal(3_500);
  });

  it('a negative --timeout waits up to a week; a bad one is a flag error', () => {
    const c = new TestCluster();
    pod(c, 'busybox1');
    readyAfter(c, 'busybox1', 100 * 3_600_000);
    expect(c.run('wait --for=condition=Ready pod/busybox1 --timeout=-1s').exitCode).to.equal(0);
    expect(c.now).to.equal(100 * 3_600_000);
    expect(c.run('wait --for=condition=Ready pod/busybox1 --timeout=-1').stderr).to.equal(
      'Error: invalid argument "-1" for "--timeout" flag: time: missing unit in duration "-1"\n' +
        "See 'kubectl wait --help' for usage.\n",
    );
  });
});
