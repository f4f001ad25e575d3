/**
 * `--field-selector`: `path=value`, `path==value`, `path!=value`, comma-separated, on dotted
 * field paths (`metadata.name`, `status.phase`, `spec.nodeName`). Simplified: the API server
 * accepts only a few fields per kind and rejects others; kubesim matches any path.
 */
import type { KubeObject } from '../api/types.js';
import { CliError } from './errors.js';

function valueAt(obj: unknown, path: string): string {
  let v: unknown = obj;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return '';
    v = (v as Record<string, unknown>)[part];
  }
  return v === undefined || v === null ? '' : String(v);
}

export function fieldSelector(text: string): ((obj: KubeObject) => boolean) | undefined {
  if (text.trim() === '') return undefined;
  const tests = text.split(',').map((part) => {
    const m = /^\s*([\w.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw new CliError(`invalid selector: '${text}'; can't understand '${part}'`);
    const [, path, op, value] = m as unknown as [string, string, string, string];
    return (obj: KubeObject) => (valueAt(obj, path) === value) === (op !== '!=');
  });
  return (obj) => tests.every((t) => t(obj));
}
