/**
 * The pure parts of the step parameter types (registered in ../parameters.ts): what a duration
 * and an object reference look like in a step, and what they mean.
 */
import { parseDuration } from '../../src/index.js';

const NUMBER = '\\d+(?:\\.\\d+)?';
const WORD_UNIT = '(?:milliseconds?|seconds?|minutes?|hours?)';
/** `30 seconds`, `1 minute`, `1 minute 30 seconds`, `2 minutes and 5 seconds`. */
const WORDS = `${NUMBER} ${WORD_UNIT}(?:,? (?:and )?${NUMBER} ${WORD_UNIT})*`;
/** Go's time.Duration syntax: `500ms`, `45s`, `10m`, `1h`, `1m30s`, `1h2m3s`. */
const GO = `(?:${NUMBER}(?:ms|h|m|s))+`;

/** What a {duration} matches; no capture groups, so the transformer gets the whole text. */
export const DURATION_PATTERN = new RegExp(`${WORDS}|${GO}`);

/** A duration as a scenario writes it, in simulated milliseconds. */
export function durationMs(text: string): number {
  return parseDuration(text);
}

/** An object named in a step: `web` is in the default namespace, `team-a/web` in team-a. */
export interface ObjectRef {
  readonly namespace: string;
  readonly name: string;
}

export function parseRef(text: string): ObjectRef {
  const parts = text.split('/');
  if (parts.length === 1 && parts[0]) return { namespace: 'default', name: parts[0] };
  if (parts.length === 2 && parts[0] && parts[1]) return { namespace: parts[0], name: parts[1] };
  throw new Error(`"${text}" is not an object reference: write NAME or NAMESPACE/NAME`);
}

/** `default/web`, as messages print a reference. */
export function showRef(ref: ObjectRef): string {
  return `${ref.namespace}/${ref.name}`;
}

/** A letter in either case, for parameter patterns that take `Running`, `running` or `RUNNING`. */
function anyCase(word: string): string {
  return [...word]
    .map((ch) =>
      /[a-z]/i.test(ch)
        ? `[${ch.toUpperCase()}${ch.toLowerCase()}]`
        : ch.replace(/[.*+?^${}()|[\]\\/-]/, '\\$&'),
    )
    .join('');
}

/**
 * One of `words` in any letter case, bare or in single or double quotes (no capture groups, so
 * the transformer gets the whole text): what a {phase} matches.
 */
export function wordsPattern(words: readonly string[]): RegExp {
  const any = `(?:${words.map(anyCase).join('|')})`;
  return new RegExp(`"${any}"|'${any}'|${any}`);
}

/** The text without the quotes around it, if it has a pair. */
export function unquote(text: string): string {
  return /^"[^"]*"$|^'[^']*'$/.test(text) ? text.slice(1, -1) : text;
}

/**
 * `running`, `"Running"` or `RUNNING` as the allowed spelling `Running`; text that is none of
 * `allowed` comes back unquoted but otherwise as written, for the caller's "use one of" error.
 */
export function canonicalWord(text: string, allowed: readonly string[]): string {
  const bare = unquote(text);
  return allowed.find((word) => word.toLowerCase() === bare.toLowerCase()) ?? bare;
}

/**
 * What a {text} matches: a quoted string, with `\"` and `\'` inside as cucumber's {string} takes
 * them, or one bare word (`"CrashLoopBackOff"`, `Running`, `'Init:0/1'`).
 */
export const TEXT_PATTERN = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']\S*)/;

/** The text of a {text}: the quoted string (escaped quotes unescaped, as {string} does) or the word. */
export function textValue(double?: string, single?: string, bare?: string): string {
  if (double !== undefined) return double.replace(/\\"/g, '"');
  if (single !== undefined) return single.replace(/\\'/g, "'");
  return bare ?? '';
}

/** What a {revision} matches: a whole number, bare or quoted (`2`, `"2"`). */
export const REVISION_PATTERN = /"(\d+)"|'(\d+)'|(\d+)/;

/** The first capture that matched, for the alternatives of REVISION_PATTERN. */
export function firstCapture(...groups: Array<string | undefined>): string {
  return groups.find((g) => g !== undefined) ?? '';
}

/**
 * The Deployment status field a count of replicas names: `replicas`, `available replicas`,
 * `ready replicas`, `updated replicas`, `unavailable replicas` (singular too).
 */
export const REPLICAS_PATTERN = /(?:(available|ready|updated|unavailable) )?replicas?/;

export function replicaField(qualifier: string | undefined): string {
  return qualifier ? `${qualifier}Replicas` : 'replicas';
}
