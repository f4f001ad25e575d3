/**
 * Generates src/api/schema/schema.json: every struct type reachable from the kinds kubesim serves,
 * with its Go type name and, per field, the JSON name, the value type, the Go type as
 * reflect.Type.String() prints it (for json UnmarshalTypeError messages), whether it is required,
 * its description and, for the Go types the API marks `+enum`, the allowed values (for `kubectl
 * explain`). `scalars` holds the descriptions of the types OpenAPI renders as strings or free-form
 * objects (Time, Quantity, …), which explain prints under a field of that type.
 *
 * It reads the kubernetes-types declarations with the TypeScript compiler API. Those say only
 * `number` and `string`, so two tables below add what the Go types know: which numbers are int64,
 * and which strings are named Go types (v1.Protocol, v1.PullPolicy, …). Sources:
 * staging/src/k8s.io/api/{core,apps,discovery}/v1/types.go and apimachinery meta/v1/types.go.
 *
 * Run: npx tsx scripts/gen-schema.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES_DIR = join(ROOT, 'node_modules', 'kubernetes-types');
const OUT = join(ROOT, 'src', 'api', 'schema', 'schema.json');

/** The declaration files we read, by the package name the Go types live in. */
const MODULES = ['core', 'apps', 'discovery', 'meta'] as const;
type Module = (typeof MODULES)[number];

const ROOT_KINDS: Array<[Module, string]> = [
  ['core', 'Namespace'],
  ['core', 'Node'],
  ['core', 'Pod'],
  ['apps', 'ReplicaSet'],
  ['apps', 'Deployment'],
  ['core', 'Service'],
  ['core', 'Endpoints'],
  ['discovery', 'EndpointSlice'],
  ['core', 'Event'],
];

/** Fields whose Go type is int64 (kubernetes-types says `number`; everything else is int32). */
const INT64_FIELDS = new Set([
  'ObjectMeta.generation',
  'ObjectMeta.deletionGracePeriodSeconds',
  'PodSpec.terminationGracePeriodSeconds',
  'PodSpec.activeDeadlineSeconds',
  'Probe.terminationGracePeriodSeconds',
  'SecurityContext.runAsUser',
  'SecurityContext.runAsGroup',
  'PodSecurityContext.runAsUser',
  'PodSecurityContext.runAsGroup',
  'PodSecurityContext.fsGroup',
  'PodSecurityContext.supplementalGroups',
  'Toleration.tolerationSeconds',
  'SleepAction.seconds',
  'ServiceAccountTokenProjection.expirationSeconds',
  'ContainerImage.sizeBytes',
  'DeploymentStatus.observedGeneration',
  'ReplicaSetStatus.observedGeneration',
  'PodStatus.observedGeneration',
  'PodCondition.observedGeneration',
  'Condition.observedGeneration',
  'ContainerUser.uid',
  'ContainerUser.gid',
  'LinuxContainerUser.uid',
  'LinuxContainerUser.gid',
  'LinuxContainerUser.supplementalGroups',
  'VolumeMountStatus.recursiveReadOnly',
]);

/** Fields whose Go type is a named type (reflect prints `v1.Protocol`, not `string`). */
const NAMED_GO_TYPES: Record<string, string> = {
  'Container.imagePullPolicy': 'v1.PullPolicy',
  'Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'Container.restartPolicy': 'v1.ContainerRestartPolicy',
  'EphemeralContainer.imagePullPolicy': 'v1.PullPolicy',
  'EphemeralContainer.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'EphemeralContainer.restartPolicy': 'v1.ContainerRestartPolicy',
  'ContainerPort.protocol': 'v1.Protocol',
  'ServicePort.protocol': 'v1.Protocol',
  'core.EndpointPort.protocol': 'v1.Protocol',
  'discovery.EndpointPort.protocol': 'v1.Protocol',
  'PodSpec.restartPolicy': 'v1.RestartPolicy',
  'PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'PodSpec.preemptionPolicy': 'v1.PreemptionPolicy',
  'PodSpec.overhead': 'v1.ResourceList',
  'Toleration.operator': 'v1.TolerationOperator',
  'Toleration.effect': 'v1.TaintEffect',
  'Taint.effect': 'v1.TaintEffect',
  'ServiceSpec.type': 'v1.ServiceType',
  'ServiceSpec.sessionAffinity': 'v1.ServiceAffinity',
  'ServiceSpec.externalTrafficPolicy': 'v1.ServiceExternalTrafficPolicy',
  'ServiceSpec.internalTrafficPolicy': 'v1.ServiceInternalTrafficPolicy',
  'ServiceSpec.ipFamilies': '[]v1.IPFamily',
  'ServiceSpec.ipFamilyPolicy': 'v1.IPFamilyPolicy',
  'HTTPGetAction.scheme': 'v1.URIScheme',
  'DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'ObjectMeta.uid': 'types.UID',
  'OwnerReference.uid': 'types.UID',
  'ObjectReference.uid': 'types.UID',
  'ResourceRequirements.limits': 'v1.ResourceList',
  'ResourceRequirements.requests': 'v1.ResourceList',
  'LabelSelectorRequirement.operator': 'v1.LabelSelectorOperator',
  'EndpointSlice.addressType': 'v1.AddressType',
  'NamespaceSpec.finalizers': '[]v1.FinalizerName',
  'NamespaceStatus.phase': 'v1.NamespacePhase',
  'PodStatus.phase': 'v1.PodPhase',
  'PodStatus.qosClass': 'v1.PodQOSClass',
  'PodCondition.type': 'v1.PodConditionType',
  'PodCondition.status': 'v1.ConditionStatus',
  'NodeCondition.type': 'v1.NodeConditionType',
  'NodeCondition.status': 'v1.ConditionStatus',
  'NodeStatus.phase': 'v1.NodePhase',
  'NodeStatus.capacity': 'v1.ResourceList',
  'NodeStatus.allocatable': 'v1.ResourceList',
  'NodeAddress.type': 'v1.NodeAddressType',
  'DeploymentCondition.type': 'v1.DeploymentConditionType',
  'DeploymentCondition.status': 'v1.ConditionStatus',
  'ReplicaSetCondition.type': 'v1.ReplicaSetConditionType',
  'ReplicaSetCondition.status': 'v1.ConditionStatus',
  'NamespaceCondition.type': 'v1.NamespaceConditionType',
  'NamespaceCondition.status': 'v1.ConditionStatus',
  'Capabilities.add': '[]v1.Capability',
  'Capabilities.drop': '[]v1.Capability',
  'PodDNSConfigOption.name': 'string',
  'TopologySpreadConstraint.whenUnsatisfiable': 'v1.UnsatisfiableConstraintAction',
  'NodeSelectorRequirement.operator': 'v1.NodeSelectorOperator',
  'NodeSelectorTerm.matchExpressions': '[]v1.NodeSelectorRequirement',
};

/**
 * The values of the string types that staging/src/k8s.io/api marks `// +enum` (OpenAPI v3 lists
 * them as `enum`, sorted, and `kubectl explain` prints them). kubernetes-types drops them, so they
 * are copied here from the types' Go constants (core/v1/types.go, apps/v1/types.go,
 * discovery/v1/types.go). Only types whose `+enum` marker is known are listed: a type left out
 * prints no enum line, a wrong one would print a false one.
 */
const ENUM_VALUES: Record<string, readonly string[]> = {
  'v1.AddressType': ['FQDN', 'IPv4', 'IPv6'],
  'v1.AppArmorProfileType': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'v1.AzureDataDiskCachingMode': ['None', 'ReadOnly', 'ReadWrite'],
  'v1.AzureDataDiskKind': ['Dedicated', 'Managed', 'Shared'],
  'v1.DNSPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'v1.DeploymentStrategyType': ['Recreate', 'RollingUpdate'],
  'v1.HostPathType': [
    '',
    'BlockDevice',
    'CharDevice',
    'Directory',
    'DirectoryOrCreate',
    'File',
    'FileOrCreate',
    'Socket',
  ],
  'v1.IPFamilyPolicy': ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  'v1.MountPropagationMode': ['Bidirectional', 'HostToContainer', 'None'],
  'v1.NamespacePhase': ['Active', 'Terminating'],
  'v1.NodeInclusionPolicy': ['Honor', 'Ignore'],
  'v1.NodePhase': ['Pending', 'Running', 'Terminated'],
  'v1.NodeSelectorOperator': ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  'v1.PersistentVolumeMode': ['Block', 'Filesystem'],
  'v1.PodFSGroupChangePolicy': ['Always', 'OnRootMismatch'],
  'v1.PodPhase': ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
  'v1.PodQOSClass': ['BestEffort', 'Burstable', 'Guaranteed'],
  'v1.PreemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'v1.ProcMountType': ['Default', 'Unmasked'],
  'v1.Protocol': ['SCTP', 'TCP', 'UDP'],
  'v1.PullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'v1.RestartPolicy': ['Always', 'Never', 'OnFailure'],
  'v1.SeccompProfileType': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'v1.ServiceAffinity': ['ClientIP', 'None'],
  'v1.ServiceExternalTrafficPolicy': ['Cluster', 'Local'],
  'v1.ServiceInternalTrafficPolicy': ['Cluster', 'Local'],
  'v1.ServiceType': ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  'v1.TaintEffect': ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  'v1.TerminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'v1.TolerationOperator': ['Equal', 'Exists'],
  'v1.URIScheme': ['HTTP', 'HTTPS'],
  'v1.UnsatisfiableConstraintAction': ['DoNotSchedule', 'ScheduleAnyway'],
};

/** Enum-typed fields that NAMED_GO_TYPES does not name (their Go type, for ENUM_VALUES). */
const ENUM_FIELDS: Record<string, string> = {
  'AppArmorProfile.type': 'v1.AppArmorProfileType',
  'AzureDiskVolumeSource.cachingMode': 'v1.AzureDataDiskCachingMode',
  'AzureDiskVolumeSource.kind': 'v1.AzureDataDiskKind',
  'HostPathVolumeSource.type': 'v1.HostPathType',
  'PersistentVolumeClaimSpec.volumeMode': 'v1.PersistentVolumeMode',
  'PodSecurityContext.fsGroupChangePolicy': 'v1.PodFSGroupChangePolicy',
  'PortStatus.protocol': 'v1.Protocol',
  'SeccompProfile.type': 'v1.SeccompProfileType',
  'SecurityContext.procMount': 'v1.ProcMountType',
  'TopologySpreadConstraint.nodeAffinityPolicy': 'v1.NodeInclusionPolicy',
  'TopologySpreadConstraint.nodeTaintsPolicy': 'v1.NodeInclusionPolicy',
  'VolumeMount.mountPropagation': 'v1.MountPropagationMode',
};

/** The types OpenAPI shows as a string or a free-form object, by the name explain prints. */
const SCALARS: Array<[Module | 'api', string]> = [
  ['meta', 'Time'],
  ['meta', 'MicroTime'],
  ['meta', 'FieldsV1'],
  ['api', 'Quantity'],
];

/** One field of a struct, as the decoder and `kubectl explain` need it. */
export interface SchemaField {
  /** string, boolean, int32, int64, number, Quantity, IntOrString, Time, object, ref:ID, array:T, map:T */
  type: string;
  /** reflect.Type.String() of the field's Go type, pointers removed. */
  go: string;
  required?: true;
  description?: string;
  /** The allowed values of an enum-typed string field, sorted. */
  enum?: readonly string[];
}

export interface SchemaType {
  /** The Go struct name (reflect.Type.Name()). */
  go: string;
  description?: string;
  fields: Record<string, SchemaField>;
}

const program = ts.createProgram(
  [...MODULES.map((m) => join(TYPES_DIR, m, 'v1.d.ts')), join(TYPES_DIR, 'api', 'resource.d.ts')],
  { noEmit: true, skipLibCheck: true },
);
const checker = program.getTypeChecker();

/** Interfaces and aliases by module and name. */
const declarations = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
function moduleOf(file: ts.SourceFile): string {
  const rel = file.fileName.slice(TYPES_DIR.length + 1);
  return rel.split('/')[0]!.replace(/\.d\.ts$/, '');
}
for (const file of program.getSourceFiles()) {
  if (!file.fileName.startsWith(TYPES_DIR)) continue;
  const mod = moduleOf(file);
  for (const stmt of file.statements) {
    if (ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) {
      declarations.set(`${mod}.${stmt.name.text}`, stmt);
    }
  }
}

/** Go's name of the package a module's types live in, as reflect prints it. */
const GO_PACKAGE: Record<string, string> = { core: 'v1', apps: 'v1', discovery: 'v1', meta: 'v1' };

function docOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node);
  const text = docs
    .map((d) => (ts.isJSDoc(d) ? ts.getTextOfJSDocComment(d.comment) : undefined))
    .filter(Boolean)
    .join('\n');
  return text || undefined;
}

/** The module a type reference in `from` resolves to (following the imports). */
function resolveReference(ref: ts.TypeReferenceNode): { mod: string; name: string } {
  const symbol = checker.getSymbolAtLocation(ref.typeName);
  const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const decl = target?.declarations?.[0];
  if (!decl) throw new Error(`cannot resolve ${ref.getText()}`);
  return { mod: moduleOf(decl.getSourceFile()), name: target!.name };
}

const types: Record<string, SchemaType> = {};
const queue: string[] = [];

function enqueue(id: string): void {
  if (!types[id] && !queue.includes(id)) queue.push(id);
}

interface Described {
  type: string;
  go: string;
}

function describe(node: ts.TypeNode, owner: string, field: string): Described {
  const key = `${owner}.${field}`;
  if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string', go: 'string' };
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean', go: 'bool' };
  if (node.kind === ts.SyntaxKind.NumberKeyword) {
    return INT64_FIELDS.has(key) ? { type: 'int64', go: 'int64' } : { type: 'int32', go: 'int32' };
  }
  if (ts.isLiteralTypeNode(node)) return { type: 'string', go: 'string' };
  if (ts.isUnionTypeNode(node)) {
    const kinds = node.types.map((t) => t.kind).sort();
    if (kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword)) {
      return { type: 'IntOrString', go: 'intstr.IntOrString' };
    }
    throw new Error(`unsupported union at ${key}`);
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Array') {
      const inner = describe(node.typeArguments![0]!, owner, field);
      return { type: `array:${inner.type}`, go: `[]${inner.go}` };
    }
    const { mod, name: target } = resolveReference(node);
    if (target === 'Quantity') return { type: 'Quantity', go: 'resource.Quantity' };
    if (target === 'Time' || target === 'MicroTime') return { type: 'Time', go: `v1.${target}` };
    if (target === 'RawExtension' || target === 'FieldsV1') return { type: 'object', go: `v1.${target}` };
    const decl = declarations.get(`${mod}.${target}`);
    if (!decl) throw new Error(`no declaration for ${mod}.${target} at ${key}`);
    if (ts.isTypeAliasDeclaration(decl)) return describe(decl.type, owner, field);
    const id = `${mod}.${target}`;
    enqueue(id);
    return { type: `ref:${id}`, go: `${GO_PACKAGE[mod]}.${target}` };
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (!index) throw new Error(`unsupported type literal at ${key}`);
    const inner = describe(index.type, owner, field);
    return { type: `map:${inner.type}`, go: `map[string]${inner.go}` };
  }
  throw new Error(`unsupported type ${ts.SyntaxKind[node.kind]} at ${key}`);
}

function build(id: string): void {
  const decl = declarations.get(id);
  if (!decl || !ts.isInterfaceDeclaration(decl)) throw new Error(`${id} is not an interface`);
  const [mod, name] = id.split('.') as [string, string];
  const type: SchemaType = { go: name, fields: {} };
  const description = docOf(decl);
  if (description) type.description = description;
  const members = [...decl.members].sort((a, b) => a.name!.getText().localeCompare(b.name!.getText()));
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const fieldName = member.name.getText().replace(/^"|"$/g, '');
    const described = describe(member.type, name, fieldName);
    const named = NAMED_GO_TYPES[`${mod}.${name}.${fieldName}`] ?? NAMED_GO_TYPES[`${name}.${fieldName}`];
    const field: SchemaField = { type: described.type, go: named ?? described.go };
    if (!member.questionToken) field.required = true;
    const doc = docOf(member);
    if (doc) field.description = doc;
    const values = ENUM_VALUES[named ?? ENUM_FIELDS[`${name}.${fieldName}`] ?? ''];
    if (values && field.type === 'string') field.enum = values;
    type.fields[fieldName] = field;
  }
  types[id] = type;
}

for (const [mod, kind] of ROOT_KINDS) enqueue(`${mod}.${kind}`);
while (queue.length > 0) build(queue.shift()!);

const roots = Object.fromEntries(ROOT_KINDS.map(([mod, kind]) => [kind, `${mod}.${kind}`]));
const scalars = Object.fromEntries(
  SCALARS.map(([mod, name]) => {
    const decl = declarations.get(`${mod}.${name}`);
    const description = decl && docOf(decl);
    if (!description) throw new Error(`no description for ${mod}.${name}`);
    return [name, { description }];
  }),
);
const sorted = Object.fromEntries(Object.entries(types).sort(([a], [b]) => (a < b ? -1 : 1)));
mkdirSync(dirname(OUT), { recursive: true });
// One type a line: small, yet diffs stay readable.
const lines = Object.entries(sorted).map(([id, t]) => `${JSON.stringify(id)}:${JSON.stringify(t)}`);
writeFileSync(
  OUT,
  `{"roots":${JSON.stringify(roots)},\n"scalars":${JSON.stringify(scalars)},\n"types":{\n${lines.join(',\n')}\n}}\n`,
);
console.log(`wrote ${Object.keys(types).length} types to ${OUT}`);
