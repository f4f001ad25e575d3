import type { Cluster } from '../cluster/cluster.js';

/** What a kubectl command printed and how it exited. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface KubectlOptions {
  /** What `-f -` reads. */
  stdin?: string;
  /** Resolves a `-f PATH` argument to a file on disk (relative to the feature file, then cwd). */
  resolvePath?: (path: string) => string;
}

/** Placeholder: runs one kubectl command line (argv without the leading `kubectl`). */
export function kubectl(_cluster: Cluster, argv: string[], _opts: KubectlOptions = {}): CommandResult {
  return { stdout: '', stderr: `error: unknown command "${argv[0] ?? ''}" for "kubectl"\n`, exitCode: 1 };
}
