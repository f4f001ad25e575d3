/**
 * Go's fmt.Sprint (the %v verb) of values decoded from JSON into unstructured content, as
 * kubectl's custom-columns printer prints them: strings as they are, whole numbers as int64,
 * other numbers as float64 (%g with the shortest representation), `true`/`false`, `<nil>`,
 * slices as `[a b]`, maps as `map[k1:v1 k2:v2]` with keys sorted.
 *
 * Simplified: a whole number is always an int64 (the API server would send `1.0` as a float).
 */
import { compareBytes } from './go-json.js';

export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goNumber(value);
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort(compareBytes);
    return `map[${keys.map((k) => `${k}:${goSprint(obj[k])}`).join(' ')}]`;
  }
  return String(value);
}

/** An int64 as decimal, a float64 as strconv.FormatFloat(f, 'g', -1, 64). */
function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  // Shortest digits that round-trip; %e when the exponent is < -4 or >= 6 (shortest 'g' uses 6).
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}
