/**
 * The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go, a controller of
 * its own since v1.29's SeparateTaintEvictionController): it deletes the pods on a node with
 * NoExecute taints they do not tolerate, at once, or when the shortest tolerationSeconds of the
 * tolerations they use runs out, counted from when it saw the taint. Every pod gets the
 * not-ready and unreachable tolerations for 300 s at admission (DefaultTolerationSeconds), so a
 * lost node's pods go 300 s after the node controller taints it.
 *
 * Before deleting, it records `TaintManagerEviction` "Marking for deletion Pod default/web-1"
 * and adds the condition DisruptionTarget=True (DeletionByTaintManager, "Taint manager: deleting
 * due to NoExecute taint"). Cancelling a deletion that is still waiting for its time records
 * "Cancelling deletion of Pod default/web-1" (TimedWorkerQueue.CancelWork returns true only for a
 * worker with a timer). Work that is due at once (an untolerated taint) runs at once and has no
 * timer; work that has run stays on record as nil so it is not added twice, and cancelling either
 * (the taint going, the pod finally removed) records nothing.
 *
 * Simplified: a second look at the same instant never reschedules (upstream's strict "before"
 * is always true between real clock readings, so rescheduling only follows a real change); a
 * rescheduled deletion fires at its new trigger time (upstream's timer measures it from the
 * first sighting, a quirk left out).
 */
import type { Pod, PodCondition, Toleration } from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import type { WorkQueue } from '../../sim/loop.js';
import type { ReconcileResult } from '../../sim/reconciler.js';
import { timestampOf } from '../../store/time.js';
import type { Controller, ControllerContext } from '../context.js';
import { TAINT_EVICTION_CONTROLLER } from './constants.js';
import { getMatchingTolerations, noExecuteTaints, type Taint } from './taints.js';

/**
 * getMinTolerationTime in ms: 0 with no tolerations or any non-positive tolerationSeconds; -1
 * (forever) when none sets tolerationSeconds; else the smallest. Example: [300 s, none] → 300 000.
 */
export function getMinTolerationTime(tolerations: readonly Toleration[]): number {
  if (tolerations.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Number.POSITIVE_INFINITY ? -1 : min * 1000;
}

/** A deletion waiting for its time; null once it has run, or when it ran at once (no timer). */
type Work = { readonly createdAt: number; readonly fireAt: number } | null;

export class TaintEvictionController implements Controller {
  readonly name = TAINT_EVICTION_CONTROLLER;
  /** NoExecute taints per node (taintedNodes). */
  private readonly taintedNodes = new Map<string, Taint[]>();
  /** The TimedWorkerQueue, by `namespace/name`. */
  private readonly work = new Map<string, Work>();
  private queue: WorkQueue | undefined;

  constructor(private readonly ctx: ControllerContext) {}

  start(): void {
    const { store, loop } = this.ctx;
    const queue = loop.queue(this);
    this.queue = queue;
    store.watch('Node', (event) => {
      const before = noExecuteTaints(event.old?.spec?.taints);
      const after = noExecuteTaints(event.object.spec?.taints);
      if (event.type === 'MODIFIED' && deepEqual(before, after)) return;
      queue.add(`node:${event.object.metadata.name}`);
    });
    store.watch('Pod', (event) => {
      const { old, object: pod } = event;
      if (
        event.type === 'MODIFIED' &&
        old &&
        old.spec?.nodeName === pod.spec?.nodeName &&
        deepEqual(old.spec?.tolerations ?? [], pod.spec?.tolerations ?? [])
      ) {
        return;
      }
      queue.add(`pod:${pod.metadata.namespace}/${pod.metadata.name}`);
    });
    for (const node of store.list('Node')) {
      if (noExecuteTaints(node.spec?.taints).length > 0) queue.add(`node:${node.metadata.name}`);
    }
  }

  reconcile(key: string): ReconcileResult | undefined {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const rest = key.slice(colon + 1);
    if (kind === 'node') this.handleNodeUpdate(rest);
    else if (kind === 'pod') this.handlePodUpdate(rest);
    else if (kind === 'fire') return this.fire(rest);
    return undefined;
  }

  /** Whether a deletion of the pod is scheduled and has not fired (for tests and reports). */
  scheduledAt(podKey: string): number | undefined {
    return this.work.get(podKey)?.fireAt;
  }

  private handleNodeUpdate(name: string): void {
    const node = this.ctx.store.get('Node', undefined, name);
    if (!node) {
      this.taintedNodes.delete(name);
      return;
    }
    const taints = noExecuteTaints(node.spec?.taints);
    if (taints.length === 0) this.taintedNodes.delete(name);
    else this.taintedNodes.set(name, taints);
    const pods = this.ctx.store.list('Pod').filter((p) => p.spec?.nodeName === name);
    if (taints.length === 0) {
      for (const pod of pods) this.cancelWorkWithEvent(keyOf(pod));
      return;
    }
    const now = this.ctx.clock.now;
    for (const pod of pods) this.processPodOnNode(keyOf(pod), pod.spec?.tolerations ?? [], taints, now);
  }

  private handlePodUpdate(podKey: string): void {
    const [namespace, name] = splitPodKey(podKey);
    const pod = this.ctx.store.get('Pod', namespace, name);
    if (!pod) {
      this.cancelWorkWithEvent(podKey);
      return;
    }
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return;
    const taints = this.taintedNodes.get(nodeName);
    if (!taints) return;
    this.processPodOnNode(podKey, pod.spec?.tolerations ?? [], taints, this.ctx.clock.now);
  }

  private processPodOnNode(
    podKey: string,
    tolerations: readonly Toleration[],
    taints: readonly Taint[],
    now: number,
  ): void {
    if (taints.length === 0) this.cancelWorkWithEvent(podKey);
    const { allTolerated, used } = getMatchingTolerations(taints, tolerations);
    if (!allTolerated) {
      // Not tolerated at all: cancel whatever was scheduled and delete it right away.
      this.cancelWorkWithEvent(podKey);
      this.addWork(podKey, now, now);
      return;
    }
    const min = getMinTolerationTime(used);
    if (min < 0) {
      this.cancelWorkWithEvent(podKey);
      return;
    }
    let startTime = now;
    const trigger = now + min;
    const scheduled = this.work.get(podKey);
    if (scheduled) {
      startTime = scheduled.createdAt;
      if (startTime + min <= trigger) return;
      this.cancelWorkWithEvent(podKey);
    }
    this.addWork(podKey, startTime, trigger);
  }

  /**
   * TimedWorkerQueue.AddWork: nothing if work for the pod is on record; work with no delay
   * (createWorker's `delay <= 0`) runs at once and cannot be cancelled; other work waits.
   */
  private addWork(podKey: string, createdAt: number, fireAt: number): void {
    if (this.work.has(podKey)) return;
    if (fireAt - createdAt <= 0) {
      this.work.set(podKey, null);
      this.run(podKey);
      return;
    }
    this.work.set(podKey, { createdAt, fireAt });
    this.queue?.addAfter(`fire:${podKey}`, fireAt - this.ctx.clock.now);
  }

  /** cancelWorkWithEvent: CancelWork, and the cancelling event only when a timer was stopped. */
  private cancelWorkWithEvent(podKey: string): void {
    if (!this.work.has(podKey)) return;
    const pending = this.work.get(podKey) !== null;
    this.work.delete(podKey);
    if (pending) this.record(podKey, `Cancelling deletion of Pod ${podKey}`);
  }

  /** A waiting deletion's timer: run it unless it was cancelled (or replaced by a later one). */
  private fire(podKey: string): ReconcileResult | undefined {
    const work = this.work.get(podKey);
    if (!work) return undefined;
    const now = this.ctx.clock.now;
    if (work.fireAt > now) return { requeueAfter: work.fireAt - now };
    this.work.set(podKey, null);
    this.run(podKey);
    return undefined;
  }

  /**
   * deletePodHandler: the event, then addConditionAndDeletePod (the DisruptionTarget condition,
   * a graceful delete). A pod that is already gone is an error: the work is forgotten.
   */
  private run(podKey: string): void {
    this.record(podKey, `Marking for deletion Pod ${podKey}`);
    const { store, clock } = this.ctx;
    const [namespace, name] = splitPodKey(podKey);
    const pod = store.get('Pod', namespace, name);
    if (!pod) {
      this.work.delete(podKey);
      return;
    }
    const conditions = withDisruptionTarget(pod, timestampOf(clock.now));
    if (conditions) {
      store.mutateStatus('Pod', namespace, name, (draft) => {
        draft.status = { ...(draft.status ?? {}), conditions };
      });
    }
    store.delete('Pod', namespace, name);
  }

  private record(podKey: string, message: string): void {
    const [namespace, name] = splitPodKey(podKey);
    const ref = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
    try {
      this.ctx.events.record(ref, 'Normal', 'TaintManagerEviction', message, {
        component: TAINT_EVICTION_CONTROLLER,
      });
    } catch {
      // The namespace is being deleted: the API refuses new events.
    }
  }
}

/**
 * UpdatePodCondition with DisruptionTarget=True (DeletionByTaintManager): appended when absent;
 * undefined when the pod already has exactly that condition.
 */
function withDisruptionTarget(pod: Pod, now: string): PodCondition[] | undefined {
  const conditions = [...(pod.status?.conditions ?? [])];
  const wanted = {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'DeletionByTaintManager',
    message: 'Taint manager: deleting due to NoExecute taint',
  };
  const i = conditions.findIndex((c) => c.type === 'DisruptionTarget');
  const old = i >= 0 ? conditions[i]! : undefined;
  if (old && old.status === wanted.status && old.reason === wanted.reason && old.message === wanted.message) {
    return undefined;
  }
  const condition = {
    ...wanted,
    lastProbeTime: null,
    lastTransitionTime: old?.status === 'True' && old.lastTransitionTime ? old.lastTransitionTime : now,
  } as unknown as PodCondition;
  if (i >= 0) conditions[i] = condition;
  else conditions.push(condition);
  return conditions;
}

function keyOf(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

function splitPodKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}
