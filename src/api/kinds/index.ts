import type { KindStrategy } from '../strategy.js';
import type { KindName } from '../types.js';

/** Defaulting and validation of every served kind, by kind name. */
export const STRATEGIES: Record<KindName, KindStrategy> = {
  Namespace: { kind: 'Namespace' },
  Node: { kind: 'Node' },
  Pod: { kind: 'Pod' },
  ReplicaSet: { kind: 'ReplicaSet', generation: 'spec' },
  Deployment: { kind: 'Deployment', generation: 'spec+annotations' },
  Service: { kind: 'Service' },
  Endpoints: { kind: 'Endpoints' },
  EndpointSlice: { kind: 'EndpointSlice' },
  Event: { kind: 'Event' },
};
