/**
 * history.go printTemplate (k8s.io/kubectl/pkg/polymorphichelpers, v1.33): describe's
 * DescribePodTemplate written through a PrefixWriter straight into a buffer, with no tabwriter, so
 * the `\t` after each title stays in the text. `rollout history --revision=N` and
 * `rollout undo --dry-run=client` print it.
 */
import type { PodTemplateSpec } from '../../api/types.js';
import { describePodTemplate } from '../describe/pod-template.js';
import { PrefixWriter } from '../describe/writer.js';

export function printTemplate(template: PodTemplateSpec | undefined): string {
  const w = new PrefixWriter();
  describePodTemplate(template, w);
  return w.text;
}
