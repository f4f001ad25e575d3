import type { Endpoint, EndpointSlice, Node, Pod, Service } from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import {
  ENDPOINTSLICE_CONTROLLER,
  LABEL_HEADLESS,
  LABEL_SERVICE_NAME,
  LABEL_SLICE_MANAGED_BY,
} from './constants.js';
import { isServiceIPSet } from './endpoints-desired.js';
import { md5Hex, type SlicePort, sortByHash, spewSlicePort } from './go-hash.js';
import { findPort, isPodReady, podIPs, shouldSetHostname } from './pod-util.js';

/**
 * The building blocks of the EndpointSlice reconciler, from k8s.io/endpointslice (utils.go,
 * util/endpointset.go, util/controller_utils.go).
 */

export type AddressType = 'IPv4' | 'IPv6';

/** What slices are grouped by: one set of ports and one address type. */
export interface EndpointMeta {
  ports: SlicePort[];
  addressType: AddressType;
}

const ZONE_LABEL = 'topology.kubernetes.io/zone';

/**
 * podToEndpoint: serving = Ready, terminating = deletionTimestamp set, ready = serving and not
 * terminating, or always with publishNotReadyAddresses. NodeName when the pod has one, zone
 * from the node's topology.kubernetes.io/zone label (absent on kubesim's nodes), hostname as
 * for Endpoints.
 */
export function podToEndpoint(
  pod: Pod,
  node: Node | undefined,
  svc: Service,
  addressType: AddressType,
): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Endpoint = {
    addresses: podIPs(pod).filter((ip) => ip.includes(':') === (addressType === 'IPv6')),
    conditions: { ready, serving, terminating },
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      uid: pod.metadata.uid ?? '',
    },
  };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone) ep.zone = zone;
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec!.hostname!;
  return ep;
}

/**
 * getEndpointPorts: the Service ports this pod serves, named targetPorts resolved on the pod.
 * Names are always set, "" for an unnamed port. Ordered as NewPortMapKey leaves them: by the
 * md5 of their Go rendering. A headless Service without ports has none.
 */
export function endpointPorts(svc: Service, pod: Pod): SlicePort[] {
  const servicePorts = svc.spec?.ports ?? [];
  if (servicePorts.length === 0 && svc.spec?.clusterIP === 'None') return [];
  const out: SlicePort[] = [];
  for (const sp of servicePorts) {
    const port = findPort(pod, sp);
    if (port instanceof Error) continue;
    const ep: SlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return sortPorts(out);
}

export function sortPorts(ports: readonly SlicePort[]): SlicePort[] {
  return sortByHash(ports, (p) => md5Hex(spewSlicePort(p)));
}

/** NewPortMapKey: the same ports, whatever their order, give the same key. */
export function portMapKey(ports: readonly SlicePort[] | undefined): string {
  return sortPorts(ports ?? [])
    .map((p) => spewSlicePort(p))
    .join(' ');
}

/** hashEndpoint: an endpoint is identified by its addresses, hostname and the pod's namespace/name. */
export function endpointKey(ep: Endpoint): string {
  return JSON.stringify([
    [...ep.addresses].sort(),
    ep.hostname ?? '',
    ep.targetRef?.namespace ?? '',
    ep.targetRef?.name ?? '',
  ]);
}

/** EndpointsEqualBeyondHash: node, zone, conditions and target (its resourceVersion aside). */
export function endpointsEqualBeyondHash(a: Endpoint, b: Endpoint): boolean {
  const ref = (e: Endpoint) => (e.targetRef ? { ...e.targetRef, resourceVersion: undefined } : undefined);
  return (
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    a.conditions?.ready === b.conditions?.ready &&
    a.conditions?.serving === b.conditions?.serving &&
    a.conditions?.terminating === b.conditions?.terminating &&
    deepEqual(ref(a), ref(b))
  );
}

/** ownedBy: the slice's ownerReferences name this Service (by uid). */
export function ownedBy(slice: EndpointSlice, svc: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some(
    (o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1',
  );
}

function isReservedLabel(key: string): boolean {
  return key === LABEL_SERVICE_NAME || key === LABEL_SLICE_MANAGED_BY || key === LABEL_HEADLESS;
}

/**
 * setEndpointSliceLabels: the Service's labels (reserved keys aside), the headless marker, the
 * service-name and managed-by labels; and whether the slice's non-reserved labels differed.
 */
export function sliceLabels(
  current: Readonly<Record<string, string>> | undefined,
  svc: Service,
): [Record<string, string>, boolean] {
  const existing: Record<string, string> = {};
  for (const [k, v] of Object.entries(current ?? {})) if (!isReservedLabel(k)) existing[k] = v;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (!isReservedLabel(k)) labels[k] = v;
  const changed = !deepEqual(existing, labels);
  if (!isServiceIPSet(svc)) labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata.name;
  labels[LABEL_SLICE_MANAGED_BY] = ENDPOINTSLICE_CONTROLLER;
  return [labels, changed];
}

/** newEndpointSlice: generateName `<service>-`, owned by the Service, no endpoints yet. */
export function newEndpointSlice(svc: Service, meta: EndpointMeta): EndpointSlice {
  const [labels] = sliceLabels(undefined, svc);
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: '',
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace ?? 'default',
      labels,
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: svc.metadata.name,
          uid: svc.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType: meta.addressType,
    endpoints: [],
    ports: meta.ports.map((p) => ({ ...p })),
  };
}

/**
 * getAddressTypesForService: from ipFamilies; without them, the ClusterIP's family, or both for
 * a headless Service.
 */
export function addressTypesFor(svc: Service): AddressType[] {
  const families = svc.spec?.ipFamilies ?? [];
  const types: AddressType[] = [];
  if (families.includes('IPv4')) types.push('IPv4');
  if (families.includes('IPv6')) types.push('IPv6');
  if (types.length > 0) return types;
  if (isServiceIPSet(svc)) return [svc.spec!.clusterIP!.includes(':') ? 'IPv6' : 'IPv4'];
  return ['IPv4', 'IPv6'];
}
