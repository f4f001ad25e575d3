/**
 * The parameter types of kubesim's step phrases (STEPS.md "Notation"):
 * {duration}  `30 seconds`, `1 minute`, `500ms`, `45s`, `1m30s`, `1h2m3s` → simulated ms;
 * {ref}       a quoted object reference, `"web"` or `'team-a/web'` → {namespace, name}.
 * Quoted text uses cucumber's own {string}, which takes single or double quotes already.
 *
 * And the tolerant ones behind the synonyms (README "Synonyms"):
 * {phase}     a pod phase in any letter case, bare or quoted (`Running`, `running`, `"Pending"`)
 *             → its spelling in the API; it matches nothing else, so `should be {phase}` leaves
 *             `should be ready` and `should be scheduled` alone;
 * {text}      a quoted string or one bare word (`"CrashLoopBackOff"`, `Running`, `'True'`);
 * {revision}  a whole number, bare or quoted (`2`, `"2"`);
 * {replicas}  `replicas`, `available replicas`, `ready replicas`, `updated replicas`,
 *             `unavailable replicas` (or singular) → the Deployment status field.
 */
import { defineParameterType } from '@cucumber/cucumber';
import { POD_PHASES } from './support/pods.js';
import {
  canonicalWord,
  DURATION_PATTERN,
  durationMs,
  firstCapture,
  parseRef,
  REPLICAS_PATTERN,
  REVISION_PATTERN,
  replicaField,
  TEXT_PATTERN,
  textValue,
  wordsPattern,
} from './support/syntax.js';

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

defineParameterType({
  name: 'phase',
  regexp: wordsPattern(POD_PHASES),
  transformer: (text: string) => canonicalWord(text, POD_PHASES),
  useForSnippets: false,
});

defineParameterType({
  name: 'text',
  regexp: TEXT_PATTERN,
  transformer: textValue,
  useForSnippets: false,
});

defineParameterType({
  name: 'revision',
  regexp: REVISION_PATTERN,
  // Kept as its digits: revisions are int64, beyond what a JavaScript number holds exactly.
  transformer: (double?: string, single?: string, bare?: string) =>
    BigInt(firstCapture(double, single, bare)),
  useForSnippets: false,
});

defineParameterType({
  name: 'replicas',
  regexp: REPLICAS_PATTERN,
  transformer: (qualifier?: string) => replicaField(qualifier),
  useForSnippets: false,
});
