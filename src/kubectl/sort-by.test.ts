import { describe, it } from 'node:test';
import { expect } from 'chai';
import { naturalLess } from './sort-by.js';

describe('naturalLess (sortorder.NaturalLess)', () => {
  const ordered = ['a', 'a1', 'a2', 'a10', 'a010', 'b', 'pod-2', 'pod-10', 'x9y', 'x10y'];
  it('orders digit runs by value', () => {
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0))).to.deep.equal(
      ordered,
    );
  });
  it('orders timestamps by time', () => {
    expect(naturalLess('2025-01-01T00:00:09Z', '2025-01-01T00:00:10Z')).to.equal(true);
  });
});
