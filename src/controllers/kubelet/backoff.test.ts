import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Backoff } from './backoff.js';

describe('Backoff (client-go flowcontrol, no jitter)', () => {
  it('doubles from 10 s to the 300 s cap', () => {
    const clock = { now: 0 };
    const b = new Backoff(clock);
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      b.next('k', clock.now);
      seen.push(b.get('k'));
      clock.now += 1000;
    }
    expect(seen).to.deep.equal([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it('is in back-off since an event until the delay has passed', () => {
    const clock = { now: 0 };
    const b = new Backoff(clock);
    b.next('k', 0);
    clock.now = 9_999;
    expect(b.isInBackOffSince('k', 0)).to.equal(true);
    clock.now = 10_000;
    expect(b.isInBackOffSince('k', 0)).to.equal(false);
    expect(b.isInBackOffSinceUpdate('k', 5_000)).to.equal(true);
    expect(b.isInBackOffSinceUpdate('k', 10_000)).to.equal(false);
  });

  it('expires an entry for an event more than 600 s after its last update', () => {
    const clock = { now: 0 };
    const b = new Backoff(clock);
    b.next('k', 0);
    b.next('k', 0);
    expect(b.get('k')).to.equal(20_000);
    clock.now = 700_000;
    expect(b.isInBackOffSince('k', 700_000)).to.equal(false);
    b.next('k', 700_000);
    expect(b.get('k')).to.equal(10_000);
  });
});
