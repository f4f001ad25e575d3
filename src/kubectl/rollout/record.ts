/**
 * The deprecated `--record` flag (k8s.io/cli-runtime/pkg/genericclioptions/record_flags.go, v1.33):
 * when true, the command line is written into the object's `kubernetes.io/change-cause`
 * annotation; pflag prints the deprecation notice whenever the flag is used.
 */
import type { KubeObject } from '../../api/types.js';
import { formatDuration } from '../../core/duration.js';
import type { CommandContext } from '../context.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { GLOBAL_FLAGS } from '../verbs/common.js';
import { CHANGE_CAUSE_ANNOTATION } from './history.js';

export const RECORD_FLAG: FlagSpec = { name: 'record', type: 'bool' };

/** pflag's notice for a deprecated flag that was used. */
export function warnIfRecordUsed(ctx: CommandContext, flags: ParsedFlags): void {
  if (flags.has('record'))
    ctx.io.err('Flag --record has been deprecated, --record will be removed in the future\n');
}

function flagValue(spec: FlagSpec, flags: ParsedFlags): string {
  switch (spec.type) {
    case 'bool':
      return String(flags.bool(spec.name));
    case 'int':
      return String(flags.int(spec.name));
    case 'duration':
      return formatDuration(flags.duration(spec.name));
    case 'strings':
      return flags.strings(spec.name).join(',');
    case 'string':
      return flags.string(spec.name);
  }
}

/**
 * parseCommandArguments: `kubectl` and the positional words (the command path included, as
 * pflag sees them in os.Args), then ` --name=value` for every flag given, long names only.
 * Simplified: flags are listed in the order first given, each once, with its final value.
 */
export function changeCause(
  commandPath: readonly string[],
  flags: ParsedFlags,
  specs: readonly FlagSpec[],
): string {
  const all = [...GLOBAL_FLAGS, ...specs];
  let text = ['kubectl', ...commandPath, ...flags.args].join(' ');
  for (const name of flags.changed) {
    const spec = all.find((s) => s.name === name);
    if (spec) text += ` --${name}=${flagValue(spec, flags)}`;
  }
  return text;
}

/** The recorder: `--record=true` sets the change-cause on the object being written. */
export function recordChangeCause(obj: KubeObject, flags: ParsedFlags, cause: () => string): void {
  if (!flags.bool('record')) return;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: cause() };
}
