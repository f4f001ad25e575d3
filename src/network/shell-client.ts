import type {
  DnsRequest,
  HttpAnswer,
  HttpRequest,
  DnsAnswer as ShellDnsAnswer,
  TcpAnswer,
  TcpRequest,
} from '../images/sh/effects.js';
import type { ShellHost } from '../images/sh/host.js';
import type { Network, RequestSource } from './network.js';

/**
 * The network as a container's shell sees it (busybox `wget`, `nc`, `nslookup`): the `http`,
 * `tcp` and `dns` answers of a ShellHost, for a process running in `source` (normally the pod
 * whose container runs the shell). wget's requests are recorded in the request log like any
 * other; `nc` connections and lookups are not. A request that would time out answers after the
 * client's own timeout (`afterMs`), as wget's `-T` would end it.
 *
 * The kubelet owns the shells: it can wire `shellNetwork(cluster.network, {pod, namespace})`
 * into the ShellHost it gives a container's ShellRunner.
 */
export function shellNetwork(
  network: Network,
  source: RequestSource,
): Pick<ShellHost, 'http' | 'tcp' | 'dns'> {
  // Resolved on each call: the pod may not exist yet when its shell is created.
  const client = () => network.client(source);
  return {
    http(request: HttpRequest): HttpAnswer {
      const record = network.request(client(), request.url, {
        scheme: request.scheme,
        host: request.host.toLowerCase(),
        port: request.port,
        path: request.path,
      });
      const address = record.address;
      if (record.status !== undefined) {
        return {
          type: 'response',
          status: record.status,
          body: record.body ?? '',
          ...(address ? { address } : {}),
        };
      }
      switch (record.error) {
        case 'timeout':
          return {
            type: 'error',
            error: 'timeout',
            afterMs: request.timeoutMs,
            ...(address ? { address } : {}),
          };
        case 'external':
          return { type: 'error', error: 'unreachable', ...(address ? { address } : {}) };
        default:
          return { type: 'error', error: record.error ?? 'reset', ...(address ? { address } : {}) };
      }
    },

    tcp(request: TcpRequest): TcpAnswer {
      const route = network.connect(client(), request.host.toLowerCase(), request.port);
      const address = route.address;
      const reach = route.reach;
      if (reach.kind !== 'failed') return { type: 'connected', ...(address ? { address } : {}) };
      if (reach.error === 'timeout') {
        return {
          type: 'error',
          error: 'timeout',
          afterMs: request.timeoutMs,
          ...(address ? { address } : {}),
        };
      }
      const error = reach.error === 'external' ? 'unreachable' : reach.error;
      return { type: 'error', error, ...(address ? { address } : {}) };
    },

    dns(request: DnsRequest): ShellDnsAnswer {
      if (request.type === 'PTR') {
        const name = network.reverseLookup(request.name);
        return name
          ? { type: 'resolved', name, addresses: [request.name] }
          : { type: 'error', error: 'nxdomain' };
      }
      const answer = network.lookup(request.name, { from: source });
      if (answer.kind === 'address' && answer.addresses.length > 0) {
        return { type: 'resolved', name: answer.name, addresses: answer.addresses };
      }
      return { type: 'error', error: 'nxdomain' };
    },
  };
}
