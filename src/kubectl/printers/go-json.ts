/**
 * Go's encoding/json output for JSON-like values, as kubectl prints unstructured objects: map keys
 * sorted bytewise, `<`, `>`, `&`, U+2028 and U+2029 escaped as \u003c-style sequences (HTML-safe
 * encoding), control characters as \n, \r, \t, \b, \f or \u00XX.
 */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const ASCII = /^[\x00-\x7f]*$/;

function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => compareBytes(a, b));
}

/** Bytewise comparison of the UTF-8 encodings, as Go compares strings. */
export function compareBytes(a: string, b: string): number {
  // ASCII (all of Kubernetes' field names) compares the same as code units.
  if (ASCII.test(a) && ASCII.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ba, bb);
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  return goJsonString(String(value));
}

/** json.Marshal: compact. */
export function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${sortedKeys(obj)
      .map((k) => `${goJsonString(k)}:${goJson(obj[k])}`)
      .join(',')}}`;
  }
  return scalar(value);
}

/** json.MarshalIndent(value, "", indent) of maps (unstructured content): keys sorted. */
export function goJsonIndent(value: unknown, indent = '    ', prefix = ''): string {
  return marshalIndent(value, indent, prefix, true);
}

/**
 * json.MarshalIndent of a typed Go object: fields in struct order, which is the order the object
 * was built in here.
 */
export function goJsonIndentOrdered(value: unknown, indent = '    '): string {
  return marshalIndent(value, indent, '', false);
}

function marshalIndent(value: unknown, indent: string, prefix: string, sorted: boolean): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = prefix + indent;
    return `[\n${value.map((v) => inner + marshalIndent(v, indent, inner, sorted)).join(',\n')}\n${prefix}]`;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = sorted ? sortedKeys(obj) : Object.keys(obj).filter((k) => obj[k] !== undefined);
    if (keys.length === 0) return '{}';
    const inner = prefix + indent;
    return `{\n${keys
      .map((k) => `${inner}${goJsonString(k)}: ${marshalIndent(obj[k], indent, inner, sorted)}`)
      .join(',\n')}\n${prefix}}`;
  }
  return scalar(value);
}
