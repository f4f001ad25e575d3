import type { EndpointAddress, EndpointPort, EndpointSubset } from '../../api/types.js';
import { md5Hex, sortByHash, spewEndpointPort, spewEndpointSubset } from './go-hash.js';

/**
 * RepackSubsets and SortSubsets (pkg/api/v1/endpoints/util.go): expands subsets to
 * (address, port, ready) triples and packs them again into the canonical layout, one subset per
 * set of addresses sharing the same ports. An address is keyed by IP and target UID; when it is
 * both ready and not ready for a port, not ready wins. Addresses without ports are kept under a
 * sentinel port (headless Services without ports).
 */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const addresses = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port: EndpointPort | undefined; ready: Map<string, boolean> }>();

  const record = (addr: EndpointAddress, port: EndpointPort | undefined, ready: boolean) => {
    const key = addressKey(addr);
    if (!addresses.has(key)) addresses.set(key, addr);
    const pk = port ? portKey(port) : '';
    let entry = byPort.get(pk);
    if (!entry) byPort.set(pk, (entry = { port, ready: new Map() }));
    const was = entry.ready.get(key);
    if (was === undefined || was) entry.ready.set(key, ready);
  };

  for (const subset of subsets) {
    const ports: Array<EndpointPort | undefined> = subset.ports?.length ? subset.ports : [undefined];
    for (const port of ports) {
      for (const a of subset.addresses ?? []) record(a, port, true);
      for (const a of subset.notReadyAddresses ?? []) record(a, port, false);
    }
  }

  // Group the ports by the exact set of (address, ready) pairs that offer them.
  const groups = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, ready } of byPort.values()) {
    const key = [...ready.entries()]
      .map(([k, r]) => `${k}=${r}`)
      .sort()
      .join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ready, ports: [] }));
    if (port) group.ports.push(port);
  }

  const packed: EndpointSubset[] = [];
  for (const { ready, ports } of groups.values()) {
    const subset: EndpointSubset = {};
    const readyAddrs = [...ready].filter(([, r]) => r).map(([k]) => addresses.get(k)!);
    const notReadyAddrs = [...ready].filter(([, r]) => !r).map(([k]) => addresses.get(k)!);
    if (readyAddrs.length > 0) subset.addresses = readyAddrs;
    if (notReadyAddrs.length > 0) subset.notReadyAddresses = notReadyAddrs;
    if (ports.length > 0) subset.ports = ports;
    packed.push(subset);
  }
  return sortSubsets(packed);
}

/**
 * SortSubsets: addresses by IP (as bytes) then target UID, ports and subsets by the md5 of their
 * Go rendering (see go-hash.ts).
 */
export function sortSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const sorted = subsets.map((s) => {
    const out: EndpointSubset = { ...s };
    if (s.addresses) out.addresses = [...s.addresses].sort(compareAddresses);
    if (s.notReadyAddresses) out.notReadyAddresses = [...s.notReadyAddresses].sort(compareAddresses);
    if (s.ports) out.ports = sortByHash(s.ports, (p) => md5Hex(spewEndpointPort(p)));
    return out;
  });
  return sortByHash(sorted, (s) => md5Hex(spewEndpointSubset(s)));
}

/** LessEndpointAddress as a comparator. */
export function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  if (!b.targetRef) return a.targetRef ? 1 : 0;
  if (!a.targetRef) return -1;
  const ua = a.targetRef.uid ?? '';
  const ub = b.targetRef.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function addressKey(a: EndpointAddress): string {
  return `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
}

function portKey(p: EndpointPort): string {
  return `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? '\u0001'}`;
}
