/**
 * The pod-template-hash (controller.ComputeHash): FNV-32a over the pod template, then over the
 * collision count, written in decimal and re-encoded with rand.SafeEncodeString.
 *
 * Upstream hashes Go's spew dump of the struct; we hash a canonical JSON form (keys sorted), so
 * the values differ from a real cluster while the format (9-10 characters of
 * `bcdfghjklmnpqrstvwxz2456789`) and the properties (stable, collision count changes it) match.
 */
import type { PodTemplateSpec } from '../../api/types.js';

/** The alphabet of utilrand.SafeEncodeString: no vowels, no confusable characters. */
const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv32a(hash: number, bytes: Uint8Array): number {
  let h = hash;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** rand.SafeEncodeString: each character mapped to SAFE_ALPHANUMS[code % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHANUMS[ch.codePointAt(0)! % SAFE_ALPHANUMS.length];
  return out;
}

/** ComputeHash(template, collisionCount): the value of the pod-template-hash label. */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(FNV_OFFSET, new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer: four bytes of count, four zeros.
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(h, bytes);
  }
  return safeEncodeString(String(h));
}
