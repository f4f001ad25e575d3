/**
 * Pure parts of monitorNodeHealth (pkg/controller/nodelifecycle/node_lifecycle_controller.go):
 * what a node's conditions become when its kubelet has gone quiet for the grace period, and how
 * healthy a zone is (ComputeZoneState).
 */
import type { Node, NodeCondition } from '../../api/types.js';
import { UNHEALTHY_ZONE_THRESHOLD } from './constants.js';

/** The conditions the controller sets to Unknown; NetworkUnavailable is left to the network plugin. */
const MONITORED = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

export function readyCondition(node: Node): NodeCondition | undefined {
  return (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
}

/** The node's Ready status as the controller reads it; no condition at all counts as Unknown. */
export function readyStatus(node: Node): string {
  return readyCondition(node)?.status ?? 'Unknown';
}

/**
 * tryUpdateNodeHealth after the grace period: every monitored condition not already Unknown
 * becomes Unknown with reason NodeStatusUnknown ("Kubelet stopped posting node status.") and a
 * new lastTransitionTime; lastHeartbeatTime stays the kubelet's last one. A condition the
 * kubelet never posted is added as NodeStatusNeverUpdated. Undefined when nothing changes.
 */
export function conditionsUnknown(node: Node, now: string): NodeCondition[] | undefined {
  const conditions = ((node.status?.conditions ?? []) as NodeCondition[]).map((c) => ({ ...c }));
  let changed = false;
  for (const type of MONITORED) {
    const current = conditions.find((c) => c.type === type);
    if (!current) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: now,
      });
      changed = true;
    } else if (current.status !== 'Unknown') {
      current.status = 'Unknown';
      current.reason = 'NodeStatusUnknown';
      current.message = 'Kubelet stopped posting node status.';
      current.lastTransitionTime = now;
      changed = true;
    }
  }
  return changed ? conditions : undefined;
}

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/**
 * ComputeZoneState from the Ready statuses of a zone's nodes: FullDisruption when none is
 * Ready; PartialDisruption when more than 2 are not Ready and they are at least 55 % of the
 * zone; Normal otherwise. Example: 3 nodes, 2 unreachable → 2 is not more than 2 → Normal.
 */
export function computeZoneState(readyStatuses: readonly string[]): { unhealthy: number; state: ZoneState } {
  const ready = readyStatuses.filter((s) => s === 'True').length;
  const notReady = readyStatuses.length - ready;
  if (ready === 0 && notReady > 0) return { unhealthy: notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD) {
    return { unhealthy: notReady, state: 'PartialDisruption' };
  }
  return { unhealthy: notReady, state: 'Normal' };
}

/** nodetopology.GetZoneKey: region and zone from the topology labels; "" when the node has neither. */
export function zoneKey(node: Node): string {
  const labels = node.metadata.labels ?? {};
  const region =
    labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone =
    labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\u0000:${zone}`;
}

/** Nodes with this label are left out of the zone's health (isNodeExcludedFromDisruptionChecks). */
export const LABEL_EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';
