/** Applying manifests and running kubectl (STEPS.md "Applying and commanding"). */
import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { CommandResult } from '../src/index.js';
import { kubectlArgs } from './support/command-line.js';
import { indent, normalizeOutput } from './support/output.js';
import type { KubesimWorld } from './world.js';

function mustSucceed(what: string, result: CommandResult): void {
  if (result.exitCode !== 0) {
    throw new Error(`${what} failed (exit code ${result.exitCode}); kubectl said:\n${indent(result.stderr)}`);
  }
}

When('I apply the manifest:', function (this: KubesimWorld, manifest: string) {
  mustSucceed('applying the manifest', this.kubectl(['apply', '-f', '-'], manifest));
});

When('I apply the manifest file {string}', function (this: KubesimWorld, path: string) {
  mustSucceed(`applying the manifest file "${path}"`, this.kubectl(['apply', '-f', path]));
});

Then(
  'applying the manifest should fail with {string}:',
  function (this: KubesimWorld, text: string, manifest: string) {
    const result = this.kubectl(['apply', '-f', '-'], manifest);
    expect(
      result.exitCode,
      `applying the manifest should have failed, but it succeeded:\n${indent(result.stdout)}`,
    ).to.not.equal(0);
    expect(result.stderr, 'the error of applying the manifest').to.contain(text);
  },
);

When('I run {string}', function (this: KubesimWorld, line: string) {
  this.kubectl(kubectlArgs(line));
});

// Several command lines, one per line, as a shell script with `set -e`: it stops at the first
// failure, and the result has all the output so far and the exit code of the last command run.
When('I run:', function (this: KubesimWorld, script: string) {
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

Then('the command should succeed', function (this: KubesimWorld) {
  const r = this.result;
  expect(
    r.exitCode,
    `\`${this.lastCommand}\` failed (exit code ${r.exitCode}):\n${indent(r.stderr)}\n`,
  ).to.equal(0);
});

Then('the command should fail with {string}', function (this: KubesimWorld, text: string) {
  const r = this.result;
  expect(
    r.exitCode,
    `\`${this.lastCommand}\` should have failed, but it succeeded:\n${indent(r.stdout)}\n`,
  ).to.not.equal(0);
  expect(r.stderr, `the error output of \`${this.lastCommand}\``).to.contain(text);
});

Then('the output should be:', function (this: KubesimWorld, expected: string) {
  const r = this.result;
  expect(
    normalizeOutput(r.stdout),
    `the output of \`${this.lastCommand}\` (error output:\n${indent(r.stderr)})\n`,
  ).to.equal(normalizeOutput(expected));
});

function outputShouldContain(world: KubesimWorld, text: string): void {
  const r = world.result;
  expect(
    normalizeOutput(r.stdout),
    `the output of \`${world.lastCommand}\` (error output:\n${indent(r.stderr)})\n`,
  ).to.contain(normalizeOutput(text));
}

Then('the output should contain {string}', function (this: KubesimWorld, text: string) {
  outputShouldContain(this, text);
});

Then('the output should contain:', function (this: KubesimWorld, text: string) {
  outputShouldContain(this, text);
});

Then('the output should not contain {string}', function (this: KubesimWorld, text: string) {
  const r = this.result;
  expect(normalizeOutput(r.stdout), `the output of \`${this.lastCommand}\``).to.not.contain(
    normalizeOutput(text),
  );
});

Then('the error output should contain {string}', function (this: KubesimWorld, text: string) {
  expect(this.result.stderr, `the error output of \`${this.lastCommand}\``).to.contain(text);
});
