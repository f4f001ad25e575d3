/**
 * The per-container block of pods and pod templates (describe.go describeContainers): ids,
 * image, ports, command and args, state and last state, readiness, restarts, limits and requests,
 * probes (DescribeProbe), environment and mounts.
 */
import type { Container, ContainerState, ContainerStatus, Pod, Probe } from '../../api/types.js';
import { Quantity } from '../../core/quantity.js';
import { intOrString, printBool, stringOrNone } from './format.js';
import { goSort } from './go-sort.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer.js';

type EnvVar = NonNullable<Container['env']>[number];

/** How a `fieldRef` env var is resolved for display (EnvValueRetriever); none for templates. */
export type EnvResolver = (e: EnvVar) => string;

/**
 * EnvValueRetriever: kubectl converts the field path with client-go's scheme, which knows no
 * pod field labels beyond metadata.name and metadata.namespace, so every other path shows empty.
 */
export function envValueRetriever(pod: Pod): EnvResolver {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath;
    if (path === 'metadata.name') return pod.metadata.name;
    if (path === 'metadata.namespace') return pod.metadata.namespace ?? '';
    return '';
  };
}

export function describeContainers(
  label: string,
  containers: readonly Container[] | undefined,
  statuses: readonly ContainerStatus[] | undefined,
  resolver: EnvResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers && containers.length > 0 ? '' : ' <none>'}\n`);
  for (const container of containers ?? []) {
    const status = byName.get(container.name);
    describeContainerBasicInfo(container, status, space, w);
    describeContainerCommand(container, w);
    if (status) describeContainerState(status, w);
    describeResources(container.resources, w, LEVEL_2);
    describeContainerProbe(container, w);
    if (container.envFrom && container.envFrom.length > 0) describeContainerEnvFrom(container, w);
    describeContainerEnvVars(container, resolver, w);
    describeContainerVolumes(container, w);
  }
}

function describeContainerBasicInfo(
  c: Container,
  status: ContainerStatus | undefined,
  space: string,
  w: PrefixWriter,
): void {
  const nameIndent = space.length > 0 ? ' ' : '';
  w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ');
  if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`);
  else w.write(LEVEL_2, `Port:\t${stringOrNone(ports)}\n`);
  const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
  if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPorts)}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost')
      w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function describeContainerCommand(c: Container, w: PrefixWriter): void {
  if (c.command && c.command.length > 0) {
    w.write(LEVEL_2, 'Command:\n');
    for (const part of c.command) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
  if (c.args && c.args.length > 0) {
    w.write(LEVEL_2, 'Args:\n');
    for (const arg of c.args) for (const line of arg.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** describeResources: `Limits:` and `Requests:` with each resource's canonical quantity. */
export function describeResources(
  resources: Container['resources'] | undefined,
  w: PrefixWriter,
  level: number,
): void {
  if (!resources) return;
  for (const [title, list] of [
    ['Limits', resources.limits],
    ['Requests', resources.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort(byString);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) {
      w.write(level + 1, `${name}:\t${Quantity.parse(String(list![name])).toString()}\n`);
    }
  }
}

function describeContainerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state, w);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function describeContainerProbe(c: Container, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

/** DescribeProbe: `http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s ` +
    `#success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const port = intOrString(h.port as number | string | undefined);
    const host = port.length > 0 ? joinHostPort(h.host ?? '', port) : (h.host ?? '');
    return `http-get ${urlString((h.scheme ?? '').toLowerCase(), host, h.path ?? '')} ${attrs}`;
  }
  if (p.tcpSocket) {
    return `tcp-socket ${p.tcpSocket.host ?? ''}:${intOrString(p.tcpSocket.port as number | string)} ${attrs}`;
  }
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** net.JoinHostPort: brackets around an IPv6 host. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** url.URL{Scheme, Host, Path}.String() for the parts DescribeProbe sets. */
function urlString(scheme: string, host: string, path: string): string {
  let out = '';
  if (scheme) out += `${scheme}:`;
  if ((scheme || host) && (host || path)) out += `//${host}`;
  if (path && !path.startsWith('/') && host) out += '/';
  return out + escapePath(path);
}

/** url's escape(s, encodePath): unreserved characters and `$&+,/:;=@` stay, the rest become %XX. */
function escapePath(path: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(path)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c)) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function describeContainerEnvFrom(c: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom ?? []) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeContainerEnvVars(c: Container, resolver: EnvResolver | undefined, w: PrefixWriter): void {
  const env = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((s, i) => {
        w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
      });
      continue;
    }
    const from = e.valueFrom;
    if (from.fieldRef) {
      const value = resolver ? resolver(e) : '';
      w.write(
        LEVEL_3,
        `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`,
      );
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let value = containerResourceValue(resource, from.resourceFieldRef.divisor, c);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory'))
        value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${ref.key}' in secret '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}\n`,
      );
    } else if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${ref.key}' of config map '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}\n`,
      );
    }
  }
}

/** ExtractContainerResourceValue: the resource divided by the divisor, rounded up; `` if unsupported. */
function containerResourceValue(resource: string, divisorRaw: unknown, c: Container): string {
  const divisor =
    divisorRaw === undefined || divisorRaw === null ? undefined : Quantity.parse(String(divisorRaw));
  const one = divisor && !divisor.isZero() ? divisor : Quantity.parse('1');
  const [part, name] = resource.split('.', 2) as [string, string | undefined];
  const list =
    part === 'limits' ? c.resources?.limits : part === 'requests' ? c.resources?.requests : undefined;
  if (!name || (part !== 'limits' && part !== 'requests')) return '';
  if (!['cpu', 'memory', 'ephemeral-storage'].includes(name) && !name.startsWith('hugepages-')) return '';
  const raw = list?.[name];
  const q = raw === undefined ? Quantity.fromValue(0) : Quantity.parse(String(raw));
  if (name === 'cpu') return String(Math.ceil(q.milli / one.milli));
  return String(Math.ceil(q.value / one.value));
}

function describeContainerVolumes(c: Container, w: PrefixWriter): void {
  const mounts = [...(c.volumeMounts ?? [])];
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  goSort(mounts, (a, b) => a.mountPath < b.mountPath);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...(c.volumeDevices ?? [])];
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    goSort(devices, (a, b) => a.devicePath < b.devicePath);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}
