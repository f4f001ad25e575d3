/**
 * The parameter types of kubesim's step phrases (STEPS.md "Notation"):
 * {duration}  `30 seconds`, `1 minute`, `500ms`, `45s`, `1m30s`, `1h2m3s` → simulated ms;
 * {ref}       a quoted object reference, `"web"` or `'team-a/web'` → {namespace, name}.
 * Quoted text uses cucumber's own {string}, which takes single or double quotes already.
 */
import { defineParameterType } from '@cucumber/cucumber';
import { DURATION_PATTERN, durationMs, parseRef } from './support/syntax.js';

defineParameterType({
  name: 'duration',
  regexp: DURATION_PATTERN,
  transformer: durationMs,
});

defineParameterType({
  name: 'ref',
  regexp: /"([^"]*)"|'([^']*)'/,
  transformer: (double?: string, single?: string) => parseRef(double ?? single ?? ''),
  useForSnippets: false,
});
