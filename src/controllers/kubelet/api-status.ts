import type {
  Container,
  ContainerState,
  ContainerStatus,
  Pod,
  PodCondition,
  PodStatus,
} from '../../api/types.js';
import { timestampOf } from '../../store/time.js';
import {
  type BareCondition,
  generateContainersReadyCondition,
  generatePodInitializedCondition,
  generatePodReadyCondition,
  generatePodReadyToStartContainersCondition,
} from './conditions.js';
import { getPhase } from './phase.js';
import { getPodQOS } from './qos.js';
import { type ContainerInstance, type ContainerRecord, newest, previous, type Sandbox } from './runtime.js';

/** What the kubelet knows about a pod when it writes its status. */
export interface PodRuntimeView {
  readonly records: ReadonlyMap<string, ContainerRecord>;
  readonly sandbox: Sandbox | undefined;
  readonly hostIP: string;
  /** When the kubelet admitted the pod (status.startTime). */
  readonly startTime: number;
  /** The pod will not run again (deleted, or all containers done for good). */
  readonly podIsTerminal: boolean;
  /** Probe results per container; absent: no probes (started when running, ready when started). */
  readonly probes?: (container: Container, running: boolean) => { started: boolean; ready: boolean };
  readonly now: number;
  /**
   * A pod sync handler asked for the pod to be evicted (ShouldEvict; the active deadline): the
   * phase is Failed with this reason and message, whatever the containers say.
   */
  readonly evict?: { readonly reason: string; readonly message: string };
}

const EMPTY_RESOURCES = Object.freeze({});

/** Conditions the kubelet owns (kubetypes.PodConditionByKubelet); it keeps every other one. */
const KUBELET_CONDITIONS = new Set([
  'PodScheduled',
  'Ready',
  'Initialized',
  'ContainersReady',
  'PodReadyToStartContainers',
]);

/** The kubelet reports a pod it runs as scheduled. */
const POD_SCHEDULED: BareCondition = Object.freeze({ type: 'PodScheduled', status: 'True' });

/** ContainerCreating, or PodInitializing when the pod has init containers. */
function defaultWaiting(pod: Pod): ContainerState {
  return {
    waiting: {
      reason: (pod.spec?.initContainers ?? []).length > 0 ? 'PodInitializing' : 'ContainerCreating',
    },
  };
}

/**
 * The API state of an instance, made once per state it reaches: an instance's fields are set
 * when it starts and when it exits, never after, and a status that shows the same frozen object
 * as the stored one is compared and kept without walking it.
 */
const apiStates = new WeakMap<ContainerInstance, { readonly state: string; readonly api: ContainerState }>();

function stateOf(instance: ContainerInstance): ContainerState {
  const cached = apiStates.get(instance);
  if (cached?.state === instance.state) return cached.api;
  const api = Object.freeze(buildState(instance));
  apiStates.set(instance, { state: instance.state, api });
  return api;
}

function buildState(instance: ContainerInstance): ContainerState {
  switch (instance.state) {
    case 'running':
      return { running: { startedAt: timestampOf(instance.startedAt!) } };
    case 'created':
      return { waiting: {} };
    case 'exited': {
      const terminated: NonNullable<ContainerState['terminated']> = {
        exitCode: instance.exitCode ?? 0,
        reason: instance.reason,
        ...(instance.message ? { message: instance.message } : {}),
        startedAt: timestampOf(instance.startedAt ?? instance.createdAt),
        finishedAt: timestampOf(instance.finishedAt!),
        containerID: `containerd://${instance.id}`,
      };
      if (!terminated.reason) delete terminated.reason;
      return { terminated };
    }
  }
}

/**
 * kuberuntime ShouldContainerBeRestarted: never for a pod being deleted; always when the
 * container never ran; never while it runs; after an exit, by the pod's restartPolicy.
 */
export function shouldContainerBeRestarted(pod: Pod, instance: ContainerInstance | undefined): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  if (!instance) return true;
  if (instance.state === 'running') return false;
  if (instance.state === 'created') return true;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never') return false;
  if (policy === 'OnFailure' && instance.exitCode === 0) return false;
  return true;
}

/**
 * The order of the statuses of a list of containers: regular containers sorted by name
 * (convertToAPIContainerStatuses sorts them with kubetypes.SortedContainerStatuses, and so does the
 * status manager's normalizeStatus), init containers in spec order (SortStatusesOfInitContainers).
 * A stored spec is frozen, so its sorted copy is made once; one container is its own order.
 */
const sortedBySpec = new WeakMap<readonly Container[], readonly Container[]>();

function statusOrder(containers: readonly Container[], init: boolean): readonly Container[] {
  if (init || containers.length < 2) return containers;
  let sorted = sortedBySpec.get(containers);
  if (sorted === undefined) {
    // Container names are unique DNS labels (ASCII): `<` is Go's byte-wise string order.
    sorted = [...containers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (Object.isFrozen(containers)) sortedBySpec.set(containers, sorted);
  }
  return sorted;
}

/**
 * convertToAPIContainerStatuses for one list of containers (regular or init), in the API's order
 * (`statusOrder`): look a status up by name, never by its index in the spec.
 */
export function containerStatuses(
  pod: Pod,
  containers: readonly Container[],
  view: PodRuntimeView,
  init = false,
): ContainerStatus[] {
  return statusOrder(containers, init).map((container) => {
    const record = view.records.get(container.name);
    const latest = newest(record);
    let status: ContainerStatus;
    if (!latest) {
      status = {
        name: container.name,
        image: container.image ?? '',
        imageID: '',
        state: defaultWaiting(pod),
        lastState: {},
        ready: false,
        restartCount: 0,
      };
    } else {
      const before = previous(record);
      status = {
        name: container.name,
        state: stateOf(latest),
        lastState: before && before.state === 'exited' ? stateOf(before) : {},
        ready: false,
        restartCount: latest.restartCount,
        image: latest.image,
        imageID: latest.imageID,
        containerID: `containerd://${latest.id}`,
        // InPlacePodVerticalScaling (beta, on in v1.33) reports the resources. The spec's own
        // (frozen) objects: every status of the pod then shares them. No allocatedResources: its
        // gate InPlacePodVerticalScalingAllocatedStatus is Deprecated and off by default in v1.33
        // (pkg/features/kube_features.go).
        resources: container.resources ?? EMPTY_RESOURCES,
      };
    }
    // A container that failed to start and will be tried again is Waiting with the reason.
    if (record?.failure && shouldContainerBeRestarted(pod, latest)) {
      if (status.state?.terminated) status.lastState = status.state;
      status.state = { waiting: { reason: record.failure.reason, message: record.failure.message } };
    }
    const running = status.state?.running !== undefined;
    const probed = view.probes?.(container, running) ?? { started: running, ready: running };
    status.started = probed.started;
    status.ready = running && probed.started && probed.ready;
    // A regular init container is ready once it has exited 0 (prober_manager UpdatePodStatus).
    if (init && container.restartPolicy !== 'Always') status.ready = status.state?.terminated?.exitCode === 0;
    return status;
  });
}

/**
 * The pod status the kubelet writes (generateAPIPodStatus plus the status manager's
 * bookkeeping): phase, the kubelet's conditions in its order, host and pod IPs, QoS class and
 * container statuses. Conditions keep their lastTransitionTime while their status holds.
 */
export function generateAPIPodStatus(pod: Pod, view: PodRuntimeView): PodStatus {
  const old = pod.status ?? {};
  const statuses = containerStatuses(pod, pod.spec?.containers ?? [], view);
  const initStatuses = containerStatuses(pod, pod.spec?.initContainers ?? [], view, true);
  // Joined lists are made only when there are init containers (concat, not spreads: this runs
  // on every status the kubelet generates).
  const all = initStatuses.length === 0 ? statuses : statuses.concat(initStatuses);
  // A pod sync handler's eviction overrides the phase before the conditions are made from it.
  const phase = view.evict ? 'Failed' : getPhase(pod, all, view.podIsTerminal);

  const kubeletConditions: BareCondition[] = [];
  kubeletConditions.push(generatePodReadyToStartContainersCondition(view.sandbox?.ready ?? false));
  const ordered = initStatuses.length === 0 ? statuses : initStatuses.concat(statuses);
  kubeletConditions.push(generatePodInitializedCondition(pod, ordered, phase));
  const kept = (old.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.has(c.type));
  // Ready is made from ContainersReady: the one condition serves both.
  const containersReady = generateContainersReadyCondition(pod, ordered, phase);
  kubeletConditions.push(
    generatePodReadyCondition(
      pod,
      kept.concat(kubeletConditions as PodCondition[]),
      ordered,
      phase,
      containersReady,
    ),
  );
  kubeletConditions.push(containersReady);
  kubeletConditions.push(POD_SCHEDULED);
  // The conditions the kubelet does not own come first (`kept` is filter's own new array).
  const conditions = kept;
  for (let i = 0; i < kubeletConditions.length; i++) {
    conditions.push(withTimes(kubeletConditions[i]!, old.conditions, view.now));
  }

  const status: PodStatus = {
    phase,
    // Every condition unchanged (a container that only moved between Waiting and Terminated):
    // the stored list itself, which the store then neither compares nor freezes again.
    conditions: sameElements(conditions, old.conditions) ? old.conditions! : conditions,
    hostIP: view.hostIP,
    hostIPs:
      old.hostIPs?.length === 1 && old.hostIPs[0]?.ip === view.hostIP ? old.hostIPs : [{ ip: view.hostIP }],
    startTime: timestampOf(view.startTime),
    qosClass: qosOf(pod),
    containerStatuses: statuses,
  };
  if (view.sandbox) {
    const ip = view.sandbox.ip;
    status.podIP = ip;
    status.podIPs = old.podIPs?.length === 1 && old.podIPs[0]?.ip === ip ? old.podIPs : [{ ip }];
  } else if (old.podIP) {
    status.podIP = old.podIP;
    status.podIPs = old.podIPs;
  }
  if (initStatuses.length > 0) status.initContainerStatuses = initStatuses;
  if (old.nominatedNodeName) status.nominatedNodeName = old.nominatedNodeName;
  if (view.evict) {
    status.reason = view.evict.reason;
    status.message = view.evict.message;
  } else if (old.phase === phase) {
    if (old.reason) status.reason = old.reason;
    if (old.message) status.message = old.message;
  }
  return status;
}

/**
 * QoS classes by stored pod spec. The class depends on the spec alone, and every status the
 * kubelet generates states it; a stored spec is frozen, so it cannot change under the cache.
 */
const qosBySpec = new WeakMap<object, string>();

function qosOf(pod: Pod): string {
  const spec = pod.spec;
  if (!spec || !Object.isFrozen(spec)) return getPodQOS(pod);
  let qos = qosBySpec.get(spec);
  if (qos === undefined) qosBySpec.set(spec, (qos = getPodQOS(pod)));
  return qos;
}

const NO_CONDITIONS: readonly PodCondition[] = [];

function sameElements<T>(a: readonly T[], b: readonly T[] | undefined): boolean {
  if (b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Adds lastProbeTime (always null, as the kubelet leaves it) and a lastTransitionTime kept while the status holds. */
function withTimes(
  c: BareCondition,
  previousConditions: readonly PodCondition[] | undefined,
  now: number,
): PodCondition {
  // An indexed loop: the stored conditions are a frozen array, which `for…of` would walk
  // through the generic iterator, allocating on each step.
  let before: PodCondition | undefined;
  const stored = previousConditions ?? NO_CONDITIONS;
  for (let i = 0; i < stored.length; i++) {
    if (stored[i]!.type === c.type) {
      before = stored[i];
      break;
    }
  }
  // Unchanged: the stored condition itself, which the store then keeps without comparing it.
  if (
    before &&
    before.status === c.status &&
    before.lastTransitionTime &&
    before.reason === c.reason &&
    before.message === c.message &&
    before.lastProbeTime === null
  ) {
    return before;
  }
  const lastTransitionTime =
    before && before.status === c.status && before.lastTransitionTime
      ? before.lastTransitionTime
      : timestampOf(now);
  const out = {
    type: c.type,
    status: c.status,
    lastProbeTime: null,
    lastTransitionTime,
  } as unknown as PodCondition;
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  return out;
}
