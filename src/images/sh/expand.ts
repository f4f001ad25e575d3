import { evaluateArithmetic } from './arith.js';
import type { Command, ParamExpansion, Word, WordPart } from './ast.js';
import type { Gen } from './effects.js';
import { globPaths, hasGlobChars, matchPattern, type PatternChar, patternRegex } from './glob.js';
import type { Vfs } from './vfs.js';

/**
 * Word expansion in POSIX order: tilde, parameters, command substitution and arithmetic (left
 * to right), then field splitting of the unquoted results on IFS, then pathname expansion, then
 * quote removal (quotes were already removed by the lexer, which marks quoted text instead).
 * Command substitution runs commands, which may wait (`$(wget -qO- …)`), so expansion is a
 * generator too; words without expansions never get here (`Word.literal`).
 */

/** An error that ends a non-interactive shell (`${x?}` unset, bad arithmetic): status 2. */
export class FatalShellError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}

export interface ExpandContext {
  /** A variable or special parameter (`?`, `$`, `#`, `0`, `1`, …); undefined when unset. */
  lookup(name: string): string | undefined;
  positional(): readonly string[];
  setVar(name: string, value: string): void;
  readonly nounset: boolean;
  readonly noglob: boolean;
  readonly vfs: Vfs;
  readonly cwd: string;
  /** Runs `$( … )` in a subshell and returns its output. */
  commandSubstitution(body: Command | undefined): Gen<string>;
}

interface Seg {
  readonly text: string;
  readonly quoted: boolean;
  /** Subject to field splitting (the unquoted result of an expansion). */
  readonly split: boolean;
  /** A field boundary inside "$@". */
  readonly brk?: boolean;
}

const DEFAULT_IFS = ' \t\n';

/** Expands a command's argument: zero or more fields. */
export function* expandFields(ctx: ExpandContext, word: Word): Gen<string[]> {
  if (word.literal !== undefined) return [word.literal];
  const segs = yield* expandParts(ctx, word.parts);
  if (word.parts.length === 1 && isQuotedAt(word.parts[0]!) && ctx.positional().length === 0) return [];
  const fields = splitFields(segs, ctx.lookup('IFS') ?? DEFAULT_IFS);
  const out: string[] = [];
  for (const field of fields) {
    const chars = toPattern(field);
    if (!ctx.noglob && hasGlobChars(chars)) {
      const matches = globPaths(ctx.vfs, ctx.cwd, chars);
      if (matches.length > 0) {
        out.push(...matches);
        continue;
      }
    }
    out.push(field.map((s) => s.text).join(''));
  }
  return out;
}

/** Expands several words into one argument list. */
export function* expandAll(ctx: ExpandContext, words: readonly Word[]): Gen<string[]> {
  const out: string[] = [];
  for (const w of words) {
    if (w.literal !== undefined) out.push(w.literal);
    else out.push(...(yield* expandFields(ctx, w)));
  }
  return out;
}

/** Expands a word to one string without splitting or globbing (assignments, redirections, case). */
export function* expandString(ctx: ExpandContext, word: Word): Gen<string> {
  if (word.literal !== undefined) return word.literal;
  const segs = yield* expandParts(ctx, word.parts);
  let s = '';
  for (const seg of segs) s += seg.brk ? ' ' : seg.text;
  return s;
}

/** Expands a word into pattern characters (quoted text matches literally). */
export function* expandPattern(ctx: ExpandContext, word: Word): Gen<PatternChar[]> {
  const segs = yield* expandParts(ctx, word.parts);
  return toPattern(segs);
}

function isQuotedAt(p: WordPart): boolean {
  return p.t === 'param' && p.quoted && p.p.name === '@' && p.p.op === undefined;
}

function* expandParts(ctx: ExpandContext, parts: readonly WordPart[]): Gen<Seg[]> {
  const segs: Seg[] = [];
  for (const part of parts) {
    switch (part.t) {
      case 'lit':
        segs.push({ text: part.v, quoted: part.quoted, split: false });
        break;
      case 'tilde': {
        const home =
          part.user === '' ? (ctx.lookup('HOME') ?? '/root') : part.user === 'root' ? '/root' : undefined;
        segs.push({ text: home ?? `~${part.user}`, quoted: true, split: false });
        break;
      }
      case 'param':
        segs.push(...(yield* expandParam(ctx, part.p, part.quoted)));
        break;
      case 'cmdsub': {
        const out = (yield* ctx.commandSubstitution(part.body)).replace(/\n+$/, '');
        segs.push({ text: out, quoted: part.quoted, split: !part.quoted });
        break;
      }
      case 'arith': {
        const text = yield* expandString(ctx, part.expr);
        let v: number;
        try {
          v = evaluateArithmetic(text, { get: (n) => ctx.lookup(n), set: (n, val) => ctx.setVar(n, val) });
        } catch (e) {
          throw new FatalShellError((e as Error).message);
        }
        segs.push({ text: String(v), quoted: part.quoted, split: !part.quoted });
        break;
      }
    }
  }
  return segs;
}

function* expandParam(ctx: ExpandContext, p: ParamExpansion, quoted: boolean): Gen<Seg[]> {
  const { name } = p;
  if ((name === '@' || name === '*') && (p.op === undefined || p.op === 'len')) {
    const params = ctx.positional();
    if (p.op === 'len') return [{ text: String(params.length), quoted, split: false }];
    if (name === '@' && quoted) {
      const segs: Seg[] = [];
      params.forEach((v, i) => {
        if (i > 0) segs.push({ text: '', quoted: true, split: false, brk: true });
        segs.push({ text: v, quoted: true, split: false });
      });
      return segs;
    }
    const sep = quoted ? (ctx.lookup('IFS') ?? DEFAULT_IFS).slice(0, 1) : ' ';
    return [{ text: params.join(sep), quoted, split: !quoted }];
  }
  const value = ctx.lookup(name);
  const plain = (text: string): Seg[] => [{ text, quoted, split: !quoted }];
  const unsetOrNull = value === undefined || (p.colon === true && value === '');
  switch (p.op) {
    case undefined:
      if (value === undefined && ctx.nounset && !/^[@*#?$!0-]$/.test(name)) {
        throw new FatalShellError(`${name}: parameter not set`);
      }
      return plain(value ?? '');
    case 'len':
      return plain(String([...(value ?? '')].length));
    case '-':
      return unsetOrNull ? yield* expandParts(ctx, p.arg!.parts) : plain(value);
    case '+':
      return unsetOrNull ? [] : yield* expandParts(ctx, p.arg!.parts);
    case '=': {
      if (!unsetOrNull) return plain(value);
      const v = yield* expandString(ctx, p.arg!);
      if (!/^[A-Za-z_]/.test(name)) throw new FatalShellError(`${name}: bad variable name`);
      ctx.setVar(name, v);
      return plain(v);
    }
    case '?': {
      if (!unsetOrNull) return plain(value);
      const given = p.arg && p.arg.text !== '' ? yield* expandString(ctx, p.arg) : undefined;
      const msg = given ?? (p.colon ? 'parameter not set or null' : 'parameter not set');
      throw new FatalShellError(`${name}: ${msg}`);
    }
    case '#':
    case '##':
    case '%':
    case '%%': {
      const v = value ?? '';
      const pat = yield* expandPattern(ctx, p.arg!);
      return plain(trim(v, pat, p.op));
    }
    case '/':
    case '//': {
      const v = value ?? '';
      const pat = yield* expandPattern(ctx, p.arg!);
      const rep = yield* expandString(ctx, p.arg2!);
      return plain(replace(v, pat, rep, p.op === '//'));
    }
    case 'substr': {
      const v = value ?? '';
      const vars = { get: (n: string) => ctx.lookup(n), set: (n: string, val: string) => ctx.setVar(n, val) };
      let offset = evaluateArithmetic(yield* expandString(ctx, p.arg!), vars);
      if (offset < 0) offset = Math.max(0, v.length + offset);
      let end = v.length;
      if (p.arg2) {
        const len = evaluateArithmetic(yield* expandString(ctx, p.arg2), vars);
        end = len < 0 ? v.length + len : offset + len;
      }
      return plain(v.slice(offset, Math.max(offset, end)));
    }
  }
  return plain(value ?? '');
}

function trim(v: string, pat: PatternChar[], op: '#' | '##' | '%' | '%%'): string {
  if (op === '#') {
    for (let i = 0; i <= v.length; i++) if (matchPattern(pat, v.slice(0, i))) return v.slice(i);
  } else if (op === '##') {
    for (let i = v.length; i >= 0; i--) if (matchPattern(pat, v.slice(0, i))) return v.slice(i);
  } else if (op === '%') {
    for (let i = v.length; i >= 0; i--) if (matchPattern(pat, v.slice(i))) return v.slice(0, i);
  } else {
    for (let i = 0; i <= v.length; i++) if (matchPattern(pat, v.slice(i))) return v.slice(0, i);
  }
  return v;
}

function replace(v: string, pat: PatternChar[], rep: string, all: boolean): string {
  if (pat.length === 0) return v;
  const re = patternRegex(pat);
  let out = '';
  let i = 0;
  while (i <= v.length) {
    let matched = -1;
    for (let j = v.length; j > i; j--) {
      if (re.test(v.slice(i, j))) {
        matched = j;
        break;
      }
    }
    if (matched < 0) {
      if (i < v.length) out += v[i];
      i++;
      continue;
    }
    out += rep;
    i = matched;
    if (!all) return out + v.slice(i);
  }
  return out;
}

/** IFS field splitting: whitespace IFS characters collapse, others separate (possibly empty) fields. */
function splitFields(segs: readonly Seg[], ifs: string): Seg[][] {
  const fields: Seg[][] = [];
  let cur: Seg[] = [];
  let started = false;
  const end = (): void => {
    fields.push(cur);
    cur = [];
    started = false;
  };
  for (const seg of segs) {
    if (seg.brk) {
      end();
      continue;
    }
    if (!seg.split || ifs === '') {
      cur.push(seg);
      if (seg.quoted || seg.text !== '') started = true;
      continue;
    }
    let piece = '';
    for (const ch of seg.text) {
      if (!ifs.includes(ch)) {
        piece += ch;
        continue;
      }
      if (piece) {
        cur.push({ text: piece, quoted: false, split: false });
        started = true;
        piece = '';
      }
      if (ch === ' ' || ch === '\t' || ch === '\n') {
        if (started) end();
      } else {
        end();
      }
    }
    if (piece) {
      cur.push({ text: piece, quoted: false, split: false });
      started = true;
    }
  }
  if (started) fields.push(cur);
  return fields;
}

function toPattern(segs: readonly Seg[]): PatternChar[] {
  const out: PatternChar[] = [];
  for (const s of segs) for (const c of s.text) out.push({ c, quoted: s.quoted });
  return out;
}
