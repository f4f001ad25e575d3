/**
 * `kubectl logs [-p] (POD | TYPE/NAME) [-c CONTAINER]` (k8s.io/kubectl/pkg/cmd/logs, with
 * polymorphichelpers.logsForObject and the kubelet's GetKubeletContainerLogs): a pod's container
 * log, the first container by default (with kubectl's `Defaulted container …` note), the
 * previous instance with `-p`, a workload's first pod by podutils.ByLogging (`Found 3 pods, using
 * pod/…`), every pod of a selector (`--tail` 10 then), `--all-containers`, `--prefix`, `--tail`,
 * `--since`, `--since-time`, `--timestamps`, `--limit-bytes`. `-f` streams until interrupted in
 * a real kubectl; kubesim refuses it (let time pass, then read the log again).
 */
import { resourceOf } from '../../api/resources.js';
import type { Pod } from '../../api/types.js';
import { containerLogs } from '../../controllers/kubelet/streams.js';
import { badRequest } from '../../core/errors.js';
import type { LogLine } from '../../images/container-log.js';
import { selectorForObject } from '../../network/attachable-pod.js';
import { microTimestampOf, simTimeOf } from '../../store/time.js';
import type { CommandContext } from '../context.js';
import { CliError, usageError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { listSelectors } from '../resource-args.js';
import {
  allContainerNames,
  DEFAULT_CONTAINER_ANNOTATION,
  fetchObject,
  findContainerByName,
  hasSeveralContainers,
  kubeletFor,
  sortByLogging,
} from './container-target.js';

export const LOGS_FLAGS: readonly FlagSpec[] = [
  { name: 'all-containers', type: 'bool' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'timestamps', type: 'bool' },
  { name: 'limit-bytes', type: 'int' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'ignore-errors', type: 'bool' },
  { name: 'since-time', type: 'string' },
  { name: 'since', type: 'duration' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
  { name: 'pod-running-timeout', type: 'duration', default: 20_000 },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'max-log-requests', type: 'int', default: 5 },
  { name: 'prefix', type: 'bool' },
];

const COMMAND = 'kubectl logs';
const USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
/** logs.go selectorTail: with -l and no --tail, the last 10 lines of each container. */
const SELECTOR_TAIL = 10;

/** The PodLogOptions the kubelet applies. */
interface LogOptions {
  readonly previous: boolean;
  readonly timestamps: boolean;
  readonly tailLines: number | undefined;
  readonly sinceMs: number | undefined;
  readonly limitBytes: number | undefined;
}

/** One container's log to print, and the prefix `--prefix` puts before each line. */
interface LogRequest {
  readonly pod: Pod;
  readonly container: string;
  readonly prefix: string;
}

export function runLogs(ctx: CommandContext, flags: ParsedFlags): void {
  const args = flags.args;
  const selector = flags.string('selector');
  let container = flags.string('container');
  if (args.length === 0 && !selector) throw usageError(COMMAND, USAGE);
  if (args.length === 1 && selector)
    throw usageError(COMMAND, 'only a selector (-l) or a POD name is allowed');
  if (args.length > 2) throw usageError(COMMAND, USAGE);
  if (args.length === 2) {
    if (flags.has('container')) throw new CliError('only one of -c or an inline [CONTAINER] arg is allowed');
    container = args[1]!;
  }
  if (flags.bool('follow')) {
    throw new CliError(
      'kubesim does not simulate "kubectl logs -f": a real kubectl streams until interrupted. Let simulated time pass, then run "kubectl logs" again',
    );
  }
  const options = logOptions(ctx, flags, selector);
  const allContainers = flags.bool('all-containers');
  if (allContainers && container) {
    throw new CliError(`--all-containers=true should not be specified with container name ${container}`);
  }

  let requests: LogRequest[];
  if (selector) {
    // The selector goes to the API server: one it cannot parse is its BadRequest.
    const selectors = listSelectors(selector);
    const rejected = selectors.rejects?.(resourceOf('Pod'));
    if (rejected) throw rejected;
    const pods = ctx.cluster.store.list('Pod', ctx.namespace, selectors.label);
    if (pods.length === 0) {
      ctx.io.err(`No resources found in ${ctx.namespace} namespace.\n`);
      return;
    }
    requests = pods.flatMap((pod) => requestsForPod(ctx, pod, container, allContainers, false));
  } else {
    requests = requestsForObject(
      ctx,
      args[0]!,
      container,
      allContainers,
      flags.duration('pod-running-timeout'),
    );
  }
  for (const request of requests) printLog(ctx, request, options, flags.bool('prefix'));
}

/** ToLogOptions and Validate. */
function logOptions(ctx: CommandContext, flags: ParsedFlags, selector: string): LogOptions {
  const sinceTime = flags.string('since-time');
  const since = flags.duration('since');
  if (sinceTime && since !== 0)
    throw new CliError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  const limitBytes = flags.int('limit-bytes');
  if (limitBytes < 0) throw new CliError('--limit-bytes must be greater than 0');
  if (since < 0) throw new CliError('--since must be greater than 0');
  const tail = flags.int('tail');
  if (tail < -1) throw new CliError('--tail must be greater than or equal to -1');
  let sinceMs: number | undefined;
  if (sinceTime) {
    const t = simTimeOf(sinceTime);
    if (t === undefined) {
      throw new CliError(
        `parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`,
      );
    }
    sinceMs = t;
  } else if (since !== 0) {
    // Rounded to whole seconds, as PodLogOptions.SinceSeconds is.
    sinceMs = ctx.cluster.now - Math.round(since / 1000) * 1000;
  }
  return {
    previous: flags.bool('previous'),
    timestamps: flags.bool('timestamps'),
    tailLines: selector && tail === -1 && !flags.has('tail') ? SELECTOR_TAIL : tail === -1 ? undefined : tail,
    sinceMs,
    limitBytes: limitBytes === 0 ? undefined : limitBytes,
  };
}

/** logsForObject for a pod or a workload named on the command line. */
function requestsForObject(
  ctx: CommandContext,
  arg: string,
  container: string,
  allContainers: boolean,
  timeoutMs: number,
): LogRequest[] {
  const obj = fetchObject(ctx, arg);
  if (obj.kind === 'Pod') return requestsForPod(ctx, obj as Pod, container, allContainers, false);
  let selector: ReturnType<typeof selectorForObject>;
  try {
    selector = selectorForObject(obj);
  } catch (e) {
    throw new CliError(`cannot get the logs from *v1.${obj.kind}: ${(e as Error).message}`);
  }
  const namespace = obj.metadata.namespace ?? ctx.namespace;
  const list = () => ctx.cluster.store.list('Pod', namespace, selector);
  if (list().length === 0 && !ctx.cluster.advanceUntil(() => list().length > 0, timeoutMs)) {
    throw new CliError('timed out waiting for the condition');
  }
  const pods = sortByLogging(list());
  const pod = pods[0]!;
  if (pods.length > 1) ctx.io.err(`Found ${pods.length} pods, using pod/${pod.metadata.name}\n`);
  return requestsForPod(ctx, pod, container, allContainers, false);
}

/** logsForObjectWithClient for one pod: its defaulted container, or all of them. */
function requestsForPod(
  ctx: CommandContext,
  pod: Pod,
  container: string,
  allContainers: boolean,
  allPods: boolean,
): LogRequest[] {
  const prefix = (name: string) => `[pod/${pod.metadata.name}/${name}] `;
  if (allContainers) {
    const spec = pod.spec;
    return [
      ...(spec?.initContainers ?? []),
      ...(spec?.containers ?? []),
      ...(spec?.ephemeralContainers ?? []),
    ].map((c) => ({ pod, container: c.name, prefix: prefix(c.name) }));
  }
  let name = container;
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!name && annotated) {
    if (findContainerByName(pod, annotated)) name = annotated;
    else
      ctx.io.err(
        `Default container name ${JSON.stringify(annotated)} not found in pod ${pod.metadata.name}\n`,
      );
  }
  if (!name) {
    name = pod.spec?.containers?.[0]?.name ?? '';
    if (hasSeveralContainers(pod) && !allPods) {
      ctx.io.err(`Defaulted container ${JSON.stringify(name)} out of: ${allContainerNames(pod)}\n`);
    }
  }
  if (!findContainerByName(pod, name)) {
    throw new CliError(
      `container ${name} is not valid for pod ${pod.metadata.name} out of: ${allContainerNames(pod)}`,
    );
  }
  return [{ pod, container: name, prefix: prefix(name) }];
}

/** GET pods/NAME/log: the API server finds the node, the kubelet reads the container's log. */
function printLog(ctx: CommandContext, request: LogRequest, options: LogOptions, withPrefix: boolean): void {
  const live = ctx.cluster.store.get('Pod', request.pod.metadata.namespace, request.pod.metadata.name);
  const pod = live ?? request.pod;
  // LogLocation: a pod not yet on a node has no log stream (an empty answer).
  if (!pod.spec?.nodeName) return;
  const kubelet = kubeletFor(ctx, pod);
  if (!kubelet) return;
  const result = containerLogs(kubelet, pod, request.container, options.previous);
  if ('error' in result) throw badRequest(result.error);
  const text = render(result.lines, options, withPrefix ? request.prefix : '');
  if (text) ctx.io.out(text);
}

/** The kubelet's ReadLogs: the last `tail` lines, those since `since`, stamped, cut at limitBytes. */
export function render(
  lines: readonly LogLine[],
  options: Omit<LogOptions, 'previous'>,
  prefix = '',
): string {
  let shown =
    options.tailLines === undefined ? lines : options.tailLines === 0 ? [] : lines.slice(-options.tailLines);
  if (options.sinceMs !== undefined) shown = shown.filter((l) => l.at >= options.sinceMs!);
  let out = '';
  for (const l of shown) out += options.timestamps ? `${nanoTimestamp(l.at)} ${l.text}\n` : `${l.text}\n`;
  if (options.limitBytes !== undefined) out = cutBytes(out, options.limitBytes);
  // kubectl's prefixingWriter prefixes each line it reads from the stream.
  if (!prefix || !out) return out;
  const ends = out.endsWith('\n');
  const body = (ends ? out.slice(0, -1) : out).split('\n').map((l) => prefix + l);
  return body.join('\n') + (ends ? '\n' : '');
}

/** The kubelet's log timestamps: RFC 3339 with nanoseconds (`2025-01-01T00:00:05.000000000Z`). */
export function nanoTimestamp(simMs: number): string {
  return microTimestampOf(simMs).replace(/Z$/, '000Z');
}

/** The first `limit` bytes of the UTF-8 text. */
function cutBytes(text: string, limit: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  return bytes.subarray(0, limit).toString('utf8');
}
