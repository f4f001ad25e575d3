/**
 * `kubectl run NAME --image=IMAGE [flags] [-- ARGS…]` (k8s.io/kubectl/pkg/cmd/run/run.go with the
 * run-pod/v1 generator, generate/versioned/run.go BasicPod, and ServiceV2 for --expose; v1.33):
 * creates a bare Pod labelled `run=NAME` (or --labels), its one container named NAME, restart
 * policy Always unless --restart says otherwise, the arguments after `--` as the container's args
 * (its command with --command), and prints `pod/NAME created`. --expose with --port also creates
 * a ClusterIP Service, printed first.
 *
 * -i/--stdin, -t/--tty and --attach attach to the container (see run-attach.ts: kubesim has no
 * terminal, so it plays a user at one who types nothing), --rm deletes what was created when the
 * session ends (`pod "NAME" deleted`), and with --restart=Never or OnFailure kubectl exits with the
 * container's exit code.
 *
 * Simplified: --overrides is refused; --env and --annotations are comma-split like the other
 * list flags (kubectl keeps each occurrence whole); -o json prints a created object's keys sorted
 * (kubectl prints a typed object's fields in struct order; its --dry-run=client objects do keep
 * that order here); --save-config's annotation holds the object with sorted keys.
 */
import type { Pod, Service } from '../../api/types.js';
import { withLastApplied } from '../apply/last-applied.js';
import type { CommandContext } from '../context.js';
import { CliError, combineErrors, usageError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { compareBytes, goJsonIndentOrdered } from '../printers/go-json.js';
import type { OutputFormat } from '../printers/output.js';
import { parsePairs } from '../rollout/pairs.js';
import { mutationFormat, PRINT_FLAGS, printMutation } from '../rollout/print.js';
import {
  DRY_RUN_FLAG,
  type DryRun,
  dryRunStrategy,
  FILENAME_FLAGS,
  rejectUnsupported,
  withDryRun,
} from './common.js';
import { attachAndWait, type RunSession } from './run-attach.js';

export const RUN_FLAGS: readonly FlagSpec[] = [
  // DeleteFlags (for --rm), PrintFlags, RecordFlags.
  ...FILENAME_FLAGS,
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'force', type: 'bool' },
  { name: 'timeout', type: 'duration' },
  { name: 'wait', type: 'bool' },
  ...PRINT_FLAGS,
  { name: 'record', type: 'bool' },
  // addRunFlags.
  DRY_RUN_FLAG,
  { name: 'annotations', type: 'strings' },
  { name: 'image', type: 'string' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'rm', type: 'bool' },
  { name: 'env', type: 'strings' },
  { name: 'port', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'attach', type: 'bool' },
  { name: 'leave-stdin-open', type: 'bool' },
  { name: 'restart', type: 'string', default: 'Always' },
  { name: 'command', type: 'bool' },
  { name: 'expose', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'privileged', type: 'bool' },
  { name: 'field-manager', type: 'string', default: 'kubectl-run' },
  { name: 'override-type', type: 'string', default: 'merge' },
  { name: 'overrides', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
];

const COMMAND = 'kubectl run';

// distribution/reference's ReferenceRegexp (anchored; no normalization: `NGINX` does not match).
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE_REGEXP = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** What Run decided from the flags. */
interface RunOptions {
  readonly name: string;
  readonly args: readonly string[];
  readonly image: string;
  readonly dryRun: DryRun;
  readonly attach: boolean;
  readonly remove: boolean;
  readonly interactive: boolean;
  readonly tty: boolean;
  readonly quiet: boolean;
  readonly leaveStdinOpen: boolean;
  readonly restartPolicy: string;
  readonly timeoutMs: number;
}

export function runRun(ctx: CommandContext, flags: ParsedFlags): void {
  // cobra's MarkFlagRequired("image") is checked before the command runs.
  if (!flags.has('image')) throw new CliError('required flag(s) "image" not set');
  rejectUnsupported(flags, ['overrides', 'kustomize']);
  // Complete.
  const dryRun = dryRunStrategy(flags);
  const interactive = flags.bool('stdin');
  const attach = flags.has('attach') ? flags.bool('attach') : interactive;
  const format = mutationFormat(flags.string('output'));
  cascadingStrategy(flags.string('cascade'));
  const o = validate(flags, { dryRun, interactive, attach });

  const labelsFlag = flags.string('labels');
  const pod = generatePod(ctx, flags, o, labelsFlag);
  const created: Array<Pod | Service> = [];
  const createdPod = createObject(ctx, pod, podView, o.dryRun, flags.bool('save-config'));
  created.push(createdPod.object);

  const errors: Error[] = [];
  let yamlSeparator = false;
  const print = (object: Pod | Service, view: Pod | Service, clientView: boolean) => {
    // The YAML printer puts `---` before every object after its first.
    if (format.kind === 'yaml' && yamlSeparator) ctx.io.out('---\n');
    if (format.kind === 'yaml') yamlSeparator = true;
    ctx.io.out(printRunObject(object, view, clientView, o.dryRun, format));
  };
  if (flags.bool('expose')) {
    try {
      const service = generateService(o.name, labelsFlag, flags.string('port'), ctx);
      const createdService = createObject(ctx, service, serviceView, o.dryRun, false);
      created.push(createdService.object);
      print(createdService.object, createdService.view, createdService.clientView);
      // generateService separates the YAML documents itself, too.
      if (format.kind === 'yaml') ctx.io.out('---\n');
    } catch (e) {
      errors.push(e as Error);
    }
  }

  if (o.attach) {
    const session: RunSession = {
      pod: createdPod.object as Pod,
      container: o.name,
      interactive: o.interactive,
      tty: o.tty,
      quiet: o.quiet,
      restartPolicy: o.restartPolicy,
      leaveStdinOpen: o.leaveStdinOpen,
      timeoutMs: o.timeoutMs,
    };
    try {
      attachAndWait(ctx, session);
    } finally {
      // `defer o.removeCreatedObjects`: also when the session failed.
      if (o.remove) removeCreatedObjects(ctx, created, o.quiet);
    }
    return;
  }
  print(createdPod.object, createdPod.view, createdPod.clientView);
  const err = combineErrors(errors);
  if (err) throw err;
}

/** The checks of Run before it generates the pod, in kubectl's order. */
function validate(
  flags: ParsedFlags,
  c: { dryRun: DryRun; interactive: boolean; attach: boolean },
): RunOptions {
  const args = flags.args;
  if (args.length === 0 || flags.afterDash === 0) throw usageError(COMMAND, 'NAME is required for run');
  const timeoutMs = flags.duration('pod-running-timeout');
  if (timeoutMs <= 0) throw usageError(COMMAND, '--pod-running-timeout must be higher than zero');
  const image = flags.string('image');
  if (image === '') throw new CliError('--image is required');
  if (!REFERENCE_REGEXP.test(image))
    throw new CliError(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  const tty = flags.bool('tty');
  if (tty && !c.interactive)
    throw usageError(COMMAND, '-i/--stdin is required for containers with -t/--tty=true');
  if (flags.bool('expose') && flags.string('port') === '')
    throw usageError(COMMAND, '--port must be set when exposing a service');
  const restartPolicy = getRestartPolicy(flags.string('restart'), c.interactive);
  const remove = flags.bool('rm');
  if (!c.attach && remove) throw usageError(COMMAND, '--rm should only be used for attached containers');
  if (c.attach && c.dryRun !== 'none') {
    throw usageError(
      COMMAND,
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
    );
  }
  const pullPolicy = flags.string('image-pull-policy');
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(pullPolicy))
    throw usageError(COMMAND, `invalid image pull policy: ${pullPolicy}`);
  return {
    name: args[0]!,
    args: args.slice(1),
    image,
    dryRun: c.dryRun,
    attach: c.attach,
    remove,
    interactive: c.interactive,
    tty,
    quiet: flags.bool('quiet'),
    leaveStdinOpen: flags.bool('leave-stdin-open'),
    restartPolicy,
    timeoutMs,
  };
}

/** getRestartPolicy: an empty --restart means OnFailure with -i, else Always. */
export function getRestartPolicy(restart: string, interactive: boolean): string {
  if (restart === '') return interactive ? 'OnFailure' : 'Always';
  if (restart === 'Always' || restart === 'OnFailure' || restart === 'Never') return restart;
  throw usageError(COMMAND, `invalid restart policy: ${restart}`);
}

/** DeleteFlags.ToOptions parses --cascade even though run only deletes with --rm. */
function cascadingStrategy(value: string): void {
  if (['background', 'foreground', 'orphan', 'true', 'false'].includes(value)) return;
  throw new CliError(`Invalid cascade value (${value}). Must be "background", "foreground", or "orphan".`);
}

/** validation.IsEnvVarName (the C-identifier-like rule kubectl run checks, not the relaxed one). */
function isEnvVarName(name: string): boolean {
  return /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name) && name !== '.' && !name.startsWith('..');
}

/** parseEnvs: `NAME=VALUE`, the first `=` splitting. */
export function parseEnvs(envs: readonly string[]): Array<{ name: string; value: string }> {
  return envs.map((env) => {
    const at = env.indexOf('=');
    if (at < 0) throw new CliError(`invalid env: ${env}`);
    const name = env.slice(0, at);
    if (name.length === 0 || !isEnvVarName(name)) throw new CliError(`invalid env: ${env}`);
    return { name, value: env.slice(at + 1) };
  });
}

/** generate.ParseLabels: `k=v,k2=v2`, exactly one `=` each, no empty key. */
export function parseRunLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new CliError(`unexpected label spec: ${item}`);
    if (kv[0]!.length === 0) throw new CliError('unexpected empty label key');
    labels[kv[0]!] = kv[1]!;
  }
  return labels;
}

/** strconv.Atoi's errors, as BasicPod reports a bad --port. */
export function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63 - 1)
    throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** BasicPod.Generate (run-pod/v1), in its order of checks: args, env, annotations, labels, port. */
function generatePod(ctx: CommandContext, flags: ParsedFlags, o: RunOptions, labelsFlag: string): Pod {
  const env = parseEnvs(flags.strings('env'));
  const annotations = parsePairs(flags.strings('annotations'), 'annotations', false).set;
  const labels = labelsFlag === '' ? { run: o.name } : parseRunLabels(labelsFlag);
  const port = flags.string('port');
  const containerPort = port === '' ? undefined : atoi(port);
  const pullPolicy = flags.string('image-pull-policy');
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.args.length > 0) container[flags.bool('command') ? 'command' : 'args'] = [...o.args];
  if (containerPort !== undefined) container.ports = [{ containerPort }];
  if (env.length > 0) container.env = env;
  container.resources = {};
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  if (flags.bool('privileged')) container.securityContext = { privileged: true };
  if (o.interactive) container.stdin = true;
  if (o.interactive && !o.leaveStdinOpen) container.stdinOnce = true;
  if (o.tty) container.tty = true;
  const metadata: Pod['metadata'] = { name: o.name, namespace: ctx.namespace, labels };
  if (annotations.size > 0) metadata.annotations = Object.fromEntries(annotations);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: {
      containers: [container as unknown as NonNullable<Pod['spec']>['containers'][number]],
      restartPolicy: o.restartPolicy as 'Always',
      dnsPolicy: 'ClusterFirst',
    },
  };
}

/** ServiceV2 as run --expose calls it: one TCP port, its target the same, selecting the pod. */
function generateService(name: string, labelsFlag: string, port: string, ctx: CommandContext): Service {
  const selector = parseRunLabels(labelsFlag === '' ? `run=${name}` : labelsFlag);
  const portNumber = atoi(port.trim());
  const metadata: Service['metadata'] = { name, namespace: ctx.namespace };
  if (labelsFlag !== '') metadata.labels = parseRunLabels(labelsFlag);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    // ServicePort's struct order: protocol, port, targetPort.
    spec: { ports: [{ protocol: 'TCP', port: portNumber, targetPort: portNumber }], selector },
  };
}

/** A Go map marshals with its keys sorted. */
function sortedMap(map: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  if (!map) return undefined;
  return Object.fromEntries(
    Object.keys(map)
      .sort(compareBytes)
      .map((k) => [k, map[k]!]),
  );
}

/**
 * The Go object kubectl would print for a client-side dry run: its zero values marshal too
 * (`creationTimestamp: null`, `resources: {}`, `status: {}`), fields in struct order.
 */
function podView(pod: Pod): Pod {
  const { name, namespace, labels, annotations } = pod.metadata;
  const c = pod.spec!.containers[0]! as unknown as Record<string, unknown>;
  const order = ['name', 'image', 'command', 'args', 'ports', 'env', 'resources', 'imagePullPolicy'];
  const tail = ['securityContext', 'stdin', 'stdinOnce', 'tty'];
  const container: Record<string, unknown> = {};
  for (const k of [...order, ...tail]) if (c[k] !== undefined) container[k] = c[k];
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      creationTimestamp: null,
      labels: sortedMap(labels),
      ...(annotations ? { annotations: sortedMap(annotations) } : {}),
    },
    spec: { containers: [container], restartPolicy: pod.spec!.restartPolicy, dnsPolicy: 'ClusterFirst' },
    status: {},
  } as unknown as Pod;
}

function serviceView(service: Service): Service {
  const { name, namespace, labels } = service.metadata;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      creationTimestamp: null,
      ...(labels ? { labels: sortedMap(labels) } : {}),
    },
    spec: { ports: service.spec!.ports, selector: sortedMap(service.spec!.selector) },
    status: { loadBalancer: {} },
  } as unknown as Service;
}

/** createGeneratedObject: sent to the API server unless the dry run is the client's. */
function createObject<T extends Pod | Service>(
  ctx: CommandContext,
  obj: T,
  viewOf: (obj: T) => T,
  dryRun: DryRun,
  saveConfig: boolean,
): { object: T; view: T; clientView: boolean } {
  if (dryRun === 'client') {
    // The namespace is set on a client-side object only when -n was given.
    if (!ctx.explicitNamespace) delete obj.metadata.namespace;
    return { object: obj, view: viewOf(obj), clientView: true };
  }
  let toSend = obj;
  if (saveConfig) {
    // The annotation holds the object as sent, whose namespace is in the URL, not the object.
    const sent = { ...obj, metadata: { ...obj.metadata, namespace: undefined } };
    toSend = withLastApplied(viewOf(sent)) as T;
    toSend.metadata.namespace = obj.metadata.namespace;
  }
  const created = ctx.cluster.store.create(toSend, { dryRun: dryRun === 'server' });
  return { object: created, view: created, clientView: false };
}

/** PrintObj with the dry-run note (`pod/web created (dry run)`), or the object itself. */
function printRunObject(
  object: Pod | Service,
  view: Pod | Service,
  clientView: boolean,
  dryRun: DryRun,
  format: OutputFormat,
): string {
  // kubectl prints a typed object's -o json in struct order; kubesim keeps it for its own objects.
  if (format.kind === 'json' && clientView) return `${goJsonIndentOrdered(view)}\n`;
  const shown = clientView ? view : object;
  return printMutation(shown, withDryRun('created', dryRun), format);
}

/** removeCreatedObjects: delete each (not found is fine, no waiting), `pod "web" deleted`. */
function removeCreatedObjects(
  ctx: CommandContext,
  created: ReadonlyArray<Pod | Service>,
  quiet: boolean,
): void {
  for (const obj of created) {
    const kind = obj.kind;
    const namespace = obj.metadata.namespace ?? ctx.namespace;
    if (!ctx.cluster.store.get(kind, namespace, obj.metadata.name)) continue;
    ctx.cluster.store.delete(kind, namespace, obj.metadata.name);
    if (!quiet) ctx.io.out(`${kind.toLowerCase()} ${JSON.stringify(obj.metadata.name)} deleted\n`);
  }
}
