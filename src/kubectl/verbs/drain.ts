/**
 * `kubectl drain NODE` (k8s.io/kubectl/pkg/cmd/drain/drain.go RunDrain and
 * deleteOrEvictPodsSimple; pkg/drain/drain.go and filters.go, v1.33): cordons the nodes, then
 * for each node lists its pods (GetPodsForDeletion and its filters), refuses the node when a
 * filter says so, evicts the rest through the Eviction API (or deletes them with
 * --disable-eviction) and waits, in simulated time, until each is gone, printing
 * `evicting pod NS/NAME` as each eviction starts, `pod/NAME evicted` as each pod goes and
 * `node/NAME drained` at the end. A node that fails is reported and the next one is tried.
 *
 * Simplified: kubesim has no PodDisruptionBudgets, so an eviction always succeeds (no 429
 * retries); it has no DaemonSets, so a pod whose controller is a DaemonSet is an orphan (the
 * filter's NotFound case). kubectl runs the evictions in goroutines; kubesim starts them in pod
 * order. With --timeout=0 (infinite) kubectl waits for ever; kubesim waits for the longest grace
 * period involved plus a minute, then reports the timeout kubectl would report for --timeout.
 */
import type { PodCondition } from 'kubernetes-types/core/v1.js';
import { parseSelector, type Selector } from '../../api/labels.js';
import type { Node, Pod } from '../../api/types.js';
import { KubesimError, StatusError } from '../../core/errors.js';
import { simTimeOf, timestampOf } from '../../store/time.js';
import type { CommandContext } from '../context.js';
import { CliError, usageError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { printName } from '../printers/name.js';
import { mutationFormat } from '../rollout/print.js';
import { DRY_RUN_FLAG, type DryRun, dryRunStrategy, withDryRun } from './common.js';
import { cordonNodes } from './cordon.js';
import { targetNodes } from './taint.js';

export const DRAIN_FLAGS: readonly FlagSpec[] = [
  { name: 'force', type: 'bool' },
  { name: 'ignore-daemonsets', type: 'bool' },
  { name: 'delete-local-data', type: 'bool' },
  { name: 'delete-emptydir-data', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'duration' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'pod-selector', type: 'string' },
  { name: 'disable-eviction', type: 'bool' },
  { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
  { name: 'chunk-size', type: 'int', default: 500 },
  DRY_RUN_FLAG,
];

/** How long to keep waiting past the longest grace period when --timeout is 0 (infinite). */
const WAIT_MARGIN_MS = 60_000;

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

// filters.go's messages.
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

/** drain.Helper's settings. */
export interface DrainOptions {
  readonly force: boolean;
  readonly ignoreAllDaemonSets: boolean;
  readonly deleteEmptyDirData: boolean;
  /** Negative: each pod's own terminationGracePeriodSeconds. */
  readonly gracePeriodSeconds: number;
  /** 0 is infinite. */
  readonly timeoutMs: number;
  readonly podSelector?: Selector;
  readonly disableEviction: boolean;
  readonly skipWaitForDeleteTimeoutSeconds: number;
  readonly dryRun: DryRun;
}

export const DEFAULT_DRAIN_OPTIONS: DrainOptions = {
  force: false,
  ignoreAllDaemonSets: false,
  deleteEmptyDirData: false,
  gracePeriodSeconds: -1,
  timeoutMs: 0,
  disableEviction: false,
  skipWaitForDeleteTimeoutSeconds: 0,
  dryRun: 'none',
};

/** PodDeleteStatus: whether to delete the pod, and why not (or what to warn about). */
export interface PodDeleteStatus {
  readonly delete: boolean;
  readonly reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  readonly message?: string;
}

const OKAY: PodDeleteStatus = { delete: true, reason: 'Okay' };
const SKIP: PodDeleteStatus = { delete: false, reason: 'Skip' };
const warning = (del: boolean, message: string): PodDeleteStatus => ({
  delete: del,
  reason: 'Warning',
  message,
});
const error = (message: string): PodDeleteStatus => ({ delete: false, reason: 'Error', message });

type PodFilter = (pod: Pod) => PodDeleteStatus;

function finished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function controllerOf(pod: Pod) {
  return pod.metadata.ownerReferences?.find((r) => r.controller);
}

/** The base filters, in makeFilters' order; the last one's status is the pod's. */
function makeFilters(o: DrainOptions, now: number): PodFilter[] {
  const skipDeleted: PodFilter = (pod) =>
    shouldSkipPod(pod, o.skipWaitForDeleteTimeoutSeconds, now) ? SKIP : OKAY;
  const daemonSet: PodFilter = (pod) => {
    const ref = controllerOf(pod);
    if (ref?.kind !== 'DaemonSet') return OKAY;
    if (finished(pod)) return OKAY;
    // kubesim simulates no DaemonSets: the Get the filter makes always answers NotFound.
    const notFound = `daemonsets.apps "${ref.name}" not found`;
    return o.force ? warning(true, notFound) : error(notFound);
  };
  const mirrorPod: PodFilter = (pod) =>
    pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? SKIP : OKAY;
  const localStorage: PodFilter = (pod) => {
    if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir)) return OKAY;
    if (finished(pod)) return OKAY;
    if (!o.deleteEmptyDirData) return error(LOCAL_STORAGE_FATAL);
    return warning(true, LOCAL_STORAGE_WARNING);
  };
  const unreplicated: PodFilter = (pod) => {
    if (finished(pod)) return OKAY;
    if (controllerOf(pod)) return OKAY;
    return o.force ? warning(true, UNMANAGED_WARNING) : error(UNMANAGED_FATAL);
  };
  return [skipDeleted, daemonSet, mirrorPod, localStorage, unreplicated];
}

/** shouldSkipPod: deleted more than N seconds ago (N > 0), by the simulated clock. */
function shouldSkipPod(pod: Pod, skipSeconds: number, now: number): boolean {
  if (skipSeconds <= 0) return false;
  const deletedAt = simTimeOf(pod.metadata.deletionTimestamp);
  return deletedAt !== undefined && Math.trunc((now - deletedAt) / 1000) > skipSeconds;
}

/** PodDeleteList: every pod on the node with its status. */
export class PodDeleteList {
  constructor(readonly items: ReadonlyArray<{ pod: Pod; status: PodDeleteStatus }>) {}

  /** The pods to delete. */
  pods(): Pod[] {
    return this.items.filter((i) => i.status.delete).map((i) => i.pod);
  }

  /** `msg: ns/a, ns/b; msg2: ns/c` (Go groups in a map; kubesim keeps first-seen order). */
  warnings(): string {
    return grouped(this.items, 'Warning')
      .map(([msg, pods]) => `${msg}: ${pods.join(', ')}`)
      .join('; ');
  }

  /** One message per reason, always starting `cannot delete`. */
  errors(): string[] {
    return grouped(this.items, 'Error').map(([msg, pods]) =>
      msg.toLowerCase().startsWith('cannot delete')
        ? `${msg}: ${pods.join(', ')}`
        : `cannot delete ${msg}: ${pods.join(', ')}`,
    );
  }
}

function grouped(
  items: PodDeleteList['items'],
  reason: PodDeleteStatus['reason'],
): Array<[string, string[]]> {
  const byMessage = new Map<string, string[]>();
  for (const { pod, status } of items) {
    if (status.reason !== reason) continue;
    const msg = status.message || 'unexpected error';
    const list = byMessage.get(msg) ?? [];
    list.push(`${pod.metadata.namespace}/${pod.metadata.name}`);
    byMessage.set(msg, list);
  }
  return [...byMessage.entries()];
}

/** utilerrors.NewAggregate(...).Error(): one message, or `[a, b]`. */
function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

/** GetPodsForDeletion: the node's pods (in the API server's list order) through the filters. */
export function getPodsForDeletion(
  ctx: CommandContext,
  nodeName: string,
  o: DrainOptions,
): { list: PodDeleteList; errors: string[] } {
  const filters = makeFilters(o, ctx.cluster.now);
  const pods = ctx.cluster.store
    .list('Pod', undefined, o.podSelector)
    .filter((p) => p.spec?.nodeName === nodeName)
    .sort(
      (a, b) =>
        (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  const items = pods.map((pod) => {
    let status = OKAY;
    for (const filter of filters) {
      status = filter(pod);
      if (!status.delete) break;
    }
    return { pod, status };
  });
  const list = new PodDeleteList(items);
  return { list, errors: list.errors() };
}

export function runDrain(ctx: CommandContext, flags: ParsedFlags): void {
  const selector = flags.string('selector');
  if (flags.args.length === 0 && !flags.changed.has('selector')) {
    throw usageError('kubectl drain', 'USAGE: drain NODE [flags]');
  }
  if (flags.args.length > 0 && selector !== '') {
    throw usageError('kubectl drain', 'error: cannot specify both a node name and a --selector option');
  }
  if (flags.has('delete-local-data')) {
    ctx.io.err(
      'Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n',
    );
  }
  const dryRun = dryRunStrategy(flags);
  let podSelector: Selector | undefined;
  const podSelectorText = flags.string('pod-selector');
  if (podSelectorText !== '') {
    try {
      podSelector = parseSelector(podSelectorText);
    } catch {
      throw new CliError('--pod-selector=<pod_selector> must be a valid label selector');
    }
  }
  const o: DrainOptions = {
    force: flags.bool('force'),
    ignoreAllDaemonSets: flags.bool('ignore-daemonsets'),
    deleteEmptyDirData: flags.bool('delete-emptydir-data') || flags.bool('delete-local-data'),
    gracePeriodSeconds: flags.int('grace-period'),
    timeoutMs: flags.duration('timeout'),
    ...(podSelector ? { podSelector } : {}),
    disableEviction: flags.bool('disable-eviction'),
    skipWaitForDeleteTimeoutSeconds: flags.int('skip-wait-for-delete-timeout'),
    dryRun,
  };
  // Complete's builder visit stops at the first node it cannot get: nothing is cordoned then.
  const { nodes, errors } = targetNodes(ctx, flags.args, selector, false);
  if (errors.length > 0) throw errors[0]!;
  cordonNodes(ctx, nodes, true, dryRun, mutationFormat(''));

  const fatal: Error[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    try {
      deleteOrEvictPodsSimple(ctx, node, o);
      ctx.io.out(printName(node, withDryRun('drained', dryRun)));
    } catch (e) {
      if (!(e instanceof KubesimError)) throw e;
      ctx.io.err(
        `error: unable to drain node "${node.metadata.name}" due to error: ${e.message}, continuing command...\n`,
      );
      fatal.push(e);
      remaining.push(node.metadata.name);
    }
  }
  if (remaining.length > 0) {
    ctx.io.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  }
  if (fatal.length > 0) throw new CliError(aggregate(fatal.map((e) => e.message)));
}

function deleteOrEvictPodsSimple(ctx: CommandContext, node: Node, o: DrainOptions): void {
  const nodeName = node.metadata.name;
  const { list, errors } = getPodsForDeletion(ctx, nodeName, o);
  if (errors.length > 0) throw new CliError(aggregate(errors));
  const warnings = list.warnings();
  if (warnings !== '') ctx.io.err(`Warning: ${warnings}\n`);
  const pods = list.pods();
  if (o.dryRun === 'client') {
    for (const pod of pods)
      ctx.io.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
    return;
  }
  try {
    if (pods.length === 0) return;
    if (o.disableEviction) deletePods(ctx, pods, o);
    else evictPods(ctx, pods, o);
  } catch (err) {
    if (!(err instanceof KubesimError)) throw err;
    const pending = getPodsForDeletion(ctx, nodeName, o);
    const still = pending.list.pods();
    if (still.length > 0) {
      ctx.io.err(`There are pending pods in node "${nodeName}" when an error occurred: ${err.message}\n`);
      for (const p of still) ctx.io.err(`pod/${p.metadata.name}\n`);
    }
    if (pending.errors.length > 0) {
      ctx.io.err(
        `Following errors occurred while getting the list of pods to delete:\n${aggregate(pending.errors)}`,
      );
    }
    throw err;
  }
}

/** makeDeleteOptions: the grace period only when --grace-period is not negative. */
function deleteOptions(o: DrainOptions): { gracePeriodSeconds?: number } {
  return o.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: o.gracePeriodSeconds } : {};
}

/**
 * The Eviction API (pkg/registry/core/pod/storage/eviction.go, policy/v1) without PDBs: the pod
 * gets the DisruptionTarget condition, then is deleted with the eviction's options. It records
 * no Event (the kubelet's Killing is all the pod shows). Returns false when the pod is gone.
 */
function evictPod(ctx: CommandContext, pod: Pod, o: DrainOptions): boolean {
  const { store } = ctx.cluster;
  const ns = pod.metadata.namespace!;
  const live = store.get('Pod', ns, pod.metadata.name);
  if (!live) return false;
  if (o.dryRun === 'server') return true;
  const condition: PodCondition = {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'EvictionByEvictionAPI',
    message: 'Eviction API: evicting',
    lastTransitionTime: timestampOf(ctx.cluster.now),
  };
  const present = live.status?.conditions?.find((c) => c.type === 'DisruptionTarget');
  if (present?.status !== 'True' || present.reason !== condition.reason) {
    store.mutateStatus('Pod', ns, pod.metadata.name, (draft) => {
      draft.status = { ...(draft.status ?? {}) };
      const others = (draft.status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      draft.status.conditions = [...others, condition];
    });
  }
  store.delete('Pod', ns, pod.metadata.name, deleteOptions(o));
  return true;
}

function evictPods(ctx: CommandContext, pods: readonly Pod[], o: DrainOptions): void {
  const started: Pod[] = [];
  for (const pod of pods) {
    const suffix = o.dryRun === 'server' ? ' (server dry run)' : '';
    ctx.io.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}${suffix}\n`);
    if (evictPod(ctx, pod, o)) started.push(pod);
  }
  if (o.dryRun === 'server') return;
  const late = waitForDelete(ctx, started, o, 'evicted');
  if (late.length > 0) {
    throw new CliError(
      aggregate(
        late.map(
          (p) =>
            `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: context deadline exceeded`,
        ),
      ),
    );
  }
}

function deletePods(ctx: CommandContext, pods: readonly Pod[], o: DrainOptions): void {
  const { store } = ctx.cluster;
  for (const pod of pods) {
    if (o.dryRun === 'server') continue;
    try {
      store.delete('Pod', pod.metadata.namespace, pod.metadata.name, deleteOptions(o));
    } catch (e) {
      if (!(e instanceof StatusError && e.reason === 'NotFound')) throw e;
    }
  }
  if (o.dryRun === 'server') return;
  if (waitForDelete(ctx, pods, o, 'deleted').length > 0) throw new CliError('context deadline exceeded');
}

/**
 * waitForDelete: lets simulated time pass until each pod is gone (or replaced by one with another
 * uid), printing `pod/NAME evicted` (or `deleted`) as each goes. Returns the pods still there.
 */
function waitForDelete(ctx: CommandContext, pods: readonly Pod[], o: DrainOptions, verb: string): Pod[] {
  const { store } = ctx.cluster;
  let pending = [...pods];
  const check = (): boolean => {
    pending = pending.filter((pod) => {
      const live = store.get('Pod', pod.metadata.namespace, pod.metadata.name);
      if (!live || live.metadata.uid !== pod.metadata.uid) {
        ctx.io.out(printName({ ...pod, kind: 'Pod', apiVersion: 'v1' }, withDryRun(verb, o.dryRun)));
        return false;
      }
      if (shouldSkipPod(live, o.skipWaitForDeleteTimeoutSeconds, ctx.cluster.now)) {
        ctx.io.out(
          `pod "${pod.metadata.name}" has DeletionTimestamp older than ${o.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`,
        );
        return false;
      }
      return true;
    });
    return pending.length === 0;
  };
  ctx.cluster.advanceUntil(check, o.timeoutMs > 0 ? o.timeoutMs : graceBoundMs(ctx, pods));
  return pending;
}

/** The longest grace period among the pods (as deleted), plus a margin. */
function graceBoundMs(ctx: CommandContext, pods: readonly Pod[]): number {
  let seconds = 0;
  for (const pod of pods) {
    const live = ctx.cluster.store.get('Pod', pod.metadata.namespace, pod.metadata.name);
    const p = live ?? pod;
    seconds = Math.max(
      seconds,
      p.metadata.deletionGracePeriodSeconds ?? p.spec?.terminationGracePeriodSeconds ?? 30,
    );
  }
  return seconds * 1000 + WAIT_MARGIN_MS;
}
