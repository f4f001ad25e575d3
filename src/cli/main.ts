import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { isUserError } from '../core/errors.js';
import type { CliIo } from './io.js';
import { packageVersion } from './package-root.js';
import { DEFAULT_RUN_FOR, type RunCliOptions, runManifests } from './run-command.js';
import { runTests } from './test-command.js';
import { IMAGES_ENV, SEED_ENV, type TestCliOptions } from './test-options.js';
import { UsageError } from './usage-error.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The process's own input and output. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutStream: process.stdout,
    stderrStream: process.stderr,
    readStdin: () => readFileSync(0, 'utf8'),
  };
}

/** Runs one kubesim command line (without `node kubesim`) and returns its exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let status = 0;
  const program = new Command('kubesim')
    .description('Check what Kubernetes does with your manifests, without a cluster.')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run kubesim help for the commands and options)');

  program
    .command('test')
    .summary("run feature files with kubesim's steps")
    .description(
      "run feature files with kubesim's steps; prints progress and writes reports/cucumber.html, " +
        'reports/cucumber.json and reports/junit.xml; exits 1 if a scenario fails',
    )
    .argument(
      '[paths...]',
      'feature files, folders or globs (file.feature:LINE for one scenario; default: features/)',
    )
    .option('-d, --dry-run', 'check that every step is defined without running anything')
    .option('-t, --tags <expression>', 'only scenarios whose tags match (repeatable: all must hold)', collect)
    .option('--name <regexp>', 'only scenarios whose name matches (repeatable)', collect)
    .option('-f, --format <format[:file]>', 'a cucumber formatter, to stdout or a file (repeatable)', collect)
    .option('--format-options <json>', 'options for the formatters, as JSON (repeatable)', collect)
    .option('--parallel <n>', 'run scenarios in n worker processes')
    .option(
      '-i, --import <glob>',
      "your own step definitions or hooks, loaded after kubesim's (repeatable)",
      collect,
    )
    .option('--fail-fast', 'stop at the first failing scenario')
    .option('--seed <n>', `the scenario seed for generated names and choices (sets ${SEED_ENV})`)
    .option(
      '--images <file>',
      `an images file (image behaviours, see docs/images.md) for every scenario (repeatable; sets ${IMAGES_ENV})`,
      collect,
    )
    .option('-p, --profile <name>', 'a profile of your cucumber config file (repeatable)', collect)
    .option('-c, --config <file>', 'the cucumber config file (default: cucumber.{js,mjs,cjs,json,yaml} here)')
    .option('-b, --backtrace', 'show full stack traces')
    .option('--no-reports', 'do not write the default reports to reports/')
    .addOption(new Option('--retry <n>', 'not supported: kubesim is deterministic'))
    .action(async (paths: string[], opts: TestCliOptions) => {
      status = await runTests(paths, opts, io);
    });

  program
    .command('run')
    .summary('apply manifests, let simulated time pass, print the events and the final state')
    .description(
      'apply manifests to a fresh simulated cluster, let time pass, and print the events ' +
        '([seconds] type reason object message) and the final kubectl get -o wide',
    )
    .requiredOption('-f, --filename <file>', 'a manifest file, or - for standard input (repeatable)', collect)
    .option(
      '--for <duration>',
      'how much simulated time passes after applying (500ms, 45s, 2m, 1h30m)',
      DEFAULT_RUN_FOR,
    )
    .option('--seed <n>', `the seed for generated names and choices (default: ${SEED_ENV} or 1)`)
    .option('--nodes <n>', 'how many default nodes (4 CPU, 8Gi, 110 pods) the cluster has (default: 3)')
    .option('--images <file>', 'an images file (image behaviours, see docs/images.md) (repeatable)', collect)
    .action((opts: RunCliOptions) => {
      status = runManifests(opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (e) {
    // Help and --version exit 0; commander's usage errors (unknown option or command) exit 2.
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.stderr(`kubesim: ${e.message}\n`);
      return e.exitCode;
    }
    if (isUserError(e)) {
      io.stderr(`kubesim: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
