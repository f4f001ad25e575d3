import type { Stored } from '../../api/types.js';
import type { Store, WatchEvent } from '../../store/store.js';

type PodHandler = (event: WatchEvent<'Pod'>) => void;

interface Registration {
  readonly seq: number;
  readonly handler: PodHandler;
}

/** The kubelets of one store, by node name. */
interface Router {
  readonly byNode: Map<string, Registration[]>;
  seq: number;
}

const routers = new WeakMap<Store, Router>();

/**
 * Watches the pods bound to one node, or bound to it before the change. Every kubelet of a store
 * shares one Pod watch that hands each change only to the kubelet(s) of the pod's node: with a
 * watch per kubelet, each pod write called every node's handler (1,000 nodes: 1,000 calls per
 * write, so the cost grew with pods × nodes). The shared watch is registered where the first
 * kubelet registers, and the kubelets start one after another, so handlers still run in the same
 * order relative to every other watcher.
 */
export function watchPodsOfNode(store: Store, nodeName: string, handler: PodHandler): void {
  let router = routers.get(store);
  if (!router) {
    const created: Router = { byNode: new Map(), seq: 0 };
    routers.set(store, created);
    store.watch('Pod', (event) => dispatch(created, event));
    router = created;
  }
  let list = router.byNode.get(nodeName);
  if (!list) router.byNode.set(nodeName, (list = []));
  list.push({ seq: router.seq++, handler });
}

function dispatch(router: Router, event: WatchEvent<'Pod'>): void {
  const node = nodeOf(event.object);
  const oldNode = event.old ? nodeOf(event.old) : undefined;
  const now = node === undefined ? undefined : router.byNode.get(node);
  const before = oldNode === undefined || oldNode === node ? undefined : router.byNode.get(oldNode);
  if (!before) {
    if (now) for (const r of now) r.handler(event);
    return;
  }
  // A pod that moved between two nodes (not possible through the API, but kept exact): both
  // kubelets hear of it, in the order they started watching.
  const both = [...(now ?? []), ...before].sort((a, b) => a.seq - b.seq);
  for (const r of both) r.handler(event);
}

function nodeOf(pod: Stored<'Pod'>): string | undefined {
  return pod.spec?.nodeName || undefined;
}
