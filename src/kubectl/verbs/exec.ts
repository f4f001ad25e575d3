/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args…]`
 * (k8s.io/kubectl/pkg/cmd/exec, the API server's exec location and the kubelet's GetExec): runs
 * the command in the container's own shell interpreter and file system, prints its stdout and
 * stderr, and for a non-zero exit prints `command terminated with exit code N` and exits N, as
 * kubectl's CheckErr does with the remote command's exit error. kubesim has no terminal: `-t`
 * with `-i` says so (`Unable to use a TTY …`) and goes on; `-i` feeds kubectl's stdin (`-f -`'s
 * input) to the command. The command runs to its end in the container's virtual time; the cluster
 * then lets that much simulated time pass, as the real command would have taken it.
 */
import type { Pod } from '../../api/types.js';
import { execInContainer } from '../../controllers/kubelet/streams.js';
import { badRequest } from '../../core/errors.js';
import { firstActivePod, selectorForObject } from '../../network/attachable-pod.js';
import type { CommandContext } from '../context.js';
import { CliError, RenderedError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { fetchObject, findContainerByName, findOrDefaultContainer, kubeletFor } from './container-target.js';

export const EXEC_FLAGS: readonly FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
  { name: 'filename', short: 'f', type: 'strings' },
];

/** The remote command's exit status: kubectl prints the message and exits with the code. */
export class ExitCodeError extends RenderedError {
  override name = 'ExitCodeError';
  constructor(readonly exitCode: number) {
    super(`command terminated with exit code ${exitCode}\n`);
  }
}

export function runExec(ctx: CommandContext, flags: ParsedFlags): void {
  const args = flags.args;
  const quiet = flags.bool('quiet');
  if (flags.has('filename')) throw new CliError('kubesim does not simulate "kubectl exec -f"; name the pod');
  // Complete: cobra's ArgsLenAtDash (-1 without `--`).
  const atDash = flags.afterDash < args.length ? flags.afterDash : -1;
  const resource = args.length > 0 && atDash !== 0 ? args[0]! : '';
  let command: string[] = [];
  if (atDash > -1) command = args.slice(atDash);
  else if (args.length > 1) {
    if (!quiet) {
      ctx.io.err(
        'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n',
      );
    }
    command = args.slice(1);
  }
  // Validate
  if (!resource) throw new CliError('pod, type/name or --filename must be specified');
  if (command.length === 0) throw new CliError('you must specify at least one command for the container');

  const pod = executablePod(ctx, resource, flags.duration('pod-running-timeout'));
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new CliError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  let container = flags.string('container');
  if (!container) container = findOrDefaultContainer(ctx, pod, '', quiet).name;
  if (flags.bool('stdin') && flags.bool('tty') && !quiet) {
    // SetupTTY: kubesim's stdin is never a terminal.
    ctx.io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }

  // The API server's exec location (pod/strategy.go streamLocation).
  if (!findContainerByName(pod, container)) {
    throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  if (!pod.spec?.nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  const kubelet = kubeletFor(ctx, pod);
  if (!kubelet)
    throw new CliError(`unable to upgrade connection: container not found (${JSON.stringify(container)})`);

  const stdin = flags.bool('stdin') ? (ctx.opts.stdin ?? '') : undefined;
  const result = execInContainer(kubelet, pod, container, command, stdin === undefined ? {} : { stdin });
  if (result.kind === 'not-found') throw new CliError(`unable to upgrade connection: ${result.message}`);
  if (result.kind === 'failed') throw new CliError(result.message);
  const { outcome } = result;
  ctx.io.out(outcome.stdout);
  ctx.io.err(outcome.stderr);
  if (outcome.elapsedMs > 0) ctx.cluster.advance(outcome.elapsedMs);
  if (outcome.timedOut || outcome.exitCode === undefined) {
    throw new CliError(
      'kubesim: the command did not end within an hour of simulated time; a real kubectl exec would still be waiting',
    );
  }
  if (outcome.exitCode !== 0) throw new ExitCodeError(outcome.exitCode);
}

/** Run's pod: the named pod, or AttachablePodForObject for a workload or Service. */
function executablePod(ctx: CommandContext, arg: string, timeoutMs: number): Pod {
  const obj = fetchObject(ctx, arg);
  if (obj.kind === 'Pod') return obj as Pod;
  const selector = selectorForObject(obj);
  const namespace = obj.metadata.namespace ?? ctx.namespace;
  const list = () => ctx.cluster.store.list('Pod', namespace, selector);
  if (list().length === 0 && !ctx.cluster.advanceUntil(() => list().length > 0, timeoutMs)) {
    throw new CliError('timed out waiting for the condition');
  }
  return firstActivePod(list())!;
}
