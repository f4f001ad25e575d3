import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Json } from '../../apply/strategic-merge.js';
import { mergePatch } from './merge-patch.js';

describe('mergePatch (RFC 7386)', () => {
  // RFC 7386 Appendix A, every example: original, patch, result.
  const table: Array<[Json, Json, Json]> = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  table.forEach(([original, patch, result], i) => {
    it(`example ${i + 1}`, () => {
      expect(mergePatch(original, patch)).to.deep.equal(result);
    });
  });

  it('does not change the original', () => {
    const original = { a: { b: 1 } };
    mergePatch(original, { a: { b: 2 } });
    expect(original).to.deep.equal({ a: { b: 1 } });
  });
});
