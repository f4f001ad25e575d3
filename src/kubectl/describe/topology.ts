/** describeTopologySpreadConstraints (describe.go): one line per constraint, sorted by topology key. */
import type { PodSpec } from '../../api/types.js';
import { formatLabelSelector } from './format.js';
import { goSort } from './go-sort.js';
import { LEVEL_0, type PrefixWriter } from './writer.js';

type Constraint = NonNullable<PodSpec['topologySpreadConstraints']>[number];

export function describeTopologySpreadConstraints(
  constraints: readonly Constraint[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (!constraints || constraints.length === 0) return;
  const sorted = [...constraints];
  goSort(sorted, (a, b) => a.topologyKey < b.topologyKey);
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((c, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    let text = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) text += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(LEVEL_0, `${text}\n`);
  });
}
