import { describe, it } from 'node:test';
import { expect } from 'chai';
import { clone, compareAndShare, deepEqual, deepFreeze, EQUAL, SAME_ORDER } from './clone.js';

describe('clone', () => {
  it('copies deeply and drops undefined properties, as JSON would', () => {
    const value = { a: 1, b: undefined, c: { d: [1, { e: 'x' }] } };
    const copy = clone(value);
    expect(copy).to.deep.equal({ a: 1, c: { d: [1, { e: 'x' }] } });
    expect(Object.keys(copy)).to.deep.equal(['a', 'c']);
    expect(copy.c).to.not.equal(value.c);
  });
});

describe('deepFreeze', () => {
  it('freezes all the way down', () => {
    const value = deepFreeze({ a: { b: [{ c: 1 }] } });
    expect(Object.isFrozen(value.a.b[0])).to.equal(true);
  });
});

describe('deepEqual', () => {
  const cases: Array<[string, unknown, unknown, boolean]> = [
    ['same primitives', 1, 1, true],
    ['different primitives', 1, '1', false],
    ['null and undefined', null, undefined, false],
    ['null and an object', null, {}, false],
    ['an array and an object', [], {}, false],
    ['arrays of different length', [1], [1, 2], false],
    ['equal nested values', { a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }, true],
    ['a nested difference', { a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }, false],
    ['undefined properties count as absent', { a: 1, b: undefined }, { a: 1 }, true],
    ['…on either side', { a: 1 }, { a: 1, b: undefined }, true],
    ['a missing property', { a: 1, b: 2 }, { a: 1 }, false],
    ['…on the other side', { a: 1 }, { a: 1, b: 2 }, false],
    ['null is a value', { a: null }, {}, false],
    ['key order does not matter', { a: 1, b: 2 }, { b: 2, a: 1 }, true],
    ['same count, different keys', { a: 1 }, { b: 1 }, false],
  ];
  for (const [name, a, b, want] of cases) {
    it(name, () => {
      expect(deepEqual(a, b)).to.equal(want);
      expect(deepEqual(b, a)).to.equal(want);
      // compareAndShare's EQUAL bit is deepEqual's verdict.
      expect((compareAndShare(clone(a), b) & EQUAL) !== 0).to.equal(want);
      expect((compareAndShare(clone(b), a) & EQUAL) !== 0).to.equal(want);
    });
  }
});

describe('compareAndShare', () => {
  it('replaces the unchanged parts of the new version by the old version’s', () => {
    const prev = deepFreeze({
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False' }, { type: 'X' }],
    });
    const next = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }, { type: 'X' }] };
    expect(compareAndShare(next, prev)).to.equal(0);
    expect(next.conditions[1]).to.equal(prev.conditions[1]);
    expect(next.conditions[0]).to.not.equal(prev.conditions[0]);
    expect(next).to.deep.equal({
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }, { type: 'X' }],
    });
  });

  it('shares nothing whose keys come in another order, so both versions print alike', () => {
    const prev = deepFreeze({ s: { a: 1, b: 2 }, t: { c: 3 } });
    const next = { s: { b: 2, a: 1 }, t: { c: 3 } };
    expect(compareAndShare(next, prev)).to.equal(EQUAL);
    expect(next.s).to.not.equal(prev.s);
    expect(next.t).to.equal(prev.t);
    expect(JSON.stringify(next.s)).to.equal('{"b":2,"a":1}');
  });

  it('says identical for equal values in the same order, ignoring undefined properties', () => {
    expect(compareAndShare({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).to.equal(
      EQUAL | SAME_ORDER,
    );
    expect(compareAndShare({ a: 1, c: undefined, b: 2 }, { a: 1, b: 2, d: undefined })).to.equal(
      EQUAL | SAME_ORDER,
    );
    expect(compareAndShare({ a: [1] }, { a: [1, 2] })).to.equal(0);
    expect(compareAndShare({ a: 1 }, { a: 1, b: 2 })).to.equal(0);
  });

  it('leaves frozen parts of the new version alone', () => {
    const shared = deepFreeze({ x: { y: 1 } });
    const prev = deepFreeze({ x: { y: 1 } });
    expect(compareAndShare(shared, prev)).to.equal(EQUAL | SAME_ORDER);
    expect(shared.x).to.not.equal(prev.x);
  });
});
