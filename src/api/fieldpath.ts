/**
 * fieldpath.ExtractFieldPathAsString (k8s.io/kubernetes pkg/fieldpath) for a pod's metadata: what
 * the downward API gives both an environment variable's fieldRef and a downwardAPI volume file.
 */
import type { Pod } from './types.js';

/** The value of a metadata field path, or undefined for a path that is not a metadata one. */
export function podMetadataField(pod: Pod, fieldPath: string): string | undefined {
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'metadata.labels':
      return formatMap(pod.metadata.labels);
    case 'metadata.annotations':
      return formatMap(pod.metadata.annotations);
  }
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (!m) return undefined;
  const map = m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations;
  return map?.[m[2]!] ?? '';
}

/** fieldpath.FormatMap: `key="value"` lines, sorted by key. */
export function formatMap(map: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(map![k])}`)
    .join('\n');
}
