import type { Kubelet } from '../controllers/kubelet/kubelet.js';
import type { Network } from '../network/network.js';
import type { Store } from '../store/store.js';

/** What kubectl needs of a cluster (src/cluster/cluster.ts Cluster satisfies it). */
export interface ClusterView {
  readonly store: Store;
  /** Simulated milliseconds since the scenario began. */
  readonly now: number;
  settle(): void;
  advance(ms: number): void;
  advanceUntil(done: () => boolean, limitMs: number): boolean;
  /** The simulated network (port-forward needs it); absent in kubectl's store-only tests. */
  readonly network?: Network;
  /** The kubelet of each node, by node name (logs and exec read them); absent in store-only tests. */
  readonly kubelets?: ReadonlyMap<string, Kubelet>;
}

/** What a kubectl command printed and how it exited. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface KubectlOptions {
  /** What `-f -` reads. */
  stdin?: string;
  /** Resolves a `-f PATH` argument to a file on disk (relative to the feature file, then cwd). */
  resolvePath?: (path: string) => string;
}

/** The two output streams of one command. */
export class Streams {
  private readonly outParts: string[] = [];
  private readonly errParts: string[] = [];

  out(text: string): void {
    this.outParts.push(text);
  }

  err(text: string): void {
    this.errParts.push(text);
  }

  get stdout(): string {
    return this.outParts.join('');
  }

  get stderr(): string {
    return this.errParts.join('');
  }

  /** Bytes written to stdout so far (kubectl's trackingWriter). */
  get written(): number {
    return this.outParts.reduce((n, p) => n + p.length, 0);
  }
}

/** Everything a verb runs with. */
export interface CommandContext {
  readonly cluster: ClusterView;
  readonly opts: KubectlOptions;
  readonly io: Streams;
  /** The namespace from -n, or `default`. */
  readonly namespace: string;
  /** True when -n/--namespace was given (kubectl's enforceNamespace). */
  readonly explicitNamespace: boolean;
  /** Warnings already printed (client-go prints each server warning once per command). */
  readonly warned: Set<string>;
}

/** Prints a server warning once per command (client-go's deduplicating warning writer). */
export function warnOnce(ctx: CommandContext, message: string): void {
  if (ctx.warned.has(message)) return;
  ctx.warned.add(message);
  ctx.io.err(`Warning: ${message}\n`);
}

export const ENDPOINTS_DEPRECATION =
  'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';
