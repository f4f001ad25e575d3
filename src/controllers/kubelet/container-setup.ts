/**
 * What the kubelet prepares before it creates a container (kuberuntime generateContainerConfig):
 * the environment (container-env.ts), the command and args with `$(VAR)` expanded, the image's
 * behaviour for that invocation, and the container's context: hostname, a new root file system
 * with the pod's volumes mounted, the pod's network namespace. Also what it reads when the
 * container ends: the termination message.
 */
import type { Container, Pod } from '../../api/types.js';
import { deepFreeze } from '../../core/clone.js';
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

/**
 * generateContainerConfig for one start of a container. What depends only on the pod, the
 * container, the Services and the node (see ContainerConfigCache) comes from `cache` when it is
 * given. The image's behaviour is asked for on every start (an image declared by a library user
 * may answer each start differently), and the context is made for this start (its own seed and
 * root file system).
 */
export function prepareContainer(inputs: SetupInputs, cache?: ContainerConfigCache): Prepared {
  const config = cache
    ? cache.get(inputs)
    : containerConfig(inputs, nodeAllocatable(inputs.store, inputs.pod));
  if (!config.ok) return config;
  const behaviour = inputs.image.behaviour(config.invocation);
  return {
    ok: true,
    invocation: config.invocation,
    behaviour,
    context: containerContext(inputs, config, behaviour),
  };
}

/** The part of a container's config that is the same for each of its starts (see ContainerConfigCache). */
type ContainerConfig =
  | {
      readonly ok: true;
      readonly env: ReadonlyArray<readonly [string, string]>;
      readonly invocation: ContainerInvocation;
      readonly hostname: string;
    }
  | { readonly ok: false; readonly message: string };

/** The environment, the command and args with `$(VAR)` expanded, the hostname. */
function containerConfig(inputs: SetupInputs, allocatable: Allocatable): ContainerConfig {
  const { store, pod, container } = inputs;
  const namespace = pod.metadata.namespace ?? 'default';
  const services = [
    ...store.list('Service', namespace),
    ...(namespace === 'default' ? [] : store.list('Service', 'default')),
  ];
  const result = containerEnvironment(container, {
    pod,
    podIPs: inputs.podIP ? [inputs.podIP] : [],
    hostIP: inputs.hostIP,
    services: serviceEnvForPod(pod, services),
    allocatable,
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
  return { ok: true, env, invocation, hostname: podHostname(pod) };
}

/**
 * The container's context for one start: its environment and hostname, a root file system of
 * its own (built when first used) with the pod's volumes mounted, the pod's ports and network.
 */
function containerContext(
  inputs: SetupInputs,
  config: Extract<ContainerConfig, { ok: true }>,
  behaviour: ImageBehaviour,
): ContainerContext {
  const { pod, container, resources, now } = inputs;
  const { hostname } = config;
  const namespace = pod.metadata.namespace ?? 'default';
  const podIPs = inputs.podIP ? [inputs.podIP] : [];
  // A method, not an arrow property: tsx names every such arrow when it is made (keepNames).
  return {
    env: config.env,
    hostname,
    ...(container.workingDir ? { workingDir: container.workingDir } : {}),
    fs() {
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
        now,
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
}

/**
 * One pod worker's container configs, one per container: a crash-looping container restarts
 * every few minutes for days, and each start would list the Services, build their variables,
 * the environment and the invocation again, to the same result. An entry is used while
 * everything it was computed from is the same: the container and the pod's spec (stored objects
 * are frozen, so the same object has the same content), the pod's name, uid, labels and
 * annotations (the downward API), its IP and the node's, the node's allocatable resources, and
 * the Services (the store's change count of the kind: any Service change, in any namespace,
 * makes the next start compute afresh). A failed config (a missing ConfigMap) is not kept.
 */
export class ContainerConfigCache {
  private readonly entries = new Map<string, { readonly key: ConfigKey; readonly config: ContainerConfig }>();

  get(inputs: SetupInputs): ContainerConfig {
    const allocatable = nodeAllocatable(inputs.store, inputs.pod);
    const key = configKey(inputs, allocatable);
    const entry = this.entries.get(inputs.container.name);
    if (key && entry && sameKey(entry.key, key)) return entry.config;
    const config = containerConfig(inputs, allocatable);
    if (key && config.ok) {
      // Shared by every start from now on: nothing may change it.
      deepFreeze(config.env);
      deepFreeze(config.invocation);
      this.entries.set(inputs.container.name, { key, config });
    } else {
      this.entries.delete(inputs.container.name);
    }
    return config;
  }
}

interface ConfigKey {
  readonly container: object;
  readonly spec: object;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly uid: string | undefined;
  readonly labels: object | undefined;
  readonly annotations: object | undefined;
  readonly podIP: string | undefined;
  readonly hostIP: string;
  readonly allocatable: Allocatable;
  readonly services: number;
}

/** The inputs an entry depends on; undefined (no caching) for a pod that is not a frozen stored one. */
function configKey(inputs: SetupInputs, allocatable: Allocatable): ConfigKey | undefined {
  const { pod, container } = inputs;
  const meta = pod.metadata;
  if (!pod.spec || !Object.isFrozen(pod.spec) || !Object.isFrozen(container) || !Object.isFrozen(meta)) {
    return undefined;
  }
  return {
    container,
    spec: pod.spec,
    name: meta.name,
    namespace: meta.namespace,
    uid: meta.uid,
    labels: meta.labels,
    annotations: meta.annotations,
    podIP: inputs.podIP,
    hostIP: inputs.hostIP,
    allocatable,
    services: inputs.store.changesOf('Service'),
  };
}

function sameKey(a: ConfigKey, b: ConfigKey): boolean {
  return (
    a.container === b.container &&
    a.spec === b.spec &&
    a.name === b.name &&
    a.namespace === b.namespace &&
    a.uid === b.uid &&
    a.labels === b.labels &&
    a.annotations === b.annotations &&
    a.podIP === b.podIP &&
    a.hostIP === b.hostIP &&
    a.allocatable === b.allocatable &&
    a.services === b.services
  );
}

interface Allocatable {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
}

const NOTHING_ALLOCATABLE: Allocatable = { cpuMilli: 0, memoryBytes: 0 };

/** By stored (frozen) allocatable map: every container start on a node asks for the same one. */
const parsedAllocatable = new WeakMap<object, Allocatable>();

function nodeAllocatable(store: Store, pod: Pod): Allocatable {
  const nodeName = pod.spec?.nodeName;
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
