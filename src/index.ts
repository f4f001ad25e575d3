/** kubesim's public library surface: steps/ and users' own step code import only this module. */

export type * from './api/types.js';
export { Cluster } from './cluster/cluster.js';
export { nodeMemoryPressure, nodeRecovers, nodeUnreachable } from './cluster/faults.js';
export { type ClusterSettings, defaultNode, defaultSettings, type NodeSpec } from './cluster/settings.js';
export { formatDuration, parseDuration } from './core/duration.js';
export { isUserError, KubesimError, StatusError } from './core/errors.js';
export { Quantity } from './core/quantity.js';
export { catalogFor, ImageCatalog } from './images/catalog.js';
export { declareImage, loadImageBehaviours, parseImageBehaviour } from './images/index.js';
export {
  type CommandResult,
  humanDuration,
  type KubectlOptions,
  kubectl,
  podStatusColumn,
  podSummary,
  splitCommandLine,
} from './kubectl/index.js';
export {
  type DnsAnswer,
  type RequestRecord,
  type RequestSource,
  type SendOptions,
  serviceEnv,
} from './network/index.js';
export type { Change } from './store/history.js';
export { simTimeOf, timestampOf } from './store/time.js';
