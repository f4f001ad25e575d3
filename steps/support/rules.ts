/**
 * Rules over time (STEPS.md "Rules over time"). A "from now on" rule is checked against every
 * stored change from the moment it is declared, as the change is recorded; the first break is
 * kept and reported by the AfterStep hook of the step during which it happened. The "should
 * never have had" checks replay the whole history through the same trackers.
 */
import type { Change, Cluster, RequestRecord } from '../../src/index.js';
import { formatDuration } from '../../src/index.js';
import { loadCurrent, type Tracker } from './trackers.js';

/** A step as messages name it: `Then from now on, …` at `features/x.feature:12`. */
export interface StepInfo {
  readonly text: string;
  readonly location: string;
}

export interface Rule {
  /** What must hold, as a sentence: `deployment default/web always has at least 3 available replicas`. */
  readonly text: string;
  readonly tracker: Tracker;
  /** The kinds the tracker follows, to load the current state when the rule is declared. */
  readonly kinds: ReadonlyArray<'Deployment' | 'ReplicaSet' | 'Pod' | 'Endpoints'>;
  readonly namespace: string;
  holds(value: number): boolean;
}

export interface Violation {
  readonly rule: Rule;
  readonly declaredBy: StepInfo;
  readonly during: StepInfo;
  readonly at: number;
  readonly value: number;
  readonly state: string;
}

/** A request rule has no object state to track. */
const NO_TRACKER: Tracker = { apply: () => false, value: () => 0, describe: () => '' };

export class RuleBook {
  private readonly broken: Violation[] = [];
  private readonly stops = new Set<() => void>();

  constructor(
    private readonly cluster: Cluster,
    private readonly currentStep: () => StepInfo,
  ) {}

  /** Checks `rule` now and at every stored change from now on, until it first breaks. */
  watch(rule: Rule): void {
    const declaredBy = this.currentStep();
    loadCurrent(rule.tracker, this.cluster, rule.kinds, rule.namespace);
    const check = (at: number): boolean => {
      const value = rule.tracker.value();
      if (rule.holds(value)) return true;
      const state = rule.tracker.describe();
      this.broken.push({ rule, declaredBy, during: this.currentStep(), at, value, state });
      return false;
    };
    if (!check(this.cluster.now)) return;
    // A rule stops checking after its first break, by a flag rather than by unsubscribing: the
    // history calls its listeners in a loop that must not change under it.
    let done = false;
    const stop = this.cluster.store.history.subscribe((change: Change) => {
      if (!done && rule.tracker.apply(change)) done = !check(change.at);
    });
    this.stops.add(stop);
  }

  /**
   * Checks every request sent to `service` (`namespace/name`) from now on: each must have reached
   * a pod that was ready at that moment. A request that reached no pod (refused) breaks nothing.
   */
  watchRequests(text: string, service: string): void {
    const declaredBy = this.currentStep();
    const rule: Rule = { text, tracker: NO_TRACKER, kinds: [], namespace: '', holds: () => true };
    let done = false;
    const stop = this.cluster.network.subscribe((r: RequestRecord) => {
      if (done || r.service !== service || r.pod === undefined || r.podReady !== false) return;
      done = true;
      const state = `request #${r.seq} ${r.url} from ${r.source} reached pod ${r.pod} (${r.podIP}), which was not ready; status ${r.status ?? r.error}`;
      this.broken.push({ rule, declaredBy, during: this.currentStep(), at: r.at, value: 0, state });
    });
    this.stops.add(stop);
  }

  /** The rules broken since the last call. */
  takeBroken(): Violation[] {
    return this.broken.splice(0);
  }

  stopAll(): void {
    for (const stop of this.stops) stop();
    this.stops.clear();
  }
}

export interface Break {
  readonly at: number;
  readonly value: number;
  readonly state: string;
}

/**
 * Replays `history` through `tracker` and returns the first change after which `holds` failed.
 * With `once` set, checking starts only after `once` first held (a Deployment that is coming up
 * has no available replicas yet); `reached` says whether it ever did.
 */
export function firstBreak(
  history: readonly Change[],
  tracker: Tracker,
  holds: (value: number) => boolean,
  once?: (value: number) => boolean,
): { break?: Break; reached: boolean } {
  let armed = !once;
  for (const change of history) {
    if (!tracker.apply(change)) continue;
    const value = tracker.value();
    if (!armed) {
      armed = once!(value);
      if (!armed) continue;
    }
    if (!holds(value)) return { break: { at: change.at, value, state: tracker.describe() }, reached: true };
  }
  return { reached: armed };
}

export function formatViolation(v: Violation): string {
  return [
    `rule broken at ${formatDuration(v.at)} (simulated time), during the step at ${v.during.location}: ${v.during.text}`,
    v.rule.kinds.length > 0 ? `  ${v.rule.text}, but the value was ${v.value}` : `  ${v.rule.text}`,
    `state at that moment:`,
    v.state,
    `the rule was declared at ${v.declaredBy.location}: ${v.declaredBy.text}`,
  ].join('\n');
}
