import type { Container, Probe } from '../../api/types.js';
import { expandCommandOnlyStatic } from './expansion.js';
import { after } from './probe-outcome.js';
import type { Outcome } from './prober.js';
import type { ContainerInstance } from './runtime.js';
import { containerExecError } from './streams.js';

/** pkg/probe/exec maxReadLength: at most 10 KiB of the output becomes the event. */
const MAX_OUTPUT = 10 * 1024;

/**
 * An exec probe (prober.go runProbe with pkg/probe/exec): the command with `$(VAR)` expanded from
 * the container's literal env only, run through the CRI's ExecSync with timeoutSeconds. Exit 0 is
 * Success; another code is Failure with stdout then stderr (RunInContainer appends them) as the
 * output; running past the timeout is Failure with `command "…" timed out` (ExecProbeTimeout, on
 * by default); a command the runtime cannot start is a prober error (the probe result is dropped).
 * The command runs to its end in the container's virtual time; a timed-out one reports
 * `delayMs`, as ExecSync blocks for timeoutSeconds before it gives up, so the prober learns the
 * failure that much later. Simplification: a command that finishes in time reports at once.
 */
export function execProbe(instance: ContainerInstance, container: Container, probe: Probe): Outcome {
  const process = instance.process;
  if (!process) return { result: 'Error', output: 'container has no process' };
  const command = expandedCommand(probe, container);
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  const outcome = process.exec(command, { timeoutMs });
  if (outcome.startError !== undefined) {
    return { result: 'Error', output: containerExecError(instance, outcome.startError, true) };
  }
  if (outcome.timedOut) {
    return after(timeoutMs, { result: 'Failure', output: `command ${goQuote(command.join(' '))} timed out` });
  }
  const output = (outcome.stdout + outcome.stderr).slice(0, MAX_OUTPUT);
  return outcome.exitCode === 0 ? { result: 'Success', output } : { result: 'Failure', output };
}

/** The probe's command with `$(VAR)` expanded, once per probe object (stored pods are frozen). */
const expanded = new WeakMap<Probe, string[]>();

function expandedCommand(probe: Probe, container: Container): string[] {
  let command = expanded.get(probe);
  if (!command)
    expanded.set(probe, (command = expandCommandOnlyStatic(probe.exec?.command ?? [], container.env)));
  return command;
}

/** Go's %q for the command text. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}
