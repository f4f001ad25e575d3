/**
 * `kubectl top pod|node` (k8s.io/kubectl/pkg/cmd/top, v1.33). kubesim runs no metrics-server, so
 * the API server's discovery lists no metrics.k8s.io group and kubectl stops where a real one
 * stops on such a cluster: `error: Metrics API not available` (exit 1), after its own argument,
 * flag and selector checks. `kubectl top` alone prints its help to stderr and exits 1.
 */
import { parseFieldSelector } from '../../api/fields.js';
import { parseSelector, SelectorParseError } from '../../api/labels.js';
import type { Command } from '../commands.js';
import type { CommandContext } from '../context.js';
import { CliError, RenderedError, usageError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';

const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'sort-by', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'use-protocol-buffers', type: 'bool', default: true },
];

export const TOP_POD_FLAGS: readonly FlagSpec[] = [
  ...COMMON_FLAGS,
  { name: 'field-selector', type: 'string' },
  { name: 'containers', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'sum', type: 'bool' },
];

export const TOP_NODE_FLAGS: readonly FlagSpec[] = [...COMMON_FLAGS, { name: 'show-capacity', type: 'bool' }];

const TOP_HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

const NO_METRICS = 'Metrics API not available';

/** cmdutil.DefaultSubCommandRun: the help on stderr and exit 1, or an unknown subcommand. */
function runTop(_ctx: CommandContext, flags: ParsedFlags): void {
  if (flags.args.length > 0)
    throw usageError('kubectl top', `unknown command ${JSON.stringify(flags.args.join(' '))}`);
  throw new RenderedError(TOP_HELP);
}

function validateSortBy(sortBy: string): void {
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory')
    throw new CliError('--sort-by accepts only cpu or memory');
}

/** labels.Parse and fields.ParseSelector, whose errors kubectl prints as they are. */
function parseSelectors(label: string, field: string): void {
  try {
    if (label !== '') parseSelector(label);
    if (field !== '') parseFieldSelector(field);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new CliError(e.message);
    throw e;
  }
}

/** TopPodOptions: Complete, Validate, RunTopPod up to the discovery of the metrics API. */
export function runTopPod(_ctx: CommandContext, flags: ParsedFlags): void {
  if (flags.args.length > 1) throw usageError('kubectl top pod', 'pod [NAME | -l label]');
  const name = flags.args[0] ?? '';
  validateSortBy(flags.string('sort-by'));
  const label = flags.string('selector');
  const field = flags.string('field-selector');
  if (name !== '' && (label !== '' || field !== ''))
    throw new CliError('only one of NAME or selector can be provided');
  parseSelectors(label, field);
  throw new CliError(NO_METRICS);
}

/** TopNodeOptions: Complete, Validate, RunTopNode up to the discovery of the metrics API. */
export function runTopNode(_ctx: CommandContext, flags: ParsedFlags): void {
  if (flags.args.length > 1) throw usageError('kubectl top node', 'node [NAME | -l label]');
  const name = flags.args[0] ?? '';
  validateSortBy(flags.string('sort-by'));
  const label = flags.string('selector');
  if (name !== '' && label !== '') throw new CliError('only one of NAME or --selector can be provided');
  parseSelectors(label, '');
  throw new CliError(NO_METRICS);
}

export const TOP_COMMAND: Command = {
  name: 'top',
  flags: [],
  run: runTop,
  subcommands: [
    { name: 'node', aliases: ['nodes', 'no'], flags: TOP_NODE_FLAGS, run: runTopNode },
    { name: 'pod', aliases: ['pods', 'po'], flags: TOP_POD_FLAGS, run: runTopPod },
  ],
};
