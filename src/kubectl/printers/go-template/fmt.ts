/**
 * The part of Go's fmt that templates reach through `print`, `println`, `printf` and printing an
 * action's value: %v %+v %#v %s %q %d %b %o %x %X %c %U %t %e %E %f %F %g %G %T %%, the flags
 * `+ - # 0 space`, widths and precisions (also `*`), and fmt's error forms: `%!d(string=a)`,
 * `%!s(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`. Maps print with sorted keys, slices as `[a b]`,
 * a nil interface{} as `<nil>`.
 *
 * Simplified: no %p, no %x of floats, no `[n]` argument indexes.
 */
import { compareBytes } from '../go-json.js';
import { goSharpV, strconvQuote } from '../go-sharp-v.js';
import { GoNum, isMap, typeName, type Val } from './values.js';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number | undefined;
  prec: number | undefined;
}

const NO_FLAGS: Flags = {
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
  width: undefined,
  prec: undefined,
};

/** fmt.Sprint: operands separated by a space when neither side is a string. */
export function sprint(args: readonly Val[]): string {
  let out = '';
  args.forEach((a, i) => {
    const isString = typeof a === 'string';
    if (i > 0 && !isString && typeof args[i - 1] !== 'string') out += ' ';
    out += formatArg(a, 'v', NO_FLAGS);
  });
  return out;
}

/** fmt.Sprintln: operands always separated by a space, then a newline. */
export function sprintln(args: readonly Val[]): string {
  return `${args.map((a) => formatArg(a, 'v', NO_FLAGS)).join(' ')}\n`;
}

/** fmt's %v of one value (what an action prints). */
export function formatV(v: Val): string {
  return formatArg(v, 'v', NO_FLAGS);
}

export function sprintf(format: string, args: readonly Val[]): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  const n = format.length;
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const f: Flags = { ...NO_FLAGS };
    for (; i < n; i++) {
      const c = format[i];
      if (c === '#') f.sharp = true;
      else if (c === '0') f.zero = !f.minus;
      else if (c === '+') f.plus = true;
      else if (c === '-') {
        f.minus = true;
        f.zero = false;
      } else if (c === ' ') f.space = true;
      else break;
    }
    // Width.
    if (format[i] === '*') {
      i++;
      const w = args[argNum++];
      if (w instanceof GoNum && w.isInt) {
        f.width = w.n;
        if (w.n < 0) {
          f.minus = true;
          f.zero = false;
          f.width = -w.n;
        }
      } else out += '%!(BADWIDTH)';
    } else {
      const m = /^\d+/.exec(format.slice(i));
      if (m) {
        f.width = Number(m[0]);
        i += m[0].length;
      }
    }
    // Precision.
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        i++;
        const p = args[argNum++];
        if (p instanceof GoNum && p.isInt && p.n >= 0) f.prec = p.n;
        else out += '%!(BADPREC)';
      } else {
        const m = /^\d+/.exec(format.slice(i));
        f.prec = m ? Number(m[0]) : 0;
        if (m) i += m[0].length;
      }
    }
    if (i >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatArg(args[argNum++]!, verb, f);
  }
  if (argNum < args.length) {
    const extra = args.slice(argNum).map((a) => (a === null ? '<nil>' : `${typeName(a)}=${formatV(a)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

function pad(s: string, f: Flags, zeroOk = false): string {
  const w = f.width ?? 0;
  const len = [...s].length;
  if (len >= w) return s;
  const fill = w - len;
  if (f.minus) return s + ' '.repeat(fill);
  if (f.zero && zeroOk) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(fill) + s.slice(sign.length);
  }
  return ' '.repeat(fill) + s;
}

function badVerb(v: Val, verb: string): string {
  if (v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${formatV(v)})`;
}

function formatArg(v: Val, verb: string, f: Flags, depth = 0): string {
  if (verb === 'T') return pad(v === null ? '<nil>' : typeName(v), f);
  if (v === null) {
    if (depth > 0 || verb === 'v') return pad('<nil>', f);
    return badVerb(v, verb);
  }
  if (verb === 'v' && f.sharp) return pad(goSharpV(toJs(v)), f);
  if (typeof v === 'boolean') {
    if (verb === 'v' || verb === 't') return pad(v ? 'true' : 'false', f);
    return badVerb(v, verb);
  }
  if (v instanceof GoNum) return v.isInt ? formatInt(v, verb, f) : formatFloat(v, verb, f);
  if (typeof v === 'string') return formatString(v, verb, f);
  if (Array.isArray(v)) return `[${v.map((e) => formatArg(e, verb, f, depth + 1)).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort(compareBytes);
    const entries = keys.map((k) => `${formatString(k, verb, f)}:${formatArg(v[k]!, verb, f, depth + 1)}`);
    return `map[${entries.join(' ')}]`;
  }
  return badVerb(v, verb);
}

function formatString(s: string, verb: string, f: Flags): string {
  switch (verb) {
    case 'v':
    case 's':
      return pad(f.prec === undefined ? s : [...s].slice(0, f.prec).join(''), f, true);
    case 'q': {
      const t = f.prec === undefined ? s : [...s].slice(0, f.prec).join('');
      return pad(f.sharp && canBackquote(t) ? `\`${t}\`` : strconvQuote(t), f, true);
    }
    case 'x':
    case 'X': {
      const hex = Buffer.from(s, 'utf8').toString('hex');
      return pad(verb === 'X' ? hex.toUpperCase() : hex, f);
    }
  }
  return badVerb(s, verb);
}

/** strconv.CanBackquote: no backquote, no control characters but tab, no BOM. */
function canBackquote(s: string): boolean {
  return !/[`\u0000-\u0008\u000a-\u001f\u007f\ufeff]/.test(s);
}

function formatInt(num: GoNum, verb: string, f: Flags): string {
  const n = BigInt(Math.trunc(num.n));
  const neg = n < 0n;
  const abs = neg ? -n : n;
  let digits: string;
  let prefix = '';
  switch (verb) {
    case 'v':
    case 'd':
      digits = abs.toString(10);
      break;
    case 'b':
      digits = abs.toString(2);
      if (f.sharp) prefix = '0b';
      break;
    case 'o':
    case 'O':
      digits = abs.toString(8);
      if (verb === 'O') prefix = '0o';
      else if (f.sharp && digits !== '0') prefix = '0';
      break;
    case 'x':
      digits = abs.toString(16);
      if (f.sharp) prefix = '0x';
      break;
    case 'X':
      digits = abs.toString(16).toUpperCase();
      if (f.sharp) prefix = '0X';
      break;
    case 'c':
      return pad(String.fromCodePoint(validRune(num.n)), f);
    case 'q':
      return pad(quoteRune(validRune(num.n)), f);
    case 'U': {
      const u = `U+${abs.toString(16).toUpperCase().padStart(4, '0')}`;
      return pad(f.sharp ? `${u} '${String.fromCodePoint(validRune(num.n))}'` : u, f);
    }
    default:
      return badVerb(num, verb);
  }
  if (f.prec !== undefined) {
    if (f.prec === 0 && abs === 0n) digits = '';
    digits = digits.padStart(f.prec, '0');
  }
  const sign = neg ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  return pad(sign + prefix + digits, f, f.prec === undefined);
}

function validRune(n: number): number {
  return n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? 0xfffd : n;
}

function quoteRune(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (ch === "'") return "'\\''";
  if (ch === '"') return `'"'`;
  const q = strconvQuote(ch);
  return `'${q.slice(1, -1)}'`;
}

function formatFloat(num: GoNum, verb: string, f: Flags): string {
  const x = num.n;
  let body: string;
  if (Number.isNaN(x)) body = 'NaN';
  else if (!Number.isFinite(x)) body = x > 0 ? (f.plus ? '+Inf' : 'Inf') : '-Inf';
  else {
    const a = Math.abs(x);
    switch (verb) {
      case 'v':
      case 'g':
      case 'G':
        body = formatG(a, f.prec ?? -1);
        if (verb === 'G') body = body.toUpperCase();
        break;
      case 'f':
      case 'F':
        body = a.toFixed(Math.min(f.prec ?? 6, 100));
        break;
      case 'e':
      case 'E':
        body = formatE(a, f.prec ?? 6);
        if (verb === 'E') body = body.toUpperCase();
        break;
      default:
        return badVerb(num, verb);
    }
    const neg = x < 0 || Object.is(x, -0);
    body = (neg ? '-' : f.plus ? '+' : f.space ? ' ' : '') + body;
    return pad(body, f, true);
  }
  return pad(body, f);
}

function expSuffix(e: number): string {
  return `e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function formatE(a: number, prec: number): string {
  const [m, e] = a.toExponential(Math.min(prec, 100)).split('e') as [string, string];
  return m + expSuffix(Number(e));
}

/** strconv.FormatFloat(a, 'g', prec, 64) for a >= 0. */
function formatG(a: number, prec: number): string {
  const shortest = prec < 0;
  const [m, e] = (shortest ? a.toExponential() : a.toExponential(Math.max(prec, 1) - 1)).split('e') as [
    string,
    string,
  ];
  let digits = m.replace('.', '').replace(/0+$/, '') || '0';
  if (a === 0) digits = '0';
  const exp = a === 0 ? 0 : Number(e);
  const nd = digits.length;
  const dp = exp + 1;
  let eprec = shortest ? 6 : Math.max(prec, 1);
  if (!shortest && eprec > nd && nd >= dp) eprec = nd;
  if (exp < -4 || exp >= eprec) {
    const p = shortest ? nd : Math.min(Math.max(prec, 1), nd);
    return `${digits[0]}${p > 1 ? `.${digits.slice(1, p).padEnd(p - 1, '0')}` : ''}${expSuffix(exp)}`;
  }
  const fracDigits = Math.max(nd - dp, 0);
  let int = dp > 0 ? digits.slice(0, dp).padEnd(dp, '0') : '0';
  if (int === '') int = '0';
  if (fracDigits === 0) return int;
  let frac = '';
  for (let i = 0; i < fracDigits; i++) {
    const k = dp + i;
    frac += k >= 0 && k < nd ? digits[k] : '0';
  }
  return `${int}.${frac}`;
}

/** Plain JSON-like JavaScript for goSharpV. */
function toJs(v: Val): unknown {
  if (v instanceof GoNum) return v.n;
  if (Array.isArray(v)) return v.map(toJs);
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, toJs(e)]));
  return v;
}
