import { CANONICAL_PHRASES } from './canonical-phrases.js';

/**
 * Finds the canonical step phrase nearest to a step text that no step definition matched.
 *
 * Both sides become token lists in which values are classes: a quoted string is `<S>`, a whole
 * number `<N>`, a duration `<D>`. On the canonical side `"NAME"` is `<S>`, `N` is `<N>`, `D` is
 * `<D>` and an unquoted PHASE, STATE, CLASS or TYPE matches any word. The distance is a
 * token-level Levenshtein distance whose substitution cost is the character-level distance of
 * the two words (0..1), so `redy` for `ready` costs 0.2 while a missing word costs 1.
 */
export interface Suggestion {
  readonly phrase: string;
  /** Token edit distance divided by the longer token list's length: 0 is identical. */
  readonly distance: number;
}

type Token = string;

/** The unquoted placeholders of STEPS.md that stand for one word (`should be in phase PHASE`). */
const WORD_PLACEHOLDER: ReadonlySet<string> = new Set(['PHASE', 'STATE', 'CLASS', 'TYPE']);

const DURATION_UNIT = '(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)';
const DURATION = new RegExp(
  `(?<![\\w.])(?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+(?![\\w.])|\\b\\d+(?:\\.\\d+)?\\s+${DURATION_UNIT}\\b`,
  'g',
);

/** Tokens of a step as written in a feature file. */
export function stepTokens(text: string): Token[] {
  const marked = text
    .toLowerCase()
    .replace(/"[^"]*"|'[^']*'/g, ' <S> ')
    .replace(DURATION, ' <D> ')
    .replace(/(?<![\w.-])\d+(?![\w.])/g, ' <N> ');
  return split(marked);
}

/** Tokens of a canonical phrase from STEPS.md. */
export function phraseTokens(phrase: string): Token[] {
  return split(phrase).map((t) => {
    if (/^"[^"]*"$/.test(t)) return '<S>';
    if (t === 'D') return '<D>';
    if (t === 'N') return '<N>';
    if (WORD_PLACEHOLDER.has(t)) return '<W>';
    return t.toLowerCase();
  });
}

function split(text: string): Token[] {
  return text
    .replace(/([:,])/g, ' $1 ')
    .split(/\s+/)
    .filter((t) => t !== '');
}

/** What replacing canonical token `want` with the step's token `got` costs, from 0 to 1. */
export function tokenCost(want: Token, got: Token): number {
  if (want === got) return 0;
  if (want === '<W>') return got.startsWith('<') ? 1 : 0;
  if (want.startsWith('<') || got.startsWith('<')) return 1;
  const plural = /^(.*)\((e?s)\)$/.exec(want);
  if (plural) {
    const base = plural[1]!;
    const withSuffix = base + plural[2]!;
    return Math.min(wordDistance(base, got), wordDistance(withSuffix, got));
  }
  return wordDistance(want, got);
}

/** Levenshtein distance of two words divided by the longer length. */
export function wordDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const row = [i];
    for (let j = 1; j <= m; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[m]! / Math.max(n, m);
}

/** Token-level Levenshtein distance with weighted substitutions. */
export function tokenDistance(want: readonly Token[], got: readonly Token[]): number {
  let prev = Array.from({ length: got.length + 1 }, (_, j) => j);
  for (let i = 1; i <= want.length; i++) {
    const row = [i];
    for (let j = 1; j <= got.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + tokenCost(want[i - 1]!, got[j - 1]!));
    }
    prev = row;
  }
  return prev[got.length]!;
}

/** The nearest phrase (the first of equals, in the list's order), or undefined for an empty list. */
export function nearestPhrase(
  stepText: string,
  phrases: readonly string[] = CANONICAL_PHRASES,
): Suggestion | undefined {
  const got = stepTokens(stepText);
  let best: Suggestion | undefined;
  for (const phrase of phrases) {
    const want = phraseTokens(phrase);
    const distance = tokenDistance(want, got) / Math.max(want.length, got.length, 1);
    if (!best || distance < best.distance) best = { phrase, distance };
  }
  return best;
}
