import { describe, it } from 'node:test';
import { expect } from 'chai';
import { HostLocalIPAM } from './ipam.js';

describe('HostLocalIPAM', () => {
  it('hands out .2 upward and does not reuse a freed address at once', () => {
    const ipam = new HostLocalIPAM('10.244.1.0/24');
    expect([ipam.allocate('a'), ipam.allocate('b'), ipam.allocate('c')]).to.deep.equal([
      '10.244.1.2',
      '10.244.1.3',
      '10.244.1.4',
    ]);
    ipam.release('10.244.1.2');
    expect(ipam.allocate('d')).to.equal('10.244.1.5');
  });

  it('wraps at the end of the range, skipping addresses in use, and reports a full range', () => {
    const ipam = new HostLocalIPAM('10.244.0.0/29'); // .2 … .6
    for (const owner of ['a', 'b', 'c', 'd', 'e']) ipam.allocate(owner);
    expect(ipam.allocate('f')).to.equal(undefined);
    ipam.release('10.244.0.4');
    expect(ipam.allocate('g')).to.equal('10.244.0.4');
    ipam.release('10.244.0.2');
    ipam.release('10.244.0.6');
    expect(ipam.allocate('h')).to.equal('10.244.0.6');
    expect(ipam.allocate('i')).to.equal('10.244.0.2');
  });
});
