/**
 * The node conditions the kubelet posts (pkg/kubelet/nodestatus/setters.go
 * MemoryPressureCondition, DiskPressureCondition, PIDPressureCondition, ReadyCondition), for
 * the two moments kubesim's kubelet posts its node status: when memory pressure begins or ends,
 * and when the kubelet resumes after being unreachable. A condition whose status changes gets a
 * new lastTransitionTime and an event on the node ("Node node-2 status is now: NodeReady");
 * every condition's lastHeartbeatTime becomes now.
 *
 * Simplified: the kubelet's periodic status posts (every 5 min without changes, when a Lease is
 * renewed) are not modelled, so heartbeat times move only with a change.
 */
import type { Node, NodeCondition } from '../../api/types.js';
import type { EventRecorder } from '../../sim/events.js';
import type { Store } from '../../store/store.js';
import { timestampOf } from '../../store/time.js';

/** What the kubelet knows about its node when it posts. */
export interface KubeletNodeState {
  readonly memoryPressure: boolean;
}

interface Wanted {
  readonly status: string;
  readonly reason: string;
  readonly message: string;
  /** The event recorded when the condition changes to this status. */
  readonly event: string;
}

function wanted(type: string, state: KubeletNodeState): Wanted | undefined {
  switch (type) {
    case 'MemoryPressure':
      return state.memoryPressure
        ? {
            status: 'True',
            reason: 'KubeletHasInsufficientMemory',
            message: 'kubelet has insufficient memory available',
            event: 'NodeHasInsufficientMemory',
          }
        : {
            status: 'False',
            reason: 'KubeletHasSufficientMemory',
            message: 'kubelet has sufficient memory available',
            event: 'NodeHasSufficientMemory',
          };
    case 'DiskPressure':
      return {
        status: 'False',
        reason: 'KubeletHasNoDiskPressure',
        message: 'kubelet has no disk pressure',
        event: 'NodeHasNoDiskPressure',
      };
    case 'PIDPressure':
      return {
        status: 'False',
        reason: 'KubeletHasSufficientPID',
        message: 'kubelet has sufficient PID available',
        event: 'NodeHasSufficientPID',
      };
    case 'Ready':
      return {
        status: 'True',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
        event: 'NodeReady',
      };
    default:
      return undefined;
  }
}

/**
 * The conditions after a post, and the events of the conditions that changed (in the setters'
 * order, which is the conditions' order on a kubelet's node). Undefined when no status changes.
 */
export function kubeletNodeConditions(
  conditions: readonly NodeCondition[],
  state: KubeletNodeState,
  now: string,
): { conditions: NodeCondition[]; events: string[] } | undefined {
  const events: string[] = [];
  const next = conditions.map((c) => {
    const w = wanted(c.type, state);
    if (!w) return c;
    const out: NodeCondition = { ...c, lastHeartbeatTime: now };
    if (c.status !== w.status) {
      Object.assign(out, { status: w.status, reason: w.reason, message: w.message, lastTransitionTime: now });
      events.push(w.event);
    }
    return out;
  });
  return events.length > 0 ? { conditions: next, events } : undefined;
}

/** Posts the kubelet's view of its node's conditions, if a status changed. */
export function postNodeStatus(
  store: Store,
  events: EventRecorder,
  nodeName: string,
  state: KubeletNodeState,
  nowMs: number,
): void {
  const node = store.get('Node', undefined, nodeName);
  if (!node) return;
  const update = kubeletNodeConditions(
    (node.status?.conditions ?? []) as NodeCondition[],
    state,
    timestampOf(nowMs),
  );
  if (!update) return;
  store.mutateStatus('Node', undefined, nodeName, (draft: Node) => {
    draft.status = { ...(draft.status ?? {}), conditions: update.conditions };
  });
  for (const event of update.events) {
    recordNodeEvent(events, nodeName, 'Normal', event, `Node ${nodeName} status is now: ${event}`);
  }
}

/**
 * An event about the node from its kubelet. The kubelet's node reference carries the node's
 * name as its UID, which is also what `kubectl describe node` searches by.
 */
export function recordNodeEvent(
  events: EventRecorder,
  nodeName: string,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  const ref = { apiVersion: 'v1', kind: 'Node', metadata: { name: nodeName, uid: nodeName } };
  events.record(ref, type, reason, message, { component: 'kubelet', host: nodeName });
}
