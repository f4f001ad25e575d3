import type { Container } from '../../api/types.js';

/** The hash of each container object (stored pods are frozen: a spec change makes new objects). */
const hashes = new WeakMap<Container, string>();

/**
 * kubecontainer.HashContainer (pkg/kubelet/container/helpers.go, v1.33): FNV-32a over the JSON of
 * the only fields a running pod may change, `{"image":…,"name":…}` (pickFieldsToHash; resources
 * are left out, as InPlacePodVerticalScaling resizes without a restart). In hex, as getStableKey
 * writes it. Simplification: upstream hashes the JSON through DeepHashObject's spew printing, so
 * the number differs; nothing shows it (it is a label on the CRI container), only equality matters.
 */
export function hashContainer(container: Container): string {
  let hash = hashes.get(container);
  if (hash === undefined) {
    hash = fnv32a(JSON.stringify({ image: container.image ?? '', name: container.name })).toString(16);
    hashes.set(container, hash);
  }
  return hash;
}

/** FNV-1a, 32 bits, over the UTF-16 code units (the JSON here is ASCII in practice). */
function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * kuberuntime helpers.go getStableKey: the crash-loop back-off's key,
 * `podName_podNamespace_podUID_containerName_hash`; a new image is a new key, so its container
 * starts without the old back-off.
 */
export function stableKey(
  pod: { metadata: { name: string; namespace?: string; uid?: string } },
  container: Container,
): string {
  const m = pod.metadata;
  return `${m.name}_${m.namespace ?? ''}_${m.uid ?? ''}_${container.name}_${hashContainer(container)}`;
}
