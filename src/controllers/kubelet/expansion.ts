/**
 * Kubernetes' `$(VAR)` expansion (third_party/forked/golang/expansion/expand.go): in env values,
 * container command and args, and exec probe commands. `$$` is an escaped `$`; `$(NAME)` is
 * replaced by NAME's value when a mapping knows it, else left as written; anything else passes
 * through (`$VAR`, `${VAR}`, `$?`). There is no recursion: a value that itself holds `$(X)` is
 * used as it is.
 */

const OPERATOR = '$';
const OPENER = '(';
const CLOSER = ')';

/** MappingFuncFor: the first context that has the name wins; unknown names stay `$(NAME)`. */
export function mappingFuncFor(
  ...contexts: ReadonlyArray<ReadonlyMap<string, string>>
): (name: string) => string {
  return (name) => {
    for (const vars of contexts) {
      const value = vars.get(name);
      if (value !== undefined) return value;
    }
    return `${OPERATOR}${OPENER}${name}${CLOSER}`;
  };
}

/** Expand: replaces the references in `input` through `mapping`. */
export function expand(input: string, mapping: (name: string) => string): string {
  if (!input.includes(OPERATOR)) return input;
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== OPERATOR || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const [read, isVar, advance] = tryReadVariableName(input, cursor + 1);
    out += isVar ? mapping(read) : read;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** tryReadVariableName: what follows a `$` at `at`: [text, is a name, characters consumed]. */
function tryReadVariableName(input: string, at: number): [string, boolean, number] {
  const c = input.codePointAt(at)!;
  const size = c > 0xffff ? 2 : 1;
  const ch = String.fromCodePoint(c);
  if (ch === OPERATOR) return [OPERATOR, false, 1];
  if (ch === OPENER) {
    for (let i = at + 1; i < input.length; i++) {
      if (input[i] === CLOSER) return [input.slice(at + 1, i), true, i - at + 1];
    }
    // An incomplete reference is copied as it is.
    return [OPERATOR + OPENER, false, 1];
  }
  return [OPERATOR + ch, false, size];
}

/** kuberuntime ExpandContainerCommandAndArgs: command and args against the container's final env. */
export function expandCommandAndArgs(
  command: readonly string[] | undefined,
  args: readonly string[] | undefined,
  env: ReadonlyArray<readonly [string, string]>,
): { command?: string[]; args?: string[] } {
  const mapping = mappingFuncFor(new Map(env));
  const out: { command?: string[]; args?: string[] } = {};
  if (command && command.length > 0) out.command = command.map((c) => expand(c, mapping));
  if (args && args.length > 0) out.args = args.map((a) => expand(a, mapping));
  return out;
}

/**
 * ExpandContainerCommandOnlyStatic (exec probes): only the container's literal env values count
 * (a `valueFrom` variable maps to the empty string, as EnvVarsToMap gives it), no service
 * variables.
 */
export function expandCommandOnlyStatic(
  command: readonly string[],
  env: ReadonlyArray<{ readonly name: string; readonly value?: string }> | undefined,
): string[] {
  const vars = new Map<string, string>();
  for (const e of env ?? []) vars.set(e.name, e.value ?? '');
  const mapping = mappingFuncFor(vars);
  return command.map((c) => expand(c, mapping));
}
