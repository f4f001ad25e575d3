import type { KubeObject, Node } from '../../api/types.js';
import type { NodeSpec } from '../../cluster/settings.js';

/** The Node object for the index-th node of a cluster (placeholder: capacity only). */
export function nodeObject(spec: NodeSpec, index: number): Node & KubeObject & { kind: 'Node' } {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: spec.name, labels: { 'kubernetes.io/hostname': spec.name } },
    spec: { podCIDR: `10.244.${index}.0/24`, podCIDRs: [`10.244.${index}.0/24`] },
    status: {
      capacity: { cpu: spec.cpu, memory: spec.memory, pods: String(spec.pods) },
      allocatable: { cpu: spec.cpu, memory: spec.memory, pods: String(spec.pods) },
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 2}` },
        { type: 'Hostname', address: spec.name },
      ],
    },
  };
}
