/**
 * NamespaceDescriber (describe.go describeNamespace). Namespaces show no events. kubesim serves
 * no ResourceQuotas or LimitRanges, so the lists are always empty, as in a fresh cluster.
 */
import type { KubeObject, Namespace } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer.js';

export function describeNamespace(obj: KubeObject, _ctx: DescribeContext): string {
  const ns = obj as Namespace;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}
