/**
 * text/template's builtin functions (text/template/funcs.go) plus the two kubectl adds
 * (cli-runtime printers: `exists`, `base64decode`). Sprig is not in kubectl v1.33.
 *
 * Each function declares its Go parameter types, because the executor converts arguments as
 * reflect does: `value` is a reflect.Value (passed as it is, even invalid), `any` an interface{}
 * (an invalid value becomes nil), `string` must hold a string.
 */
import { sprint, sprintf, sprintln } from './fmt.js';
import { GoNum, INVALID, ifaceRV, isMap, isTrue, type RV, rv, typeName, unwrap, type Val } from './values.js';

export type ParamType = 'value' | 'any' | 'string';

export interface GoFunc {
  readonly params: readonly ParamType[];
  /** The element type of a final variadic parameter. */
  readonly variadic?: ParamType;
  readonly call: (args: RV[], calleeName: string) => RV;
}

/** An error a function returns: the executor reports it as `error calling NAME: …`. */
export class FuncError extends Error {}

type Kind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(x: RV): Kind {
  const v = x.v;
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof GoNum) return v.type === 'float64' ? 'float' : v.type === 'uint8' ? 'uint' : 'int';
  return 'invalid';
}

function num(x: RV): number {
  return (x.v as GoNum).n;
}

/** reflect.Value's type string for error texts. */
function rvType(x: RV): string {
  return x.iface ? 'interface {}' : typeName(x.v);
}

const BAD_TYPE = 'invalid type for comparison';
const BAD_COMPARISON = 'incompatible types for comparison';

function eq(arg1In: RV, rest: RV[]): boolean {
  const arg1 = unwrap(arg1In);
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const argIn of rest) {
    const arg = unwrap(argIn);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) truth = num(arg1) === num(arg);
      else if (arg1.v !== undefined && arg.v !== undefined) throw new FuncError(BAD_COMPARISON);
    } else if (k1 === 'invalid') {
      const nil1 = arg1.v === undefined;
      const nil2 = arg.v === undefined;
      if (!nil1 && !nil2 && Array.isArray(arg1.v) !== Array.isArray(arg.v)) {
        throw new FuncError(
          `non-comparable types ${sprintf('%s', [arg1.v!])}: ${rvType(arg1)}, ${rvType(arg)}: ${sprint([arg.v!])}`,
        );
      }
      if (nil1 || nil2) truth = nil1 === nil2;
      else throw new FuncError(`non-comparable type ${sprintf('%s', [arg.v!])}: ${rvType(arg)}`);
    } else if (k1 === 'bool' || k1 === 'string') truth = arg1.v === arg.v;
    else truth = num(arg1) === num(arg);
    if (truth) return true;
  }
  return false;
}

function lt(a: RV, b: RV): boolean {
  const arg1 = unwrap(a);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') throw new FuncError(BAD_TYPE);
  const arg2 = unwrap(b);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') throw new FuncError(BAD_TYPE);
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return num(arg1) < num(arg2);
    throw new FuncError(BAD_COMPARISON);
  }
  if (k1 === 'bool') throw new FuncError(BAD_TYPE);
  if (k1 === 'string') return (arg1.v as string) < (arg2.v as string);
  return num(arg1) < num(arg2);
}

function le(a: RV, b: RV): boolean {
  return lt(a, b) || eq(a, [b]);
}

function bool(b: boolean): RV {
  return rv(b);
}

function int(n: number): RV {
  return rv(new GoNum('int', n));
}

/** indexArg: an int-kinded index within [0, cap]. */
function indexArg(index: RV, cap: number): number {
  if (index.v === undefined) throw new FuncError('cannot index slice/array with nil');
  if (index.iface || !(index.v instanceof GoNum) || !index.v.isInt)
    throw new FuncError(`cannot index slice/array with type ${rvType(index)}`);
  const x = index.v.n;
  if (x < 0 || x > cap) throw new FuncError(`index out of range: ${x}`);
  return x;
}

function index(itemIn: RV, indexes: RV[]): RV {
  let item = unwrap(itemIn);
  if (item.v === undefined) throw new FuncError('index of untyped nil');
  for (const indexIn of indexes) {
    const idx = unwrap(indexIn);
    if (item.v === null) throw new FuncError('index of nil pointer');
    const v: Val = item.v!;
    if (typeof v === 'string' || Array.isArray(v)) {
      if (typeof v === 'string') {
        const bytes = Buffer.from(v, 'utf8');
        const x = indexArg(idx, bytes.length);
        // indexArg lets x == len through; reflect's Index then panics (recovered by safeCall).
        if (x === bytes.length) throw new FuncError('reflect: string index out of range');
        item = rv(new GoNum('uint8', bytes[x]!));
      } else {
        const x = indexArg(idx, v.length);
        if (x === v.length) throw new FuncError('reflect: slice index out of range');
        item = ifaceRV(v[x]!);
      }
    } else if (isMap(v)) {
      if (idx.v === undefined) {
        item = ifaceRV(null);
        if (Object.hasOwn(v, '')) item = ifaceRV(v['']!);
        continue;
      }
      if (typeof idx.v !== 'string')
        throw new FuncError(`value has type ${typeName(idx.v)}; should be string`);
      item = Object.hasOwn(v, idx.v) ? ifaceRV(v[idx.v]!) : ifaceRV(null);
    } else {
      throw new FuncError(`can't index item of type ${typeName(v)}`);
    }
  }
  return item;
}

function slice(itemIn: RV, indexes: RV[]): RV {
  const item = unwrap(itemIn);
  if (item.v === undefined) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  const v = item.v;
  let len: number;
  if (typeof v === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = Buffer.byteLength(v, 'utf8');
  } else if (Array.isArray(v)) len = v.length;
  else throw new FuncError(`can't slice item of type ${typeName(v)}`);
  const idx = [0, len, len];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, len);
  });
  if (idx[0]! > idx[1]!) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!)
    throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof v === 'string') return rv(Buffer.from(v, 'utf8').subarray(idx[0], idx[1]).toString('utf8'));
  return rv((v as Val[]).slice(idx[0], idx[1]));
}

function length(x: RV): RV {
  if (x.iface && x.v === null) throw new FuncError('len of nil pointer');
  const v = x.v;
  if (v === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof v === 'string') return int(Buffer.byteLength(v, 'utf8'));
  if (Array.isArray(v)) return int(v.length);
  if (isMap(v)) return int(Object.keys(v).length);
  throw new FuncError(`len of type ${typeName(v)}`);
}

function anyArgs(args: RV[]): Val[] {
  return args.map((a) => (a.v === undefined ? null : a.v));
}

/** evalArgs in funcs.go: one string argument as it is, else fmt.Sprint of them all. */
function evalArgs(args: RV[]): string {
  if (args.length === 1 && typeof args[0]!.v === 'string') return args[0]!.v;
  return sprint(anyArgs(args));
}

const HTML_ESCAPES: Record<string, string> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]!);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === '<' || ch === '>' || ch === '&' || ch === '=' || c < 0x20)
      out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else if (c >= 0x80 && !/^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u.test(ch))
      out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** url.QueryEscape. */
function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const B64 = /^[A-Za-z0-9+/]$/;

/** base64.StdEncoding.DecodeString's checks (decodeQuantum), with its CorruptInputError offsets. */
function base64decode(src: string): string {
  const bad = (i: number) => new FuncError(`base64 decode failed: illegal base64 data at input byte ${i}`);
  const isNl = (c: string | undefined) => c === '\n' || c === '\r';
  let si = 0;
  let data = '';
  for (;;) {
    let quantum = '';
    let done = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) done = true;
        else throw bad(si - j);
        break;
      }
      const c = src[si++]!;
      if (B64.test(c)) {
        quantum += c;
        continue;
      }
      if (isNl(c)) {
        j--;
        continue;
      }
      if (c !== '=' || j < 2) throw bad(si - 1);
      if (j === 2) {
        while (si < src.length && isNl(src[si])) si++;
        if (si === src.length) throw bad(src.length);
        if (src[si] !== '=') throw bad(si - 1);
        si++;
      }
      while (si < src.length && isNl(src[si])) si++;
      if (si < src.length) throw bad(si);
      done = true;
      break;
    }
    data += quantum;
    if (done) break;
  }
  return Buffer.from(data, 'base64').toString('utf8');
}

/** kubectl's exists (cli-runtime printers/jsonpath.go): could `index` be called with these? */
function exists(item: RV, indices: RV[]): boolean {
  // reflect.ValueOf(nil) is the invalid Value, which indirect() does not call nil: `exists nil`
  // is true. A nil taken out of a map or slice is a nil interface, which it does.
  let v: Val | undefined = item.v === null ? undefined : item.v;
  for (const i of indices) {
    if (v === null || v === undefined) return false;
    const x = i.v;
    if (typeof v === 'string' || Array.isArray(v)) {
      if (!(x instanceof GoNum) || !x.isInt) return false;
      const n = typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : v.length;
      if (x.n < 0 || x.n >= n) return false;
      v = typeof v === 'string' ? new GoNum('uint8', Buffer.from(v, 'utf8')[x.n]!) : v[x.n]!;
    } else if (isMap(v)) {
      const key = x === null || x === undefined ? '' : x;
      if (typeof key !== 'string') return false;
      v = Object.hasOwn(v, key) ? v[key]! : null;
    } else return false;
  }
  return v !== null;
}

export const FUNCS: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  // and/or are evaluated lazily by the executor; these entries give their signature.
  ['and', { params: ['value'], variadic: 'value', call: () => INVALID }],
  ['or', { params: ['value'], variadic: 'value', call: () => INVALID }],
  ['not', { params: ['value'], call: ([a]) => bool(!isTrue(unwrap(a!).v)) }],
  [
    'call',
    {
      params: ['value'],
      variadic: 'value',
      call: ([fn], name) => {
        const f = unwrap(fn!);
        if (f.v === undefined) throw new FuncError('call of nil');
        throw new FuncError(`non-function ${name} of type ${typeName(f.v)}`);
      },
    },
  ],
  ['html', { params: [], variadic: 'any', call: (args) => rv(htmlEscape(evalArgs(args))) }],
  ['index', { params: ['value'], variadic: 'value', call: ([item, ...rest]) => index(item!, rest) }],
  ['slice', { params: ['value'], variadic: 'value', call: ([item, ...rest]) => slice(item!, rest) }],
  ['js', { params: [], variadic: 'any', call: (args) => rv(jsEscape(evalArgs(args))) }],
  ['len', { params: ['value'], call: ([a]) => length(a!) }],
  ['print', { params: [], variadic: 'any', call: (args) => rv(sprint(anyArgs(args))) }],
  [
    'printf',
    {
      params: ['string'],
      variadic: 'any',
      call: ([f, ...rest]) => rv(sprintf(f!.v as string, anyArgs(rest))),
    },
  ],
  ['println', { params: [], variadic: 'any', call: (args) => rv(sprintln(anyArgs(args))) }],
  ['urlquery', { params: [], variadic: 'any', call: (args) => rv(queryEscape(evalArgs(args))) }],
  ['eq', { params: ['value'], variadic: 'value', call: ([a, ...rest]) => bool(eq(a!, rest)) }],
  ['ge', { params: ['value', 'value'], call: ([a, b]) => bool(!lt(a!, b!)) }],
  ['gt', { params: ['value', 'value'], call: ([a, b]) => bool(!le(a!, b!)) }],
  ['le', { params: ['value', 'value'], call: ([a, b]) => bool(le(a!, b!)) }],
  ['lt', { params: ['value', 'value'], call: ([a, b]) => bool(lt(a!, b!)) }],
  ['ne', { params: ['value', 'value'], call: ([a, b]) => bool(!eq(a!, [b!])) }],
  ['exists', { params: ['any'], variadic: 'any', call: ([item, ...rest]) => bool(exists(item!, rest)) }],
  ['base64decode', { params: ['string'], call: ([s]) => rv(base64decode(s!.v as string)) }],
]);

export const FUNC_NAMES: ReadonlySet<string> = new Set(FUNCS.keys());
