/**
 * Label selectors as k8s.io/apimachinery/pkg/labels/selector.go (v1.33) has them: requirements
 * built and validated by NewRequirement, the `-l` syntax read by its Lexer and Parser with the
 * same error texts, matching and the canonical String() form.
 */
import { fieldErrorMessage, KubesimError } from '../core/errors.js';
import type { LabelSelector } from './types.js';
import { isQualifiedName, isValidLabelValue } from './validation/names.js';

export type Labels = Readonly<Record<string, string>>;

/** A compiled selector: `matches(labels)`; `empty` selects everything. */
export interface Selector {
  readonly empty: boolean;
  matches(labels: Labels | undefined): boolean;
  /** The canonical string form (`app=web,tier in (a,b)`), as kubectl -o wide prints selectors. */
  toString(): string;
}

/** selection.Operator: the strings the parser and String() use. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

/** One requirement (labels.Requirement): a key, an operator and its values. */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

/** A selector that does not parse, or a requirement that does not validate: the message is upstream's. */
export class SelectorParseError extends KubesimError {
  override name = 'SelectorParseError';
}

const UNARY_OPERATORS: readonly Operator[] = ['exists', '!'];
const BINARY_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const VALID_OPERATORS: readonly Operator[] = [...BINARY_OPERATORS, ...UNARY_OPERATORS];

// ---------------------------------------------------------------------------------------------
// Requirements: NewRequirement, Matches, String

/** strconv.ParseInt(s, 10, 64): an optional sign and decimal digits within int64, else undefined. */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

/** field.ErrorList.ToAggregate().Error(): one message as it is, several deduplicated in `[a, b]`. */
function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

/**
 * validateLabelKey: the error names the parser's field path, which is nil for a string selector,
 * hence upstream's `<nil>: Invalid value: …`.
 */
function labelKeyError(key: string, path = '<nil>'): string | undefined {
  const errs = isQualifiedName(key);
  if (errs.length === 0) return undefined;
  return fieldErrorMessage({ type: 'Invalid value', field: path, value: key, detail: errs.join('; ') });
}

/** validateLabelValue: the path is `values[i]` keyed by the label (`values[0][app]`). */
function labelValueError(key: string, value: string, path: string): string | undefined {
  const errs = isValidLabelValue(value);
  if (errs.length === 0) return undefined;
  return fieldErrorMessage({
    type: 'Invalid value',
    field: `${path}[${key}]`,
    value,
    detail: errs.join('; '),
  });
}

/**
 * NewRequirement: validates the key, the number of values for the operator, integer values for
 * gt/lt and every value as a label value; throws SelectorParseError with the aggregated field
 * errors (paths `key`, `values`, `values[i]`, `operator`, as with no path option).
 */
export function newRequirement(key: string, operator: Operator, values: readonly string[]): Requirement {
  const errs: string[] = [];
  const keyErr = labelKeyError(key, 'key');
  if (keyErr) errs.push(keyErr);
  const invalid = (field: string, value: unknown, detail: string) =>
    errs.push(fieldErrorMessage({ type: 'Invalid value', field, value, detail }));
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0)
        invalid('values', values, "for 'in', 'notin' operators, values set can't be empty");
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1)
        invalid('values', values, 'exact-match compatibility requires one single value');
      break;
    case 'exists':
    case '!':
      if (values.length !== 0)
        invalid('values', values, 'values set must be empty for exists and does not exist');
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1)
        invalid('values', values, "for 'Gt', 'Lt' operators, exactly one value is required");
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined)
          invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer");
      });
      break;
    default:
      errs.push(
        fieldErrorMessage({
          type: 'Unsupported value',
          field: 'operator',
          value: String(operator),
          detail: `supported values: ${VALID_OPERATORS.map((o) => JSON.stringify(o)).join(', ')}`,
        }),
      );
  }
  values.forEach((v, i) => {
    const err = labelValueError(key, v, `values[${i}]`);
    if (err) errs.push(err);
  });
  if (errs.length > 0) throw new SelectorParseError(aggregate(errs));
  return { key, operator, values: [...values] };
}

function matchRequirement(r: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value!);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has) return false;
      const actual = parseInt64(value!);
      // Exactly one integer value; anything else matches nothing (upstream logs and says false).
      const wanted = r.values.length === 1 ? parseInt64(r.values[0]!) : undefined;
      if (actual === undefined || wanted === undefined) return false;
      return r.operator === 'gt' ? actual > wanted : actual < wanted;
    }
    default:
      return false;
  }
}

/** Requirement.String(): values sorted (safeSort) for in/notin, `!key` for DoesNotExist. */
export function requirementString(r: Requirement): string {
  const values = () => (r.values.length === 1 ? r.values[0]! : [...r.values].sort().join(','));
  switch (r.operator) {
    case '=':
    case '==':
    case '!=':
      return `${r.key}${r.operator}${values()}`;
    case 'gt':
      return `${r.key}>${values()}`;
    case 'lt':
      return `${r.key}<${values()}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.operator} (${values()})`;
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    default:
      return r.key;
  }
}

// ---------------------------------------------------------------------------------------------
// Selectors

const NO_LABELS: Labels = Object.freeze({});
const byKey = (a: Requirement, b: Requirement) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * An internalSelector of the given requirements, sorted by key (ByKey; stable, as Go's sort is
 * for so few). `nothing` gives labels.Nothing(): it matches no labels and is not empty.
 */
export function selectorFromRequirements(requirements: readonly Requirement[], nothing = false): Selector {
  const sorted = [...requirements].sort(byKey);
  // A plain loop: controllers match every pod of a ReplicaSet against selectors on every sync.
  return {
    empty: requirements.length === 0 && !nothing,
    matches(labels) {
      if (nothing) return false;
      const l = labels ?? NO_LABELS;
      for (const r of sorted) {
        // `key=value`, by far the most common: only an own label can equal a string (inherited
        // properties of a plain object are functions), so no separate ownership test is needed.
        if (r.operator === '=' ? l[r.key] !== r.values[0] : !matchRequirement(r, l)) return false;
      }
      return true;
    },
    toString() {
      return sorted.map(requirementString).join(',');
    },
  };
}

/** A selector from a plain label map (a Service's `spec.selector`). */
export function selectorFromMap(map: Labels | undefined): Selector {
  return selectorFromRequirements(
    Object.entries(map ?? {}).map(([key, v]): Requirement => ({ key, operator: '=', values: [v] })),
  );
}

const EXPRESSION_OPERATORS: Readonly<Record<string, Operator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/**
 * A selector from a metav1.LabelSelector. A nil selector matches nothing (LabelSelectorAsSelector
 * returns labels.Nothing()); an empty one matches everything. Simplified: the requirements are not
 * validated again (the API server validated the object), and an unknown operator matches nothing.
 */
export function selectorFromLabelSelector(sel: LabelSelector | undefined | null): Selector {
  if (!sel) return selectorFromRequirements([], true);
  const reqs: Requirement[] = Object.entries(sel.matchLabels ?? {}).map(
    ([key, v]): Requirement => ({ key, operator: '=', values: [v] }),
  );
  for (const e of sel.matchExpressions ?? []) {
    const operator = EXPRESSION_OPERATORS[e.operator] ?? (e.operator as Operator);
    reqs.push({ key: e.key, operator, values: [...(e.values ?? [])] });
  }
  return selectorFromRequirements(reqs);
}

// ---------------------------------------------------------------------------------------------
// The `-l` syntax: Lexer and Parser

/** The lexer's tokens, numbered as upstream's Token constants. */
export const Token = {
  Error: 0,
  EndOfString: 1,
  ClosedPar: 2,
  Comma: 3,
  DoesNotExist: 4,
  DoubleEquals: 5,
  Equals: 6,
  GreaterThan: 7,
  Identifier: 8,
  In: 9,
  LessThan: 10,
  NotEquals: 11,
  NotIn: 12,
  OpenPar: 13,
} as const;
export type Token = (typeof Token)[keyof typeof Token];

const STRING_TO_TOKEN: ReadonlyMap<string, Token> = new Map<string, Token>([
  [')', Token.ClosedPar],
  [',', Token.Comma],
  ['!', Token.DoesNotExist],
  ['==', Token.DoubleEquals],
  ['=', Token.Equals],
  ['>', Token.GreaterThan],
  ['in', Token.In],
  ['<', Token.LessThan],
  ['!=', Token.NotEquals],
  ['notin', Token.NotIn],
  ['(', Token.OpenPar],
]);

/** One lexed item: the token and its literal. */
export type ScannedItem = readonly [Token, string];

// Upstream reads bytes and uses 0 for the end of the string, so a NUL byte also ends a token.
const END = '\0';
const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const SPECIAL_SYMBOLS: ReadonlySet<string> = new Set(['=', '!', '(', ')', ',', '>', '<']);
const isSpecialSymbol = (ch: string) => SPECIAL_SYMBOLS.has(ch);

/** The selector Lexer: whitespace-separated identifiers, keywords and operator symbols. */
export class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  private read(): string {
    if (this.pos < this.s.length) return this.s[this.pos++]!;
    return END;
  }

  private unread(): void {
    this.pos--;
  }

  /** scanIDOrKeyword: everything up to a special symbol or whitespace; `in`/`notin` are keywords. */
  private scanIDOrKeyword(): ScannedItem {
    let buffer = '';
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
    }
    return [STRING_TO_TOKEN.get(buffer) ?? Token.Identifier, buffer];
  }

  /** scanSpecialSymbol: the longest run of symbols that is still a token (`!=` over `!`). */
  private scanSpecialSymbol(): ScannedItem {
    let last: ScannedItem | undefined;
    let buffer = '';
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (!isSpecialSymbol(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
      const token = STRING_TO_TOKEN.get(buffer);
      if (token !== undefined) last = [token, buffer];
      else if (last) {
        this.unread();
        break;
      }
    }
    return last ?? [Token.Error, `error expected: keyword found '${buffer}'`];
  }

  /** Lex: the next token and its literal (meaningful for identifiers). */
  lex(): ScannedItem {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === END) return [Token.EndOfString, ''];
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIDOrKeyword();
  }
}

/** Parser contexts: `in` and `notin` are operators after a key but plain values in a list. */
export const ParserContext = { KeyAndOperator: 0, Values: 1 } as const;
export type ParserContext = (typeof ParserContext)[keyof typeof ParserContext];

/** The selector Parser: a recursive descent over the scanned items, with upstream's messages. */
export class Parser {
  readonly scannedItems: ScannedItem[] = [];
  position = 0;
  constructor(private readonly lexer: Lexer) {}

  private item(i: number, context: ParserContext): ScannedItem {
    // The items end with EndOfString and parsing stops there; reading past it is a bug upstream too.
    const [tok, lit] = this.scannedItems[Math.min(i, this.scannedItems.length - 1)]!;
    if (context === ParserContext.Values && (tok === Token.In || tok === Token.NotIn))
      return [Token.Identifier, lit];
    return [tok, lit];
  }

  /** The current token, not consumed. */
  lookahead(context: ParserContext): ScannedItem {
    return this.item(this.position, context);
  }

  /** The current token, consumed. */
  consume(context: ParserContext): ScannedItem {
    this.position++;
    return this.item(this.position - 1, context);
  }

  /** Lexes the whole input, up to and including EndOfString. */
  scan(): void {
    for (;;) {
      const item = this.lexer.lex();
      this.scannedItems.push(item);
      if (item[0] === Token.EndOfString) break;
    }
  }

  parse(): Requirement[] {
    this.scan();
    const requirements: Requirement[] = [];
    for (;;) {
      const [tok, lit] = this.lookahead(ParserContext.Values);
      switch (tok) {
        case Token.Identifier:
        case Token.DoesNotExist: {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (e) {
            if (!(e instanceof SelectorParseError)) throw e;
            throw new SelectorParseError(`unable to parse requirement: ${e.message}`);
          }
          requirements.push(r);
          const [t, l] = this.consume(ParserContext.Values);
          switch (t) {
            case Token.EndOfString:
              return requirements;
            case Token.Comma: {
              const [t2, l2] = this.lookahead(ParserContext.Values);
              if (t2 !== Token.Identifier && t2 !== Token.DoesNotExist)
                throw new SelectorParseError(`found '${l2}', expected: identifier after ','`);
              break;
            }
            default:
              throw new SelectorParseError(`found '${l}', expected: ',' or 'end of string'`);
          }
          break;
        }
        case Token.EndOfString:
          return requirements;
        default:
          throw new SelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const [key, inferred] = this.parseKeyAndInferOperator();
    if (inferred === 'exists' || inferred === '!') return newRequirement(key, inferred, []);
    const operator = this.parseOperator();
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): the values deduplicated and sorted.
    return newRequirement(key, operator, [...values].sort());
  }

  /** parseKeyAndInferOperator: `!key`, or `key` followed by the end or a comma, needs no operator. */
  private parseKeyAndInferOperator(): [string, Operator | undefined] {
    let operator: Operator | undefined;
    let [tok, literal] = this.consume(ParserContext.Values);
    if (tok === Token.DoesNotExist) {
      operator = '!';
      [tok, literal] = this.consume(ParserContext.Values);
    }
    if (tok !== Token.Identifier) throw new SelectorParseError(`found '${literal}', expected: identifier`);
    const keyErr = labelKeyError(literal);
    if (keyErr) throw new SelectorParseError(keyErr);
    const [t] = this.lookahead(ParserContext.Values);
    if ((t === Token.EndOfString || t === Token.Comma) && operator !== '!') operator = 'exists';
    return [literal, operator];
  }

  private parseOperator(): Operator {
    const [tok, lit] = this.consume(ParserContext.KeyAndOperator);
    switch (tok) {
      case Token.In:
        return 'in';
      case Token.Equals:
        return '=';
      case Token.DoubleEquals:
        return '==';
      case Token.GreaterThan:
        return 'gt';
      case Token.LessThan:
        return 'lt';
      case Token.NotIn:
        return 'notin';
      case Token.NotEquals:
        return '!=';
      default:
        throw new SelectorParseError(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    }
  }

  /** parseValues: `(a,b)`; `()` is the one empty value. */
  private parseValues(): Set<string> {
    let [tok, lit] = this.consume(ParserContext.Values);
    if (tok !== Token.OpenPar) throw new SelectorParseError(`found '${lit}' expected: '('`);
    [tok, lit] = this.lookahead(ParserContext.Values);
    switch (tok) {
      case Token.Identifier:
      case Token.Comma: {
        const s = this.parseIdentifiersList();
        // Upstream reports the literal looked at before the list here (unreachable in practice).
        if (this.consume(ParserContext.Values)[0] !== Token.ClosedPar)
          throw new SelectorParseError(`found '${lit}', expected: ')'`);
        return s;
      }
      case Token.ClosedPar:
        this.consume(ParserContext.Values);
        return new Set(['']);
      default:
        throw new SelectorParseError(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  /**
   * parseIdentifiersList: comma-separated, possibly empty identifiers. As in v1.33, `,,` consumes
   * the second comma, so `(a,,)` fails (fixed upstream only in v1.35, behind a feature gate).
   */
  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const [tok, lit] = this.consume(ParserContext.Values);
      switch (tok) {
        case Token.Identifier: {
          s.add(lit);
          const [tok2, lit2] = this.lookahead(ParserContext.Values);
          if (tok2 === Token.Comma) continue;
          if (tok2 === Token.ClosedPar) return s;
          throw new SelectorParseError(`found '${lit2}', expected: ',' or ')'`);
        }
        case Token.Comma: {
          if (s.size === 0) s.add(''); // to handle (,
          const [tok2] = this.lookahead(ParserContext.Values);
          if (tok2 === Token.ClosedPar) {
            s.add(''); // to handle ,)
            return s;
          }
          if (tok2 === Token.Comma) {
            this.consume(ParserContext.Values);
            s.add(''); // to handle ,,
          }
          break;
        }
        default:
          throw new SelectorParseError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  /** parseExactValue: the one value after `=`, `==`, `!=`, `>` or `<`; none means the empty value. */
  private parseExactValue(): Set<string> {
    const [next] = this.lookahead(ParserContext.Values);
    if (next === Token.EndOfString || next === Token.Comma) return new Set(['']);
    const [tok, lit] = this.consume(ParserContext.Values);
    if (tok === Token.Identifier) return new Set([lit]);
    throw new SelectorParseError(`found '${lit}', expected: identifier`);
  }
}

/**
 * labels.ParseToRequirements: the requirements of a selector string, sorted by key. Throws
 * SelectorParseError with upstream's message (`unable to parse requirement: …`, `found '…',
 * expected: …`) on bad input.
 */
export function parseRequirements(text: string): Requirement[] {
  return new Parser(new Lexer(text)).parse().sort(byKey);
}

/**
 * labels.Parse: kubectl's `-l` syntax: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`,
 * `!a`, `a>1`, `a<1`, joined by commas. Throws SelectorParseError with upstream's message.
 */
export function parseSelector(text: string): Selector {
  return selectorFromRequirements(parseRequirements(text));
}
