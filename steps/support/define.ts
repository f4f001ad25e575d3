/**
 * One step handler under several phrasings: the canonical phrase and its synonyms share one
 * implementation, so they can never drift apart in meaning or in their failure messages.
 */
import { fileURLToPath } from 'node:url';
import { defineStep } from '@cucumber/cucumber';
import type { KubesimWorld } from '../world.js';

type Pattern = string | RegExp;

const HERE = [import.meta.url, fileURLToPath(import.meta.url)];
const isHere = (file: string | null | undefined) =>
  file !== null && file !== undefined && HERE.includes(file);

/**
 * Registers `handler` under every pattern. cucumber-js checks a handler's arity against each
 * pattern's parameters (plus a doc string or table), so the patterns must have the same
 * parameters in the same order.
 */
export function defineSteps<Args extends unknown[]>(
  patterns: readonly Pattern[],
  handler: (this: KubesimWorld, ...args: Args) => unknown,
): void {
  if (patterns.length === 0) throw new Error('defineSteps needs at least one pattern');
  withCallerAsLocation(() => {
    for (const pattern of patterns)
      defineStep<KubesimWorld>(pattern, handler as (...args: unknown[]) => unknown);
  });
}

/**
 * cucumber-js records where a step is defined from the stack at the call of `defineStep`, which
 * would be this file for every step. While `register` runs, a stack shows the step file that
 * called defineSteps in place of this file's frames, so reports and messages point at it. The
 * caller's frame comes from Node's own formatting (source-mapped, as cucumber would see it).
 */
function withCallerAsLocation(register: () => void): void {
  const lines = new Error().stack?.split('\n') ?? [];
  const caller = lines.slice(1).find((line) => !HERE.some((h) => line.includes(`${h}:`)));
  const previous = Error.prepareStackTrace;
  if (caller) {
    Error.prepareStackTrace = (error, sites) => {
      const mine = sites.findIndex((site) => isHere(site.getFileName()));
      const before = (mine < 0 ? sites : sites.slice(0, mine)).map((site) => `    at ${site}`);
      return [String(error), ...before, caller].join('\n');
    };
  }
  try {
    register();
  } finally {
    Error.prepareStackTrace = previous;
  }
}
