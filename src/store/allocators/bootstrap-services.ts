import type { EndpointSlice, Endpoints, Service } from '../../api/types.js';
import type { Store } from '../store.js';

/**
 * The apiserver's own address as the `kubernetes` Service's endpoints show it. kubesim runs no
 * control-plane node (nodes are 172.18.0.2, 172.18.0.3, …), so it uses 172.18.0.1, the first
 * address of the kind-style node network, with the apiserver's secure port 6443.
 */
export const CONTROL_PLANE_IP = '172.18.0.1';
export const CONTROL_PLANE_PORT = 6443;

export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const KUBE_DNS_SERVICE_IP = '10.96.0.10';

/**
 * What the control plane creates before any user object exists:
 * - `default/kubernetes` (pkg/controlplane/controller/kubernetesservice): 10.96.0.1, port https
 *   443/TCP to 6443, no selector, labels component=apiserver and provider=kubernetes, with the
 *   Endpoints and EndpointSlice the apiserver's endpoint reconciler keeps
 *   (pkg/controlplane/reconcilers/endpointsadapter.go): both named `kubernetes`, the Endpoints
 *   labelled endpointslice.kubernetes.io/skip-mirror=true, the slice labelled only with its
 *   service name and its endpoint only `ready: true`.
 * - `kube-system/kube-dns` as kubeadm installs it (cmd/kubeadm/app/phases/addons/dns
 *   manifests): 10.96.0.10, ports dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP, selector
 *   k8s-app=kube-dns. The CoreDNS pods are not simulated, so its Endpoints and EndpointSlice
 *   (written by the endpoint controllers) stay empty.
 *
 * Call after the Service admission plugin is installed: the ClusterIPs are reserved through it.
 */
export function bootstrapServices(store: Store): void {
  store.create(kubernetesService());
  store.create(kubernetesEndpoints());
  store.create(kubernetesEndpointSlice());
  store.create(kubeDnsService());
}

function kubernetesService(): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBERNETES_SERVICE_IP,
      sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: CONTROL_PLANE_PORT }],
    },
  };
}

function kubernetesEndpoints(): Endpoints {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [
      {
        addresses: [{ ip: CONTROL_PLANE_IP }],
        ports: [{ name: 'https', port: CONTROL_PLANE_PORT, protocol: 'TCP' }],
      },
    ],
  };
}

function kubernetesEndpointSlice(): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [CONTROL_PLANE_IP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: CONTROL_PLANE_PORT, protocol: 'TCP' }],
  };
}

function kubeDnsService(): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBE_DNS_SERVICE_IP,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  };
}
