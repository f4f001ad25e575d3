/** What the images layer offers the rest of kubesim and its users (src/index.ts re-exports part). */
export type { ContainerInvocation, ImageBehaviour } from './behaviour.js';
export { catalogFor, ImageCatalog, type PulledImage } from './catalog.js';
export type { ContainerContext, ShellNetwork } from './container-context.js';
export { ContainerLog, type LogLine } from './container-log.js';
export { type ShellNetworkFactory, setShellNetwork, shellNetworkFor } from './container-network.js';
export {
  type DeclaredImage,
  declareImage,
  loadImageBehaviours,
  parseImageBehaviour,
  type SourceRef,
} from './declared.js';
export type { ExecOutcome, ExecRequest } from './exec.js';
export { type ExitStatus, SimProcess } from './process.js';
