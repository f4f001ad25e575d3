import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  newRequirement,
  type Operator,
  parseSelector,
  type Requirement,
  SelectorParseError,
  selectorFromLabelSelector,
  selectorFromMap,
  selectorFromRequirements,
} from './labels.js';

// Ported from k8s.io/apimachinery/pkg/labels selector_test.go TestSelectorMatches.
describe('selector matching (TestSelectorMatches)', () => {
  const labelset = { foo: 'bar', baz: 'blah' };
  const matches: Array<[string, Record<string, string>]> = [
    ['', { x: 'y' }],
    ['x=y', { x: 'y' }],
    ['x=y,z=w', { x: 'y', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'a' }],
    ['notin=in', { notin: 'in' }], // in and notin in exactMatch
    ['x', { x: 'z' }],
    ['!x', { y: 'z' }],
    ['x>1', { x: '2' }],
    ['x<1', { x: '0' }],
    ['foo=bar', labelset],
    ['baz=blah', labelset],
    ['foo=bar,baz=blah', labelset],
    // Not upstream's: set-based requirements.
    ['x in (y,z)', { x: 'z' }],
    ['x notin (y,z)', { x: 'w' }],
  ];
  const noMatches: Array<[string, Record<string, string>]> = [
    ['x=z', {}],
    ['x=y', { x: 'z' }],
    ['x=y,z=w', { x: 'w', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'w' }],
    ['x', { y: 'z' }],
    ['!x', { x: 'z' }],
    ['x>1', { x: '0' }],
    ['x<1', { x: '2' }],
    ['foo=blah', labelset],
    ['baz=bar', labelset],
    ['foo=bar,foobar=bar,baz=blah', labelset],
    ['x in (y,z)', { x: 'w' }],
    ['x notin (y,z)', { x: 'y' }],
  ];
  for (const [selector, labels] of matches) {
    it(`${JSON.stringify(selector)} matches ${JSON.stringify(labels)}`, () => {
      expect(parseSelector(selector).matches(labels)).to.equal(true);
    });
  }
  for (const [selector, labels] of noMatches) {
    it(`${JSON.stringify(selector)} does not match ${JSON.stringify(labels)}`, () => {
      expect(parseSelector(selector).matches(labels)).to.equal(false);
    });
  }
});

// TestSelectorParse: good strings restring to themselves without spaces; bad ones fail.
describe('parse and restring (TestSelectorParse, TestDeterministicParse)', () => {
  for (const text of [
    'x=a,y=b,z=c',
    '',
    'x!=a,y=b',
    'x=',
    'x= ',
    'x=,z= ',
    'x= ,z= ',
    '!x',
    'x>1',
    'x>1,z<5',
  ]) {
    it(`${JSON.stringify(text)} parses and prints without its spaces`, () => {
      expect(String(parseSelector(text))).to.equal(text.replaceAll(' ', ''));
    });
  }
  for (const text of ['x=a||y=b', 'x==a==b', '!x=a', 'x<a']) {
    it(`${JSON.stringify(text)} does not parse`, () => {
      expect(() => parseSelector(text)).to.throw(SelectorParseError);
    });
  }
  it('prints the same requirements in the same order whatever their order in the text', () => {
    expect(String(parseSelector('x=a,a=x'))).to.equal(String(parseSelector('a=x,x=a')));
    expect(String(parseSelector('x=a,a=x'))).to.equal('a=x,x=a');
  });
});

describe('NewRequirement (TestRequirementConstructor)', () => {
  const table: Array<[string, Operator, string[], boolean]> = [
    ['x', 'in', [], false],
    ['x', 'notin', [], false],
    ['x', 'in', ['foo'], true],
    ['x', 'notin', ['foo'], true],
    ['x', 'exists', [], true],
    ['x', '!', [], true],
    ['1foo', 'in', ['bar'], true],
    ['1234', 'in', ['bar'], true],
    ['y', 'gt', ['1'], true],
    ['z', 'lt', ['6'], true],
    ['foo', 'gt', ['bar'], false],
    ['barz', 'lt', ['blah'], false],
    ['a'.repeat(254), 'exists', [], false], // breaks DNS rule that len(key) <= 253
  ];
  for (const [key, op, values, ok] of table) {
    it(`${key.length > 10 ? `${key.slice(0, 10)}…` : key} ${op} ${JSON.stringify(values)} ${ok ? 'is valid' : 'is not'}`, () => {
      if (ok) expect(newRequirement(key, op, values)).to.deep.equal({ key, operator: op, values });
      else expect(() => newRequirement(key, op, values)).to.throw(SelectorParseError);
    });
  }

  // The messages, with the paths NewRequirement uses when given no path option.
  const messages: Array<[string, Operator, string[], string]> = [
    [
      'x',
      'in',
      [],
      `values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty`,
    ],
    [
      'x',
      '=',
      ['a', 'b'],
      `values: Invalid value: []string{"a", "b"}: exact-match compatibility requires one single value`,
    ],
    [
      'x',
      'exists',
      ['a'],
      `values: Invalid value: []string{"a"}: values set must be empty for exists and does not exist`,
    ],
    [
      'x',
      'gt',
      ['a', '1'],
      `[values: Invalid value: []string{"a", "1"}: for 'Gt', 'Lt' operators, exactly one value is required, values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer]`,
    ],
    [
      'x',
      'gt',
      ['99999999999999999999'],
      `values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    [
      'x',
      'foo' as Operator,
      [],
      `operator: Unsupported value: "foo": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"`,
    ],
    [
      'a_',
      '=',
      ['-b'],
      `[key: Invalid value: "a_": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), values[0][a_]: Invalid value: "-b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]`,
    ],
  ];
  for (const [key, op, values, message] of messages) {
    it(`${key} ${op} ${JSON.stringify(values)}: ${message.slice(0, 60)}…`, () => {
      expect(() => newRequirement(key, op, values)).to.throw(SelectorParseError, message);
      try {
        newRequirement(key, op, values);
      } catch (e) {
        expect((e as Error).message).to.equal(message);
      }
    });
  }
});

const req = (key: string, op: Operator, values: string[] = []): Requirement =>
  newRequirement(key, op, values);
// The zero Requirement of Go: no key, no operator.
const ZERO = { key: '', operator: '' as Operator, values: [] } as Requirement;

describe('String() (TestToString)', () => {
  const table: Array<[Requirement[], string]> = [
    [
      [req('x', 'in', ['abc', 'def']), req('y', 'notin', ['jkl']), req('z', 'exists')],
      'x in (abc,def),y notin (jkl),z',
    ],
    [
      [req('x', 'notin', ['abc', 'def']), req('y', '!=', ['jkl']), req('z', '!')],
      'x notin (abc,def),y!=jkl,!z',
    ],
    // Upstream writes `x in (abc,def),`: its literal selector is unsorted; ours are always sorted.
    [[req('x', 'in', ['abc', 'def']), ZERO], ',x in (abc,def)'],
    [
      [req('x', 'notin', ['abc']), req('y', 'in', ['jkl', 'mno']), req('z', 'notin', [''])],
      'x notin (abc),y in (jkl,mno),z notin ()',
    ],
    [
      [req('x', '=', ['abc']), req('y', '==', ['jkl']), req('z', '!=', ['a']), req('z', 'exists')],
      'x=abc,y==jkl,z!=a,z',
    ],
    [[req('x', 'gt', ['2']), req('y', 'lt', ['8']), req('z', 'exists')], 'x>2,y<8,z'],
  ];
  for (const [reqs, out] of table) {
    it(out, () => {
      expect(String(selectorFromRequirements(reqs))).to.equal(out);
    });
  }
  it('sorts several values without changing the requirement (TestSafeSort)', () => {
    const r = req('x', 'in', ['foo', 'bar', 'foo', 'bar']);
    expect(String(selectorFromRequirements([r]))).to.equal('x in (bar,bar,foo,foo)');
    expect(r.values).to.deep.equal(['foo', 'bar', 'foo', 'bar']);
  });
});

describe('matching requirements (TestRequirementSelectorMatching)', () => {
  const table: Array<[Record<string, string>, Requirement[], boolean]> = [
    [{ x: 'foo', y: 'baz' }, [ZERO], false],
    [{ x: 'foo', y: 'baz' }, [req('x', 'in', ['foo']), req('y', 'notin', ['alpha'])], true],
    [{ x: 'foo', y: 'baz' }, [req('x', 'in', ['foo']), req('y', 'in', ['alpha'])], false],
    [{ y: '' }, [req('x', 'notin', ['']), req('y', 'exists')], true],
    [{ y: '' }, [req('x', '!'), req('y', 'exists')], true],
    [{ y: '' }, [req('x', 'notin', ['']), req('y', '!')], false],
    [{ y: 'baz' }, [req('x', 'in', [''])], false],
    [{ z: '2' }, [req('z', 'gt', ['1'])], true],
    [{ z: 'v2' }, [req('z', 'gt', ['1'])], false],
  ];
  table.forEach(([labels, reqs, match], i) => {
    it(`case ${i}: ${String(selectorFromRequirements(reqs))} ${match ? 'matches' : 'does not match'} ${JSON.stringify(labels)}`, () => {
      expect(selectorFromRequirements(reqs).matches(labels)).to.equal(match);
    });
  });
});

describe('selectors from maps and LabelSelectors (TestSetMatches, TestEverything)', () => {
  it('a map selects objects carrying every pair; an empty map selects everything', () => {
    const labelset = { foo: 'bar', baz: 'blah' };
    const sets: Array<Record<string, string>> = [
      {},
      { foo: 'bar' },
      { baz: 'blah' },
      { foo: 'bar', baz: 'blah' },
    ];
    for (const set of sets) expect(selectorFromMap(set).matches(labelset)).to.equal(true);
    expect(selectorFromMap({ foo: '=blah' }).matches(labelset)).to.equal(false);
    expect(selectorFromMap({}).empty).to.equal(true);
    expect(selectorFromMap(undefined).empty).to.equal(true);
    const s = selectorFromMap({ app: 'web', tier: 'front' });
    expect(s.matches({ app: 'web', tier: 'front', extra: 'x' })).to.equal(true);
    expect(s.matches({ app: 'web' })).to.equal(false);
    expect(s.matches(undefined)).to.equal(false);
  });

  it('never takes a property every object inherits for a label', () => {
    const s = selectorFromMap({ constructor: 'x', ['__proto__']: 'y' });
    expect(s.matches({})).to.equal(false);
    expect(selectorFromMap({ toString: 'a' }).matches({ toString: 'a' })).to.equal(true);
    expect(parseSelector('constructor').matches({})).to.equal(false);
    expect(parseSelector('!constructor').matches({})).to.equal(true);
  });

  it('a nil LabelSelector matches nothing and an empty one everything', () => {
    expect(selectorFromLabelSelector(undefined).matches({ a: 'b' })).to.equal(false);
    expect(selectorFromLabelSelector(undefined).empty).to.equal(false);
    expect(selectorFromLabelSelector({}).matches({ a: 'b' })).to.equal(true);
    expect(selectorFromLabelSelector({}).empty).to.equal(true);
  });

  it('matchLabels and matchExpressions are ANDed', () => {
    const s = selectorFromLabelSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }],
    });
    expect(s.matches({ app: 'web', track: 'stable' })).to.equal(true);
    expect(s.matches({ app: 'web', track: 'canary' })).to.equal(false);
    expect(String(s)).to.equal('app=web,track notin (canary)');
  });

  it('maps each LabelSelector operator', () => {
    const s = selectorFromLabelSelector({
      matchExpressions: [
        { key: 'a', operator: 'In', values: ['1', '2'] },
        { key: 'b', operator: 'Exists' },
        { key: 'c', operator: 'DoesNotExist' },
      ],
    });
    expect(String(s)).to.equal('a in (1,2),b,!c');
    expect(s.matches({ a: '2', b: '' })).to.equal(true);
    expect(s.matches({ a: '2', b: '', c: 'x' })).to.equal(false);
    expect(s.matches({ a: '3', b: '' })).to.equal(false);
  });
});
