/**
 * `--field-selector` text to an object filter, parsed as fields.ParseSelector does (src/api/fields.ts).
 * No field label check: kubectl's list requests go through listSelectors (resource-args.ts), which
 * adds the API server's per-kind conversion and its BadRequest; this is for callers that only match.
 */
import { parseFieldSelector, selectableFieldValue } from '../api/fields.js';
import { SelectorParseError } from '../api/labels.js';
import type { KubeObject } from '../api/types.js';
import { CliError } from './errors.js';

export function fieldSelector(text: string): ((obj: KubeObject) => boolean) | undefined {
  const query = text.trim();
  if (query === '') return undefined;
  try {
    const selector = parseFieldSelector(query);
    if (selector.empty) return undefined;
    return (obj) => selector.matches((field) => selectableFieldValue(obj, field));
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
    throw new CliError(e.message);
  }
}
