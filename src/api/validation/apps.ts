/**
 * Deployment and ReplicaSet validation (pkg/apis/apps/validation/validation.go).
 */
import { GoValue } from '../../core/errors.js';
import { selectorFromLabelSelector } from '../labels.js';
import type { DeploymentSpec, LabelSelector, PodTemplateSpec, ReplicaSetSpec } from '../types.js';
import {
  type Errors,
  FIELD_IMMUTABLE,
  type FieldPath,
  forbidden,
  invalid,
  notSupported,
  required,
  validateNonnegative,
} from './field.js';
import { intOrStringLiteral, labelSelectorLiteral, stringMapLiteral } from './go-values.js';
import { validateAnnotations, validateLabelSelector, validateLabels } from './meta.js';
import { isValidPercent } from './names.js';
import { validatePodSpec } from './pod-spec.js';
import { semanticEqual } from './semantic.js';

/** ValidatePodTemplateSpec: note the labels path is `template.labels`, not `template.metadata.labels`. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: FieldPath): Errors {
  const errs: Errors = [];
  errs.push(...validateLabels(template?.metadata?.labels, path.child('labels')));
  errs.push(...validateAnnotations(template?.metadata?.annotations, path.child('annotations')));
  errs.push(...validatePodSpec(template?.spec, path.child('spec'), { resourceIsPod: false }));
  return errs;
}

function validateSelector(selector: LabelSelector | undefined, path: FieldPath): Errors {
  if (!selector) return [required(path)];
  const errs = validateLabelSelector(selector, path);
  const count = Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length;
  if (count === 0)
    errs.push(invalid(path, labelSelectorLiteral(selector), 'empty selector is invalid for deployment'));
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet. */
function validateTemplateForReplicaSet(
  template: PodTemplateSpec | undefined,
  selector: LabelSelector | undefined,
  path: FieldPath,
): Errors {
  if (!template) return [required(path)];
  const errs: Errors = [];
  const sel = selectorFromLabelSelector(selector);
  if (selector && !sel.empty) {
    const labels = template.metadata?.labels;
    if (!sel.matches(labels)) {
      errs.push(
        invalid(
          path.child('metadata', 'labels'),
          stringMapLiteral(labels),
          '`selector` does not match template `labels`',
        ),
      );
    }
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const restartPolicy = template.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always')
    errs.push(notSupported(path.child('spec', 'restartPolicy'), restartPolicy, ['Always']));
  const ads = template.spec?.activeDeadlineSeconds;
  if (ads !== undefined) {
    errs.push(
      invalid(
        path.child('spec', 'activeDeadlineSeconds'),
        ads,
        'activeDeadlineSeconds in ReplicaSet is not Supported',
      ),
    );
  }
  return errs;
}

type IntOrString = number | string | undefined;

function percentValue(v: IntOrString): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return undefined;
  return Number.parseInt(v.slice(0, -1), 10);
}

/** intstr.IntValue(): a string that is not a number counts as 0. */
function intOrPercentValue(v: IntOrString): number {
  const pct = percentValue(v);
  if (pct !== undefined) return pct;
  if (typeof v === 'string') return /^[+-]?\d+$/.test(v) ? Number.parseInt(v, 10) : 0;
  return v ?? 0;
}

function validatePositiveIntOrPercent(v: IntOrString, path: FieldPath): Errors {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, intOrStringLiteral(v), m));
  return validateNonnegative(v ?? 0, path);
}

function validateStrategy(strategy: DeploymentSpec['strategy'], path: FieldPath): Errors {
  const s = strategy ?? {};
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate
        ? [forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case 'RollingUpdate': {
      const ru = s.rollingUpdate;
      if (!ru) return [required(path.child('rollingUpdate'), 'this should be defaulted and never be nil')];
      const ruPath = path.child('rollingUpdate');
      const errs = [
        ...validatePositiveIntOrPercent(ru.maxUnavailable, ruPath.child('maxUnavailable')),
        ...validatePositiveIntOrPercent(ru.maxSurge, ruPath.child('maxSurge')),
      ];
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(
          invalid(
            ruPath.child('maxUnavailable'),
            intOrStringLiteral(ru.maxUnavailable),
            'may not be 0 when `maxSurge` is 0',
          ),
        );
      }
      const pct = percentValue(ru.maxUnavailable);
      if (pct !== undefined && pct > 100) {
        errs.push(
          invalid(
            ruPath.child('maxUnavailable'),
            intOrStringLiteral(ru.maxUnavailable),
            'must not be greater than 100%',
          ),
        );
      }
      return errs;
    }
    default: {
      const ru = s.rollingUpdate
        ? '&apps.RollingUpdateDeployment{…}'
        : '(*apps.RollingUpdateDeployment)(nil)';
      const value = new GoValue(
        `apps.DeploymentStrategy{Type:${JSON.stringify(s.type ?? '')}, RollingUpdate:${ru}}`,
      );
      return [notSupported(path, value, ['Recreate', 'RollingUpdate'])];
    }
  }
}

export function validateDeploymentSpec(spec: DeploymentSpec | undefined, path: FieldPath): Errors {
  const s = spec ?? ({} as DeploymentSpec);
  const errs: Errors = [];
  errs.push(...validateNonnegative(s.replicas ?? 0, path.child('replicas')));
  errs.push(...validateSelector(s.selector, path.child('selector')));
  errs.push(...validateTemplateForReplicaSet(s.template, s.selector, path.child('template')));
  errs.push(...validateStrategy(s.strategy, path.child('strategy')));
  errs.push(...validateNonnegative(s.minReadySeconds ?? 0, path.child('minReadySeconds')));
  if (s.revisionHistoryLimit !== undefined)
    errs.push(...validateNonnegative(s.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  if (s.progressDeadlineSeconds !== undefined) {
    errs.push(...validateNonnegative(s.progressDeadlineSeconds, path.child('progressDeadlineSeconds')));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      errs.push(
        invalid(
          path.child('progressDeadlineSeconds'),
          s.progressDeadlineSeconds,
          'must be greater than minReadySeconds',
        ),
      );
    }
  }
  return errs;
}

export function validateReplicaSetSpec(spec: ReplicaSetSpec | undefined, path: FieldPath): Errors {
  const s = spec ?? ({} as ReplicaSetSpec);
  const errs: Errors = [];
  errs.push(...validateNonnegative(s.replicas ?? 0, path.child('replicas')));
  errs.push(...validateNonnegative(s.minReadySeconds ?? 0, path.child('minReadySeconds')));
  errs.push(...validateSelector(s.selector, path.child('selector')));
  errs.push(...validateTemplateForReplicaSet(s.template, s.selector, path.child('template')));
  return errs;
}

/** apps/v1 selectors are immutable (ValidateImmutableField with Semantic.DeepEqual). */
export function validateSelectorImmutable(
  next: LabelSelector | undefined,
  prev: LabelSelector | undefined,
  path: FieldPath,
): Errors {
  if (semanticEqual(next, prev)) return [];
  return [invalid(path, next ? labelSelectorLiteral(next) : null, FIELD_IMMUTABLE)];
}
