/**
 * The World: what one scenario keeps between its steps. One Cluster per scenario, created on
 * first use with whatever the scenario configured before that (or the defaults), the last
 * command's result, the seed, the feature file's folder, and the rules declared "from now on".
 */
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, relative, resolve } from 'node:path';
import { type IWorldOptions, setWorldConstructor, World } from '@cucumber/cucumber';
import { config } from 'chai';
import {
  Cluster,
  type ClusterSettings,
  type CommandResult,
  kubectl,
  loadImageBehaviours,
  type RequestRecord,
} from '../src/index.js';
import { RuleBook, type StepInfo } from './support/rules.js';
import { scenarioSeed } from './support/seed.js';

export class KubesimWorld extends World {
  readonly seed: number;
  /** The folder of the running feature file, for relative manifest paths. */
  featureDir: string | undefined;
  /** The step now running, for messages (set by the BeforeStep hook). */
  step: StepInfo = { text: '(before the first step)', location: '' };
  lastResult: CommandResult | undefined;
  /** The last command line, as messages show it. */
  lastCommand = '';
  /** The requests of the last "I send" step. */
  lastRequests: readonly RequestRecord[] | undefined;

  private created: { cluster: Cluster; by: StepInfo } | undefined;
  private readonly pending: Partial<ClusterSettings> = {};
  private ruleBook: RuleBook | undefined;

  constructor(options: IWorldOptions) {
    super(options);
    this.seed = scenarioSeed(options.parameters);
  }

  /** The scenario's cluster, created on first use. */
  get cluster(): Cluster {
    if (!this.created) {
      const cluster = new Cluster({ ...this.pending, seed: this.seed });
      for (const file of this.imageFiles()) {
        loadImageBehaviours(cluster.store, readFileSync(file, 'utf8'), relative(process.cwd(), file));
      }
      this.created = { cluster, by: this.step };
    }
    return this.created.cluster;
  }

  /**
   * The images files every scenario's cluster knows: those given with `kubesim test --images`
   * (KUBESIM_IMAGES), then, by convention, `images.yaml` beside the feature file.
   */
  private imageFiles(): string[] {
    const given = (process.env.KUBESIM_IMAGES ?? '').split(delimiter).filter((f) => f !== '');
    const beside = this.featureDir ? resolve(this.featureDir, 'images.yaml') : undefined;
    return beside && existsSync(beside) && !given.includes(beside) ? [...given, beside] : given;
  }

  get hasCluster(): boolean {
    return this.created !== undefined;
  }

  /** Settings that only make sense before the cluster exists (its nodes, above all). */
  configureCluster(settings: Partial<ClusterSettings>): void {
    if (this.created) {
      const by = this.created.by;
      throw new Error(
        `"${this.step.text}" must come before any step that uses the cluster: this scenario's cluster ` +
          `was already created, with the settings given until then, by "${by.text}" (${by.location})`,
      );
    }
    Object.assign(this.pending, settings);
  }

  /** Sets the image pull time: for the cluster to come if it does not exist yet, else from now on. */
  setImagePullMs(ms: number): void {
    if (this.created) this.created.cluster.settings.imagePullMs = ms;
    else this.pending.imagePullMs = ms;
  }

  get rules(): RuleBook {
    this.ruleBook ??= new RuleBook(this.cluster, () => this.step);
    return this.ruleBook;
  }

  /** Stops the rules' subscriptions at the end of the scenario. */
  dispose(): void {
    this.ruleBook?.stopAll();
  }

  /** A path in a step or a `-f` argument: relative to the feature file's folder, else to the working directory. */
  readonly resolvePath = (path: string): string => {
    if (isAbsolute(path)) return path;
    if (this.featureDir) {
      const beside = resolve(this.featureDir, path);
      if (existsSync(beside)) return beside;
    }
    return resolve(path);
  };

  setFeatureFile(uri: string): void {
    this.featureDir = dirname(resolve(uri));
  }

  /** Runs one kubectl command (argv without `kubectl`) and keeps its result for the output steps. */
  kubectl(argv: string[], stdin?: string): CommandResult {
    const result = this.kubectlUnrecorded(argv, stdin);
    this.lastResult = result;
    this.lastCommand = ['kubectl', ...argv].join(' ');
    return result;
  }

  /**
   * Runs one kubectl command for a check that reads the cluster through it (`the logs of pod …`),
   * leaving the last command's result, which the output steps read, as it was.
   */
  kubectlUnrecorded(argv: string[], stdin?: string): CommandResult {
    const result = kubectl(this.cluster, argv, { stdin, resolvePath: this.resolvePath });
    this.cluster.settle();
    return result;
  }

  /** The last command's result; a step that reads it before any command ran fails clearly. */
  get result(): CommandResult {
    if (!this.lastResult)
      throw new Error('no command has run yet in this scenario: use `I run "kubectl …"` first');
    return this.lastResult;
  }
}

setWorldConstructor(KubesimWorld);

// Failure messages show whole values: kubectl's output and errors are the point of most checks.
config.truncateThreshold = 0;
