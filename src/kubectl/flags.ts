/**
 * A small flag parser modelled on spf13/pflag as kubectl uses it: `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands (`-Ax`), flags anywhere between
 * the arguments, `--` to end flags. Error messages are pflag's.
 */
import { parseDuration } from '../core/duration.js';
import { CliError } from './errors.js';

export type FlagType = 'bool' | 'string' | 'int' | 'strings' | 'duration';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** The value when the flag is absent. */
  readonly default?: boolean | string | number | string[];
  /** The value when the flag is given without `=value` (pflag's NoOptDefVal), for non-bools. */
  readonly noOptDefault?: string;
}

/** A flag error: kubectl adds `See '<command> --help' for usage.` under it. */
export class FlagError extends CliError {
  override name = 'FlagError';
}

export class ParsedFlags {
  constructor(
    private readonly values: Map<string, unknown>,
    /** Flags the user set explicitly. */
    readonly changed: ReadonlySet<string>,
    /** The positional arguments, in order. */
    readonly args: string[],
    /** Arguments after a `--`, also included in `args`. */
    readonly afterDash: number,
  ) {}

  bool(name: string): boolean {
    return this.values.get(name) as boolean;
  }

  string(name: string): string {
    return this.values.get(name) as string;
  }

  int(name: string): number {
    return this.values.get(name) as number;
  }

  strings(name: string): string[] {
    return this.values.get(name) as string[];
  }

  /** Milliseconds. */
  duration(name: string): number {
    return this.values.get(name) as number;
  }

  has(name: string): boolean {
    return this.changed.has(name);
  }
}

export class FlagSet {
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShort = new Map<string, FlagSpec>();

  constructor(specs: readonly FlagSpec[]) {
    for (const s of specs) {
      this.byName.set(s.name, s);
      if (s.short) this.byShort.set(s.short, s);
    }
  }

  lookup(name: string): FlagSpec | undefined {
    return this.byName.get(name);
  }

  lookupShort(short: string): FlagSpec | undefined {
    return this.byShort.get(short);
  }

  parse(argv: readonly string[]): ParsedFlags {
    const values = new Map<string, unknown>();
    for (const s of this.byName.values()) values.set(s.name, defaultOf(s));
    const changed = new Set<string>();
    const args: string[] = [];
    let afterDash = -1;
    const set = (spec: FlagSpec, raw: string, display: string) => {
      values.set(
        spec.name,
        convert(spec, raw, display, changed.has(spec.name) ? values.get(spec.name) : undefined),
      );
      changed.add(spec.name);
    };
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (afterDash >= 0) {
        args.push(a);
        continue;
      }
      if (a === '--') {
        afterDash = args.length;
        continue;
      }
      if (a.startsWith('--') && a.length > 2) {
        const body = a.slice(2);
        const eq = body.indexOf('=');
        const name = eq >= 0 ? body.slice(0, eq) : body;
        const spec = this.byName.get(name);
        if (!spec) throw new FlagError(`unknown flag: --${name}`);
        const display = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
        if (eq >= 0) set(spec, body.slice(eq + 1), display);
        else if (spec.type === 'bool') set(spec, 'true', display);
        else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, display);
        else if (i + 1 < argv.length) set(spec, argv[++i]!, display);
        else throw new FlagError(`flag needs an argument: --${name}`);
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        // Shorthands: booleans may be grouped; a value-taking one consumes the rest or the next word.
        let j = 1;
        while (j < a.length) {
          const c = a[j]!;
          const spec = this.byShort.get(c);
          if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
          const display = `-${spec.short}, --${spec.name}`;
          const rest = a.slice(j + 1);
          if (rest.startsWith('=')) {
            set(spec, rest.slice(1), display);
            break;
          }
          if (spec.type === 'bool') {
            set(spec, 'true', display);
            j++;
            continue;
          }
          if (rest.length > 0) set(spec, rest, display);
          else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, display);
          else if (i + 1 < argv.length) set(spec, argv[++i]!, display);
          else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          break;
        }
        continue;
      }
      args.push(a);
    }
    return new ParsedFlags(values, changed, args, afterDash < 0 ? args.length : afterDash);
  }
}

function defaultOf(spec: FlagSpec): unknown {
  if (spec.default !== undefined) return Array.isArray(spec.default) ? [...spec.default] : spec.default;
  switch (spec.type) {
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'duration':
      return 0;
    case 'strings':
      return [];
    case 'string':
      return '';
  }
}

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

function convert(spec: FlagSpec, raw: string, display: string, previous: unknown): unknown {
  const invalid = (why: string) => new FlagError(`invalid argument "${raw}" for "${display}" flag: ${why}`);
  switch (spec.type) {
    case 'bool':
      if (GO_TRUE.has(raw)) return true;
      if (GO_FALSE.has(raw)) return false;
      throw invalid(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw invalid(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      return Number(raw);
    }
    case 'duration':
      if (/^[+-]?\d+(\.\d*)?$/.test(raw) && Number(raw) !== 0)
        throw invalid(`time: missing unit in duration "${raw}"`);
      try {
        if (!/^[+-]?(\d|\.\d)/.test(raw)) throw new Error();
        return parseDuration(raw);
      } catch {
        throw invalid(`time: invalid duration "${raw}"`);
      }
    case 'strings': {
      // pflag's StringSlice: the first use replaces the default, later uses append; commas split.
      const items = raw === '' ? [] : raw.split(',');
      return previous === undefined ? items : [...(previous as string[]), ...items];
    }
    case 'string':
      return raw;
  }
}
