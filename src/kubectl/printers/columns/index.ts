import type { KindName, KubeObject } from '../../../api/types.js';
import type { KindTable } from '../table.js';
import { namespaceTable, nodeTable } from './cluster.js';
import { endpointSliceTable, endpointsTable } from './endpoints.js';
import { eventTable } from './event.js';
import { podTable } from './pod.js';
import { serviceTable } from './service.js';
import { deploymentTable, replicaSetTable } from './workloads.js';

/** The server-side table of each served kind. */
export function kindTable(kind: KindName, wide: boolean): KindTable<KubeObject> {
  const tables: Record<KindName, KindTable<never>> = {
    Pod: podTable,
    Deployment: deploymentTable,
    ReplicaSet: replicaSetTable,
    Service: serviceTable(wide),
    Endpoints: endpointsTable,
    EndpointSlice: endpointSliceTable,
    Node: nodeTable,
    Namespace: namespaceTable,
    Event: eventTable,
  };
  return tables[kind] as unknown as KindTable<KubeObject>;
}
