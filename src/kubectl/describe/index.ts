/**
 * kubectl describe's describers (k8s.io/kubectl/pkg/describe), one per kind kubesim serves:
 * `describerFor(kind)` gives the function that turns a stored object into describe's text.
 */
import type { KindName } from '../../api/types.js';
import type { Describer } from './context.js';
import { describeDeployment } from './deployment.js';
import { describeEndpointSlice, describeEndpoints } from './endpoints.js';
import { describeGeneric } from './generic.js';
import { describeNamespace } from './namespace.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { describeReplicaSet } from './replicaset.js';
import { describeService } from './service.js';

export type { DescribeContext, Describer } from './context.js';

const DESCRIBERS: Partial<Record<KindName, Describer>> = {
  Pod: describePod,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Service: describeService,
  Node: describeNode,
  Namespace: describeNamespace,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
};

/** DescriberFor, falling back to the generic describer as kubectl does for other kinds. */
export function describerFor(kind: KindName): Describer {
  return DESCRIBERS[kind] ?? describeGeneric;
}
