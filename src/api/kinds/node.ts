/** Nodes (ValidateNode, SetDefaults_NodeStatus); simplified to metadata, taints and addresses. */
import type { KindStrategy } from '../strategy.js';
import type { Node } from '../types.js';
import { type Errors, FieldPath, notSupported, required } from '../validation/field.js';
import { validateLabelName, validateObjectMeta } from '../validation/meta.js';
import { nameIsDNSSubdomain } from '../validation/names.js';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export const nodeStrategy: KindStrategy = {
  kind: 'Node',
  defaults(obj) {
    const status = (obj as Node).status as Record<string, unknown> | undefined;
    if (status?.capacity && !status.allocatable) status.allocatable = { ...(status.capacity as object) };
  },
  validate(obj) {
    const node = obj as Node;
    const errs: Errors = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
    const taints = FieldPath.root('spec', 'taints');
    (node.spec?.taints ?? []).forEach((t, i) => {
      const p = taints.index(i);
      errs.push(...validateLabelName(t.key, p.child('key')));
      if (!t.effect) errs.push(required(p.child('effect')));
      else if (!EFFECTS.includes(t.effect)) errs.push(notSupported(p.child('effect'), t.effect, EFFECTS));
    });
    return errs;
  },
};
