import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  Lexer,
  newRequirement,
  type Operator,
  Parser,
  ParserContext,
  parseRequirements,
  parseSelector,
  type Requirement,
  SelectorParseError,
  Token,
} from './labels.js';

// Ported from k8s.io/apimachinery/pkg/labels selector_test.go (v1.33).
describe('Lexer (TestLexer)', () => {
  const table: Array<[string, Token]> = [
    ['', Token.EndOfString],
    [',', Token.Comma],
    ['notin', Token.NotIn],
    ['in', Token.In],
    ['=', Token.Equals],
    ['==', Token.DoubleEquals],
    ['>', Token.GreaterThan],
    ['<', Token.LessThan],
    // Note that Lex returns the longest valid token found
    ['!', Token.DoesNotExist],
    ['!=', Token.NotEquals],
    ['(', Token.OpenPar],
    [')', Token.ClosedPar],
    // Non-"special" characters are considered part of an identifier
    ['~', Token.Identifier],
    ['||', Token.Identifier],
  ];
  for (const [s, t] of table) {
    it(`${JSON.stringify(s)} is token ${t} with the same literal`, () => {
      expect(new Lexer(s).lex()).to.deep.equal([t, s]);
    });
  }
});

const { Identifier: ID, In, NotIn, OpenPar, ClosedPar, Comma, DoesNotExist, DoubleEquals, NotEquals } = Token;
const { Equals, GreaterThan, LessThan, EndOfString } = Token;
const SEQUENCES: Array<[string, Token[]]> = [
  ['key in ( value )', [ID, In, OpenPar, ID, ClosedPar]],
  ['key notin ( value )', [ID, NotIn, OpenPar, ID, ClosedPar]],
  ['key in ( value1, value2 )', [ID, In, OpenPar, ID, Comma, ID, ClosedPar]],
  ['key', [ID]],
  ['!key', [DoesNotExist, ID]],
  ['()', [OpenPar, ClosedPar]],
  ['x in (),y', [ID, In, OpenPar, ClosedPar, Comma, ID]],
  ['== != (), = notin', [DoubleEquals, NotEquals, OpenPar, ClosedPar, Comma, Equals, NotIn]],
  ['key>2', [ID, GreaterThan, ID]],
  ['key<1', [ID, LessThan, ID]],
];

describe('Lexer sequences (TestLexerSequence)', () => {
  for (const [s, tokens] of SEQUENCES) {
    it(JSON.stringify(s), () => {
      const lexer = new Lexer(s);
      const got: Token[] = [];
      for (let [t] = lexer.lex(); t !== EndOfString; [t] = lexer.lex()) got.push(t);
      expect(got).to.deep.equal(tokens);
    });
  }
  it('ends a token at a NUL byte, as upstream reads 0 for the end', () => {
    expect(new Lexer('ab\0cd').lex()).to.deep.equal([ID, 'ab']);
  });
});

describe('Parser lookahead and consume (TestParserLookahead)', () => {
  for (const [s, tokens] of [...SEQUENCES, ['', []] as [string, Token[]]]) {
    it(JSON.stringify(s), () => {
      const p = new Parser(new Lexer(s));
      p.scan();
      expect(p.scannedItems.map(([t]) => t)).to.deep.equal([...tokens, EndOfString]);
      for (;;) {
        const ahead = p.lookahead(ParserContext.KeyAndOperator);
        const consumed = p.consume(ParserContext.KeyAndOperator);
        if (ahead[0] === EndOfString) break;
        expect(consumed).to.deep.equal(ahead);
      }
    });
  }
  it('reads in and notin as identifiers among values', () => {
    const p = new Parser(new Lexer('in notin'));
    p.scan();
    expect(p.lookahead(ParserContext.Values)).to.deep.equal([ID, 'in']);
    expect(p.lookahead(ParserContext.KeyAndOperator)).to.deep.equal([In, 'in']);
  });
});

const r = (key: string, op: Operator, values: string[] = []): Requirement => newRequirement(key, op, values);

describe('parsing (TestSetSelectorParser)', () => {
  // [input, requirements (undefined: not compared), valid]
  const table: Array<[string, Requirement[] | undefined, boolean]> = [
    ['', [], true],
    ['\rx', [r('x', 'exists')], true],
    ['this-is-a-dns.domain.com/key-with-dash', [r('this-is-a-dns.domain.com/key-with-dash', 'exists')], true],
    [
      'this-is-another-dns.domain.com/key-with-dash in (so,what)',
      [r('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])],
      true,
    ],
    [
      '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)',
      [r('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])],
      true,
    ],
    ['foo  in\t (abc)', [r('foo', 'in', ['abc'])], true],
    ['x notin\n (abc)', [r('x', 'notin', ['abc'])], true],
    ['x  notin\t\t\t(abc,def)', [r('x', 'notin', ['abc', 'def'])], true],
    ['x in (abc,def)', [r('x', 'in', ['abc', 'def'])], true],
    ['x in (abc,)', [r('x', 'in', ['', 'abc'])], true],
    ['x in ()', [r('x', 'in', [''])], true],
    [
      'x notin (abc,,def),bar,z in (),w',
      [r('bar', 'exists'), r('w', 'exists'), r('x', 'notin', ['', 'abc', 'def']), r('z', 'in', [''])],
      true,
    ],
    ['x,y in (a)', undefined, true],
    ['x=a', [r('x', '=', ['a'])], true],
    ['x>1', [r('x', 'gt', ['1'])], true],
    ['x<7', [r('x', 'lt', ['7'])], true],
    ['x=a,y!=b', [r('x', '=', ['a']), r('y', '!=', ['b'])], true],
    ['x=a,y!=b,z in (h,i,j)', [r('x', '=', ['a']), r('y', '!=', ['b']), r('z', 'in', ['h', 'i', 'j'])], true],
    ['x=a||y=b', undefined, false],
    ['x,,y', undefined, false],
    [',x,y', undefined, false],
    ['x nott in (y)', undefined, false],
    ['x notin ( )', [r('x', 'notin', [''])], true],
    ['x notin (, a)', [r('x', 'notin', ['', 'a'])], true],
    ['a in (xyz),', undefined, false],
    ['a in (xyz)b notin ()', undefined, false],
    ['a ', [r('a', 'exists')], true],
    ['a in (x,y,notin, z,in)', [r('a', 'in', ['in', 'notin', 'x', 'y', 'z'])], true], // operator 'in' inside list of identifiers
    ['a in (xyz abc)', undefined, false], // no comma
    ['a notin(', undefined, false], // bad formed
    ['a (', undefined, false], // cpar
    ['(', undefined, false], // opar
  ];
  for (const [input, out, valid] of table) {
    it(`${JSON.stringify(input)} ${valid ? 'parses' : 'does not parse'}`, () => {
      if (!valid) {
        expect(() => parseRequirements(input)).to.throw(SelectorParseError);
        return;
      }
      const got = parseRequirements(input);
      if (out) expect(got).to.deep.equal(out);
    });
  }
  it('sorts requirements by key, as ByKey does', () => {
    expect(parseRequirements('x,y in (a)').map((q) => q.key)).to.deep.equal(['x', 'y']);
  });
  it('drops repeated values and sorts them (sets.String)', () => {
    expect(parseRequirements('x in (b,a,b)')).to.deep.equal([r('x', 'in', ['a', 'b'])]);
  });
});

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/**
 * The messages, derived from the parser's code (upstream's tables only check that an error
 * occurs); the ones marked "seen" match real kubectl/apiserver output quoted in public issues.
 */
describe('parse error messages', () => {
  const table: Array<[string, string]> = [
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    // seen: kubectl get po -l 'type=app,versionv1.0.1)'
    [
      'type=app,versionv1.0.1)',
      "unable to parse requirement: found ')', expected: in, notin, =, ==, !=, gt, lt",
    ],
    ['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    ['x,,y', "found ',', expected: identifier after ','"],
    ['a in (xyz),', "found '', expected: identifier after ','"],
    [',x,y', "found ',', expected: !, identifier, or 'end of string'"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!!x', "unable to parse requirement: found '!', expected: identifier"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['x in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['x in (a,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    // v1.33 consumes the second comma of `,,` (fixed only in v1.35).
    ['x in (a,,)', "unable to parse requirement: found ')', expected: ',', or identifier"],
    // seen: kubectl get pods -l "app:monolith"
    ['app:monolith', `unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NAME_PART}`],
    [
      'app.kubernetes_io/name=vault',
      `unable to parse requirement: <nil>: Invalid value: "app.kubernetes_io/name": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
    [
      'a/b/c',
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    // seen: a selector map {"app": "demo-{nginx}"}
    [
      'app=demo-{nginx}',
      `unable to parse requirement: values[0][app]: Invalid value: "demo-{nginx}": ${LABEL_VALUE}`,
    ],
    ['x in (ok,-bad)', `unable to parse requirement: values[0][x]: Invalid value: "-bad": ${LABEL_VALUE}`],
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${LABEL_VALUE}`],
    // seen: environment>qa
    [
      'environment>qa',
      `unable to parse requirement: values[0]: Invalid value: "qa": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    [
      'x>a_',
      `unable to parse requirement: [values[0]: Invalid value: "a_": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: "a_": ${LABEL_VALUE}]`,
    ],
  ];
  for (const [input, message] of table) {
    it(JSON.stringify(input), () => {
      let thrown: unknown;
      try {
        parseSelector(input);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).to.be.instanceOf(SelectorParseError);
      expect((thrown as Error).message).to.equal(message);
    });
  }
});
