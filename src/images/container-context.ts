import type { PortSpace } from './netns.js';
import type { ShellHost } from './sh/host.js';
import type { Vfs } from './sh/vfs.js';

/** The network as a container's processes see it: answers to wget's, nc's and nslookup's requests. */
export type ShellNetwork = Pick<ShellHost, 'http' | 'tcp' | 'dns'>;

/**
 * What the container runtime gives one container instance besides its image: the environment
 * the kubelet computed (service variables and `$(VAR)` expansion done), the pod's hostname, the
 * root file system (built on first use, new for every instance), the pod's network namespace and
 * how the network answers. Shell programs run in it; exec probes and `kubectl exec` too.
 */
export interface ContainerContext {
  /** The container's environment in the kubelet's order (the runtime adds PATH, HOSTNAME, HOME). */
  readonly env: ReadonlyArray<readonly [string, string]>;
  /** The pod's hostname (HOSTNAME, `hostname`). */
  readonly hostname: string;
  /** The container's workingDir. */
  readonly workingDir?: string;
  /** Builds the container's root file system with its volumes mounted; called at most once. */
  readonly fs: () => Vfs;
  /** Ports bound in the pod's network namespace (shared by its containers). */
  readonly ports?: PortSpace;
  /** Answers the network requests of the container's processes. */
  readonly network?: ShellNetwork;
  /** `stdin: true` in the pod spec: reading stdin waits for ever. */
  readonly stdinOpen?: boolean;
  /** Seeds $RANDOM. */
  readonly seed?: number;
}
