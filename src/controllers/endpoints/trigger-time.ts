import type { Pod, Service } from '../../api/types.js';
import { simTimeOf } from '../../store/time.js';
import { podReadyCondition } from './pod-util.js';

interface ServiceState {
  serviceTime: number | undefined;
  /** Pod name → the Ready condition's lastTransitionTime seen at the previous sync. */
  podTimes: Map<string, number>;
}

interface Stamp {
  ms: number;
  text: string;
}

/**
 * TriggerTimeTracker (k8s.io/endpointslice/util/trigger_time_tracker.go): what the
 * `endpoints.kubernetes.io/last-change-trigger-time` annotation says. For a Service seen for
 * the first time it is the Service's creationTimestamp; afterwards it is the earliest trigger
 * that changed since the previous sync (a pod's Ready lastTransitionTime, or the Service's
 * creation), or nothing, which clears the annotation.
 */
export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** The annotation value to write, or undefined to leave it out. */
  compute(namespace: string, svc: Service, pods: readonly Pod[]): string | undefined {
    const key = `${namespace}/${svc.metadata.name}`;
    const state = this.states.get(key);
    let min: Stamp | undefined;
    const consider = (stamp: Stamp) => {
      if (!min || stamp.ms < min.ms) min = stamp;
    };
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const stamp = stampOf(podReadyCondition(pod)?.lastTransitionTime);
      if (!stamp) continue;
      podTimes.set(pod.metadata.name, stamp.ms);
      const last = state?.podTimes.get(pod.metadata.name);
      if (last === undefined || stamp.ms > last) consider(stamp);
    }
    const created = stampOf(svc.metadata.creationTimestamp);
    if (created && (state?.serviceTime === undefined || created.ms > state.serviceTime)) consider(created);
    this.states.set(key, { serviceTime: created?.ms, podTimes });
    if (!state) return created?.text;
    return min?.text;
  }

  deleteService(namespace: string, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}

function stampOf(timestamp: string | undefined): Stamp | undefined {
  const ms = simTimeOf(timestamp);
  return ms === undefined || !timestamp ? undefined : { ms, text: timestamp };
}
