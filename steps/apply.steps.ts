/**
 * Applying manifests and running kubectl (STEPS.md "Applying and commanding"), with their
 * synonyms (`I apply the file "PATH"`, ``I run `kubectl …` ``, `the command should fail`, …).
 */
import { expect } from 'chai';
import { mustSucceed, outputPattern, shouldBe, shouldContain } from './support/command-checks.js';
import { kubectlArgs } from './support/command-line.js';
import { defineSteps } from './support/define.js';
import { indent, normalizeOutput } from './support/output.js';
import type { KubesimWorld } from './world.js';

defineSteps(['I apply the manifest:'], function (manifest: string) {
  mustSucceed('applying the manifest', this.kubectl(['apply', '-f', '-'], manifest));
});

defineSteps(
  ['I apply the manifest file {string}', 'I apply the manifest {string}', 'I apply the file {string}'],
  function (path: string) {
    mustSucceed(`applying the manifest file "${path}"`, this.kubectl(['apply', '-f', path]));
  },
);

defineSteps(['applying the manifest should fail with {string}:'], function (text: string, manifest: string) {
  const result = this.kubectl(['apply', '-f', '-'], manifest);
  expect(
    result.exitCode,
    `applying the manifest should have failed, but it succeeded:\n${indent(result.stdout)}`,
  ).to.not.equal(0);
  expect(result.stderr, 'the error of applying the manifest').to.contain(text);
});

// The command in backticks, as documentation writes commands; the quotes inside it group words.
defineSteps(['I run {string}', /^I run `([^`]*)`$/], function (line: string) {
  this.kubectl(kubectlArgs(line));
});

// Several command lines, one per line, as a shell script with `set -e`: it stops at the first
// failure, and the result has all the output so far and the exit code of the last command run.
defineSteps(['I run:'], function (script: string) {
  const lines = script
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const line of lines) {
    const result = this.kubectl(kubectlArgs(line));
    stdout += result.stdout;
    stderr += result.stderr;
    exitCode = result.exitCode;
    if (exitCode !== 0) break;
  }
  this.lastResult = { stdout, stderr, exitCode };
});

defineSteps(['the command should succeed'], function () {
  const r = this.result;
  expect(
    r.exitCode,
    `\`${this.lastCommand}\` failed (exit code ${r.exitCode}):\n${indent(r.stderr)}\n`,
  ).to.equal(0);
});

/** The last command exited non-zero and, when `text` is given, its error output contains it. */
function commandShouldFail(world: KubesimWorld, text?: string): void {
  const r = world.result;
  expect(
    r.exitCode,
    `\`${world.lastCommand}\` should have failed, but it succeeded:\n${indent(r.stdout)}\n`,
  ).to.not.equal(0);
  if (text !== undefined) expect(r.stderr, `the error output of \`${world.lastCommand}\``).to.contain(text);
}

defineSteps(['the command should fail with {string}'], function (text: string) {
  commandShouldFail(this, text);
});

defineSteps(['the command should fail'], function () {
  commandShouldFail(this);
});

defineSteps(['the exit code should be {int}'], function (code: number) {
  const r = this.result;
  expect(
    r.exitCode,
    `the exit code of \`${this.lastCommand}\` (output:\n${indent(r.stdout)}\nerror output:\n${indent(r.stderr)})\n`,
  ).to.equal(code);
});

defineSteps(['the output should be:'], function (expected: string) {
  const r = this.result;
  shouldBe(
    r.stdout,
    expected,
    `the output of \`${this.lastCommand}\` (error output:\n${indent(r.stderr)})\n`,
  );
});

defineSteps(['the error output should be:'], function (expected: string) {
  const r = this.result;
  shouldBe(
    r.stderr,
    expected,
    `the error output of \`${this.lastCommand}\` (output:\n${indent(r.stdout)})\n`,
  );
});

defineSteps(['the output should contain {string}', 'the output should contain:'], function (text: string) {
  const r = this.result;
  shouldContain(
    r.stdout,
    text,
    `the output of \`${this.lastCommand}\` (error output:\n${indent(r.stderr)})\n`,
  );
});

defineSteps(['the output should not contain {string}'], function (text: string) {
  const r = this.result;
  expect(normalizeOutput(r.stdout), `the output of \`${this.lastCommand}\``).to.not.contain(
    normalizeOutput(text),
  );
});

function outputShouldMatch(world: KubesimWorld, pattern: RegExp): void {
  const r = world.result;
  expect(
    normalizeOutput(r.stdout),
    `the output of \`${world.lastCommand}\` (error output:\n${indent(r.stderr)})\n`,
  ).to.match(pattern);
}

defineSteps(['the output should match {string}'], function (source: string) {
  outputShouldMatch(this, outputPattern(source));
});

defineSteps([/^the output should match \/(.*)\/([a-z]*)$/], function (source: string, flags: string) {
  outputShouldMatch(this, outputPattern(source, flags));
});

defineSteps(
  ['the error output should contain {string}', 'the error output should contain:'],
  function (text: string) {
    expect(this.result.stderr, `the error output of \`${this.lastCommand}\``).to.contain(text);
  },
);
