import { describe, it } from 'node:test';
import { loadConfiguration } from '@cucumber/cucumber/api';
import { expect } from 'chai';
import {
  DEFAULT_REPORTS,
  finishRunConfiguration,
  globLiteral,
  isGlob,
  joinTags,
  parseSeed,
  planTest,
  type TestCliOptions,
  type TestPlan,
  withoutLines,
} from './test-options.js';
import { UsageError } from './usage-error.js';

const BUNDLED = ['/pkg/steps/00-register-tsx.mjs', '/pkg/steps/apply.steps.ts'];

/** Loads a configuration as `kubesim test` does, without a config file unless one is given inline. */
async function loaded(plan: TestPlan, fileConfig: Record<string, unknown> = {}) {
  const provided = { ...fileConfig, ...plan.provided } as never;
  const { runConfiguration } = await loadConfiguration({ file: false, provided }, { cwd: '/work/user' });
  return runConfiguration;
}

describe('planTest', () => {
  it('maps the pass-through options onto cucumber configuration', () => {
    const opts: TestCliOptions = {
      dryRun: true,
      failFast: true,
      backtrace: true,
      tags: ['@smoke', 'not @slow'],
      name: ['rollout'],
      format: ['pretty', 'json:out/x.json'],
      formatOptions: ['{"snippetInterface":"async-await"}', '{"colorsEnabled":false}'],
      parallel: '2',
      import: ['support/**/*.ts'],
      seed: '42',
      profile: ['ci'],
      config: 'cucumber.ci.mjs',
    };
    const plan = planTest(['features/web.feature:12'], opts);
    expect(plan.provided).to.deep.equal({
      dryRun: true,
      failFast: true,
      backtrace: true,
      tags: '(@smoke) and (not @slow)',
      name: ['rollout'],
      format: ['pretty', 'json:out/x.json'],
      formatOptions: { snippetInterface: 'async-await', colorsEnabled: false },
      parallel: 2,
    });
    expect(plan.paths).to.deep.equal(['features/web.feature:12']);
    expect(plan.userImports).to.deep.equal(['support/**/*.ts']);
    expect(plan.seed).to.equal(42);
    expect(plan.profiles).to.deep.equal(['ci']);
    expect(plan.configFile).to.equal('cucumber.ci.mjs');
    expect(plan.reports).to.equal(true);
  });

  it('provides nothing that was not asked for', () => {
    const plan = planTest([], {});
    expect(plan.provided).to.deep.equal({});
    expect(plan.seed).to.equal(undefined);
    expect(planTest([], { reports: false }).reports).to.equal(false);
  });

  it('refuses --retry, with the reason', () => {
    expect(() => planTest([], { retry: '2' }))
      .to.throw(UsageError)
      .with.property('message')
      .that.matches(/deterministic/);
  });

  const bad: Array<[string, TestCliOptions, RegExp]> = [
    ['a negative seed', { seed: '-1' }, /--seed must be a whole number/],
    ['a seed over 32 bits', { seed: '4294967296' }, /--seed/],
    ['a fractional seed', { seed: '1.5' }, /--seed/],
    ['a word for --parallel', { parallel: 'two' }, /--parallel must be a whole number/],
    ['bad JSON', { formatOptions: ['{'] }, /--format-options is not valid JSON/],
    ['a JSON array', { formatOptions: ['[1]'] }, /--format-options must be a JSON object/],
  ];
  for (const [what, opts, message] of bad) {
    it(`rejects ${what}`, () => {
      expect(() => planTest([], opts)).to.throw(UsageError, message);
    });
  }
});

describe('parseSeed and joinTags', () => {
  it('accepts the whole 32-bit range', () => {
    expect(parseSeed('0')).to.equal(0);
    expect(parseSeed('4294967295')).to.equal(4294967295);
  });
  it('joins tags so that all must hold', () => {
    expect(joinTags(['@a'])).to.equal('(@a)');
    expect(joinTags(['@a', '@b or @c'])).to.equal('(@a) and (@b or @c)');
  });
});

describe('finishRunConfiguration', () => {
  const ctx = { cwd: '/work/user', bundledImports: BUNDLED };

  it("loads kubesim steps first and the user's after, and defaults the features and reports", async () => {
    const plan = planTest([], { import: ['support/*.ts'] });
    const run = finishRunConfiguration(await loaded(plan), plan, ctx);
    expect(run.support.importPaths).to.deep.equal([...BUNDLED, 'support/*.ts']);
    expect(run.sources.paths).to.deep.equal(['features']);
    expect(run.formats.stdout).to.equal('progress');
    expect(run.formats.files).to.deep.equal(DEFAULT_REPORTS);
    expect(run.formats.options).to.deep.equal({ junit: { suiteName: 'kubesim' } });
  });

  it("puts a config file's own imports between kubesim's and --import's", async () => {
    const plan = planTest([], { import: ['extra.ts'] });
    const run = finishRunConfiguration(await loaded(plan, { import: ['config-steps/*.ts'] }), plan, ctx);
    expect(run.support.importPaths).to.deep.equal([...BUNDLED, 'config-steps/*.ts', 'extra.ts']);
  });

  it("lets command-line paths replace the config file's instead of adding to them", async () => {
    const plan = planTest(['specs/a.feature'], {});
    const run = finishRunConfiguration(await loaded(plan, { paths: ['features/'] }), plan, ctx);
    expect(run.sources.paths).to.deep.equal(['specs/a.feature']);
    const fromConfig = finishRunConfiguration(
      await loaded(planTest([], {}), { paths: ['specs/'] }),
      planTest([], {}),
      ctx,
    );
    expect(fromConfig.sources.paths).to.deep.equal(['specs/']);
  });

  it('passes formats through, keeps a stdout format, and does not write one report twice', async () => {
    const plan = planTest([], { format: ['summary', 'html:./reports/cucumber.html', 'json:out/x.json'] });
    const run = finishRunConfiguration(await loaded(plan), plan, ctx);
    expect(run.formats.stdout).to.equal('summary');
    expect(run.formats.files).to.deep.equal({
      './reports/cucumber.html': 'html',
      'out/x.json': 'json',
      'reports/cucumber.json': 'json',
      'reports/junit.xml': 'junit',
    });
  });

  it('writes no default reports with --no-reports', async () => {
    const plan = planTest([], { reports: false, format: ['json:out/x.json'] });
    const run = finishRunConfiguration(await loaded(plan), plan, ctx);
    expect(run.formats.files).to.deep.equal({ 'out/x.json': 'json' });
    expect(run.formats.options).to.deep.equal({});
  });

  it('maps runtime options', async () => {
    const plan = planTest([], { dryRun: true, failFast: true, parallel: '3', tags: ['@a'], name: ['x'] });
    const run = finishRunConfiguration(await loaded(plan), plan, ctx);
    expect(run.runtime).to.include({ dryRun: true, failFast: true, parallel: 3, retry: 0 });
    expect(run.sources.tagExpression).to.equal('(@a)');
    expect(run.sources.names).to.deep.equal(['x']);
  });

  it("passes --seed to the World over a config file's seed", async () => {
    const plan = planTest([], { seed: '7' });
    const run = finishRunConfiguration(
      await loaded(plan, { worldParameters: { seed: 3, other: 'x' } }),
      plan,
      ctx,
    );
    expect(run.runtime.worldParameters).to.deep.equal({ seed: 7, other: 'x' });
    const unseeded = planTest([], {});
    const kept = finishRunConfiguration(
      await loaded(unseeded, { worldParameters: { seed: 3 } }),
      unseeded,
      ctx,
    );
    expect(kept.runtime.worldParameters).to.deep.equal({ seed: 3 });
  });

  it('refuses a config file that asks for retries', async () => {
    const plan = planTest([], {});
    const config = await loaded(plan, { retry: 2 });
    expect(() => finishRunConfiguration(config, plan, ctx)).to.throw(UsageError, /deterministic/);
  });

  it("escapes glob characters in kubesim's own paths", async () => {
    const plan = planTest([], {});
    const run = finishRunConfiguration(await loaded(plan), plan, {
      cwd: '/w',
      bundledImports: ['/home/me/projects (old)/kubesim/steps/a.ts'],
    });
    expect(run.support.importPaths).to.deep.equal(['/home/me/projects [(]old[)]/kubesim/steps/a.ts']);
  });
});

describe('path helpers', () => {
  it('strips line suffixes and recognises globs', () => {
    expect(withoutLines('a.feature:12:30')).to.equal('a.feature');
    expect(withoutLines('a.feature')).to.equal('a.feature');
    expect(isGlob('features/**/*.feature')).to.equal(true);
    expect(isGlob('features/web.feature')).to.equal(false);
    expect(globLiteral('/a/b[1]/c?.ts')).to.equal('/a/b[[]1[]]/c[?].ts');
  });
});
