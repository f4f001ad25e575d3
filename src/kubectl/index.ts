/**
 * kubesim's kubectl (v1.33): `kubectl(cluster, argv, opts)` runs one command line against a
 * simulated cluster and returns what kubectl would print and its exit code.
 */
import { COMMANDS, resolveCommand } from './commands.js';
import {
  type ClusterView,
  type CommandContext,
  type CommandResult,
  type KubectlOptions,
  Streams,
} from './context.js';
import { renderError } from './errors.js';

export { splitCommandLine } from './command-line.js';
export type { ClusterView, CommandResult, KubectlOptions } from './context.js';
export { podStatusColumn, podSummary } from './printers/columns/pod.js';
export { humanDuration } from './printers/human-duration.js';

function usage(): string {
  const verbs = COMMANDS.map((c) => c.name).sort();
  return `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

kubesim simulates: ${verbs.join(', ')}
`;
}

/**
 * Runs one kubectl command line (argv without the leading `kubectl`). User mistakes come back as
 * kubectl's error text on stderr with exit code 1, never as a thrown exception; afterwards the
 * cluster is settled, so what the command caused has happened.
 */
export function kubectl(
  cluster: ClusterView,
  argv: readonly string[],
  opts: KubectlOptions = {},
): CommandResult {
  const io = new Streams();
  let exitCode = 0;
  try {
    const resolved = resolveCommand(argv);
    if (!resolved) {
      io.out(usage());
    } else if (resolved.flags.bool('help')) {
      io.out(
        `kubesim does not print kubectl's help; see 'kubectl ${resolved.path.slice(8)} --help' in a real kubectl.\n`,
      );
    } else {
      const namespace = resolved.flags.string('namespace');
      const ctx: CommandContext = {
        cluster,
        opts,
        io,
        namespace: namespace || 'default',
        explicitNamespace: resolved.flags.has('namespace') && namespace !== '',
        warned: new Set(),
      };
      resolved.command.run!(ctx, resolved.flags);
    }
  } catch (err) {
    io.err(renderError(err));
    // A remote command's exit status (kubectl exec) is kubectl's own exit code.
    exitCode = (err as { exitCode?: number } | undefined)?.exitCode ?? 1;
  }
  try {
    cluster.settle();
  } catch (err) {
    io.err(renderError(err));
    exitCode = 1;
  }
  return { stdout: io.stdout, stderr: io.stderr, exitCode };
}
