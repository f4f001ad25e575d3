import type { KindStrategy } from '../strategy.js';
import type { KindName } from '../types.js';
import { deploymentStrategy } from './deployment.js';
import { endpointsStrategy } from './endpoints.js';
import { endpointSliceStrategy } from './endpointslice.js';
import { eventStrategy } from './event.js';
import { namespaceStrategy } from './namespace.js';
import { nodeStrategy } from './node.js';
import { podStrategy } from './pod.js';
import { replicaSetStrategy } from './replicaset.js';
import { serviceStrategy } from './service.js';

/** Defaulting and validation of every served kind, by kind name. */
export const STRATEGIES: Record<KindName, KindStrategy> = {
  Namespace: namespaceStrategy,
  Node: nodeStrategy,
  Pod: podStrategy,
  ReplicaSet: replicaSetStrategy,
  Deployment: deploymentStrategy,
  Service: serviceStrategy,
  Endpoints: endpointsStrategy,
  EndpointSlice: endpointSliceStrategy,
  Event: eventStrategy,
};
