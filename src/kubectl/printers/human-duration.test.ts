import { describe, it } from 'node:test';
import { expect } from 'chai';
import { humanDuration } from './human-duration.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MS = 1;

// apimachinery pkg/util/duration/duration_test.go TestHumanDuration
describe('humanDuration (TestHumanDuration)', () => {
  const cases: Array<[number, string]> = [
    [SECOND, '1s'],
    [70 * SECOND, '70s'],
    [190 * SECOND, '3m10s'],
    [70 * MINUTE, '70m'],
    [47 * HOUR, '47h'],
    [49 * HOUR, '2d1h'],
    [(8 * 24 + 2) * HOUR, '8d'],
    [367 * 24 * HOUR, '367d'],
    [(365 * 2 * 24 + 25) * HOUR, '2y1d'],
    [(365 * 8 * 24 + 2) * HOUR, '8y'],
  ];
  for (const [d, want] of cases)
    it(`${d} ms → ${want}`, () => {
      expect(humanDuration(d)).to.equal(want);
    });
});

// apimachinery pkg/util/duration/duration_test.go TestHumanDurationBoundaries (a nanosecond
// becomes a millisecond: simulated time counts milliseconds)
describe('humanDuration (TestHumanDurationBoundaries)', () => {
  const cases: Array<[number, string]> = [
    [-2 * SECOND, '<invalid>'],
    [-2 * SECOND + MS, '0s'],
    [0, '0s'],
    [SECOND - MS, '0s'],
    [2 * MINUTE - MS, '119s'],
    [2 * MINUTE, '2m'],
    [2 * MINUTE + SECOND, '2m1s'],
    [10 * MINUTE - MS, '9m59s'],
    [10 * MINUTE, '10m'],
    [10 * MINUTE + SECOND, '10m'],
    [3 * HOUR - MS, '179m'],
    [3 * HOUR, '3h'],
    [3 * HOUR + MINUTE, '3h1m'],
    [8 * HOUR - MS, '7h59m'],
    [8 * HOUR, '8h'],
    [8 * HOUR + 59 * MINUTE, '8h'],
    [2 * DAY - MS, '47h'],
    [2 * DAY, '2d'],
    [2 * DAY + HOUR, '2d1h'],
    [8 * DAY - MS, '7d23h'],
    [8 * DAY, '8d'],
    [8 * DAY + 23 * HOUR, '8d'],
    [2 * 365 * DAY - MS, '729d'],
    [2 * 365 * DAY, '2y'],
    [2 * 365 * DAY + 23 * HOUR, '2y'],
    [2 * 365 * DAY + 23 * HOUR + 59 * MINUTE, '2y'],
    [2 * 365 * DAY + DAY - MS, '2y'],
    [2 * 365 * DAY + DAY, '2y1d'],
    [3 * 365 * DAY, '3y'],
    [4 * 365 * DAY, '4y'],
    [5 * 365 * DAY, '5y'],
    [6 * 365 * DAY, '6y'],
    [7 * 365 * DAY, '7y'],
    [8 * 365 * DAY - MS, '7y364d'],
    [8 * 365 * DAY, '8y'],
    [8 * 365 * DAY + 364 * DAY, '8y'],
    [9 * 365 * DAY, '9y'],
  ];
  for (const [d, want] of cases)
    it(`${d} ms → ${want}`, () => {
      expect(humanDuration(d)).to.equal(want);
    });
});

// printers_test.go TestTranslateTimestampSince (time.Now() offsets as simulated durations)
describe('translateTimestampSince (TestTranslateTimestampSince)', () => {
  const cases: Array<[string, number, string]> = [
    ['a while from now', -2.1 * SECOND, '<invalid>'],
    ['almost now', -1.9 * SECOND, '0s'],
    ['now', 0, '0s'],
    ['30 seconds ago', 30 * SECOND, '30s'],
    ['5 minutes ago', 5 * MINUTE, '5m'],
    ['an hour ago', 100 * MINUTE, '100m'],
    ['2 days ago', 2 * DAY, '2d'],
    ['months ago', 90 * DAY, '90d'],
    ['10 years ago', 10 * 365 * DAY, '10y'],
  ];
  for (const [name, d, want] of cases)
    it(name, () => {
      expect(humanDuration(d)).to.equal(want);
    });
});
