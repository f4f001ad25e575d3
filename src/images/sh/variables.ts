/**
 * Shell variables as ash keeps them, including the one detail users see: the ORDER in which
 * `env` (run from the shell) prints the environment. ash builds a child's environment by walking
 * its variable hash table (shell/ash.c `hashvar`, `listvars`, VTABSIZE 39): buckets in order,
 * and within a bucket the built-in variables (PATH) first, then variables in the order they were
 * created. So `sh -c env` prints KUBERNETES_SERVICE_PORT before HOSTNAME, as on a real cluster.
 * A command run without a shell (`kubectl exec pod -- env`) sees the runtime's order instead.
 */

interface Var {
  value: string | undefined;
  exported: boolean;
  readonly: boolean;
  /** Creation order; ash's built-in variables (varinit) sort first in their bucket. */
  readonly seq: number;
}

const VTABSIZE = 39;

/** ash `hashvar`: the first byte times 16 plus every byte of the name, modulo 39. */
export function ashBucket(name: string): number {
  let h = name.charCodeAt(0) << 4;
  for (let i = 0; i < name.length; i++) h += name.charCodeAt(i);
  return h % VTABSIZE;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isName(s: string): boolean {
  return NAME.test(s);
}

export class ReadonlyError extends Error {
  constructor(readonly variable: string) {
    super(`${variable}: is read only`);
  }
}

export class Variables {
  private readonly table = new Map<string, Var>();
  private seq = 0;
  private readonly locals: Array<Map<string, Var | undefined>> = [];
  /** What sets the initial variables, run on first use (see `deferred`). */
  private fill: ((vars: Variables) => void) | undefined;

  /** ash's built-in defaults; not exported unless the environment had them. */
  static withDefaults(): Variables {
    const v = new Variables();
    v.setDefaults();
    return v;
  }

  private setDefaults(): void {
    this.table.set('PATH', {
      value: '/sbin:/usr/sbin:/bin:/usr/bin',
      exported: false,
      readonly: false,
      seq: -1,
    });
    this.table.set('IFS', { value: ' \t\n', exported: false, readonly: false, seq: -1 });
    this.table.set('PS1', { value: '# ', exported: false, readonly: false, seq: -1 });
    this.table.set('PS2', { value: '> ', exported: false, readonly: false, seq: -1 });
    this.table.set('PS4', { value: '+ ', exported: false, readonly: false, seq: -1 });
    this.table.set('OPTIND', { value: '1', exported: false, readonly: false, seq: -1 });
  }

  /**
   * ash's defaults, then what `fill` sets (the inherited environment), done when a variable is
   * first read or written: a script that uses none (`sh -c 'exit 1'`, restarted every few
   * minutes for days by a crash-looping container) never builds them. The result is the same as
   * calling `fill` at once.
   */
  static deferred(fill: (vars: Variables) => void): Variables {
    const v = new Variables();
    v.fill = fill;
    return v;
  }

  /** The variables by name, after the deferred fill has run. */
  private get vars(): Map<string, Var> {
    const fill = this.fill;
    if (fill !== undefined) {
      this.fill = undefined;
      this.setDefaults();
      fill(this);
    }
    return this.table;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  isSet(name: string): boolean {
    return this.vars.get(name)?.value !== undefined;
  }

  isExported(name: string): boolean {
    return this.vars.get(name)?.exported ?? false;
  }

  /** Throws ReadonlyError. */
  set(name: string, value: string, options: { export?: boolean } = {}): void {
    const v = this.vars.get(name);
    if (v) {
      if (v.readonly) throw new ReadonlyError(name);
      v.value = value;
      if (options.export) v.exported = true;
      return;
    }
    this.vars.set(name, { value, exported: options.export ?? false, readonly: false, seq: this.seq++ });
  }

  /** `export NAME` without a value: marks it (created unset if missing, shown by `export -p`). */
  export(name: string): void {
    const v = this.vars.get(name);
    if (v) v.exported = true;
    else this.vars.set(name, { value: undefined, exported: true, readonly: false, seq: this.seq++ });
  }

  unexport(name: string): void {
    const v = this.vars.get(name);
    if (v) v.exported = false;
  }

  setReadonly(name: string, value?: string): void {
    if (value !== undefined) this.set(name, value);
    const v = this.vars.get(name);
    if (v) v.readonly = true;
    else this.vars.set(name, { value: undefined, exported: false, readonly: true, seq: this.seq++ });
  }

  isReadonly(name: string): boolean {
    return this.vars.get(name)?.readonly ?? false;
  }

  /** Throws ReadonlyError. */
  unset(name: string): void {
    const v = this.vars.get(name);
    if (!v) return;
    if (v.readonly) throw new ReadonlyError(name);
    if (v.seq < 0) {
      v.value = undefined;
      v.exported = false;
    } else {
      this.vars.delete(name);
    }
  }

  /** The exported variables in ash's hash-table order: what a child process's environ holds. */
  environ(): Array<[string, string]> {
    const out: Array<{ name: string; value: string; bucket: number; seq: number }> = [];
    for (const [name, v] of this.vars) {
      if (v.exported && v.value !== undefined)
        out.push({ name, value: v.value, bucket: ashBucket(name), seq: v.seq });
    }
    out.sort((a, b) => a.bucket - b.bucket || a.seq - b.seq);
    return out.map((e) => [e.name, e.value]);
  }

  /** Every set variable, sorted by name (`set`, `export -p`, `readonly -p`). */
  sorted(
    filter: (name: string, exported: boolean, readonly: boolean) => boolean = () => true,
  ): Array<[string, string | undefined]> {
    return [...this.vars]
      .filter(([name, v]) => filter(name, v.exported, v.readonly))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, v]) => [name, v.value]);
  }

  /** A copy for a subshell: changes there do not come back. */
  clone(): Variables {
    const c = new Variables();
    for (const [name, v] of this.vars) c.table.set(name, { ...v });
    c.seq = this.seq;
    return c;
  }

  // ---- `local` in functions ----

  pushScope(): void {
    this.locals.push(new Map());
  }

  popScope(): void {
    const scope = this.locals.pop();
    if (!scope) return;
    for (const [name, saved] of scope) {
      if (saved) this.vars.set(name, saved);
      else this.vars.delete(name);
    }
  }

  get inFunction(): boolean {
    return this.locals.length > 0;
  }

  /** `local NAME[=value]`: the variable is restored when the function returns. */
  makeLocal(name: string, value?: string): void {
    const scope = this.locals[this.locals.length - 1];
    if (!scope) return;
    if (!scope.has(name)) {
      const v = this.vars.get(name);
      scope.set(name, v ? { ...v } : undefined);
    }
    if (value !== undefined) this.set(name, value);
    else if (this.vars.has(name)) this.vars.get(name)!.value = undefined;
  }
}
