/** cli-runtime's NamePrinter: `deployment.apps/web`, with an operation: `deployment.apps/web created`. */
import type { KubeObject } from '../../api/types.js';

/** `pod`, `deployment.apps`: the lower-case kind and, for non-core groups, the group. */
export function kindString(obj: Pick<KubeObject, 'kind' | 'apiVersion'>): string {
  const slash = obj.apiVersion.indexOf('/');
  const group = slash >= 0 ? obj.apiVersion.slice(0, slash) : '';
  const kind = obj.kind.toLowerCase();
  return group ? `${kind}.${group}` : kind;
}

export function printName(obj: KubeObject, operation?: string): string {
  const name = `${kindString(obj)}/${obj.metadata.name}`;
  return operation ? `${name} ${operation}\n` : `${name}\n`;
}
