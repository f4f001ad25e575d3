/**
 * The parser of text/template (text/template/parse/parse.go, Go 1.24), ported function for
 * function so that errors read as Go's: `template: output:1: unexpected "," in operand`.
 *
 * Named templates ({{define}}, {{block}}) go into the tree's `defined` map, as Go's treeSet.
 * Simplified: complex constants (`1+2i`) are refused with UnsupportedTemplateError.
 */
import { type Item, Lexer, T } from './lex.js';
import type {
  ArgNode,
  BranchNode,
  CommandNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  VariableNode,
} from './nodes.js';
import { nodeString } from './nodes.js';
import { unquote, unquoteRune } from './unquote.js';

export class TemplateParseError extends Error {}

export class UnsupportedTemplateError extends Error {}

export interface Tree {
  readonly name: string;
  readonly text: string;
  readonly root: ListNode;
  /** Every template by name, the top-level one included (Go's treeSet). */
  readonly defined: ReadonlyMap<string, ListNode>;
}

/** Go's %q of a string, for the ASCII texts templates are written in (item String()). */
function q(s: string): string {
  return JSON.stringify(s);
}

function itemString(i: Item): string {
  if (i.typ === T.EOF) return 'EOF';
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  const chars = [...i.val];
  if (chars.length > 10) return `${q(chars.slice(0, 10).join(''))}...`;
  return q(i.val);
}

export function parseTemplate(name: string, text: string, funcs: ReadonlySet<string>): Tree {
  const p = new Parser(name, text, funcs);
  const root = p.parse();
  p.add(name, root);
  return { name, text, root: p.defined.get(name) ?? root, defined: p.defined };
}

class Parser {
  private readonly lex: Lexer;
  private readonly token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;
  readonly defined = new Map<string, ListNode>();

  constructor(
    private readonly name: string,
    text: string,
    private readonly funcs: ReadonlySet<string>,
  ) {
    this.lex = new Lexer(text);
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount]!;
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    for (;;) {
      const t = this.next();
      if (t.typ !== T.Space) return t;
    }
  }

  private peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  private errorf(message: string): never {
    throw new TemplateParseError(`template: ${this.name}:${this.token[0]?.line ?? 1}: ${message}`);
  }

  private expect(expected: T, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== expected) this.unexpected(t, context);
    return t;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === T.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.name}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  parse(): ListNode {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        const t = this.nextNonSpace();
        if (t.typ === T.Define) {
          this.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    return root;
  }

  /** A new Tree sharing the lexer (startParse): its own variables and range depth. */
  private asNewTree<R>(fn: () => R): R {
    const vars = this.vars;
    const rangeDepth = this.rangeDepth;
    this.vars = ['$'];
    this.rangeDepth = 0;
    try {
      return fn();
    } finally {
      this.vars = vars;
      this.rangeDepth = rangeDepth;
    }
  }

  add(name: string, root: ListNode): void {
    const existing = this.defined.get(name);
    if (!existing || isEmptyTree(existing)) this.defined.set(name, root);
    else if (!isEmptyTree(root)) this.errorf(`template: multiple definition of template ${q(name)}`);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    this.asNewTree(() => {
      const t = this.nextNonSpace();
      if (t.typ !== T.String && t.typ !== T.RawString) this.unexpected(t, context);
      const name = this.unquoteOrFail(t.val);
      this.expect(T.RightDelim, context);
      const { list, next } = this.itemList();
      if (next.type !== 'end') this.errorf(`unexpected ${nodeString(next)} in ${context}`);
      this.add(name, list);
    });
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === T.String || token.typ === T.RawString) return this.unquoteOrFail(token.val);
    this.unexpected(token, context);
  }

  private unquoteOrFail(lit: string): string {
    try {
      return unquote(lit);
    } catch (e) {
      this.errorf((e as Error).message);
    }
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, T.RightDelim);
    this.asNewTree(() => {
      const { list, next } = this.itemList();
      if (next.type !== 'end') this.errorf(`unexpected ${nodeString(next)} in ${context}`);
      this.add(name, list);
    });
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private itemList(): { list: ListNode; next: Node } {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return { list, next: n };
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Text:
        return { type: 'text', pos: token.pos, text: token.val };
      case T.LeftDelim:
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Block:
        return this.blockControl();
      case T.Template:
        return this.templateControl();
      case T.Break:
      case T.Continue: {
        const what = token.typ === T.Break ? 'break' : 'continue';
        const t = this.nextNonSpace();
        if (t.typ !== T.RightDelim) this.unexpected(t, `{{${what}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${what}}} outside {{range}}`);
        return { type: what, pos: token.pos, line: token.line };
      }
      case T.Else:
        return this.elseControl();
      case T.End:
        return { type: 'end', pos: this.expect(T.RightDelim, 'end').pos, line: token.line };
      case T.If:
        return this.branch('if');
      case T.Range:
        return this.branch('range');
      case T.With:
        return this.branch('with');
    }
    this.backup();
    const t = this.peek();
    return { type: 'action', pos: t.pos, line: t.line, pipe: this.pipeline('command', T.RightDelim) };
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === T.If || peek.typ === T.With) return { type: 'else', pos: peek.pos, line: peek.line };
    const t = this.expect(T.RightDelim, 'else');
    return { type: 'else', pos: t.pos, line: t.line };
  }

  private branch(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, T.RightDelim);
      if (context === 'range') this.rangeDepth++;
      let { list, next } = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        if (
          (context === 'if' && this.peek().typ === T.If) ||
          (context === 'with' && this.peek().typ === T.With)
        ) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branch(context)] };
        } else {
          ({ list: elseList, next } = this.itemList());
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private pipeline(context: string, end: T): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = {
      type: 'pipe',
      pos: token.pos,
      line: token.line,
      isAssign: false,
      decl: [],
      cmds: [],
    };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === T.Assign || next.typ === T.Declare) {
        pipe.isAssign = next.typ === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === T.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === T.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.typ) {
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]!.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string')
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === T.Space) continue;
      if (t.typ === T.RightDelim || t.typ === T.RightParen) this.backup();
      else if (t.typ !== T.Pipe) this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | undefined {
    let node = this.term();
    if (!node) return undefined;
    if (this.peek().typ === T.Field) {
      const pos = this.peek().pos;
      const field: string[] = [];
      while (this.peek().typ === T.Field) field.push(this.next().val.slice(1));
      const chain: ArgNode = { type: 'chain', pos, node, field };
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos, ident: [...node.ident, ...field] };
          break;
        case 'variable':
          node = { type: 'variable', pos, ident: [...node.ident, ...field] };
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${q(nodeString(node))}`);
          break;
        default:
          node = chain;
      }
    }
    return node;
  }

  private term(): ArgNode | undefined {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Identifier:
        if (!this.funcs.has(token.val)) this.errorf(`function ${q(token.val)} not defined`);
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case T.Dot:
        return { type: 'dot', pos: token.pos };
      case T.Nil:
        return { type: 'nil', pos: token.pos };
      case T.Variable:
        return this.useVar(token.pos, token.val);
      case T.Field:
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case T.Bool:
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case T.CharConstant:
      case T.Complex:
      case T.Number:
        return this.newNumber(token);
      case T.LeftParen:
        return this.pipeline('parenthesized pipeline', T.RightParen);
      case T.String:
      case T.RawString: {
        const text = this.unquoteOrFail(token.val);
        return { type: 'string', pos: token.pos, quoted: token.val, text };
      }
    }
    this.backup();
    return undefined;
  }

  private newVariable(pos: number, name: string): VariableNode {
    return { type: 'variable', pos, ident: name.split('.') };
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${q(v.ident[0]!)}`);
    return v;
  }

  private newNumber(token: Item): NumberNode {
    const text = token.val;
    const base = { type: 'number' as const, pos: token.pos, text };
    if (token.typ === T.CharConstant) {
      let r: number | undefined;
      try {
        r = unquoteRune(text);
      } catch (e) {
        this.errorf((e as Error).message);
      }
      if (r === undefined) this.errorf(`malformed character constant: ${text}`);
      return { ...base, isInt: true, isUint: true, isFloat: true, int: r, float: r };
    }
    if (token.typ === T.Complex || (text.endsWith('i') && parseGoFloat(text.slice(0, -1)) !== undefined))
      throw new UnsupportedTemplateError('complex constants');
    const i = parseGoInt(text);
    if (i !== undefined) {
      const inInt64 = i >= -(2n ** 63n) && i < 2n ** 63n;
      const inUint64 = i >= 0n && i < 2n ** 64n;
      if (inInt64 || inUint64)
        return { ...base, isInt: inInt64, isUint: inUint64, isFloat: true, int: Number(i), float: Number(i) };
    }
    const f = parseGoFloat(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${q(text)}`);
      const whole = Number.isInteger(f);
      return {
        ...base,
        isInt: whole && Math.abs(f) < 2 ** 63,
        isUint: whole && f >= 0,
        isFloat: true,
        int: f,
        float: f,
      };
    }
    this.errorf(`illegal number syntax: ${q(text)}`);
  }
}

/** parse.IsEmptyTree: nothing but space and comments. */
function isEmptyTree(n: Node): boolean {
  if (n.type === 'list') return n.nodes.every(isEmptyTree);
  if (n.type === 'text') return n.text.trim() === '';
  return false;
}

/** strconv.ParseInt(text, 0, 64) without the range check: undefined when not an integer literal. */
function parseGoInt(text: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!m) return undefined;
  let body = m[2]!;
  if (body.includes('_')) {
    if (!/^(0[xXoObB]?)?(_?[0-9a-fA-F]+)+$/.test(body)) return undefined;
    body = body.replaceAll('_', '');
  }
  let value: bigint;
  if (/^0[0-7]+$/.test(body)) value = BigInt(`0o${body.slice(1)}`);
  else value = BigInt(body.replace(/^0[oO]/, '0o'));
  return m[1] === '-' ? -value : value;
}

function parseGoFloat(text: string): number | undefined {
  const t = text.replaceAll('_', '');
  if (/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)$/.test(t)) return Number(t);
  return undefined;
}
