/**
 * `kubectl patch` (k8s.io/kubectl/pkg/cmd/patch/patch.go, v1.33): sends a strategic merge patch
 * (the default), a JSON merge patch (`--type=merge`) or a JSON patch (`--type=json`), written as
 * JSON or YAML, to each named object, and prints `deployment.apps/web patched`, or
 * `patched (no change)` when the stored object did not change. The simulated API server applies
 * the patch to the live object, decodes the result as it would (unknown fields dropped with a
 * warning) and stores it as an update: a template change starts a rollout, and on a Deployment a
 * spec or annotation change bumps metadata.generation.
 *
 * Simplified: --local and --subresource are not simulated; a decode error after patching uses the
 * create path's wording; a failing JSON patch gets kubectl's generic text, as the API server
 * drops the reason from that response.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { decodeStrict } from '../../api/decode/strict.js';
import { goYamlError } from '../../api/decode/yaml-errors.js';
import { toJsonValue, YamlValueError } from '../../api/decode/yaml-values.js';
import { resourceOf } from '../../api/resources.js';
import { rootTypeOf } from '../../api/schema/index.js';
import type { KindName, KubeObject } from '../../api/types.js';
import { deepEqual } from '../../core/clone.js';
import { StatusError } from '../../core/errors.js';
import type { Json, JsonMap } from '../apply/strategic-merge.js';
import { type CommandContext, warnOnce } from '../context.js';
import { CliError, combineErrors, RenderedError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { applyJsonPatch, JsonPatchDecodeError, JsonPatchError } from '../rollout/patches/json-patch.js';
import { mergePatch } from '../rollout/patches/merge-patch.js';
import { StrategicPatchError, strategicMergePatch } from '../rollout/patches/strategic-patch.js';
import { mutationFormat, PRINT_FLAGS, printMutation } from '../rollout/print.js';
import { changeCause, RECORD_FLAG, recordChangeCause, warnIfRecordUsed } from '../rollout/record.js';
import { resolveTargets } from '../rollout/targets.js';
import {
  DRY_RUN_FLAG,
  type DryRun,
  dryRunStrategy,
  FILENAME_FLAGS,
  rejectUnsupported,
  withDryRun,
} from './common.js';

export const PATCH_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  RECORD_FLAG,
  ...FILENAME_FLAGS,
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string', default: 'strategic' },
  { name: 'local', type: 'bool' },
  { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
  { name: 'subresource', type: 'string' },
  DRY_RUN_FLAG,
];

type PatchType = 'json' | 'merge' | 'strategic';
const PATCH_TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];

const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

/** yaml.ToJSON: JSON as it is, YAML converted; a syntax error is go-yaml's. */
function patchValue(text: string, shown: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    // not JSON: read it as YAML
  }
  const doc = parseAllDocuments(text, { version: '1.1', uniqueKeys: false });
  const first = Array.isArray(doc) ? doc[0] : undefined;
  if (!first) return null;
  const problem = first.errors[0];
  if (problem) throw new CliError(`unable to parse ${JSON.stringify(shown)}: ${goYamlError(text, problem)}`);
  try {
    return toJsonValue(first) as Json;
  } catch (e) {
    if (e instanceof YamlValueError)
      throw new CliError(`unable to parse ${JSON.stringify(shown)}: ${e.message}`);
    throw e;
  }
}

/** The API server's side of a PATCH: the patched JSON, or its error. */
function applyPatch(live: KubeObject, patch: Json, type: PatchType): Json {
  const original = JSON.parse(JSON.stringify(live)) as JsonMap;
  switch (type) {
    case 'json':
      try {
        return applyJsonPatch(original, patch);
      } catch (e) {
        if (e instanceof JsonPatchDecodeError) throw new StatusError('BadRequest', e.message);
        if (e instanceof JsonPatchError) {
          // NewGenericServerResponse(422) keeps only its generic message; kubectl adds it to
          // "The request is invalid" because the details name no kind and carry no causes.
          throw new RenderedError(
            'The request is invalid: the server rejected our request due to an error in our request\n',
          );
        }
        throw e;
      }
    case 'merge':
      return mergePatch(original, patch);
    case 'strategic':
      if (!isMap(patch)) {
        const what = Array.isArray(patch) ? 'array' : typeof patch;
        throw new StatusError(
          'BadRequest',
          `json: cannot unmarshal ${what} into Go value of type map[string]interface {}`,
        );
      }
      try {
        return strategicMergePatch(original, patch, live.kind);
      } catch (e) {
        if (e instanceof StrategicPatchError) throw new StatusError('BadRequest', e.message);
        throw e;
      }
  }
}

/** Decodes the patched JSON into the kind (unknown fields dropped, each one a warning). */
function decodePatched(ctx: CommandContext, live: KubeObject, patched: Json): KubeObject {
  const kind = live.kind as KindName;
  if (!isMap(patched))
    throw new StatusError('BadRequest', 'the body of the request was in an unknown format');
  const decoded = decodeStrict(rootTypeOf(kind), patched);
  if (decoded.error) {
    const version = resourceOf(kind).version;
    throw new StatusError(
      'BadRequest',
      `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${decoded.error}`,
    );
  }
  for (const warning of decoded.unknownFields) warnOnce(ctx, warning);
  const obj = decoded.value as unknown as KubeObject;
  obj.kind = live.kind;
  obj.apiVersion = live.apiVersion;
  return obj;
}

function readPatch(ctx: CommandContext, flags: ParsedFlags): { text: string; shown: string } {
  const file = flags.string('patch-file');
  if (file === '') return { text: flags.string('patch'), shown: flags.string('patch') };
  const path = ctx.opts.resolvePath ? ctx.opts.resolvePath(file) : file;
  try {
    return { text: readFileSync(path, 'utf8'), shown: flags.string('patch') };
  } catch (e) {
    throw new CliError(
      `unable to read patch file: open ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`,
    );
  }
}

export function runPatch(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize', 'template', 'local', 'subresource']);
  warnIfRecordUsed(ctx, flags);
  const dryRun = dryRunStrategy(flags);
  const format = mutationFormat(flags.string('output'));
  if (flags.string('patch') !== '' && flags.string('patch-file') !== '') {
    throw new CliError('cannot specify --patch and --patch-file together');
  }
  if (flags.string('patch') === '' && flags.string('patch-file') === '') {
    throw new CliError('must specify --patch or --patch-file containing the contents of the patch');
  }
  const typeText = flags.string('type');
  const type = typeText.toLowerCase() as PatchType;
  if (typeText !== '' && !PATCH_TYPES.includes(type)) {
    throw new CliError(`--type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(typeText)}`);
  }
  const { text, shown } = readPatch(ctx, flags);
  const patch = patchValue(text, shown);
  const { objects, errors } = resolveTargets(ctx, flags, { args: flags.args, allowEmptySelector: false });

  for (const live of objects) {
    try {
      ctx.io.out(patchOne(ctx, flags, live, patch, type || 'strategic', dryRun, format));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = combineErrors(errors);
  if (err) throw err;
  if (objects.length === 0) throw new CliError('no objects passed to patch');
}

function patchOne(
  ctx: CommandContext,
  flags: ParsedFlags,
  live: KubeObject,
  patch: Json,
  type: PatchType,
  dryRun: DryRun,
  format: ReturnType<typeof mutationFormat>,
): string {
  const target = decodePatched(ctx, live, applyPatch(live, patch, type));
  if (dryRun === 'client') {
    const didPatch = !deepEqual(JSON.parse(JSON.stringify(live)), JSON.parse(JSON.stringify(target)));
    return printMutation(target, withDryRun(didPatch ? 'patched' : 'patched (no change)', dryRun), format);
  }
  const store = ctx.cluster.store;
  let patched = store.update(target, { dryRun: dryRun === 'server' });
  const didPatch = !deepEqual(live, patched);
  if (flags.bool('record') && dryRun === 'none') {
    // The recorder's own merge patch, sent after the first one when it changes anything.
    const recorded = { ...patched, metadata: { ...patched.metadata } } as KubeObject;
    recordChangeCause(recorded, flags, () => changeCause(['patch'], flags, PATCH_FLAGS));
    if (!deepEqual(recorded, patched)) patched = store.update(recorded);
  }
  return printMutation(patched, withDryRun(didPatch ? 'patched' : 'patched (no change)', dryRun), format);
}
