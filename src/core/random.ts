/** The Kubernetes alphabet for generated names: no vowels, no ambiguous characters. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A string seed becomes 32 bits through FNV-1a, so any text (a scenario name) can seed a run. */
export function seedFrom(text: string | number): number {
  if (typeof text === 'number') return text >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The seeded random generator (sfc32). Every source of chance in a cluster draws from one of
 * these, so a seed reproduces a run exactly. `fork(name)` gives an independent stream, so that
 * adding draws in one place (say, pod names) does not shift another (service IPs).
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    // splitmix32 spreads the seed over the four words of state.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: no items');
    return items[this.int(items.length)]!;
  }

  /** `length` characters of `alphabet`, as Kubernetes' utilrand.String does for generateName. */
  string(length: number, alphabet = NAME_ALPHABET): string {
    // Joined from an array: `+=` per character leaves a chain of string pieces, and a
    // container ID (64 characters) is kept for as long as the history keeps its pod.
    const chars = new Array<string>(length);
    for (let i = 0; i < length; i++) chars[i] = alphabet[this.int(alphabet.length)]!;
    return chars.join('');
  }

  /** A version-4 style UUID built from this generator. */
  uuid(): string {
    const w = [this.uint32(), this.uint32(), this.uint32(), this.uint32()];
    const s = w.map((x) => x.toString(16).padStart(8, '0')).join('');
    const variant = ((parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16);
    // Joined rather than a template, for one flat string (see string()).
    return [
      s.slice(0, 8),
      s.slice(8, 12),
      `4${s.slice(13, 16)}`,
      variant + s.slice(17, 20),
      s.slice(20, 32),
    ].join('-');
  }

  /** An independent generator derived from this seed and a name. */
  fork(name: string): Random {
    return new Random(seedFrom(`${this.seed}/${name}`));
  }
}
