/**
 * ValidatePodUpdate (pkg/apis/core/validation/validation.go): only container images,
 * activeDeadlineSeconds, added tolerations and a negative terminationGracePeriodSeconds set to 1
 * may change. The Forbidden message ends with a diff of the pod specs; upstream prints
 * go-cmp's diff of the Go structs, kubesim prints the changed fields as JSON in the same frame
 * (a simplification).
 */
import { clone, deepEqual } from '../../core/clone.js';
import type { PodSpec, Toleration } from '../types.js';
import { type Errors, FieldPath, forbidden, invalid, required } from './field.js';
import { inclusiveRangeError } from './names.js';

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

type Spec = PodSpec & Record<string, unknown>;

function containerUpdates(
  next: PodSpec['containers'] | undefined,
  prev: PodSpec['containers'] | undefined,
  path: FieldPath,
): { errs: Errors; stop: boolean } {
  const n = next ?? [];
  const p = prev ?? [];
  if (n.length !== p.length)
    return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: Errors = [];
  n.forEach((c, i) => {
    if (!c.image) errs.push(required(path.index(i).child('image')));
    else if (c.image.trim() !== c.image) {
      errs.push(
        invalid(path.index(i).child('image'), c.image, 'must not have leading or trailing whitespace'),
      );
    }
  });
  return { errs, stop: false };
}

function onlyAddedTolerations(
  next: readonly Toleration[],
  prev: readonly Toleration[],
  path: FieldPath,
): Errors {
  for (const old of prev) {
    const found = next.some((t) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found)
      return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return [];
}

const goName = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/** A go-cmp-like frame listing the fields that differ. */
function specDiff(prev: Spec, next: Spec): string {
  const keys = [...new Set([...Object.keys(prev), ...Object.keys(next)])].sort();
  const lines = ['  core.PodSpec{'];
  for (const k of keys) {
    if (deepEqual(prev[k], next[k])) continue;
    if (prev[k] !== undefined) lines.push(`- \t${goName(k)}: ${JSON.stringify(prev[k])},`);
    if (next[k] !== undefined) lines.push(`+ \t${goName(k)}: ${JSON.stringify(next[k])},`);
  }
  lines.push('  }');
  return lines.join('\n');
}

export function validatePodSpecUpdate(next: PodSpec, prev: PodSpec): Errors {
  const specPath = FieldPath.root('spec');
  const errs: Errors = [];
  for (const [key, path] of [
    ['containers', specPath.child('containers')],
    ['initContainers', specPath.child('initContainers')],
  ] as const) {
    const r = containerUpdates(next[key], prev[key], path);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = next.activeDeadlineSeconds;
  if (ads !== undefined) {
    if (ads < 0 || ads > 2147483647) {
      return [
        ...errs,
        invalid(specPath.child('activeDeadlineSeconds'), ads, inclusiveRangeError(0, 2147483647)),
      ];
    }
    if (prev.activeDeadlineSeconds !== undefined && prev.activeDeadlineSeconds < ads) {
      return [
        ...errs,
        invalid(specPath.child('activeDeadlineSeconds'), ads, 'must be less than or equal to previous value'),
      ];
    }
  } else if (prev.activeDeadlineSeconds !== undefined) {
    errs.push(
      invalid(
        specPath.child('activeDeadlineSeconds'),
        null,
        'must not update from a positive integer to nil value',
      ),
    );
  }
  errs.push(
    ...onlyAddedTolerations(next.tolerations ?? [], prev.tolerations ?? [], specPath.child('tolerations')),
  );
  if (deepEqual(next, prev)) return errs;

  const munged = clone(next) as Spec;
  munged.containers = (munged.containers ?? []).map((c, i) => ({ ...c, image: prev.containers[i]!.image }));
  if (munged.initContainers) {
    munged.initContainers = munged.initContainers.map((c, i) => ({
      ...c,
      image: prev.initContainers![i]!.image,
    }));
  }
  if (prev.activeDeadlineSeconds === undefined) delete munged.activeDeadlineSeconds;
  else munged.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  if (prev.tolerations === undefined) delete munged.tolerations;
  else munged.tolerations = prev.tolerations;
  if (prev.schedulingGates === undefined) delete munged.schedulingGates;
  else munged.schedulingGates = prev.schedulingGates;
  const oldGrace = prev.terminationGracePeriodSeconds;
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (!deepEqual(munged, prev)) {
    const detail = `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${specDiff(prev as Spec, munged)}`;
    errs.push(forbidden(specPath, detail));
  }
  return errs;
}
