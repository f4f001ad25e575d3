import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  convertFieldLabel,
  escapeValue,
  fieldSelectorFor,
  parseFieldSelector,
  selectableFieldValue,
  splitTerm,
  splitTerms,
  unescapeValue,
} from './fields.js';
import { SelectorParseError } from './labels.js';
import type { KubeObject } from './types.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(SelectorParseError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

// Ported from k8s.io/apimachinery/pkg/fields selector_test.go (v1.33).
describe('splitTerms (TestSplitTerms)', () => {
  const table: Array<[string, string[]]> = [
    // Simple selectors
    ['a', ['a']],
    ['a=avalue', ['a=avalue']],
    ['a=avalue,b=bvalue', ['a=avalue', 'b=bvalue']],
    ['a=avalue,b==bvalue,c!=cvalue', ['a=avalue', 'b==bvalue', 'c!=cvalue']],
    // Empty terms
    ['', []],
    ['a=a,', ['a=a', '']],
    [',a=a', ['', 'a=a']],
    // Escaped values
    ['k=\\,,k2=v2', ['k=\\,', 'k2=v2']], // escaped comma in value
    ['k=\\\\,k2=v2', ['k=\\\\', 'k2=v2']], // escaped backslash, unescaped comma
    ['k=\\\\\\,,k2=v2', ['k=\\\\\\,', 'k2=v2']], // escaped backslash and comma
    ['k=\\a\\b\\', ['k=\\a\\b\\']], // non-escape sequences
    ['k=\\', ['k=\\']], // orphan backslash
    // Multi-byte
    ['함=수,목=록', ['함=수', '목=록']],
  ];
  for (const [selector, terms] of table) {
    it(JSON.stringify(selector), () => {
      expect(splitTerms(selector)).to.deep.equal(terms);
    });
  }
});

describe('splitTerm (TestSplitTerm)', () => {
  const table: Array<[string, [string, string, string] | undefined]> = [
    // Simple terms
    ['a=value', ['a', '=', 'value']],
    ['b==value', ['b', '==', 'value']],
    ['c!=value', ['c', '!=', 'value']],
    // Empty or invalid terms
    ['', undefined],
    ['a', undefined],
    // Escaped values
    ['k=\\,', ['k', '=', '\\,']],
    ['k=\\=', ['k', '=', '\\=']],
    ['k=\\\\\\a\\b\\=\\,\\', ['k', '=', '\\\\\\a\\b\\=\\,\\']],
    // Multi-byte
    ['함=수', ['함', '=', '수']],
  ];
  for (const [term, split] of table) {
    it(JSON.stringify(term), () => {
      expect(splitTerm(term)).to.deep.equal(split);
    });
  }
});

describe('escapeValue and unescapeValue (TestEscapeValue)', () => {
  const table: Array<[string, string]> = [
    ['', ''],
    ['a', 'a'],
    ['=', '\\='],
    [',', '\\,'],
    ['\\', '\\\\'],
    ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
  ];
  for (const [unescaped, escaped] of table) {
    it(`${JSON.stringify(unescaped)} <-> ${JSON.stringify(escaped)}`, () => {
      expect(escapeValue(unescaped)).to.equal(escaped);
      expect(unescapeValue(escaped)).to.equal(unescaped);
    });
  }
  const invalid: Array<[string, string]> = [
    ['\\', 'invalid field selector: invalid escape sequence: \\'], // orphan slash is invalid
    ['\\\\\\', 'invalid field selector: invalid escape sequence: \\'], // orphan slash is invalid
    ['\\a', 'invalid field selector: invalid escape sequence: \\a'], // unrecognized escape sequence is invalid
    // UnescapedRune prints the rune with %v: its number.
    ['a=b', 'invalid field selector: unescaped character in value: 61'],
    ['a,b', 'invalid field selector: unescaped character in value: 44'],
  ];
  for (const [value, message] of invalid) {
    it(`${JSON.stringify(value)} is invalid: ${message}`, () => {
      expect(messageOf(() => unescapeValue(value))).to.equal(message);
    });
  }
});

describe('parseFieldSelector (TestSelectorParse, TestDeterministicParse)', () => {
  for (const text of ['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=a||y\\=b', 'x=a\\=\\=b']) {
    it(`${JSON.stringify(text)} parses and restrings to itself`, () => {
      expect(String(parseFieldSelector(text))).to.equal(text);
    });
  }
  const bad: Array<[string, string]> = [
    ['x=a||y=b', 'invalid field selector: unescaped character in value: 61'],
    ['x==a==b', 'invalid field selector: unescaped character in value: 61'],
    ['x=a,b', "invalid selector: 'x=a,b'; can't understand 'b'"],
    ['x in (a)', "invalid selector: 'x in (a)'; can't understand 'x in (a)'"],
    // The terms are sorted before they are read: `b` comes first.
    ['x in (a,b,c)', "invalid selector: 'x in (a,b,c)'; can't understand 'b'"],
    ['x', "invalid selector: 'x'; can't understand 'x'"],
  ];
  for (const [text, message] of bad) {
    it(`${JSON.stringify(text)} fails: ${message}`, () => {
      expect(messageOf(() => parseFieldSelector(text))).to.equal(message);
    });
  }
  it('is deterministic, sorts its terms and prints == as =', () => {
    expect(String(parseFieldSelector('x=a,a=x'))).to.equal(String(parseFieldSelector('a=x,x=a')));
    expect(String(parseFieldSelector('b==1,a!=2'))).to.equal('a!=2,b=1');
    expect(parseFieldSelector(',').empty).to.equal(true);
    expect(parseFieldSelector('').empty).to.equal(true);
  });
  it('keeps spaces: they are part of the field and the value', () => {
    expect(parseFieldSelector('a = b').requirements).to.deep.equal([
      { field: 'a ', operator: '=', value: ' b' },
    ]);
  });
});

describe('field selector matching (TestSelectorMatches)', () => {
  const matching = (selector: string, set: Record<string, string>) =>
    parseFieldSelector(selector).matches((f) => set[f] ?? '');
  const fieldset = { foo: 'bar', baz: 'blah', complex: '=value\\,\\' };
  const matches: Array<[string, Record<string, string>]> = [
    ['', { x: 'y' }],
    ['x=y', { x: 'y' }],
    ['x=y,z=w', { x: 'y', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'a' }],
    ['notin=in', { notin: 'in' }], // in and notin in exactMatch
    ['foo=bar', fieldset],
    ['baz=blah', fieldset],
    ['foo=bar,baz=blah', fieldset],
    ['foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\', fieldset],
  ];
  const noMatches: Array<[string, Record<string, string>]> = [
    ['x=y', { x: 'z' }],
    ['x=y,z=w', { x: 'w', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'w' }],
    ['foo=blah', fieldset],
    ['baz=bar', fieldset],
    ['foo=bar,foobar=bar,baz=blah', fieldset],
  ];
  for (const [selector, set] of matches) {
    it(`${JSON.stringify(selector)} matches ${JSON.stringify(set)}`, () => {
      expect(matching(selector, set)).to.equal(true);
    });
  }
  for (const [selector, set] of noMatches) {
    it(`${JSON.stringify(selector)} does not match ${JSON.stringify(set)}`, () => {
      expect(matching(selector, set)).to.equal(false);
    });
  }
});

describe('field label conversion (pkg/apis/core/v1/conversion.go)', () => {
  it('accepts the fields a kind registers, and spec.host for a pod', () => {
    expect(convertFieldLabel('Pod', 'status.phase')).to.equal('status.phase');
    expect(convertFieldLabel('Pod', 'spec.host')).to.equal('spec.nodeName');
    expect(convertFieldLabel('Event', 'involvedObject.name')).to.equal('involvedObject.name');
    expect(convertFieldLabel('Service', 'spec.clusterIP')).to.equal('spec.clusterIP');
    expect(convertFieldLabel('Deployment', 'metadata.namespace')).to.equal('metadata.namespace');
  });
  it('refuses others in the server words', () => {
    expect(messageOf(() => convertFieldLabel('Pod', 'status.podIP '))).to.equal(
      'field label not supported: status.podIP ',
    );
    expect(messageOf(() => convertFieldLabel('Node', 'metadata.namespace'))).to.equal(
      'field label not supported: metadata.namespace',
    );
    expect(messageOf(() => convertFieldLabel('Deployment', 'status.replicas'))).to.equal(
      '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
    // The first bad field in sorted order.
    expect(messageOf(() => fieldSelectorFor('Pod', parseFieldSelector('zzz=1,aaa=2')))).to.equal(
      'field label not supported: aaa',
    );
  });
  it('selects on the values the registries set', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { nodeName: 'n1' },
      status: { podIPs: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }] },
    } as KubeObject;
    expect(selectableFieldValue(pod, 'spec.hostNetwork')).to.equal('false');
    expect(selectableFieldValue(pod, 'status.podIP')).to.equal('10.0.0.1');
    expect(selectableFieldValue(pod, 'spec.nodeName')).to.equal('n1');
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: {} } as KubeObject;
    expect(selectableFieldValue(node, 'spec.unschedulable')).to.equal('false');
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e' },
      reportingComponent: 'kubelet',
      source: {},
    } as unknown as KubeObject;
    expect(selectableFieldValue(event, 'source')).to.equal('kubelet');
  });
});
