/**
 * A small cluster for kubectl's unit tests: a store, a clock and a loop, with no controllers, so
 * tests create exactly the objects they print and move time themselves.
 */
import type { KubeObject } from '../api/types.js';
import { SimClock } from '../core/clock.js';
import { Random } from '../core/random.js';
import { SimLoop } from '../sim/loop.js';
import { Store } from '../store/store.js';
import { splitCommandLine } from './command-line.js';
import type { ClusterView, CommandResult, KubectlOptions } from './context.js';
import { kubectl } from './index.js';

export class TestCluster implements ClusterView {
  readonly clock = new SimClock();
  readonly loop = new SimLoop(this.clock);
  readonly store = new Store(this.clock, new Random(7));

  constructor(namespaces: readonly string[] = ['default', 'kube-system']) {
    for (const name of namespaces)
      this.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }

  get now(): number {
    return this.clock.now;
  }

  settle(): void {
    this.loop.settle();
  }

  advance(ms: number): void {
    this.loop.advance(ms);
  }

  advanceUntil(done: () => boolean, limitMs: number): boolean {
    return this.loop.runUntilTrue(done, limitMs);
  }

  /** Moves the clock to `ms` since the start. */
  at(ms: number): this {
    this.loop.advance(ms - this.clock.now);
    return this;
  }

  create<T extends KubeObject>(obj: T): T {
    return this.store.create(obj);
  }

  /** Runs a command line (with or without the leading `kubectl`). */
  run(line: string, opts: KubectlOptions = {}): CommandResult {
    const words = splitCommandLine(line);
    return kubectl(this, words[0] === 'kubectl' ? words.slice(1) : words, opts);
  }
}
