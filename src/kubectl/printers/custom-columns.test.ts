import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  type Column,
  columnsFromSpec,
  columnsFromTemplate,
  customColumnsFormat,
  printCustomColumns,
  relaxedJSONPathExpression,
} from './custom-columns.js';
import { listOf } from './output.js';

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  ...extra,
});

describe('RelaxedJSONPathExpression (customcolumn_test.go TestMassageJSONPath)', () => {
  const cases: Array<{ input: string; expected?: string }> = [
    { input: 'foo.bar', expected: '{.foo.bar}' },
    { input: '{foo.bar}', expected: '{.foo.bar}' },
    { input: '.foo.bar', expected: '{.foo.bar}' },
    { input: '{.foo.bar}', expected: '{.foo.bar}' },
    { input: '', expected: '' },
    { input: '{foo.bar' },
    { input: 'foo.bar}' },
    { input: '{foo.bar}}' },
    { input: '{{foo.bar}' },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.input), () => {
      if (c.expected === undefined) {
        expect(() => relaxedJSONPathExpression(c.input)).to.throw(
          "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
        );
      } else expect(relaxedJSONPathExpression(c.input)).to.equal(c.expected);
    });
  }
});

const NAME_AND_VERSION: Column[] = [
  { header: 'NAME', fieldSpec: '{.metadata.name}' },
  { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
];

describe('NewCustomColumnsPrinterFromSpec (TestNewColumnPrinterFromSpec)', () => {
  const errors: Array<[string, string]> = [
    ['', 'custom-columns format specified but no custom columns given'],
    ['invalid', 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>'],
    ['invalid=foobar', 'unexpected custom-columns spec: invalid=foobar, expected <header>:<json-path-expr>'],
    ['invalid,foobar:blah', 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>'],
  ];
  for (const [spec, message] of errors) {
    it(`refuses ${JSON.stringify(spec)}`, () => {
      expect(() => columnsFromSpec(spec)).to.throw(message);
    });
  }

  it('ok', () => {
    expect(columnsFromSpec('NAME:metadata.name,API_VERSION:apiVersion')).to.deep.equal(NAME_AND_VERSION);
  });

  it('no-headers prints no header', () => {
    const out = printCustomColumns(columnsFromSpec('API_VERSION:apiVersion'), true, pod(''));
    expect(out.text.split(/\s+/)).to.not.include('API_VERSION');
  });
});

describe('NewCustomColumnsPrinterFromTemplate (TestNewColumnPrinterFromTemplate)', () => {
  it('refuses templates without two matching lines', () => {
    expect(() => columnsFromTemplate('')).to.throw('invalid template, missing header line.');
    expect(() => columnsFromTemplate('invalid')).to.throw('invalid template, missing spec line.');
    expect(() => columnsFromTemplate('invalid=foobar')).to.throw('missing spec line');
    expect(() => columnsFromTemplate('invalid,foobar:blah')).to.throw('missing spec line');
    expect(() => columnsFromTemplate('NAME PHASE\n.metadata.name\n')).to.throw(
      "number of headers (2) and field specifications (1) don't match",
    );
  });

  it('ok', () => {
    expect(
      columnsFromTemplate('NAME               API_VERSION\n{metadata.name}    {apiVersion}'),
    ).to.deep.equal(NAME_AND_VERSION);
  });

  it('ok-2 (tabs and runs of white space)', () => {
    const template = 'NAME               \t\tAPI_VERSION\n\t\t\t\t\t\t\t{metadata.name}    {apiVersion}';
    expect(columnsFromTemplate(template)).to.deep.equal(NAME_AND_VERSION);
  });
});

describe('CustomColumnsPrinter.PrintObj (TestColumnPrint)', () => {
  const name: Column[] = [{ header: 'NAME', fieldSpec: '{.metadata.name}' }];
  const cases: Array<{ columns: Column[]; obj: unknown; expected: string }> = [
    { columns: name, obj: pod('foo'), expected: 'NAME\nfoo\n' },
    {
      columns: name,
      obj: { kind: 'PodList', items: [pod('foo'), pod('bar')] },
      expected: 'NAME\nfoo\nbar\n',
    },
    {
      columns: NAME_AND_VERSION,
      obj: { ...pod('foo'), apiVersion: 'baz' },
      expected: 'NAME   API_VERSION\nfoo    baz\n',
    },
    {
      columns: [...NAME_AND_VERSION, { header: 'NOT_FOUND', fieldSpec: '{.notFound}' }],
      obj: { ...pod('foo'), apiVersion: 'baz' },
      expected: 'NAME   API_VERSION   NOT_FOUND\nfoo    baz           <none>\n',
    },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.expected), () => {
      const out = printCustomColumns(c.columns, false, c.obj);
      expect(out.error).to.equal(undefined);
      expect(out.text).to.equal(c.expected);
    });
  }

  it('aligns the rows of a list in one writer (TestIndividualPrintObjOnExistingTabWriter)', () => {
    const columns: Column[] = [
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'LONG COLUMN NAME', fieldSpec: '{.metadata.labels.label1}' },
      { header: 'LABEL 2', fieldSpec: '{.metadata.labels.label2}' },
    ];
    const objects = [
      { kind: 'Pod', metadata: { name: 'foo', labels: { label1: 'foo', label2: 'foo' } } },
      { kind: 'Pod', metadata: { name: 'bar', labels: { label1: 'bar', label2: 'bar' } } },
    ];
    expect(printCustomColumns(columns, false, { kind: 'List', items: objects }).text).to.equal(
      'NAME   LONG COLUMN NAME   LABEL 2\nfoo    foo                foo\nbar    bar                bar\n',
    );
  });
});

describe('slices of a list (TestSliceColumnPrint)', () => {
  const containers = pod('fake-name', {
    spec: { containers: ['fake0', 'fake1', 'fake2', 'fake3'].map((n) => ({ name: n })) },
  });
  const cases: Array<{ spec: string; expected?: string }> = [
    { spec: 'CONTAINER:.spec.containers[0].name', expected: 'CONTAINER\nfake0\n' },
    { spec: 'CONTAINER:.spec.containers[3].name', expected: 'CONTAINER\nfake3\n' },
    { spec: 'CONTAINER:.spec.containers[5].name' },
    { spec: 'CONTAINER:.spec.containers[-1].name', expected: 'CONTAINER\nfake3\n' },
    { spec: 'CONTAINER:.spec.containers[-2].name', expected: 'CONTAINER\nfake2\n' },
    { spec: 'CONTAINER:.spec.containers[-4].name', expected: 'CONTAINER\nfake0\n' },
    { spec: 'CONTAINER:.spec.containers[-5].name' },
    { spec: 'CONTAINER:.spec.containers[0:0].name', expected: 'CONTAINER\n<none>\n' },
    { spec: 'CONTAINER:.spec.containers[0:3].name', expected: 'CONTAINER\nfake0,fake1,fake2\n' },
    { spec: 'CONTAINER:.spec.containers[1:].name', expected: 'CONTAINER\nfake1,fake2,fake3\n' },
    { spec: 'CONTAINER:.spec.containers[3:1].name' },
    { spec: 'CONTAINER:.spec.containers[0:-1].name', expected: 'CONTAINER\nfake0,fake1,fake2\n' },
    { spec: 'CONTAINER:.spec.containers[-1:].name', expected: 'CONTAINER\nfake3\n' },
    { spec: 'CONTAINER:.spec.containers[-4:].name', expected: 'CONTAINER\nfake0,fake1,fake2,fake3\n' },
    { spec: 'CONTAINER:.spec.containers[-3:-1].name', expected: 'CONTAINER\nfake1,fake2\n' },
    { spec: 'CONTAINER:.spec.containers[-2:-3].name' },
    { spec: 'CONTAINER:.spec.containers[4:4].name', expected: 'CONTAINER\n<none>\n' },
    { spec: 'CONTAINER:.spec.containers[-5:-5].name', expected: 'CONTAINER\n<none>\n' },
  ];
  for (const c of cases) {
    it(c.spec, () => {
      const out = printCustomColumns(columnsFromSpec(c.spec), false, containers);
      if (c.expected === undefined) {
        expect(out.error).to.be.instanceOf(Error);
        // The header was written before the path failed, and kubectl still flushes it.
        expect(out.text).to.equal('CONTAINER\n');
      } else {
        expect(out.error).to.equal(undefined);
        expect(out.text).to.equal(c.expected);
      }
    });
  }
});

describe('cells as Go prints them (checked against kubectl v1.33)', () => {
  it('prints maps, lists, numbers and booleans as fmt does', () => {
    const node = {
      kind: 'Node',
      metadata: { name: 'node-2' },
      spec: {
        taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: 'T' }],
        unschedulable: true,
      },
      status: { capacity: { cpu: '4' } },
    };
    const columns = columnsFromSpec(
      'NAME:.metadata.name,TAINTS:.spec.taints,CPU:.status.capacity.cpu,UNSCHED:.spec.unschedulable',
    );
    expect(printCustomColumns(columns, false, listOf([node as never])).text).to.equal(
      'NAME     TAINTS                                                                      CPU   UNSCHED\n' +
        'node-2   [map[effect:NoSchedule key:node.kubernetes.io/unschedulable timeAdded:T]]   4     true\n',
    );
  });

  it('says <none> for a missing field and <nil> for a null one', () => {
    const columns = columnsFromSpec('A:.metadata.creationTimestamp,B:.spec.nope.x');
    expect(printCustomColumns(columns, false, { metadata: { creationTimestamp: null } }).text).to.equal(
      'A       B\n<nil>   <none>\n',
    );
  });

  it('makes escape characters and carriage returns visible', () => {
    const columns = columnsFromSpec('A:.a');
    expect(printCustomColumns(columns, true, { a: 'x\x1b[1my\r' }).text).to.equal('x^[[1my\\r\n');
  });

  it('prints the header of an empty list', () => {
    expect(printCustomColumns(columnsFromSpec('NAME:.metadata.name'), false, listOf([])).text).to.equal(
      'NAME\n',
    );
  });

  it('reports a path that does not parse after the header', () => {
    const out = printCustomColumns(columnsFromSpec('A:.metadata['), false, listOf([]));
    expect(out.text).to.equal('A\n');
    expect(out.error?.message).to.equal('unterminated array');
  });
});

describe('CustomColumnsPrintFlags.ToPrinter', () => {
  const noFile = (path: string): string => {
    throw new Error(`open ${path}: no such file or directory`);
  };

  it('is not the printer of other formats', () => {
    expect(customColumnsFormat('yaml', false, noFile)).to.equal(undefined);
    expect(customColumnsFormat('custom', false, noFile)).to.equal(undefined);
  });

  it('needs columns', () => {
    for (const output of [
      'custom-columns',
      'custom-columns=',
      'custom-columns-file',
      'custom-columns-file=',
    ]) {
      expect(() => customColumnsFormat(output, false, noFile)).to.throw(
        'custom-columns format specified but no custom columns given',
      );
    }
  });

  it('keeps --no-headers for a spec and ignores it for a file', () => {
    expect(customColumnsFormat('custom-columns=N:.metadata.name', true, noFile)?.noHeaders).to.equal(true);
    const fromFile = customColumnsFormat('custom-columns-file=cols.txt', true, () => 'N\n.metadata.name\n');
    expect(fromFile).to.deep.equal({
      kind: 'custom-columns',
      columns: [{ header: 'N', fieldSpec: '{.metadata.name}' }],
      noHeaders: false,
    });
  });

  it('reports a file it cannot read as kubectl does', () => {
    expect(() => customColumnsFormat('custom-columns-file=/x/nope.txt', false, noFile)).to.throw(
      'error reading template /x/nope.txt, open /x/nope.txt: no such file or directory\n',
    );
  });
});
