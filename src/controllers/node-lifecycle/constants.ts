/**
 * The node lifecycle controller's settings and names as kube-controller-manager v1.33 has them
 * (cmd/kube-controller-manager/app/options, pkg/controller/nodelifecycle, pkg/controller/tainteviction).
 */

/**
 * --node-monitor-grace-period: how long a node may go without a heartbeat before its conditions
 * become Unknown. 50 s since v1.32 (kubernetes/kubernetes#126287, "The default value for
 * node-monitor-grace-period has been increased to 50s (earlier 40s)", CHANGELOG-1.32
 * v1.32.0-alpha.2); before that 40 s.
 */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;

/** --node-monitor-period: how often monitorNodeHealth runs (5 s). */
export const NODE_MONITOR_PERIOD_MS = 5_000;

/** --node-eviction-rate: nodes per second that may get a NoExecute taint in a healthy zone. */
export const NODE_EVICTION_RATE = 0.1;

/** --large-cluster-size-threshold: at or below it a partially disrupted zone taints nothing. */
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;

/** --unhealthy-zone-threshold: the share of not-Ready nodes (at least 3) that makes a zone unhealthy. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** The event source of the node lifecycle controller (its recorder's component). */
export const NODE_CONTROLLER = 'node-controller';
/** The event source of the taint eviction controller (SeparateTaintEvictionController, on in v1.33). */
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
