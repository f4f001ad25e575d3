/**
 * The command tree and its dispatch, modelled on cobra as kubectl uses it: the verb is the first
 * word that is not a flag (global flags may come first), flags are parsed with the verb's flag
 * set plus kubectl's global ones, flag errors get kubectl's `See '… --help' for usage.` line, and
 * an unknown verb gets cobra's `Did you mean this?` suggestions.
 */
import type { CommandContext } from './context.js';
import { CliError, RenderedError } from './errors.js';
import { FlagError, FlagSet, type FlagSpec, type ParsedFlags } from './flags.js';
import { ANNOTATE_FLAGS, runAnnotate } from './verbs/annotate.js';
import { APPLY_FLAGS, runApply } from './verbs/apply.js';
import { GLOBAL_FLAGS } from './verbs/common.js';
import { CORDON_FLAGS, runCordon, runUncordon } from './verbs/cordon.js';
import {
  CREATE_DEPLOYMENT_FLAGS,
  CREATE_FLAGS,
  CREATE_NAMESPACE_FLAGS,
  runCreate,
  runCreateDeployment,
  runCreateNamespace,
} from './verbs/create.js';
import { DELETE_FLAGS, runDelete } from './verbs/delete.js';
import { DESCRIBE_FLAGS, runDescribe } from './verbs/describe.js';
import { DRAIN_FLAGS, runDrain } from './verbs/drain.js';
import { EXEC_FLAGS, runExec } from './verbs/exec.js';
import { EXPLAIN_FLAGS, runExplain } from './verbs/explain.js';
import { EXPOSE_FLAGS, runExpose } from './verbs/expose.js';
import { GET_FLAGS, runGet } from './verbs/get.js';
import { LABEL_FLAGS, runLabel } from './verbs/label.js';
import { LOGS_FLAGS, runLogs } from './verbs/logs.js';
import { PATCH_FLAGS, runPatch } from './verbs/patch.js';
import { PORT_FORWARD_FLAGS, runPortForward } from './verbs/port-forward.js';
import { ROLLOUT_COMMAND } from './verbs/rollout.js';
import { RUN_FLAGS, runRun } from './verbs/run.js';
import { runScale, SCALE_FLAGS } from './verbs/scale.js';
import { SET_COMMAND } from './verbs/set.js';
import { runTaint, TAINT_FLAGS } from './verbs/taint.js';
import { TOP_COMMAND } from './verbs/top.js';
import { runWait, WAIT_FLAGS } from './verbs/wait.js';

export interface Command {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly flags: readonly FlagSpec[];
  readonly run?: (ctx: CommandContext, flags: ParsedFlags) => void;
  readonly subcommands?: readonly Command[];
}

const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', type: 'bool' };

export const COMMANDS: readonly Command[] = [
  { name: 'annotate', flags: ANNOTATE_FLAGS, run: runAnnotate },
  { name: 'apply', flags: APPLY_FLAGS, run: runApply },
  {
    name: 'create',
    flags: CREATE_FLAGS,
    run: runCreate,
    subcommands: [
      { name: 'namespace', aliases: ['ns'], flags: CREATE_NAMESPACE_FLAGS, run: runCreateNamespace },
      { name: 'deployment', aliases: ['deploy'], flags: CREATE_DEPLOYMENT_FLAGS, run: runCreateDeployment },
    ],
  },
  { name: 'cordon', flags: CORDON_FLAGS, run: runCordon },
  { name: 'delete', flags: DELETE_FLAGS, run: runDelete },
  { name: 'describe', flags: DESCRIBE_FLAGS, run: runDescribe },
  { name: 'drain', flags: DRAIN_FLAGS, run: runDrain },
  { name: 'exec', flags: EXEC_FLAGS, run: runExec },
  { name: 'explain', flags: EXPLAIN_FLAGS, run: runExplain },
  { name: 'expose', flags: EXPOSE_FLAGS, run: runExpose },
  { name: 'get', flags: GET_FLAGS, run: runGet },
  { name: 'label', flags: LABEL_FLAGS, run: runLabel },
  { name: 'logs', flags: LOGS_FLAGS, run: runLogs },
  { name: 'patch', flags: PATCH_FLAGS, run: runPatch },
  { name: 'port-forward', flags: PORT_FORWARD_FLAGS, run: runPortForward },
  ROLLOUT_COMMAND,
  { name: 'run', flags: RUN_FLAGS, run: runRun },
  { name: 'scale', flags: SCALE_FLAGS, run: runScale },
  SET_COMMAND,
  { name: 'taint', flags: TAINT_FLAGS, run: runTaint },
  TOP_COMMAND,
  {
    name: 'version',
    flags: [
      { name: 'client', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
    ],
    run: (ctx, flags) => {
      ctx.io.out('Client Version: v1.33.0\nKustomize Version: v5.6.0\n');
      if (!flags.bool('client')) ctx.io.out('Server Version: v1.33.0\n');
    },
  },
  { name: 'uncordon', flags: CORDON_FLAGS, run: runUncordon },
  { name: 'wait', flags: WAIT_FLAGS, run: runWait },
];

/** kubectl v1.33's top-level commands (for suggestions, and to tell "not simulated" from "unknown"). */
const KUBECTL_COMMANDS = [
  'annotate',
  'api-resources',
  'api-versions',
  'apply',
  'attach',
  'auth',
  'autoscale',
  'certificate',
  'cluster-info',
  'completion',
  'config',
  'cordon',
  'cp',
  'create',
  'debug',
  'delete',
  'describe',
  'diff',
  'drain',
  'edit',
  'events',
  'exec',
  'explain',
  'expose',
  'get',
  'kustomize',
  'label',
  'logs',
  'options',
  'patch',
  'plugin',
  'port-forward',
  'proxy',
  'replace',
  'rollout',
  'run',
  'scale',
  'set',
  'taint',
  'top',
  'uncordon',
  'version',
  'wait',
];

/** kubectl create's subcommands (those kubesim has not built are "not simulated"). */
const CREATE_SUBCOMMANDS = [
  'clusterrole',
  'clusterrolebinding',
  'configmap',
  'cm',
  'cronjob',
  'cj',
  'ingress',
  'ing',
  'job',
  'poddisruptionbudget',
  'pdb',
  'priorityclass',
  'pc',
  'quota',
  'resourcequota',
  'role',
  'rolebinding',
  'secret',
  'service',
  'svc',
  'serviceaccount',
  'sa',
  'token',
];

/** Cobra's SuggestFor lists on kubectl's commands. */
const SUGGEST_FOR: Record<string, readonly string[]> = { get: ['list', 'ps'], delete: ['rm'] };

/** Cobra's ld: Levenshtein distance, case-insensitive. */
function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/** Cobra's SuggestionsFor with SuggestionsMinimumDistance 2. */
export function suggestionsFor(typed: string): string[] {
  const out: string[] = [];
  for (const name of KUBECTL_COMMANDS) {
    if (levenshtein(typed, name) <= 2 || name.startsWith(typed.toLowerCase())) out.push(name);
    for (const s of SUGGEST_FOR[name] ?? []) if (s.toLowerCase() === typed.toLowerCase()) out.push(name);
  }
  return out;
}

function unknownCommand(word: string, path: string): RenderedError {
  const suggestions = suggestionsFor(word);
  let text = `error: unknown command "${word}" for "${path}"\n`;
  if (suggestions.length > 0) text += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return new RenderedError(text);
}

/** Cobra's stripFlags + Find: the index of the first word that is not a flag or a flag's value. */
function firstWord(argv: readonly string[], flags: FlagSet): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return -1;
    if (a.startsWith('--') && a.length > 2) {
      if (!a.includes('=')) {
        const spec = flags.lookup(a.slice(2));
        if (spec && spec.type !== 'bool' && spec.noOptDefault === undefined) i++;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (a.length === 2) {
        const spec = flags.lookupShort(a[1]!);
        if (spec && spec.type !== 'bool' && spec.noOptDefault === undefined) i++;
      }
      continue;
    }
    return i;
  }
  return -1;
}

export interface Resolved {
  readonly command: Command;
  readonly path: string;
  readonly flags: ParsedFlags;
}

/** Finds the command an argv names and parses its flags. */
export function resolveCommand(argv: readonly string[]): Resolved | undefined {
  const global = new FlagSet([...GLOBAL_FLAGS, HELP_FLAG]);
  const at = firstWord(argv, global);
  if (at < 0) return undefined;
  const word = argv[at]!;
  let command = COMMANDS.find((c) => c.name === word || c.aliases?.includes(word));
  if (!command) {
    if (KUBECTL_COMMANDS.includes(word))
      throw new CliError(`kubesim does not simulate "kubectl ${word}" yet`);
    throw unknownCommand(word, 'kubectl');
  }
  let rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  let path = `kubectl ${command.name}`;
  if (command.subcommands) {
    const own = new FlagSet([...GLOBAL_FLAGS, ...command.flags, HELP_FLAG]);
    const subAt = firstWord(rest, own);
    const subWord = subAt >= 0 ? rest[subAt]! : undefined;
    const sub = command.subcommands.find((c) => c.name === subWord || c.aliases?.includes(subWord ?? ''));
    if (!sub && subWord && command.name === 'create' && CREATE_SUBCOMMANDS.includes(subWord)) {
      throw new CliError(`kubesim does not simulate "kubectl create ${subWord}" yet`);
    }
    if (sub) {
      command = sub;
      path = `${path} ${sub.name}`;
      rest = [...rest.slice(0, subAt), ...rest.slice(subAt + 1)];
    }
  }
  const set = new FlagSet([...GLOBAL_FLAGS, ...command.flags, HELP_FLAG]);
  let flags: ParsedFlags;
  try {
    flags = set.parse(rest);
  } catch (e) {
    if (e instanceof FlagError) throw new CliError(`${e.message}\nSee '${path} --help' for usage.`);
    throw e;
  }
  return { command, path, flags };
}
