import type { Gen } from '../effects.js';
import { utf8Length, VfsError } from '../vfs.js';
import { type Applet, type AppletContext, parseFlags, usage } from './types.js';

/** Text applets: echo, printf and the filters scripts pipe through (head, grep, wc, …). */

/** `\n`, `\t`, `\0NNN`, `\xHH` … as echo -e and printf understand them; `\c` stops output. */
function processEscapes(s: string, echoStyle: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    switch (n) {
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'e':
      case 'E':
        out += '\x1b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '\\':
        out += '\\';
        break;
      case 'c':
        return { text: out, stop: true };
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (!m) {
          out += '\\x';
          break;
        }
        out += String.fromCharCode(Number.parseInt(m[0], 16));
        i += m[0].length;
        break;
      }
      default: {
        if (/[0-7]/.test(n)) {
          // echo: \0NNN (the 0 introduces up to three octal digits); printf: \NNN.
          let digits = s.slice(i, i + 4);
          if (echoStyle && n === '0') digits = s.slice(i + 1, i + 4);
          const m = /^[0-7]{1,3}/.exec(digits)!;
          out += String.fromCharCode(Number.parseInt(m[0] || '0', 8) & 0xff);
          i += (echoStyle && n === '0' ? 1 : 0) + m[0].length - 1;
          break;
        }
        out += `\\${n}`;
      }
    }
  }
  return { text: out, stop: false };
}

/** busybox echo (FANCY_ECHO): leading `-n`, `-e`, `-E` (combinable) until the first other word. */
export const echo: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let out = '';
  const words = args.slice(i);
  for (let k = 0; k < words.length; k++) {
    if (k > 0) out += ' ';
    if (escapes) {
      const r = processEscapes(words[k]!, true);
      out += r.text;
      if (r.stop) {
        ctx.fds.stdout.write(out);
        return 0;
      }
    } else {
      out += words[k];
    }
  }
  ctx.fds.stdout.write(newline ? `${out}\n` : out);
  return 0;
};

/** busybox printf: reuses the format while arguments remain. */
export const printf: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) return usage(ctx, 'printf FORMAT [ARG]...');
  const format = args.shift()!;
  let status = 0;
  let out = '';
  const next = (): string | undefined => args.shift();
  const num = (v: string | undefined, float: boolean): number => {
    if (v === undefined || v === '') return 0;
    if (/^['"]/.test(v)) return v.codePointAt(1) ?? 0;
    const n = float
      ? Number(v)
      : /^[+-]?0[xX][0-9a-fA-F]+$/.test(v)
        ? Number.parseInt(v, 16)
        : /^[+-]?0[0-7]+$/.test(v)
          ? Number.parseInt(v, 8)
          : Number(v);
    if (Number.isNaN(n) || (!float && !Number.isInteger(n))) {
      ctx.fds.stderr.write(`${ctx.errName}: invalid number '${v}'\n`);
      status = 1;
      return Number.isNaN(Number.parseFloat(v)) ? 0 : Math.trunc(Number.parseFloat(v));
    }
    return n;
  };
  let consumed = true;
  do {
    consumed = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i]!;
      if (c === '\\') {
        const m = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/.exec(format.slice(i))!;
        const r = processEscapes(m[0], false);
        if (r.stop) {
          ctx.fds.stdout.write(out);
          return status;
        }
        out += r.text;
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXcsfeEgGb%])/.exec(format.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const conv = m[4]!;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const flags = m[1] ?? '';
      let width = m[2] === '*' ? num(next(), false) : m[2] ? Number(m[2]) : 0;
      const precision = m[3] === '*' ? num(next(), false) : m[3] ? Number(m[3]) : undefined;
      const arg = next();
      if (arg !== undefined) consumed = true;
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (precision !== undefined) s = s.slice(0, precision);
          break;
        case 'b': {
          const r = processEscapes(arg ?? '', true);
          s = r.text;
          break;
        }
        case 'c':
          s = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u': {
          const n = Math.trunc(num(arg, false));
          s = String(Math.abs(n));
          if (precision !== undefined) s = s.padStart(precision, '0');
          s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          break;
        }
        case 'o':
          s = Math.trunc(num(arg, false)).toString(8);
          break;
        case 'x':
          s = Math.trunc(num(arg, false)).toString(16);
          break;
        case 'X':
          s = Math.trunc(num(arg, false)).toString(16).toUpperCase();
          break;
        default: {
          const n = num(arg, true);
          const p = precision ?? 6;
          s =
            conv === 'f'
              ? n.toFixed(p)
              : conv === 'e' || conv === 'E'
                ? n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2')
                : String(Number(n.toPrecision(p || 1)));
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          if (n >= 0 && flags.includes('+')) s = `+${s}`;
        }
      }
      if (width < 0) width = -width;
      if (s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && /[diouxXfeEgG]/.test(conv)) {
          const sign = /^[+-]/.test(s) ? s[0]! : '';
          s = sign + s.slice(sign.length).padStart(width - sign.length, '0');
        } else s = s.padStart(width);
      }
      out += s;
    }
  } while (consumed && args.length > 0);
  ctx.fds.stdout.write(out);
  return status;
};

/** Reads the named files (or stdin): [name, text] pairs; reports missing ones as busybox does. */
function* inputs(
  ctx: AppletContext,
  files: readonly string[],
  applet: string,
): Gen<{ texts: Array<[string, string]>; status: number }> {
  const texts: Array<[string, string]> = [];
  let status = 0;
  const names = files.length === 0 ? ['-'] : files;
  for (const f of names) {
    if (f === '-') {
      const t = ctx.fds.stdin.readAll();
      texts.push(['(standard input)', t]);
      if (ctx.fds.stdin.blocksAtEnd) yield { type: 'sleep', ms: Number.POSITIVE_INFINITY };
      continue;
    }
    try {
      texts.push([f, ctx.sys.fs.readFile(ctx.sys.resolve(f))]);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.fds.stderr.write(
        e.code === 'EISDIR'
          ? `${applet}: read error: Is a directory\n`
          : `${applet}: can't open '${f}': ${e.reason}\n`,
      );
      status = 1;
    }
  }
  return { texts, status };
}

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** `-5` as `-n 5` (head and tail accept the old form). */
function countArg(args: string[]): string[] {
  return args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
}

export function* head(ctx: AppletContext): Gen<number> {
  const opts = parseFlags(ctx, countArg(ctx.argv.slice(1)), 'qv', 'nc', 'head [OPTIONS] [FILE]...');
  if (!opts) return 1;
  const n = Number(opts.values.get('n') ?? '10');
  const { texts, status } = yield* inputs(ctx, opts.rest, 'head');
  texts.forEach(([name, text], i) => {
    if (texts.length > 1 && !opts.flags.has('q'))
      ctx.fds.stdout.write(`${i > 0 ? '\n' : ''}==> ${name} <==\n`);
    if (opts.values.has('c')) ctx.fds.stdout.write(text.slice(0, Number(opts.values.get('c'))));
    else {
      const ls = text.split('\n');
      const take = n < 0 ? ls.slice(0, Math.max(0, lines(text).length + n)) : ls.slice(0, n);
      const out = take.join('\n');
      ctx.fds.stdout.write(take.length < ls.length ? `${out}\n` : out);
    }
  });
  return status;
}

/**
 * tail; `-f`/`-F` follow the file as busybox does, by looking for new data once a second
 * (so appended lines appear up to a second later) until killed.
 */
export function* tail(ctx: AppletContext): Gen<number> {
  const raw = countArg(ctx.argv.slice(1)).map((a) => (/^-n\+?\d+$/.test(a) ? a : a));
  const opts = parseFlags(ctx, raw, 'fFqv', 'ncs', 'tail [OPTIONS] [FILE]...');
  if (!opts) return 1;
  const nText = opts.values.get('n') ?? '10';
  const fromStart = nText.startsWith('+');
  const n = Number(nText.replace(/^[+-]/, ''));
  const follow = opts.flags.has('f') || opts.flags.has('F');
  const { texts, status } = yield* inputs(ctx, opts.rest, 'tail');
  const pick = (text: string): string => {
    const ls = lines(text);
    const take = fromStart ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n);
    return take.length > 0
      ? `${take.join('\n')}${text.endsWith('\n') || take.length < ls.length ? '\n' : ''}`
      : '';
  };
  texts.forEach(([name, text], i) => {
    if (texts.length > 1 && !opts.flags.has('q'))
      ctx.fds.stdout.write(`${i > 0 ? '\n' : ''}==> ${name} <==\n`);
    ctx.fds.stdout.write(pick(text));
  });
  if (!follow) return status;
  // Devices never grow (`tail -f /dev/null` is the usual keep-alive): nothing to look at.
  const files = opts.rest.filter((f) => f !== '-' && !ctx.sys.fs.stat(ctx.sys.resolve(f))?.device);
  if (files.length === 0) {
    yield { type: 'sleep', ms: Number.POSITIVE_INFINITY };
    return status;
  }
  const seen = new Map(
    files.map((f) => [
      f,
      ctx.sys.fs.lookup(ctx.sys.resolve(f))?.kind === 'file'
        ? ctx.sys.fs.readFile(ctx.sys.resolve(f)).length
        : 0,
    ]),
  );
  for (;;) {
    yield { type: 'sleep', ms: 1000 };
    for (const f of files) {
      const path = ctx.sys.resolve(f);
      if (!ctx.sys.fs.isFile(path)) continue;
      const text = ctx.sys.fs.readFile(path);
      const before = seen.get(f) ?? 0;
      if (text.length > before) ctx.fds.stdout.write(text.slice(before));
      seen.set(f, text.length);
    }
  }
}

export function* wc(ctx: AppletContext): Gen<number> {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'lwcmL', '', 'wc [-cmlwL] [FILE]...');
  if (!opts) return 1;
  let which = ['l', 'w', 'c'].filter((f) => opts.flags.has(f) || (f === 'c' && opts.flags.has('m')));
  if (which.length === 0) which = ['l', 'w', 'c'];
  const { texts, status } = yield* inputs(ctx, opts.rest, 'wc');
  const totals = { l: 0, w: 0, c: 0 };
  const row = (counts: Record<string, number>, name?: string): string => {
    const cols = which.map((f) => String(counts[f]));
    const body = which.length === 1 ? cols[0]! : cols.map((c) => c.padStart(7)).join(' ');
    return name ? `${body} ${name}\n` : `${body}\n`;
  };
  for (const [name, text] of texts) {
    const counts = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      c: utf8Length(text),
    };
    totals.l += counts.l;
    totals.w += counts.w;
    totals.c += counts.c;
    ctx.fds.stdout.write(row(counts, opts.rest.length > 0 ? name : undefined));
  }
  if (texts.length > 1) ctx.fds.stdout.write(row(totals, 'total'));
  return status;
}

/** POSIX basic regular expressions as JavaScript ones (`\(`…`\)` groups, literal `+?|(){}`). */
function breToJs(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i]!;
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
    } else if ('(){}|+?'.includes(c)) {
      out += `\\${c}`;
    } else {
      out += c;
    }
  }
  return out;
}

export function* grep(ctx: AppletContext): Gen<number> {
  const extended = ctx.name === 'egrep';
  const fixed = ctx.name === 'fgrep';
  const opts = parseFlags(
    ctx,
    ctx.argv.slice(1),
    'qvicnEFwxolLhHsr',
    'em',
    'grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...',
  );
  if (!opts) return 2;
  const rest = [...opts.rest];
  const pattern = opts.values.get('e') ?? rest.shift();
  if (pattern === undefined) return usage(ctx, 'grep [-HhnlLoqvsrRiwFE] PATTERN [FILE]...') + 1;
  let source =
    opts.flags.has('F') || fixed
      ? pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
      : opts.flags.has('E') || extended
        ? pattern
        : breToJs(pattern);
  if (opts.flags.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  if (opts.flags.has('x')) source = `^(?:${source})$`;
  let re: RegExp;
  try {
    re = new RegExp(source, opts.flags.has('i') ? 'i' : '');
  } catch {
    ctx.fds.stderr.write(`grep: bad regex '${pattern}'\n`);
    return 2;
  }
  const { texts, status } = yield* inputs(ctx, rest, 'grep');
  const many = texts.length > 1 ? !opts.flags.has('h') : opts.flags.has('H');
  const max = opts.values.has('m') ? Number(opts.values.get('m')) : Number.POSITIVE_INFINITY;
  let matched = false;
  let out = '';
  for (const [name, text] of texts) {
    let count = 0;
    const ls = lines(text);
    for (let i = 0; i < ls.length && count < max; i++) {
      const l = ls[i]!;
      if (re.test(l) === opts.flags.has('v')) continue;
      count++;
      matched = true;
      if (opts.flags.has('q')) return 0;
      if (opts.flags.has('c') || opts.flags.has('l') || opts.flags.has('L')) continue;
      const prefix = `${many ? `${name}:` : ''}${opts.flags.has('n') ? `${i + 1}:` : ''}`;
      if (opts.flags.has('o') && !opts.flags.has('v')) {
        for (const m of l.match(new RegExp(re.source, `g${re.flags}`)) ?? []) out += `${prefix}${m}\n`;
      } else {
        out += `${prefix}${l}\n`;
      }
    }
    if (opts.flags.has('c')) out += `${many ? `${name}:` : ''}${count}\n`;
    if (opts.flags.has('l') && count > 0) out += `${name}\n`;
    if (opts.flags.has('L') && count === 0) out += `${name}\n`;
  }
  ctx.fds.stdout.write(out);
  if (status && !opts.flags.has('s')) return 2;
  return matched ? 0 : 1;
}

export function* sort(ctx: AppletContext): Gen<number> {
  const opts = parseFlags(
    ctx,
    ctx.argv.slice(1),
    'nrufbdgMsVh',
    'kto',
    'sort [-nrugMcszbdfiokt] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...',
  );
  if (!opts) return 2;
  const { texts, status } = yield* inputs(ctx, opts.rest, 'sort');
  let all = texts.flatMap(([, t]) => lines(t));
  const sep = opts.values.get('t');
  const field = opts.values.has('k') ? Number(opts.values.get('k')!.split(/[.,]/)[0]) : 0;
  const key = (l: string): string => {
    if (!field) return l;
    const parts = sep ? l.split(sep) : l.trim().split(/\s+/);
    return parts.slice(field - 1).join(sep ?? ' ');
  };
  const numeric = opts.flags.has('n') || opts.flags.has('g') || opts.flags.has('h');
  all.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (numeric) {
      const d = (Number.parseFloat(ka) || 0) - (Number.parseFloat(kb) || 0);
      if (d !== 0) return d;
    }
    const x = opts.flags.has('f') ? ka.toUpperCase() : ka;
    const y = opts.flags.has('f') ? kb.toUpperCase() : kb;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  if (opts.flags.has('r')) all.reverse();
  if (opts.flags.has('u')) all = all.filter((l, i) => i === 0 || key(l) !== key(all[i - 1]!));
  const out = all.map((l) => `${l}\n`).join('');
  const dest = opts.values.get('o');
  if (dest) ctx.sys.fs.writeFile(ctx.sys.resolve(dest), out);
  else ctx.fds.stdout.write(out);
  return status;
}

export function* uniq(ctx: AppletContext): Gen<number> {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'cdui', 'fsw', 'uniq [-cdui] [-f,s,w N] [INPUT [OUTPUT]]');
  if (!opts) return 1;
  const { texts, status } = yield* inputs(ctx, opts.rest.slice(0, 1), 'uniq');
  const ls = texts.flatMap(([, t]) => lines(t));
  const same = (a: string, b: string): boolean =>
    opts.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b;
  let out = '';
  for (let i = 0; i < ls.length; ) {
    let j = i + 1;
    while (j < ls.length && same(ls[j]!, ls[i]!)) j++;
    const n = j - i;
    if ((!opts.flags.has('d') || n > 1) && (!opts.flags.has('u') || n === 1)) {
      out += opts.flags.has('c') ? `${String(n).padStart(7)} ${ls[i]}\n` : `${ls[i]}\n`;
    }
    i = j;
  }
  ctx.fds.stdout.write(out);
  return status;
}

export const seq: Applet = (ctx) => {
  const opts = parseFlags(
    ctx,
    ctx.argv.slice(1).map((a) => (/^-\d/.test(a) ? `--${a}` : a)),
    'w',
    's',
  );
  const args = (opts?.rest ?? []).map((a) => a.replace(/^--/, ''));
  if (!opts || args.length === 0 || args.length > 3)
    return usage(ctx, 'seq [-w] [-s SEP] [FIRST [INC]] LAST');
  const nums = args.map(Number);
  if (nums.some(Number.isNaN)) {
    ctx.fds.stderr.write(`seq: invalid number '${args[nums.findIndex(Number.isNaN)]}'\n`);
    return 1;
  }
  const [first, inc, last] =
    nums.length === 1
      ? [1, 1, nums[0]!]
      : nums.length === 2
        ? [nums[0]!, 1, nums[1]!]
        : [nums[0]!, nums[1]!, nums[2]!];
  const sep = opts.values.get('s') ?? '\n';
  const out: string[] = [];
  const width = String(Math.max(Math.abs(first), Math.abs(last))).length;
  for (let v = first; inc > 0 ? v <= last : inc < 0 ? v >= last : false; v += inc) {
    out.push(opts.flags.has('w') ? String(v).padStart(width, '0') : String(v));
    if (out.length > 1_000_000) break;
  }
  if (out.length > 0) ctx.fds.stdout.write(`${out.join(sep)}\n`);
  return 0;
};

export function* tee(ctx: AppletContext): Gen<number> {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'ai', '');
  if (!opts) return 1;
  const text = ctx.fds.stdin.readAll();
  let status = 0;
  for (const f of opts.rest) {
    try {
      ctx.sys.fs.writeFile(ctx.sys.resolve(f), text, { append: opts.flags.has('a') });
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.fds.stderr.write(`tee: ${f}: ${e.reason}\n`);
      status = 1;
    }
  }
  ctx.fds.stdout.write(text);
  if (ctx.fds.stdin.blocksAtEnd) yield { type: 'sleep', ms: Number.POSITIVE_INFINITY };
  return status;
}

export const basename: Applet = (ctx) => {
  const [name, suffix] = ctx.argv.slice(1);
  if (name === undefined) return usage(ctx, 'basename FILE [SUFFIX]');
  let b = name.replace(/\/+$/, '');
  b = b === '' ? '/' : b.slice(b.lastIndexOf('/') + 1);
  if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
  ctx.fds.stdout.write(`${b}\n`);
  return 0;
};

export const dirname: Applet = (ctx) => {
  const name = ctx.argv[1];
  if (name === undefined) return usage(ctx, 'dirname FILENAME');
  const trimmed = name.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  const d = i < 0 ? '.' : i === 0 ? '/' : trimmed.slice(0, i).replace(/\/+$/, '') || '/';
  ctx.fds.stdout.write(`${name.startsWith('/') && trimmed === '' ? '/' : d}\n`);
  return 0;
};

function ranges(spec: string): (n: number) => boolean {
  const parts = spec.split(',').map((p) => {
    const m = /^(\d*)-(\d*)$/.exec(p);
    if (m) return [m[1] ? Number(m[1]) : 1, m[2] ? Number(m[2]) : Number.POSITIVE_INFINITY] as const;
    return [Number(p), Number(p)] as const;
  });
  return (n) => parts.some(([a, b]) => n >= a && n <= b);
}

export function* cut(ctx: AppletContext): Gen<number> {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'sn', 'dfcb', 'cut [OPTIONS] [FILE]...');
  if (!opts) return 1;
  const { texts, status } = yield* inputs(ctx, opts.rest, 'cut');
  const delim = opts.values.get('d') ?? '\t';
  let out = '';
  for (const [, text] of texts) {
    for (const l of lines(text)) {
      if (opts.values.has('f')) {
        if (!l.includes(delim)) {
          if (!opts.flags.has('s')) out += `${l}\n`;
          continue;
        }
        const want = ranges(opts.values.get('f')!);
        out += `${l
          .split(delim)
          .filter((_, i) => want(i + 1))
          .join(delim)}\n`;
      } else {
        const want = ranges(opts.values.get('c') ?? opts.values.get('b') ?? '1-');
        out += `${[...l].filter((_, i) => want(i + 1)).join('')}\n`;
      }
    }
  }
  ctx.fds.stdout.write(out);
  return status;
}

function expandSet(set: string): string {
  const classes: Record<string, string> = {
    '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '[:lower:]': 'abcdefghijklmnopqrstuvwxyz',
    '[:digit:]': '0123456789',
    '[:space:]': ' \t\n\r\f\v',
    '[:alpha:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    '[:alnum:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
    '[:blank:]': ' \t',
    '[:punct:]': '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  };
  let s = set;
  for (const [k, v] of Object.entries(classes)) s = s.split(k).join(v);
  s = processEscapes(s, false).text;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += s[i];
  }
  return out;
}

export function* tr(ctx: AppletContext): Gen<number> {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'dscC', '');
  if (!opts || opts.rest.length === 0) return usage(ctx, 'tr [-cds] STRING1 [STRING2]');
  const text = ctx.fds.stdin.readAll();
  const from = expandSet(opts.rest[0]!);
  const to = expandSet(opts.rest[1] ?? '');
  let out = '';
  for (const c of text) {
    const i = from.indexOf(c);
    const inSet = opts.flags.has('c') || opts.flags.has('C') ? i < 0 : i >= 0;
    if (opts.flags.has('d')) {
      if (!inSet) out += c;
      continue;
    }
    const r = inSet && to.length > 0 && i >= 0 ? (to[Math.min(i, to.length - 1)] ?? c) : c;
    if (opts.flags.has('s') && out.endsWith(r) && (to.includes(r) || from.includes(r))) continue;
    out += r;
  }
  ctx.fds.stdout.write(out);
  if (ctx.fds.stdin.blocksAtEnd) yield { type: 'sleep', ms: Number.POSITIVE_INFINITY };
  return 0;
}

/** expr: integer arithmetic, comparisons, `:` regex match, length/substr/index. */
export const expr: Applet = (ctx) => {
  const toks = ctx.argv.slice(1);
  let i = 0;
  const isInt = (s: string): boolean => /^-?\d+$/.test(s);
  const fail = (msg: string): never => {
    throw new Error(msg);
  };
  const primary = (): string => {
    const t = toks[i++];
    if (t === undefined) fail('syntax error');
    if (t === '(') {
      const v = or();
      if (toks[i++] !== ')') fail('syntax error');
      return v;
    }
    if (t === 'length') return String(primary().length);
    if (t === 'substr') {
      const s = primary();
      const p = Number(primary());
      const l = Number(primary());
      return s.slice(p - 1, p - 1 + l);
    }
    if (t === 'index') {
      const s = primary();
      const chars = primary();
      const idx = [...s].findIndex((c) => chars.includes(c));
      return String(idx + 1);
    }
    return t!;
  };
  const match = (): string => {
    let v = primary();
    while (toks[i] === ':') {
      i++;
      const re = new RegExp(`^(?:${breToJs(primary())})`);
      const m = re.exec(v);
      v = m ? (m[1] ?? String(m[0].length)) : m === null && /\\\(/.test(toks[i - 1] ?? '') ? '' : '0';
    }
    return v;
  };
  const mul = (): string => {
    let v = match();
    while (toks[i] === '*' || toks[i] === '/' || toks[i] === '%') {
      const op = toks[i++]!;
      const r = match();
      if (!isInt(v) || !isInt(r)) fail('non-numeric argument');
      if (op !== '*' && Number(r) === 0) fail('division by zero');
      v = String(
        op === '*'
          ? Number(v) * Number(r)
          : op === '/'
            ? Math.trunc(Number(v) / Number(r))
            : Number(v) % Number(r),
      );
    }
    return v;
  };
  const add = (): string => {
    let v = mul();
    while (toks[i] === '+' || toks[i] === '-') {
      const op = toks[i++]!;
      const r = mul();
      if (!isInt(v) || !isInt(r)) fail('non-numeric argument');
      v = String(op === '+' ? Number(v) + Number(r) : Number(v) - Number(r));
    }
    return v;
  };
  const cmp = (): string => {
    let v = add();
    while (['=', '==', '!=', '<', '<=', '>', '>='].includes(toks[i] ?? '')) {
      const op = toks[i++]!;
      const r = add();
      const c = isInt(v) && isInt(r) ? Number(v) - Number(r) : v < r ? -1 : v > r ? 1 : 0;
      const res =
        op === '=' || op === '=='
          ? c === 0
          : op === '!='
            ? c !== 0
            : op === '<'
              ? c < 0
              : op === '<='
                ? c <= 0
                : op === '>'
                  ? c > 0
                  : c >= 0;
      v = res ? '1' : '0';
    }
    return v;
  };
  const and = (): string => {
    let v = cmp();
    while (toks[i] === '&') {
      i++;
      const r = cmp();
      v = v !== '' && v !== '0' && r !== '' && r !== '0' ? v : '0';
    }
    return v;
  };
  function or(): string {
    let v = and();
    while (toks[i] === '|') {
      i++;
      const r = and();
      v = v !== '' && v !== '0' ? v : r !== '' && r !== '0' ? r : '0';
    }
    return v;
  }
  if (toks.length === 0) return usage(ctx, 'expr EXPRESSION');
  let v: string;
  try {
    v = or();
    if (i < toks.length) fail('syntax error');
  } catch (e) {
    ctx.fds.stderr.write(`expr: ${(e as Error).message}\n`);
    return 2;
  }
  ctx.fds.stdout.write(`${v}\n`);
  return v === '' || v === '0' ? 1 : 0;
};
