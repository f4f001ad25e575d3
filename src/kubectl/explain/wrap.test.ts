import { describe, it } from 'node:test';
import { expect } from 'chai';
import { indent, wrap, wrapString } from './wrap.js';

const a = (n: number) => 'a'.repeat(n);

describe('wrapString (go-wordwrap v1.0.1)', () => {
  // From github.com/mitchellh/go-wordwrap wordwrap_test.go (the cases v1.0.1 keeps).
  const upstream: Array<[string, string, number]> = [
    ['foo', 'foo', 4],
    ['foobarbaz', 'foobarbaz', 4],
    ['foo bar baz', 'foo\nbar\nbaz', 4],
    ['foo\nb ar\nbaz', 'foo\nb ar\nbaz', 4],
    ['foo       \nb ar\nbaz', 'foo\nb ar\nbaz', 4],
  ];
  for (const [input, output, lim] of upstream) {
    it(`wraps ${JSON.stringify(input)} at ${lim}`, () => {
      expect(wrapString(input, lim)).to.equal(output);
    });
  }

  // Observed with kubectl v1.33.1 (a description put through `wrap 76`).
  const observed: Array<[string, string]> = [
    // spaces before a newline stay when they fit
    [`${a(72)}xx sop       \nb ar\n baz`, `${a(72)}xx\nsop       \nb ar\n baz`],
    // a line may be exactly the limit
    [`${a(74)} b`, `${a(74)} b`],
    [`${a(75)} b`, `${a(75)}\nb`],
    // a word longer than the limit gets a line of its own
    [`x ${a(80)} y`, `x\n${a(80)}\ny`],
    // runes, not bytes, are counted
    [`${a(70)} ééééé zz`, `${a(70)} ééééé\nzz`],
    [`${a(70)} éééééé zz`, `${a(70)}\néééééé zz`],
    // a no-break space does not break
    [`a\u00a0${'b'.repeat(80)} c`, `a\u00a0${'b'.repeat(80)}\nc`],
  ];
  for (const [input, output] of observed) {
    it(`wraps ${JSON.stringify(input.slice(0, 20))}… as kubectl v1.33 does`, () => {
      expect(wrapString(input, 76)).to.equal(output);
    });
  }
});

describe('template functions', () => {
  // k8s.io/kubectl/pkg/explain/v2/funcs_test.go
  it('wrap: basic', () => {
    expect(wrap(3, 'this is a really good test')).to.equal('this\nis\na\nreally\ngood\ntest');
  });
  it('wrap keeps the description line breaks (v1.33)', () => {
    expect(wrap(76, 'first paragraph.\n\nsecond')).to.equal('first paragraph.\n\nsecond');
  });
  it('indent: none', () => {
    expect(indent(0, 'this is a string')).to.equal('this is a string');
  });
  it('indent: some', () => {
    expect(indent(2, 'this is a string')).to.equal('  this is a string');
  });
  it('indent: every line', () => {
    expect(indent(4, 'a\n\nb\n')).to.equal('    a\n    \n    b\n    ');
  });
});
