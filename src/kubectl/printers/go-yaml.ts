/**
 * YAML as kubectl prints it: sigs.k8s.io/yaml turns the object's JSON into YAML with go-yaml v2,
 * so this follows go-yaml v2's emitter for JSON-like values:
 * - keys sorted in go-yaml's "natural" order (digit runs compare as numbers, non-letters sort
 *   before letters), block style, sequences inside mappings not indented (`- ` under the key);
 * - strings plain when they can be; double-quoted when plain text would read as another type
 *   (`"80"`, `"true"`, `""`, `"2025-01-01T00:00:00Z"`); single-quoted when plain is not allowed
 *   (`'a: b'`); literal blocks (`|`, `|-`, `|+`) for text with line breaks;
 * - long plain and quoted strings folded at a space once the line is past column 80, continuing
 *   two spaces deeper than the key (go-yaml v2's default best width).
 */
const BEST_WIDTH = 80;
const BEST_INDENT = 2;

const isLetter = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(ch);
};
const ASCII = /^[\x00-\x7f]*$/;
const runeLength = (s: string): number => (ASCII.test(s) ? s.length : [...s].length);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** go-yaml v2's keyList.Less for string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ascii = ASCII.test(a) && ASCII.test(b);
  const ar = ascii ? (a as unknown as string[]) : [...a];
  const br = ascii ? (b as unknown as string[]) : [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const ca = ar[i]!;
    const cb = br[i]!;
    const al = isLetter(ca);
    const bl = isLetter(cb);
    if (al && bl) return ca.codePointAt(0)! < cb.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ca === '0' || cb === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ca.codePointAt(0)! < cb.codePointAt(0)!;
  }
  return ar.length < br.length;
}

const sortKeys = (keys: string[]): string[] =>
  [...keys].sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));

// ---- what go-yaml's resolver would read a plain scalar as ----

const RESOLVE_MAP = new Set([
  '',
  '~',
  'null',
  'Null',
  'NULL',
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'true',
  'True',
  'TRUE',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
  'false',
  'False',
  'FALSE',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
]);

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{1,2}(:\d{2})?)?)?$/;

/** True when go-yaml would resolve the unquoted text to something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const first = s[0]!;
  if (first === '.') return YAML_FLOAT.test(s);
  if (first === '+' || first === '-' || isDigit(first)) {
    if (TIMESTAMP.test(s)) return true;
    const plain = s.replaceAll('_', '');
    if (/^[-+]?(0x[0-9a-fA-F]+|0o?[0-7]+|0b[01]+|[0-9]+)$/.test(plain)) return true;
    if (YAML_FLOAT.test(plain)) return true;
  }
  return false;
}

// ---- yaml_emitter_analyze_scalar ----

interface Analysis {
  blockPlain: boolean;
  single: boolean;
  block: boolean;
  multiline: boolean;
}

const FIRST_INDICATORS = new Set([
  '#',
  ',',
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
]);

/**
 * goyaml.v2's is_printable, which tests UTF-8 bytes: narrower than the YAML spec, it leaves out
 * U+0085 and everything beyond the BMP (emoji), so those are written escaped (`"\U0001F600"`).
 */
function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

function analyze(value: string): Analysis {
  if (value.length === 0) return { blockPlain: true, single: true, block: false, multiline: false };
  const chars = [...value];
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let lineBreaks = false;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || next === ' ' || next === '\t' || next === '\n';
    if (i === 0) {
      if (FIRST_INDICATORS.has(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(ch)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (ch === '\n') {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = ch === ' ' || ch === '\t' || ch === '\n';
  }
  let blockPlain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    blockPlain = false;
    single = false;
  }
  if (spaceBreak || special) {
    blockPlain = false;
    single = false;
    block = false;
  }
  if (lineBreaks) blockPlain = false;
  if (blockIndicators) blockPlain = false;
  return { blockPlain, single, block, multiline: lineBreaks };
}

// ---- the writer ----

class Writer {
  text = '';
  column = 0;

  write(s: string): void {
    this.text += s;
    this.column += runeLength(s);
  }

  /** Starts a line at `indent` (go-yaml's write_indent: no extra break when already at line start). */
  indent(indent: number): void {
    if (this.text.length > 0 && !(this.column === 0 && this.text.endsWith('\n'))) this.text += '\n';
    if (this.text.length > 0 || indent > 0) {
      this.text += ' '.repeat(indent);
      this.column = indent;
    }
  }

  breakLine(): void {
    this.text += '\n';
    this.column = 0;
  }
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function chooseStyle(s: string, simpleKey: boolean): Style {
  const a = analyze(s);
  let style: Style;
  if (s.includes('\n')) style = 'literal';
  else if (resolvesToNonString(s) || BASE60_FLOAT.test(s)) style = 'double';
  else style = 'plain';
  if (style === 'plain') {
    if (!a.blockPlain) style = 'single';
    if (s.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.single) style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  return style;
}

function writePlain(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  if (!allowBreaks || !s.includes(' ') || w.column + runeLength(s) <= BEST_WIDTH) {
    w.write(s);
    return;
  }
  const chars = [...s];
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ') {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && chars[i + 1] !== ' ') w.indent(indent);
      else w.write(ch);
      spaces = true;
    } else {
      w.write(ch);
      spaces = false;
    }
  }
}

function writeSingle(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  const whole = `'${s.replaceAll("'", "''")}'`;
  if (!allowBreaks || !s.includes(' ') || w.column + runeLength(whole) <= BEST_WIDTH) {
    w.write(whole);
    return;
  }
  const chars = [...s];
  w.write("'");
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ') {
      if (
        allowBreaks &&
        !spaces &&
        w.column > BEST_WIDTH &&
        i !== 0 &&
        i !== chars.length - 1 &&
        chars[i + 1] !== ' '
      )
        w.indent(indent);
      else w.write(ch);
      spaces = true;
    } else {
      w.write(ch === "'" ? "''" : ch);
      spaces = false;
    }
  }
  w.write("'");
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\x0b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\x85': '\\N',
  '\xa0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function writeDouble(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  const chars = [...s];
  w.write('"');
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const c = ch.codePointAt(0)!;
    if (DOUBLE_ESCAPES[ch] || !isPrintable(ch) || c === 0xfeff) {
      const esc = DOUBLE_ESCAPES[ch];
      if (esc) w.write(esc);
      else if (c <= 0xff) w.write(`\\x${c.toString(16).toUpperCase().padStart(2, '0')}`);
      else if (c <= 0xffff) w.write(`\\u${c.toString(16).toUpperCase().padStart(4, '0')}`);
      else w.write(`\\U${c.toString(16).toUpperCase().padStart(8, '0')}`);
      spaces = false;
    } else if (ch === ' ') {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
        w.indent(indent);
        if (chars[i + 1] === ' ') w.write('\\');
      } else w.write(ch);
      spaces = true;
    } else {
      w.write(ch);
      spaces = false;
    }
  }
  w.write('"');
}

function writeLiteral(w: Writer, s: string, indent: number): void {
  let hints = '';
  if (s.startsWith(' ') || s.startsWith('\n')) hints += String(BEST_INDENT);
  if (!s.endsWith('\n')) hints += '-';
  else if (s.length === 1 || s.endsWith('\n\n')) hints += '+';
  w.write(`|${hints}`);
  w.breakLine();
  let atLineStart = true;
  for (const ch of s) {
    if (ch === '\n') {
      w.breakLine();
      atLineStart = true;
    } else {
      if (atLineStart) {
        w.write(' '.repeat(indent));
        atLineStart = false;
      }
      w.write(ch);
    }
  }
}

/**
 * sigs.k8s.io/yaml reads the object's JSON back with go-yaml's parser before writing YAML. JSON
 * leaves U+0085 (NEL) unescaped, and in a YAML 1.1 double-quoted scalar a raw NEL is a line
 * break, which the parser folds like any other: one break (with the spaces around it) becomes a
 * space, each further break a newline. No other character survives JSON unescaped and is a break.
 */
export function foldRawNel(s: string): string {
  if (!s.includes('\u0085')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    while (i < s.length && s[i] !== ' ' && s[i] !== '\u0085') out += s[i++];
    let spaces = '';
    let breaks = -1;
    for (; i < s.length && (s[i] === ' ' || s[i] === '\u0085'); i++) {
      if (s[i] === '\u0085') breaks++;
      else if (breaks < 0) spaces += ' ';
    }
    out += breaks < 0 ? spaces : breaks === 0 ? ' ' : '\n'.repeat(breaks);
  }
  return out;
}

function writeString(w: Writer, raw: string, indent: number, simpleKey: boolean): void {
  const s = foldRawNel(raw);
  const style = chooseStyle(s, simpleKey);
  const allowBreaks = !simpleKey;
  if (style === 'plain') writePlain(w, s, indent, allowBreaks);
  else if (style === 'single') writeSingle(w, s, indent, allowBreaks);
  else if (style === 'double') writeDouble(w, s, indent, allowBreaks);
  else writeLiteral(w, s, indent);
}

function writeScalar(w: Writer, value: unknown, indent: number): void {
  if (value === null || value === undefined) w.write('null');
  else if (typeof value === 'boolean') w.write(String(value));
  else if (typeof value === 'number') w.write(formatNumber(value));
  else writeString(w, String(value), indent, false);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  // Go's strconv.FormatFloat(f, 'g', -1, 64): exponent form only for very large or small values.
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function presentKeys(obj: Record<string, unknown>): string[] {
  return sortKeys(Object.keys(obj).filter((k) => obj[k] !== undefined));
}

function emitMapping(w: Writer, obj: Record<string, unknown>, indent: number, firstInline: boolean): void {
  presentKeys(obj).forEach((key, i) => {
    if (!(i === 0 && firstInline)) w.indent(indent);
    writeString(w, key, indent, true);
    w.write(':');
    emitValue(w, obj[key], indent);
  });
}

function emitSequence(w: Writer, list: unknown[], indent: number, firstInline: boolean): void {
  list.forEach((item, i) => {
    if (!(i === 0 && firstInline)) w.indent(indent);
    w.write('-');
    emitItem(w, item, indent);
  });
}

/** A mapping value, written after `key:`. Sequences under a key are not indented. */
function emitValue(w: Writer, value: unknown, indent: number): void {
  if (isMap(value) && presentKeys(value).length > 0) emitMapping(w, value, indent + BEST_INDENT, false);
  else if (Array.isArray(value) && value.length > 0) emitSequence(w, value, indent, false);
  else emitInlineScalar(w, value, indent + BEST_INDENT);
}

/** A sequence item, written after `-`. */
function emitItem(w: Writer, value: unknown, indent: number): void {
  if (isMap(value) && presentKeys(value).length > 0) {
    w.write(' ');
    emitMapping(w, value, indent + BEST_INDENT, true);
  } else if (Array.isArray(value) && value.length > 0) {
    w.write(' ');
    emitSequence(w, value, indent + BEST_INDENT, true);
  } else emitInlineScalar(w, value, indent + BEST_INDENT);
}

function emitInlineScalar(w: Writer, value: unknown, indent: number): void {
  w.write(' ');
  if (isMap(value)) w.write('{}');
  else if (Array.isArray(value)) w.write('[]');
  else writeScalar(w, value, indent);
}

/** One YAML document for a JSON-like value, ending in a newline. */
export function toGoYaml(value: unknown): string {
  const w = new Writer();
  if (isMap(value) && presentKeys(value).length > 0) emitMapping(w, value, 0, true);
  else if (Array.isArray(value) && value.length > 0) emitSequence(w, value, 0, true);
  else if (isMap(value)) w.write('{}');
  else if (Array.isArray(value)) w.write('[]');
  else writeScalar(w, value, 0);
  return w.text.endsWith('\n') ? w.text : `${w.text}\n`;
}
