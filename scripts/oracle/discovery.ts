/**
 * The legacy discovery documents a v1.33 API server would publish for the resource types kubesim
 * serves (/api, /apis, /api/v1, /apis/GROUP/VERSION). kubectl resolves short names, kinds and the
 * `all` category from these, so they decide `get all`'s order: groups in the API server's order,
 * resources alphabetical within a group version, as a real server lists them.
 */
import { RESOURCE_TYPES, type ResourceType } from '../../src/api/resources.js';

/** The `all` category of a real cluster (pods, services, the apps workloads, …). */
const ALL_CATEGORY = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet']);

/** The order of groups in a v1.33 API server's /apis (the part kubesim serves). */
const GROUP_ORDER = ['apps', 'events.k8s.io', 'discovery.k8s.io'];

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function resourceEntry(r: ResourceType): Record<string, unknown> {
  return {
    name: r.plural,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: VERBS,
    ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    ...(ALL_CATEGORY.has(r.kind) ? { categories: ['all'] } : {}),
  };
}

function resourceList(group: string, version: string): Record<string, unknown> {
  const gv = group ? `${group}/${version}` : version;
  const resources = RESOURCE_TYPES.filter((r) => r.group === group && r.version === version)
    .sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0))
    .map(resourceEntry);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources };
}

function groups(): string[] {
  const served = [...new Set(RESOURCE_TYPES.filter((r) => r.group).map((r) => r.group))];
  const rank = (g: string) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length);
  return served.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

/** Discovery documents by URL path. */
export function discoveryRoutes(address: string): Map<string, unknown> {
  const routes = new Map<string, unknown>();
  routes.set('/version', {
    major: '1',
    minor: '33',
    gitVersion: 'v1.33.1',
    platform: 'linux/amd64',
  });
  routes.set('/api', {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: address }],
  });
  routes.set('/api/v1', resourceList('', 'v1'));
  const list = groups().map((g) => {
    const gv = { groupVersion: `${g}/v1`, version: 'v1' };
    return { name: g, versions: [gv], preferredVersion: gv };
  });
  routes.set('/apis', { kind: 'APIGroupList', apiVersion: 'v1', groups: list });
  for (const g of groups()) routes.set(`/apis/${g}/v1`, resourceList(g, 'v1'));
  return routes;
}
