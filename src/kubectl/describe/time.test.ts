import { describe, it } from 'node:test';
import { expect } from 'chai';
import { rfc1123z, since } from './time.js';

describe('describe times', () => {
  it('formats RFC 1123 with numeric zone like Go, in UTC (expectations from Go 1.19 time.Format)', () => {
    const cases: Array<[string | undefined, string]> = [
      ['2025-01-01T00:00:05Z', 'Wed, 01 Jan 2025 00:00:05 +0000'],
      ['2024-02-29T23:59:59Z', 'Thu, 29 Feb 2024 23:59:59 +0000'],
      ['2014-01-15T00:00:00Z', 'Wed, 15 Jan 2014 00:00:00 +0000'],
      ['2021-01-01T00:00:00Z', 'Fri, 01 Jan 2021 00:00:00 +0000'],
      ['2025-03-09T12:30:00.123456Z', 'Sun, 09 Mar 2025 12:30:00 +0000'],
      ['1999-12-31T23:00:00-02:00', 'Sat, 01 Jan 2000 01:00:00 +0000'],
      [undefined, 'Mon, 01 Jan 0001 00:00:00 +0000'],
    ];
    for (const [input, want] of cases) expect(rfc1123z(input)).to.equal(want);
  });

  it('translates timestamps to ages with HumanDuration, <unknown> when unset, <invalid> in the future', () => {
    expect(since('2025-01-01T00:00:00Z', 10_000)).to.equal('10s');
    expect(since('2025-01-01T00:00:00Z', 125_000)).to.equal('2m5s');
    expect(since('2025-01-01T00:00:00.500000Z', 10_000)).to.equal('9s');
    expect(since(undefined, 10_000)).to.equal('<unknown>');
    expect(since('2025-01-01T00:00:30Z', 5_000)).to.equal('<invalid>');
    expect(since('2025-01-01T00:00:01Z', 500)).to.equal('0s');
  });
});
