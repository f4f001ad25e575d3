/**
 * strconv.Unquote and strconv.UnquoteChar for template string and character literals. Escapes
 * `\x` and octal give bytes; the result is decoded as UTF-8 (Go keeps the raw bytes).
 */

export class UnquoteSyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** One (possibly escaped) character at s[i]; returns its bytes and the index after it. */
function unquoteChar(s: string, i: number, quote: string): { bytes: number[]; next: number } {
  const c = s[i]!;
  if (c === quote && (quote === "'" || quote === '"')) throw new UnquoteSyntaxError();
  if (c !== '\\') {
    const cp = s.codePointAt(i)!;
    return { bytes: [...Buffer.from(String.fromCodePoint(cp), 'utf8')], next: i + (cp > 0xffff ? 2 : 1) };
  }
  const e = s[i + 1];
  if (e === undefined) throw new UnquoteSyntaxError();
  if (e in SIMPLE) return { bytes: [SIMPLE[e]!], next: i + 2 };
  if (e === "'" || e === '"') {
    if (e !== quote) throw new UnquoteSyntaxError();
    return { bytes: [e.charCodeAt(0)], next: i + 2 };
  }
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const hex = s.slice(i + 2, i + 2 + n);
    if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) throw new UnquoteSyntaxError();
    const v = Number.parseInt(hex, 16);
    if (e === 'x') return { bytes: [v], next: i + 2 + n };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new UnquoteSyntaxError();
    return { bytes: [...Buffer.from(String.fromCodePoint(v), 'utf8')], next: i + 2 + n };
  }
  if (e >= '0' && e <= '7') {
    const oct = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(oct)) throw new UnquoteSyntaxError();
    const v = Number.parseInt(oct, 8);
    if (v > 255) throw new UnquoteSyntaxError();
    return { bytes: [v], next: i + 4 };
  }
  throw new UnquoteSyntaxError();
}

/** strconv.Unquote of a "…" or `…` literal. */
export function unquote(lit: string): string {
  if (lit.length < 2) throw new UnquoteSyntaxError();
  const q = lit[0]!;
  if (q !== lit[lit.length - 1]) throw new UnquoteSyntaxError();
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new UnquoteSyntaxError();
    return body.replaceAll('\r', '');
  }
  if (q !== '"') throw new UnquoteSyntaxError();
  if (body.includes('\n')) throw new UnquoteSyntaxError();
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const r = unquoteChar(body, i, '"');
    bytes.push(...r.bytes);
    i = r.next;
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The code point of a '…' character literal, or undefined when it is malformed. */
export function unquoteRune(lit: string): number | undefined {
  const r = unquoteChar(lit, 1, "'");
  if (lit.slice(r.next) !== "'") return undefined;
  if (r.bytes.length === 1) return r.bytes[0];
  return Buffer.from(r.bytes).toString('utf8').codePointAt(0);
}
