/** Pods: defaults, admission defaults, create and update validation (pkg/registry/core/pod/strategy.go). */
import { admitPodSpec, defaultPodOnly, defaultPodSpec } from '../defaults/pod.js';
import { podQOSClass } from '../defaults/qos.js';
import type { KindStrategy } from '../strategy.js';
import type { KubeObject, Pod, PodSpec } from '../types.js';
import { type Errors, FieldPath, invalid } from '../validation/field.js';
import { validateObjectMeta } from '../validation/meta.js';
import { nameIsDNSSubdomain } from '../validation/names.js';
import { validatePodSpec } from '../validation/pod-spec.js';
import { validatePodSpecUpdate } from '../validation/pod-update.js';

function validatePod(obj: KubeObject): Errors {
  const pod = obj as Pod;
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(pod.spec, FieldPath.root('spec'), { resourceIsPod: true }));
  const containers = FieldPath.root('spec', 'containers');
  (pod.spec?.containers ?? []).forEach((c, i) => {
    if (c.image && c.image.trim() !== c.image) {
      errs.push(
        invalid(containers.index(i).child('image'), c.image, 'must not have leading or trailing whitespace'),
      );
    }
  });
  return errs;
}

export const podStrategy: KindStrategy = {
  kind: 'Pod',
  defaults(obj) {
    const pod = obj as Pod;
    pod.spec ??= { containers: [] } as unknown as PodSpec;
    defaultPodSpec(pod.spec);
    defaultPodOnly(pod.spec);
    admitPodSpec(pod.spec);
    // PrepareForCreate: a new pod starts Pending with its QoS class. A stored pod (it has a uid)
    // keeps the status the kubelet wrote.
    if (!pod.metadata.uid && !pod.status?.phase) {
      pod.status = { ...(pod.status ?? {}), phase: 'Pending', qosClass: podQOSClass(pod.spec) };
    }
  },
  validate: validatePod,
  validateUpdate(obj, old) {
    const errs = validatePod(obj);
    errs.push(...validatePodSpecUpdate((obj as Pod).spec!, (old as Pod).spec!));
    return errs;
  },
};
