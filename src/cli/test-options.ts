import { resolve } from 'node:path';
import type { IConfiguration, IRunConfiguration } from '@cucumber/cucumber/api';
import { UsageError } from './usage-error.js';

/** The options of `kubesim test` as commander hands them over (values not yet checked). */
export interface TestCliOptions {
  dryRun?: boolean;
  tags?: string[];
  name?: string[];
  format?: string[];
  formatOptions?: string[];
  parallel?: string;
  import?: string[];
  failFast?: boolean;
  retry?: string;
  seed?: string;
  images?: string[];
  profile?: string[];
  config?: string;
  backtrace?: boolean;
  /** False with `--no-reports`. */
  reports?: boolean;
}

/** What a `kubesim test` invocation asks for, checked. */
export interface TestPlan {
  /** Feature paths from the command line; empty means the config's, else ./features. */
  readonly paths: string[];
  readonly profiles: string[];
  readonly configFile?: string;
  /** Cucumber options merged over the config file by cucumber's loadConfiguration. */
  readonly provided: Partial<IConfiguration>;
  /** The user's own support code (`--import`), loaded after kubesim's steps. */
  readonly userImports: string[];
  /** The scenario seed for the steps' World, passed as KUBESIM_SEED. */
  readonly seed?: number;
  readonly reports: boolean;
}

/** The environment variable through which `--seed` reaches the steps' World (also in workers). */
export const SEED_ENV = 'KUBESIM_SEED';

/**
 * The environment variable through which `--images FILE…` reaches the steps' World: absolute
 * paths joined by the platform's path delimiter.
 */
export const IMAGES_ENV = 'KUBESIM_IMAGES';

/** Where the reports go when no option says otherwise (relative to the working directory). */
export const DEFAULT_REPORTS: Readonly<Record<string, string>> = {
  'reports/cucumber.html': 'html',
  'reports/cucumber.json': 'json',
  'reports/junit.xml': 'junit',
};

export const DEFAULT_FEATURES = 'features';

const RETRY_MESSAGE =
  '--retry is not supported: kubesim is deterministic, so a scenario that fails once fails the same way ' +
  'every time. Run it again with another --seed to try other generated names and choices.';

/** Checks the options and maps them onto cucumber's configuration. */
export function planTest(paths: readonly string[], opts: TestCliOptions): TestPlan {
  if (opts.retry !== undefined) throw new UsageError(RETRY_MESSAGE);
  const provided: Partial<IConfiguration> = {};
  if (opts.dryRun) provided.dryRun = true;
  if (opts.failFast) provided.failFast = true;
  if (opts.backtrace) provided.backtrace = true;
  if (opts.tags?.length) provided.tags = joinTags(opts.tags);
  if (opts.name?.length) provided.name = [...opts.name];
  if (opts.format?.length) provided.format = [...opts.format];
  if (opts.formatOptions?.length) provided.formatOptions = mergeJson('--format-options', opts.formatOptions);
  if (opts.parallel !== undefined) provided.parallel = count('--parallel', opts.parallel);
  return {
    paths: [...paths],
    profiles: [...(opts.profile ?? [])],
    configFile: opts.config,
    provided,
    userImports: [...(opts.import ?? [])],
    seed: opts.seed === undefined ? undefined : parseSeed(opts.seed),
    reports: opts.reports !== false,
  };
}

/** Several `--tags` must all hold, as cucumber's own CLI joins them. */
export function joinTags(tags: readonly string[]): string {
  return tags.map((t) => `(${t})`).join(' and ');
}

/** A seed is a whole number from 0 to 2^32 - 1 (the generator's 32 bits). */
export function parseSeed(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n > 0xffffffff) {
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not "${text}"`);
  }
  return n;
}

function count(option: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) {
    throw new UsageError(`${option} must be a whole number, not "${text}"`);
  }
  return n;
}

function mergeJson(option: string, texts: readonly string[]): Record<string, never> {
  const merged: Record<string, unknown> = {};
  for (const text of texts) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`${option} is not valid JSON: ${(e as Error).message}: ${text}`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new UsageError(`${option} must be a JSON object: ${text}`);
    }
    Object.assign(merged, value);
  }
  return merged as Record<string, never>;
}

export interface RunContext {
  readonly cwd: string;
  /** kubesim's support files, absolute and in load order: the tsx shim first, then the steps. */
  readonly bundledImports: readonly string[];
}

/**
 * Finishes the configuration that cucumber's loadConfiguration made from the config file and
 * the provided options: the feature paths from the command line replace the config's (cucumber
 * would merge them), kubesim's steps load first and the user's after, the default reports are
 * added, --seed reaches the World, and a config that asks for retries is refused.
 */
export function finishRunConfiguration(
  loaded: IRunConfiguration,
  plan: TestPlan,
  ctx: RunContext,
): IRunConfiguration {
  if (loaded.runtime.retry > 0) throw new UsageError(RETRY_MESSAGE);
  const paths = plan.paths.length > 0 ? plan.paths : loaded.sources.paths;
  const files: Record<string, string> = { ...loaded.formats.files };
  if (plan.reports) {
    const taken = new Set(Object.keys(files).map((target) => resolve(ctx.cwd, target)));
    for (const [target, formatter] of Object.entries(DEFAULT_REPORTS)) {
      if (!taken.has(resolve(ctx.cwd, target))) files[target] = formatter;
    }
  }
  const options = { ...loaded.formats.options };
  if (plan.reports && options.junit === undefined) options.junit = { suiteName: 'kubesim' };
  // The World takes the seed from its `seed` parameter before KUBESIM_SEED, so --seed must
  // also win over a config file's worldParameters.
  const worldParameters =
    plan.seed === undefined
      ? loaded.runtime.worldParameters
      : { ...loaded.runtime.worldParameters, seed: plan.seed };
  return {
    ...loaded,
    runtime: { ...loaded.runtime, worldParameters },
    sources: { ...loaded.sources, paths: paths.length > 0 ? [...paths] : [DEFAULT_FEATURES] },
    support: {
      ...loaded.support,
      importPaths: unique([
        ...ctx.bundledImports.map(globLiteral),
        ...(loaded.support.importPaths ?? []),
        ...plan.userImports,
      ]),
    },
    formats: { ...loaded.formats, files, options },
  };
}

/**
 * Cucumber treats every import entry as a glob; an absolute path with glob characters in it
 * (`/home/me/projects (old)/…`) is escaped as minimatch's escape() does with windowsPathsNoEscape.
 */
export function globLiteral(path: string): string {
  return path.replace(/[?*()[\]]/g, '[$&]');
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** A feature path without cucumber's `:line` suffixes (`a.feature:12:30`). */
export function withoutLines(path: string): string {
  return path.replace(/(:\d+)+$/, '');
}

/** True for a path cucumber would expand as a glob rather than read as it is. */
export function isGlob(path: string): boolean {
  return /[*?[\]{}]/.test(path);
}
