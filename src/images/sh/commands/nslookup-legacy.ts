import type { DnsAnswer, Gen } from '../effects.js';
import { type AppletContext, usage } from './types.js';

/**
 * busybox 1.28 and older nslookup (networking/nslookup.c before the 1.29 rewrite; from 1.29 on it
 * is the `!ENABLE_NSLOOKUP_BIG` branch): libc's resolver rather than a DNS client of its own.
 * - res_init() reads /etc/resolv.conf; server_print() prints the first nameserver (or the SERVER
 *   argument) through print_host();
 * - print_host(name, "Name:") calls getaddrinfo(), which looks in /etc/hosts first and then asks
 *   DNS with the search list and ndots:5 like any libc program: from a pod, `kubernetes.default`
 *   finds kubernetes.default.svc.cluster.local (busybox 1.29+ sends it unsearched: NXDOMAIN);
 * - each address is printed with its reverse name (getnameinfo NI_NAMEREQD), when it has one:
 *     printf("%-10s %s\n", header, hostname)
 *     printf("Address %u: %s%c", ++cnt, dotted, revhost ? ' ' : '\n'); puts(revhost)
 * - a name that does not resolve: bb_error_msg("can't resolve '%s'") and exit status 1.
 *
 * Reverse names are the network's PTR answers (`dns` requests of type PTR: CoreDNS's reverse
 * zone, a Service's name for its cluster IP, `<hostname or dashed-ip>.<service>…` for an
 * endpoint). Simplified: an explicit SERVER is printed but the cluster's DNS still answers; a
 * SERVER that is a name is not resolved.
 */

const USAGE = 'nslookup [HOST] [SERVER]';
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const TIMEOUT_MS = 5000;

/** `Name:      x` (printf "%-10s %s"). */
function header(label: string, name: string): string {
  return `${label.padEnd(10)} ${name}\n`;
}

/** res_init: the first `nameserver` line, else the resolver's default (the local host). */
function firstNameserver(resolvConf: string): string {
  for (const line of resolvConf.split('\n')) {
    const m = /^[ \t]*nameserver[ \t]+(\S+)/.exec(line);
    if (m) return m[1]!;
  }
  return '127.0.0.1';
}

/** /etc/hosts entries: address → names, in file order. */
function hostsEntries(text: string): Array<{ address: string; names: string[] }> {
  const out: Array<{ address: string; names: string[] }> = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [address, ...names] = line.split(/\s+/);
    if (address && names.length > 0) out.push({ address, names });
  }
  return out;
}

interface Lookup {
  readonly addresses: readonly string[];
  /** The fully qualified name DNS answered for (absent for /etc/hosts and IP literals). */
  readonly fqdn?: string;
}

export function* nslookupLegacy(ctx: AppletContext): Gen<number> {
  const argv = ctx.argv;
  if (argv[1] === undefined || argv[1].startsWith('-') || argv.length > 3) return usage(ctx, USAGE);
  const name = argv[1];
  const read = (path: string): string => {
    try {
      return ctx.sys.fs.readFile(path);
    } catch {
      return '';
    }
  };
  const hosts = hostsEntries(read('/etc/hosts'));
  const server = argv[2] ?? firstNameserver(read('/etc/resolv.conf'));

  /** getnameinfo(NI_NAMEREQD): /etc/hosts, then a PTR query. */
  function* reverse(address: string): Gen<string | undefined> {
    const entry = hosts.find((h) => h.address === address);
    if (entry) return entry.names[0];
    const answer = (yield {
      type: 'dns',
      request: { name: address, type: 'PTR', timeoutMs: TIMEOUT_MS },
    }) as DnsAnswer;
    return answer.type === 'resolved' && answer.name !== address ? answer.name : undefined;
  }

  /** getaddrinfo: an IP literal as it is, /etc/hosts, then DNS with the search list. */
  function* resolve(host: string): Gen<Lookup | undefined> {
    if (IPV4.test(host)) return { addresses: [host] };
    const lower = host.toLowerCase();
    // uClibc and glibc sort IPv6 loopback before IPv4 (RFC 3484), as `nslookup localhost` shows.
    const fromHosts = hosts
      .filter((h) => h.names.some((n) => n.toLowerCase() === lower))
      .map((h) => h.address)
      .sort((a, b) => Number(b.includes(':')) - Number(a.includes(':')));
    if (fromHosts.length > 0) return { addresses: fromHosts };
    const answer = (yield { type: 'dns', request: { name: host, timeoutMs: TIMEOUT_MS } }) as DnsAnswer;
    if (answer.type !== 'resolved' || answer.addresses.length === 0) return undefined;
    return { addresses: answer.addresses, fqdn: answer.name };
  }

  /** print_host: the header line and one `Address N:` line per address; false when unresolved. */
  function* printHost(host: string, label: string): Gen<boolean> {
    const lookup = yield* resolve(host);
    if (!lookup) {
      ctx.fds.stderr.write(`nslookup: can't resolve '${host}'\n`);
      return false;
    }
    let out = header(label, host);
    let n = 0;
    for (const address of lookup.addresses) {
      const rev = yield* reverse(address);
      out += `Address ${++n}: ${address}${rev ? ` ${rev}` : ''}\n`;
    }
    ctx.fds.stdout.write(out);
    return true;
  }

  yield* printHost(server, 'Server:');
  ctx.fds.stdout.write('\n');
  return (yield* printHost(name, 'Name:')) ? 0 : 1;
}
