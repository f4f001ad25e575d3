import type { Store } from '../../store/store.js';

/**
 * POST pods/<name>/binding (pkg/registry/core/pod/storage BindingREST.assignPod): sets
 * spec.nodeName of an unbound pod and PodScheduled=True in one write. Pod updates may not
 * change spec.nodeName, so binding goes through the store's binding subresource.
 */
export function bindPod(store: Store, namespace: string, name: string, nodeName: string): void {
  store.bindPod(namespace, name, nodeName);
}
