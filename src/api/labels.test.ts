import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseSelector, selectorFromLabelSelector, selectorFromMap } from './labels.js';

// Ported from k8s.io/apimachinery/pkg/labels selector_test.go TestSelectorMatches.
describe('selector matching (TestSelectorMatches)', () => {
  const matches: Array<[string, Record<string, string>]> = [
    ['', { x: 'y' }],
    ['x=y', { x: 'y' }],
    ['x=y,z=w', { x: 'y', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'a' }],
    ['notin=in', { notin: 'in' }],
    ['x', { x: 'z' }],
    ['!x', { y: 'z' }],
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

describe('selectors from maps and LabelSelectors', () => {
  it('a map selects pods carrying every pair', () => {
    const s = selectorFromMap({ app: 'web', tier: 'front' });
    expect(s.matches({ app: 'web', tier: 'front', extra: 'x' })).to.equal(true);
    expect(s.matches({ app: 'web' })).to.equal(false);
    expect(s.matches(undefined)).to.equal(false);
  });

  it('never takes a property every object inherits for a label', () => {
    const s = selectorFromMap({ constructor: 'x', ['__proto__']: 'y' });
    expect(s.matches({})).to.equal(false);
    expect(selectorFromMap({ toString: 'a' }).matches({ toString: 'a' })).to.equal(true);
  });

  it('a nil LabelSelector matches nothing and an empty one everything', () => {
    expect(selectorFromLabelSelector(undefined).matches({ a: 'b' })).to.equal(false);
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
});
