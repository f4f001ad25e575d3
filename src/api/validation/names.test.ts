import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isIP,
  isQualifiedName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
} from './names.js';

// Tables from k8s.io/apimachinery/pkg/util/validation/validation_test.go.
const r = (s: string, n: number) => s.repeat(n);

function table(name: string, fn: (v: string) => string[], good: string[], bad: string[]) {
  describe(name, () => {
    it('accepts the good values', () => {
      for (const v of good) expect(fn(v), JSON.stringify(v)).to.deep.equal([]);
    });
    it('rejects the bad values', () => {
      for (const v of bad) expect(fn(v), JSON.stringify(v)).to.not.be.empty;
    });
  });
}

table(
  'IsDNS1123Label (TestIsDNS1123Label)',
  isDNS1123Label,
  ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', r('a', 63)],
  [
    '',
    'A',
    'ABC',
    'aBc',
    'A1',
    'A-1',
    '1-A',
    '-',
    'a-',
    '-a',
    '1-',
    '-1',
    '_',
    'a_',
    '_a',
    'a_b',
    '1_',
    '_1',
    '1_2',
    '.',
    'a.',
    '.a',
    'a.b',
    '1.',
    '.1',
    '1.2',
    ' ',
    'a ',
    ' a',
    'a b',
    '1 ',
    ' 1',
    '1 2',
    r('a', 64),
  ],
);

table(
  'IsDNS1123Subdomain (TestIsDNS1123Subdomain)',
  isDNS1123Subdomain,
  [
    'a',
    'ab',
    'abc',
    'a1',
    'a-1',
    'a--1--2--b',
    '0',
    '01',
    '012',
    '1a',
    '1-a',
    '1--a--b--2',
    'a.a',
    'ab.a',
    'abc.a',
    'a1.a',
    'a-1.a',
    'a--1--2--b.a',
    'a.1',
    'ab.1',
    '0.a',
    '01.a',
    '1a.a',
    'a.b.c.d.e',
    'aaa.bbb.ccc',
    r('a', 253),
  ],
  [
    '',
    'A',
    'ABC',
    'aBc',
    'A1',
    'A-1',
    '1-A',
    '-',
    'a-',
    '-a',
    '1-',
    '-1',
    '_',
    'a_',
    '_a',
    'a_b',
    '1_',
    '_1',
    '1_2',
    '.',
    'a.',
    '.a',
    'a..b',
    '1.',
    '.1',
    '1..2',
    ' ',
    'a ',
    ' a',
    'a b',
    'A.a',
    'aB.a',
    'ab.A',
    'a.b.c.d.E',
    'a-.a',
    '-a.a',
    'a.a-',
    'a.-a',
    r('a', 254),
  ],
);

table(
  'IsDNS1035Label (TestIsDNS1035Label)',
  isDNS1035Label,
  ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', r('a', 63)],
  [
    '0',
    '01',
    '012',
    '1a',
    '1-a',
    '1--a--b--2',
    '',
    'A',
    'ABC',
    'aBc',
    'A1',
    'A-1',
    '1-A',
    '-',
    'a-',
    '-a',
    '1-',
    '-1',
    '_',
    'a_',
    '_a',
    'a_b',
    '.',
    'a.b',
    ' ',
    r('a', 64),
  ],
);

table(
  'IsQualifiedName (TestIsQualifiedName)',
  isQualifiedName,
  [
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    '1234',
    'simple/simple',
    'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes',
    'now.with.dots/simple',
    'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num',
    '1234/5678',
    '1.2.3.4/5678',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo',
    r('a', 63),
    `${r('a', 253)}/${r('b', 63)}`,
  ],
  [
    'nospecialchars%^=@',
    'cantendwithadash-',
    '-cantstartwithadash-',
    'only/one/slash',
    'Example.com/abc',
    'example_com/abc',
    'example.com/',
    '/simple',
    r('a', 64),
    `${r('a', 254)}/abc`,
  ],
);

table(
  'IsValidLabelValue (TestIsValidLabelValue)',
  isValidLabelValue,
  ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', r('a', 63), ''],
  [
    'nospecialchars%^=@',
    'Tama-nui-te-rā.is_it?',
    'cantendwithadash-',
    '-cantstartwithadash',
    'only/one/slash',
    r('a', 64),
  ],
);

table(
  'IsValidPortName (TestIsValidPortName)',
  isValidPortName,
  ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'],
  ['longerthan15characters', '', r('a', 16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++'],
);

table(
  'IsValidPercent (TestIsValidPercent)',
  isValidPercent,
  ['0%', '00000%', '01%', '01%', '100%', '1000%'],
  ['', '0', '100', '0.0%', '99.9%', 'hundred', ' 1%', '1% ', '-0%', '-1%', '+1%'],
);

describe('messages', () => {
  it('explains a bad DNS-1123 subdomain as the API server does', () => {
    expect(isDNS1123Subdomain('Web_App!')).to.deep.equal([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });
  it('says a label with dots is not a label', () => {
    expect(isDNS1123Label('a.b')).to.deep.equal(['must not contain dots']);
  });
  it('gives the port range', () => {
    expect(isValidPortNum(0)).to.deep.equal(['must be between 1 and 65535, inclusive']);
    expect(isValidPortNum(65536)).to.have.length(1);
    expect(isValidPortNum(1)).to.deep.equal([]);
  });
  it('tells IP addresses', () => {
    for (const ip of ['1.2.3.4', '10.96.0.1', '::1', '2001:db8::ffff', '::ffff:1.2.3.4'])
      expect(isIP(ip), ip).to.equal(true);
    for (const ip of ['', '1.2.3', '256.1.1.1', '01.2.3.4', 'abc', '1::2::3'])
      expect(isIP(ip), ip).to.equal(false);
  });
});
