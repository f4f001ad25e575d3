/**
 * Scenario and step hooks: where the feature file is, which step runs (for messages), the rules
 * over time checked after every step, and the seed shown when a scenario fails.
 */
import {
  After,
  AfterStep,
  Before,
  BeforeStep,
  type ITestCaseHookParameter,
  Status,
} from '@cucumber/cucumber';
import { formatViolation } from './support/rules.js';
import type { KubesimWorld } from './world.js';

type GherkinDocument = ITestCaseHookParameter['gherkinDocument'];

interface StepSource {
  keyword: string;
  line: number;
}

const stepSources = new WeakMap<GherkinDocument, Map<string, StepSource>>();

/** Every step of a feature file by its AST id, with its keyword and line. */
function sourcesOf(doc: GherkinDocument): Map<string, StepSource> {
  let map = stepSources.get(doc);
  if (map) return map;
  map = new Map();
  const add = (steps: ReadonlyArray<{ id: string; keyword: string; location: { line: number } }>) => {
    for (const s of steps) map!.set(s.id, { keyword: s.keyword, line: s.location.line });
  };
  for (const child of doc.feature?.children ?? []) {
    add(child.background?.steps ?? []);
    add(child.scenario?.steps ?? []);
    for (const inner of child.rule?.children ?? []) {
      add(inner.background?.steps ?? []);
      add(inner.scenario?.steps ?? []);
    }
  }
  stepSources.set(doc, map);
  return map;
}

Before(function (this: KubesimWorld, { pickle }) {
  this.setFeatureFile(pickle.uri);
});

BeforeStep(function (this: KubesimWorld, { gherkinDocument, pickle, pickleStep }) {
  const source = sourcesOf(gherkinDocument).get(pickleStep.astNodeIds[0] ?? '');
  this.step = {
    text: `${source?.keyword ?? ''}${pickleStep.text}`,
    location: `${pickle.uri}:${source?.line ?? '?'}`,
  };
});

// A rule that broke during a step fails that step, with when, what and who declared it.
AfterStep(function (this: KubesimWorld) {
  if (!this.hasCluster) return;
  const broken = this.rules.takeBroken();
  if (broken.length > 0) {
    throw new Error(`${broken.map(formatViolation).join('\n\n')}\n(seed ${this.seed})`);
  }
});

After(function (this: KubesimWorld, { result }) {
  this.dispose();
  if (result?.status === Status.FAILED) {
    this.attach(
      `kubesim seed: ${this.seed} (the same seed replays this scenario exactly: KUBESIM_SEED=${this.seed})`,
      'text/plain',
    );
  }
});
