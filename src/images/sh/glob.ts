import { byteOrder, type Vfs } from './vfs.js';

/**
 * Shell patterns (`*`, `?`, `[a-z]`, `[!x]`) for `case`, `${x#pat}` and pathname expansion.
 * A pattern is a list of characters each marked quoted or not: quoted characters match
 * themselves only (`"*"` matches a star).
 */

export interface PatternChar {
  readonly c: string;
  readonly quoted: boolean;
}

const cache = new Map<string, RegExp>();

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** Compiles a pattern into a regular expression body (no anchors). */
export function patternSource(chars: readonly PatternChar[]): string {
  let re = '';
  for (let i = 0; i < chars.length; i++) {
    const { c, quoted } = chars[i]!;
    if (quoted) {
      re += escapeRegex(c);
    } else if (c === '*') {
      re += '[\\s\\S]*';
    } else if (c === '?') {
      re += '[\\s\\S]';
    } else if (c === '[') {
      const close = findBracketEnd(chars, i);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let j = i + 1;
      let cls = '';
      if (chars[j]?.c === '!' || chars[j]?.c === '^') {
        cls += '^';
        j++;
      }
      for (; j < close; j++) {
        const ch = chars[j]!.c;
        cls += ch === '\\' || ch === ']' || ch === '[' || ch === '^' ? `\\${ch}` : ch;
      }
      re += `[${cls}]`;
      i = close;
    } else {
      re += escapeRegex(c);
    }
  }
  return re;
}

function findBracketEnd(chars: readonly PatternChar[], open: number): number {
  let j = open + 1;
  if (chars[j]?.c === '!' || chars[j]?.c === '^') j++;
  if (chars[j]?.c === ']') j++;
  for (; j < chars.length; j++) if (chars[j]!.c === ']' && !chars[j]!.quoted) return j;
  return -1;
}

export function hasGlobChars(chars: readonly PatternChar[]): boolean {
  for (let i = 0; i < chars.length; i++) {
    const { c, quoted } = chars[i]!;
    if (quoted) continue;
    if (c === '*' || c === '?') return true;
    if (c === '[' && findBracketEnd(chars, i) > 0) return true;
  }
  return false;
}

export function patternRegex(chars: readonly PatternChar[], flags = ''): RegExp {
  const key = `${flags}\u0000${chars.map((p) => (p.quoted ? `\\${p.c}` : p.c)).join('')}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^(?:${patternSource(chars)})$`, flags);
    if (cache.size > 1000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** Pattern characters from plain text where every character is special. */
export function unquotedPattern(text: string): PatternChar[] {
  return [...text].map((c) => ({ c, quoted: false }));
}

export function matchPattern(chars: readonly PatternChar[], text: string): boolean {
  return patternRegex(chars).test(text);
}

/**
 * Pathname expansion against the container's file system: each `/`-separated component with
 * pattern characters is matched against directory entries (dot files only by an explicit dot),
 * results sorted. Returns an empty list when nothing matches (the word then stays as written).
 */
export function globPaths(vfs: Vfs, cwd: string, chars: readonly PatternChar[]): string[] {
  const components: PatternChar[][] = [[]];
  for (const ch of chars) {
    if (ch.c === '/') components.push([]);
    else components[components.length - 1]!.push(ch);
  }
  const absolute = chars[0]?.c === '/';
  if (absolute) components.shift();
  let paths: string[] = [absolute ? '/' : ''];
  for (let k = 0; k < components.length; k++) {
    const comp = components[k]!;
    const last = k === components.length - 1;
    const next: string[] = [];
    for (const base of paths) {
      const dirPath = base === '' ? cwd : base;
      if (!hasGlobChars(comp)) {
        const name = comp.map((p) => p.c).join('');
        const candidate = join(base, name);
        if (name === '' || vfs.exists(resolve(candidate, cwd))) next.push(candidate);
        continue;
      }
      if (!vfs.isDir(dirPath)) continue;
      const re = patternRegex(comp);
      const dotOk = comp[0]?.c === '.';
      for (const entry of vfs.readdir(dirPath)) {
        if (entry.startsWith('.') && !dotOk) continue;
        if (!re.test(entry)) continue;
        const candidate = join(base, entry);
        if (!last && !vfs.isDir(resolve(candidate, cwd))) continue;
        next.push(candidate);
      }
    }
    paths = next;
    if (paths.length === 0) return [];
  }
  return paths.sort(byteOrder);
}

function join(base: string, name: string): string {
  if (base === '') return name;
  if (base.endsWith('/')) return base + name;
  return `${base}/${name}`;
}

function resolve(path: string, cwd: string): string {
  return path.startsWith('/') ? path : `${cwd === '/' ? '' : cwd}/${path}`;
}
