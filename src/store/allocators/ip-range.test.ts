import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Random } from '../../core/random.js';
import { AllocatorError } from './allocator-error.js';
import { calculateIPRangeOffset, IPRange } from './ip-range.js';
import { parseCidr, parseIPv4, prefixContainsIP } from './ipv4.js';

// Ported from pkg/registry/core/service/ipallocator/bitmap_test.go (IPv4 cases).
describe('IPRange (ipallocator bitmap Range)', () => {
  const allocateCases = [
    {
      name: 'IPv4',
      cidr: '192.168.1.0/24',
      free: 254,
      released: '192.168.1.5',
      outOfRange: ['192.168.0.1', '192.168.1.0', '192.168.1.255', '192.168.2.2'],
      alreadyAllocated: '192.168.1.1',
    },
    {
      name: 'IPv4 large',
      cidr: '10.0.0.0/15',
      free: 131070,
      released: '10.0.0.5',
      outOfRange: ['10.0.0.0', '10.15.255.255', '10.255.255.2'],
      alreadyAllocated: '10.0.0.1',
    },
  ];
  for (const tc of allocateCases) {
    it(`TestAllocate ${tc.name}: fills the range, reuses a released IP, refuses out-of-range and taken ones`, () => {
      const random = new Random(7);
      const r = new IPRange(tc.cidr);
      expect(r.free).to.equal(tc.free);
      expect(r.cidr.text).to.equal(tc.cidr);
      expect(r.used).to.equal(0);
      const cidr = parseCidr(tc.cidr);
      // Plain checks in the loop: chai's expect costs microseconds and this draws 131,070 times.
      const found = new Set<string>();
      const problems: string[] = [];
      while (r.free > 0) {
        const ip = r.allocateNext(random);
        if (typeof ip !== 'string') problems.push(`error ${ip.message}`);
        else if (!prefixContainsIP(cidr, parseIPv4(ip)!)) problems.push(`${ip} outside ${tc.cidr}`);
        else if (found.has(ip)) problems.push(`${ip} allocated twice`);
        else found.add(ip);
      }
      expect(problems).to.deep.equal([]);
      expect(found.size).to.equal(tc.free);
      const full = r.allocateNext(random);
      expect(full).to.be.instanceOf(AllocatorError);
      expect((full as AllocatorError).message).to.equal('range is full');

      r.release(tc.released);
      expect(r.free).to.equal(1);
      expect(r.used).to.equal(tc.free - 1);
      expect(r.allocateNext(random)).to.equal(tc.released);

      r.release(tc.released);
      for (const ip of tc.outOfRange) {
        const err = r.allocate(ip);
        expect(err?.code, ip).to.equal('not-in-range');
        expect(err?.message).to.equal(
          `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${tc.cidr}`,
        );
      }
      expect(r.allocate(tc.alreadyAllocated)?.message).to.equal('provided IP is already allocated');
      expect(r.free).to.equal(1);
      expect(r.allocate(tc.released)).to.equal(undefined);
      expect(r.free).to.equal(0);
      expect(r.used).to.equal(tc.free);
    });
  }

  it('TestAllocateTiny: a /32 has nothing to give', () => {
    const r = new IPRange('192.168.1.0/32');
    expect(r.free).to.equal(0);
    expect((r.allocateNext(new Random(1)) as AllocatorError).code).to.equal('full');
  });

  it('TestAllocateReserved: dynamic allocation fills the upper band before the static one', () => {
    const random = new Random(3);
    const r = new IPRange('192.168.1.0/25');
    // subnet /25 = 128; dynamic block size is min(max(16,128/16),256) = 16
    const dynamicOffset = calculateIPRangeOffset(128);
    expect(dynamicOffset).to.equal(16);
    for (let i = 0; i < r.max - dynamicOffset; i++) {
      expect(r.allocateNext(random)).to.be.a('string');
    }
    for (let i = dynamicOffset; i < r.max; i++) {
      expect(r.has(`192.168.1.${i + 1}`), `192.168.1.${i + 1}`).to.equal(true);
    }
    expect(r.free).to.equal(dynamicOffset);
    for (let i = 0; i < dynamicOffset; i++) {
      expect(r.allocate(`192.168.1.${i + 1}`)).to.equal(undefined);
    }
    expect(r.free).to.equal(0);
    r.release('192.168.1.10');
    expect(r.allocateNext(random)).to.equal('192.168.1.10');
    expect(r.free).to.equal(0);
  });

  it('TestAllocateSmall: a /30 has two addresses and stays full', () => {
    const random = new Random(5);
    const r = new IPRange('192.168.1.240/30');
    expect(r.free).to.equal(2);
    const found = new Set([r.allocateNext(random), r.allocateNext(random)]);
    expect([...found].sort()).to.deep.equal(['192.168.1.241', '192.168.1.242']);
    for (const ip of found) expect(r.allocate(ip as string)?.code).to.equal('allocated');
    for (let i = 0; i < 100; i++) expect((r.allocateNext(random) as AllocatorError).code).to.equal('full');
    expect(r.max).to.equal(2);
  });

  it('TestForEach: lists exactly what was allocated', () => {
    const cases = [
      [],
      ['192.168.1.1'],
      ['192.168.1.1', '192.168.1.254'],
      ['192.168.1.1', '192.168.1.128', '192.168.1.254'],
    ];
    for (const tc of cases) {
      const r = new IPRange('192.168.1.0/24');
      for (const ip of tc) {
        expect(r.allocate(ip)).to.equal(undefined);
        expect(r.has(ip)).to.equal(true);
      }
      expect([...r.allocated()]).to.deep.equal(tc);
    }
  });

  // Test_calculateRangeOffset (IPv4 rows): min(max(16, size/16), 256).
  const offsetCases: Array<[string, string, number]> = [
    ['full mask IPv4', '192.168.1.1/32', 0],
    ['very small mask IPv4', '192.168.1.1/30', 0],
    ['small mask IPv4', '192.168.1.1/28', 0],
    ['small mask IPv4', '192.168.1.1/27', 16],
    ['medium mask IPv4', '192.168.1.1/22', 64],
    ['large mask IPv4', '192.168.1.1/8', 256],
    ['kubeadm service CIDR', '10.96.0.0/12', 256],
  ];
  for (const [name, cidr, want] of offsetCases) {
    it(`calculateRangeOffset ${name} ${cidr} = ${want}`, () => {
      expect(calculateIPRangeOffset(parseCidr(cidr).size)).to.equal(want);
    });
  }

  it('prefers the upper band of 10.96.0.0/12: dynamic IPs start at 10.96.1.1', () => {
    const random = new Random(11);
    const r = new IPRange('10.96.0.0/12');
    for (let i = 0; i < 200; i++) {
      const n = parseIPv4(r.allocateNext(random) as string)!;
      expect(n).to.be.at.least(parseIPv4('10.96.1.1')!);
      expect(n).to.be.at.most(parseIPv4('10.111.255.254')!);
    }
  });

  it('draws the same addresses from the same seed', () => {
    const draw = (seed: number) => {
      const r = new IPRange('10.96.0.0/12');
      const random = new Random(seed);
      return [0, 1, 2].map(() => r.allocateNext(random));
    };
    expect(draw(42)).to.deep.equal(draw(42));
    expect(draw(42)).to.not.deep.equal(draw(43));
  });
});
