/**
 * `--sort-by=JSONPATH` (kubectl cmd/get sorter.go): Go's unstable sort.Sort on the first value the
 * path yields; numbers compare as numbers, strings that are both quantities by amount, other
 * strings bytewise; objects without the field sort first.
 */
import { Quantity } from '../core/quantity.js';
import { goSort } from './describe/go-sort.js';
import { CliError } from './errors.js';
import { evaluateJsonPath, relaxedJsonPath } from './printers/jsonpath.js';

/**
 * isLess on two present values: numbers by value, strings that are both quantities by amount,
 * other strings bytewise (since v1.31, kubernetes PR 124514; before, in natural order).
 */
function isLess(x: unknown, y: unknown): boolean {
  if (x === null || y === null) return x === null && y !== null;
  if (typeof x === 'number' && typeof y === 'number') return x < y;
  if (typeof x === 'string' && typeof y === 'string') {
    const qx = quantityOf(x);
    const qy = qx && quantityOf(y);
    return qx && qy ? qx.compare(qy) < 0 : x < y;
  }
  // kubectl exits with "unsortable type" here (booleans, maps, lists); kubesim orders their JSON.
  return JSON.stringify(x) < JSON.stringify(y);
}

function quantityOf(text: string): Quantity | undefined {
  try {
    return Quantity.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * RuntimeSort.Less and TableSorter.Less: an object without the field is less than anything, even
 * than another object without it, which is why Go's unstable sort can move such objects around.
 */
function goLess(x: unknown, y: unknown): boolean {
  if (x === undefined) return true;
  if (y === undefined) return false;
  return isLess(x, y);
}

function parseSortField(expression: string): string {
  try {
    const path = relaxedJsonPath(expression);
    evaluateJsonPath(path, {});
    return path;
  } catch (e) {
    throw new CliError(`couldn't parse sort-by field ${JSON.stringify(expression)}: ${(e as Error).message}`);
  }
}

const notFoundError = (path: string) =>
  new CliError(`couldn't find any field with path ${JSON.stringify(path)} in the list of objects`);

/**
 * SortObjects (sorter.go): Go's sort.Sort (unstable, see describe/go-sort.ts) on the first value
 * the path yields. A non-empty list in which no object has the field is an error.
 */
export function sortObjects<T>(objects: readonly T[], expression: string): T[] {
  const path = parseSortField(expression);
  const keyed = objects.map((o) => ({ o, v: evaluateJsonPath(path, o)[0] }));
  if (keyed.length > 0 && keyed.every((k) => k.v === undefined)) throw notFoundError(path);
  goSort(keyed, (a, b) => goLess(a.v, b.v));
  return keyed.map((k) => k.o);
}

/**
 * --sort-by on `get`'s tables. One table (one resource type listed, or one object named) has its
 * rows sorted when it has more than one (SortingPrinter); when none of them has the field, get.go
 * ignores the printer's error and the table is simply not printed (`undefined` here). Several
 * tables (`get pods,svc`, `get pod a b`) are first sorted as objects themselves (RuntimeSorter:
 * the server's Tables arrive as unstructured objects, not as metav1.Table), and a Table has none
 * of the objects' fields, so kubectl fails with "couldn't find any field" unless a Table has it.
 */
export function sortTables<T>(
  tables: ReadonlyArray<readonly T[]>,
  expression: string,
): Array<T[] | undefined> {
  const path = parseSortField(expression);
  if (tables.length > 1) {
    const table = { apiVersion: 'meta.k8s.io/v1', kind: 'Table', metadata: {} };
    if (evaluateJsonPath(path, table)[0] === undefined) throw notFoundError(path);
  }
  return tables.map((rows) => {
    if (rows.length <= 1) return [...rows];
    try {
      return sortObjects(rows, expression);
    } catch {
      return undefined;
    }
  });
}
