/** Deployments (pkg/registry/apps/deployment/strategy.go). */
import { defaultDeployment } from '../defaults/apps.js';
import type { KindStrategy } from '../strategy.js';
import type { Deployment } from '../types.js';
import { validateDeploymentSpec, validateSelectorImmutable } from '../validation/apps.js';
import { FieldPath } from '../validation/field.js';
import { validateObjectMeta } from '../validation/meta.js';
import { nameIsDNSSubdomain } from '../validation/names.js';

export const deploymentStrategy: KindStrategy = {
  kind: 'Deployment',
  generation: 'spec+annotations',
  defaults: (obj) => defaultDeployment(obj as Deployment),
  validate(obj) {
    const d = obj as Deployment;
    return [
      ...validateObjectMeta(d.metadata, true, nameIsDNSSubdomain),
      ...validateDeploymentSpec(d.spec, FieldPath.root('spec')),
    ];
  },
  validateUpdate(obj, old) {
    const errs = deploymentStrategy.validate!(obj);
    const path = FieldPath.root('spec', 'selector');
    errs.push(
      ...validateSelectorImmutable(
        (obj as Deployment).spec?.selector,
        (old as Deployment).spec?.selector,
        path,
      ),
    );
    return errs;
  },
};
