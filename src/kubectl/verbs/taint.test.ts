import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Node } from '../../api/types.js';
import { TestCluster } from '../testing.js';
import {
  checkIfTaintsAlreadyExists,
  deleteTaint,
  deleteTaintsByKey,
  MODIFIED,
  parseTaints,
  reorganizeTaints,
  TAINTED,
  type TaintSpec,
  UNTAINTED,
} from './taint.js';

const NS = 'NoSchedule';
const NE = 'NoExecute';
const PNS = 'PreferNoSchedule';

describe('deleteTaint (utils_test.go TestDeleteTaint)', () => {
  const cases: Array<{
    name: string;
    taints: TaintSpec[];
    del: TaintSpec;
    expected: TaintSpec[];
    ok: boolean;
  }> = [
    {
      name: 'delete taint with different name',
      taints: [{ key: 'foo', effect: NS }],
      del: { key: 'foo_1', effect: NS },
      expected: [{ key: 'foo', effect: NS }],
      ok: false,
    },
    {
      name: 'delete taint with different effect',
      taints: [{ key: 'foo', effect: NS }],
      del: { key: 'foo', effect: NE },
      expected: [{ key: 'foo', effect: NS }],
      ok: false,
    },
    {
      name: 'delete taint successfully',
      taints: [{ key: 'foo', effect: NS }],
      del: { key: 'foo', effect: NS },
      expected: [],
      ok: true,
    },
    {
      name: 'delete taint from empty taint array',
      taints: [],
      del: { key: 'foo', effect: NS },
      expected: [],
      ok: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(deleteTaint(c.taints, c.del)).to.deep.equal([c.expected, c.ok]);
    });
  }
});

describe('deleteTaintsByKey (TestDeleteTaintByKey)', () => {
  const taint = { key: 'foo', value: 'bar', effect: NS };
  it('delete taint unsuccessfully', () => {
    expect(deleteTaintsByKey([taint], 'foo_1')).to.deep.equal([[taint], false]);
  });
  it('delete taint successfully', () => {
    expect(deleteTaintsByKey([taint], 'foo')).to.deep.equal([[], true]);
  });
  it('delete taint from empty taint array', () => {
    expect(deleteTaintsByKey([], 'foo')).to.deep.equal([[], false]);
  });
});

describe('checkIfTaintsAlreadyExists (TestCheckIfTaintsAlreadyExists)', () => {
  const old = ['foo_1', 'foo_2', 'foo_3'].map((key) => ({ key, value: 'bar', effect: NS }));
  const cases: Array<[string, TaintSpec[], string]> = [
    ['empty array', [], ''],
    ['no match', [{ key: 'foo_1', effect: NE }], ''],
    ['match one taint', [{ key: 'foo_2', effect: NS }], 'foo_2'],
    [
      'match two taints',
      [
        { key: 'foo_2', effect: NS },
        { key: 'foo_3', effect: NS },
      ],
      'foo_2,foo_3',
    ],
  ];
  for (const [name, check, expected] of cases) {
    it(name, () => {
      expect(checkIfTaintsAlreadyExists(old, check)).to.equal(expected);
    });
  }
});

describe('reorganizeTaints (TestReorganizeTaints)', () => {
  const nodeTaints: TaintSpec[] = [{ key: 'foo', value: 'bar', effect: NS }];
  const cases: Array<{
    name: string;
    overwrite: boolean;
    add: TaintSpec[];
    remove: TaintSpec[];
    taints: TaintSpec[];
    operation: string;
    err: boolean;
  }> = [
    {
      name: 'no changes with overwrite is true',
      overwrite: true,
      add: [],
      remove: [],
      taints: nodeTaints,
      operation: MODIFIED,
      err: false,
    },
    {
      name: 'no changes with overwrite is false',
      overwrite: false,
      add: [],
      remove: [],
      taints: nodeTaints,
      operation: UNTAINTED,
      err: false,
    },
    {
      name: 'add new taint',
      overwrite: false,
      add: [{ key: 'foo_1', effect: NE }],
      remove: [],
      taints: [{ key: 'foo_1', effect: NE }, ...nodeTaints],
      operation: TAINTED,
      err: false,
    },
    {
      name: 'delete taint with effect',
      overwrite: false,
      add: [],
      remove: [{ key: 'foo', effect: NS }],
      taints: [],
      operation: UNTAINTED,
      err: false,
    },
    {
      name: 'delete taint with no effect',
      overwrite: false,
      add: [],
      remove: [{ key: 'foo' }],
      taints: [],
      operation: UNTAINTED,
      err: false,
    },
    {
      name: 'delete non-exist taint',
      overwrite: false,
      add: [],
      remove: [{ key: 'foo_1', effect: NS }],
      taints: nodeTaints,
      operation: UNTAINTED,
      err: true,
    },
    {
      name: 'add new taint and delete old one',
      overwrite: false,
      add: [{ key: 'foo_1', effect: NS }],
      remove: [{ key: 'foo', effect: NS }],
      taints: [{ key: 'foo_1', effect: NS }],
      operation: MODIFIED,
      err: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { operation, taints, errors } = reorganizeTaints(nodeTaints, c.overwrite, c.add, c.remove);
      expect(errors.length > 0).to.equal(c.err);
      expect(taints).to.deep.equal(c.taints);
      expect(operation).to.equal(c.operation);
    });
  }
});

describe('parseTaints (TestParseTaints)', () => {
  for (const spec of [
    [''],
    ['foo=abc'],
    ['foo=abc=xyz:NoSchedule'],
    ['foo=abc:xyz:NoSchedule'],
    ['foo'],
    ['foo=abc:invalid_effect'],
    ['foo:invalid_effect-'],
  ]) {
    it(`refuses ${JSON.stringify(spec)}`, () => {
      expect(() => parseTaints(spec)).to.throw();
    });
  }

  it('add new taints', () => {
    expect(
      parseTaints([
        'foo=abc:NoSchedule',
        'bar=abc:NoSchedule',
        'baz:NoSchedule',
        'qux:NoSchedule',
        'foobar=:NoSchedule',
      ]),
    ).to.deep.equal({
      add: [
        { key: 'foo', value: 'abc', effect: NS },
        { key: 'bar', value: 'abc', effect: NS },
        { key: 'baz', effect: NS },
        { key: 'qux', effect: NS },
        { key: 'foobar', effect: NS },
      ],
      remove: [],
    });
  });

  it('delete taints', () => {
    expect(
      parseTaints(['foo:NoSchedule-', 'bar:NoSchedule-', 'qux=:NoSchedule-', 'dedicated-']),
    ).to.deep.equal({
      add: [],
      remove: [
        { key: 'foo', effect: NS },
        { key: 'bar', effect: NS },
        { key: 'qux', effect: NS },
        { key: 'dedicated' },
      ],
    });
  });

  it('add taints and delete taints', () => {
    const { add, remove } = parseTaints([
      'foo=abc:NoSchedule',
      'bar=abc:NoSchedule',
      'baz:NoSchedule',
      'qux:NoSchedule',
      'foobar=:NoSchedule',
      'foo:NoSchedule-',
      'bar:NoSchedule-',
      'baz=:NoSchedule-',
    ]);
    expect(add).to.have.length(5);
    expect(remove).to.deep.equal([
      { key: 'foo', effect: NS },
      { key: 'bar', effect: NS },
      { key: 'baz', effect: NS },
    ]);
  });
});

function clusterWithNodes(taints: Record<string, TaintSpec[]> = {}): TestCluster {
  const c = new TestCluster();
  for (const name of ['node-1', 'node-2', 'node-3']) {
    c.create<Node>({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name } },
      spec: taints[name] ? { taints: taints[name] as NonNullable<Node['spec']>['taints'] } : {},
    });
  }
  return c;
}

const taintsOf = (c: TestCluster, name: string) => c.store.get('Node', undefined, name)?.spec?.taints;

describe('kubectl taint (taint_test.go TestTaint, through the command)', () => {
  const cases: Array<{
    description: string;
    oldTaints?: TaintSpec[];
    newTaints?: TaintSpec[];
    args: string;
    fatal: boolean;
  }> = [
    {
      description: 'taints a node with effect NoSchedule',
      newTaints: [{ key: 'foo', value: 'bar', effect: NS }],
      args: 'node node-1 foo=bar:NoSchedule',
      fatal: false,
    },
    {
      description: 'taints a node with effect PreferNoSchedule',
      newTaints: [{ key: 'foo', value: 'bar', effect: PNS }],
      args: 'node node-1 foo=bar:PreferNoSchedule',
      fatal: false,
    },
    {
      description: 'update an existing taint on the node, change the value from bar to barz',
      oldTaints: [{ key: 'foo', value: 'bar', effect: NS }],
      newTaints: [{ key: 'foo', value: 'barz', effect: NS }],
      args: 'node node-1 foo=barz:NoSchedule --overwrite',
      fatal: false,
    },
    {
      description: 'taints a node with two taints',
      newTaints: [
        { key: 'dedicated', value: 'namespaceA', effect: NS },
        { key: 'foo', value: 'bar', effect: PNS },
      ],
      args: 'node node-1 dedicated=namespaceA:NoSchedule foo=bar:PreferNoSchedule',
      fatal: false,
    },
    {
      description:
        'node has two taints with the same key but different effect, remove one of them by indicating exact key and effect',
      oldTaints: [
        { key: 'dedicated', value: 'namespaceA', effect: NS },
        { key: 'dedicated', value: 'namespaceA', effect: PNS },
      ],
      newTaints: [{ key: 'dedicated', value: 'namespaceA', effect: PNS }],
      args: 'node node-1 dedicated:NoSchedule-',
      fatal: false,
    },
    {
      description:
        'node has two taints with the same key but different effect, remove all of them with wildcard',
      oldTaints: [
        { key: 'dedicated', value: 'namespaceA', effect: NS },
        { key: 'dedicated', value: 'namespaceA', effect: PNS },
      ],
      args: 'node node-1 dedicated-',
      fatal: false,
    },
    {
      description: 'node has two taints, update one of them and remove the other',
      oldTaints: [
        { key: 'dedicated', value: 'namespaceA', effect: NS },
        { key: 'foo', value: 'bar', effect: PNS },
      ],
      newTaints: [{ key: 'foo', value: 'barz', effect: PNS }],
      args: 'node node-1 dedicated:NoSchedule- foo=barz:PreferNoSchedule --overwrite',
      fatal: false,
    },
    { description: 'invalid taint key', args: 'node node-1 nospecialchars^@=banana:NoSchedule', fatal: true },
    { description: 'invalid taint effect', args: 'node node-1 foo=bar:NoExcute', fatal: true },
    {
      description: 'duplicated taints with the same key and effect should be rejected',
      args: 'node node-1 foo=bar:NoExcute foo=barz:NoExcute',
      fatal: true,
    },
    {
      description: 'add and remove taint with same key and effect should be rejected',
      args: 'node node-1 foo=:NoExcute foo=:NoExcute-',
      fatal: true,
    },
    {
      description: "can't update existing taint on the node, since 'overwrite' flag is not set",
      oldTaints: [{ key: 'foo', value: 'bar', effect: NS }],
      newTaints: [{ key: 'foo', value: 'bar', effect: NS }],
      args: 'node node-1 foo=bar:NoSchedule',
      fatal: true,
    },
  ];
  for (const t of cases) {
    it(t.description, () => {
      const c = clusterWithNodes(t.oldTaints ? { 'node-1': t.oldTaints } : {});
      const r = c.run(`taint ${t.args}`);
      expect(r.exitCode).to.equal(t.fatal ? 1 : 0, r.stderr);
      const expected = t.fatal ? t.oldTaints : t.newTaints;
      expect(taintsOf(c, 'node-1')).to.deep.equal(expected);
    });
  }
});

describe('kubectl taint flags (TestValidateFlags, through the command)', () => {
  it('takes -l without --all, --all without -l, names without either; refuses both, and neither without names', () => {
    const c = clusterWithNodes();
    expect(c.run('taint nodes -l kubernetes.io/hostname=node-2 a=b:NoSchedule').stdout).to.equal(
      'node/node-2 tainted\n',
    );
    expect(c.run('taint nodes --all c=d:NoSchedule').stdout).to.equal(
      'node/node-1 tainted\nnode/node-2 tainted\nnode/node-3 tainted\n',
    );
    expect(c.run('taint nodes --all -l a=b e=f:NoSchedule').stderr).to.equal(
      "error: setting 'all' parameter with a non empty selector is prohibited\n",
    );
    expect(c.run('taint nodes e=f:NoSchedule').stderr).to.equal(
      "error: at least one resource name must be specified since 'all' parameter is not set\n",
    );
  });
});

describe('kubectl taint messages (kubectl v1.33)', () => {
  const cases: Array<[string, string, string]> = [
    ['taint nodes node-1 key1=value1:NoSchedule', 'node/node-1 tainted\n', ''],
    ['taint nodes node-1 key1=value1:NoSchedule --dry-run=client', 'node/node-1 tainted\n', ''],
    ['taint no node-1 foo=bar:PreferNoSchedule --dry-run=client -o name', 'node/node-1\n', ''],
    ['taint nodes node-1 foo- --dry-run=client', '', 'error: taint "foo" not found\n'],
    ['taint nodes node-1 foo:NoSchedule-', '', 'error: taint "foo:NoSchedule" not found\n'],
    [
      'taint nodes node-1 foo=bar:NoExcute',
      '',
      "error: invalid taint effect: NoExcute, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
    ],
    [
      'taint nodes node-1 foo=bar:NoSchedule foo=baz:NoSchedule',
      '',
      "error: duplicated taints with the same key and effect: {foo baz NoSchedule <nil>}\nSee 'kubectl taint -h' for help and examples\n",
    ],
    [
      'taint nodes node-1 foo=:NoSchedule foo=:NoSchedule-',
      '',
      'error: can not both modify and remove the following taint(s) in the same command: foo=NoSchedule\n',
    ],
    [
      'taint nodes node-1 foo=:NoSchedule foo-',
      '',
      'error: can not both modify and remove the following taint(s) in the same command: foo=\n',
    ],
    [
      'taint nodes node-1 foo=a=b:NoSchedule',
      '',
      "error: invalid taint spec: foo=a=b:NoSchedule\nSee 'kubectl taint -h' for help and examples\n",
    ],
    ['taint nodes node-1', '', 'error: at least one taint update is required\n'],
    ['taint', '', 'error: one or more resources must be specified as <resource> <name>\n'],
    ['taint node-1 foo=bar:NoSchedule', '', 'the server doesn\'t have a resource type "node-1"\n'],
    ['taint node/node-1 foo=bar:NoSchedule', '', 'the server doesn\'t have a resource type "node/node-1"\n'],
    [
      'taint pods crasher foo=bar:NoSchedule',
      '',
      'error: invalid resource type pods, only node types are supported\n',
    ],
    [
      'taint nodes node-1 foo=bar:NoSchedule node-2',
      '',
      'error: all resources must be specified before taint changes: node-2\n',
    ],
    ['taint nodes -l kubernetes.io/hostname=nope foo=bar:NoSchedule', '', ''],
    ['taint nodes nope foo=bar:NoSchedule', '', 'Error from server (NotFound): nodes "nope" not found\n'],
    [
      'taint nodes node-1 nope foo=bar:NoSchedule',
      'node/node-1 tainted\n',
      'Error from server (NotFound): nodes "nope" not found\n',
    ],
    [
      'taint nodes -l a=b, foo=bar:NoSchedule',
      '',
      'Error from server (BadRequest): Unable to find "/v1, Resource=nodes" that match label selector "a=b,", field selector "": found \'\', expected: identifier after \',\'\n',
    ],
    [
      'taint nodes node-1 foo=bar:NoSchedule -o wide',
      '',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    ],
  ];
  for (const [line, stdout, stderr] of cases) {
    it(line, () => {
      const r = clusterWithNodes().run(line);
      expect(r.stderr).to.equal(stderr);
      expect(r.stdout).to.equal(stdout);
      expect(r.exitCode).to.equal(stderr === '' ? 0 : 1);
    });
  }

  it('untaints, and replaces a taint with --overwrite ("modified")', () => {
    const c = clusterWithNodes({ 'node-2': [{ key: 'node.kubernetes.io/unschedulable', effect: NS }] });
    expect(c.run('taint nodes node-2 node.kubernetes.io/unschedulable:NoSchedule').stderr).to.equal(
      'error: node node-2 already has node.kubernetes.io/unschedulable taint(s) with same effect(s) and --overwrite is false\n',
    );
    expect(
      c.run('taint nodes node-2 node.kubernetes.io/unschedulable=x:NoSchedule --overwrite').stdout,
    ).to.equal('node/node-2 modified\n');
    expect(taintsOf(c, 'node-2')).to.deep.equal([
      { key: 'node.kubernetes.io/unschedulable', value: 'x', effect: NS },
    ]);
    expect(c.run('taint nodes node-2 node.kubernetes.io/unschedulable-').stdout).to.equal(
      'node/node-2 untainted\n',
    );
    // The last taint gone, the field goes (the merge patch sets it to null).
    expect(c.store.get('Node', undefined, 'node-2')?.spec).to.deep.equal({});
  });

  it('changes nothing with --dry-run, and prints the patched node with -o yaml', () => {
    const c = clusterWithNodes();
    const r = c.run(
      'taint nodes node-1 dedicated=special-user:NoSchedule bar:NoExecute --dry-run=client -o jsonpath={.spec.taints}',
    );
    expect(r.stdout).to.equal(
      '[{"effect":"NoSchedule","key":"dedicated","value":"special-user"},{"effect":"NoExecute","key":"bar"}]',
    );
    expect(c.run('taint nodes node-1 a=b:NoSchedule --dry-run=server').stdout).to.equal(
      'node/node-1 tainted\n',
    );
    expect(taintsOf(c, 'node-1')).to.equal(undefined);
  });
});
