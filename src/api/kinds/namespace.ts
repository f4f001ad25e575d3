/** Namespaces (pkg/registry/core/namespace/strategy.go, SetDefaults_Namespace). */
import type { KindStrategy } from '../strategy.js';
import type { Namespace } from '../types.js';
import { FieldPath, invalid } from '../validation/field.js';
import { validateObjectMeta } from '../validation/meta.js';
import { isQualifiedName, nameIsDNSLabel } from '../validation/names.js';

export const namespaceStrategy: KindStrategy = {
  kind: 'Namespace',
  defaults(obj) {
    const ns = obj as Namespace;
    // SetDefaults_Namespace labels every namespace with its own name.
    if (ns.metadata.name)
      ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
    if (!ns.metadata.uid) {
      // PrepareForCreate: the `kubernetes` finalizer and phase Active.
      ns.spec = { ...(ns.spec ?? {}), finalizers: ns.spec?.finalizers ?? ['kubernetes'] };
      ns.status = { ...(ns.status ?? {}), phase: ns.status?.phase ?? 'Active' };
    }
  },
  validate(obj) {
    const ns = obj as Namespace;
    const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
    const path = FieldPath.root('spec', 'finalizers');
    (ns.spec?.finalizers ?? []).forEach((f, i) => {
      for (const m of isQualifiedName(f)) errs.push(invalid(path.index(i), f, m));
    });
    return errs;
  },
};
