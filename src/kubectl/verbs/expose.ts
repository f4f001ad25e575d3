/**
 * `kubectl expose (-f FILENAME | TYPE NAME) [--port=…] [--target-port=…] [--type=…] [--name=…]`
 * (k8s.io/kubectl/pkg/cmd/expose/expose.go, polymorphichelpers canbeexposed, mapbasedselector,
 * portsforobject, multiprotocolsforobject): a new Service selecting what the object selects (a
 * pod's labels, a workload's matchLabels, a Service's selector), on the object's ports unless
 * --port says otherwise, with the object's labels unless --labels says otherwise.
 * Simplified: --overrides supports the default `merge` type only.
 */
import type { KubeObject, Pod, Service, ServicePort } from '../../api/types.js';
import { clone } from '../../core/clone.js';
import type { CommandContext } from '../context.js';
import { CliError, combineErrors } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { partition, readManifests } from '../manifests.js';
import { parseOutputFormat, printGeneric, writeGeneric } from '../printers/output.js';
import { fetchTargets, type Info, MISSING_RESOURCE, parseResourceArgs } from '../resource-args.js';
import {
  DRY_RUN_FLAG,
  type DryRun,
  dryRunStrategy,
  FILENAME_FLAGS,
  mutationLine,
  rejectUnsupported,
  withDryRun,
} from './common.js';

export const EXPOSE_FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  DRY_RUN_FLAG,
  { name: 'output', short: 'o', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'field-manager', type: 'string', default: 'kubectl-expose' },
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string', default: 'merge' },
  { name: 'save-config', type: 'bool' },
  { name: 'record', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];

/** validation.DNS1035LabelMaxLength */
const DNS1035_LABEL_MAX = 63;

/** What the user asked for and what introspection of the object added (ExposeServiceOptions). */
export interface ExposeOptions {
  name: string;
  defaultName: string;
  selector: string;
  /** --port, or the object's only port. */
  port: string;
  /** The object's ports when it has several and --port is not given. */
  ports: string;
  labels: string;
  externalIP: string;
  loadBalancerIP: string;
  type: string;
  protocol: string;
  /** Port → protocols from the exposed object. */
  protocols: Map<string, string[]>;
  targetPort: string;
  portName: string;
  sessionAffinity: string;
  clusterIP: string;
}

/** canBeExposed: the group kinds kubectl can expose (GroupKind.String() in its error). */
export function canBeExposed(obj: KubeObject): void {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.slice(0, obj.apiVersion.indexOf('/')) : '';
  const core = ['ReplicationController', 'Service', 'Pod'];
  const apps = ['Deployment', 'ReplicaSet'];
  if ((group === '' && core.includes(obj.kind)) || (group === 'apps' && apps.includes(obj.kind))) return;
  throw new CliError(`cannot expose a ${group ? `${obj.kind}.${group}` : obj.kind}`);
}

/** MakeLabels: `k=v,k2=v2`. */
export function makeLabels(labels: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Go's %+v of []LabelSelectorRequirement. */
function requirementsString(
  reqs: ReadonlyArray<{ key: string; operator: string; values?: string[] }>,
): string {
  return `[${reqs.map((r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}

/** mapBasedSelectorForObject */
export function mapBasedSelectorForObject(obj: KubeObject): string {
  const spec = (obj.spec ?? {}) as {
    selector?: Record<string, string> | { matchLabels?: Record<string, string>; matchExpressions?: [] };
  };
  switch (obj.kind) {
    case 'ReplicationController':
      return makeLabels(spec.selector as Record<string, string>);
    case 'Pod':
      if (Object.keys(obj.metadata.labels ?? {}).length === 0) {
        throw new Error('the pod has no labels and cannot be exposed');
      }
      return makeLabels(obj.metadata.labels);
    case 'Service':
      if (!spec.selector) throw new Error('the service has no pod selector set');
      return makeLabels(spec.selector as Record<string, string>);
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = spec.selector as
        | {
            matchLabels?: Record<string, string>;
            matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
          }
        | undefined;
      if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0) {
        throw new Error(`invalid ${obj.kind.toLowerCase()}: no selectors, therefore cannot be exposed`);
      }
      if ((sel.matchExpressions ?? []).length > 0) {
        throw new Error(
          `couldn't convert expressions - "${requirementsString(sel.matchExpressions!)}" to map-based selector format`,
        );
      }
      return makeLabels(sel.matchLabels);
    }
    default:
      throw new Error(`cannot extract pod selector from *v1.${obj.kind}`);
  }
}

function podSpecOf(obj: KubeObject): Pod['spec'] | undefined {
  if (obj.kind === 'Pod') return (obj as Pod).spec;
  return (obj.spec as { template?: { spec?: Pod['spec'] } } | undefined)?.template?.spec;
}

/** portsForObject: the containers' ports (or the Service's), without duplicates, in order. */
export function portsForObject(obj: KubeObject): string[] {
  const out: string[] = [];
  const add = (p: number) => {
    if (!out.includes(String(p))) out.push(String(p));
  };
  if (obj.kind === 'Service') {
    for (const sp of (obj as Service).spec?.ports ?? []) add(sp.port);
    return out;
  }
  for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort);
  return out;
}

/** multiProtocolsForObject: port → its protocols (an empty one is TCP). */
export function protocolsForObject(obj: KubeObject): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    const key = String(port);
    out.set(key, [...(out.get(key) ?? []), protocol || 'TCP']);
  };
  if (obj.kind === 'Service') {
    for (const sp of (obj as Service).spec?.ports ?? []) add(sp.port, sp.protocol);
    return out;
  }
  for (const c of podSpecOf(obj)?.containers ?? [])
    for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return out;
}

/** parseLabels: `k=v,…` into a map, with kubectl's errors. */
export function parseLabels(spec: string): Record<string, string> {
  if (spec === '') throw new CliError('no label spec passed');
  const out: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new CliError(`unexpected label spec: ${item}`);
    if (kv[0] === '') throw new CliError('unexpected empty label key');
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

/** strconv.Atoi with Go's error text. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

/** intstr.Parse: a number when it parses as one, else a name. */
function intOrString(s: string): number | string {
  return /^[+-]?\d+$/.test(s) ? Number(s) : s;
}

/** createService: the Service the options describe (what kubectl sends). */
export function createService(o: ExposeOptions): Service {
  if (o.selector === '') throw new CliError('selector must be specified');
  const selector = parseLabels(o.selector);
  const labels = o.labels !== '' ? parseLabels(o.labels) : undefined;
  const name = o.name || o.defaultName;
  if (name === '') throw new CliError('name must be specified');
  const portString = o.ports !== '' ? o.ports : o.port;
  const ports: ServicePort[] = [];
  if (portString !== '') {
    const list = portString.split(',');
    list.forEach((text, i) => {
      const port = atoi(text);
      // Several ports need names; a single one keeps the (empty) port name.
      const portName = list.length > 1 ? `port-${i + 1}` : o.portName;
      let protocol = o.protocol;
      if (protocol === '' && o.protocols.size === 0) protocol = 'TCP';
      else if (protocol === '' && o.protocols.size > 0) {
        protocol = 'TCP';
        const found = o.protocols.get(text);
        if (found && found.length === 1) protocol = found[0]!;
        else if (found) {
          for (const p of found) {
            ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
          }
          return;
        }
      }
      ports.push({ ...(portName ? { name: portName } : {}), port, protocol });
    });
  }
  const spec: NonNullable<Service['spec']> = { ports, selector };
  const target = o.targetPort;
  for (const p of ports) p.targetPort = target !== '' ? intOrString(target) : p.port;
  if (o.externalIP !== '') spec.externalIPs = [o.externalIP];
  if (o.type !== '') spec.type = o.type;
  if (spec.type === 'LoadBalancer' && o.loadBalancerIP !== '') spec.loadBalancerIP = o.loadBalancerIP;
  if (o.sessionAffinity !== '') {
    if (o.sessionAffinity !== 'None' && o.sessionAffinity !== 'ClientIP') {
      throw new CliError(`unknown session affinity: ${o.sessionAffinity}`);
    }
    spec.sessionAffinity = o.sessionAffinity;
  }
  if (o.clusterIP !== '') spec.clusterIP = o.clusterIP;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec,
  };
}

/** RFC 7386 JSON merge patch (--overrides with --override-type=merge). */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function applyOverrides(service: Service, flags: ParsedFlags): Service {
  const inline = flags.string('overrides');
  if (inline === '') return service;
  const type = flags.string('override-type');
  if (type !== 'merge') throw new CliError(`kubesim does not simulate --override-type=${type}`);
  let patch: unknown;
  try {
    patch = JSON.parse(inline);
  } catch (e) {
    throw new CliError(`unable to parse "${inline}": ${(e as Error).message}`);
  }
  return mergePatch(service, patch) as Service;
}

/** The Go object kubectl prints for --dry-run=client -o yaml (zero values marshal too). */
function clientView(service: Service, ctx: CommandContext): KubeObject {
  const { name, labels } = service.metadata;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      creationTimestamp: null,
      ...(labels ? { labels } : {}),
      name,
      ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}),
    },
    spec: service.spec,
    status: { loadBalancer: {} },
  } as unknown as KubeObject;
}

function exposeTargets(ctx: CommandContext, flags: ParsedFlags): { infos: Info[]; errors: Error[] } {
  const filenames = flags.strings('filename');
  if (filenames.length > 0) {
    if (flags.args.length > 0) {
      throw new CliError(
        'when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well',
      );
    }
    // The builder reads the objects from the files as they are written (no GET).
    const { errors, sendable } = partition(readManifests(ctx, filenames));
    const infos: Info[] = sendable.map((item) => ({
      kind: 'object',
      type: item.type!,
      object: item.object ?? item.raw!,
      source: item.source,
    }));
    return { infos, errors };
  }
  if (flags.args.length === 0) throw new CliError(MISSING_RESOURCE);
  const parsed = parseResourceArgs(flags.args, { allowEmptySelector: false, hasSelector: false });
  return fetchTargets(ctx, parsed.targets, { allNamespaces: false, selector: undefined });
}

export function runExpose(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize']);
  const dryRun: DryRun = dryRunStrategy(flags);
  const output = flags.string('output');
  const format = parseOutputFormat(output);
  const { infos, errors } = exposeTargets(ctx, flags);
  const objects = infos.flatMap((i) => (i.kind === 'list' ? i.objects : [i.object]));
  for (const obj of objects) {
    canBeExposed(obj);
    const o: ExposeOptions = {
      name: flags.string('name'),
      defaultName: obj.metadata.name.slice(0, DNS1035_LABEL_MAX),
      selector: flags.string('selector'),
      port: flags.string('port'),
      ports: '',
      labels: flags.string('labels'),
      externalIP: flags.string('external-ip'),
      loadBalancerIP: flags.string('load-balancer-ip'),
      type: flags.string('type'),
      protocol: flags.string('protocol'),
      protocols: new Map(),
      targetPort: flags.string('target-port'),
      portName: '',
      sessionAffinity: flags.string('session-affinity'),
      clusterIP: flags.string('cluster-ip'),
    };
    if (o.selector === '') {
      try {
        o.selector = mapBasedSelectorForObject(obj);
      } catch (e) {
        throw new CliError(
          `couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`,
        );
      }
    }
    if (o.port === '') {
      const ports = portsForObject(obj);
      if (ports.length === 0 && o.clusterIP !== 'None') {
        throw new CliError("couldn't find port via --port flag or introspection");
      }
      if (ports.length === 1) o.port = ports[0]!;
      else if (ports.length > 1) o.ports = ports.join(',');
    }
    o.protocols = protocolsForObject(obj);
    if (o.labels === '') o.labels = makeLabels(obj.metadata.labels);

    const service = applyOverrides(createService(o), flags);
    let shown: KubeObject = service;
    if (dryRun === 'client') {
      shown = clientView(service, ctx);
    } else {
      const toSend = clone(service);
      toSend.metadata.namespace = ctx.namespace;
      shown = ctx.cluster.store.create(toSend, { dryRun: dryRun === 'server' });
    }
    if (format.kind === 'table' || format.kind === 'name') {
      ctx.io.out(mutationLine(shown, withDryRun('exposed', dryRun), output));
    } else writeGeneric(ctx.io, format, [shown], true);
  }
  const err = combineErrors(errors);
  if (err) throw err;
}
