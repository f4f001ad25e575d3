import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { runCucumber } from '@cucumber/cucumber/api';
import { nearestPhrase, type Suggestion } from './nearest-phrase.js';

/** One message of cucumber's message stream (the `onMessage` argument of runCucumber). */
export type Envelope = Parameters<NonNullable<Parameters<typeof runCucumber>[2]>>[0];

/** A step line of a feature file that no step definition matched. */
export interface UndefinedStep {
  readonly keyword: string;
  readonly text: string;
  /** `uri:line` of every place the same text is undefined. */
  readonly locations: string[];
  /** Cucumber's snippet for a step definition that would match. */
  readonly snippet: string | undefined;
  readonly nearest: Suggestion | undefined;
}

interface StepLine {
  keyword: string;
  line: number;
}

/**
 * Collects undefined (and counts ambiguous) steps from cucumber's message stream: a `suggestion` message names the
 * pickle step that had no definition; the pickle gives its text and the Gherkin document its
 * keyword and line. Works for parallel runs too, whose workers' messages reach the same stream.
 */
export class StepDefinitionCheck {
  private readonly stepLines = new Map<string, StepLine>();
  private readonly pickleSteps = new Map<string, { uri: string; text: string; astNodeId: string }>();
  private readonly found = new Map<string, UndefinedStep>();
  /** How many step runs had no definition, and how many more than one. */
  undefinedCount = 0;
  ambiguousCount = 0;

  add(envelope: Envelope): void {
    if (envelope.testStepFinished) {
      const status = envelope.testStepFinished.testStepResult.status;
      if (status === 'UNDEFINED') this.undefinedCount++;
      if (status === 'AMBIGUOUS') this.ambiguousCount++;
    } else if (envelope.gherkinDocument) {
      for (const step of stepsOf(envelope.gherkinDocument.feature)) {
        this.stepLines.set(step.id, { keyword: step.keyword, line: step.location.line });
      }
    } else if (envelope.pickle) {
      for (const step of envelope.pickle.steps) {
        this.pickleSteps.set(step.id, {
          uri: envelope.pickle.uri,
          text: step.text,
          astNodeId: step.astNodeIds[0] ?? '',
        });
      }
    } else if (envelope.suggestion) {
      const step = this.pickleSteps.get(envelope.suggestion.pickleStepId);
      if (!step) return;
      const line = this.stepLines.get(step.astNodeId);
      const location = `${step.uri}:${line?.line ?? '?'}`;
      const known = this.found.get(step.text);
      if (known) {
        if (!known.locations.includes(location)) known.locations.push(location);
        return;
      }
      this.found.set(step.text, {
        keyword: line?.keyword ?? '',
        text: step.text,
        locations: [location],
        snippet: envelope.suggestion.snippets[0]?.code,
        nearest: nearestPhrase(step.text),
      });
    }
  }

  list(): UndefinedStep[] {
    return [...this.found.values()];
  }
}

type Feature = NonNullable<NonNullable<Envelope['gherkinDocument']>['feature']>;
type Step = { id: string; keyword: string; location: { line: number } };

function* stepsOf(feature: Feature | undefined): Generator<Step> {
  for (const child of feature?.children ?? []) {
    if (child.background) yield* child.background.steps;
    if (child.scenario) yield* child.scenario.steps;
    for (const ruleChild of child.rule?.children ?? []) {
      if (ruleChild.background) yield* ruleChild.background.steps;
      if (ruleChild.scenario) yield* ruleChild.scenario.steps;
    }
  }
}

/**
 * Beyond this distance (about half the words differ) the nearest phrase is only a hint. Typos
 * and small rewordings score below 0.35; unrelated steps above 0.6.
 */
const CLOSE_DISTANCE = 0.5;

/** The report printed after a run with undefined steps; empty when there are none. */
export function formatUndefinedSteps(steps: readonly UndefinedStep[], cwd: string): string {
  if (steps.length === 0) return '';
  const lines = [
    `${steps.length} undefined step${steps.length === 1 ? '' : 's'}: no step definition matches ${steps.length === 1 ? 'this line' : 'these lines'}.`,
  ];
  for (const step of steps) {
    lines.push('');
    lines.push(`  ${step.keyword}${step.text}`);
    lines.push(`    at ${step.locations.map((l) => displayUri(l, cwd)).join(', ')}`);
    if (step.nearest) {
      const close = step.nearest.distance <= CLOSE_DISTANCE;
      lines.push(
        `    ${close ? 'nearest canonical phrase' : 'no canonical phrase is close; the nearest'}: ${step.nearest.phrase}`,
      );
    }
    if (step.snippet) {
      lines.push('    or define it in a file passed with --import:');
      for (const codeLine of step.snippet.split('\n')) lines.push(`      ${codeLine}`);
    }
  }
  lines.push('');
  lines.push("The canonical phrases are listed in kubesim's README.");
  return `${lines.join('\n')}\n`;
}

/** Cucumber's uris are relative to the working directory already, except `file:` URLs. */
function displayUri(location: string, cwd: string): string {
  if (!location.startsWith('file:')) return location;
  const at = location.lastIndexOf(':');
  return `${relative(cwd, fileURLToPath(location.slice(0, at)))}${location.slice(at)}`;
}
