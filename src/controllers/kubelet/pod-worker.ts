import type { Container, Pod, PodStatus } from '../../api/types.js';
import type { SimClock, SimTimer } from '../../core/clock.js';
import { formatDuration } from '../../core/duration.js';
import { Quantity } from '../../core/quantity.js';
import { type Random, seedFrom } from '../../core/random.js';
import type { PulledImage } from '../../images/catalog.js';
import { type ExitStatus, SimProcess } from '../../images/process.js';
import type { ReconcileResult } from '../../sim/reconciler.js';
import type { Store } from '../../store/store.js';
import type { ActiveDeadlineHandler } from './active-deadline.js';
import { generateAPIPodStatus, type PodRuntimeView, shouldContainerBeRestarted } from './api-status.js';
import type { Backoff } from './backoff.js';
import { hashContainer, stableKey } from './container-hash.js';
import {
  ContainerConfigCache,
  PodResources,
  type Prepared,
  podHostname,
  prepareContainer,
  startErrorMessage,
  terminationMessage,
} from './container-setup.js';
import { evictedPodStatus, type PodEviction } from './eviction-status.js';
import type { EnsureResult, ImageManager } from './image-manager.js';
import type { HostLocalIPAM } from './ipam.js';
import type { HookTarget } from './lifecycle-hooks.js';
import { PostStartHook, type PostStartResult } from './post-start.js';
import { runPreStopHook } from './pre-stop.js';
import { PodProbes, type ProbeType } from './prober.js';
import {
  type ContainerInstance,
  type ContainerRecord,
  exitReason,
  newest,
  previous,
  type Sandbox,
} from './runtime.js';
import { delayTerminalPhase, terminatePodStatus } from './status-manager.js';

/** What a pod worker needs from its kubelet. */
export interface WorkerHost {
  readonly clock: SimClock;
  readonly store: Store;
  readonly random: Random;
  readonly nodeName: string;
  readonly hostIP: string;
  readonly ipam: HostLocalIPAM;
  readonly images: ImageManager;
  /** The container restart back-off (kuberuntime doBackOff), shared by the node's pods. */
  readonly crashBackoff: Backoff;
  readonly label: string;
  /** The node's active deadline handler (a pod sync handler and sync loop handler). */
  readonly activeDeadline: ActiveDeadlineHandler;
  record(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Asks for another sync of this pod now (the PLEG seeing a container change). */
  requeue(key: string): void;
}

/** What one sync pass learned: when to look again. */
interface PassState {
  pullFailed: boolean;
  retryAt?: number;
}

/** A sync pass that failed to pull an image runs again after the PLEG's 1 s relist. */
const RELIST_MS = 1000;
/** A container whose config cannot be generated is tried again after the pod worker's back-off. */
const CONFIG_RETRY_MS = 10_000;
/** killContainer's minimum grace period. */
const MIN_GRACE_SECONDS = 2;
/** Dead instances the kubelet keeps per container (the newest and the one before it are shown). */
const KEEP_INSTANCES = 3;

/** How many values statusInputs records per container. */
const INPUTS_PER_CONTAINER = 7;

/** Keeps the pass's earliest retry time. */
function soonest(pass: PassState, at: number): void {
  pass.retryAt = Math.min(pass.retryAt ?? at, at);
}

/** `name_namespace(uid)`, as the kubelet names a pod in messages (format.Pod). */
export function formatPod(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

/**
 * The kubelet's worker for one pod: admission, the sandbox and its IP, starting containers in
 * order (image pull → create → start), restarts with back-off, stopping containers with
 * their grace period, and the pod status. Each `sync` is one SyncPod pass: it writes the status
 * as it finds it, acts, and writes the status again (standing for the pass the PLEG triggers
 * right after). A pass that waits for an image pull is resumed when the pull finishes; the API
 * sees no change in between, as on a real node.
 */
export class PodWorker {
  private sandbox: Sandbox | undefined;
  private readonly records = new Map<string, ContainerRecord>();
  private startTime: number | undefined;
  /** The pass waits for this container's image pull, a probe kill, or its postStart hook (post-start.ts). */
  private blocked: { container: string; kind: 'pull' | 'kill' | 'hook'; cancel?: () => void } | undefined;
  /**
   * Containers the pass started before it waited for their postStart hook, and that have stopped
   * since (a failed hook's kill, or an exit): the resumed pass goes on with the others, and the
   * next pass restarts these with back-off, as SyncPod leaves a container it has started.
   */
  private readonly startedInPass = new Set<string>();
  private readonly pulled = new Map<string, EnsureResult>();
  /** Containers a probe kill just stopped, to be restarted in the same pass. */
  private readonly killed = new Map<string, ContainerInstance>();
  private probes: PodProbes | undefined;
  private resuming = false;
  /** The pod has reached a terminal phase: nothing runs any more. */
  private finished = false;
  private gone = false;
  /** The eviction manager evicted the pod (killPodNow): it is stopped, then reported terminal. */
  private eviction: PodEviction | undefined;
  /** Ports, emptyDir volumes and the network its containers share (container-setup.ts). */
  private podResources: PodResources | undefined;
  /**
   * The active deadline handler asked for the pod to be evicted (ShouldEvict): SyncPod found it
   * Failed, and the pod worker terminates it (active-deadline.ts).
   */
  private deadlineExceeded: { readonly reason: string; readonly message: string } | undefined;
  /** The wake-up at the pod's active deadline (the sync loop's ShouldSync), and when it falls. */
  private deadlineTimer: SimTimer | undefined;
  private deadlineAt: number | undefined;

  /**
   * The probes' verdict for a container's newest instance, made once as every status asks for
   * it. Assigned in the constructor: tsx names a class field's arrow at run time (keepNames),
   * which gives each of thousands of workers' functions a property store of its own.
   */
  private readonly probeStatus: (container: Container) => { started: boolean; ready: boolean };
  /** The simulated time, for what a container's processes see (made once, as probeStatus). */
  private readonly now: () => number;
  /**
   * The inputs of the last status this worker generated for a running pod (statusInputs) and
   * the stored pod once that status was written or found already stored: while both hold, the
   * status is unchanged and is not generated again (a crash-looping pod's pass after its
   * back-off would otherwise make and compare a whole status for nothing).
   */
  private lastStatus: { readonly pod: Pod; readonly inputs: readonly unknown[] } | undefined;
  /**
   * The crash-loop back-off key of each container spec object (getStableKey): the pod's name and
   * uid are this worker's, and a new image is a new (frozen) container object, so a new key.
   */
  private readonly backoffKeys = new WeakMap<Container, string>();
  /** What each container's starts share of their config (container-setup.ts). */
  private readonly configs = new ContainerConfigCache();

  constructor(
    private readonly host: WorkerHost,
    readonly key: string,
    readonly uid: string,
  ) {
    this.probeStatus = (container) =>
      this.probes?.status(container.name, newest(this.records.get(container.name))) ?? {
        started: false,
        ready: false,
      };
    const clock = host.clock;
    this.now = () => clock.now;
  }

  /** One SyncPod pass for the pod as stored now. */
  sync(pod: Pod): ReconcileResult | undefined {
    if (this.gone) return undefined;
    if (this.finished) return undefined;
    if (this.startTime === undefined) this.admit(pod);
    const result = this.syncPass(pod);
    // After the pass: the status it wrote has the start time the deadline counts from.
    if (pod.spec?.activeDeadlineSeconds != null || this.deadlineAt !== undefined) this.armDeadline();
    return result;
  }

  private syncPass(pod: Pod): ReconcileResult | undefined {
    let terminating = this.terminationRequested(pod);
    if (this.blocked) {
      // A pass that waits (an image pull, a kill, a postStart hook) is one SyncPod still running:
      // the active deadline is looked at by the next pass (see `resumed` below).
      if (!terminating) return undefined;
      this.blocked.cancel?.();
      this.blocked = undefined;
      this.pulled.clear();
      this.killed.clear();
    }
    const resumed = this.resuming;
    if (this.resuming) this.resuming = false;
    else {
      if (!terminating && this.checkActiveDeadline(pod)) terminating = true;
      this.writeStatus(false);
    }
    if (terminating) return this.syncTerminating(pod);
    const result = this.syncRunning(pod);
    // The sync loop asked for this pod while the pass waited: it syncs again once the pass is over.
    if (resumed && !this.blocked && !this.finished && this.host.activeDeadline.shouldSync(pod)) {
      this.host.requeue(this.key);
    }
    return result;
  }

  /** The pod is being deleted, evicted, or failed by its active deadline. */
  private terminationRequested(pod: Pod): boolean {
    return (
      pod.metadata.deletionTimestamp !== undefined ||
      this.eviction !== undefined ||
      this.deadlineExceeded !== undefined
    );
  }

  /**
   * SyncPod's generateAPIPodStatus asks the active deadline handler (ShouldEvict, which records
   * the DeadlineExceeded event); when the pod is past its deadline SyncPod reports it terminal and
   * the pod worker goes on to SyncTerminatingPod, whose own generateAPIPodStatus asks again (a
   * second occurrence of the event). True when the pod must now be terminated.
   */
  private checkActiveDeadline(pod: Pod): boolean {
    const verdict = this.host.activeDeadline.shouldEvict(pod);
    if (!verdict.evict) return false;
    this.deadlineExceeded = { reason: verdict.reason!, message: verdict.message! };
    this.host.activeDeadline.shouldEvict(pod);
    this.deadlineTimer?.cancel();
    this.deadlineTimer = undefined;
    return true;
  }

  /**
   * Wakes the pod when its active deadline falls (the sync loop's ShouldSync, each second
   * upstream); set again when the deadline changes (it may be lowered on a running pod).
   */
  private armDeadline(): void {
    if (this.gone || this.finished || this.deadlineExceeded) return;
    const pod = this.current();
    const at = pod && this.host.activeDeadline.deadlineOf(pod);
    if (at === this.deadlineAt) return;
    this.deadlineTimer?.cancel();
    this.deadlineTimer = undefined;
    this.deadlineAt = at;
    if (at === undefined) return;
    this.deadlineTimer = this.host.clock.schedule(
      () => {
        this.deadlineTimer = undefined;
        if (!this.gone && !this.finished) this.host.requeue(this.key);
      },
      Math.max(0, at - this.host.clock.now),
      `${this.host.label} ${this.key} active deadline`,
    );
  }

  /** The pod still runs here: not finished and not being evicted (the eviction manager's candidates). */
  get active(): boolean {
    return !this.gone && !this.finished && this.eviction === undefined && this.deadlineExceeded === undefined;
  }

  /** Memory in use by each running container, in container order (the eviction manager's stats). */
  memoryUse(pod: Pod): Array<{ name: string; bytes: number }> {
    const out: Array<{ name: string; bytes: number }> = [];
    for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
      const process = newest(this.records.get(c.name))?.process;
      if (process?.running) out.push({ name: c.name, bytes: process.memoryBytes });
    }
    return out;
  }

  /** killPodNow for an eviction: the next pass stops every container with the eviction's grace period. */
  evict(eviction: PodEviction): void {
    if (!this.active) return;
    this.eviction = eviction;
    this.host.requeue(this.key);
  }

  /** The pod is gone from the store (or no longer bound here): stop everything at once. */
  forget(): void {
    if (this.gone) return;
    this.gone = true;
    this.blocked?.cancel?.();
    this.deadlineTimer?.cancel();
    this.probes?.stop();
    for (const record of this.records.values()) {
      for (const instance of record.instances) {
        instance.killTimer?.cancel();
        instance.process?.signal('SIGKILL');
      }
    }
    if (this.sandbox?.ready && !this.sandbox.hostNetwork) this.host.ipam.release(this.sandbox.ip);
  }

  /** The kubelet admits the pod: its start time, and its probe workers start ticking now. */
  private admit(pod: Pod): void {
    this.startTime = this.host.clock.now;
    // Methods, not arrow properties: tsx renames every named arrow when it is made (keepNames).
    const self = this;
    this.probes = new PodProbes(
      {
        clock: this.host.clock,
        label: `${this.host.label} ${this.key}`,
        pod() {
          return self.current();
        },
        instance(name) {
          // While its postStart hook runs, a container is not in the pod's status yet, and the
          // probe workers, which read that status upstream, find nothing to probe.
          if (self.blocked?.kind === 'hook' && self.blocked.container === name) return undefined;
          return newest(self.records.get(name));
        },
        listener(port) {
          return self.listener(port);
        },
        podIP() {
          return self.sandbox?.ip;
        },
        record(type, reason, message) {
          const current = self.current();
          if (current) self.host.record(current, type, reason, message);
        },
        changed(type, container, result) {
          self.probeChanged(type, container, result);
        },
      },
      pod,
    );
    this.probes.start();
  }

  private probeChanged(type: ProbeType, container: string, result: string): void {
    if (this.gone || this.finished) return;
    if (type === 'startup' && result === 'Success') this.probes?.probeReadinessNow(container);
    this.host.requeue(this.key);
  }

  /** The running process that listens on `port` in this pod (its containers share one network). */
  private listener(port: number): SimProcess | undefined {
    for (const record of this.records.values()) {
      const process = newest(record)?.process;
      if (process?.listens(port)) return process;
    }
    return undefined;
  }

  private syncRunning(pod: Pod): ReconcileResult | undefined {
    if (!this.sandbox && pod.spec?.hostNetwork) {
      // A hostNetwork pod uses the node's network: its IP is the node's, nothing is allocated.
      this.sandbox = { ip: this.host.hostIP, ready: true, hostNetwork: true };
    }
    if (!this.sandbox) {
      const ip = this.host.ipam.allocate(this.uid);
      if (!ip) {
        this.host.record(
          pod,
          'Warning',
          'FailedCreatePodSandBox',
          'Failed to create pod sandbox: failed to setup network for sandbox: plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set',
        );
        return { requeueAfter: 10_000 };
      }
      this.sandbox = { ip, ready: true };
    }
    const pass: PassState = { pullFailed: false };
    const restartOnFailure = (pod.spec?.restartPolicy ?? 'Always') !== 'Never';
    const init = this.syncInitContainers(pod, restartOnFailure, pass);
    if (init === 'blocked') return undefined;
    if (init === 'failed') {
      this.finish(false);
      return undefined;
    }
    if (init === 'done') {
      let toStart = 0;
      let keep = 0;
      // Indexed: `for…of` over the stored (frozen) spec array allocates on every step.
      const containers = pod.spec?.containers ?? [];
      for (let i = 0; i < containers.length; i++) {
        const container = containers[i]!;
        const record = this.record(container.name);
        const latest = newest(record);
        const killedNow = this.takeKilled(container.name);
        if (latest?.state === 'running') {
          if (!latest.killTimer) {
            // computePodActions: a changed spec first (restarted whatever the restart policy), then
            // a failed liveness or startup probe.
            if (latest.hash !== undefined && latest.hash !== hashContainer(container)) {
              this.killForSpecChange(pod, container, latest);
              return undefined;
            }
            const failed = this.probes?.failed(container.name, latest.id);
            if (failed) {
              this.killForProbe(pod, container, latest, failed, restartOnFailure);
              return undefined;
            }
          }
          keep++;
          continue;
        }
        // A kill restarts the container in the same pass whatever its exit code: a probe kill unless
        // restartPolicy is Never, a kill for a changed spec always. A pass resumed after a pull goes
        // on with the start it decided on.
        if (killedNow) {
          if (!restartOnFailure && killedNow.hash === hashContainer(container)) continue;
        } else if (!this.pulled.has(container.name) && !shouldContainerBeRestarted(pod, latest)) continue;
        toStart++;
        if (this.tryStart(pod, container, record, killedNow, pass) === 'blocked') return undefined;
      }
      if (toStart === 0 && keep === 0) {
        // Every container has exited and none will restart: the pod is done (computePodActions KillPod).
        this.finish(false);
        return undefined;
      }
    }
    this.writeStatus(false);
    if (pass.pullFailed) return { requeueAfter: RELIST_MS };
    if (pass.retryAt !== undefined) return { requeueAfter: Math.max(0, pass.retryAt - this.host.clock.now) };
    return undefined;
  }

  /**
   * Init containers, one after another (computeInitContainerActions): a regular one must exit 0
   * before the next starts, and one that fails is restarted with back-off, or fails the pod when
   * restartPolicy is Never; a sidecar (restartPolicy Always) keeps running once started and lets
   * the next one start. 'done' when the app containers may run.
   */
  private syncInitContainers(
    pod: Pod,
    restartOnFailure: boolean,
    pass: PassState,
  ): 'done' | 'pending' | 'blocked' | 'failed' {
    const inits = pod.spec?.initContainers ?? [];
    for (let i = 0; i < inits.length; i++) {
      const container = inits[i]!;
      const record = this.record(container.name);
      const latest = newest(record);
      const killedNow = this.takeKilled(container.name);
      const sidecar = container.restartPolicy === 'Always';
      if (latest?.state === 'running') {
        if (!sidecar) return 'pending';
        // computeInitContainerActions for a running sidecar: a failed startup probe kills it; once
        // started, a changed definition restarts it, then a failed liveness probe does.
        const started = this.probes?.status(container.name, latest).started ?? true;
        if (!latest.killTimer) {
          if (started && latest.hash !== undefined && latest.hash !== hashContainer(container)) {
            this.killForSpecChange(pod, container, latest, true);
            return 'blocked';
          }
          const failed = this.probes?.failed(container.name, latest.id);
          if (failed) {
            this.killForProbe(pod, container, latest, failed, true, true);
            return 'blocked';
          }
        }
        if (!started) return 'pending';
        continue;
      }
      if (!sidecar && latest?.state === 'exited' && !killedNow) {
        if (latest.exitCode === 0) continue;
        if (!restartOnFailure) return 'failed';
      }
      const outcome = this.tryStart(pod, container, record, killedNow, pass);
      if (outcome === 'blocked') return 'blocked';
      if (outcome !== 'started' || !sidecar) return 'pending';
      if (!this.probes?.status(container.name, newest(record)).started) return 'pending';
    }
    return 'done';
  }

  private takeKilled(name: string): ContainerInstance | undefined {
    const killed = this.killed.get(name);
    this.killed.delete(name);
    return killed;
  }

  /**
   * Starts a container that should run (SyncPod's start for one container): the restart
   * back-off, then the image, then create and start. 'blocked' when the pass must wait for a
   * pull; 'waiting' when back-off or an image error keeps it from starting now.
   */
  private tryStart(
    pod: Pod,
    container: Container,
    record: ContainerRecord,
    killedNow: ContainerInstance | undefined,
    pass: PassState,
  ): 'started' | 'blocked' | 'waiting' {
    if (this.startedInPass.delete(container.name)) {
      soonest(pass, this.host.clock.now);
      return 'waiting';
    }
    const latest = newest(record);
    // A pass resumed after a pull already passed the back-off check for this start.
    if (latest?.state === 'exited' && !this.pulled.has(container.name)) {
      // After a probe kill the back-off judges the instance before the killed one, as the pass
      // saw the pod before the kill; if that says wait, the next look judges the killed one.
      const judged = killedNow ? previous(record) : latest;
      const wait =
        judged?.state === 'exited' ? this.crashLoopWait(pod, container, record, judged, latest) : undefined;
      if (wait !== undefined) {
        soonest(pass, wait);
        return 'waiting';
      }
    }
    let result = this.pulled.get(container.name);
    this.pulled.delete(container.name);
    if (!result) {
      const ensured = this.host.images.ensure(pod, container, (r) => this.pullFinished(container.name, r));
      if (ensured.kind === 'pulling') {
        this.blocked = {
          container: container.name,
          kind: 'pull',
          ...(ensured.cancel ? { cancel: ensured.cancel } : {}),
        };
        return 'blocked';
      }
      result = ensured;
    }
    if (result.kind === 'error') {
      this.host.record(pod, 'Warning', 'Failed', `Error: ${result.reason}`);
      record.failure = { reason: result.reason, message: result.message };
      if (result.reason === 'ErrImagePull') pass.pullFailed = true;
      if (result.retryAt !== undefined) soonest(pass, result.retryAt);
      return 'waiting';
    }
    if (result.kind !== 'present') return 'waiting';
    const prepared = prepareContainer(
      {
        store: this.host.store,
        pod,
        container,
        image: result.image,
        hostIP: this.host.hostIP,
        podIP: this.sandbox?.ip,
        resources: this.resources(pod),
        now: this.now,
        seed: seedFrom(`${this.uid}/${container.name}/${record.instances.length}`),
      },
      this.configs,
    );
    if (!prepared.ok) {
      // generateContainerConfig failed: CreateContainerConfigError, tried again by the pod worker's back-off.
      this.host.record(pod, 'Warning', 'Failed', `Error: ${prepared.message}`);
      record.failure = { reason: 'CreateContainerConfigError', message: prepared.message };
      soonest(pass, this.host.clock.now + CONFIG_RETRY_MS);
      return 'waiting';
    }
    return this.startContainer(pod, container, record, result.image, prepared) ? 'blocked' : 'started';
  }

  /**
   * kuberuntime doBackOff, judged on an exited instance (normally the newest): undefined to
   * start now (moving the back-off on), or when to look again (judging `latest` then).
   */
  private crashLoopWait(
    pod: Pod,
    container: Container,
    record: ContainerRecord,
    judged: ContainerInstance,
    latest: ContainerInstance,
  ): number | undefined {
    let key = this.backoffKeys.get(container);
    if (key === undefined) this.backoffKeys.set(container, (key = stableKey(pod, container)));
    const finishedAt = judged.finishedAt!;
    const backoff = this.host.crashBackoff;
    if (backoff.isInBackOffSince(key, finishedAt)) {
      const delay = backoff.get(key);
      this.host.record(
        pod,
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${container.name} in pod ${formatPod(pod)}`,
      );
      record.failure = {
        reason: 'CrashLoopBackOff',
        message: `back-off ${formatDuration(delay)} restarting failed container=${container.name} pod=${formatPod(pod)}`,
      };
      return latest.finishedAt! + delay;
    }
    backoff.next(key, finishedAt);
    return undefined;
  }

  /**
   * computePodActions for a liveness or startup failure: kill the container (the pass waits for
   * it) and, unless restartPolicy is Never, start it again in the same pass.
   */
  private killForProbe(
    pod: Pod,
    container: Container,
    instance: ContainerInstance,
    failed: 'liveness' | 'startup',
    restart: boolean,
    sidecar = false,
  ): void {
    const probe = failed === 'liveness' ? container.livenessProbe : container.startupProbe;
    const grace = probe?.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    // computeInitContainerActions words a sidecar's kill its own way, without `will be restarted`.
    const message = sidecar
      ? `Init container ${container.name} failed ${failed} probe`
      : `Container ${container.name} failed ${failed} probe${restart ? ', will be restarted' : ''}`;
    this.blocked = { container: container.name, kind: 'kill' };
    this.kill(pod, instance, grace, message);
  }

  /**
   * computePodActions for a container whose hash differs from its spec's (containerChanged): kill
   * it with the pod's grace period (the pass waits) and start the new definition in the same pass.
   * A sidecar's (computeInitContainerActions) is `Init container … definition changed`.
   */
  private killForSpecChange(
    pod: Pod,
    container: Container,
    instance: ContainerInstance,
    sidecar = false,
  ): void {
    const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
    this.blocked = { container: container.name, kind: 'kill' };
    const message = sidecar
      ? `Init container ${container.name} definition changed`
      : `Container ${container.name} definition changed, will be restarted`;
    this.kill(pod, instance, grace, message);
  }

  private pullFinished(container: string, result: EnsureResult): void {
    if (this.gone || this.blocked?.kind !== 'pull' || this.blocked.container !== container) return;
    this.blocked = undefined;
    this.pulled.set(container, result);
    this.resuming = true;
    this.host.requeue(this.key);
  }

  private startContainer(
    pod: Pod,
    container: Container,
    record: ContainerRecord,
    image: PulledImage,
    prepared: Extract<Prepared, { ok: true }>,
  ): boolean {
    const { clock, random } = this.host;
    const latest = newest(record);
    const instance: ContainerInstance = {
      id: random.string(64, '0123456789abcdef'),
      name: container.name,
      restartCount: latest ? latest.restartCount + 1 : 0,
      image: image.ref.normalized,
      imageID: image.imageID,
      hash: hashContainer(container),
      createdAt: clock.now,
      state: 'created',
    };
    record.instances.push(instance);
    if (record.instances.length > KEEP_INSTANCES) record.instances.shift();
    this.host.record(pod, 'Normal', 'Created', `Created container: ${container.name}`);
    const memoryLimit = container.resources?.limits?.memory;
    const process = new SimProcess({
      clock,
      behaviour: prepared.behaviour,
      invocation: prepared.invocation,
      context: prepared.context,
      label: `${this.host.label} ${this.key} ${container.name}`,
      ...(memoryLimit !== undefined ? { memoryLimitBytes: Quantity.parse(memoryLimit).value } : {}),
    });
    instance.process = process;
    instance.state = 'running';
    instance.startedAt = clock.now;
    process.onExit((status) => this.exited(instance, container, status));
    process.start();
    const startError = process.exited?.startError;
    if (startError !== undefined) {
      // The runtime could not start the command: no Started event, the instance ends as StartError.
      this.host.record(pod, 'Warning', 'Failed', `Error: ${startErrorMessage(startError)}`);
    } else {
      this.host.record(pod, 'Normal', 'Started', `Started container ${container.name}`);
    }
    record.failure = undefined;
    const hook = startError === undefined ? container.lifecycle?.postStart : undefined;
    const ran = hook ? this.runPostStart(pod, container, record, instance, hook) : 'passed';
    if (ran === 'passed') this.probes?.probeReadinessNow(container.name);
    return ran === 'waiting';
  }

  /**
   * Step 4 of startContainer: the postStart hook, which the pass waits for (post-start.ts). When
   * it is 'waiting', the pass resumes once the hook, or the kill after its failure, is over.
   */
  private runPostStart(
    pod: Pod,
    container: Container,
    record: ContainerRecord,
    instance: ContainerInstance,
    handler: NonNullable<NonNullable<Container['lifecycle']>['postStart']>,
  ): PostStartResult {
    const self = this;
    const hook = new PostStartHook(
      {
        clock: this.host.clock,
        label: `${this.host.label} ${this.key} ${container.name}`,
        record(type, reason, message) {
          self.host.record(self.current() ?? pod, type, reason, message);
        },
        kill(graceSeconds, message) {
          self.kill(self.current() ?? pod, instance, graceSeconds, message);
        },
        resume(failed) {
          if (self.gone || self.blocked?.kind !== 'hook' || self.blocked.container !== container.name) return;
          self.blocked = undefined;
          if (failed || instance.state === 'exited') self.startedInPass.add(container.name);
          if (!failed) self.probes?.probeReadinessNow(container.name);
          self.resuming = true;
          self.host.requeue(self.key);
        },
      },
      handler,
      this.hookTarget(pod, container, instance),
      record,
    );
    const started = hook.start();
    if (started === 'waiting') {
      this.blocked = { container: container.name, kind: 'hook', cancel: () => hook.cancel(this.gone) };
    }
    return started;
  }

  /** What a lifecycle hook of the container runs against (lifecycle-hooks.ts). */
  private hookTarget(pod: Pod, container: Container, instance: ContainerInstance): HookTarget {
    return {
      pod,
      container,
      instance,
      podIP: this.sandbox?.ip,
      reach: (host, port) => (host === this.sandbox?.ip ? this.listener(port) : undefined),
    };
  }

  private exited(instance: ContainerInstance, container: Container, status: ExitStatus): void {
    if (this.gone) return;
    instance.state = 'exited';
    instance.finishedAt = status.at;
    instance.exitCode = status.code;
    instance.reason =
      status.startError !== undefined ? 'StartError' : exitReason(status.code, status.oomKilled);
    const message =
      status.startError !== undefined
        ? startErrorMessage(status.startError)
        : instance.process && terminationMessage(container, instance.process, status.code);
    if (message) instance.message = message;
    instance.killTimer?.cancel();
    instance.killTimer = undefined;
    if (this.blocked?.kind === 'kill' && this.blocked.container === instance.name) {
      this.blocked = undefined;
      this.killed.set(instance.name, instance);
      this.resuming = true;
    }
    this.host.requeue(this.key);
  }

  /** SyncTerminatingPod: stop every running container with the grace period, then finish. */
  private syncTerminating(pod: Pod): ReconcileResult | undefined {
    const grace =
      this.eviction?.graceSeconds ??
      pod.metadata.deletionGracePeriodSeconds ??
      pod.spec?.terminationGracePeriodSeconds ??
      30;
    let running = 0;
    // Sidecars are stopped together with the app containers (kubesim does not order them).
    for (const container of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
      const latest = newest(this.records.get(container.name));
      if (latest?.state !== 'running') continue;
      running++;
      if (!latest.killTimer) this.kill(pod, latest, grace, `Stopping container ${container.name}`);
    }
    if (running > 0) return undefined;
    this.finish(pod.metadata.deletionTimestamp !== undefined);
    return undefined;
  }

  /** killContainer: the Killing event, SIGTERM now, SIGKILL when the grace period ends. */
  private kill(pod: Pod, instance: ContainerInstance, graceSeconds: number, message: string): void {
    this.host.record(pod, 'Normal', 'Killing', message);
    // The preStop hook runs first and its time comes off the grace period; SIGTERM follows it.
    const container = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find(
      (c) => c.name === instance.name,
    );
    const hook = container
      ? runPreStopHook(this.hookTarget(pod, container, instance), graceSeconds)
      : undefined;
    if (hook?.failed) this.host.record(pod, 'Warning', 'FailedPreStopHook', 'PreStopHook failed');
    const remaining = graceSeconds - (hook?.elapsedSeconds ?? 0);
    const hookMs = hook?.elapsedMs ?? 0;
    const graceMs = Math.max(remaining, MIN_GRACE_SECONDS) * 1000;
    instance.killTimer = this.host.clock.schedule(
      () => instance.process?.signal('SIGKILL'),
      hookMs + graceMs,
      `${this.host.label} ${this.key} ${instance.name} SIGKILL`,
    );
    if (hookMs === 0) instance.process?.signal('SIGTERM');
    else {
      this.host.clock.schedule(
        () => instance.process?.signal('SIGTERM'),
        hookMs,
        `${this.host.label} ${this.key} ${instance.name} SIGTERM after preStop`,
      );
    }
  }

  /**
   * The pod will not run again: the sandbox goes (its IP is freed; the status keeps it), the
   * terminal status is written, and a deleted pod is removed from the API.
   */
  private finish(deleted: boolean): void {
    this.finished = true;
    this.deadlineTimer?.cancel();
    this.probes?.stop();
    const current = this.current();
    if (this.deadlineExceeded && current) {
      // The generateAPIPodStatus of SyncTerminatingPod once the containers stopped, then of
      // SyncTerminatedPod: ShouldEvict records the event twice more.
      this.host.activeDeadline.shouldEvict(current);
      this.host.activeDeadline.shouldEvict(current);
    }
    if (this.sandbox?.ready) {
      this.sandbox.ready = false;
      if (!this.sandbox.hostNetwork) this.host.ipam.release(this.sandbox.ip);
    }
    this.writeStatus(true, deleted);
    if (deleted && current) {
      this.host.store.delete('Pod', current.metadata.namespace, current.metadata.name, {
        gracePeriodSeconds: 0,
      });
    }
  }

  /** The pod's shared ports, volumes and network, made with its first container. */
  private resources(pod: Pod): PodResources {
    this.podResources ??= new PodResources(
      this.host.store,
      {
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
        hostname: podHostname(pod),
        podIP: () => this.sandbox?.ip,
        listener: (port) => this.listener(port),
      },
      this.now,
    );
    return this.podResources;
  }

  private record(name: string): ContainerRecord {
    let record = this.records.get(name);
    if (!record) this.records.set(name, (record = { instances: [] }));
    return record;
  }

  private current(): Pod | undefined {
    const pod = this.host.store.getByKey('Pod', this.key);
    return pod && pod.metadata.uid === this.uid ? pod : undefined;
  }

  private view(podIsTerminal: boolean): PodRuntimeView {
    return {
      records: this.records,
      sandbox: this.sandbox,
      hostIP: this.host.hostIP,
      startTime: this.startTime ?? this.host.clock.now,
      podIsTerminal,
      now: this.host.clock.now,
      probes: this.probeStatus,
      ...(this.deadlineExceeded ? { evict: this.deadlineExceeded } : {}),
    };
  }

  /** Writes the status the kubelet would report now, if it differs from the stored one. */
  private writeStatus(podIsTerminal: boolean, deleted = false): void {
    const pod = this.current();
    if (!pod) return;
    const killedByKubelet = this.eviction !== undefined || this.deadlineExceeded !== undefined;
    // Only a running pod's status is skipped when unchanged (statusInputs); the start time is
    // always set by then (without one the status would show the current time).
    const simple = !podIsTerminal && !deleted && !killedByKubelet && this.startTime !== undefined;
    const inputs = simple ? this.statusInputs(pod) : undefined;
    const last = this.lastStatus;
    this.lastStatus = undefined;
    if (inputs && last?.pod === pod && sameInputs(last.inputs, inputs)) {
      this.lastStatus = last;
      return;
    }
    let status: PodStatus = generateAPIPodStatus(pod, this.view(podIsTerminal));
    // A pod the kubelet evicted or failed is terminated like a deleted one (SyncTerminatedPod →
    // TerminatePod); until its containers have stopped it is not reported Failed.
    if (deleted || (killedByKubelet && podIsTerminal)) status = terminatePodStatus(pod, status);
    else if (this.deadlineExceeded) status = delayTerminalPhase(pod.status, status);
    if (this.eviction) status = evictedPodStatus(status, this.eviction, podIsTerminal);
    // The store keeps the stored pod (and records nothing) when the status is equal to its own.
    const stored = this.host.store.replaceStatus('Pod', pod.metadata.namespace, pod.metadata.name, status);
    if (inputs) this.lastStatus = { pod: stored, inputs };
  }

  /**
   * Everything a running pod's generated status is made from besides the stored pod itself: per
   * container (init containers first) its newest and previous instances with their states (an
   * instance's other fields are set with its state: when it starts, when it exits), the failure
   * of its last start and the probes' verdict; then the sandbox and the start time. The current
   * time only stamps conditions whose status changes, and with the same inputs and the same
   * stored pod none does: the status generated from equal inputs equals the stored one.
   */
  private statusInputs(pod: Pod): unknown[] {
    const inits = pod.spec?.initContainers ?? [];
    const containers = pod.spec?.containers ?? [];
    // Made at its full size; indexed loops, as `for…of` over a stored (frozen) array allocates
    // on every step.
    const inputs: unknown[] = new Array(3 + INPUTS_PER_CONTAINER * (inits.length + containers.length));
    inputs[0] = this.sandbox;
    inputs[1] = this.sandbox?.ready;
    inputs[2] = this.startTime;
    let at = 3;
    for (let i = 0; i < inits.length; i++, at += INPUTS_PER_CONTAINER) {
      this.setStatusInputs(inputs, at, inits[i]!);
    }
    for (let i = 0; i < containers.length; i++, at += INPUTS_PER_CONTAINER) {
      this.setStatusInputs(inputs, at, containers[i]!);
    }
    return inputs;
  }

  private setStatusInputs(inputs: unknown[], at: number, container: Container): void {
    const record = this.records.get(container.name);
    const latest = newest(record);
    const before = previous(record);
    const probed = this.probeStatus(container);
    inputs[at] = latest;
    inputs[at + 1] = latest?.state;
    inputs[at + 2] = before;
    inputs[at + 3] = before?.state;
    inputs[at + 4] = record?.failure;
    inputs[at + 5] = probed.started;
    inputs[at + 6] = probed.ready;
  }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
