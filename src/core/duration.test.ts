import { describe, it } from 'node:test';
import { expect } from 'chai';
import { formatDuration, parseDuration } from './duration.js';

// Go's time.ParseDuration cases (time/time_test.go parseDurationTests) in milliseconds,
// plus the word forms of STEPS.md "Durations".
const PARSE: Array<[string, number]> = [
  ['0', 0],
  ['5s', 5000],
  ['30s', 30_000],
  ['1478s', 1_478_000],
  ['5m', 300_000],
  ['2h', 7_200_000],
  ['15ms', 15],
  ['1.5h', 5_400_000],
  ['.5s', 500],
  ['1.004s', 1004],
  ['3h30m', 12_600_000],
  ['10.5s4m', 250_500],
  ['1h2m3s', 3_723_000],
  ['1m30s', 90_000],
  ['500ms', 500],
  ['30 seconds', 30_000],
  ['1 second', 1000],
  ['5 minutes', 300_000],
  ['1 minute', 60_000],
  ['2 hours', 7_200_000],
  ['1 minute 30 seconds', 90_000],
];

const FORMAT: Array<[number, string]> = [
  [0, '0s'],
  [2.2, '2.2ms'],
  [500, '500ms'],
  [3300, '3.3s'],
  [245_000, '4m5s'],
  [245_001, '4m5.001s'],
  [18_427_001, '5h7m7.001s'],
  [3_600_000, '1h0m0s'],
];

describe('durations', () => {
  for (const [text, ms] of PARSE) {
    it(`parses ${text}`, () => {
      expect(parseDuration(text)).to.equal(ms);
    });
  }
  for (const [ms, text] of FORMAT) {
    it(`formats ${ms} ms as ${text}`, () => {
      expect(formatDuration(ms)).to.equal(text);
    });
  }
  for (const bad of ['', '3', '-', 's', '.s', '1d', 'soon', '5 parsecs']) {
    it(`rejects ${JSON.stringify(bad)} with a message naming it`, () => {
      expect(() => parseDuration(bad)).to.throw(`invalid duration "${bad}"`);
    });
  }
});
