/** ReplicaSets (pkg/registry/apps/replicaset/strategy.go). */
import { defaultReplicaSet } from '../defaults/apps.js';
import type { KindStrategy } from '../strategy.js';
import type { ReplicaSet } from '../types.js';
import { validateReplicaSetSpec, validateSelectorImmutable } from '../validation/apps.js';
import { FieldPath } from '../validation/field.js';
import { validateObjectMeta } from '../validation/meta.js';
import { nameIsDNSSubdomain } from '../validation/names.js';

export const replicaSetStrategy: KindStrategy = {
  kind: 'ReplicaSet',
  generation: 'spec',
  defaults: (obj) => defaultReplicaSet(obj as ReplicaSet),
  validate(obj) {
    const rs = obj as ReplicaSet;
    return [
      ...validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain),
      ...validateReplicaSetSpec(rs.spec, FieldPath.root('spec')),
    ];
  },
  validateUpdate(obj, old) {
    const errs = replicaSetStrategy.validate!(obj);
    const path = FieldPath.root('spec', 'selector');
    errs.push(
      ...validateSelectorImmutable(
        (obj as ReplicaSet).spec?.selector,
        (old as ReplicaSet).spec?.selector,
        path,
      ),
    );
    return errs;
  },
};
