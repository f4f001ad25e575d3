import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Cluster } from '../cluster/cluster.js';
import { DEFAULT_SEED, defaultNode } from '../cluster/settings.js';
import { formatDuration, parseDuration } from '../core/duration.js';
import { loadImageBehaviours } from '../images/declared.js';
import { kubectl } from '../kubectl/index.js';
import { eventOccurrences, formatEventLog } from './event-log.js';
import type { CliIo } from './io.js';
import { parseSeed, SEED_ENV } from './test-options.js';
import { UsageError } from './usage-error.js';

/** The options of `kubesim run`, as commander hands them over. */
export interface RunCliOptions {
  filename: string[];
  for: string;
  seed?: string;
  nodes?: string;
  images?: string[];
}

export const DEFAULT_RUN_FOR = '1m';

/**
 * `kubesim run -f FILE…`: applies the manifests to a fresh simulated cluster at time 0, lets
 * `--for` of simulated time pass, then prints the applied objects, every event with its
 * simulated time, and the final state as `kubectl get deployments,replicasets,pods,services
 * -o wide` prints it. Returns 1 when a manifest is rejected. (`run` is the kubectl entry point;
 * tests pass a stand-in.)
 */
export function runManifests(opts: RunCliOptions, io: CliIo, run: typeof kubectl = kubectl): number {
  const forMs = durationOption('--for', opts.for);
  const seedText = opts.seed ?? io.env[SEED_ENV];
  const seed = seedText === undefined ? DEFAULT_SEED : parseSeed(seedText);
  const nodes = opts.nodes === undefined ? undefined : nodeCount(opts.nodes);
  if (opts.filename.length === 0) throw new UsageError('name at least one manifest with -f FILE');

  const cluster = new Cluster({
    seed,
    ...(nodes === undefined
      ? {}
      : { nodes: Array.from({ length: nodes }, (_, i) => defaultNode(`node-${i + 1}`)) }),
  });
  const resolvePath = (path: string) => resolve(io.cwd, path);
  for (const file of opts.images ?? []) {
    const path = resolvePath(file);
    if (!existsSync(path)) throw new UsageError(`--images ${file}: no such file`);
    loadImageBehaviours(cluster.store, readFileSync(path, 'utf8'), file);
  }
  let stdin: string | undefined;
  for (const file of opts.filename) {
    if (file === '-') stdin ??= io.readStdin();
    const applied = run(cluster, ['apply', '-f', file], { resolvePath, stdin });
    io.stdout(applied.stdout);
    io.stderr(applied.stderr);
    if (applied.exitCode !== 0) return 1;
  }

  cluster.advance(forMs);
  io.stdout(`\nEvents (simulated time since the cluster started):\n`);
  io.stdout(formatEventLog(eventOccurrences(cluster.store.history.all())));

  io.stdout(`\nState after ${formatDuration(forMs)}:\n`);
  const state = run(cluster, ['get', 'deployments,replicasets,pods,services', '-o', 'wide']);
  io.stdout(state.stdout);
  io.stderr(state.stderr);
  return state.exitCode === 0 ? 0 : 1;
}

function durationOption(option: string, text: string): number {
  try {
    return parseDuration(text);
  } catch (e) {
    throw new UsageError(`${option}: ${(e as Error).message}`);
  }
}

function nodeCount(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 5000)
    throw new UsageError(`--nodes must be from 1 to 5000, not "${text}"`);
  return n;
}
