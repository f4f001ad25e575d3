/** Reading the flags of an image's command line (a Go server's cobra/pflag flags, stress's options). */

/** A cobra/pflag flag's value: `--name=value`, `--name value` (or with one dash). */
export function flagValue(words: readonly string[], name: string): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === `--${name}` || w === `-${name}`) return words[i + 1];
    if (w.startsWith(`--${name}=`) || w.startsWith(`-${name}=`)) return w.slice(w.indexOf('=') + 1);
  }
  return undefined;
}

/** An integer flag, or `fallback` when it is absent or not an integer. */
export function intFlag(words: readonly string[], name: string, fallback: number): number {
  const v = Number(flagValue(words, name));
  return Number.isInteger(v) ? v : fallback;
}

/** Reads `--flag VALUE` or `-f VALUE` from a command line (the first of `names` present). */
export function flagOf(words: readonly string[], ...names: string[]): string | undefined {
  for (const name of names) {
    const i = words.indexOf(name);
    if (i >= 0) return words[i + 1];
  }
  return undefined;
}
