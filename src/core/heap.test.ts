import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MinHeap } from './heap.js';
import { Random } from './random.js';

describe('MinHeap', () => {
  it('pops in order, ties in the order the caller’s key gives', () => {
    const random = new Random(3);
    const heap = new MinHeap<{ due: number; seq: number }>(
      (a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq),
    );
    const all: Array<{ due: number; seq: number }> = [];
    let seq = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = random.int(40); i > 0; i--) {
        const item = { due: random.int(20), seq: seq++ };
        all.push(item);
        heap.push(item);
      }
      for (let i = random.int(30); i > 0 && heap.size > 0; i--) {
        const want = [...all].sort((a, b) => a.due - b.due || a.seq - b.seq)[0]!;
        expect(heap.pop()).to.equal(want);
        all.splice(all.indexOf(want), 1);
      }
    }
    const rest: Array<{ due: number; seq: number }> = [];
    while (heap.size > 0) rest.push(heap.pop()!);
    expect(rest).to.deep.equal([...all].sort((a, b) => a.due - b.due || a.seq - b.seq));
    expect(heap.pop()).to.equal(undefined);
  });
});
