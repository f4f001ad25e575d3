import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from './clock.js';
import { Random } from './random.js';

describe('SimClock', () => {
  it('fires timers in due order, and same-instant timers in the order they were set', () => {
    const clock = new SimClock();
    const fired: string[] = [];
    clock.schedule(() => fired.push('b@10'), 10);
    clock.schedule(() => fired.push('a@5'), 5);
    clock.schedule(() => fired.push('c@10'), 10);
    clock.schedule(() => fired.push('d@0'), 0);
    while (clock.fireNext(100)) {}
    expect(fired).to.deep.equal(['d@0', 'a@5', 'b@10', 'c@10']);
    expect(clock.now).to.equal(10);
  });

  it('skips cancelled timers and never fires past the limit', () => {
    const clock = new SimClock();
    const fired: number[] = [];
    const t = clock.schedule(() => fired.push(1), 1);
    clock.schedule(() => fired.push(2), 2);
    clock.schedule(() => fired.push(3), 30);
    t.cancel();
    expect(clock.pending).to.equal(2);
    while (clock.fireNext(10)) {}
    clock.advanceTo(10);
    expect(fired).to.deep.equal([2]);
    expect(clock.now).to.equal(10);
    expect(clock.nextDue()).to.equal(30);
  });
});

describe('Random', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const seq = (r: Random) => Array.from({ length: 8 }, () => r.uint32());
    const first = seq(a);
    expect(seq(b)).to.deep.equal(first);
    expect(seq(c)).to.not.deep.equal(first);
  });

  it('draws names from the Kubernetes alphabet and forks independent streams', () => {
    const r = new Random(1);
    expect(r.string(5)).to.match(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(r.uuid()).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const f1 = new Random(1).fork('pods').uint32();
    const f2 = new Random(1).fork('ips').uint32();
    expect(f1).to.not.equal(f2);
    expect(new Random(1).fork('pods').uint32()).to.equal(f1);
  });

  it('spreads int(n) over its whole range', () => {
    const r = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(r.int(10));
    expect([...seen].sort((x, y) => x - y)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
