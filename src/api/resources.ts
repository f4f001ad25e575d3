import type { KindName } from './types.js';

/** What the API server's discovery says about one resource type. */
export interface ResourceType {
  readonly kind: KindName;
  readonly group: string;
  readonly version: string;
  /** The lower-case plural used in URLs and messages (`deployments`). */
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
}

export const RESOURCE_TYPES: readonly ResourceType[] = [
  {
    kind: 'Namespace',
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
  },
  {
    kind: 'Node',
    group: '',
    version: 'v1',
    plural: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    namespaced: false,
  },
  {
    kind: 'Pod',
    group: '',
    version: 'v1',
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    namespaced: true,
  },
  {
    kind: 'Service',
    group: '',
    version: 'v1',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    namespaced: true,
  },
  {
    kind: 'Endpoints',
    group: '',
    version: 'v1',
    plural: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
  },
  {
    kind: 'Event',
    group: '',
    version: 'v1',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
  },
  {
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
  },
  {
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    namespaced: true,
  },
  {
    kind: 'EndpointSlice',
    group: 'discovery.k8s.io',
    version: 'v1',
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    namespaced: true,
  },
];

const BY_KIND = new Map(RESOURCE_TYPES.map((r) => [r.kind, r]));

export function resourceOf(kind: KindName): ResourceType {
  const r = BY_KIND.get(kind);
  if (!r) throw new Error(`unknown kind ${kind}`);
  return r;
}

export function isKnownKind(kind: string): kind is KindName {
  return BY_KIND.has(kind as KindName);
}

/** `deployments.apps`, `pods`: how the API server names a resource in its messages. */
export function qualifiedResource(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

export function apiVersionOf(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/**
 * Finds a resource type by any name kubectl accepts: plural, singular, short name, kind, or
 * a group-qualified form (`deployments.apps`, `deploy.apps`).
 */
export function lookupResource(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  const [base, ...groupParts] = lower.split('.');
  const group = groupParts.join('.');
  return RESOURCE_TYPES.find(
    (r) =>
      (group === '' || r.group === group || `${r.version}.${r.group}` === group) &&
      (r.plural === base ||
        r.singular === base ||
        r.kind.toLowerCase() === base ||
        r.shortNames.includes(base!)),
  );
}
