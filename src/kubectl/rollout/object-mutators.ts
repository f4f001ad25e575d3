/**
 * The object functions behind `rollout pause`, `resume` and `restart`
 * (k8s.io/kubectl/pkg/polymorphichelpers/object{pauser,resumer,restarter}.go): each returns the
 * changed copy of an object or throws the reason kubectl prints after `<resource> "<name>" `.
 * The command turns "no change" (an empty strategic merge patch) into its own message.
 */
import type { Deployment, KubeObject } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { timestampOf } from '../../store/time.js';

/** A patch function's refusal: kubectl prints `error: <resource> "<name>" <reason>`. */
export class MutatorRefusal extends Error {
  override name = 'MutatorRefusal';
}

export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

function deployment(obj: KubeObject, unsupported: string): Deployment {
  if (obj.kind !== 'Deployment') throw new MutatorRefusal(unsupported);
  return clone(obj) as Deployment;
}

export function pauseObject(obj: KubeObject): KubeObject {
  const d = deployment(obj, 'pausing is not supported');
  if (d.spec?.paused) throw new MutatorRefusal('is already paused');
  d.spec = { ...d.spec!, paused: true };
  return d;
}

export function resumeObject(obj: KubeObject): KubeObject {
  const d = deployment(obj, 'resuming is not supported');
  if (!d.spec?.paused) throw new MutatorRefusal('is not paused');
  // Go's omitempty drops `paused: false`, so the stored object has no field at all.
  delete d.spec.paused;
  return d;
}

/**
 * Sets the template annotation `kubectl.kubernetes.io/restartedAt` to now, in RFC 3339 with
 * second precision (kubectl: time.Now().Format(time.RFC3339); kubesim's clock is UTC, so `Z`).
 * A second restart within the same second changes nothing.
 */
export function restartObject(obj: KubeObject, nowMs: number): KubeObject {
  const d = deployment(obj, 'restarting is not supported');
  if (d.spec?.paused) throw new MutatorRefusal("can't restart paused deployment (run rollout resume first)");
  const template = d.spec!.template;
  template.metadata = { ...(template.metadata ?? {}) };
  template.metadata.annotations = {
    ...(template.metadata.annotations ?? {}),
    [RESTARTED_AT_ANNOTATION]: timestampOf(nowMs),
  };
  return d;
}
