/**
 * What `kubectl logs` and `kubectl exec` share: the object a `POD` or `TYPE/NAME` argument names
 * (builder.ResourceNames("pods", arg)), the pod chosen for a workload, the container chosen in a
 * pod (k8s.io/kubectl/pkg/cmd/util/podcmd) and the kubelet that runs the pod.
 */
import { qualifiedResource } from '../../api/resources.js';
import type { Container, KubeObject, Pod } from '../../api/types.js';
import type { Kubelet } from '../../controllers/kubelet/kubelet.js';
import { notFound } from '../../core/errors.js';
import { simTimeOf } from '../../store/time.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { resourceType } from '../resource-args.js';

/** kubectl.kubernetes.io/default-container: the container kubectl picks when none is named. */
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** builder.ResourceNames("pods", arg): `NAME` is a pod, `TYPE/NAME` anything. */
export function fetchObject(ctx: CommandContext, arg: string): KubeObject {
  let typeName = 'pods';
  let name = arg;
  if (arg.includes('/')) {
    const seg = arg.split('/');
    if (seg.length !== 2)
      throw new CliError('arguments in resource/name form may not have more than one slash');
    [typeName, name] = seg as [string, string];
    if (!typeName || !name)
      throw new CliError('arguments in resource/name form must have a single resource and name');
  }
  const type = resourceType(typeName);
  const obj = ctx.cluster.store.get(type.kind, type.namespaced ? ctx.namespace : undefined, name);
  if (!obj) throw notFound(qualifiedResource(type), name);
  return obj;
}

/** podcmd.FindContainerByName: containers, then init containers, then ephemeral ones. */
export function findContainerByName(pod: Pod, name: string): Container | undefined {
  const spec = pod.spec;
  return (
    spec?.containers?.find((c) => c.name === name) ??
    spec?.initContainers?.find((c) => c.name === name) ??
    (spec?.ephemeralContainers?.find((c) => c.name === name) as Container | undefined)
  );
}

/** podcmd.AllContainerNames: `a, b, s (ephem), i (init)`. */
export function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/** Whether kubectl says which container it defaulted to (more than one container in all). */
export function hasSeveralContainers(pod: Pod): boolean {
  return (
    (pod.spec?.containers?.length ?? 0) > 1 ||
    (pod.spec?.initContainers?.length ?? 0) > 0 ||
    (pod.spec?.ephemeralContainers?.length ?? 0) > 0
  );
}

/**
 * podcmd.FindOrDefaultContainerByName (kubectl exec): the named container, else the annotated
 * default, else the first, with `Defaulted container "a" out of: a, b` on stderr.
 */
export function findOrDefaultContainer(
  ctx: CommandContext,
  pod: Pod,
  name: string,
  quiet: boolean,
): Container {
  if (name) {
    const found = findContainerByName(pod, name);
    if (!found) throw new CliError(`container ${name} not found in pod ${pod.metadata.name}`);
    return found;
  }
  const first = pod.spec?.containers?.[0];
  if (!first)
    throw new CliError(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`);
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated) {
    const found = findContainerByName(pod, annotated);
    if (found) return found;
  }
  if (!quiet && hasSeveralContainers(pod)) {
    ctx.io.err(`Defaulted container ${JSON.stringify(first.name)} out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}

/** The kubelet that runs the pod, for the streaming requests the API server forwards to it. */
export function kubeletFor(ctx: CommandContext, pod: Pod): Kubelet | undefined {
  const node = pod.spec?.nodeName;
  if (!node) return undefined;
  const kubelets = ctx.cluster.kubelets;
  if (!kubelets) throw new CliError('kubesim: this cluster has no kubelets to stream from');
  return kubelets.get(node);
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function readyTime(pod: Pod): number | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return simTimeOf(c?.lastTransitionTime);
}

function maxRestarts(pod: Pod): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) max = Math.max(max, s.restartCount ?? 0);
  return max;
}

/** afterOrZero: t1 after t2, a zero (unset) time counting as after any other. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

const LOGGING_PHASE: Readonly<Record<string, number>> = { Running: 0, Unknown: 1, Pending: 2 };

/**
 * podutils.ByLogging Less (the pod `kubectl logs deployment/x` reads): assigned < unassigned;
 * Running < Unknown < Pending; ready < not ready; ready longer < ready more recently; more
 * restarts < fewer; older < newer.
 */
export function byLoggingLess(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na !== '';
  const pa = LOGGING_PHASE[a.status?.phase ?? ''] ?? 0;
  const pb = LOGGING_PHASE[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = isReady(a);
  const rb = isReady(b);
  if (ra !== rb) return ra;
  if (ra && rb && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a));
  const ca = maxRestarts(a);
  const cb = maxRestarts(b);
  if (ca !== cb) return ca > cb;
  const ta = simTimeOf(a.metadata.creationTimestamp);
  const tb = simTimeOf(b.metadata.creationTimestamp);
  if (ta !== tb) return afterOrZero(tb, ta);
  return false;
}

/** The pods sorted by ByLogging (a stable sort: ties keep the API server's order, by name). */
export function sortByLogging(pods: readonly Pod[]): Pod[] {
  return [...pods].sort((a, b) => (byLoggingLess(a, b) ? -1 : byLoggingLess(b, a) ? 1 : 0));
}
