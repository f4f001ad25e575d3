/**
 * The object types kubesim stores, from the kubernetes-types package (the Kubernetes API's own
 * Go types, rendered as TypeScript). Re-exported here so the rest of kubesim names one module.
 */
import type * as apps from 'kubernetes-types/apps/v1.js';
import type * as core from 'kubernetes-types/core/v1.js';
import type * as discovery from 'kubernetes-types/discovery/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';

export type {
  DeploymentCondition,
  DeploymentSpec,
  DeploymentStatus,
  ReplicaSetCondition,
  ReplicaSetSpec,
  ReplicaSetStatus,
} from 'kubernetes-types/apps/v1.js';
export type {
  Container,
  ContainerPort,
  ContainerState,
  ContainerStatus,
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  NodeCondition,
  PodCondition,
  PodSpec,
  PodStatus,
  PodTemplateSpec,
  Probe,
  ResourceRequirements,
  ServicePort,
  ServiceSpec,
  Toleration,
} from 'kubernetes-types/core/v1.js';
export type {
  Endpoint,
  EndpointConditions,
  EndpointPort as DiscoveryEndpointPort,
} from 'kubernetes-types/discovery/v1.js';
export type {
  LabelSelector,
  LabelSelectorRequirement,
  ObjectMeta,
  OwnerReference,
} from 'kubernetes-types/meta/v1.js';

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

/** Object metadata as the server sees it: every field writable, the name always present. */
export type Meta = Mutable<ObjectMeta> & { name: string };

/**
 * An API object as kubesim handles it: the kubernetes-types shape with kind, apiVersion and
 * a named metadata always present, and the server-owned fields writable (the store owns them).
 */
export type Resource<T extends { kind?: string; metadata?: ObjectMeta }> = Omit<
  Mutable<T>,
  'metadata' | 'kind' | 'apiVersion'
> & { kind: NonNullable<T['kind']>; apiVersion: string; metadata: Meta };

export type Namespace = Resource<core.Namespace>;
export type Node = Resource<core.Node>;
export type Pod = Resource<core.Pod>;
export type Service = Resource<core.Service>;
export type Endpoints = Resource<core.Endpoints>;
export type Event = Resource<core.Event>;
export type Deployment = Resource<apps.Deployment>;
export type ReplicaSet = Resource<apps.ReplicaSet>;
export type EndpointSlice = Resource<discovery.EndpointSlice>;

/** What every stored object has. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  spec?: unknown;
  status?: unknown;
}

/** The kinds kubesim serves, by kind name. */
export interface KindMap {
  Namespace: Namespace;
  Node: Node;
  Pod: Pod;
  ReplicaSet: ReplicaSet;
  Deployment: Deployment;
  Service: Service;
  Endpoints: Endpoints;
  EndpointSlice: EndpointSlice;
  Event: Event;
}

export type KindName = keyof KindMap;

/** A stored object of kind K. */
export type Stored<K extends KindName> = KindMap[K];
