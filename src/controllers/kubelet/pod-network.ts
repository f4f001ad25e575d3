import type { ShellNetwork } from '../../images/container-context.js';
import { shellNetworkFor } from '../../images/container-network.js';
import type { SimProcess } from '../../images/process.js';
import type { DnsAnswer, HttpAnswer, HttpRequest, TcpAnswer, TcpRequest } from '../../images/sh/effects.js';

/** What a pod's own network namespace holds: its IP and the processes listening in it. */
export interface PodNetns {
  readonly namespace: string;
  readonly name: string;
  readonly hostname: string;
  podIP(): string | undefined;
  listener(port: number): SimProcess | undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', 'ip6-localhost', 'ip6-loopback']);

/**
 * The network as the processes of one pod see it (busybox wget, nc, nslookup in its containers,
 * exec probes, kubectl exec). When the cluster's network is registered for the store
 * (container-network.ts), everything goes through it (Services, DNS, other pods, and the pod
 * itself, with every request recorded). Without it, the pod reaches only itself: localhost, its
 * own IP and its own hostname, through the processes listening in its network namespace.
 */
export function podShellNetwork(owner: object, pod: PodNetns): ShellNetwork {
  const cluster = () => shellNetworkFor(owner)?.(pod.namespace, pod.name);
  const local = (host: string): string | undefined => {
    const h = host.toLowerCase();
    if (LOOPBACK.has(h)) return h.includes(':') ? '::1' : '127.0.0.1';
    const ip = pod.podIP();
    if (ip !== undefined && (h === ip || h === pod.hostname)) return ip;
    return undefined;
  };
  return {
    http(request: HttpRequest): HttpAnswer {
      const net = cluster();
      if (net?.http) return net.http(request);
      const address = local(request.host);
      if (address === undefined) return { type: 'error', error: 'unresolvable' };
      const result = pod.listener(request.port)?.httpGet(request.port, request.path);
      if (!result || result.kind === 'refused') return { type: 'error', error: 'refused', address };
      if (result.kind === 'not-http') return { type: 'error', error: 'reset', address };
      return { type: 'response', status: result.status, body: result.body, address };
    },
    tcp(request: TcpRequest): TcpAnswer {
      const net = cluster();
      if (net?.tcp) return net.tcp(request);
      const address = local(request.host);
      if (address === undefined) return { type: 'error', error: 'unresolvable' };
      return pod.listener(request.port)
        ? { type: 'connected', address }
        : { type: 'error', error: 'refused', address };
    },
    dns(request): DnsAnswer {
      const net = cluster();
      if (net?.dns) return net.dns(request);
      const address = local(request.name);
      if (address === undefined) return { type: 'error', error: 'nxdomain' };
      return { type: 'resolved', name: request.name, addresses: [address] };
    },
  };
}
