import type { KindName, KubeObject } from '../../../api/types.js';
import type { KindTable } from '../table.js';
import { namespaceTable, nodeTable } from './cluster.js';
import { endpointSliceTable, endpointsTable } from './endpoints.js';
import { eventTable } from './event.js';
import { podTable } from './pod.js';
import { serviceTable } from './service.js';
import { deploymentTable, replicaSetTable } from './workloads.js';

/**
 * The server-side table of each served kind. The API server always prints with Wide: true
 * (pkg/printers/storage TableConvertor) and kubectl only drops the priority-1 columns, so
 * nothing in a table depends on -o wide: a LoadBalancer's ingress list is never cut to 16
 * characters in `kubectl get services`.
 */
export function kindTable(kind: KindName): KindTable<KubeObject> {
  const tables: Record<KindName, KindTable<never>> = {
    Pod: podTable,
    Deployment: deploymentTable,
    ReplicaSet: replicaSetTable,
    Service: serviceTable(true),
    Endpoints: endpointsTable,
    EndpointSlice: endpointSliceTable,
    Node: nodeTable,
    Namespace: namespaceTable,
    Event: eventTable,
  };
  return tables[kind] as unknown as KindTable<KubeObject>;
}
