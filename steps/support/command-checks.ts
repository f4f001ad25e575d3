/**
 * The checks on a command's result that several steps share: the output steps, the action steps
 * (apply, delete, scale, set image) and the logs steps run them on kubectl's result.
 */
import { expect } from 'chai';
import type { CommandResult } from '../../src/index.js';
import { indent, normalizeOutput } from './output.js';

/** Fails with kubectl's error when a command an action step ran did not succeed. */
export function mustSucceed(what: string, result: CommandResult): void {
  if (result.exitCode !== 0) {
    throw new Error(`${what} failed (exit code ${result.exitCode}); kubectl said:\n${indent(result.stderr)}`);
  }
}

/** `the output should contain`: TEXT in the text, both with line-end blanks ignored. */
export function shouldContain(actual: string, text: string, what: string): void {
  expect(normalizeOutput(actual), what).to.contain(normalizeOutput(text));
}

/** `the output should be:`: the text exactly, ignoring blanks at line ends and blank lines at the end. */
export function shouldBe(actual: string, expected: string, what: string): void {
  expect(normalizeOutput(actual), what).to.equal(normalizeOutput(expected));
}

/**
 * A pattern of `the output should match "REGEX"` or `… /REGEX/flags`. As in aruba's and RSpec's
 * output matchers, it may match anywhere, and `^` and `$` match at every line.
 */
export function outputPattern(source: string, flags = ''): RegExp {
  const all = flags.includes('m') ? flags : `${flags}m`;
  try {
    return new RegExp(source, all);
  } catch (e) {
    throw new Error(`"${source}" is not a regular expression: ${(e as Error).message}`);
  }
}
