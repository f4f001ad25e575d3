import { matchPattern, unquotedPattern } from '../glob.js';
import type { Applet, AppletContext } from './types.js';

/**
 * `test`, `[` and ash's `[[` (coreutils/test.c): POSIX rules for up to four arguments, a full
 * expression grammar (`!`, `-a`, `-o`, parentheses) beyond. Errors exit 2 with busybox's words:
 * `sh: missing ]`, `sh: abc: bad number`.
 */

class TestSyntaxError extends Error {}

const UNARY = new Set([
  '-b',
  '-c',
  '-d',
  '-e',
  '-f',
  '-g',
  '-G',
  '-h',
  '-k',
  '-L',
  '-n',
  '-O',
  '-p',
  '-r',
  '-s',
  '-S',
  '-t',
  '-u',
  '-w',
  '-x',
  '-z',
]);
const BINARY = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
  '=~',
]);

function integer(s: string): number {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new TestSyntaxError(`${s}: bad number`);
  return Number(t);
}

class Evaluator {
  private i = 0;

  constructor(
    private readonly args: readonly string[],
    private readonly ctx: AppletContext,
    private readonly doubleBracket: boolean,
  ) {}

  run(): boolean {
    const n = this.args.length;
    if (!this.doubleBracket) {
      // POSIX: the meaning depends on the number of arguments.
      if (n === 0) return false;
      if (n === 1) return this.args[0] !== '';
      if (n === 2 && this.args[0] === '!') return this.args[1] === '';
      if (n === 2 && UNARY.has(this.args[0]!)) return this.unary(this.args[0]!, this.args[1]!);
      if (n === 3 && BINARY.has(this.args[1]!) && this.args[1] !== '=~')
        return this.binary(this.args[0]!, this.args[1]!, this.args[2]!);
      if (n === 3 && this.args[0] === '!') return !new Evaluator(this.args.slice(1), this.ctx, false).run();
      if (n === 3 && this.args[0] === '(' && this.args[2] === ')') return this.args[1] !== '';
      if (n === 4 && this.args[0] === '!') return !new Evaluator(this.args.slice(1), this.ctx, false).run();
    }
    const v = this.or();
    if (this.i < n) throw new TestSyntaxError(`${this.args[this.i]}: unknown operand`);
    return v;
  }

  private peek(): string | undefined {
    return this.args[this.i];
  }

  private isOr(t: string | undefined): boolean {
    return t === '-o' || (this.doubleBracket && t === '||');
  }

  private isAnd(t: string | undefined): boolean {
    return t === '-a' || (this.doubleBracket && t === '&&');
  }

  private or(): boolean {
    let v = this.and();
    while (this.isOr(this.peek())) {
      this.i++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.isAnd(this.peek())) {
      this.i++;
      const r = this.not();
      v = v && r;
    }
    return v;
  }

  private not(): boolean {
    if (this.peek() === '!') {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const t = this.args[this.i];
    if (t === undefined) throw new TestSyntaxError('argument expected');
    if (t === '(') {
      this.i++;
      const v = this.or();
      if (this.args[this.i] !== ')') throw new TestSyntaxError("missing ')'");
      this.i++;
      return v;
    }
    const next = this.args[this.i + 1];
    if (next !== undefined && BINARY.has(next) && this.args[this.i + 2] !== undefined) {
      this.i += 3;
      return this.binary(t, next, this.args[this.i - 1]!);
    }
    if (UNARY.has(t) && next !== undefined) {
      this.i += 2;
      return this.unary(t, next);
    }
    this.i++;
    return t !== '';
  }

  private unary(op: string, arg: string): boolean {
    if (op === '-z') return arg === '';
    if (op === '-n') return arg !== '';
    if (op === '-t') return false;
    const fs = this.ctx.sys.fs;
    const st = fs.stat(this.ctx.sys.resolve(arg));
    switch (op) {
      case '-e':
        return st !== undefined;
      case '-f':
        return st?.kind === 'file' && !st.device;
      case '-d':
        return st?.kind === 'dir';
      case '-s':
        return st !== undefined && st.kind === 'file' && st.size > 0;
      case '-r':
      case '-w':
        return st !== undefined;
      case '-x':
        return st !== undefined && (st.kind === 'dir' || (st.mode & 0o111) !== 0);
      case '-c':
        return st?.device !== undefined;
      case '-k':
        return st !== undefined && (st.mode & 0o1000) !== 0;
      case '-O':
      case '-G':
        return st !== undefined;
      default:
        return false;
    }
  }

  private binary(a: string, op: string, b: string): boolean {
    switch (op) {
      case '=':
      case '==':
        return this.doubleBracket ? matchPattern(unquotedPattern(b), a) : a === b;
      case '!=':
        return this.doubleBracket ? !matchPattern(unquotedPattern(b), a) : a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '=~':
        try {
          return new RegExp(b).test(a);
        } catch {
          throw new TestSyntaxError(`${b}: invalid regex`);
        }
      case '-nt':
      case '-ot': {
        const fs = this.ctx.sys.fs;
        const x = fs.stat(this.ctx.sys.resolve(a));
        const y = fs.stat(this.ctx.sys.resolve(b));
        if (!x || !y) return false;
        return op === '-nt' ? x.mtime > y.mtime : x.mtime < y.mtime;
      }
      case '-ef':
        return (
          this.ctx.sys.resolve(a) === this.ctx.sys.resolve(b) &&
          this.ctx.sys.fs.exists(this.ctx.sys.resolve(a))
        );
    }
    const x = integer(a);
    const y = integer(b);
    switch (op) {
      case '-eq':
        return x === y;
      case '-ne':
        return x !== y;
      case '-lt':
        return x < y;
      case '-le':
        return x <= y;
      case '-gt':
        return x > y;
      default:
        return x >= y;
    }
  }
}

export const test: Applet = (ctx) => {
  let args = ctx.argv.slice(1);
  const name = ctx.argv[0];
  const doubleBracket = name === '[[';
  if (name === '[' || doubleBracket) {
    const close = doubleBracket ? ']]' : ']';
    if (args[args.length - 1] !== close) {
      ctx.fds.stderr.write(`${ctx.errName}: missing ${close}\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return new Evaluator(args, ctx, doubleBracket).run() ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestSyntaxError)) throw e;
    ctx.fds.stderr.write(`${ctx.errName}: ${e.message}\n`);
    return 2;
  }
};
