/**
 * `--sort-by=JSONPATH` (kubectl cmd/get sorter.go): a stable sort on the first value the path
 * yields; numbers compare as numbers, strings in natural order (sortorder.NaturalLess), booleans
 * false first. Objects without the field sort first (simplified: kubectl can reject such lists).
 */
import type { KubeObject } from '../api/types.js';
import { CliError } from './errors.js';
import { evaluateJsonPath, relaxedJsonPath } from './printers/jsonpath.js';

/** fvbommel/sortorder NaturalLess: digit runs compare by value, other runs bytewise. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = isDigit(a[i]!);
    const db = isDigit(b[j]!);
    if (da && db) {
      let ie = i;
      while (ie < a.length && isDigit(a[ie]!)) ie++;
      let je = j;
      while (je < b.length && isDigit(b[je]!)) je++;
      const na = a.slice(i, ie).replace(/^0+/, '');
      const nb = b.slice(j, je).replace(/^0+/, '');
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (ie - i !== je - j) return ie - i < je - j; // fewer leading zeros first
      i = ie;
      j = je;
      continue;
    }
    if (a[i] !== b[j]) return a[i]! < b[j]!;
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

function less(x: unknown, y: unknown): boolean {
  if (x === undefined) return y !== undefined;
  if (y === undefined) return false;
  if (typeof x === 'number' && typeof y === 'number') return x < y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return !x && y;
  if (typeof x === 'string' && typeof y === 'string') return naturalLess(x, y);
  return naturalLess(JSON.stringify(x), JSON.stringify(y));
}

export function sortObjects<T extends KubeObject>(objects: readonly T[], expression: string): T[] {
  let path: string;
  try {
    path = relaxedJsonPath(expression);
    evaluateJsonPath(path, {});
  } catch (e) {
    throw new CliError(`couldn't parse sort-by field ${JSON.stringify(expression)}: ${(e as Error).message}`);
  }
  const keyed = objects.map((o, index) => ({ o, index, v: evaluateJsonPath(path, o)[0] }));
  keyed.sort((a, b) => (less(a.v, b.v) ? -1 : less(b.v, a.v) ? 1 : a.index - b.index));
  return keyed.map((k) => k.o);
}
