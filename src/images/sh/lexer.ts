import type { Command, ParamExpansion, RedirOp, Word, WordPart } from './ast.js';

/**
 * The tokenizer, modelled on ash's `xxreadtoken`/`readtoken1`: words (with their quoting and
 * expansions already split into parts), redirection operators, control operators and newlines.
 * Whether a word is a keyword (`if`, `fi`, …) depends on where it stands, so the parser decides
 * that (see `Parser.readToken`). Here-document bodies are read right after the newline that
 * follows their `<<` operator, as ash does.
 */

export class ShSyntaxError extends Error {
  constructor(readonly detail: string) {
    super(`syntax error: ${detail}`);
  }
}

export type Op = ';' | '&' | '&&' | '||' | '|' | '(' | ')' | ';;';

export type Token =
  | { readonly type: 'eof' }
  | { readonly type: 'nl' }
  | { readonly type: 'op'; readonly op: Op }
  | { readonly type: 'redir'; readonly fd: number; readonly op: RedirOp; readonly strip: boolean }
  | {
      readonly type: 'word';
      readonly word: Word;
      /** Some part was quoted or escaped: never a keyword, and a here-doc body stays literal. */
      readonly quoted: boolean;
      readonly line: number;
    };

/** A here-document waiting for its body (filled in after the next newline). */
export interface PendingHeredoc {
  readonly delimiter: string;
  readonly strip: boolean;
  readonly literal: boolean;
  body: Word;
}

/** Parses `$( … )` starting at `pos` (just after the `(`); returns the body and the index after `)`. */
export type SubParser = (
  src: string,
  pos: number,
  line: number,
) => { body: Command | undefined; end: number; line: number };

const BLANK = new Set([' ', '\t']);
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const SPECIAL_PARAMS = new Set(['?', '$', '#', '@', '*', '!', '-', '0']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const GLOB_CHARS = /[*?[]/;

export const EMPTY_WORD: Word = { parts: [], literal: '', text: '' };

/** Builds a Word from parts, merging adjacent literals and noting the literal fast path. */
export function makeWord(parts: WordPart[], text: string): Word {
  const merged: WordPart[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (p.t === 'lit' && last?.t === 'lit' && last.quoted === p.quoted) {
      merged[merged.length - 1] = { t: 'lit', v: last.v + p.v, quoted: p.quoted };
    } else {
      merged.push(p);
    }
  }
  let literal: string | undefined = '';
  for (const p of merged) {
    if (p.t !== 'lit' || (!p.quoted && GLOB_CHARS.test(p.v))) {
      literal = undefined;
      break;
    }
    literal += p.v;
  }
  return literal === undefined ? { parts: merged, text } : { parts: merged, literal, text };
}

export function literalWord(text: string): Word {
  return { parts: [{ t: 'lit', v: text, quoted: true }], literal: text, text };
}

export class Lexer {
  pos: number;
  line: number;
  readonly heredocs: PendingHeredoc[] = [];

  constructor(
    readonly src: string,
    private readonly subparse: SubParser,
    pos = 0,
    line = 0,
  ) {
    this.pos = pos;
    this.line = line;
  }

  next(): Token {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === undefined) return { type: 'eof' };
      if (BLANK.has(c)) {
        this.pos++;
        continue;
      }
      if (c === '\\' && src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
        continue;
      }
      if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
        continue;
      }
      break;
    }
    const c = src[this.pos]!;
    const n = src[this.pos + 1];
    switch (c) {
      case '\n':
        this.pos++;
        this.line++;
        this.readHeredocBodies();
        return { type: 'nl' };
      case ';':
        if (n === ';') return this.op(';;', 2);
        return this.op(';', 1);
      case '&':
        if (n === '&') return this.op('&&', 2);
        if (n === '>') {
          this.pos += 2;
          return { type: 'redir', fd: 1, op: '&>', strip: false };
        }
        return this.op('&', 1);
      case '|':
        if (n === '|') return this.op('||', 2);
        return this.op('|', 1);
      case '(':
        return this.op('(', 1);
      case ')':
        return this.op(')', 1);
      case '<':
      case '>':
        return this.redirect(-1);
    }
    return this.word();
  }

  private op(op: Op, len: number): Token {
    this.pos += len;
    return { type: 'op', op };
  }

  private redirect(fd: number): Token {
    const src = this.src;
    const c = src[this.pos];
    const n = src[this.pos + 1];
    let op: RedirOp;
    let len = 1;
    let strip = false;
    if (c === '>') {
      if (n === '>') [op, len] = ['>>', 2];
      else if (n === '&') [op, len] = ['>&', 2];
      else if (n === '|') [op, len] = ['>|', 2];
      else op = '>';
    } else {
      if (n === '<') {
        op = '<<';
        len = 2;
        if (src[this.pos + 2] === '-') [strip, len] = [true, 3];
      } else if (n === '&') [op, len] = ['<&', 2];
      else if (n === '>') [op, len] = ['<>', 2];
      else op = '<';
    }
    this.pos += len;
    return { type: 'redir', fd: fd >= 0 ? fd : c === '<' ? 0 : 1, op, strip };
  }

  private word(): Token {
    const start = this.pos;
    const line = this.line;
    const parts: WordPart[] = [];
    const state = { quoted: false };
    this.scanUnquoted(parts, state);
    const text = this.src.slice(start, this.pos);
    // `2>file`: an unquoted all-digit word right before `<`/`>` is the redirected fd.
    const next = this.src[this.pos];
    if ((next === '<' || next === '>') && !state.quoted && /^\d+$/.test(text)) {
      return this.redirect(Number(text));
    }
    return { type: 'word', word: makeWord(parts, text), quoted: state.quoted, line };
  }

  /** Reads an unquoted word up to a metacharacter. */
  private scanUnquoted(parts: WordPart[], state: { quoted: boolean }): void {
    const src = this.src;
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit, quoted: false });
      lit = '';
    };
    if (src[this.pos] === '~') {
      let user = '';
      let i = this.pos + 1;
      while (i < src.length && src[i] !== '/' && !META.has(src[i]!) && /[A-Za-z0-9_.-]/.test(src[i]!))
        user += src[i++];
      if (i >= src.length || src[i] === '/' || META.has(src[i]!)) {
        parts.push({ t: 'tilde', user });
        this.pos = i;
      }
    }
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (META.has(c)) break;
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        flush();
        state.quoted = true;
        if (n === undefined) {
          parts.push({ t: 'lit', v: '\\', quoted: true });
          this.pos++;
        } else {
          parts.push({ t: 'lit', v: n, quoted: true });
          this.pos += 2;
        }
        continue;
      }
      if (c === "'") {
        flush();
        state.quoted = true;
        parts.push({ t: 'lit', v: this.singleQuoted(), quoted: true });
        continue;
      }
      if (c === '"') {
        flush();
        state.quoted = true;
        this.doubleQuoted(parts);
        continue;
      }
      if (c === '$') {
        const p = this.dollar(false);
        if (p) {
          flush();
          parts.push(p);
          continue;
        }
        lit += '$';
        this.pos++;
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.backquote(false));
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
  }

  private singleQuoted(): string {
    const src = this.src;
    const end = src.indexOf("'", this.pos + 1);
    if (end < 0) throw new ShSyntaxError('unterminated quoted string');
    const v = src.slice(this.pos + 1, end);
    this.line += countNewlines(v);
    this.pos = end + 1;
    return v;
  }

  /** `"…"`: only `$`, backquotes and `\` before `$ \` " \ newline` are special. */
  private doubleQuoted(parts: WordPart[]): void {
    const src = this.src;
    this.pos++;
    let lit = '';
    let any = false;
    const flush = (): void => {
      if (lit || !any) parts.push({ t: 'lit', v: lit, quoted: true });
      lit = '';
      any = true;
    };
    for (;;) {
      const c = src[this.pos];
      if (c === undefined) throw new ShSyntaxError('unterminated quoted string');
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        if (n === '$' || n === '`' || n === '"' || n === '\\') {
          lit += n;
          this.pos += 2;
          continue;
        }
        lit += '\\';
        this.pos++;
        continue;
      }
      if (c === '$') {
        const p = this.dollar(true);
        if (p) {
          if (lit) flush();
          any = true;
          parts.push(p);
          continue;
        }
        lit += '$';
        this.pos++;
        continue;
      }
      if (c === '`') {
        if (lit) flush();
        any = true;
        parts.push(this.backquote(true));
        continue;
      }
      if (c === '\n') this.line++;
      lit += c;
      this.pos++;
    }
    if (lit || !any) flush();
  }

  /** `$…` at `pos`; undefined when the `$` is literal (`$` alone, `$%`). */
  private dollar(quoted: boolean): WordPart | undefined {
    const src = this.src;
    const n = src[this.pos + 1];
    if (n === '{') return this.braceParam(quoted);
    if (n === '(') {
      if (src[this.pos + 2] === '(') {
        const arith = this.arithmetic(quoted);
        if (arith) return arith;
      }
      const { body, end, line } = this.subparse(src, this.pos + 2, this.line);
      this.pos = end;
      this.line = line;
      return { t: 'cmdsub', body, quoted };
    }
    if (n !== undefined && NAME_START.test(n)) {
      let i = this.pos + 1;
      while (i < src.length && NAME_CHAR.test(src[i]!)) i++;
      const name = src.slice(this.pos + 1, i);
      this.pos = i;
      return { t: 'param', p: { name }, quoted };
    }
    if (n !== undefined && (/[0-9]/.test(n) || SPECIAL_PARAMS.has(n))) {
      this.pos += 2;
      return { t: 'param', p: { name: n }, quoted };
    }
    return undefined;
  }

  /** `$(( … ))`; undefined when the parentheses do not close as `))` (then it is `$( ( … ) )`). */
  private arithmetic(quoted: boolean): WordPart | undefined {
    const src = this.src;
    let depth = 0;
    let i = this.pos + 3;
    for (; i < src.length; i++) {
      const c = src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          if (src[i + 1] !== ')') return undefined;
          break;
        }
        depth--;
      }
    }
    if (i >= src.length) throw new ShSyntaxError('unterminated quoted string');
    const inner = src.slice(this.pos + 3, i);
    const sub = new Lexer(inner, this.subparse, 0, this.line);
    const parts = sub.scanText(undefined, 'heredoc');
    this.line += countNewlines(inner);
    this.pos = i + 2;
    return { t: 'arith', expr: makeWord(parts, inner), quoted };
  }

  /** `${ … }` */
  private braceParam(quoted: boolean): WordPart {
    const src = this.src;
    let i = this.pos + 2;
    let length = false;
    if (src[i] === '#' && src[i + 1] !== '}' && src[i + 1] !== undefined && isParamStart(src[i + 1]!)) {
      length = true;
      i++;
    }
    let name: string;
    const c = src[i];
    if (c !== undefined && NAME_START.test(c)) {
      let j = i;
      while (j < src.length && NAME_CHAR.test(src[j]!)) j++;
      name = src.slice(i, j);
      i = j;
    } else if (c !== undefined && /[0-9]/.test(c)) {
      let j = i;
      while (j < src.length && /[0-9]/.test(src[j]!)) j++;
      name = src.slice(i, j);
      i = j;
    } else if (c !== undefined && (SPECIAL_PARAMS.has(c) || c === '#')) {
      name = c;
      i++;
    } else {
      throw new ShSyntaxError('bad substitution');
    }
    this.pos = i;
    if (length) {
      if (src[this.pos] !== '}') throw new ShSyntaxError('bad substitution');
      this.pos++;
      return { t: 'param', p: { name, op: 'len' }, quoted };
    }
    const op = src[this.pos];
    if (op === '}') {
      this.pos++;
      return { t: 'param', p: { name }, quoted };
    }
    let p: ParamExpansion;
    if (op === ':' && '-=?+'.includes(src[this.pos + 1] ?? 'x')) {
      const o = src[this.pos + 1] as '-' | '=' | '?' | '+';
      this.pos += 2;
      p = { name, op: o, colon: true, arg: this.braceWord(quoted, '}') };
    } else if (op === ':') {
      this.pos++;
      const offset = this.braceWord(quoted, ':}');
      let len: Word | undefined;
      if (this.src[this.pos] === ':') {
        this.pos++;
        len = this.braceWord(quoted, '}');
      }
      p = len ? { name, op: 'substr', arg: offset, arg2: len } : { name, op: 'substr', arg: offset };
    } else if (op === '-' || op === '=' || op === '?' || op === '+') {
      this.pos++;
      p = { name, op, arg: this.braceWord(quoted, '}') };
    } else if (op === '#' || op === '%') {
      const double = src[this.pos + 1] === op;
      this.pos += double ? 2 : 1;
      const o = (double ? op + op : op) as '#' | '##' | '%' | '%%';
      p = { name, op: o, arg: this.braceWord(quoted, '}', true) };
    } else if (op === '/') {
      const all = src[this.pos + 1] === '/';
      this.pos += all ? 2 : 1;
      const pattern = this.braceWord(quoted, '/}', true);
      let rep: Word = EMPTY_WORD;
      if (this.src[this.pos] === '/') {
        this.pos++;
        rep = this.braceWord(quoted, '}');
      }
      p = { name, op: all ? '//' : '/', arg: pattern, arg2: rep };
    } else {
      throw new ShSyntaxError('bad substitution');
    }
    if (this.src[this.pos] !== '}') throw new ShSyntaxError('bad substitution');
    this.pos++;
    return { t: 'param', p, quoted };
  }

  /**
   * The word inside `${x:-word}` up to one of `stops` at nesting level 0 (the stop itself is not
   * consumed). In a pattern (`${x#pat}`) quoted characters match literally.
   */
  private braceWord(quoted: boolean, stops: string, pattern = false): Word {
    const start = this.pos;
    const parts = this.scanText(stops, quoted ? 'dquote' : 'unquoted', pattern);
    return makeWord(parts, this.src.slice(start, this.pos));
  }

  /**
   * Reads text with expansions until one of `stops` (or the end when undefined): with quote
   * processing (`unquoted`), inside double quotes (`dquote`), or as a here-document body or
   * arithmetic text (`heredoc`: quotes are plain characters, `\` escapes only `$ \` \\`).
   */
  scanText(stops: string | undefined, mode: 'unquoted' | 'dquote' | 'heredoc', pattern = false): WordPart[] {
    const src = this.src;
    const parts: WordPart[] = [];
    const dq = mode !== 'unquoted';
    const escapable = mode === 'heredoc' ? '$`\\' : '$`"\\';
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit, quoted: dq });
      lit = '';
    };
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (stops?.includes(c)) break;
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        if (n !== undefined && (!dq || escapable.includes(n) || pattern)) {
          flush();
          parts.push({ t: 'lit', v: n, quoted: true });
          this.pos += 2;
          continue;
        }
        lit += c;
        this.pos++;
        continue;
      }
      if (c === "'" && !dq) {
        flush();
        parts.push({ t: 'lit', v: this.singleQuoted(), quoted: true });
        continue;
      }
      if (c === '"' && mode !== 'heredoc') {
        flush();
        this.doubleQuoted(parts);
        continue;
      }
      if (c === '$') {
        const p = this.dollar(dq);
        if (p) {
          flush();
          parts.push(p);
          continue;
        }
        lit += '$';
        this.pos++;
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.backquote(dq));
        continue;
      }
      if (c === '\n') this.line++;
      lit += c;
      this.pos++;
    }
    if (stops !== undefined && this.pos >= src.length) throw new ShSyntaxError('bad substitution');
    flush();
    return parts;
  }

  /** `` `…` ``: the inner text loses one level of backslashes, then parses as a script. */
  private backquote(quoted: boolean): WordPart {
    const src = this.src;
    let i = this.pos + 1;
    let inner = '';
    for (;;) {
      const c = src[i];
      if (c === undefined) throw new ShSyntaxError('EOF in backquote substitution');
      if (c === '`') break;
      if (c === '\\') {
        const n = src[i + 1];
        if (n === '\\' || n === '`' || n === '$' || (quoted && n === '"')) {
          inner += n;
          i += 2;
          continue;
        }
        if (n === '\n') {
          i += 2;
          continue;
        }
      }
      inner += c;
      i++;
    }
    const { body } = this.subparse(`${inner})`, 0, this.line);
    this.line += countNewlines(src.slice(this.pos, i));
    this.pos = i + 1;
    return { t: 'cmdsub', body, quoted };
  }

  /** After a newline: the bodies of the here-documents opened on the line just ended. */
  private readHeredocBodies(): void {
    const src = this.src;
    while (this.heredocs.length > 0) {
      const h = this.heredocs.shift()!;
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= src.length) break;
        let end = src.indexOf('\n', this.pos);
        if (end < 0) end = src.length;
        let lineText = src.slice(this.pos, end);
        this.pos = Math.min(end + 1, src.length);
        this.line++;
        if (h.strip) lineText = lineText.replace(/^\t+/, '');
        if (lineText === h.delimiter) break;
        lines.push(lineText);
      }
      const text = lines.map((l) => `${l}\n`).join('');
      if (h.literal) {
        h.body = literalWord(text);
      } else {
        const sub = new Lexer(text, this.subparse, 0, this.line);
        h.body = makeWord(sub.scanText(undefined, 'heredoc'), text);
      }
    }
  }
}

function isParamStart(c: string): boolean {
  return NAME_START.test(c) || /[0-9]/.test(c) || SPECIAL_PARAMS.has(c);
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
