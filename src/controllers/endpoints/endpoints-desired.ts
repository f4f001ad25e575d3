import type {
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  Endpoints,
  Pod,
  Service,
  ServicePort,
} from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import {
  ANNOTATION_OVER_CAPACITY,
  ENDPOINTS_CONTROLLER,
  LABEL_ENDPOINTS_MANAGED_BY,
  LABEL_HEADLESS,
  MAX_ENDPOINTS_CAPACITY,
} from './constants.js';
import { findPort, isPodReady, podIPs, shouldPodBeInEndpoints, shouldSetHostname } from './pod-util.js';
import { repackSubsets } from './repack-subsets.js';

/**
 * The pure parts of the Endpoints controller's syncService
 * (pkg/controller/endpoint/endpoints_controller.go): which pods become which addresses on
 * which ports, the 1000-address cap, the labels, and the "nothing to write" test.
 */

/** isServiceIPSet: a ClusterIP that is neither empty nor None. */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/**
 * podToEndpointAddressForService: the pod IP of the Service's first IP family, the pod's node
 * (always set, even when empty, as upstream points at pod.Spec.NodeName) and a reference to
 * the pod. Undefined when the pod has no IP of that family.
 */
export function podToEndpointAddress(svc: Service, pod: Pod): EndpointAddress | undefined {
  const family = svc.spec?.ipFamilies?.[0] ?? familyFromService(svc, pod);
  const ip = podIPs(pod).find((candidate) => candidate.includes(':') === (family === 'IPv6'));
  if (!ip) return undefined;
  return {
    ip,
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      uid: pod.metadata.uid ?? '',
    },
  };
}

function familyFromService(svc: Service, pod: Pod): string {
  if (isServiceIPSet(svc)) return svc.spec!.clusterIP!.includes(':') ? 'IPv6' : 'IPv4';
  return pod.status?.podIP?.includes(':') ? 'IPv6' : 'IPv4';
}

/** endpointPortFromServicePort. */
function endpointPort(sp: ServicePort, port: number): EndpointPort {
  const out: EndpointPort = { port, protocol: sp.protocol ?? 'TCP' };
  if (sp.name) out.name = sp.name;
  if (sp.appProtocol) out.appProtocol = sp.appProtocol;
  return out;
}

export interface DesiredSubsets {
  subsets: EndpointSubset[];
  ready: number;
  notReady: number;
}

/**
 * The subsets for a Service and the pods its selector matches: terminal pods, pods without an
 * IP and (unless publishNotReadyAddresses) terminating pods are left out; a pod is a ready
 * address when publishNotReadyAddresses is set or it is Ready, else a not-ready one. A named
 * targetPort is resolved per pod; a pod without that port is left out of that port only. A
 * headless Service without ports lists its pods without ports. The result is repacked.
 */
export function desiredSubsets(svc: Service, pods: readonly Pod[]): DesiredSubsets {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const servicePorts = svc.spec?.ports ?? [];
  const subsets: EndpointSubset[] = [];
  let ready = 0;
  let notReady = 0;
  const add = (pod: Pod, address: EndpointAddress, port: EndpointPort | undefined) => {
    const ports = port ? [port] : [];
    if (publishNotReady || isPodReady(pod)) {
      subsets.push({ addresses: [address], ports });
      ready++;
    } else {
      subsets.push({ notReadyAddresses: [address], ports });
      notReady++;
    }
  };
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const address = podToEndpointAddress(svc, pod);
    if (!address) continue;
    if (shouldSetHostname(pod, svc)) address.hostname = pod.spec!.hostname!;
    if (servicePorts.length === 0) {
      if (svc.spec?.clusterIP === 'None') add(pod, address, undefined);
      continue;
    }
    for (const sp of servicePorts) {
      const port = findPort(pod, sp);
      if (port instanceof Error) continue;
      add(pod, address, endpointPort(sp, port));
    }
  }
  return { subsets: repackSubsets(subsets), ready, notReady };
}

function countAddresses(subsets: readonly EndpointSubset[]): [number, number] {
  let ready = 0;
  let notReady = 0;
  for (const s of subsets) {
    ready += s.addresses?.length ?? 0;
    notReady += s.notReadyAddresses?.length ?? 0;
  }
  return [ready, notReady];
}

/**
 * truncateEndpoints: above 1000 addresses, keep each subset's share of max (rounded up, the last
 * ones taking what is left), ready addresses first. Worked example (TestTruncateEndpoints): ready
 * [90,110,50,10,20] and not ready [101,200,200,201,298] keep all 280 ready and share the other
 * 720 as [73,144,144,145,214]. Returns undefined when nothing needs cutting.
 */
export function truncateEndpoints(subsets: readonly EndpointSubset[]): EndpointSubset[] | undefined {
  const [totalReady, totalNotReady] = countAddresses(subsets);
  if (totalReady + totalNotReady <= MAX_ENDPOINTS_CAPACITY) return undefined;
  const truncateReady = totalReady > MAX_ENDPOINTS_CAPACITY;
  const max = truncateReady ? MAX_ENDPOINTS_CAPACITY : MAX_ENDPOINTS_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  return subsets.map((s) => {
    const out: EndpointSubset = { ...s };
    const inSubset = truncateReady ? (s.addresses?.length ?? 0) : (s.notReadyAddresses?.length ?? 0);
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    if (truncateReady) {
      out.addresses = (s.addresses ?? []).slice(0, toBeAdded);
      out.notReadyAddresses = [];
      canBeAdded -= out.addresses.length;
    } else {
      out.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, toBeAdded);
      canBeAdded -= out.notReadyAddresses.length;
    }
    return out;
  });
}

/** capacityAnnotationSetCorrectly: under the cap the annotation must be absent; over it, always rewrite. */
export function capacityAnnotationSetCorrectly(
  annotations: Readonly<Record<string, string>> | undefined,
  subsets: readonly EndpointSubset[],
): boolean {
  const [ready, notReady] = countAddresses(subsets);
  if (ready + notReady > MAX_ENDPOINTS_CAPACITY) return false;
  return !Object.hasOwn(annotations ?? {}, ANNOTATION_OVER_CAPACITY);
}

/** The labels the controller writes: the Service's own, its managed-by label, and the headless marker. */
export function endpointsLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (isServiceIPSet(svc)) delete labels[LABEL_HEADLESS];
  else labels[LABEL_HEADLESS] = '';
  labels[LABEL_ENDPOINTS_MANAGED_BY] = ENDPOINTS_CONTROLLER;
  return labels;
}

/**
 * The "endpoints are equal, skipping update" test: same subsets (ignoring the pods'
 * resourceVersions), the Service's labels (the headless and managed-by labels aside), our
 * managed-by label in place, and a correct over-capacity annotation.
 */
export function endpointsUpToDate(
  current: Endpoints,
  svc: Service,
  subsets: readonly EndpointSubset[],
): boolean {
  const labels = { ...(current.metadata.labels ?? {}) };
  if (labels[LABEL_ENDPOINTS_MANAGED_BY] !== ENDPOINTS_CONTROLLER) return false;
  delete labels[LABEL_HEADLESS];
  delete labels[LABEL_ENDPOINTS_MANAGED_BY];
  return (
    subsetsEqualIgnoringResourceVersion(current.subsets ?? [], subsets) &&
    deepEqual(labels, svc.metadata.labels ?? {}) &&
    capacityAnnotationSetCorrectly(current.metadata.annotations, current.subsets ?? [])
  );
}

/** endpointSubsetsEqualIgnoreResourceVersion: pod resourceVersions in targetRefs do not count. */
export function subsetsEqualIgnoringResourceVersion(
  a: readonly EndpointSubset[],
  b: readonly EndpointSubset[],
): boolean {
  return deepEqual(a.map(withoutResourceVersions), b.map(withoutResourceVersions));
}

function withoutResourceVersions(s: EndpointSubset): EndpointSubset {
  const strip = (list: readonly EndpointAddress[] | undefined) =>
    list && list.length > 0
      ? list.map((addr) =>
          addr.targetRef ? { ...addr, targetRef: { ...addr.targetRef, resourceVersion: undefined } } : addr,
        )
      : undefined;
  return {
    addresses: strip(s.addresses),
    notReadyAddresses: strip(s.notReadyAddresses),
    ports: s.ports && s.ports.length > 0 ? s.ports : undefined,
  };
}
