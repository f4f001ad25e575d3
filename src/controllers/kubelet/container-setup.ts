/**
 * What the kubelet prepares before it creates a container (kuberuntime generateContainerConfig):
 * the environment (container-env.ts), the command and args with `$(VAR)` expanded, the image's
 * behaviour for that invocation, and the container's context: hostname, a new root file system
 * with the pod's volumes mounted, the pod's network namespace. Also what it reads when the
 * container ends: the termination message.
 */
import type { Container, Pod } from '../../api/types.js';
import { Quantity } from '../../core/quantity.js';
import type { ContainerInvocation, ImageBehaviour } from '../../images/behaviour.js';
import type { PulledImage } from '../../images/catalog.js';
import type { ContainerContext, ShellNetwork } from '../../images/container-context.js';
import { imageRootFs } from '../../images/image-fs.js';
import { PortSpace } from '../../images/netns.js';
import type { SimProcess } from '../../images/process.js';
import { Volume } from '../../images/sh/vfs.js';
import { writeVolumeFiles } from '../../images/volume-files.js';
import { serviceEnvForPod } from '../../network/service-env.js';
import type { Store } from '../../store/store.js';
import { containerEnvironment } from './container-env.js';
import { expandCommandAndArgs } from './expansion.js';
import { type PodNetns, podShellNetwork } from './pod-network.js';

/** Pod-level things every container of the pod shares: ports, emptyDir volumes, the network. */
export class PodResources {
  readonly ports = new PortSpace();
  readonly network: ShellNetwork;
  private readonly volumes = new Map<string, Volume>();

  constructor(
    private readonly store: Store,
    readonly netns: PodNetns,
    private readonly now: () => number,
  ) {
    this.network = podShellNetwork(store, netns);
  }

  /**
   * The pod's volume `name`, created on first use (an emptyDir lives as long as the pod); a
   * projected or downwardAPI volume gets its files then (the service account token, ...).
   */
  volume(name: string, pod?: Pod): Volume {
    let v = this.volumes.get(name);
    if (!v) {
      this.volumes.set(name, (v = new Volume(name, this.now)));
      const spec = pod?.spec?.volumes?.find((s) => s.name === name);
      if (pod && spec) writeVolumeFiles(v, spec, { store: this.store, pod, now: this.now() });
    }
    return v;
  }
}

export interface SetupInputs {
  readonly store: Store;
  readonly pod: Pod;
  readonly container: Container;
  readonly image: PulledImage;
  readonly hostIP: string;
  readonly podIP: string | undefined;
  readonly resources: PodResources;
  readonly now: () => number;
  readonly seed: number;
}

export type Prepared =
  | {
      readonly ok: true;
      readonly invocation: ContainerInvocation;
      readonly behaviour: ImageBehaviour;
      readonly context: ContainerContext;
    }
  /** CreateContainerConfigError, with the kubelet's message (`configmap "x" not found`). */
  | { readonly ok: false; readonly message: string };

/**
 * The pod's hostname (GeneratePodHostNameAndDomain): spec.hostname, else the pod name, at most 63
 * characters; a hostNetwork pod has the node's.
 */
export function podHostname(pod: Pod): string {
  if (pod.spec?.hostNetwork && pod.spec.nodeName) return pod.spec.nodeName;
  return (pod.spec?.hostname || pod.metadata.name).slice(0, 63).replace(/[-.]+$/, '');
}

export function prepareContainer(inputs: SetupInputs): Prepared {
  const { store, pod, container, image, resources } = inputs;
  const namespace = pod.metadata.namespace ?? 'default';
  const podIPs = inputs.podIP ? [inputs.podIP] : [];
  const services = [
    ...store.list('Service', namespace),
    ...(namespace === 'default' ? [] : store.list('Service', 'default')),
  ];
  const result = containerEnvironment(container, {
    pod,
    podIPs,
    hostIP: inputs.hostIP,
    services: serviceEnvForPod(pod, services),
    allocatable: nodeAllocatable(store, pod.spec?.nodeName),
  });
  if (!result.ok) return result;
  const env = result.env;
  const expanded = expandCommandAndArgs(container.command, container.args, env);
  const invocation: ContainerInvocation = {
    name: container.name,
    ...expanded,
    env: Object.fromEntries(env),
    ports: (container.ports ?? []).map((p) => ({
      containerPort: p.containerPort,
      protocol: p.protocol ?? 'TCP',
    })),
  };
  const behaviour = image.behaviour(invocation);
  const hostname = podHostname(pod);
  const context: ContainerContext = {
    env,
    hostname,
    ...(container.workingDir ? { workingDir: container.workingDir } : {}),
    fs: () => {
      const fs = imageRootFs(behaviour, {
        hostname,
        namespace,
        podIPs,
        ...(pod.spec?.subdomain ? { subdomain: pod.spec.subdomain } : {}),
        ...(pod.spec?.hostAliases
          ? {
              hostAliases: pod.spec.hostAliases.map((a) => ({
                ip: a.ip ?? '',
                hostnames: a.hostnames ?? [],
              })),
            }
          : {}),
        ...(pod.spec?.hostNetwork ? { hostNetwork: true } : {}),
        now: inputs.now,
      });
      for (const mount of container.volumeMounts ?? []) {
        if (!(pod.spec?.volumes ?? []).some((v) => v.name === mount.name)) continue;
        fs.mount(mount.mountPath, resources.volume(mount.name, pod), {
          ...(mount.readOnly ? { readOnly: true } : {}),
          ...(mount.subPath ? { subPath: mount.subPath } : {}),
        });
      }
      return fs;
    },
    ports: resources.ports,
    network: resources.network,
    ...(container.stdin ? { stdinOpen: true } : {}),
    seed: inputs.seed,
  };
  return { ok: true, invocation, behaviour, context };
}

interface Allocatable {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
}

const NOTHING_ALLOCATABLE: Allocatable = { cpuMilli: 0, memoryBytes: 0 };

/** By stored (frozen) allocatable map: every container start on a node asks for the same one. */
const parsedAllocatable = new WeakMap<object, Allocatable>();

function nodeAllocatable(store: Store, nodeName: string | undefined): Allocatable {
  const allocatable = nodeName ? store.get('Node', undefined, nodeName)?.status?.allocatable : undefined;
  if (!allocatable) return NOTHING_ALLOCATABLE;
  let parsed = parsedAllocatable.get(allocatable);
  if (parsed === undefined) {
    const q = (v: unknown) => (v === undefined ? undefined : Quantity.parse(String(v)));
    parsed = { cpuMilli: q(allocatable.cpu)?.milli ?? 0, memoryBytes: q(allocatable.memory)?.value ?? 0 };
    parsedAllocatable.set(allocatable, parsed);
  }
  return parsed;
}

const MAX_MESSAGE_BYTES = 4096;
const FALLBACK_LINES = 80;
const FALLBACK_BYTES = 2048;

/**
 * The termination message of an ended container (kuberuntime getTerminationMessage): the file
 * at terminationMessagePath (default /dev/termination-log) if the process wrote to it, else, with
 * `FallbackToLogsOnError` and a failed exit, the last 80 lines (at most 2 KiB) of its log.
 */
export function terminationMessage(
  container: Container,
  process: SimProcess,
  exitCode: number,
): string | undefined {
  const path = container.terminationMessagePath || '/dev/termination-log';
  let text = '';
  const fs = process.hasFs ? process.fs() : undefined;
  try {
    if (fs?.isFile(path)) text = fs.readFile(path);
  } catch {
    text = '';
  }
  if (text) return text.slice(0, MAX_MESSAGE_BYTES);
  if (container.terminationMessagePolicy === 'FallbackToLogsOnError' && exitCode !== 0) {
    const lines = process.log.lines().slice(-FALLBACK_LINES);
    let tail = lines.map((l) => `${l.text}\n`).join('');
    if (tail.length > FALLBACK_BYTES) tail = tail.slice(tail.length - FALLBACK_BYTES);
    return tail || undefined;
  }
  return undefined;
}

/** runc's words when a container's command cannot be started (reason StartError, exit 128). */
export function startErrorMessage(detail: string): string {
  return (
    'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: ' +
    `unable to start container process: error during container init: ${detail}: unknown`
  );
}
