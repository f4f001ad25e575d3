/**
 * Converts a parsed YAML document to the JSON value kubectl sends, with go-yaml v2's rules
 * (sigs.k8s.io/yaml YAMLToJSON): YAML 1.1 plain scalars (`yes`/`no`/`on`/`off`/`y`/`n` are
 * booleans, `012` is octal, `1_000` is 1000, timestamps stay strings), map keys turned into
 * strings, merge keys (`<<`), the last of duplicate keys wins, and aliases resolved.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, Scalar } from 'yaml';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A conversion failure, with the message sigs.k8s.io/yaml gives (after `error converting YAML to JSON: `). */
export class YamlValueError extends Error {}

const BOOLS: Record<string, boolean> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
  BOOLS[s] = false;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': Number.NaN,
  '.NaN': Number.NaN,
  '.NAN': Number.NaN,
  '.inf': Number.POSITIVE_INFINITY,
  '.Inf': Number.POSITIVE_INFINITY,
  '.INF': Number.POSITIVE_INFINITY,
  '+.inf': Number.POSITIVE_INFINITY,
  '+.Inf': Number.POSITIVE_INFINITY,
  '+.INF': Number.POSITIVE_INFINITY,
  '-.inf': Number.NEGATIVE_INFINITY,
  '-.Inf': Number.NEGATIVE_INFINITY,
  '-.INF': Number.NEGATIVE_INFINITY,
};
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TIMESTAMP = /^[0-9]{4}-/;

/** strconv.ParseInt(s, 0, 64) for the forms YAML produces: decimal, 0x, 0o, 0b and leading-0 octal. */
function parseGoInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2]!;
  let value: number;
  if (/^0[xX]/.test(body)) value = Number.parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) value = Number.parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) value = Number.parseInt(body.slice(2), 2);
  else if (body.length > 1 && body.startsWith('0')) value = Number.parseInt(body.slice(1), 8);
  else value = Number.parseInt(body, 10);
  return sign * value;
}

/** yaml.v2 resolve() for an untagged plain scalar. */
export function resolvePlain(text: string): JsonValue | typeof Number.NaN {
  if (Object.hasOwn(BOOLS, text)) return BOOLS[text]!;
  if (NULLS.has(text)) return null;
  if (Object.hasOwn(SPECIAL_FLOATS, text)) return SPECIAL_FLOATS[text]!;
  const hint = text[0] ?? '';
  if (hint === '.') {
    return YAML_FLOAT.test(text) ? Number(text) : text;
  }
  if (/[-+0-9]/.test(hint)) {
    if (TIMESTAMP.test(text)) return text; // a timestamp decodes to a string in interface{}
    const plain = text.replaceAll('_', '');
    const int = parseGoInt(plain);
    if (int !== undefined) return int;
    if (YAML_FLOAT.test(plain)) return Number(plain);
    const bin = /^(-?)0b([01]+)$/.exec(plain);
    if (bin) return (bin[1] ? -1 : 1) * Number.parseInt(bin[2]!, 2);
  }
  return text;
}

function scalarValue(node: Scalar): JsonValue {
  const source = String(node.value ?? '');
  if (node.type !== Scalar.PLAIN) return source;
  if (node.tag === 'tag:yaml.org,2002:str') return source;
  return resolvePlain(source) as JsonValue;
}

/** A map key as sigs.k8s.io/yaml turns it into a JSON key. */
function keyString(value: JsonValue, mapped: () => JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (value === Number.POSITIVE_INFINITY) return '.inf';
    if (value === Number.NEGATIVE_INFINITY) return '-.inf';
    if (Number.isNaN(value)) return '.nan';
    return String(value);
  }
  const v = mapped();
  const shown = typeof v === 'string' ? JSON.stringify(v) : v === null ? '<nil>' : String(v);
  throw new YamlValueError(`Unsupported map key of type: %!s(<nil>), key: <nil>, value: ${shown}`);
}

function setKey(out: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  // defineProperty, so that a `__proto__` key is data, not the prototype.
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

export function toJsonValue(doc: Document, node: unknown = doc.contents): JsonValue {
  const seen = new Set<unknown>();
  const walk = (n: unknown): JsonValue => {
    if (n === null || n === undefined) return null;
    if (isAlias(n)) {
      const target = n.resolve(doc);
      if (!target) throw new YamlValueError(`yaml: unknown anchor '${n.source}' referenced`);
      if (seen.has(target)) throw new YamlValueError('yaml: anchor cycle');
      seen.add(target);
      try {
        return walk(target);
      } finally {
        seen.delete(target);
      }
    }
    if (isScalar(n)) {
      const v = scalarValue(n);
      if (typeof v === 'number' && !Number.isFinite(v)) {
        const shown = Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
        throw new YamlValueError(`json: unsupported value: ${shown}`);
      }
      return v;
    }
    if (isSeq(n)) return n.items.map((item) => walk(item));
    if (isMap(n)) {
      const out: { [key: string]: JsonValue } = {};
      for (const pair of n.items) {
        const keyNode = pair.key as Node | null;
        if (isScalar(keyNode) && keyNode.type === Scalar.PLAIN && keyNode.value === '<<') {
          mergeInto(out, pair.value);
          continue;
        }
        const key = keyString(keyNode === null ? null : walkKey(keyNode), () => walk(pair.value));
        setKey(out, key, walk(pair.value));
      }
      return out;
    }
    return null;
  };
  const walkKey = (n: unknown): JsonValue => {
    if (isScalar(n)) return scalarValue(n);
    if (isAlias(n)) return walk(n);
    throw new YamlValueError('yaml: invalid map key');
  };
  const mergeInto = (out: { [key: string]: JsonValue }, source: unknown) => {
    const sources = isSeq(source) ? source.items : [source];
    for (const s of sources) {
      const value = walk(s);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new YamlValueError('yaml: map merge requires map or sequence of maps as the value');
      }
      for (const [k, v] of Object.entries(value)) setKey(out, k, v);
    }
  };
  return walk(node);
}
