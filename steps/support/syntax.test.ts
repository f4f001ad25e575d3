import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DURATION_PATTERN, durationMs, parseRef, showRef } from './syntax.js';

/** True when the whole text is one {duration}, as cucumber anchors it inside a step. */
function isDuration(text: string): boolean {
  return new RegExp(`^(?:${DURATION_PATTERN.source})$`).test(text);
}

describe('the {duration} parameter', () => {
  // Every form STEPS.md "Durations" lists, and what it means in milliseconds.
  const forms: Array<[string, number]> = [
    ['30 seconds', 30_000],
    ['1 second', 1_000],
    ['5 minutes', 300_000],
    ['1 minute', 60_000],
    ['2 hours', 7_200_000],
    ['500ms', 500],
    ['45s', 45_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1h2m3s', 3_723_000],
    ['1 minute 30 seconds', 90_000],
    ['2 minutes and 5 seconds', 125_000],
    ['1.5s', 1_500],
    ['250 milliseconds', 250],
  ];
  for (const [text, ms] of forms) {
    it(`matches and parses "${text}"`, () => {
      expect(isDuration(text), 'matches').to.equal(true);
      expect(durationMs(text)).to.equal(ms);
    });
  }

  for (const text of ['30', 'seconds', '30 secs', '1d', 'ten seconds', '30seconds ']) {
    it(`does not match "${text}"`, () => {
      expect(isDuration(text)).to.equal(false);
    });
  }

  it('leaves "pass" and "passes" to the step text', () => {
    const step = new RegExp(`^(${DURATION_PATTERN.source}) pass(?:es)?$`);
    expect(step.exec('1 minute passes')?.[1]).to.equal('1 minute');
    expect(step.exec('1m30s pass')?.[1]).to.equal('1m30s');
  });
});

describe('the {ref} parameter', () => {
  it('puts a bare name in the default namespace', () => {
    expect(parseRef('web')).to.deep.equal({ namespace: 'default', name: 'web' });
  });
  it('reads namespace/name', () => {
    expect(parseRef('team-a/web')).to.deep.equal({ namespace: 'team-a', name: 'web' });
  });
  for (const bad of ['', 'a/b/c', '/web', 'team-a/']) {
    it(`rejects "${bad}"`, () => {
      expect(() => parseRef(bad)).to.throw('not an object reference');
    });
  }
  it('prints as namespace/name', () => {
    expect(showRef(parseRef('web'))).to.equal('default/web');
  });
});
