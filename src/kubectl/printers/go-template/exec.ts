/**
 * The executor of text/template (text/template/exec.go, Go 1.24) over the values kubectl gives a
 * template. It follows Go's evaluation step for step, including which node an error names
 * (`template: output:1:8: executing "output" at <.a.b>: …`), interface{} unwrapping between
 * pipeline stages, missingkey=default (`<no value>`) versus missingkey=error, range over
 * integers, slices and maps (sorted keys), break and continue.
 */

import { compareBytes } from '../go-json.js';
import { strconvQuote } from '../go-sharp-v.js';
import { formatV } from './fmt.js';
import { FUNCS, FuncError, type GoFunc, type ParamType } from './funcs.js';
import type {
  ArgNode,
  BranchNode,
  CommandNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './nodes.js';
import { nodeString } from './nodes.js';
import type { Tree } from './parse.js';
import {
  GoNum,
  INVALID,
  ifaceRV,
  isMap,
  isTrue,
  type RV,
  rv,
  rvTypeName,
  unwrap,
  type Val,
} from './values.js';

export class TemplateExecError extends Error {}

const MAX_EXEC_DEPTH = 100000;

const MISSING: RV = { v: undefined, iface: false };

class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal();
const CONTINUE = new ContinueSignal();

export interface ExecOptions {
  /** missingkey=error (kubectl's --allow-missing-template-keys=false). */
  readonly missingKeyError: boolean;
}

/**
 * Executes the template on `data`, appending the output to `out` as it goes (so that the text
 * printed before an error is kept, as Go writes it to the writer).
 */
export function execute(tree: Tree, data: Val, out: string[], opts: ExecOptions): void {
  const s = new State(tree, tree.name, out, opts, 0);
  s.vars.push({ name: '$', value: rv(data) });
  s.walk(rv(data), tree.root);
}

class State {
  node: Node | undefined;
  readonly vars: { name: string; value: RV }[] = [];

  constructor(
    private readonly tree: Tree,
    /** The template being executed (`executing "NAME"`); locations keep the parse name. */
    private readonly name: string,
    private readonly out: string[],
    private readonly opts: ExecOptions,
    private readonly depth: number,
  ) {}

  private at(node: Node): void {
    this.node = node;
  }

  private errorf(message: string): never {
    const name = this.name;
    if (!this.node) throw new TemplateExecError(`template: ${name}: ${message}`);
    const pos = this.node.pos;
    const before = this.tree.text.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    const col = Buffer.byteLength(nl < 0 ? before : before.slice(nl + 1), 'utf8');
    const line = 1 + before.split('\n').length - 1;
    throw new TemplateExecError(
      `template: ${this.tree.name}:${line}:${col}: executing "${name}" at <${nodeString(this.node)}>: ${message}`,
    );
  }

  private mark(): number {
    return this.vars.length;
  }

  private pop(mark: number): void {
    this.vars.length = mark;
  }

  private setVar(name: string, value: RV): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: RV): void {
    this.vars[this.vars.length - n]!.value = value;
  }

  private varValue(name: string): RV {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    this.errorf(`undefined variable: ${name}`);
  }

  walk(dot: RV, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'if':
      case 'with':
        this.walkIfOrWith(node, dot);
        return;
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'text':
        this.out.push(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkTemplate(dot: RV, t: TemplateNode): void {
    this.at(t);
    const root = this.tree.defined.get(t.name);
    if (!root) this.errorf(`template ${strconvQuote(t.name)} not defined`);
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : INVALID;
    const s = new State(this.tree, t.name, this.out, this.opts, this.depth + 1);
    s.vars.push({ name: '$', value: newDot });
    try {
      s.walk(newDot, root);
    } catch (e) {
      // Go allows 100000 nested calls; JavaScript's stack ends sooner.
      if (e instanceof RangeError) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
      throw e;
    }
  }

  private walkIfOrWith(node: BranchNode, dot: RV): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(unwrap(val).v)) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: RV, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = unwrap(this.evalPipeline(dot, r.pipe));
      const mark = this.mark();
      const decl = r.pipe.decl;
      const oneIteration = (index: RV, elem: RV) => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      const v = val.v;
      if (v instanceof GoNum && v.isInt) {
        if (decl.length > 1) this.errorf(`can't use ${formatV(v)} to iterate over more than one variable`);
        if (v.n > 0) {
          for (let i = 0; i < v.n; i++) oneIteration(INVALID, rv(new GoNum(v.type, i)));
          return;
        }
      } else if (Array.isArray(v)) {
        if (v.length > 0) {
          v.forEach((e, i) => {
            oneIteration(rv(new GoNum('int', i)), ifaceRV(e));
          });
          return;
        }
      } else if (isMap(v)) {
        const keys = Object.keys(v).sort(compareBytes);
        if (keys.length > 0) {
          for (const k of keys) oneIteration(rv(k), ifaceRV(v[k]!));
          return;
        }
      } else if (v !== undefined) {
        this.errorf(`range can't iterate over ${formatV(v)}`);
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  private evalPipeline(dot: RV, pipe: PipeNode): RV {
    this.at(pipe);
    let value = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value.iface) value = unwrap(value);
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.vars.push({ name: v.ident[0]!, value });
    }
    return value;
  }

  private notAFunction(args: readonly ArgNode[] | undefined, final: RV): void {
    if ((args && args.length > 1) || final !== MISSING)
      this.errorf(`can't give argument to non-function ${nodeString(args![0]!)}`);
  }

  private evalCommand(dot: RV, cmd: CommandNode, final: RV): RV {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return rv(first.value);
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
        break;
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return rv(first.text);
    }
    this.errorf(`can't evaluate command ${JSON.stringify(nodeString(first))}`);
  }

  private idealConstant(c: NumberNode): RV {
    this.at(c);
    const hexInt = /^[+-]?0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    const runeInt = c.text.startsWith("'");
    if (c.isFloat && !hexInt && !runeInt && /[.eEpP]/.test(c.text)) return rv(new GoNum('float64', c.float));
    if (c.isInt) return rv(new GoNum('int', c.int));
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return INVALID;
  }

  private evalFieldNode(
    dot: RV,
    field: Extract<ArgNode, { type: 'field' }>,
    args: readonly ArgNode[] | undefined,
    final: RV,
  ): RV {
    this.at(field);
    return this.evalFieldChain(dot, field.ident, args, final);
  }

  private evalChainNode(
    dot: RV,
    chain: Extract<ArgNode, { type: 'chain' }>,
    args: readonly ArgNode[] | undefined,
    final: RV,
  ): RV {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(pipe, chain.field, args, final);
  }

  private evalVariableNode(variable: VariableNode, args: readonly ArgNode[] | undefined, final: RV): RV {
    this.at(variable);
    const value = this.varValue(variable.ident[0]!);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(value, variable.ident.slice(1), args, final);
  }

  /** Go's evalFieldChain; `dot` and `node` only matter for method calls, which JSON has none of. */
  private evalFieldChain(
    receiver: RV,
    ident: readonly string[],
    args: readonly ArgNode[] | undefined,
    final: RV,
  ): RV {
    let r = receiver;
    for (let i = 0; i < ident.length - 1; i++) r = this.evalField(ident[i]!, undefined, MISSING, r);
    return this.evalField(ident[ident.length - 1]!, args, final, r);
  }

  private evalField(fieldName: string, args: readonly ArgNode[] | undefined, final: RV, receiver: RV): RV {
    if (receiver.v === undefined) {
      if (this.opts.missingKeyError) this.errorf(`nil data; no entry for key ${JSON.stringify(fieldName)}`);
      return INVALID;
    }
    const typ = rvTypeName(receiver);
    const v = receiver.v;
    if (v === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    if (isMap(v)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      if (Object.hasOwn(v, fieldName)) return ifaceRV(v[fieldName]!);
      if (this.opts.missingKeyError) this.errorf(`map has no entry for key ${JSON.stringify(fieldName)}`);
      return INVALID;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalFunction(
    dot: RV,
    node: Extract<ArgNode, { type: 'identifier' }>,
    cmd: Node,
    args: readonly ArgNode[] | undefined,
    final: RV,
  ): RV {
    this.at(node);
    const fn = FUNCS.get(node.ident);
    if (!fn) this.errorf(`${JSON.stringify(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, node.ident, args, final);
  }

  private evalCall(
    dot: RV,
    fn: GoFunc,
    node: Node,
    name: string,
    argsIn: readonly ArgNode[] | undefined,
    final: RV,
  ): RV {
    const args = argsIn ? argsIn.slice(1) : [];
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length} got ${args.length}`);
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }
    if (name === 'and' || name === 'or') {
      let v = INVALID;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(unwrap(v).v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const argv: RV[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i]!));
    if (fn.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i]!));
    if (final !== MISSING) {
      let t: ParamType | undefined = fn.params[fn.params.length - 1];
      if (fn.variadic) t = numIn - 1 < numFixed ? fn.params[numIn - 1] : fn.variadic;
      argv.push(this.validateType(final, t));
    }
    const calleeName = name === 'call' ? (args[0] ? nodeString(args[0]) : String(final.v)) : name;
    try {
      return fn.call(argv, calleeName);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  /** validateType: converts a value for a parameter of the given type. */
  private validateType(value: RV, typ: ParamType | undefined): RV {
    if (typ === undefined || typ === 'value') return value;
    if (typ === 'any') return rv(value.v === undefined ? null : value.v);
    if (value.v === undefined) this.errorf(`invalid value; expected ${typ}`);
    let v = value;
    if (v.iface && v.v !== null) v = unwrap(v);
    if (typeof v.v !== 'string') this.errorf(`wrong type for value; expected string; got ${rvTypeName(v)}`);
    return v;
  }

  private evalArg(dot: RV, typ: ParamType | undefined, n: ArgNode): RV {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'value') return INVALID;
        if (typ === 'any') return rv(null);
        this.errorf(`cannot assign nil to ${typ ?? '<nil>'}`);
        break;
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(n, undefined, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier': {
        const fn = FUNCS.get(n.ident);
        if (!fn) this.errorf(`${JSON.stringify(n.ident)} is not a defined function`);
        this.at(n);
        return this.validateType(this.evalCall(dot, fn, n, n.ident, undefined, MISSING), typ);
      }
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), typ);
    }
    if (typ === 'string') {
      if (n.type === 'string') return rv(n.text);
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    switch (n.type) {
      case 'bool':
        return rv(n.value);
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return rv(n.text);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private printValue(n: Node, v: RV): void {
    this.at(n);
    this.out.push(v.v === undefined ? '<no value>' : formatV(v.v));
  }
}
