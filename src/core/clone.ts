/** A deep copy of a JSON-like value; `undefined` properties are dropped, as JSON would. */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const source = value as Record<string, unknown>;
  if (hasUndefined(source)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      const v = source[key];
      if (v !== undefined) out[key] = clone(v);
    }
    return out as T;
  }
  // Spread, then deep-copy the nested values in place: a spread copy keeps its properties
  // inside the object, where one built key by key grows a separate store for them. Stored
  // objects and their history are made of these copies.
  const out: Record<string, unknown> = { ...source };
  for (const key in out) {
    const v = out[key];
    if (v !== null && typeof v === 'object') out[key] = clone(v);
  }
  return out as T;
}

/** Whether an object has a property set to `undefined`. */
export function hasUndefined(value: Record<string, unknown>): boolean {
  for (const key in value) if (value[key] === undefined) return true;
  return false;
}

/**
 * Freezes a JSON-like value all the way down, so stored objects cannot be changed in place.
 * Parts already frozen (shared with an earlier stored version) are not walked again.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // for…in rather than Object.keys: no array per object on the write path (JSON-like values
    // have no inherited enumerable properties).
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Structural equality of JSON-like values (Go's semantic DeepEqual for our purposes); properties
 * set to `undefined` count as absent. Written without intermediate arrays: every status write
 * compares the new status with the stored one.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const aa = a as unknown[];
    const bb = b as unknown[];
    if (aa.length !== bb.length) return false;
    for (let i = 0; i < aa.length; i++) if (!deepEqual(aa[i], bb[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let defined = 0;
  for (const key in ra) {
    const v = ra[key];
    if (v === undefined) continue;
    defined++;
    if (!deepEqual(v, rb[key])) return false;
  }
  for (const key in rb) if (rb[key] !== undefined) defined--;
  return defined === 0;
}

/** compareAndShare's answer: bit EQUAL as deepEqual says, bit SAME_ORDER when keys also come in the same order. */
export const EQUAL = 1;
export const SAME_ORDER = 2;
const IDENTICAL = EQUAL | SAME_ORDER;

/**
 * Compares a new version of a value with the old one and lets the new one share what did not
 * change. Returns deepEqual's verdict (bit EQUAL) and whether the keys also come in the same
 * order everywhere (bit SAME_ORDER). Every part of `next` that is identical to the matching part
 * of `prev` (equal, keys in the same order, so both print alike) is replaced by prev's own part,
 * wherever `next` is not frozen. Stored objects are frozen and kept by the history, so a status
 * write that changes one condition then keeps only that condition as new; the rest is the
 * previous version's, held once.
 */
export function compareAndShare(next: unknown, prev: unknown): number {
  if (next === prev) return IDENTICAL;
  if (next === null || prev === null || typeof next !== 'object' || typeof prev !== 'object') return 0;
  const isArray = Array.isArray(next);
  if (isArray !== Array.isArray(prev)) return 0;
  const writable = !Object.isFrozen(next);
  if (isArray) {
    const nn = next as unknown[];
    const pp = prev as unknown[];
    let result = nn.length === pp.length ? IDENTICAL : 0;
    for (let i = 0; i < nn.length; i++) {
      const r = i < pp.length ? compareAndShare(nn[i], pp[i]) : 0;
      if (r === IDENTICAL && writable) nn[i] = pp[i];
      result &= r;
    }
    return result;
  }
  const rn = next as Record<string, unknown>;
  const rp = prev as Record<string, unknown>;
  const prevKeys = Object.keys(rp);
  let result = IDENTICAL;
  let at = 0;
  let defined = 0;
  for (const key in rn) {
    const v = rn[key];
    if (v === undefined) continue;
    defined++;
    while (at < prevKeys.length && rp[prevKeys[at]!] === undefined) at++;
    if (prevKeys[at] !== key) result &= EQUAL;
    at++;
    const p = rp[key];
    const r = p === undefined ? 0 : compareAndShare(v, p);
    if (r === IDENTICAL && writable) rn[key] = p;
    result &= r;
  }
  for (const key of prevKeys) if (rp[key] !== undefined) defined--;
  return defined === 0 ? result : 0;
}
