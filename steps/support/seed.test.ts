import { describe, it } from 'node:test';
import { expect } from 'chai';
import { defaultSettings } from '../../src/index.js';
import { scenarioSeed } from './seed.js';

describe('scenarioSeed', () => {
  it('is the default without a parameter or KUBESIM_SEED', () => {
    expect(scenarioSeed({}, {})).to.equal(defaultSettings().seed);
  });
  it('takes KUBESIM_SEED', () => {
    expect(scenarioSeed(undefined, { KUBESIM_SEED: '42' })).to.equal(42);
  });
  it('prefers the world parameter (the runner’s --seed)', () => {
    expect(scenarioSeed({ seed: 7 }, { KUBESIM_SEED: '42' })).to.equal(7);
    expect(scenarioSeed({ seed: '8' }, {})).to.equal(8);
  });
  for (const bad of ['abc', '-1', '1.5', '4294967296', ' ']) {
    it(`rejects "${bad}"`, () => {
      expect(() => scenarioSeed({ seed: bad }, {})).to.throw('the seed must be a whole number');
    });
  }
});
