import type { Outcome } from './prober.js';

/**
 * The outcome of a probe that took `ms` (a slow answer, or the probe's timeout): the prober
 * (ProbeWorker) learns it that long after the tick, as worker.go's doProbe blocks in runProbe until
 * the call returns. At once, unchanged, when `ms` is 0: most probes answer at once and share
 * their outcome objects.
 */
export function after(ms: number, outcome: Outcome): Outcome {
  return ms > 0 ? { ...outcome, delayMs: ms } : outcome;
}
