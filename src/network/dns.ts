import type { Service } from '../api/types.js';
import { KUBE_DNS_SERVICE_IP } from '../store/allocators/bootstrap-services.js';
import { dashedIP, isIP } from './ip.js';
import type { Topology } from './topology.js';

/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it (kubeadm's Corefile: `kubernetes
 * cluster.local … { pods insecure }`, `forward . /etc/resolv.conf`), and a pod's resolver as
 * the kubelet writes its /etc/resolv.conf (ClusterFirst): `nameserver 10.96.0.10`,
 * `search <ns>.svc.cluster.local svc.cluster.local cluster.local`, `options ndots:5`.
 * - `<svc>.<ns>.svc.cluster.local`: the ClusterIP (even with no endpoints); for a headless
 *   Service the ready endpoints' IPs; for ExternalName a CNAME to its name.
 * - `<hostname>.<svc>.<ns>.svc.cluster.local`: the endpoint with that hostname.
 * - `10-244-1-5.<ns>.pod.cluster.local`: 10.244.1.5 (`pods insecure` does not check it).
 * - Node names (`node-1`): the node's IP, as the upstream resolver of a kind cluster (Docker's)
 *   answers them, from pods and from the machine running the cluster alike.
 * Internet names (under a public top-level domain) are outside the simulation; other names are
 * NXDOMAIN. SRV records are not simulated.
 */

export const CLUSTER_DOMAIN = 'cluster.local';
export const NAMESERVER = KUBE_DNS_SERVICE_IP;
export const NDOTS = 5;

export type DnsAnswer =
  /** `name` is the fully qualified name that answered; `service` the Service it belongs to. */
  | {
      readonly kind: 'address';
      readonly name: string;
      readonly addresses: readonly string[];
      readonly service?: Service;
    }
  /** A CNAME out of the cluster (ExternalName) or a name only the internet could answer. */
  | { readonly kind: 'external'; readonly name: string; readonly target: string }
  | { readonly kind: 'nxdomain'; readonly name: string };

/** The search list of a pod in `namespace` (pkg/kubelet/network/dns: ClusterFirst). */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

const ZONE_SUFFIX = `.${CLUSTER_DOMAIN}`;

export class ClusterDns {
  constructor(private readonly topology: Topology) {}

  /**
   * What a pod's resolver makes of `name`: an IP literal as is, `localhost` from /etc/hosts,
   * otherwise the search list first (fewer than ndots dots) or the name first (ndots or more),
   * stopping at the first name that exists. A trailing dot makes the name absolute.
   */
  lookup(name: string, namespace: string): DnsAnswer {
    const host = name.toLowerCase();
    if (isIP(host)) return { kind: 'address', name: host, addresses: [host] };
    if (host === 'localhost') return { kind: 'address', name: host, addresses: ['127.0.0.1'] };
    if (host.endsWith('.')) return this.query(host.slice(0, -1));
    const dots = countDots(host);
    const search = searchPath(namespace);
    if (dots >= NDOTS) {
      const first = this.query(host);
      if (first.kind !== 'nxdomain') return first;
    }
    for (const domain of search) {
      const answer = this.query(`${host}.${domain}`);
      if (answer.kind !== 'nxdomain') return answer;
    }
    if (dots < NDOTS) {
      const last = this.query(host);
      if (last.kind !== 'nxdomain') return last;
    }
    return { kind: 'nxdomain', name: host };
  }

  /**
   * What the machine running the cluster resolves: IP literals, localhost and the node names;
   * the cluster's own names are unknown there.
   */
  lookupOutside(name: string): DnsAnswer {
    const host = name.toLowerCase().replace(/\.$/, '');
    if (isIP(host)) return { kind: 'address', name: host, addresses: [host] };
    if (host === 'localhost') return { kind: 'address', name: host, addresses: ['127.0.0.1'] };
    const node = this.topology.node(host);
    if (node) return { kind: 'address', name: host, addresses: [node.ip] };
    return internetName(host)
      ? { kind: 'external', name: host, target: host }
      : { kind: 'nxdomain', name: host };
  }

  /**
   * A reverse lookup (PTR) as CoreDNS's kubernetes plugin answers it (reverse.go
   * serviceRecordForIP): a Service's cluster IP names the Service, otherwise a ready endpoint
   * names `<hostname or dashed IP>.<service>.<namespace>.svc.cluster.local` (the first Service
   * by name when several select it); any other address has no name.
   */
  reverse(ip: string): string | undefined {
    const service = this.topology.serviceAt(ip);
    if (service && service.spec?.clusterIP === ip) {
      return `${service.metadata.name}.${service.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
    }
    const [endpoint] = this.topology.endpointsAt(ip);
    if (!endpoint) return undefined;
    const { service: backed, hostname } = endpoint;
    const host = hostname || ip.replaceAll('.', '-');
    return `${host}.${backed.metadata.name}.${backed.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  }

  /** What CoreDNS answers for one fully qualified name (no trailing dot, lower case). */
  query(fqdn: string): DnsAnswer {
    if (fqdn.endsWith(ZONE_SUFFIX)) return this.queryZone(fqdn);
    const node = this.topology.node(fqdn);
    if (node) return { kind: 'address', name: fqdn, addresses: [node.ip] };
    return internetName(fqdn)
      ? { kind: 'external', name: fqdn, target: fqdn }
      : { kind: 'nxdomain', name: fqdn };
  }

  private queryZone(fqdn: string, depth = 0): DnsAnswer {
    const labels = fqdn.slice(0, -ZONE_SUFFIX.length).split('.');
    const nx: DnsAnswer = { kind: 'nxdomain', name: fqdn };
    if (labels.length === 3 && labels[2] === 'svc') {
      const service = this.topology.service(labels[1]!, labels[0]!);
      return service ? this.serviceAnswer(fqdn, service, depth) : nx;
    }
    if (labels.length === 4 && labels[3] === 'svc') {
      const service = this.topology.service(labels[2]!, labels[1]!);
      const ip = service && this.topology.hostnameAddress(service, labels[0]!);
      return ip ? { kind: 'address', name: fqdn, addresses: [ip], service } : nx;
    }
    if (labels.length === 3 && labels[2] === 'pod') {
      const ip = dashedIP(labels[0]!);
      return ip ? { kind: 'address', name: fqdn, addresses: [ip] } : nx;
    }
    return nx;
  }

  private serviceAnswer(fqdn: string, service: Service, depth: number): DnsAnswer {
    const spec = service.spec ?? {};
    if (spec.type === 'ExternalName') {
      const target = (spec.externalName ?? '').toLowerCase().replace(/\.$/, '');
      // A CNAME into the cluster's own zone is answered by CoreDNS itself (one hop).
      if (target.endsWith(ZONE_SUFFIX) && depth < 8) {
        const chased = this.queryZone(target, depth + 1);
        if (chased.kind === 'address') return { ...chased, name: fqdn };
      }
      return { kind: 'external', name: fqdn, target };
    }
    if (spec.clusterIP === 'None') {
      return { kind: 'address', name: fqdn, addresses: this.topology.readyAddresses(service), service };
    }
    if (!spec.clusterIP) return { kind: 'nxdomain', name: fqdn };
    return { kind: 'address', name: fqdn, addresses: [spec.clusterIP], service };
  }
}

/**
 * Top-level domains common enough that a name under them is taken for an internet name (which
 * the upstream resolver would answer, outside the simulation). Any other name that is not the
 * cluster's is NXDOMAIN, so a typo such as `web.defualt` fails like a real lookup does.
 */
const PUBLIC_TLDS = new Set(
  (
    'com net org io dev app ai co edu gov mil int info biz me tv cloud sh xyz site online tech ' +
    'us uk de fr nl eu ch jp cn ru in br au ca es it se no dk fi pl cz at be ie nz sg hk kr tw il za mx ar'
  ).split(' '),
);

function internetName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && PUBLIC_TLDS.has(name.slice(dot + 1));
}

function countDots(name: string): number {
  let n = 0;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 46) n++;
  return n;
}
