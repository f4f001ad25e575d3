/**
 * The environment the kubelet gives a container (pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables): `envFrom` first, then `env` in order, each literal value expanded
 * against the variables before it and the Service variables (`$(VAR)`, expansion.ts), each
 * `valueFrom` resolved (fieldRef, resourceFieldRef; kubesim has no ConfigMaps or Secrets, so a
 * reference to one fails the start unless it is optional), then the Service variables no `env`
 * entry overrides. The kubelet builds maps, so a real container sees these in Go's random map
 * order; kubesim keeps declaration order, then the Service variables as serviceEnv lists them.
 */
import { podMetadataField } from '../../api/fieldpath.js';
import type { Container, Pod } from '../../api/types.js';

type EnvVar = NonNullable<Container['env']>[number];

import { Quantity } from '../../core/quantity.js';
import { expand, mappingFuncFor } from './expansion.js';

/** What the environment is computed from, besides the container. */
export interface EnvSources {
  readonly pod: Pod;
  /** The pod's IPs (the sandbox's), primary first. */
  readonly podIPs: readonly string[];
  readonly hostIP: string;
  /** The Service variables for the pod (src/network/service-env.ts serviceEnvForPod). */
  readonly services: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  /** The node's allocatable CPU (millicores) and memory (bytes): the default for unset limits. */
  readonly allocatable: { readonly cpuMilli: number; readonly memoryBytes: number };
}

export type EnvResult =
  | { readonly ok: true; readonly env: Array<[string, string]> }
  /** The container cannot be created: Waiting with reason CreateContainerConfigError. */
  | { readonly ok: false; readonly message: string };

export function containerEnvironment(container: Container, sources: EnvSources): EnvResult {
  const serviceEnv = new Map<string, string>();
  for (const v of sources.services) serviceEnv.set(v.name, v.value);
  const tmpEnv = new Map<string, string>();

  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    if (ref.optional) continue;
    return {
      ok: false,
      message: `${from.configMapRef ? 'configmap' : 'secret'} "${ref.name ?? ''}" not found`,
    };
  }

  const mapping = mappingFuncFor(tmpEnv, serviceEnv);
  for (const envVar of container.env ?? []) {
    let value = envVar.value ?? '';
    if (value !== '') {
      value = expand(value, mapping);
    } else if (envVar.valueFrom) {
      const resolved = valueFrom(envVar, container, sources);
      if (resolved === undefined) continue;
      if (typeof resolved !== 'string') return resolved;
      value = resolved;
    }
    tmpEnv.set(envVar.name, value);
  }

  const env: Array<[string, string]> = [...tmpEnv];
  for (const [name, value] of serviceEnv) if (!tmpEnv.has(name)) env.push([name, value]);
  return { ok: true, env };
}

/** A valueFrom's value; undefined for an optional reference that is missing (the variable is skipped). */
function valueFrom(
  envVar: EnvVar,
  container: Container,
  sources: EnvSources,
): string | undefined | { ok: false; message: string } {
  const from = envVar.valueFrom!;
  if (from.fieldRef) {
    const value = fieldRefValue(from.fieldRef.fieldPath, sources);
    return value ?? { ok: false, message: `unsupported fieldPath: ${from.fieldRef.fieldPath}` };
  }
  if (from.resourceFieldRef) {
    const target = from.resourceFieldRef.containerName
      ? (sources.pod.spec?.containers ?? []).find((c) => c.name === from.resourceFieldRef!.containerName)
      : container;
    if (!target) return { ok: false, message: `container ${from.resourceFieldRef.containerName} not found` };
    return resourceFieldValue(from.resourceFieldRef.resource, from.resourceFieldRef.divisor, target, sources);
  }
  const ref = from.configMapKeyRef ?? from.secretKeyRef;
  if (ref) {
    if (ref.optional) return undefined;
    return {
      ok: false,
      message: `${from.configMapKeyRef ? 'configmap' : 'secret'} "${ref.name ?? ''}" not found`,
    };
  }
  return '';
}

/**
 * podFieldSelectorRuntimeValue and fieldpath.ExtractFieldPathAsString: the downward API's pod
 * fields. undefined for a path the API server would not have accepted.
 */
export function fieldRefValue(fieldPath: string, sources: EnvSources): string | undefined {
  const { pod } = sources;
  switch (fieldPath) {
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
      return sources.hostIP;
    case 'status.hostIPs':
      return sources.hostIP;
    case 'status.podIP':
      return sources.podIPs[0] ?? '';
    case 'status.podIPs':
      return sources.podIPs.join(',');
  }
  return podMetadataField(pod, fieldPath);
}

/**
 * resource.ExtractContainerResourceValue with the kubelet's defaulting of unset limits to the
 * node's allocatable: CPU rounds up to whole divisors (default 1 core), memory likewise (default
 * 1 byte).
 */
export function resourceFieldValue(
  resource: string,
  divisor: string | number | undefined,
  container: Container,
  sources: EnvSources,
): string | { ok: false; message: string } {
  const [kind, name] = resource.split('.') as [string, string | undefined];
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
  const raw = name ? list?.[name] : undefined;
  const div = Quantity.parse(String(divisor ?? '1'));
  if (name === 'cpu') {
    const milli =
      raw !== undefined
        ? Quantity.parse(String(raw)).milli
        : kind === 'limits'
          ? sources.allocatable.cpuMilli
          : 0;
    return String(Math.ceil(milli / Math.max(1, div.milli)));
  }
  if (name === 'memory' || name === 'ephemeral-storage') {
    const bytes =
      raw !== undefined
        ? Quantity.parse(String(raw)).value
        : kind === 'limits' && name === 'memory'
          ? sources.allocatable.memoryBytes
          : 0;
    return String(Math.ceil(bytes / Math.max(1, div.value)));
  }
  return { ok: false, message: `unsupported container resource: ${resource}` };
}
