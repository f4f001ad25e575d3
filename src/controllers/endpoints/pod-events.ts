import type { Pod } from '../../api/types.js';
import type { WatchEvent } from '../../store/store.js';
import { podEndpointsChanged } from './pod-util.js';
import type { ServiceSelectorIndex } from './service-index.js';

/**
 * The Services to sync after a pod event (addPod / updatePod / deletePod with
 * GetServicesToUpdateOnPodChange), read from the selector index instead of listing every
 * Service. An update that moves no endpoint and keeps the labels syncs nothing; a relabelled
 * pod syncs the Services it joined or left (and, if its endpoint moved too, those it stays in).
 */
export function servicesToSync(index: ServiceSelectorIndex, event: WatchEvent<'Pod'>): ReadonlySet<string> {
  const pod = event.object;
  const ns = pod.metadata.namespace ?? 'default';
  if (event.type === 'ADDED') return index.setPod(pod).after;
  if (event.type === 'DELETED') return index.removePod(ns, pod.metadata.name);
  const old = event.old as Pod;
  if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return NONE;
  // A status write (most pod events: a crash-looping pod's every restart) keeps the labels and
  // the spec. For a pod no Service selects, the answer is then none whatever moved: the slow
  // path would only record the same labels again and return the (empty) memberships.
  if (sameMembershipInputs(old, pod) && index.selectsNothing(ns, pod.metadata.name)) return NONE;
  const [podChanged, labelsChanged] = podEndpointsChanged(old, pod);
  if (!podChanged && !labelsChanged) return NONE;
  const { before, after } = index.setPod(pod);
  if (!labelsChanged) return after;
  if (podChanged) return new Set([...before, ...after]);
  const changed = new Set<string>();
  for (const svc of after) if (!before.has(svc)) changed.add(svc);
  for (const svc of before) if (!after.has(svc)) changed.add(svc);
  return changed;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The labels (the same stored object: writes share unchanged metadata parts), hostname and
 * subdomain are those of the old version, so the pod's Service memberships cannot have moved.
 */
function sameMembershipInputs(old: Pod, pod: Pod): boolean {
  return (
    old.metadata.labels === pod.metadata.labels &&
    old.spec?.hostname === pod.spec?.hostname &&
    old.spec?.subdomain === pod.spec?.subdomain
  );
}
