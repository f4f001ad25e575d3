/**
 * Shell arithmetic, `$(( … ))`: C operators on 64-bit-ish integers (JS numbers truncated to
 * integers), variables by name, assignments. Errors use ash's words ("arithmetic syntax error",
 * "divide by zero").
 */

export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'end' };

const OPS = [
  '<<=',
  '>>=',
  '**',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '^=',
  '|=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '=',
  '!',
  '~',
  '&',
  '^',
  '|',
  '?',
  ':',
  '(',
  ')',
  ',',
];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i;
      while (j < src.length && /[0-9A-Za-z_#@]/.test(src[j]!)) j++;
      out.push({ t: 'num', v: parseNumber(src.slice(i, j)) });
      i = j;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j]!)) j++;
      out.push({ t: 'name', v: src.slice(i, j) });
      i = j;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError('arithmetic syntax error');
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  out.push({ t: 'end' });
  return out;
}

function parseNumber(text: string): number {
  let m = /^0[xX]([0-9a-fA-F]+)$/.exec(text);
  if (m) return Number.parseInt(m[1]!, 16);
  m = /^([0-9]+)#([0-9A-Za-z@_]+)$/.exec(text);
  if (m) {
    const base = Number(m[1]);
    const n = Number.parseInt(m[2]!, base);
    if (Number.isNaN(n) || base < 2 || base > 64) throw new ArithError('arithmetic syntax error');
    return n;
  }
  if (/^0[0-7]+$/.test(text)) return Number.parseInt(text, 8);
  if (/^[0-9]+$/.test(text)) return Number(text);
  throw new ArithError('arithmetic syntax error');
}

const BINARY: Record<string, [number, (a: number, b: number) => number]> = {
  '||': [1, (a, b) => (a || b ? 1 : 0)],
  '&&': [2, (a, b) => (a && b ? 1 : 0)],
  '|': [3, (a, b) => a | b],
  '^': [4, (a, b) => a ^ b],
  '&': [5, (a, b) => a & b],
  '==': [6, (a, b) => (a === b ? 1 : 0)],
  '!=': [6, (a, b) => (a !== b ? 1 : 0)],
  '<': [7, (a, b) => (a < b ? 1 : 0)],
  '<=': [7, (a, b) => (a <= b ? 1 : 0)],
  '>': [7, (a, b) => (a > b ? 1 : 0)],
  '>=': [7, (a, b) => (a >= b ? 1 : 0)],
  '<<': [8, (a, b) => a * 2 ** b],
  '>>': [8, (a, b) => Math.floor(a / 2 ** b)],
  '+': [9, (a, b) => a + b],
  '-': [9, (a, b) => a - b],
  '*': [10, (a, b) => a * b],
  '/': [10, (a, b) => Math.trunc(a / b)],
  '%': [10, (a, b) => a % b],
  '**': [11, (a, b) => a ** b],
};

const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

class Evaluator {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly toks: Tok[],
    private readonly vars: ArithVars,
  ) {}

  run(): number {
    if (this.peek().t === 'end') return 0;
    const v = this.comma(false);
    if (this.peek().t !== 'end') throw new ArithError('arithmetic syntax error');
    return v;
  }

  private peek(): Tok {
    return this.toks[this.i]!;
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new ArithError('arithmetic syntax error');
    this.i++;
  }

  private comma(skip: boolean): number {
    let v = this.assign(skip);
    while (this.isOp(',')) {
      this.i++;
      v = this.assign(skip);
    }
    return v;
  }

  private assign(skip: boolean): number {
    const t = this.peek();
    const next = this.toks[this.i + 1];
    if (t.t === 'name' && next?.t === 'op' && ASSIGN.has(next.v)) {
      this.i += 2;
      const rhs = this.assign(skip);
      if (skip) return 0;
      let v = rhs;
      if (next.v !== '=') {
        const op = BINARY[next.v.slice(0, -1)]!;
        const cur = this.value(t.v);
        if ((next.v === '/=' || next.v === '%=') && rhs === 0) throw new ArithError('divide by zero');
        v = op[1](cur, rhs);
      }
      v = Math.trunc(v);
      this.vars.set(t.v, String(v));
      return v;
    }
    return this.ternary(skip);
  }

  private ternary(skip: boolean): number {
    const cond = this.binary(1, skip);
    if (!this.isOp('?')) return cond;
    this.i++;
    const a = this.comma(skip || !cond);
    this.expect(':');
    const b = this.assign(skip || !!cond);
    return cond ? a : b;
  }

  private binary(minPrec: number, skip: boolean): number {
    let left = this.unary(skip);
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op') return left;
      const entry = BINARY[t.v];
      if (!entry || entry[0] < minPrec) return left;
      this.i++;
      const [prec, fn] = entry;
      const shortCircuit = (t.v === '&&' && !left) || (t.v === '||' && !!left);
      const right = this.binary(t.v === '**' ? prec : prec + 1, skip || shortCircuit);
      if (skip) {
        left = 0;
        continue;
      }
      if ((t.v === '/' || t.v === '%') && right === 0) throw new ArithError('divide by zero');
      left = Math.trunc(fn(left, right));
    }
  }

  private unary(skip: boolean): number {
    const t = this.peek();
    if (t.t === 'op') {
      if (t.v === '++' || t.v === '--') {
        this.i++;
        const name = this.peek();
        if (name.t !== 'name') throw new ArithError('arithmetic syntax error');
        this.i++;
        if (skip) return 0;
        const v = this.value(name.v) + (t.v === '++' ? 1 : -1);
        this.vars.set(name.v, String(v));
        return v;
      }
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        this.i++;
        const v = this.unary(skip);
        return t.v === '-' ? -v : t.v === '+' ? v : t.v === '!' ? (v ? 0 : 1) : ~v;
      }
      if (t.v === '(') {
        this.i++;
        const v = this.comma(skip);
        this.expect(')');
        return v;
      }
      throw new ArithError('arithmetic syntax error');
    }
    if (t.t === 'num') {
      this.i++;
      return t.v;
    }
    if (t.t === 'name') {
      this.i++;
      const post = this.peek();
      if (post.t === 'op' && (post.v === '++' || post.v === '--')) {
        this.i++;
        if (skip) return 0;
        const v = this.value(t.v);
        this.vars.set(t.v, String(v + (post.v === '++' ? 1 : -1)));
        return v;
      }
      return skip ? 0 : this.value(t.v);
    }
    throw new ArithError('arithmetic syntax error');
  }

  /** A variable's value: empty or unset is 0; a value that is itself an expression is evaluated. */
  private value(name: string): number {
    const raw = (this.vars.get(name) ?? '').trim();
    if (raw === '') return 0;
    if (/^-?[0-9]+$/.test(raw)) return Number(raw);
    if (this.depth > 10) throw new ArithError('expression recursion loop detected');
    this.depth++;
    try {
      return new Evaluator(tokenize(raw), this.vars).run();
    } finally {
      this.depth--;
    }
  }
}

export function evaluateArithmetic(expr: string, vars: ArithVars): number {
  return new Evaluator(tokenize(expr), vars).run();
}
