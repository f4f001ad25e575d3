/** After controller_utils_test.go TestComputeHash and util/hash_test.go. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { PodTemplateSpec } from '../../api/types.js';
import { canonicalJson, computeHash, safeEncodeString } from './hash.js';

const template = (image: string): PodTemplateSpec => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image }] },
});

describe('ComputeHash (TestComputeHash)', () => {
  it('different collision counts give different hashes (simple)', () => {
    expect(computeHash({}, 1)).to.not.equal(computeHash({}, 2));
  });
  it('no collision count and MaxInt32 give different hashes', () => {
    expect(computeHash({}, undefined)).to.not.equal(computeHash({}, 2147483647));
  });
  it('is stable and independent of key order', () => {
    const a = computeHash(template('nginx:1.25'));
    const reordered: PodTemplateSpec = {
      spec: { containers: [{ image: 'nginx:1.25', name: 'nginx' }] },
      metadata: { labels: { app: 'web' } },
    };
    expect(computeHash(reordered)).to.equal(a);
    expect(computeHash(template('nginx:1.27'))).to.not.equal(a);
  });
  it('has the format of a pod-template-hash: the decimal uint32 in the safe alphabet, mostly 9-10 long', () => {
    let long = 0;
    for (let i = 0; i < 200; i++) {
      const hash = computeHash(template(`nginx:1.${i}`));
      expect(hash).to.match(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
      if (hash.length >= 9) long++;
    }
    // 98% of uint32 values have 9 or 10 decimal digits.
    expect(long).to.be.greaterThan(180);
  });
  it('hashes of distinct templates do not collide in a small sample (TestPodTemplateSpecHash)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(computeHash(template(`image-${i}`)));
    expect(seen.size).to.equal(1000);
  });
});

describe('SafeEncodeString', () => {
  it('maps the decimal digits 0-9 to 4 5 6 7 8 9 b c d f', () => {
    expect(safeEncodeString('0123456789')).to.equal('456789bcdf');
  });
});

describe('canonicalJson', () => {
  it('sorts keys and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).to.equal('{"a":[{"c":"x"}],"b":1}');
  });
});
