import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Quantity, type QuantityFormat } from './quantity.js';

const nanos = (mantissa: number, exponent: number): bigint =>
  exponent + 9 >= 0
    ? BigInt(mantissa) * 10n ** BigInt(exponent + 9)
    : BigInt(mantissa) / 10n ** BigInt(-(exponent + 9));

// Ported from apimachinery pkg/api/resource/quantity_test.go TestQuantityParse:
// [input, mantissa, exponent, format] where the value is mantissa × 10^exponent.
const PARSE: Array<[string, number, number, QuantityFormat]> = [
  ['0', 0, 0, 'DecimalSI'],
  ['0n', 0, 0, 'DecimalSI'],
  ['0m', 0, 0, 'DecimalSI'],
  ['0Ki', 0, 0, 'BinarySI'],
  ['0Gi', 0, 0, 'BinarySI'],
  ['1', 1, 0, 'DecimalSI'],
  ['1Ki', 1024, 0, 'BinarySI'],
  ['8Ki', 8 * 1024, 0, 'BinarySI'],
  ['7Mi', 7 * 1024 * 1024, 0, 'BinarySI'],
  ['6Gi', 6 * 1024 * 1024 * 1024, 0, 'BinarySI'],
  ['5Ti', 5 * 1024 ** 4, 0, 'BinarySI'],
  ['5n', 5, -9, 'DecimalSI'],
  ['4u', 4, -6, 'DecimalSI'],
  ['3m', 3, -3, 'DecimalSI'],
  ['9', 9, 0, 'DecimalSI'],
  ['8k', 8, 3, 'DecimalSI'],
  ['50k', 5, 4, 'DecimalSI'],
  ['7M', 7, 6, 'DecimalSI'],
  ['6G', 6, 9, 'DecimalSI'],
  ['5T', 5, 12, 'DecimalSI'],
  ['2P', 2, 15, 'DecimalSI'],
  ['1E', 1, 18, 'DecimalSI'],
  ['1E-3', 1, -3, 'DecimalExponent'],
  ['1e3', 1, 3, 'DecimalExponent'],
  ['1E6', 1, 6, 'DecimalExponent'],
  ['1e9', 1, 9, 'DecimalExponent'],
  ['100.035k', 100035, 0, 'DecimalSI'],
  ['0.001', 1, -3, 'DecimalSI'],
  ['0.0005k', 5, -1, 'DecimalSI'],
  ['0.5', 5, -1, 'DecimalSI'],
  ['0.50000', 5, -1, 'DecimalSI'],
  ['0.5e-1', 5, -2, 'DecimalExponent'],
  ['10.035M', 10035, 3, 'DecimalSI'],
  ['1.2e3', 12, 2, 'DecimalExponent'],
  ['1.3E+6', 13, 5, 'DecimalExponent'],
  ['9.01', 901, -2, 'DecimalSI'],
  ['8.1k', 81, 2, 'DecimalSI'],
  ['7.123456M', 7123456, 0, 'DecimalSI'],
  ['2.5P', 25, 14, 'DecimalSI'],
  ['3.001n', 4, -9, 'DecimalSI'], // rounds up to the next nano
  ['0.0000000001', 1, -9, 'DecimalSI'],
  ['0.9n', 1, -9, 'DecimalSI'],
  ['0.00000012345', 124, -9, 'DecimalSI'],
  ['0.5Mi', 0.5 * 1024 * 1024, 0, 'BinarySI'],
  ['.001', 1, -3, 'DecimalSI'],
  ['1.', 1, 0, 'DecimalSI'],
  ['1.G', 1, 9, 'DecimalSI'],
];

// TestQuantityParse's invalid list (trailing white space is trimmed by kubesim, as YAML does).
const INVALID = ['1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ''];

// TestQuantityParseEmit and TestQuantityString's canonical forms.
const CANONICAL: Array<[string, string]> = [
  ['1Ki', '1Ki'],
  ['1Mi', '1Mi'],
  ['1024Mi', '1Gi'],
  ['1000M', '1G'],
  ['.001Ki', '1024m'],
  ['.000001Ki', '1024u'],
  ['.000000001Ki', '1024n'],
  ['.000000000001Ki', '2n'],
  ['307200Ki', '300Mi'],
  ['1025024Mi', '1001Gi'],
  ['1000M', '1G'],
  ['0.001T', '1G'],
  ['1000u', '1m'],
  ['1.08', '1080m'],
  ['1080000000n', '1080m'],
  ['3k', '3k'],
  ['1025', '1025'],
  ['.001e12', '1e9'],
  ['0.001e0', '1e-3'],
  ['1000e-12', '1e-9'],
  ['80e-3', '80e-3'],
  ['300e6', '300e6'],
  ['0.5', '500m'],
  ['128Mi', '128Mi'],
  ['1.5Gi', '1536Mi'],
];

describe('Quantity', () => {
  for (const [input, mantissa, exponent, format] of PARSE) {
    it(`parses ${input}`, () => {
      const q = Quantity.parse(input);
      expect(q.nanos).to.equal(nanos(mantissa, exponent));
      expect(q.format).to.equal(format);
      expect(Quantity.parse(`-${input}`).nanos).to.equal(-nanos(mantissa, exponent));
    });
  }

  for (const input of INVALID) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      expect(() => Quantity.parse(input)).to.throw('quantities must match the regular expression');
      expect(Quantity.isValid(input)).to.equal(false);
    });
  }

  for (const [input, canonical] of CANONICAL) {
    it(`prints ${input} as ${canonical}`, () => {
      expect(Quantity.parse(input).toString()).to.equal(canonical);
    });
  }

  it('gives milli and whole values rounded up, and compares (TestQuantityCmp)', () => {
    expect(Quantity.parse('0.5').milli).to.equal(500);
    expect(Quantity.parse('1.5').value).to.equal(2);
    expect(Quantity.parse('128Mi').value).to.equal(134217728);
    expect(Quantity.parse('100m').compare(Quantity.parse('50m'))).to.equal(1);
    expect(Quantity.parse('50m').compare(Quantity.parse('100m'))).to.equal(-1);
    expect(Quantity.parse('10000T').compare(Quantity.parse('100Gi'))).to.equal(1);
    expect(Quantity.parse('0').compare(Quantity.parse('0'))).to.equal(0);
  });
});
