import { KubesimError } from './errors.js';

/** How a quantity was written, which decides how it prints back (resource.Format). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const NANO = 1_000_000_000n;
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** The API server's message for a malformed quantity. */
export const QUANTITY_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const PARSED = new Map<string, Quantity>();
const MAX_PARSED = 10_000;

/**
 * A Kubernetes resource quantity (`500m`, `0.5`, `128Mi`, `1e3`), kept exactly as a count of
 * nano-units. Fractions below a nano-unit round up, as resource.Quantity does.
 */
export class Quantity {
  private constructor(
    /** The value times 10^9. */
    readonly nanos: bigint,
    readonly format: QuantityFormat,
  ) {}

  static parse(text: string | number): Quantity {
    const source = String(text).trim();
    // Quantities are immutable and a cluster uses few distinct texts (every container start
    // reads its node's allocatable), so each text is parsed once.
    let parsed = PARSED.get(source);
    if (!parsed) {
      if (PARSED.size >= MAX_PARSED) PARSED.clear();
      PARSED.set(source, (parsed = Quantity.parseSource(source)));
    }
    return parsed;
  }

  private static parseSource(source: string): Quantity {
    const match = QUANTITY.exec(source);
    if (!match) throw new KubesimError(QUANTITY_ERROR);
    const [, num, suffix = ''] = match;
    const negative = num!.startsWith('-');
    const digits = num!.replace(/^[+-]/, '');
    const [whole = '0', frac = ''] = digits.split('.');
    // value = (whole.frac) * multiplier; computed exactly as a rational over 10^frac.length.
    let numerator = BigInt((whole || '0') + frac);
    let denominator = 10n ** BigInt(frac.length);
    let format: QuantityFormat = 'DecimalSI';
    if (suffix in BINARY) {
      numerator *= BINARY[suffix]!;
      format = 'BinarySI';
    } else if (/^[eE][+-]?\d/.test(suffix)) {
      const exp = Number(suffix.slice(1));
      if (exp >= 0) numerator *= 10n ** BigInt(exp);
      else denominator *= 10n ** BigInt(-exp);
      format = 'DecimalExponent';
    } else {
      const exp = DECIMAL[suffix]!;
      if (exp >= 0) numerator *= 10n ** BigInt(exp);
      else denominator *= 10n ** BigInt(-exp);
    }
    numerator *= NANO;
    let nanos = numerator / denominator;
    if (nanos * denominator !== numerator) nanos += 1n; // round up, as Kubernetes does
    return new Quantity(negative ? -nanos : nanos, format);
  }

  static isValid(text: unknown): boolean {
    return (typeof text === 'string' || typeof text === 'number') && QUANTITY.test(String(text).trim());
  }

  static fromMilli(milli: number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(Math.round(milli)) * 1_000_000n, format);
  }

  static fromValue(value: number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(Math.round(value)) * NANO, format);
  }

  /** Thousandths of a unit, rounded up (`0.5` CPU → 500). */
  get milli(): number {
    const q = this.nanos / 1_000_000n;
    return Number(q * 1_000_000n === this.nanos || this.nanos < 0n ? q : q + 1n);
  }

  /** Whole units, rounded up (memory in bytes). */
  get value(): number {
    const q = this.nanos / NANO;
    return Number(q * NANO === this.nanos || this.nanos < 0n ? q : q + 1n);
  }

  compare(other: Quantity): number {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0;
  }

  add(other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.format);
  }

  isZero(): boolean {
    return this.nanos === 0n;
  }

  /** The canonical form the API server stores and prints: `500m`, `1`, `128Mi`, `1536Mi`. */
  toString(): string {
    const sign = this.nanos < 0n ? '-' : '';
    const abs = this.nanos < 0n ? -this.nanos : this.nanos;
    if (abs === 0n) return '0';
    if (this.format === 'BinarySI' && abs % NANO === 0n) {
      const bytes = abs / NANO;
      // Largest binary suffix that divides evenly; a value under 1Ki stays plain unless it needs more.
      for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
        const unit = BINARY[suffix]!;
        if (bytes >= unit && bytes % unit === 0n) return `${sign}${bytes / unit}${suffix}`;
      }
      if (bytes < 1024n) return `${sign}${bytes}`;
    }
    // Decimal: the largest power of 1000 that keeps the mantissa whole.
    const steps: Array<[number, string]> = [
      [18, 'E'],
      [15, 'P'],
      [12, 'T'],
      [9, 'G'],
      [6, 'M'],
      [3, 'k'],
      [0, ''],
      [-3, 'm'],
      [-6, 'u'],
      [-9, 'n'],
    ];
    for (const [exp, suffix] of steps) {
      const unit = 10n ** BigInt(exp + 9);
      if (abs % unit === 0n) {
        const mantissa = abs / unit;
        if (this.format === 'DecimalExponent') return `${sign}${mantissa}${exp === 0 ? '' : `e${exp}`}`;
        return `${sign}${mantissa}${suffix}`;
      }
    }
    return `${sign}${abs}n`;
  }
}

/** Parses a quantity or returns undefined, for validation code that reports its own error. */
export function tryQuantity(text: unknown): Quantity | undefined {
  if (!Quantity.isValid(text)) return undefined;
  return Quantity.parse(text as string);
}
