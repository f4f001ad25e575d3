/**
 * `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT …` (k8s.io/kubectl/pkg/cmd/portforward):
 * picks one pod (a pod by name, or the most active pod a workload's or Service's selector
 * matches), turns Service ports into the pod's target ports and named ports into numbers, checks
 * the pod is Running, and starts forwarding. A real kubectl then keeps running; kubesim's
 * returns after printing `Forwarding from …` and the session stays open in the cluster's network
 * (cluster.network.forwards) until the pod goes away. Requests to localhost:LOCAL reach the pod.
 * Simplified: when no pod matches yet, kubectl waits up to --pod-running-timeout for one; kubesim
 * lets simulated time pass meanwhile and then uses the pod that appeared (kubectl v1.33 would
 * crash on its empty list at that point).
 */
import type { KubeObject, Pod, Service } from '../../api/types.js';
import { notFound } from '../../core/errors.js';
import { firstActivePod, selectorForObject } from '../../network/attachable-pod.js';
import type { CommandContext } from '../context.js';
import { CliError, usageError } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { fetchObject } from './container-target.js';

export const PORT_FORWARD_FLAGS: readonly FlagSpec[] = [
  { name: 'address', type: 'strings', default: ['localhost'] },
  { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
];

const COMMAND = 'kubectl port-forward';

/** strconv.Atoi: an optional sign and decimal digits. */
function atoi(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** splitPort: `[LOCAL:]REMOTE` → [local, remote] (anything but two parts counts as one). */
export function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  if (parts.length === 2) return [parts[0]!, parts[1]!];
  return [parts[0]!, parts[0]!];
}

/** util.LookupContainerPortNumberByName: containers first, then init containers. */
export function containerPortByName(pod: Pod, name: string): number {
  for (const list of [pod.spec?.containers ?? [], pod.spec?.initContainers ?? []]) {
    for (const c of list) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  }
  throw new CliError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

/** util.LookupServicePortNumberByName */
export function servicePortByName(svc: Service, name: string): number {
  for (const sp of svc.spec?.ports ?? []) if (sp.name === name) return sp.port;
  throw new CliError(`Service '${svc.metadata.name}' does not have a named port '${name}'`);
}

/**
 * util.LookupContainerPortNumberByServicePort: a headless Service's port is used as it is;
 * otherwise the Service port's targetPort (the port itself when unset), a named one resolved
 * against the pod.
 */
export function containerPortForServicePort(svc: Service, pod: Pod, port: number): number {
  if (svc.spec?.clusterIP === 'None') return port;
  for (const sp of svc.spec?.ports ?? []) {
    if (sp.port !== port) continue;
    const target = sp.targetPort;
    if (typeof target === 'string') return containerPortByName(pod, target);
    return target === undefined || target === 0 ? sp.port : target;
  }
  throw new CliError(`Service ${svc.metadata.name} does not have a service port ${port}`);
}

/** translateServicePortToTargetPort: Service ports (numbers or names) to the pod's ports. */
export function translateServicePortToTargetPort(ports: readonly string[], svc: Service, pod: Pod): string[] {
  return ports.map((port) => {
    let [local, remote] = splitPort(port);
    let portnum = atoi(remote);
    if (portnum === undefined) {
      portnum = servicePortByName(svc, remote);
      if (local === remote) local = String(portnum);
    }
    remote = String(containerPortForServicePort(svc, pod, portnum));
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

/** convertPodNamedPortToNumber: named container ports to numbers. */
export function convertPodNamedPortToNumber(ports: readonly string[], pod: Pod): string[] {
  return ports.map((port) => {
    const [local, remote] = splitPort(port);
    if (remote === '') throw new CliError('remote port cannot be empty');
    const number = atoi(remote) === undefined ? String(containerPortByName(pod, remote)) : remote;
    return local !== remote ? `${local}:${number}` : number;
  });
}

/** checkUDPPorts: a port that is UDP only cannot be forwarded. */
function checkUDPPorts(udpOnly: ReadonlySet<number>, ports: readonly string[], obj: Pod | Service): void {
  for (const port of ports) {
    const remote = splitPort(port)[1];
    let num = atoi(remote);
    if (num === undefined) {
      num =
        obj.kind === 'Service'
          ? servicePortByName(obj as Service, remote)
          : containerPortByName(obj as Pod, remote);
    }
    if (udpOnly.has(num)) throw new CliError(`UDP protocol is not supported for ${remote}`);
  }
}

function udpOnly(list: ReadonlyArray<{ port: number; protocol?: string }>): Set<number> {
  const udp = new Set<number>();
  const tcp = new Set<number>();
  for (const { port, protocol } of list) {
    if (protocol === 'UDP') udp.add(port);
    else if (protocol === 'TCP') tcp.add(port);
  }
  return new Set([...udp].filter((p) => !tcp.has(p)));
}

export function checkUDPPortInService(ports: readonly string[], svc: Service): void {
  const list = (svc.spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol }));
  checkUDPPorts(udpOnly(list), ports, svc);
}

export function checkUDPPortInPod(ports: readonly string[], pod: Pod): void {
  const list = (pod.spec?.containers ?? []).flatMap((c) =>
    (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol })),
  );
  checkUDPPorts(udpOnly(list), ports, pod);
}

/** AttachablePodForObject: the pod itself, or GetFirstPod over the object's selector. */
function attachablePod(ctx: CommandContext, obj: KubeObject, timeoutMs: number): Pod {
  if (obj.kind === 'Pod') return obj as Pod;
  const selector = selectorForObject(obj);
  const namespace = obj.metadata.namespace ?? ctx.namespace;
  const { store } = ctx.cluster;
  const list = () => store.list('Pod', namespace, selector);
  let pods = list();
  if (pods.length === 0) {
    // GetPodList watches until a matching pod is added or modified.
    if (!ctx.cluster.advanceUntil(() => list().length > 0, timeoutMs)) {
      throw new CliError('timed out waiting for the condition');
    }
    pods = list();
  }
  return firstActivePod(pods)!;
}

export function runPortForward(ctx: CommandContext, flags: ParsedFlags): void {
  const args = flags.args;
  if (args.length < 2) throw usageError(COMMAND, 'TYPE/NAME and list of ports are required for port-forward');
  const timeout = flags.duration('pod-running-timeout');
  if (timeout <= 0) throw usageError(COMMAND, '--pod-running-timeout must be higher than zero');
  const network = ctx.cluster.network;
  if (!network) throw new CliError('kubesim: this cluster has no simulated network');

  const obj = fetchObject(ctx, args[0]!);
  const chosen = attachablePod(ctx, obj, timeout);
  let ports: string[];
  if (obj.kind === 'Service') {
    checkUDPPortInService(args.slice(1), obj as Service);
    ports = translateServicePortToTargetPort(args.slice(1), obj as Service, chosen);
  } else {
    checkUDPPortInPod(args.slice(1), chosen);
    ports = convertPodNamedPortToNumber(args.slice(1), chosen);
  }

  // RunPortForward reads the pod again and needs it Running.
  const namespace = chosen.metadata.namespace ?? ctx.namespace;
  const pod = ctx.cluster.store.get('Pod', namespace, chosen.metadata.name);
  if (!pod) throw notFound('pods', chosen.metadata.name);
  const phase = pod.status?.phase ?? '';
  if (phase !== 'Running') {
    throw new CliError(`unable to forward port because pod is not running. Current status=${phase}`);
  }
  const result = network.forwards.open(
    { namespace, pod: pod.metadata.name, uid: pod.metadata.uid ?? '' },
    flags.strings('address'),
    ports,
  );
  ctx.io.out(result.stdout);
  ctx.io.err(result.stderr);
  if (result.error) throw new CliError(result.error);
}
