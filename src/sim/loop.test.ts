import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../core/clock.js';
import { SimLoop, StormError } from './loop.js';

describe('SimLoop and WorkQueue', () => {
  it('deduplicates keys while they wait and drains them in order at the same instant', () => {
    const loop = new SimLoop(new SimClock());
    const seen: string[] = [];
    const q = loop.queue({ name: 'test', reconcile: (k) => void seen.push(k) });
    q.add('a');
    q.add('b');
    q.add('a');
    loop.settle();
    expect(seen).to.deep.equal(['a', 'b']);
    expect(loop.clock.now).to.equal(0);
  });

  it('requeues after the delay a reconcile asks for', () => {
    const loop = new SimLoop(new SimClock());
    const at: number[] = [];
    const q = loop.queue({
      name: 'test',
      reconcile: () => {
        at.push(loop.clock.now);
        return at.length < 3 ? { requeueAfter: 5000 } : undefined;
      },
    });
    q.add('x');
    loop.advance(60_000);
    expect(at).to.deep.equal([0, 5000, 10000]);
    expect(loop.clock.now).to.equal(60_000);
  });

  it('keeps the sooner of two delayed adds', () => {
    const loop = new SimLoop(new SimClock());
    const at: number[] = [];
    const q = loop.queue({ name: 'test', reconcile: () => void at.push(loop.clock.now) });
    q.addAfter('x', 9000);
    q.addAfter('x', 3000);
    q.addAfter('x', 7000);
    loop.advance(20_000);
    expect(at).to.deep.equal([3000]);
  });

  it('calls a reconcile loop that never settles a storm, naming the controller and key', () => {
    const loop = new SimLoop(new SimClock());
    const q = loop.queue({ name: 'flapper', reconcile: (k) => void q.add(k) });
    q.add('default/web');
    expect(() => loop.settle()).to.throw(StormError, /flapper reconciled "default\/web" \d+ times at 0 ms/);
  });

  it('counts reconciles per run, so many commands at one instant are not a storm', () => {
    const loop = new SimLoop(new SimClock());
    let n = 0;
    const q = loop.queue({ name: 'counter', reconcile: () => void n++ });
    for (let i = 0; i < 500; i++) {
      q.add('default/web');
      loop.settle();
    }
    expect(n).to.equal(500);
    expect(loop.clock.now).to.equal(0);
  });

  it('runUntilTrue stops at the first instant the condition holds, or at the limit', () => {
    const loop = new SimLoop(new SimClock());
    let ready = false;
    loop.clock.schedule(() => (ready = true), 7000);
    expect(loop.runUntilTrue(() => ready, 60_000)).to.equal(true);
    expect(loop.clock.now).to.equal(7000);
    expect(loop.runUntilTrue(() => false, 1000)).to.equal(false);
    expect(loop.clock.now).to.equal(8000);
  });
});
