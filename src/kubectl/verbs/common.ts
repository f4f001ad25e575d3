/** Flags and helpers several verbs share (kubectl's global flags, --dry-run, printing names). */
import type { KubeObject } from '../../api/types.js';
import { CliError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { printName } from '../printers/name.js';

/** kubectl's global flags: -n is used; the others are accepted and have no effect in kubesim. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'warnings-as-errors', type: 'bool' },
];

export const FILENAME_FLAGS: readonly FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
};

export type DryRun = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy; the deprecated boolean forms still work. */
export function dryRunStrategy(flags: ParsedFlags): DryRun {
  const v = flags.string('dry-run');
  if (v === 'unchanged' || v === 'client' || v === 'true') return 'client';
  if (v === 'server') return 'server';
  if (v === 'none' || v === 'false') return 'none';
  throw new CliError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** PrintFlagsWithDryRunStrategy: ` (dry run)` or ` (server dry run)` after the operation. */
export function withDryRun(operation: string, dryRun: DryRun): string {
  if (dryRun === 'client') return `${operation} (dry run)`;
  if (dryRun === 'server') return `${operation} (server dry run)`;
  return operation;
}

/** The NamePrinter line of a mutation: `deployment.apps/web created`, or just the name for -o name. */
export function mutationLine(obj: KubeObject, operation: string, output: string): string {
  return output === 'name' ? printName(obj) : printName(obj, operation);
}

/** Rejects flags kubesim accepts for compatibility but cannot honour. */
export function rejectUnsupported(flags: ParsedFlags, names: readonly string[]): void {
  for (const name of names) {
    if (flags.has(name)) throw new CliError(`kubesim does not simulate --${name}`);
  }
}
