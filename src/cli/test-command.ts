import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { CliIo } from './io.js';
import { PACKAGE_ROOT } from './package-root.js';
import {
  DEFAULT_FEATURES,
  finishRunConfiguration,
  IMAGES_ENV,
  isGlob,
  planTest,
  SEED_ENV,
  type TestCliOptions,
  withoutLines,
} from './test-options.js';
import { formatUndefinedSteps, StepDefinitionCheck } from './undefined-steps.js';
import { UsageError } from './usage-error.js';

/** The formatters that write for people; other stdout formats (json, message…) are data. */
const HUMAN_FORMATS = new Set([
  'progress',
  'progress-bar',
  'pretty',
  'summary',
  '@cucumber/pretty-formatter',
]);

/**
 * `kubesim test [paths…]`: runs feature files with kubesim's bundled steps through cucumber's
 * JavaScript API and returns the exit status cucumber's own CLI would (0 passed, 1 failed).
 */
export async function runTests(paths: string[], opts: TestCliOptions, io: CliIo): Promise<number> {
  const plan = planTest(paths, opts);
  const env = { ...io.env };
  if (plan.seed !== undefined) env[SEED_ENV] = String(plan.seed);
  const images = (opts.images ?? []).map((file) => resolve(io.cwd, file));
  for (const file of images) if (!existsSync(file)) throw new UsageError(`--images ${file}: no such file`);
  if (images.length > 0) env[IMAGES_ENV] = images.join(delimiter);
  const environment = { cwd: io.cwd, stdout: io.stdoutStream, stderr: io.stderrStream, env };

  if (plan.profiles.length > 0 && plan.configFile === undefined && !hasConfigFile(io.cwd)) {
    throw new UsageError(
      `--profile ${plan.profiles.join(', ')}: there is no cucumber config file in ${io.cwd} (name one with --config)`,
    );
  }
  let loaded: Awaited<ReturnType<typeof loadConfiguration>>;
  try {
    loaded = await loadConfiguration(
      { file: plan.configFile, profiles: plan.profiles, provided: plan.provided },
      environment,
    );
  } catch (e) {
    // Cucumber's configuration errors (unknown profile, bad config file) are the user's to fix.
    throw new UsageError((e as Error).message);
  }
  const run = finishRunConfiguration(loaded.runConfiguration, plan, {
    cwd: io.cwd,
    bundledImports: bundledSupportFiles(),
  });
  checkFeaturePaths(run.sources.paths, io.cwd, plan.paths.length === 0);

  // Workers get `env`; the World of a serial run reads this process's environment.
  if (plan.seed !== undefined) process.env[SEED_ENV] = String(plan.seed);
  if (images.length > 0) process.env[IMAGES_ENV] = env[IMAGES_ENV];
  const check = new StepDefinitionCheck();
  const { success } = await runCucumber(run, environment, (envelope) => check.add(envelope));
  const write = HUMAN_FORMATS.has(run.formats.stdout) ? io.stdout : io.stderr;
  const report = formatUndefinedSteps(check.list(), io.cwd);
  if (report) write(`\n${report}`);
  // Cucumber's dry run passes with undefined steps; kubesim's fails, because checking that every
  // step is defined is what a dry run is for (see the contract feature's header).
  const unmatched = check.undefinedCount + check.ambiguousCount;
  if (run.runtime.dryRun && unmatched > 0) {
    write(
      `\nDry run failed: ${check.undefinedCount} undefined and ${check.ambiguousCount} ambiguous step(s).\n`,
    );
    return 1;
  }
  return success ? 0 : 1;
}

/**
 * kubesim's own support code, absolute and in load order: the tsx shim first (so the
 * TypeScript after it loads), then every step file under steps/ in sorted order. Unit tests
 * beside the steps (`*.test.ts`) are not step files.
 */
export function bundledSupportFiles(root = PACKAGE_ROOT): string[] {
  const steps = join(root, 'steps');
  const shim = join(steps, '00-register-tsx.mjs');
  const files = readdirSync(steps, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !/\.(test|d)\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return [shim, ...files];
}

/** The config files cucumber's loadConfiguration looks for in the working directory. */
const CONFIG_FILES = [
  'cucumber.js',
  'cucumber.cjs',
  'cucumber.mjs',
  'cucumber.json',
  'cucumber.yaml',
  'cucumber.yml',
];

function hasConfigFile(cwd: string): boolean {
  return CONFIG_FILES.some((name) => existsSync(join(cwd, name)));
}

/** A feature path that does not exist is an error before cucumber starts, not zero scenarios. */
function checkFeaturePaths(paths: readonly string[], cwd: string, defaulted: boolean): void {
  for (const path of paths) {
    const file = withoutLines(path);
    if (isGlob(file) || existsSync(resolve(cwd, file))) continue;
    if (defaulted && path === DEFAULT_FEATURES) {
      throw new UsageError(
        `no ${DEFAULT_FEATURES}/ folder in ${cwd}: name the feature files or folders to run, ` +
          'e.g. kubesim test specs/web.feature',
      );
    }
    throw new UsageError(`feature path not found: ${path} (looked in ${resolve(cwd, file)})`);
  }
}
