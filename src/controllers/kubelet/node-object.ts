import type { KubeObject, Node } from '../../api/types.js';
import type { NodeSpec } from '../../cluster/settings.js';
import { timestampOf } from '../../store/time.js';

/** The versions a kind v1.33 node reports (kindest/node:v1.33.1). */
export const KUBELET_VERSION = 'v1.33.1';
export const CONTAINER_RUNTIME_VERSION = 'containerd://2.1.1';
export const OS_IMAGE = 'Debian GNU/Linux 12 (bookworm)';
export const KERNEL_VERSION = '6.8.0-60-generic';
/** Ephemeral storage every node reports (kind shows the host's disk). */
export const EPHEMERAL_STORAGE = '100Gi';

/** A fixed hex string for the index-th node (machine ID, boot ID): stable, distinct per node. */
function fixedHex(index: number, salt: number, length: number): string {
  let out = '';
  let x = (index + 1) * 2654435761 + salt * 40503;
  while (out.length < length) {
    x = (Math.imul(x ^ (x >>> 15), 2246822519) + salt) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

function uuidOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The Node object of the index-th node as a kind worker shows it: labels, pod CIDR
 * `10.244.<index>.0/24`, InternalIP `172.18.0.<index+2>`, capacity and allocatable (equal:
 * no reservations, so the scheduler sees what the scenario declared), the kubelet's four
 * conditions with its reasons and messages, and nodeInfo with fixed versions.
 */
export function nodeObject(spec: NodeSpec, index: number): Node & KubeObject & { kind: 'Node' } {
  const resources = {
    cpu: spec.cpu,
    'ephemeral-storage': EPHEMERAL_STORAGE,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: spec.memory,
    pods: String(spec.pods),
  };
  const at = timestampOf(0);
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: at,
    lastTransitionTime: at,
    reason,
    message,
  });
  const machineID = fixedHex(index, 1, 32);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      providerID: `kind://docker/kind/${spec.name}`,
    },
    status: {
      capacity: { ...resources },
      allocatable: { ...resources },
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 2}` },
        { type: 'Hostname', address: spec.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidOf(fixedHex(index, 2, 32)),
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: '',
        kubeletVersion: KUBELET_VERSION,
        machineID,
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: uuidOf(fixedHex(index, 3, 32)),
      },
    },
  };
}
