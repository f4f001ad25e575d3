import { describe, it } from 'node:test';
import { expect } from 'chai';
import { goSharpV, strconvQuote } from './go-sharp-v.js';

describe("goSharpV (Go's %#v of unstructured content)", () => {
  it('renders maps, lists, strings, numbers and nil as fmt does', () => {
    // The expected text is what `fmt.Printf("%#v", m)` printed for the same value in Go.
    const value = {
      a: 1234567.5,
      b: 0.5,
      c: 1e21,
      d: 123456.5,
      e: 0.00001,
      f: 1e20,
      g: 'x\u00a0\u200b\ufeff\x01\x7f\u0085😀ü',
      h: null,
      i: [],
      j: {},
      k: 3,
      l: true,
    };
    expect(goSharpV(value)).to.equal(
      'map[string]interface {}{"a":1.2345675e+06, "b":0.5, "c":1e+21, "d":123456.5, "e":1e-05, "f":1e+20, ' +
        '"g":"x\\u00a0\\u200b\\ufeff\\x01\\x7f\\u0085😀ü", "h":interface {}(nil), "i":[]interface {}{}, ' +
        '"j":map[string]interface {}{}, "k":3, "l":true}',
    );
  });

  it('quotes strings as strconv.Quote does', () => {
    expect(strconvQuote('say "hi"\n\ttab\\')).to.equal('"say \\"hi\\"\\n\\ttab\\\\"');
    expect(strconvQuote('bell\x07 vt\v')).to.equal('"bell\\a vt\\v"');
  });
});
