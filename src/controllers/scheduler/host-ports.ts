import type { ContainerPort, Pod } from '../../api/types.js';

/** framework.DefaultBindAllHostIP: a port on 0.0.0.0 is taken on every address of the node. */
export const DEFAULT_BIND_ALL_HOST_IP = '0.0.0.0';

/** The host ports one pod asks for; shared and empty for the (common) pod that asks for none. */
const NO_PORTS: readonly ContainerPort[] = Object.freeze([]);

/**
 * nodeports.getContainerPorts (v1.33): the ports of the app containers that set a hostPort.
 * Init containers are not looked at, sidecars included (schedutil.GetHostPorts, which adds
 * restartable init containers, came after v1.33).
 */
export function hostPortsOf(pod: Pick<Pod, 'spec'>): readonly ContainerPort[] {
  let out: ContainerPort[] | undefined;
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if ((p.hostPort ?? 0) <= 0) continue;
      (out ??= []).push(p);
    }
  }
  return out ?? NO_PORTS;
}

/**
 * framework.HostPortInfo: the (hostIP, protocol, hostPort) triples the pods on a node use, by
 * host IP, with an empty IP meaning 0.0.0.0 and an empty protocol TCP. Kept as counts where
 * upstream keeps a set: a pod bound with spec.nodeName bypasses the scheduler and may repeat a
 * triple, and removing one of two such pods must leave the triple in use.
 */
export class HostPortInfo {
  private readonly byIP = new Map<string, Map<string, number>>();

  add(ip: string | undefined, protocol: string | undefined, port: number, sign = 1): void {
    if (port <= 0) return;
    const host = ip || DEFAULT_BIND_ALL_HOST_IP;
    const key = protocolPort(protocol, port);
    let ports = this.byIP.get(host);
    if (!ports) {
      if (sign < 0) return;
      ports = new Map();
      this.byIP.set(host, ports);
    }
    const n = (ports.get(key) ?? 0) + sign;
    if (n > 0) ports.set(key, n);
    else ports.delete(key);
    if (ports.size === 0) this.byIP.delete(host);
  }

  remove(ip: string | undefined, protocol: string | undefined, port: number): void {
    this.add(ip, protocol, port, -1);
  }

  /** The number of distinct triples in use (HostPortInfo.Len). */
  get size(): number {
    let n = 0;
    for (const ports of this.byIP.values()) n += ports.size;
    return n;
  }

  /**
   * CheckConflict: 0.0.0.0 (or no IP) conflicts with the protocol and port on any address; a
   * specific address only with the same address or 0.0.0.0.
   */
  checkConflict(ip: string | undefined, protocol: string | undefined, port: number): boolean {
    if (port <= 0 || this.byIP.size === 0) return false;
    const host = ip || DEFAULT_BIND_ALL_HOST_IP;
    const key = protocolPort(protocol, port);
    if (host === DEFAULT_BIND_ALL_HOST_IP) {
      for (const ports of this.byIP.values()) if (ports.has(key)) return true;
      return false;
    }
    return !!this.byIP.get(DEFAULT_BIND_ALL_HOST_IP)?.has(key) || !!this.byIP.get(host)?.has(key);
  }
}

function protocolPort(protocol: string | undefined, port: number): string {
  return `${protocol || 'TCP'}/${port}`;
}
