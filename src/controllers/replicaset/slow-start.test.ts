/** Ported from replica_set_test.go (TestSlowStartBatch). */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { slowStartBatch } from './slow-start.js';

describe('slowStartBatch (TestSlowStartBatch)', () => {
  const fakeErr = new Error('fake error');
  const cases: Array<
    [name: string, count: number, callLimit: number, successes: number, err: Error | undefined, calls: number]
  > = [
    // 1 (first batch): the function is called at least once.
    ['callLimit = 0 (all fail)', 10, 0, 0, fakeErr, 1],
    // 1 + 2 + 4 + 3 = 10
    ['callLimit = count (all succeed)', 10, 10, 10, undefined, 10],
    // 1 + 2 + 4 = 7
    ['callLimit < count (some succeed)', 10, 5, 5, fakeErr, 7],
  ];
  for (const [name, count, callLimit, expectedSuccesses, expectedErr, expectedCalls] of cases) {
    it(name, () => {
      let calls = 0;
      const [successes, err] = slowStartBatch(count, 1, () => {
        calls++;
        return calls > callLimit ? fakeErr : undefined;
      });
      expect(successes).to.equal(expectedSuccesses);
      expect(err).to.equal(expectedErr);
      // No more calls once a batch has failed.
      expect(calls).to.equal(expectedCalls);
    });
  }

  it('batches grow 1, 2, 4, 8, … and the last one takes the rest', () => {
    const batches: number[] = [];
    let inBatch = 0;
    let expectedBatch = 1;
    slowStartBatch(20, 1, () => {
      inBatch++;
      if (inBatch === expectedBatch) {
        batches.push(inBatch);
        inBatch = 0;
        expectedBatch = Math.min(expectedBatch * 2, 20 - batches.reduce((a, b) => a + b, 0));
      }
      return undefined;
    });
    expect(batches).to.deep.equal([1, 2, 4, 8, 5]);
  });
});
