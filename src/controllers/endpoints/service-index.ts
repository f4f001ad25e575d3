import { type Labels, type Selector, selectorFromMap } from '../../api/labels.js';
import type { Pod, Service } from '../../api/types.js';

interface IndexedService {
  /** A canonical text of the selector, to notice when it really changed. */
  readonly text: string;
  readonly selector: Selector;
}

/**
 * Which pods each Service selects, kept up to date from watch events so that neither endpoint
 * controller rescans all pods: a pod change costs one selector test per Service of its
 * namespace (as upstream's GetPodServiceMemberships), a selector change one label test per pod
 * of the namespace, and a Service sync reads only the pods it selects.
 *
 * A Service selects pods only when it has a non-empty selector and is not ExternalName. An
 * empty `selector: {}` counts as none: the API server stores Services as protobuf, which
 * cannot tell an empty map from an absent one, so upstream controllers see nil.
 */
export class ServiceSelectorIndex {
  /** namespace → Service name → selector. */
  private readonly services = new Map<string, Map<string, IndexedService>>();
  /** namespace → pod name → labels. */
  private readonly pods = new Map<string, Map<string, Labels>>();
  /** `ns/service` → names of the pods it selects. */
  private readonly podsOfService = new Map<string, Set<string>>();
  /** `ns/pod` → names of the Services selecting it. */
  private readonly servicesOfPod = new Map<string, Set<string>>();

  /** Records a Service (added or changed); recomputes its pods only when its selector changed. */
  setService(svc: Service): void {
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name;
    const selector = selectorOf(svc);
    const current = this.services.get(ns)?.get(name);
    if (current?.text === selector?.text) return;
    this.unlinkService(ns, name);
    if (!selector) {
      this.services.get(ns)?.delete(name);
      return;
    }
    let byName = this.services.get(ns);
    if (!byName) this.services.set(ns, (byName = new Map()));
    byName.set(name, selector);
    for (const [pod, labels] of this.pods.get(ns) ?? []) {
      if (selector.selector.matches(labels)) this.link(ns, name, pod);
    }
  }

  removeService(namespace: string, name: string): void {
    this.unlinkService(namespace, name);
    this.services.get(namespace)?.delete(name);
  }

  /**
   * Records a pod (added or relabelled) and returns the Services selecting it before and after.
   * Memberships are recomputed only when the labels changed.
   */
  setPod(pod: Pod): { before: Set<string>; after: Set<string> } {
    const ns = pod.metadata.namespace ?? 'default';
    const name = pod.metadata.name;
    const labels = pod.metadata.labels ?? {};
    let byName = this.pods.get(ns);
    if (!byName) this.pods.set(ns, (byName = new Map()));
    const before = new Set(this.servicesOf(ns, name));
    const previous = byName.get(name);
    byName.set(name, labels);
    if (previous && sameLabels(previous, labels)) return { before, after: new Set(before) };
    for (const svc of before) this.unlink(ns, svc, name);
    for (const [svc, indexed] of this.services.get(ns) ?? []) {
      if (indexed.selector.matches(labels)) this.link(ns, svc, name);
    }
    return { before, after: new Set(this.servicesOf(ns, name)) };
  }

  /** Forgets a pod; returns the Services that selected it. */
  removePod(namespace: string, name: string): Set<string> {
    const before = new Set(this.servicesOf(namespace, name));
    for (const svc of before) this.unlink(namespace, svc, name);
    this.pods.get(namespace)?.delete(name);
    return before;
  }

  /** The Services selecting a pod. */
  servicesOf(namespace: string, pod: string): ReadonlySet<string> {
    return this.servicesOfPod.get(`${namespace}/${pod}`) ?? EMPTY;
  }

  /**
   * No Service selects the pod (as recorded: the caller knows its labels did not change). No key
   * is built when the namespace has no Service with a selector.
   */
  selectsNothing(namespace: string, pod: string): boolean {
    if (!this.services.get(namespace)?.size) return true;
    return !this.servicesOfPod.has(`${namespace}/${pod}`);
  }

  /** The pods a Service selects, sorted by name (the order kubesim lists them in). */
  podsOf(namespace: string, service: string): string[] {
    return [...(this.podsOfService.get(`${namespace}/${service}`) ?? [])].sort();
  }

  private link(ns: string, svc: string, pod: string): void {
    const svcKey = `${ns}/${svc}`;
    const podKey = `${ns}/${pod}`;
    let pods = this.podsOfService.get(svcKey);
    if (!pods) this.podsOfService.set(svcKey, (pods = new Set()));
    pods.add(pod);
    let svcs = this.servicesOfPod.get(podKey);
    if (!svcs) this.servicesOfPod.set(podKey, (svcs = new Set()));
    svcs.add(svc);
  }

  private unlink(ns: string, svc: string, pod: string): void {
    const svcKey = `${ns}/${svc}`;
    const podKey = `${ns}/${pod}`;
    this.podsOfService.get(svcKey)?.delete(pod);
    const svcs = this.servicesOfPod.get(podKey);
    svcs?.delete(svc);
    if (svcs?.size === 0) this.servicesOfPod.delete(podKey);
  }

  private unlinkService(ns: string, svc: string): void {
    const svcKey = `${ns}/${svc}`;
    for (const pod of this.podsOfService.get(svcKey) ?? []) {
      const svcs = this.servicesOfPod.get(`${ns}/${pod}`);
      svcs?.delete(svc);
      if (svcs?.size === 0) this.servicesOfPod.delete(`${ns}/${pod}`);
    }
    this.podsOfService.delete(svcKey);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** The selector a Service selects pods by, or undefined when it selects none. */
export function selectorOf(svc: Service): IndexedService | undefined {
  if ((svc.spec?.type ?? 'ClusterIP') === 'ExternalName') return undefined;
  const map = svc.spec?.selector;
  if (!map || Object.keys(map).length === 0) return undefined;
  const text = Object.entries(map)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return { text, selector: selectorFromMap(map) };
}

function sameLabels(a: Labels, b: Labels): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && b[k] === a[k]);
}
