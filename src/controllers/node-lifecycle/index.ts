export { NODE_MONITOR_GRACE_PERIOD_MS, NODE_MONITOR_PERIOD_MS } from './constants.js';
export { type HeartbeatingKubelet, heartbeatsOf, type NodeHeartbeats } from './heartbeat.js';
export { NodeLifecycleController, type NodeLifecycleOptions } from './node-lifecycle-controller.js';
export { getMinTolerationTime, TaintEvictionController } from './taint-eviction.js';
