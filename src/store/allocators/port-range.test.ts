import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Random } from '../../core/random.js';
import { AllocatorError } from './allocator-error.js';
import { calculatePortRangeOffset, PortRange } from './port-range.js';

// Ported from pkg/registry/core/service/portallocator/allocator_test.go.
describe('PortRange (portallocator)', () => {
  it('TestAllocate: fills 10000-10200, reuses a released port, refuses out-of-range and taken ones', () => {
    const random = new Random(9);
    const r = new PortRange(10000, 201);
    expect(r.free).to.equal(201);
    expect(r.used).to.equal(0);
    const found = new Set<number>();
    while (r.free > 0) {
      const p = r.allocateNext(random);
      expect(p).to.be.a('number');
      expect(r.contains(p as number)).to.equal(true);
      expect(found.has(p as number), `${p} allocated twice`).to.equal(false);
      found.add(p as number);
    }
    expect((r.allocateNext(random) as AllocatorError).message).to.equal('range is full');

    const released = 10005;
    r.release(released);
    expect(r.free).to.equal(1);
    expect(r.used).to.equal(200);
    expect(r.allocateNext(random)).to.equal(released);
    r.release(released);

    expect(r.allocate(1)?.code).to.equal('not-in-range');
    expect(r.allocate(10001)?.message).to.equal('provided port is already allocated');
    expect(r.allocate(20000)?.code).to.equal('not-in-range');
    expect(r.allocate(10201)?.message).to.equal(
      'provided port is not in the valid range. The range of valid ports is 10000-10200',
    );
    expect(r.free).to.equal(1);
    expect(r.used).to.equal(200);
    expect(r.allocate(released)).to.equal(undefined);
    expect(r.free).to.equal(0);
    expect(r.used).to.equal(201);
  });

  it('TestForEach: lists exactly what was allocated', () => {
    for (const tc of [[], [10000], [10000, 10200], [10000, 10099, 10200]]) {
      const r = new PortRange(10000, 201);
      for (const port of tc) {
        expect(r.allocate(port)).to.equal(undefined);
        expect(r.has(port)).to.equal(true);
      }
      expect([...r.allocated()]).to.deep.equal(tc);
    }
  });

  it('TestNodePortMetrics: 3000 draws from 30000-32767 take all 2768 ports, the rest fail', () => {
    const random = new Random(1);
    const r = new PortRange();
    let errors = 0;
    for (let i = 0; i < 3000; i++) if (r.allocateNext(random) instanceof AllocatorError) errors++;
    expect(r.used).to.equal(2768);
    expect(r.free).to.equal(0);
    expect(errors).to.equal(232);
  });

  // Test_calculateRangeOffset: min(max(16, size/32), 128).
  const offsetCases: Array<[string, number, number]> = [
    ['default node port range', 2768, 86],
    ['very small node port range', 10, 0],
    ['small node port range (lower boundary)', 16, 0],
    ['small node port range', 128, 16],
    ['medium node port range', 2048, 64],
    ['large node port range (upper boundary)', 4096, 128],
    ['large node port range', 8192, 128],
  ];
  for (const [name, size, want] of offsetCases) {
    it(`calculateRangeOffset ${name} (${size}) = ${want}`, () => {
      expect(calculatePortRangeOffset(size)).to.equal(want);
    });
  }

  it('hands out 30086-32767 before touching the 86 static ports', () => {
    const random = new Random(4);
    const r = new PortRange();
    const drawn: number[] = [];
    for (let i = 0; i < 2768 - 86; i++) drawn.push(r.allocateNext(random) as number);
    expect(Math.min(...drawn)).to.equal(30086);
    expect(Math.max(...drawn)).to.equal(32767);
    const next = r.allocateNext(random) as number;
    expect(next).to.be.within(30000, 30085);
  });

  it('prints itself as net.PortRange does', () => {
    expect(new PortRange().toString()).to.equal('30000-32767');
  });
});
