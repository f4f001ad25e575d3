/** DescribePodTemplate: the `Pod Template:` section of workloads (describe.go). */
import type { PodTemplateSpec } from '../../api/types.js';
import { describeContainers } from './containers.js';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './format.js';
import { describeTopologySpreadConstraints } from './topology.js';
import { describeVolumes } from './volumes.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer.js';

export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec;
  printLabelsMultiline(w, '  Labels', meta.labels);
  if (meta.annotations && Object.keys(meta.annotations).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', meta.annotations);
  }
  if (spec?.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec?.initContainers && spec.initContainers.length > 0) {
    describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  }
  describeContainers('Containers', spec?.containers, undefined, undefined, w, '  ');
  describeVolumes(spec?.volumes as Array<Record<string, unknown>> | undefined, w, '  ');
  describeTopologySpreadConstraints(spec?.topologySpreadConstraints, w, '  ');
  if (spec?.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec?.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec?.tolerations);
}
