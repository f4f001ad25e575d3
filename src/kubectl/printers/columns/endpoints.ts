/**
 * `kubectl get endpoints` and `kubectl get endpointslices`: printEndpoints (formatEndpoints) and
 * printEndpointSlice (formatDiscoveryPorts, formatDiscoveryEndpoints) from kubernetes
 * pkg/printers/internalversion/printers.go.
 */
import type { Endpoint, EndpointSlice, Endpoints } from '../../../api/types.js';
import { age, type KindTable } from '../table.js';

const MAX = 3;

/** net.JoinHostPort: IPv6 addresses get brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpoints with ports=nil: ready addresses as ip:port, at most 3, then ` + N more...`. */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      // It's possible to have headless services with no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports ?? []) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

function listWithMoreString(list: string[], more: boolean, count: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - MAX} more...`;
  return ret || '<unset>';
}

/** formatDiscoveryPorts */
export function formatDiscoveryPorts(ports: EndpointSlice['ports']): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const port of ports ?? []) {
    if (list.length < MAX) list.push(port.port != null ? String(port.port) : (port.name ?? '*'));
    else if (list.length === MAX) more = true;
    count++;
  }
  return listWithMoreString(list, more, count);
}

/** formatDiscoveryEndpoints: every address of every endpoint, ready or not. */
export function formatDiscoveryEndpoints(endpoints: readonly Endpoint[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ep of endpoints ?? []) {
    for (const address of ep.addresses ?? []) {
      if (list.length < MAX) list.push(address);
      else if (list.length === MAX) more = true;
      count++;
    }
  }
  return listWithMoreString(list, more, count);
}

export const endpointsTable: KindTable<Endpoints> = {
  columns: [{ name: 'Name', isName: true }, { name: 'Endpoints' }, { name: 'Age' }],
  row: (ep, now) => [ep.metadata.name, formatEndpoints(ep), age(ep.metadata.creationTimestamp, now)],
};

export const endpointSliceTable: KindTable<EndpointSlice> = {
  columns: [
    { name: 'Name', isName: true },
    { name: 'AddressType' },
    { name: 'Ports' },
    { name: 'Endpoints' },
    { name: 'Age' },
  ],
  row: (es, now) => [
    es.metadata.name,
    es.addressType ?? '',
    formatDiscoveryPorts(es.ports),
    formatDiscoveryEndpoints(es.endpoints),
    age(es.metadata.creationTimestamp, now),
  ],
};
