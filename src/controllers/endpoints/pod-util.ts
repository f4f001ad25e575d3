import type { Pod, Service, ServicePort } from '../../api/types.js';

/**
 * The pod predicates both endpoint controllers share, from k8s.io/endpointslice/util
 * (controller_utils.go) and pkg/api/v1/pod/util.go.
 */

export function podReadyCondition(pod: Pod) {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** isPodTerminal: phase Succeeded or Failed (all containers stopped for good). */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function podIPs(pod: Pod): string[] {
  const list = (pod.status?.podIPs ?? []).map((p) => p.ip).filter((ip): ip is string => !!ip);
  if (list.length === 0 && pod.status?.podIP) return [pod.status.podIP];
  return list;
}

/**
 * ShouldPodBeInEndpoints: terminal pods and pods without an IP never are; terminating pods
 * (deletionTimestamp set) only when `includeTerminating` (publishNotReadyAddresses for
 * Endpoints; always for EndpointSlices, which mark them terminating).
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** ShouldSetHostname: the pod asked for a hostname under this Service's subdomain. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return (
    !!pod.spec?.hostname &&
    pod.spec.subdomain === svc.metadata.name &&
    (svc.metadata.namespace ?? 'default') === (pod.metadata.namespace ?? 'default')
  );
}

/** The port a Service port forwards to; targetPort defaults to port (SetDefaults_Service). */
export function targetPortOf(sp: ServicePort): number | string {
  return sp.targetPort ?? sp.port;
}

/**
 * FindPort (pkg/api/v1/pod/util.go): a numeric targetPort is used as it is; a named one is
 * looked up by name and protocol in the containers' ports, then in sidecars (init containers
 * with restartPolicy Always). A missing protocol counts as TCP, its default.
 */
export function findPort(pod: Pod, sp: ServicePort): number | Error {
  const target = targetPortOf(sp);
  if (typeof target === 'number') return target;
  const protocol = sp.protocol ?? 'TCP';
  const match = (
    containers: ReadonlyArray<{
      ports?: ReadonlyArray<{ name?: string; protocol?: string; containerPort: number }>;
    }>,
  ) => {
    for (const c of containers) {
      for (const p of c.ports ?? []) {
        if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
      }
    }
    return undefined;
  };
  const found =
    match(pod.spec?.containers ?? []) ??
    match((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'));
  if (found !== undefined) return found;
  return new Error(`no suitable port for manifest: ${pod.metadata.uid ?? ''}`);
}

/**
 * podEndpointsChanged: [pod changed in a way that moves its endpoint, labels (or hostname/
 * subdomain) changed so its Services may differ]. A deletionTimestamp on either side counts as
 * a change, as upstream's pointer comparison does.
 */
export function podEndpointsChanged(oldPod: Pod, newPod: Pod): [boolean, boolean] {
  const labelsChanged =
    !sameLabels(oldPod.metadata.labels, newPod.metadata.labels) ||
    oldPod.spec?.hostname !== newPod.spec?.hostname ||
    oldPod.spec?.subdomain !== newPod.spec?.subdomain;
  if (oldPod.metadata.deletionTimestamp || newPod.metadata.deletionTimestamp) return [true, labelsChanged];
  if (isPodReady(oldPod) !== isPodReady(newPod)) return [true, labelsChanged];
  const before = oldPod.status?.podIPs ?? [];
  const after = newPod.status?.podIPs ?? [];
  if (before.length !== after.length || before.some((p, i) => p.ip !== after[i]?.ip))
    return [true, labelsChanged];
  return [false, labelsChanged];
}

function sameLabels(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
) {
  const x = a ?? {};
  const y = b ?? {};
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => Object.hasOwn(y, k) && y[k] === x[k]);
}
