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
