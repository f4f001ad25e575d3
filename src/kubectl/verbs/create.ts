/**
 * `kubectl create -f`, `kubectl create namespace NAME` and `kubectl create deployment NAME
 * --image=…` (k8s.io/kubectl/pkg/cmd/create): objects are created as they are (no merge);
 * an existing one is `AlreadyExists`. Documents that fail do not stop the others.
 */
import type { KubeObject } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import { withLastApplied } from '../apply/last-applied.js';
import { type CommandContext, ENDPOINTS_DEPRECATION, warnOnce } from '../context.js';
import { CliError, combineErrors, usageError, withSource } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { fieldValidationOf, partition, readManifests } from '../manifests.js';
import { parseOutputFormat, printGeneric, writeGeneric } from '../printers/output.js';
import { labelSelector } from '../resource-args.js';
import {
  DRY_RUN_FLAG,
  type DryRun,
  dryRunStrategy,
  FILENAME_FLAGS,
  mutationLine,
  rejectUnsupported,
  withDryRun,
} from './common.js';

const MUTATION_FLAGS: readonly FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  DRY_RUN_FLAG,
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
];

export const CREATE_FLAGS: readonly FlagSpec[] = [
  ...MUTATION_FLAGS,
  ...FILENAME_FLAGS,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'edit', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'record', type: 'bool' },
];

export const CREATE_NAMESPACE_FLAGS: readonly FlagSpec[] = MUTATION_FLAGS;

export const CREATE_DEPLOYMENT_FLAGS: readonly FlagSpec[] = [
  ...MUTATION_FLAGS,
  { name: 'image', type: 'strings' },
  { name: 'replicas', short: 'r', type: 'int', default: 1 },
  { name: 'port', type: 'int', default: -1 },
];

interface Mutation {
  readonly ctx: CommandContext;
  readonly dryRun: DryRun;
  readonly output: string;
  readonly saveConfig: boolean;
}

function mutation(ctx: CommandContext, flags: ParsedFlags): Mutation {
  parseOutputFormat(flags.string('output'));
  return {
    ctx,
    dryRun: dryRunStrategy(flags),
    output: flags.string('output'),
    saveConfig: flags.bool('save-config'),
  };
}

/** Sends one object; prints `kind/name created`; returns what the server stored. */
function createOne(m: Mutation, obj: KubeObject, source: string, raw: KubeObject = obj): KubeObject {
  const toSend = clone(obj);
  if (m.saveConfig) toSend.metadata.annotations = withLastApplied(raw).metadata.annotations;
  if (obj.kind === 'Endpoints') warnOnce(m.ctx, ENDPOINTS_DEPRECATION);
  let created = toSend;
  if (m.dryRun !== 'client') {
    try {
      created = m.ctx.cluster.store.create(toSend, { dryRun: m.dryRun === 'server' });
    } catch (e) {
      throw withSource('creating', source, e as Error);
    }
  }
  if (!['', 'name'].includes(m.output)) return created;
  m.ctx.io.out(mutationLine(created, withDryRun('created', m.dryRun), m.output));
  return created;
}

/**
 * Prints -o yaml/json. With --dry-run=client kubectl prints its own Go object, whose zero values
 * marshal too (`creationTimestamp: null`, `resources: {}`, `status: {}`): `clientViews` are those.
 */
function printObjects(m: Mutation, objects: KubeObject[], clientViews?: KubeObject[]): void {
  const format = parseOutputFormat(m.output);
  if (format.kind === 'table' || format.kind === 'name') return;
  const shown = m.dryRun === 'client' && clientViews ? clientViews : objects;
  for (const obj of shown) writeGeneric(m.ctx.io, format, [obj], true);
}

export function runCreate(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['edit', 'raw', 'kustomize']);
  const filenames = flags.strings('filename');
  if (flags.args.length > 0) throw usageError('kubectl create', `Unexpected args: [${flags.args.join(' ')}]`);
  if (filenames.length === 0) throw new CliError('must specify one of -f and -k');
  const m = mutation(ctx, flags);
  const selector = labelSelector(flags.string('selector'));
  const { errors, sendable } = partition(
    readManifests(ctx, filenames, fieldValidationOf(flags.string('validate'))),
  );
  const created: KubeObject[] = [];
  let count = 0;
  for (const item of sendable) {
    if (selector && !selector.matches(item.raw?.metadata.labels)) continue;
    try {
      if (!item.object || item.serverError) throw withSource('creating', item.source, item.serverError!);
      created.push(createOne(m, item.object, item.source, item.raw));
      for (const w of item.warnings ?? []) ctx.io.err(`Warning: ${w}\n`);
      count++;
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = combineErrors(errors);
  if (err) throw err;
  if (count === 0) throw new CliError('no objects passed to create');
  printObjects(m, created);
}

/** NameFromCommandArgs: exactly one NAME before any `--`. */
function nameFromArgs(commandPath: string, flags: ParsedFlags): string {
  const n = flags.afterDash;
  if (n !== 1) throw usageError(commandPath, `exactly one NAME is required, got ${n}`);
  return flags.args[0]!;
}

export function runCreateNamespace(ctx: CommandContext, flags: ParsedFlags): void {
  const name = nameFromArgs('kubectl create namespace', flags);
  const m = mutation(ctx, flags);
  const obj: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  const view = {
    ...obj,
    metadata: { creationTimestamp: null, name },
    spec: {},
    status: {},
  } as unknown as KubeObject;
  printObjects(m, [createOne(m, obj, '')], [view]);
}

/** The container name `kubectl create deployment` derives from an image: `nginx` from `nginx:1.25`. */
export function containerNameFor(image: string): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0]!.split('@')[0]!;
  // Simplified: kubectl also appends a random suffix when it had to replace underscores.
  return name.replaceAll('_', '-');
}

export function runCreateDeployment(ctx: CommandContext, flags: ParsedFlags): void {
  const name = nameFromArgs('kubectl create deployment', flags);
  const images = flags.strings('image');
  if (!flags.has('image')) throw new CliError('required flag(s) "image" not set');
  const m = mutation(ctx, flags);
  const command = flags.args.slice(flags.afterDash);
  if (images.length > 1 && command.length > 0) {
    throw new CliError('cannot specify multiple --image options and command');
  }
  const labels = { app: name };
  const containers = images.map((image) => ({
    name: containerNameFor(image),
    image,
    ...(command.length > 0 ? { command } : {}),
  }));
  const port = flags.int('port');
  const first = containers[0] as Record<string, unknown> | undefined;
  if (port >= 0 && first) first.ports = [{ containerPort: port }];
  const obj: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels, namespace: ctx.namespace },
    spec: {
      replicas: flags.int('replicas'),
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
    },
  };
  const view = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      creationTimestamp: null,
      labels,
      name,
      ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}),
    },
    spec: {
      replicas: flags.int('replicas'),
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: {
        metadata: { creationTimestamp: null, labels: { ...labels } },
        spec: { containers: containers.map((c) => ({ ...c, resources: {} })) },
      },
    },
    status: {},
  } as unknown as KubeObject;
  printObjects(m, [createOne(m, obj, '')], [view]);
}
