/**
 * Object metadata, labels, annotations and label selectors
 * (k8s.io/apimachinery/pkg/api/validation/objectmeta.go, pkg/apis/meta/v1/validation).
 */
import type { LabelSelector, ObjectMeta } from '../types.js';
import { type Errors, FieldPath, forbidden, invalid, required, validateNonnegative } from './field.js';
import { isQualifiedName, isValidLabelValue, type NameValidator, nameIsDNSLabel } from './names.js';

export function validateLabelName(name: string, path: FieldPath): Errors {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/** ValidateLabels: errors name the labels path itself, not a key. Keys are checked in sorted order. */
export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  path: FieldPath,
): Errors {
  const errs: Errors = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    errs.push(...validateLabelName(k, path));
    for (const m of isValidLabelValue(labels![k]!)) errs.push(invalid(path, labels![k], m));
  }
  return errs;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  path: FieldPath,
): Errors {
  const errs: Errors = [];
  let size = 0;
  for (const k of Object.keys(annotations ?? {}).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    size += k.length + annotations![k]!.length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errs.push({
      type: 'Too long',
      field: String(path),
      detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`,
    });
  }
  return errs;
}

export function validateLabelSelector(sel: LabelSelector | undefined, path: FieldPath): Errors {
  if (!sel) return [];
  const errs: Errors = [];
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const p = path.child('matchExpressions').index(i);
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if ((r.values ?? []).length === 0) {
          errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if ((r.values ?? []).length > 0) {
          errs.push(
            forbidden(
              p.child('values'),
              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            ),
          );
        }
        break;
      default:
        errs.push(invalid(p.child('operator'), r.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(r.key, p.child('key')));
    (r.values ?? []).forEach((v, j) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(p.child('values').index(j), v, m));
    });
  });
  errs.push(...validateLabels(sel.matchLabels, path.child('matchLabels')));
  return errs;
}

/** ValidateObjectMeta on create. `namespaced` says whether the kind lives in a namespace. */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  namespaced: boolean,
  nameFn: NameValidator,
  path: FieldPath = FieldPath.root('metadata'),
): Errors {
  const m = meta ?? {};
  const errs: Errors = [];
  if (m.generateName) {
    for (const msg of nameFn(m.generateName, true))
      errs.push(invalid(path.child('generateName'), m.generateName, msg));
  }
  if (!m.name) errs.push(required(path.child('name'), 'name or generateName is required'));
  else for (const msg of nameFn(m.name, false)) errs.push(invalid(path.child('name'), m.name, msg));
  if (namespaced) {
    if (!m.namespace) errs.push(required(path.child('namespace')));
    else
      for (const msg of nameIsDNSLabel(m.namespace, false))
        errs.push(invalid(path.child('namespace'), m.namespace, msg));
  } else if (m.namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegative(m.generation, path.child('generation')));
  errs.push(...validateLabels(m.labels, path.child('labels')));
  errs.push(...validateAnnotations(m.annotations, path.child('annotations')));
  (m.finalizers ?? []).forEach((f, i) => {
    for (const msg of isQualifiedName(f)) errs.push(invalid(path.child('finalizers').index(i), f, msg));
  });
  return errs;
}
