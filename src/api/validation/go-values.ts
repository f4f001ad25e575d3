/**
 * Go `%#v` renderings of the values the API server puts in field errors (v1.33 prints
 * composite values this way; v1.34 switched to JSON).
 */
import { GoValue } from '../../core/errors.js';
import type { LabelSelector } from '../types.js';

const q = (s: string) => JSON.stringify(s);

/** `map[string]string{"app":"web"}`, or `map[string]string(nil)` when absent. */
export function stringMapLiteral(map: Readonly<Record<string, string>> | undefined): GoValue {
  if (!map) return new GoValue('map[string]string(nil)');
  const entries = Object.keys(map)
    .sort()
    .map((k) => `${q(k)}:${q(map[k]!)}`);
  return new GoValue(`map[string]string{${entries.join(', ')}}`);
}

function stringSliceLiteral(values: readonly string[] | undefined): string {
  return values ? `[]string{${values.map(q).join(', ')}}` : '[]string(nil)';
}

/** `v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}` */
export function labelSelectorLiteral(sel: LabelSelector): GoValue {
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${q(e.key)}, Operator:${q(e.operator)}, Values:${stringSliceLiteral(e.values)}}`,
        )
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoValue(
    `v1.LabelSelector{MatchLabels:${stringMapLiteral(sel.matchLabels).text}, MatchExpressions:${exprs}}`,
  );
}

/** `intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}` */
export function intOrStringLiteral(v: number | string | undefined): GoValue {
  if (typeof v === 'string') return new GoValue(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${q(v)}}`);
  return new GoValue(`intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`);
}
